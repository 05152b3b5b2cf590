"""The bundled templates, filled with their sample values and read back with python-docx."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from advocacy.documents import BUNDLED, pdf_available, render, template_fields, to_pdf
from advocacy.texts import format_date

ROOT = Path(__file__).resolve().parents[2]


def _values(value):
    if isinstance(value, list):
        for item in value:
            yield from _values(item)
    elif hasattr(value, "isoformat"):
        yield format_date(value)
    else:
        yield str(value)


@pytest.mark.parametrize("kind", sorted(BUNDLED))
def test_catalogue_matches_template_fields(kind):
    template = BUNDLED[kind]
    assert template_fields(template.path) == {field.name for field in template.fields}


@pytest.mark.parametrize("kind", sorted(BUNDLED))
def test_sample_fill_has_every_value_and_no_tags(kind, text_of):
    template = BUNDLED[kind]
    output = render(template.path, template.sample_context())
    text = text_of(output)
    assert "{{" not in text and "{%" not in text and "}}" not in text
    flat = re.sub(r"\s+", " ", text)
    for field in template.fields:
        for value in _values(field.sample):
            assert re.sub(r"\s+", " ", value) in flat, field.name


def test_follow_up_letter_reads_like_a_norwegian_letter(text_of):
    template = BUNDLED["oppfolgingsbrev"]
    document = docx.Document(io.BytesIO(render(template.path, template.sample_context())))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Oppfølging etter møtet 12. mars 2026 om skjenketider" in paragraphs
    assert "Kjære Per Hansen" in paragraphs  # no comma after the salutation
    assert "Med vennlig hilsen" in paragraphs
    assert "Drammen, 20. mars 2026" in paragraphs
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == template.field("krav").sample
    assert "Kopi: Lise Berg, kommunalsjef" in paragraphs


def test_copy_and_attachment_lines_only_when_given(text_of):
    template = BUNDLED["oppfolgingsbrev"]
    context = template.sample_context() | {"kopi": "", "vedlegg": None}
    text = text_of(render(template.path, context))
    assert "Kopi:" not in text and "Vedlegg:" not in text


def test_statement_provenance_line(text_of):
    template = BUNDLED["uttalelse"]
    context = template.sample_context() | {"vedtatt_av": "LO i Oslos styremøte"}
    context["vedtaksdato"] = __import__("datetime").date(2021, 4, 19)
    assert "LO i Oslos styremøte 19. april 2021:" in text_of(render(template.path, context))


def test_reader_letter_blank_lines_become_paragraphs():
    template = BUNDLED["leserinnlegg"]
    document = docx.Document(io.BytesIO(render(template.path, template.sample_context())))
    paragraphs = [p.text for p in document.paragraphs]
    for piece in template.field("tekst").sample.split("\n\n"):
        assert piece in paragraphs


@pytest.mark.parametrize("kind", sorted(BUNDLED))
def test_templates_are_a4_with_calibri_11(kind):
    document = docx.Document(BUNDLED[kind].path)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 1) == 2.5
    assert document.styles["Normal"].font.size.pt == 11
    assert document.styles["Normal"].font.name == "Calibri"


def test_committed_templates_match_the_build_script():
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "letters/build_templates.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for kind, make in (
        ("oppfolgingsbrev", build.oppfolgingsbrev),
        ("leserinnlegg", build.leserinnlegg),
        ("uttalelse", build.uttalelse),
    ):
        assert build.build(make()) == BUNDLED[kind].path.read_bytes(), (
            f"{kind}.docx is stale: run python letters/build_templates.py"
        )


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("kind", sorted(BUNDLED))
def test_sample_fill_is_one_page(kind):
    template = BUNDLED[kind]
    pdf = to_pdf(render(template.path, template.sample_context()))
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_rendered_letter_is_a_clean_package():
    template = BUNDLED["oppfolgingsbrev"]
    output = render(template.path, template.sample_context())
    with zipfile.ZipFile(io.BytesIO(output)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == zipfile.ZipFile(template.path).namelist()
