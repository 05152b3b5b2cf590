"""Batches of letters in one .zip, and the names the letters get."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from advocacy.documents import (
    BUNDLED,
    PreparedTemplate,
    TemplateError,
    UniqueNames,
    UnsafeContext,
    document_filename,
    letter_filename,
    render_batch,
)

KOMMUNER = ["Drammen", "Bø", "Ås", "Bærum", "Tromsø", "Deatnu – Tana", "Drammen"]


def contexts():
    base = BUNDLED["oppfolgingsbrev"].sample_context()
    names = [
        "Kari Nordmann",
        "Åse Øvrebø",
        "Per Hansen",
        "Kari Nordmann",
        "Lars Ødegård",
        "Ánde Somby",
        "Kari Nordmann",
    ]
    return [base | {"kommune": k, "mottaker_navn": n} for k, n in zip(KOMMUNER, names, strict=True)]


def test_batch_zip_has_one_opening_docx_per_context():
    calls = []
    data = render_batch(
        BUNDLED["oppfolgingsbrev"].path,
        contexts(),
        lambda c: letter_filename("oppfolgingsbrev", c),
        progress=lambda done, total: calls.append((done, total)),
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        letters = [docx.Document(io.BytesIO(archive.read(name))) for name in names]
    assert names == [
        "2026-03-20_oppfolgingsbrev_drammen_kari-nordmann.docx",
        "2026-03-20_oppfolgingsbrev_bo_aase-ovrebo.docx",
        "2026-03-20_oppfolgingsbrev_aas_per-hansen.docx",
        "2026-03-20_oppfolgingsbrev_baerum_kari-nordmann.docx",
        "2026-03-20_oppfolgingsbrev_tromso_lars-odegaard.docx",
        "2026-03-20_oppfolgingsbrev_deatnu-tana_ande-somby.docx",
        "2026-03-20_oppfolgingsbrev_drammen_kari-nordmann-2.docx",
    ]
    assert calls == [(i, 7) for i in range(1, 8)]
    salutations = [
        next(p.text for p in d.paragraphs if p.text.startswith("Kjære")) for d in letters
    ]
    assert salutations[1] == "Kjære Åse Øvrebø"
    assert "Bø kommune" in [p.text for p in letters[1].paragraphs]


def test_batch_parses_the_template_once(monkeypatch):
    prepared = PreparedTemplate(BUNDLED["leserinnlegg"].path)
    calls = []
    monkeypatch.setattr(PreparedTemplate, "__init__", lambda *a, **k: calls.append(a))
    data = render_batch(prepared, [BUNDLED["leserinnlegg"].sample_context()] * 3, lambda c: "x")
    assert calls == []
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == ["x", "x-2", "x-3"]


def test_batch_stops_before_writing_when_a_letter_lacks_fields():
    bad = contexts()
    del bad[4]["tema"]
    with pytest.raises(TemplateError) as info:
        render_batch(BUNDLED["oppfolgingsbrev"].path, bad, lambda c: "brev.docx")
    assert info.value.message.startswith("Brev nr. 5: ")
    assert "«tema»" in info.value.message


def test_batch_refuses_objects_naming_the_letter():
    bad = contexts()
    bad[2]["kommune"] = object()
    with pytest.raises(UnsafeContext) as info:
        render_batch(BUNDLED["oppfolgingsbrev"].path, bad, lambda c: "brev.docx")
    assert info.value.message.startswith("Brev nr. 3: ")


def test_empty_batch_is_an_empty_zip():
    data = render_batch(BUNDLED["uttalelse"].path, [], lambda c: "x.docx")
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == []


def test_document_filename():
    assert (
        document_filename(dt.date(2026, 3, 12), "oppfolgingsbrev", "Drammen", "Kari Nordmann")
        == "2026-03-12_oppfolgingsbrev_drammen_kari-nordmann.docx"
    )
    assert document_filename("Ærlig talt: Æ, Ø & Å!", None, "") == "aerlig-talt-ae-o-aa.docx"
    assert document_filename("") == "dokument.docx"
    assert document_filename("../../etc/passwd") == "etc-passwd.docx"


def test_unique_names_are_safe():
    names = UniqueNames()
    claimed = [names.claim(n) for n in ["a.docx", "A.docx", "../x/a.docx", "a\x00\n.docx", "", "æ"]]
    assert claimed == ["a.docx", "a-2.docx", "a-3.docx", "a-4.docx", "dokument", "ae"]
    for name in claimed:
        assert "/" not in name and "\\" not in name and all(ord(c) >= 32 for c in name)


def test_letter_filename_uses_the_date_field():
    context = {"dato": "2026-05-17", "kommune": "Oslo", "mottaker_navn": "Raymond Johansen"}
    assert letter_filename("oppfolgingsbrev", context) == (
        "2026-05-17_oppfolgingsbrev_oslo_raymond-johansen.docx"
    )
