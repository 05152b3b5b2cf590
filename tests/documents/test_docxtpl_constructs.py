"""Every construct docxtpl documents fills, or is refused with a Norwegian reason.

docxtpl's own test templates are binary files in its repository and are not in its source
distribution, so each construct they exercise is built here with python-docx instead (paragraph,
run, table row and cell tags, cell colour, colspan, merges, comments, whitespace control,
listings, headers and footers, escaping, custom filters, rich text, embedded documents).
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

from advocacy.documents import PreparedTemplate
from advocacy.errors import AdvocacyError

FILL, REFUSE = "fyll", "avvis"
ENGLISH = re.compile(r"Traceback|Error|Exception|error|unexpected|not found|object")


def paragraphs(*texts: str, header: str | None = None, footer: str | None = None) -> bytes:
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    return save(document)


def table(rows: list[list[str]], before: str = "Tabell") -> bytes:
    document = docx.Document()
    document.add_paragraph(before)
    grid = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for row, texts in zip(grid.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=False):
            cell.text = text
    return save(document)


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_embedded_document() -> bytes:
    """A template with a Word document embedded as a package, as docxtpl's embedded test has."""
    data = paragraphs("Vedlegg: {{ navn }}")
    inner = paragraphs("Innebygd")
    rel = (
        '<Relationship Id="rId90" Target="embeddings/Dokument1.docx" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/package"/>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                blob = blob.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            dst.writestr(info.filename, blob)
        dst.writestr("word/embeddings/Dokument1.docx", inner)
    return out.getvalue()


class RichText:
    """Stands in for docxtpl.RichText: an object, not plain data."""

    def __str__(self) -> str:
        return '<w:r><w:t>fet</w:t></w:r>'


ROWS = [{"navn": "Åse", "parti": "Sp"}, {"navn": "Per & Co", "parti": "<H>"}]

CASES = [
    ("variable", paragraphs("Kjære {{ navn }}, {{ by }}!"), {"navn": "Åse & <Per>", "by": "Bø"},
     FILL, "Kjære Åse & <Per>, Bø!"),
    ("paragraph-if", paragraphs("{%p if kopi %}", "Kopi til {{ kopi }}", "{%p endif %}"),
     {"kopi": "styret"}, FILL, "Kopi til styret"),
    ("paragraph-for", paragraphs("{%p for k in krav %}", "– {{ k }}", "{%p endfor %}"),
     {"krav": ["færre", "flere"]}, FILL, "– flere"),
    ("nested-for", paragraphs("{%p for g in grupper %}", "{%p for m in g %}",
                              "{{ loop.index }}. {{ m }}", "{%p endfor %}", "{%p endfor %}"),
     {"grupper": [["a", "b"], ["c"]]}, FILL, "2. b"),
    ("run-if", paragraphs("Svar: {%r if ja %}ja{%r endif %} takk"), {"ja": True}, FILL, "ja"),
    ("comment", paragraphs("{#p en kommentar #}", "Tekst {# inne #}her"), {}, FILL, "Tekst her"),
    ("whitespace-control", paragraphs("Før", "{%- if x -%}", "midt", "{%- endif -%}", "etter"),
     {"x": True}, FILL, "midt"),
    ("listing", paragraphs("{{ tekst }}"), {"tekst": "linje 1\nlinje 2\tinnrykk"}, FILL, "linje 2"),
    ("header-footer", paragraphs("Brødtekst", header="Til {{ navn }}", footer="Side for {{ by }}"),
     {"navn": "Åse", "by": "Bø"}, FILL, "Brødtekst"),
    ("modulo", paragraphs("{{ 10 % 3 }}", "{% if n % 2 %}odde{% endif %}"), {"n": 3}, FILL, "odde"),
    # docxtpl's paragraph tags take no "%" inside (its pattern stops at one): a clear refusal.
    ("modulo-in-paragraph-tag", paragraphs("{%p if n % 2 %}", "odde", "{%p endif %}"), {"n": 3},
     REFUSE, "ukjent kode «p»"),
    ("escaped-delimiters", paragraphs("Skriv {_{ navn }_} i malen", "{{ by }}"), {"by": "Bø"},
     FILL, "{{ navn }}"),
    ("escaped-delimiters-alone", paragraphs("Skriv {_{ navn }_} i malen"), {}, FILL,
     "{{ navn }}"),
    ("set-and-macro", paragraphs("{% set hilsen = 'Hei' %}{% macro m(x) %}{{ hilsen }} {{ x }}"
                                 "{% endmacro %}{{ m(navn) }}"), {"navn": "Åse"}, FILL, "Hei Åse"),
    ("escape-filter", paragraphs("{{ navn|e }}"), {"navn": "<b>"}, FILL, "<b>"),
    ("table-rows", table([["{%tr for r in rader %}"], ["{{ r.navn }}", "{{ r.parti }}"],
                          ["{%tr endfor %}"]]), {"rader": ROWS}, FILL, "Tabell"),
    ("table-columns", table([["{%tc for k in kolonner %}", "{{ k }}", "{%tc endfor %}"]]),
     {"kolonner": ["A", "B"]}, FILL, "Tabell"),
    ("cell-background", table([["{%cellbg farge %}{{ navn }}"]]), {"farge": "FF0000", "navn": "x"},
     FILL, "Tabell"),
    ("colspan", table([["{% colspan n %}{{ navn }}", ""]]), {"n": 2, "navn": "x"}, FILL, "Tabell"),
    ("vertical-merge", table([["{%tr for r in rader %}"], ["{% vm %}{{ r.parti }}", "{{ r.navn }}"],
                              ["{%tr endfor %}"]]), {"rader": ROWS}, FILL, "Tabell"),
    ("horizontal-merge", table([["{%tc for k in kolonner %}", "{% hm %}{{ k }}", "{%tc endfor %}"]]),
     {"kolonner": ["A", "A"]}, FILL, "Tabell"),
    ("run-variable-with-text", paragraphs("{{r navn }}"), {"navn": "Åse"}, None, None),
    ("paragraph-variable-with-text", paragraphs("{{p navn }}"), {"navn": "Åse"}, None, None),
    ("custom-filter", paragraphs("{{ pris|multiply_by(2) }}"), {"pris": 2}, REFUSE,
     "ukjent filter «multiply_by»"),
    ("template-error", paragraphs("{{ navn | }}"), {"navn": "x"}, REFUSE, "Malen har en feil"),
    ("unclosed-block", paragraphs("{%p if x %}", "tekst"), {"x": 1}, REFUSE, "ikke avsluttet"),
    ("safe-filter", paragraphs("{{ xml|safe }}"), {"xml": "<w:p/>"}, REFUSE, "«|safe»"),
    ("rich-text-object", paragraphs("{{r rik }}"), {"rik": RichText()}, REFUSE, "rik"),
    ("embedded-document", with_embedded_document(), {"navn": "x"}, REFUSE, "innebygd fil"),
]


@pytest.mark.parametrize(
    ("data", "context", "expected", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_docxtpl_construct_fills_or_is_refused_with_a_reason(data, context, expected, words):
    try:
        output = PreparedTemplate(data, filename="mal.docx").render(context)
    except AdvocacyError as exc:
        assert expected != FILL, exc.message
        assert not ENGLISH.search(exc.message), exc.message
        assert exc.message.startswith(("Malen", "Filen", "Feltet", "Disse flettefeltene")), exc.message
        if words:
            assert words in exc.message, exc.message
        return
    assert expected != REFUSE, "should have been refused"
    document = docx.Document(io.BytesIO(output))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [cell.text for t in document.tables for row in t.rows for cell in row.cells]
    )
    assert "{{" not in text.replace("{{ navn }}", "") and "{%" not in text
    if words:
        assert words in text, text
