"""`python -m advocacy …`: set up the database, demo data, accounts and counts.

Every command opens the database through `startup.open_database`, so pending migrations are
applied first. Domain errors print "Feil: …" and exit 1; bad arguments exit 2 (argparse); no
command shows a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from advocacy import backup, cli_login, cli_privacy, texts  # noqa: F401 - their commands register on import
from advocacy.accounts import accounts
from advocacy.cli_registry import CLI_USER, COMMANDS, arg, command, parser
from advocacy.db import default_path, table_counts
from advocacy.demo import demo
from advocacy.documents import PreparedTemplate, check_template_cli, letter_filename, render_batch
from advocacy.errors import AdvocacyError
from advocacy.events import events
from advocacy.letters.document_context import complete_contexts, recipients_from_file
from advocacy.letters.template_library import load_template
from advocacy.meetings import followups
from advocacy.policy import status_export
from advocacy.politicians import politician_import
from advocacy.startup import open_database, verify_audit


@command("init-db", "opprett eller oppdater databasen og last inn referansedata")
def cmd_init_db(args) -> int:
    db = open_database(args.db, create=True)
    counts = table_counts(db)
    print(f"Databasen er klar: {args.db or default_path()}")
    print(f"municipalities: {counts['municipalities']}")
    print(f"counties: {counts['counties']}")
    return 0


@command("demo", "legg inn oppdiktede demodata og demokontoer")
def cmd_demo(args) -> int:
    db = open_database(args.db, create=True)
    if demo.load(db):
        print("Demodata er lagt inn. Demokontoer (passord: " + demo.DEMO_PASSWORD + "):")
        for account in demo.demo_accounts(db):
            print(f"  {account['username']} ({account['role']})")
    else:
        print("Demodata finnes allerede; ingenting ble endret.")
    return 0


@command("create-user", "opprett en bruker (passord fra ADVOCACY_PASSWORD eller spørsmål)",
         arg("username", metavar="BRUKERNAVN"),
         arg("--role", required=True, help="leder, lokallag eller skrivegruppe"),
         arg("--chapter", help="lokallagets navn (påkrevd for rollen lokallag)"),
         arg("--name", help="fullt navn"))
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


@command("stats", "vis antall rader i hver tabell")
def cmd_stats(args) -> int:
    db = open_database(args.db, create=False)
    for table, count in table_counts(db).items():
        print(f"{table}: {count}")
    return 0


@command("backup", "lag en kontrollert sikkerhetskopi mens appen kjører",
         arg("--out", required=True, metavar="FIL"))
def cmd_backup(args) -> int:
    db = open_database(args.db, create=False)
    path = backup.backup(db, args.out)
    print(f"Sikkerhetskopi skrevet og kontrollert: {path}")
    return 0


@command("restore", "legg tilbake en sikkerhetskopi (stopp appen først)",
         arg("file", metavar="FIL"))
def cmd_restore(args) -> int:
    target = args.db or default_path()
    backup.restore(args.file, target)
    db = open_database(target, create=False)  # migrates it if the backup is older
    try:
        note = backup.adopt_restored(db)
    finally:
        db.close()
    print(f"Databasen {target} er lagt tilbake fra {args.file}.")
    if note:
        print(note)
    return 0


@command("verify-audit", "kontroller at endringsloggens hash-kjede er hel")
def cmd_verify_audit(args) -> int:
    result = verify_audit(args.db)
    print(result.message)
    return 0 if result.ok else 1


# --- Politicians and meetings ---

# The command line acts with leadership's reach: it runs on the server, by whoever runs the app.


@command("import-politicians",
         "les inn politikere fra CSV eller Excel (alt eller ingenting)", arg("file", metavar="FIL"))
def cmd_import_politicians(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise AdvocacyError(f"Filen finnes ikke: {path}")
    db = open_database(args.db, create=False)
    preview, counts = politician_import.import_file(db, CLI_USER, path.name, path.read_bytes())
    for problem in preview.problems:
        print(f"{preview.filename}: {problem}", file=sys.stderr)
    for plan in preview.rows:
        for note in plan.notes:
            print(f"{preview.filename}: rad {plan.row}: {note}", file=sys.stderr)
    for key in ("imported", "updated", "rejected"):
        print(f"{key}: {counts[key]}")
    if counts["rejected"]:
        print(texts.IMPORT_REJECTED.format(n=counts["rejected"]), file=sys.stderr)
        return 1
    return 0


@command("followups-ics", "skriv åpne oppfølginger til en kalenderfil (.ics)",
         arg("--out", required=True, metavar="FIL"),
         arg("--chapter", help="bare dette lokallaget"))
def cmd_followups_ics(args) -> int:
    db = open_database(args.db, create=False)
    chapter_id = accounts.chapter_id_by_name(db, args.chapter) if args.chapter else None
    data = followups.followups_ics(db, CLI_USER, chapter_id=chapter_id)
    Path(args.out).write_bytes(data)
    print(f"Skrev {data.count(b'BEGIN:VEVENT')} oppfølginger til {args.out}")
    return 0


# --- Documents: batch letters and the template check ---


@command("letters", "lag ett brev per mottaker fra en mal og en mottakerliste, samlet i en .zip",
         arg("--template", required=True, metavar="NAVN",
             help="malens navn (f.eks. oppfolgingsbrev), en opplastet mal eller en .docx-fil"),
         arg("--recipients", required=True, metavar="FIL",
             help="mottakerliste (.csv eller .xlsx), én rad per brev"),
         arg("--out", required=True, metavar="FIL.zip", help="zip-filen som skal lages"))
def cmd_letters(args) -> int:
    template_path = Path(args.template)
    if template_path.suffix.lower() == ".docx" and template_path.is_file():
        kind, name, data = "annet", template_path.name, _read_file(template_path)
    else:
        try:
            found = load_template(None, args.template)
        except AdvocacyError:  # not bundled: look among the uploaded ones
            found = load_template(open_database(args.db, create=False), args.template)
        kind, name, data = found.kind, found.filename, found.data
    prepared = PreparedTemplate(data, filename=name)
    recipients_path = Path(args.recipients)
    listed = recipients_from_file(recipients_path.name, _read_file(recipients_path),
                                  prepared.fields, provided={"dato"}, kind=kind)
    if listed.problems:
        print(texts.LETTERS_REFUSED, file=sys.stderr)
        for problem in listed.problems:
            print(f"  {recipients_path.name}: {problem}", file=sys.stderr)
        return 1
    contexts, _ = complete_contexts(prepared.fields, {"dato": dt.date.today()},
                                    listed.recipients, kind)
    archive = render_batch(prepared, contexts, lambda context: letter_filename(kind, context))
    out = Path(args.out)
    try:
        out.write_bytes(archive)
    except OSError as exc:
        raise AdvocacyError(f"Kunne ikke skrive {out}: {exc.strerror}.") from None
    print(texts.LETTERS_WRITTEN.format(n=len(contexts), path=out))
    return 0


@command("check-template", "sjekk en Word-mal (.docx) og vis flettefeltene",
         arg("file", metavar="FIL"))
def cmd_check_template(args) -> int:
    code, lines = check_template_cli(args.file)
    print("\n".join(lines), file=sys.stdout if code == 0 else sys.stderr)
    return code


def _read_file(path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        raise AdvocacyError(f"Fant ikke filen eller kunne ikke lese den: {path}") from None


# The order `--help` lists the commands in.
ORDER = ("init-db", "demo", "create-user", "stats", "backup", "verify-audit", "restore", "letters",
         "check-template", "import-politicians", "followups-ics", "export-status", "unlock-user",
         "remove-demo", "export-person", "erase-person", "retention", "clean-db", "events-ics")


def build_parser() -> argparse.ArgumentParser:
    return parser("python -m advocacy",
                  "Påvirk: oppsett, demodata, brukere og tall fra kommandolinjen.", ORDER)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command].run(args)
    except AdvocacyError as exc:
        print(f"Feil: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Avbrutt.", file=sys.stderr)
        return 130



# --- Policy profiles and overview ---

@command("export-status",
         "skriv status per kommune (én rad per kommune, én kolonne per sak) til Excel eller CSV",
         arg("--out", required=True, metavar="FIL", help="filen som skal skrives (.xlsx eller .csv)"),
         arg("--with-status", action="store_true", help="ta med en statuskolonne for hver sak"))
def cmd_export_status(args) -> int:
    db = open_database(args.db, create=False)
    try:
        n = status_export.write_file(db, args.out, with_status=args.with_status)
    finally:
        db.close()
    print(texts.EXPORT_STATUS_DONE.format(n=n, path=args.out))
    return 0


# --- Statements, campaigns and calendar ---


def _cli_date(value: str | None, default):
    if not value:
        return default
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise AdvocacyError(f"«{value}» er ikke en gyldig dato (bruk åååå-mm-dd).") from None


@command("events-ics", "skriv aktivitetskalenderen og politiske datoer til en .ics-fil",
         arg("--out", required=True, metavar="FIL", help="filen som skal skrives"),
         arg("--from", dest="start", metavar="DATO", help="fra dato (åååå-mm-dd)"),
         arg("--to", dest="end", metavar="DATO", help="til dato (åååå-mm-dd)"),
         arg("--chapter", help="bare dette lokallaget"))
def cmd_events_ics(args) -> int:
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
