"""`python -m advocacy …`: set up the database, demo data, accounts and counts.

Every command opens the database through `startup.open_database`, so pending migrations are
applied first. Domain errors print "Feil: …" and exit 1; bad arguments exit 2 (argparse); no
command shows a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence

from . import accounts, demo, texts
from .db import default_path, table_counts
from .errors import AdvocacyError
from .startup import open_database

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str):
    def register(fn):
        COMMANDS[name] = fn
        return fn

    return register


@command("init-db")
def cmd_init_db(args) -> int:
    db = open_database(args.db, create=True)
    counts = table_counts(db)
    print(f"Databasen er klar: {args.db or default_path()}")
    print(f"municipalities: {counts['municipalities']}")
    print(f"counties: {counts['counties']}")
    return 0


@command("demo")
def cmd_demo(args) -> int:
    db = open_database(args.db, create=True)
    if demo.load(db):
        print("Demodata er lagt inn. Demokontoer (passord: " + demo.DEMO_PASSWORD + "):")
        for account in demo.demo_accounts(db):
            print(f"  {account['username']} ({account['role']})")
    else:
        print("Demodata finnes allerede; ingenting ble endret.")
    return 0


@command("create-user")
def cmd_create_user(args) -> int:
    if args.role not in accounts.ROLES:
        raise AdvocacyError(texts.UNKNOWN_ROLE.format(role=args.role))
    db = open_database(args.db, create=False)
    password = os.environ.get("ADVOCACY_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Passord: ")
            if password != getpass.getpass("Gjenta passordet: "):
                raise AdvocacyError("Passordene er ikke like. Ingen bruker ble opprettet.")
    accounts.create_user(
        db, args.username, args.role, password, full_name=args.name, chapter=args.chapter
    )
    print(f"Brukeren «{args.username}» ({args.role}) er opprettet.")
    return 0


@command("stats")
def cmd_stats(args) -> int:
    db = open_database(args.db, create=False)
    for table, count in table_counts(db).items():
        print(f"{table}: {count}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m advocacy",
        description="Påvirk: oppsett, demodata, brukere og tall fra kommandolinjen.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", help="databasefil (standard: ADVOCACY_DB eller data/advocacy.db)")
        return p

    add("init-db", "opprett eller oppdater databasen og last inn referansedata")
    add("demo", "legg inn oppdiktede demodata og demokontoer")
    p = add("create-user", "opprett en bruker (passord fra ADVOCACY_PASSWORD eller spørsmål)")
    p.add_argument("username", metavar="BRUKERNAVN")
    p.add_argument("--role", required=True, help="leder, lokallag eller skrivegruppe")
    p.add_argument("--chapter", help="lokallagets navn (påkrevd for rollen lokallag)")
    p.add_argument("--name", help="fullt navn")
    add("stats", "vis antall rader i hver tabell")
    _add_policy_commands(add)
    return parser


# --- Policy profiles and overview (issue 5) ---

@command("export-status")
def cmd_export_status(args) -> int:
    from . import status_export

    db = open_database(args.db, create=False)
    try:
        n = status_export.write_file(db, args.out, with_status=args.with_status)
    finally:
        db.close()
    print(texts.EXPORT_STATUS_DONE.format(n=n, path=args.out))
    return 0


def _add_policy_commands(add) -> None:
    p = add("export-status",
            "skriv status per kommune (én rad per kommune, én kolonne per sak) til Excel eller CSV")
    p.add_argument("--out", required=True, metavar="FIL",
                   help="filen som skal skrives (.xlsx eller .csv)")
    p.add_argument("--with-status", action="store_true",
                   help="ta med en statuskolonne for hver sak")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except AdvocacyError as exc:
        print(f"Feil: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Avbrutt.", file=sys.stderr)
        return 130
