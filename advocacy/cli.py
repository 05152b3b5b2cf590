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
# Subcommands added further down register their arguments here (add(name, help) -> parser).
PARSER_EXTENSIONS: list[Callable] = []


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
    for extend in PARSER_EXTENSIONS:
        extend(add)
    return parser


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


# --- Statements, campaigns and calendar ---


def _cli_date(value: str | None, default):
    import datetime as dt

    if not value:
        return default
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise AdvocacyError(f"«{value}» er ikke en gyldig dato (bruk åååå-mm-dd).") from None


@command("events-ics")
def cmd_events_ics(args) -> int:
    import datetime as dt
    from pathlib import Path

    from . import events

    today = dt.date.today()
    start = _cli_date(args.start, today - dt.timedelta(days=30))
    end = _cli_date(args.end, today + dt.timedelta(days=730))
    db = open_database(args.db, create=False)
    chapter = accounts.chapter_id_by_name(db, args.chapter) if args.chapter else None
    items = events.calendar_items(db, start, end, chapter_id=chapter)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise AdvocacyError(f"Mappen finnes ikke: {out.parent}")
    out.write_bytes(events.ics(items))
    print(f"{len(items)} hendelser skrevet til {out}")
    return 0


def _events_ics_parser(add) -> None:
    p = add("events-ics", "skriv aktivitetskalenderen og politiske datoer til en .ics-fil")
    p.add_argument("--out", required=True, metavar="FIL", help="filen som skal skrives")
    p.add_argument("--from", dest="start", metavar="DATO", help="fra dato (åååå-mm-dd)")
    p.add_argument("--to", dest="end", metavar="DATO", help="til dato (åååå-mm-dd)")
    p.add_argument("--chapter", help="bare dette lokallaget")


PARSER_EXTENSIONS.append(_events_ics_parser)
