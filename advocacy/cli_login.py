"""Login and demo commands of `python -m advocacy`: unlock-user, remove-demo. Registered with
advocacy.cli's command table when that module is loaded."""

from __future__ import annotations

from advocacy import texts
from advocacy.accounts import login_limits
from advocacy.cli_registry import arg, command
from advocacy.demo import demo_removal
from advocacy.startup import open_database


@command("unlock-user", "opphev innloggingssperren for en bruker (etter mislykkede forsøk)",
         arg("username", metavar="BRUKERNAVN"))
def cmd_unlock_user(args) -> int:
    db = open_database(args.db, create=False)
    forgiven = login_limits.unlock_by_name(db, None, args.username)
    username = args.username.strip().lower()
    print((texts.UNLOCK_DONE if forgiven else texts.UNLOCK_NOTHING)
          .format(username=username, n=forgiven))
    return 0


@command("remove-demo", "fjern alle demodata og demokontoer (ekte data blir stående)")
def cmd_remove_demo(args) -> int:
    result = demo_removal.remove(open_database(args.db, create=False))
    print("\n".join(result.lines()))
    return 0
