"""Login and demo commands of `python -m advocacy`: unlock-user, remove-demo. Registered with
advocacy.cli's command table when that module is loaded."""

from __future__ import annotations

from advocacy import texts
from advocacy.cli_registry import arg, command
from advocacy.errors import AdvocacyError
from advocacy.startup import open_database


@command("unlock-user", "opphev innloggingssperren for en bruker (etter mislykkede forsøk)",
         arg("username", metavar="BRUKERNAVN"))
def cmd_unlock_user(args) -> int:
    from advocacy.accounts import login_limits

    db = open_database(args.db, create=False)
    username = args.username.strip().lower()
    row = db.execute("select id from users where username = ?", [username]).fetchone()
    if row is not None:
        forgiven = login_limits.unlock(db, None, row[0], username)
    else:  # a mistyped name also counts against the client that typed it
        forgiven = login_limits.forgive(db, username)
        if not forgiven:
            raise AdvocacyError(texts.UNLOCK_USER_NOT_FOUND.format(username=args.username))
    print((texts.UNLOCK_DONE if forgiven else texts.UNLOCK_NOTHING)
          .format(username=username, n=forgiven))
    return 0


@command("remove-demo", "fjern alle demodata og demokontoer (ekte data blir stående)")
def cmd_remove_demo(args) -> int:
    from advocacy.demo import demo_removal

    result = demo_removal.remove(open_database(args.db, create=False))
    print("\n".join(result.lines()))
    return 0
