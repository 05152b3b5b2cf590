"""Optional parts of the follow-up letter vanish whole when their field is empty."""

import io

import docx

from advocacy.documents import render
from advocacy.documents.fields import BUNDLED


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_empty_optional_fields_leave_no_dangling_words():
    template = BUNDLED["oppfolgingsbrev"]
    context = template.sample_context()
    context.update(avsender_telefon="", avsender_epost="", avsender_rolle="", avtalt="",
                   krav=[], kopi="", vedlegg="")
    text = _text(render(template.path, context))
    for dangling in ("Telefon", "Dette ble avtalt", "Vi ber derfor om", "Kopi:", "Vedlegg:", " · "):
        assert dangling not in text
    assert f"\n{context['organisasjon']}\n" in f"\n{text}\n"  # the signature keeps the org


def test_filled_optional_fields_are_all_there():
    template = BUNDLED["oppfolgingsbrev"]
    context = template.sample_context()
    context.update(avsender_telefon="900 00 000", avtalt="Vi sender tallene.",
                   krav=["Behold 02:00"], kopi="Gruppeledere", vedlegg="Tall fra legevakten")
    text = _text(render(template.path, context))
    for expected in ("Telefon 900 00 000", "Dette ble avtalt i møtet: Vi sender tallene.", "Vi ber derfor om:",
                     "Behold 02:00", "Kopi: Gruppeledere", "Vedlegg: Tall fra legevakten"):
        assert expected in text
