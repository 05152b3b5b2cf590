"""Rendering: values come out exactly as typed; bad templates and bad values are refused."""

from __future__ import annotations

import datetime as dt
import io
import os

import docx
import pytest
from docxtpl import DocxTemplate
from markupsafe import Markup

from advocacy.documents import (
    MissingFields,
    PreparedTemplate,
    SandboxViolation,
    TemplateError,
    UnsafeContext,
    missing_fields,
    render,
    template_fields,
)
from advocacy.documents.sandbox import make_environment
from advocacy.errors import AdvocacyError, ValidationError

SPECIAL = "Tom & Jerry <b>fet</b> \"sitat\" 'enkelt' æøå ÆØÅ 🍺🚫 ≠ § © –"


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_special_characters_and_emoji_come_out_as_typed(make_docx):
    path = make_docx(["Til: {{ navn }}", "{{ tekst }}"])
    out = render(path, {"navn": SPECIAL, "tekst": "<script>alert(1)</script>"})
    assert paragraphs(out) == [f"Til: {SPECIAL}", "<script>alert(1)</script>"]


def test_markup_values_are_escaped_too(make_docx):
    path = make_docx(["{{ x }}"])
    assert paragraphs(render(path, {"x": Markup("<w:br/>&amp;")})) == ["<w:br/>&amp;"]


def test_newline_is_a_line_break_and_blank_line_a_new_paragraph(make_docx):
    path = make_docx(["{{ tekst }}"])
    out = render(path, {"tekst": "Linje 1\nLinje 2\r\n\r\nAvsnitt 2\n\n\nAvsnitt 3"})
    assert paragraphs(out) == ["Linje 1\nLinje 2", "Avsnitt 2", "Avsnitt 3"]
    body = docx.Document(io.BytesIO(out)).paragraphs[0]._p.xml
    assert "<w:br/>" in body


def test_control_characters_are_dropped_not_corrupting(make_docx):
    path = make_docx(["{{ tekst }}"])
    assert paragraphs(render(path, {"tekst": "a\x00b\x0bc\x1fd\tslutt"})) == ["abcd\tslutt"]


def test_twenty_thousand_characters_survive(make_docx):
    long_text = ("Skjenketid & folkehelse – æøå <ok> " * 700)[:20_000]
    out = render(make_docx(["{{ tekst }}"]), {"tekst": long_text})
    assert paragraphs(out) == [long_text.strip()]
    assert len(long_text) == 20_000


def test_dates_are_norwegian(make_docx):
    path = make_docx(["Møtet {{ motedato }}, frist {{ frist }}"])
    out = render(path, {"motedato": dt.date(2026, 3, 12), "frist": dt.datetime(2026, 5, 17, 9)})
    assert paragraphs(out) == ["Møtet 12. mars 2026, frist 17. mai 2026"]


def test_lists_loops_and_numbers(make_docx):
    path = make_docx(
        ["{%p for k in krav %}", "{{ loop.index }}. {{ k }}", "{%p endfor %}", "{{ n }}"]
    )
    out = render(path, {"krav": ["a & b", "c"], "n": 357})
    assert paragraphs(out) == ["1. a & b", "2. c", "357"]


def test_headers_and_footers_are_filled(make_docx, text_of):
    path = make_docx(["Brev"], header="{{ organisasjon }}", footer="Side fra {{ organisasjon }}")
    text = text_of(render(path, {"organisasjon": "LO i Oslo & co"}))
    assert "LO i Oslo & co" in text.splitlines()
    assert "Side fra LO i Oslo & co" in text.splitlines()


def test_template_fields_agree_with_docxtpl(make_docx):
    path = make_docx(
        [
            "{{ a }} {{ b.c }}",
            "{%p if d %}",
            "{{ e|upper }}",
            "{%p endif %}",
            "{% for x in range(2) %}{{ x }}{% endfor %}",
        ],
        footer="{{ f }}",
    )
    ours = template_fields(path)
    theirs = DocxTemplate(path).get_undeclared_template_variables(jinja_env=make_environment())
    assert ours == {"a", "b", "d", "e", "f"}
    assert ours == theirs - {"range"}


def test_missing_fields_are_listed_and_block_rendering(make_docx):
    path = make_docx(["Kjære {{ mottaker_navn }}", "{{ kommune }} {{ tema }}"])
    assert missing_fields(path, {"tema": "x"}) == ["kommune", "mottaker_navn"]
    assert missing_fields(path, {"tema": "", "kommune": None, "mottaker_navn": "K"}) == []
    with pytest.raises(MissingFields) as info:
        render(path, {"tema": "x"})
    assert info.value.fields == ["kommune", "mottaker_navn"]
    assert "«kommune»" in info.value.message


def test_syntax_error_quotes_the_paragraph(make_docx):
    path = make_docx(["Hei", "Kjære {{ mottaker_navn }", "Slutt"])
    with pytest.raises(TemplateError) as info:
        PreparedTemplate(path)
    assert "Kjære {{ mottaker_navn }" in info.value.message
    assert info.value.excerpt.startswith("Kjære {{ mottaker_navn }")
    assert "Traceback" not in info.value.message


