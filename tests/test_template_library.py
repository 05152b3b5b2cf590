"""Template storage: bundled by name, uploaded ones only after the check and only by leadership;
on the users of `people` (tests/conftest.py), no demo data."""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest

from advocacy.documents import BUNDLED, TemplateError, UploadRefused
from advocacy.errors import PermissionDenied, ValidationError
from advocacy.letters import template_library


def make_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_bundled_resolve_by_kind_or_file_name(db):
    by_kind = template_library.load_template(db, "uttalelse")
    by_file = template_library.load_template(db, "uttalelse.docx")
    assert by_kind == by_file
    assert by_kind.bundled and by_kind.data == BUNDLED["uttalelse"].path.read_bytes()
    with pytest.raises(ValidationError, match="Fant ingen mal"):
        template_library.load_template(db, "finnes-ikke")


def test_leader_saves_a_checked_template(people):
    db, leader = people.db, people.leader
    data = make_docx("Kjære {{ mottaker_navn }}", "{{ hilsen }}")
    template_library.save_uploaded(db, leader, "Enkel hilsen", "annet", "hilsen.docx", data)
    rows = [(name, kind, filename, json.loads(fields), bytes(blob)) for name, kind, filename,
            fields, blob in db.execute("select name, kind, filename, fields, docx from templates")]
    assert rows == [("Enkel hilsen", "annet", "hilsen.docx", ["hilsen", "mottaker_navn"], data)]
    loaded = template_library.load_template(db, "Enkel hilsen")
    assert not loaded.bundled and loaded.data == data
    names = [t["name"] for t in template_library.available_templates(db)]
    assert names == ["oppfolgingsbrev", "leserinnlegg", "uttalelse", "Enkel hilsen"]


def test_only_leadership_uploads(people):
    db, chapter_member = people.db, people.member
    with pytest.raises(PermissionDenied):
        template_library.save_uploaded(db, chapter_member, "Mal", "annet", "m.docx",
                                       make_docx("{{ a }}"))
    assert db["templates"].count == 0


@pytest.mark.parametrize(
    ("filename", "data", "error", "reason"),
    [
        ("brev.docm", make_docx("{{ a }}"), UploadRefused, "makro"),
        ("brev.docx", b"ikke et word-dokument", UploadRefused, "ikke et Word-dokument"),
        ("ond.docx", make_docx("{{ ''.__class__.__mro__ }}"), TemplateError, "sikkerhetshensyn"),
        ("feil.docx", make_docx("{{ navn "), TemplateError, None),
    ],
    ids=["macro-enabled", "not-a-docx", "sandbox-escape", "jinja-syntax"],
)
def test_refused_uploads_store_nothing(people, filename, data, error, reason):
    db, leader = people.db, people.leader
    with pytest.raises(error, match=reason):
        template_library.save_uploaded(db, leader, "Mal", "annet", filename, data)
    assert db["templates"].count == 0


def test_dtd_is_refused_before_parsing(people):
    db, leader = people.db, people.leader
    data = make_docx("{{ a }}")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                blob = blob.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "b">]>', 1)
            dst.writestr(info, blob)
    with pytest.raises(UploadRefused):
        template_library.save_uploaded(db, leader, "Mal", "annet", "d.docx", out.getvalue())
    assert db["templates"].count == 0


def test_names_must_be_new(people):
    db, leader = people.db, people.leader
    data = make_docx("{{ a }}")
    with pytest.raises(ValidationError, match="følger med"):
        template_library.save_uploaded(db, leader, "oppfolgingsbrev", "annet", "m.docx", data)
    template_library.save_uploaded(db, leader, "Mal", "annet", "m.docx", data)
    with pytest.raises(ValidationError, match="finnes allerede"):
        template_library.save_uploaded(db, leader, "Mal", "annet", "m.docx", data)
    with pytest.raises(ValidationError, match="navn"):
        template_library.save_uploaded(db, leader, "  ", "annet", "m.docx", data)


def test_sample_fill_and_catalogue():
    data = BUNDLED["oppfolgingsbrev"].path.read_bytes()
    filled = template_library.sample_fill("oppfolgingsbrev.docx", data)
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(filled)).paragraphs)
    assert "Per Hansen" in body and "{{" not in body
    rows = template_library.field_catalogue()
    krav = next(r for r in rows if r["template"] == "uttalelse.docx" and r["name"] == "krav")
    assert krav["is_list"] == "ja" and "øke antallet" in krav["sample"]
    dato = next(r for r in rows if r["name"] == "vedtaksdato")
    assert dato["sample"] == "24. februar 2026"
