"""Erasure finds the person in every form they are written in: endings, spacing, case, Unicode
and ASCII spellings, the phone number however grouped, the e-mail in any case, inside stored
.docx files (split across runs, in headers, tables and properties) and in uploaded templates.
Afterwards neither the raw .db, -wal and -shm bytes nor the XML of any stored .docx hold any of
them; the surname alone is listed for review and left; other people's rows are untouched."""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
import re
import unicodedata
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from advocacy import audit, drafts, search, texts
from advocacy.cli import main
from advocacy.errors import PermissionDenied
from advocacy.events import events
from advocacy.letters import document_records, template_library
from advocacy.meetings import meeting_replies, meetings
from advocacy.politicians import politicians
from advocacy.privacy import erasure, trash
from tests.conftest import politician
from tests.literal_history import records
from tests.literal_records import meeting as make_meeting

NAME, SURNAME = "Kari Nygård", "Nygård"
TODAY = dt.date.today()
# Every way the person is written in the rows and files made below.
FORMS = [
    "Kari Nygårds", "Kari Nygårdsʼ", "Kari Nygård's", "Kari Nygård-saken", "Kari\u00a0Nygård",
    "Kari   Nygård", "Kari\nNygård", "Kari\r\n Nygård", "Kari\u202fNygård", "KARI NYGÅRD",
    "kari nygård", unicodedata.normalize("NFD", "Kari Nygård"), "Kari Ny\u00adgård", "Nygård, Kari", "Kari Nygaard",
    "91234567", "912 34 567", "912.34.567", "+47 912 34 567", "0047 912 34 567",
    "+4791234567", "91 23 45 67", "KARI.NYGARD@EXAMPLE.NO", "kari.nygard@example.no",
]
# Catch-alls over the normalised, case-folded text: any spacing, either spelling, either order.
LEFT_OVER = [re.compile(p, re.IGNORECASE) for p in (
    r"kari\W{0,6}nyg(?:å|aa|a)rd", r"nyg(?:å|aa|a)rd,?\W{0,6}kari",
    r"9\D{0,3}1\D{0,3}2\D{0,3}3\D{0,3}4\D{0,3}5\D{0,3}6\D{0,3}7",
    r"kari\.nygard@example\.no")]
SURNAME_ONLY = ["Nygård-saken ble tatt opp igjen i formannskapet.", "Ordfører Nygårds svar kom."]


def forms_in(text: str) -> list[str]:
    """The forms (or catch-all patterns) found in text, normalised NFC and NFD, any case."""
    found = []
    for normal in ("NFC", "NFD"):
        folded = unicodedata.normalize(normal, text).casefold()
        squeezed = " ".join(unicodedata.normalize("NFC", folded).split())
        for form in FORMS:
            if unicodedata.normalize(normal, form).casefold() in folded:
                found.append(form)
        found += [p.pattern for p in LEFT_OVER if p.search(squeezed)]
    return found


def raw_text(db_path: Path) -> str:
    """The database file, its WAL and its shared memory as text (UTF-8 and UTF-16)."""
    raw = b"".join(Path(str(db_path) + s).read_bytes() for s in ("", "-wal", "-shm")
                   if Path(str(db_path) + s).exists())
    return "\n".join(raw[skip:].decode(encoding, "ignore") for encoding in
                     ("utf-8", "utf-16-le", "utf-16-be") for skip in (0, 1))