def test_unclosed_block_is_reported(make_docx):
    path = make_docx(["{%p if kopi %}", "Kopi: {{ kopi }}"])
    with pytest.raises(TemplateError) as info:
        PreparedTemplate(path)
    assert "{% if %}-blokken er ikke avsluttet med {% endif %}" in info.value.message


def test_unknown_tag_is_reported_in_norwegian(make_docx):
    with pytest.raises(TemplateError) as info:
        PreparedTemplate(make_docx(["{% hvis x %}ja{% endhvis %}"]))
    assert "ukjent kode «hvis»" in info.value.message


@pytest.mark.parametrize(
    "code",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ x.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ x['__class__'] }}",
        "{{ cycler.__init__.__globals__.os.environ }}",
        "{{ self._TemplateReference__context }}",
        "{{ x|attr('__class__') }}",
        "{% include 'hemmelig.docx' %}",
        "{% if false %}{{ x.__class__ }}{% endif %}",
    ],
)
def test_sandbox_refuses_at_compile_time(make_docx, code):
    with pytest.raises(SandboxViolation) as info:
        PreparedTemplate(make_docx(["Hei", code]))
    assert "sikkerhetshensyn" in info.value.message
    assert "Malen er avvist" in info.value.message


@pytest.mark.parametrize(
    "code",
    [
        "{{ [x]|map(attribute='__class__')|list }}",
        "{{ x['__cla' ~ 'ss__'] }}",
        "{{ '{0.__class__}'.format(x) }}",
        "{% set l = [1] %}{{ l.append(2) }}",
        "{{ d.update({'a': 1}) }}",
        "{{ 'x' * 1000000 }}",
        "{{ 9 ** 999999 }}",
        "{{ range(10000000)|list|length }}",
    ],
)
def test_sandbox_refuses_at_render_time(make_docx, code):
    template = PreparedTemplate(make_docx(["Hei", f"Avsnitt {code}"]))
    with pytest.raises(SandboxViolation) as info:
        template.render({"x": "tekst", "d": {}, "l": []})
    assert "sikkerhetshensyn" in info.value.message


def test_environment_is_not_reachable(make_docx, monkeypatch):
    monkeypatch.setenv("PAVIRK_HEMMELIG", "topp-hemmelig")
    for code in (
        "{{ lipsum.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ joiner.__init__ }}",
    ):
        with pytest.raises(TemplateError):
            render(make_docx([code]), {})
    assert os.environ["PAVIRK_HEMMELIG"] == "topp-hemmelig"


def test_object_in_context_is_refused(make_docx):
    path = make_docx(["{{ x }}"])

    class Politiker:
        navn = "Per"

    for value in (Politiker(), {"a": Politiker()}, [1, object()], {1, 2}, b"bytes", len):
        with pytest.raises(UnsafeContext) as info:
            render(path, {"x": value})
        assert isinstance(info.value, ValidationError)
        assert "«x" in info.value.message


def test_errors_are_domain_errors():
    assert issubclass(TemplateError, AdvocacyError)
    assert issubclass(SandboxViolation, TemplateError)


def test_prepared_template_renders_many_and_from_bytes(make_docx):
    data = make_docx(["Kjære {{ navn }}"]).read_bytes()
    template = PreparedTemplate(data)
    outputs = [template.render({"navn": name}) for name in ("Kari", "Ola", "Åse")]
    assert [paragraphs(o) for o in outputs] == [["Kjære Kari"], ["Kjære Ola"], ["Kjære Åse"]]


def test_safe_filter_cannot_corrupt_the_document(make_docx):
    with pytest.raises(TemplateError) as info:
        PreparedTemplate(make_docx(["{{ x|safe }}"]))
    assert "«|safe»" in info.value.message


def test_tags_split_across_runs_by_word_still_work(tmp_path):
    # Word often cuts "{{ mottaker_navn }}" into several runs (spelling marks, edits).
    document = docx.Document()
    paragraph = document.add_paragraph("Kjære ")
    for piece in ("{{ mott", "aker_", "navn }", "}", "!"):
        paragraph.add_run(piece).bold = piece == "aker_"
    path = tmp_path / "word.docx"
    document.save(path)
    assert template_fields(path) == {"mottaker_navn"}
    assert paragraphs(render(path, {"mottaker_navn": "Åse"})) == ["Kjære Åse!"]


def test_prepared_template_is_safe_to_share_between_threads(make_docx):
    from concurrent.futures import ThreadPoolExecutor

    template = PreparedTemplate(make_docx(["Kjære {{ navn }}"]))
    names = [f"Person {i} & co" for i in range(40)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        outputs = list(pool.map(lambda n: template.render({"navn": n}), names))
    assert [paragraphs(o)[0] for o in outputs] == [f"Kjære {n}" for n in names]


def test_table_rows_from_a_list(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for p in politikere %}"
    table.cell(1, 0).text = "{{ p.navn }}"
    table.cell(1, 1).text = "{{ p.parti }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    path = tmp_path / "tabell.docx"
    document.save(path)
    rows = [{"navn": "Per Hansen", "parti": "Ap"}, {"navn": "Åse Lie", "parti": "KrF"}]
    out = docx.Document(io.BytesIO(render(path, {"politikere": rows})))
    assert [[c.text for c in row.cells] for row in out.tables[0].rows] == [
        ["Per Hansen", "Ap"],
        ["Åse Lie", "KrF"],
    ]
