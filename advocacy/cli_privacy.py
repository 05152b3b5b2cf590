"""Privacy commands of `python -m advocacy`: export-person, erase-person, retention,
clean-db. Registered with advocacy.cli's command table when that module is loaded."""

from __future__ import annotations

from pathlib import Path

from advocacy import texts
from advocacy.cli_registry import CLI_USER, arg, command
from advocacy.errors import AdvocacyError
from advocacy.privacy import erasure, privacy
from advocacy.startup import open_database

# Who: a politician or a user, by number (export-person, erase-person).
_PERSON = (arg("--politician", type=int, metavar="NR", help="politikerens nummer"),
           arg("--user", type=int, metavar="NR", help="brukerens nummer"))


def _person(args) -> tuple[str, int]:
    if (args.politician is None) == (args.user is None):
        raise AdvocacyError("Oppgi enten --politician NR eller --user NR.")
    return ("politiker", args.politician) if args.politician is not None else ("bruker", args.user)


@command("export-person", "skriv alt som er lagret om én person (.json eller .txt)",
         *_PERSON, arg("--out", required=True, metavar="FIL"))
def cmd_export_person(args) -> int:
    kind, person_id = _person(args)
    db = open_database(args.db, create=False)
    data = (privacy.export_politician if kind == "politiker" else privacy.export_user)(
        db, CLI_USER, person_id)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise AdvocacyError(f"Mappen finnes ikke: {out.parent}")
    out.write_bytes(privacy.as_text(data) if out.suffix.lower() == ".txt"
                    else privacy.as_json(data))
    print(f"Personopplysningene er skrevet til {out}")
    return 0


@command("erase-person", "slett en person overalt, også fra søkeindeksen og databasefilen",
         *_PERSON,
         arg("--also", action="append", metavar="TEKST",
             help="en annen skrivemåte av navnet som også skal fjernes"),
         arg("--yes", action="store_true", help="bekreft at slettingen ikke kan angres"))
def cmd_erase_person(args) -> int:
    kind, person_id = _person(args)
    also = tuple(args.also or ())
    db = open_database(args.db, create=False)
    try:
        if not args.yes:  # first the surname-only mentions the erasure leaves, to review
            _print_review(erasure.review(db, CLI_USER, kind, person_id, also))
            raise AdvocacyError("Sletting kan ikke angres. Gjenta kommandoen med --yes.")
        erase = erasure.erase_politician if kind == "politiker" else erasure.erase_user
        result = erase(db, CLI_USER, person_id, also=also)
    finally:
        db.close()
    print(result.message)
    return 0 if result.file_cleaned else 1


def _print_review(found: dict) -> None:
    if not found["count"]:
        print(texts.ERASURE_REVIEW_NONE)
        return
    print(texts.ERASURE_REVIEW_INTRO.format(surname=found["surname"], count=found["count"])
          .replace("«Andre skrivemåter»", "--also"))
    for row in found["rows"]:
        print(f"  {row['place']} {row['nr']} ({row['field']}): {row['excerpt']}")
    if found["count"] > len(found["rows"]):
        print("  " + texts.ERASURE_REVIEW_MORE.format(count=found["count"] - len(found["rows"])))


@command("retention", "vis politikere ute av vervet og frivillige inaktive i over ett år")
def cmd_retention(args) -> int:
    db = open_database(args.db, create=False)
    rows = privacy.retention_list(db, CLI_USER)
    if not rows:
        print(texts.RETENTION_EMPTY)
    for row in rows:
        print(f"{row['kind']} {row['id']}: {row['name']} ({row['place'] or '–'}) – "
              f"{row['reason']}, siden {texts.format_date(row['since'])}")
    print("Slett med: python -m advocacy erase-person --politician NR | --user NR --yes")
    return 0


@command("clean-db", "rydd databasefilen (WAL-sjekkpunkt og VACUUM) etter sletting")
def cmd_clean_db(args) -> int:
    db = open_database(args.db, create=False)
    try:
        cleaned = erasure.clean_database(db)
    finally:
        db.close()
    print("Databasefilen er ryddet." if cleaned
          else "Databasefilen er i bruk; prøv igjen når appen er stoppet.")
    return 0 if cleaned else 1