def make_docx(*paragraphs, header: str = "", author: str = "", table=(),
              tracked: bool = False) -> bytes:
    """A .docx whose paragraphs are lists of runs (so a name can be split across them);
    `tracked`: also a comment, a tracked deletion and a mailto: link by and to the person."""
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for number, run in enumerate(runs):
            paragraph.add_run(run).bold = bool(number % 2)
    if tracked:
        paragraph = document.add_paragraph()
        run = paragraph.add_run("Se merknaden.")
        document.add_comment(run, text="Husk Kari Nygårds svar", author=NAME, initials="KN")
        deleted = parse_xml(f'<w:del {nsdecls("w")} w:id="90" w:author="KARI NYGÅRD" '
                            'w:date="2026-01-01T00:00:00Z"><w:r><w:delText>Kari </w:delText>'
                            '</w:r><w:r><w:delText>Nygård</w:delText></w:r></w:del>')
        paragraph._p.append(deleted)
        rel = document.part.relate_to("mailto:Kari.Nygard@example.no", RT.HYPERLINK,
                                      is_external=True)
        paragraph._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}"><w:r>'
                                      '<w:t>skriv til henne</w:t></w:r></w:hyperlink>'))
    if table:
        cells = document.add_table(rows=1, cols=len(table)).rows[0].cells
        for cell, value in zip(cells, table, strict=True):
            cell.text = value
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.core_properties.author = author
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf(text: str) -> bytes:
    stream = zlib.compress(f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode("latin-1"))
    return (b"%PDF-1.4\n1 0 obj << /Length " + str(len(stream)).encode()
            + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream\nendobj\n%%EOF\n")


def stored_files(db) -> list[tuple[str, bytes]]:
    """Every file in a BLOB column of any table, and every file the papirkurv keeps (base64)."""
    found = []
    for table in db.table_names():
        for column in db[table].columns:
            if column.type.upper() == "BLOB" and not table.endswith(("_data", "_docsize")):
                found += [(f"{table}.{column.name}", bytes(r[0])) for r in db.execute(
                    f"select [{column.name}] from [{table}] "  # noqa: S608
                    f"where [{column.name}] is not null")]

    def walk(item):
        if isinstance(item, dict):
            if set(item) == {"$base64"}:
                found.append(("trash", base64.b64decode(item["$base64"])))
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    for (payload,) in db.execute("select payload from trash"):
        walk(json.loads(payload))
    return found


def docx_xml_text(data: bytes) -> str:
    """Every XML part of a .docx, as written and with its tags taken out (runs joined)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [archive.read(n).decode("utf-8") for n in archive.namelist()
                 if n.endswith((".xml", ".rels"))]
    return "\n".join(f"{part}\n{html.unescape(re.sub(r'<[^>]+>', gap, part))}"
                     for part in parts for gap in ("", " "))


def paragraphs(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells
                     + [document.sections[0].header.paragraphs[0].text])


@pytest.fixture
def kari(people):
    """Kari Nygård, a politician in Drammen, written every way in rows and files, among one
    record of every kind (`literal_history.records`) that names other people."""
    db, leader, chapter_member, writer = people.db, people.leader, people.member, people.writer
    others = records(people)
    pid = politicians.create_politician(db, chapter_member, {
        "name": NAME, "party": "Ap", "kommune": "3301", "role": "ordfører",
        "email": "Kari.Nygard@Example.no", "phone": "912 34 567"})
    chapter, other = people.drammen, others.politicians[0]  # Lag Drammen; Anne Ås

    def meeting(summary, **more):
        return meetings.create_meeting(db, chapter_member, meetings.MeetingInput(
            held_on=TODAY - dt.timedelta(days=10), kind="mote", chapter_id=chapter,
            kommunenummer="3301", politician_ids=[other], summary=summary, **more))

    half = len(FORMS) // 2
    first = meeting(" / ".join(FORMS[:half]), asks=" / ".join(FORMS[half:]),
                    outcome=SURNAME_ONLY[0], promises="Karin Nygård svarte.")
    reply = make_docx(["Svar fra ", "Ka", "ri Ny", "gårds kontor: ", "Takk for møtet."],
                      ["Ring ", "912 3", "4 567", " eller skriv til KARI.NYGARD@", "example.no"],
                      [SURNAME_ONLY[1]], header="Kari\u00a0Nygaard", author=NAME,
                      table=("Kari", "Nygård"), tracked=True)
    meeting_replies.record_reply(db, chapter_member, first, TODAY, summary="Svar fra Kari Nygård",
                                 attachment=("svar-kari-nygard.docx", reply))
    second = meeting("Telefon om skjenketid.")
    meeting_replies.record_reply(db, chapter_member, second, TODAY, summary="Svar kom på PDF.",
                                 attachment=("svar.pdf", pdf("Hilsen Kari Nygaard")))
    removed = meeting(f"Møtet der {FORMS[2]} og {FORMS[9]} var med.")
    meeting_replies.record_reply(db, chapter_member, removed, TODAY, summary="Se vedlegg.",
                                 attachment=("svar.docx", make_docx(["Hilsen ", "Kari", " ",
                                                                     "Nygård"])))
    trash_entry = trash.remove(db, leader, "meetings", removed)
    events.create_event(db, chapter_member, kind="stand", title="Stand",
                        starts_at=dt.datetime.combine(TODAY, dt.time(12)),
                        description="kari\u00a0nygårds stand; " + SURNAME_ONLY[1])
    drafts.keep(db, writer, "innlegg:new", {"title": "Svar", "text": "Kari\nNygård tar feil."})
    copy = document_records.create_document(db, chapter_member, kind="annet",
                                            template="oppfolgingsbrev.docx",
                                            fields={"tekst": "Notat"}, title="Notat")
    db.execute("update documents set docx = ?, docx_filename = 'notat.docx' where id = ?",
               [make_docx(["Notat om ", "KARI ", "NYGÅRD", "."]), copy])
    template = template_library.save_uploaded(
        db, leader, "Brev til ordføreren", "annet", "brev.docx",
        make_docx(["Til ordfører ", "Kari", " Ny", "gård", ", {{ dato }}"],
                  ["Kontakt: 0047 912 34 567"], header="Kopi: kari.nygard@example.no"))
    bystander = template_library.save_uploaded(
        db, leader, "Brev til styret", "annet", "styret.docx",
        make_docx(["Til styret i ", "Drammen", ", {{ dato }}"], author="Magnus Nygård"))
    return {"pid": pid, "meeting": first, "bystander": bystander, "pdf_meeting": second, "trash": trash_entry,
            "copy": copy, "template": template, "others": others}


def snapshot(db, pid, others):
    """Other people's rows and the records of `literal_history.records`, to compare before and
    after."""
    return {
        "politicians": db.execute("select * from politicians where id != ? order by id",
                                  [pid]).fetchall(),
        "users": db.execute("select * from users order by id").fetchall(),
        "meetings": db.execute("select * from meetings where id in (?, ?) order by id",
                               [others.meeting, others.bergen_meeting]).fetchall(),
        "documents": db.execute("select id, title, fields, body from documents "
                                "where title in ('Takk for møtet', 'Notat om skjenketider') "
                                "order by id").fetchall(),
        "stances": db.execute("select * from stances where politician_id != ? order by id",
                              [pid]).fetchall(),
        "templates": db.execute("select * from templates where name = 'Brev til styret'"
                                ).fetchall(),
    }


def test_every_form_is_gone_from_the_file_and_every_stored_docx(people, db_path, kari):
    db, leader = people.db, people.leader
    before = raw_text(db_path)
    assert forms_in(before)  # the test can fail: the forms are there first
    others = snapshot(db, kari["pid"], kari["others"])
    assert [r[1] for r in others["politicians"]] == ["Anne Ås", "Bjørn Berg", "Dina Fjell"]
    assert [r[1] for r in others["documents"]] == ["Takk for møtet", "Notat om skjenketider"]
    assert len(others["meetings"]) == 2 and len(others["stances"]) == 1

    def indexed():  # what the full-text indexes still find (their own tokens: «nygard»)
        return sum(db.execute(f"select count(*) from {fts} where {fts} match ?",  # noqa: S608
                                   [phrase]).fetchone()[0]
                   for fts in ("meetings_fts", "politicians_fts", "documents_fts")
                   for phrase in ('"kari nygard"', '"kari nygaard"', '"912 34 567"'))

    assert indexed()
    result = erasure.erase_politician(db, leader, kari["pid"])

    assert result.file_cleaned and indexed() == 0
    left = forms_in(raw_text(db_path))
    assert not left, left
    for where, data in stored_files(db):
        assert not forms_in(docx_xml_text(data) if data[:2] == b"PK" else data.decode(
            "latin-1")), where
    assert snapshot(db, kari["pid"], kari["others"]) == others  # nothing else removed or changed
    assert audit.verify(db).ok
    hits = search.search(db, leader, "Kari Nygård") + search.search(db, leader, "Nygaard")
    assert hits and not forms_in(json.dumps(hits, ensure_ascii=False, default=str))


def test_files_are_rewritten_and_still_open(people, kari):
    db, leader = people.db, people.leader
    result = erasure.erase_politician(db, leader, kari["pid"])
    row = db["meetings"].get(kari["meeting"])
    text = paragraphs(row["reply_file"])  # python-docx opens the rewritten answer
    assert "Svar fra [slettet] kontor: Takk for møtet." in text
    assert "Ring [slettet] eller skriv til [slettet]" in text
    assert SURNAME_ONLY[1] in text  # the surname alone stays
    assert row["reply_filename"] == "svar-[slettet].docx"
    assert row["reply_summary"] == "Svar fra [slettet]"
    assert row["promises"] == "Karin Nygård svarte."  # another person
    assert row["outcome"] == SURNAME_ONLY[0]
    template = db["templates"].get(kari["template"])
    assert "Til ordfører [slettet], {{ dato }}" in paragraphs(template["docx"])
    assert template_library.check_upload("brev.docx", template["docx"]).fields == ["dato"]
    filled = template_library.load_template(db, "Brev til ordføreren")
    assert filled.sha256 == template["sha256"] and filled.data == template["docx"]
    kept = [data for where, data in stored_files(db) if where == "trash"]
    assert kept and all("[slettet]" in paragraphs(data) for data in kept)  # the papirkurv's
    pdf_meeting = db["meetings"].get(kari["pdf_meeting"])
    assert pdf_meeting["reply_file"] is None and pdf_meeting["reply_filename"] is None
    copy = document_records.get_document(db, leader, kari["copy"])
    assert not copy["has_copy"]  # a letter's stored copy naming the person goes, as before
    assert result.files_rewritten == 2  # the answer and the template (the trash's copy: JSON)
    assert "2 lagrede filer (maler og svar) er skrevet om uten personen" in result.message


def test_the_surname_alone_is_listed_for_review_and_left(people, kari):
    db, leader = people.db, people.leader
    found = erasure.review(db, leader, "politiker", kari["pid"])
    assert found["surname"] == SURNAME
    excerpts = [(r["place"], r["excerpt"]) for r in found["rows"]]
    assert ("Møte", "Karin Nygård svarte.") in excerpts  # perhaps another person: for review
    assert any(place == "Møte" and e.startswith("Nygård-saken ble tatt opp") for place, e in excerpts)
    assert any(place == "Hendelse" and SURNAME_ONLY[1] in e for place, e in excerpts)
    assert any(r["field"] == "lagret fil" and SURNAME_ONLY[1] in r["excerpt"]
               for r in found["rows"])  # inside the answer's .docx
    assert not any(re.search(r"\bKari\b", e) for _, e in excerpts)  # full names are erased, not reviewed
    assert found["count"] == len(found["rows"])
    message = texts.ERASURE_REVIEW_INTRO.format(surname=SURNAME, count=found["count"])
    assert "står alene (uten fornavn)" in message and "slettes ikke automatisk" in message
    count_before = db.execute("select count(*) from audit_log").fetchone()[0]
    assert erasure.review(db, leader, "politiker", kari["pid"]) == found  # reads only
    assert db.execute("select count(*) from audit_log").fetchone()[0] == count_before

    result = erasure.erase_politician(db, leader, kari["pid"])
    assert result.left_for_review == found["count"]
    assert (f"{found['count']} tekster nevner bare etternavnet og er ikke endret"
            in result.message)
    assert db["meetings"].get(kari["meeting"])["outcome"] == SURNAME_ONLY[0]
    assert "Sikkerhetskopier tatt før slettingen har fortsatt personen" in result.message


def test_the_surname_given_as_another_spelling_goes_too(people, kari):
    db, leader = people.db, people.leader
    magnus = politician(db, leader, "Magnus Nygård", "3301", party="H")
    namesakes = db.execute("select id, name from politicians where name like '% Nygård' "
                                "and id != ?", [kari["pid"]]).fetchall()
    assert namesakes == [(magnus, "Magnus Nygård")]  # another Nygård
    assert erasure.review(db, leader, "politiker", kari["pid"], also=(SURNAME,))[
        "count"] == 0
    erasure.erase_politician(db, leader, kari["pid"], also=(SURNAME,))
    assert db["meetings"].get(kari["meeting"])["outcome"] == (
        "[slettet]-saken ble tatt opp igjen i formannskapet.")
    # other people's own names are never rewritten, whatever the spelling asked for
    assert db.execute("select id, name from politicians where name like '% Nygård' "
                           "and id != ?", [kari["pid"]]).fetchall() == namesakes


def test_the_audit_log_holds_field_names_not_values(people, kari):
    db, leader = people.db, people.leader
    erasure.erase_politician(db, leader, kari["pid"])
    checked = 0
    for table, changes in db.execute(
            "select table_name, changes from audit_log where table_name != 'levers'"):
        names = json.loads(changes)
        if table == "audit_head":  # the log's own head: a row count, never a value
            assert set(names) == {"rader"} and isinstance(names["rader"], int)
            continue
        columns = {c.name for c in db[table].columns} if db[table].exists() else set()
        assert all(isinstance(n, str) and (n in columns or n.startswith("papirkurv:"))
                   for n in names), (table, names)
        checked += len(names)
    assert checked > 0


def test_review_and_erasure_are_refused_to_others_in_norwegian(people, kari, capsys):
    db, chapter_member, writer = people.db, people.member, people.writer
    before = db.execute("select count(*) from audit_log").fetchone()[0]
    for user in (chapter_member, writer):
        with pytest.raises(PermissionDenied) as refused:
            erasure.review(db, user, "politiker", kari["pid"])
        assert refused.value.message and "Traceback" not in refused.value.message
    # the command line shows the review list and changes nothing without --yes
    assert main(["erase-person", "--politician", str(kari["pid"])]) == 1
    out = capsys.readouterr()
    assert "Etternavnet «Nygård» står alene" in out.out
    assert "Møte" in out.out and "Nygård-saken ble tatt opp" in out.out
    assert "Gjenta kommandoen med --yes" in out.out + out.err
    assert "Traceback" not in out.out + out.err
    assert db["politicians"].get(kari["pid"])["name"] == NAME
    assert db.execute("select count(*) from audit_log").fetchone()[0] == before


def test_a_volunteer_is_found_in_every_form_too(people, db_path):
    from advocacy.accounts import accounts

    db, leader, chapter_member = people.db, people.leader, people.member
    uid = accounts.create_user(db, "knygard", "lokallag", "passord-123", full_name=NAME,
                               chapter="Lag Drammen", email="Kari.Nygard@Example.no",
                               phone="+47 912 34 567")
    anne = politician(db, leader, "Anne Ås", "3301", role="ordforer", party="Ap")
    mid = make_meeting(db, chapter_member, "2026-03-02", "3301", [anne], "Om skjenketider",
                       chapter_id=people.drammen)
    db["meetings"].update(mid, {"our_participants": "Per og Kari\u00a0\u00a0Nygård",
                                     "summary": "Referent: KARI NYGÅRDS notat, tlf 912.34.567"})
    drafts.keep(db, chapter_member, f"mote:{mid}",
                {"summary": unicodedata.normalize("NFD", "Kari Nygård skrev dette")})
    result = erasure.erase_user(db, leader, uid)
    assert result.file_cleaned
    assert not forms_in(raw_text(db_path))
    assert db["meetings"].get(mid)["our_participants"] == "Per og [slettet]"
    assert db["users"].get(uid)["full_name"] == "[slettet]"
    assert db["users"].get(chapter_member.id)["full_name"] == "Dag Drammen"


@pytest.mark.parametrize(("text", "expected"), [
    ("Anne-Kari Nygård kom", "Anne-Kari Nygård kom"),  # another first name
    ("Karin Nygård kom", "Karin Nygård kom"),
    ("Kari Nygårdsveien 3", "[slettet] 3"),  # an ending: taken with the name
    ("'Kari Nygård'", "'[slettet]'"),  # a quote is not an ending
    ("tlf. 1912345678", "tlf. 1912345678"),  # a longer number
    ("brev-til-kari-nygard_2.docx", "brev-til-[slettet]_2.docx"),
    ("Kari\u2060Nygård", "[slettet]"),  # a word joiner
])
def test_what_counts_as_the_person(text, expected):
    forms = erasure._Scrubber([NAME, "kari.nygard@example.no", "912 34 567"], SURNAME)
    assert forms.replace(text) == expected


def test_a_sent_letters_similarity_index_is_made_again_without_the_name(people, kari):
    from advocacy.writing import letter_sending, reader_letters, similarity

    db, leader = people.db, people.leader
    paper = kari["others"].newspaper  # Elvebyen
    words = "skriver at skjenketiden må bli kortere."
    doc_id = reader_letters.new_letter(db, leader, title="Skjenketid",
                                       text=f"Ordfører Kari\u00a0Nygård {words}")
    for status in ("til_vurdering", "godkjent"):
        reader_letters.move(db, leader, doc_id, status)
    letter_sending.send(db, leader, doc_id, paper, sent_on=TODAY)

    def stored():
        return {r[0] for r in db.execute(
            "select hash from letter_shingles where document_id = ?", [doc_id])}

    after = f"Ordfører [slettet] {words}"
    assert stored() - similarity.sampled(after)  # a run of words with the name is indexed
    erasure.erase_politician(db, leader, kari["pid"])
    text = reader_letters.letter_text(document_records.get_document(db, leader, doc_id))
    assert text == after and stored() == similarity.sampled(after)


def test_the_erasing_connection_overwrites_deleted_text_and_empties_the_wal(people, db_path,
                                                                          kari):
    db, leader = people.db, people.leader
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        erasure.erase_politician(db, leader, kari["pid"])
    finally:
        db.conn.set_trace_callback(None)
    said = [s.strip().lower() for s in statements]
    on, first_update = said.index("pragma secure_delete = on"), next(
        i for i, s in enumerate(said) if s.startswith("update "))
    checkpoint = said.index("pragma wal_checkpoint(truncate)")
    assert on < first_update < checkpoint < said.index("vacuum")
    assert any("('rebuild')" in s for s in said[first_update:checkpoint])
    assert Path(str(db_path) + "-wal").stat().st_size == 0  # truncated after the VACUUM


def test_a_template_named_after_the_person_is_renamed_with_its_letters(people, kari):
    db, leader, chapter_member = people.db, people.leader, people.member
    data = make_docx(["Kjære ", "{{ mottaker_navn }}", ", {{ dato }}"])
    template_library.save_uploaded(db, leader, "Brev til Kari Nygård", "annet",
                                   "kari-nygard.docx", data)
    doc_id = document_records.create_document(
        db, chapter_member, kind="annet", template="Brev til Kari Nygård",
        fields={"mottaker_navn": "Per"}, title="Til Per")
    erasure.erase_politician(db, leader, kari["pid"])
    loaded = template_library.load_template(db, "Brev til [slettet]")
    assert loaded.data == data and loaded.filename == "[slettet].docx"  # nothing inside to change
    assert document_records.get_document(db, leader, doc_id)["template"] == (
        "Brev til [slettet]")
