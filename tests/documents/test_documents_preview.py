"""HTML preview and PDF copies."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE

from advocacy.documents import BUNDLED, PdfError, pdf_available, render, to_html, to_pdf
from advocacy.documents.preview import sanitize


def test_typed_script_is_shown_as_text():
    template = BUNDLED["leserinnlegg"]
    context = template.sample_context() | {
        "tittel": "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
    }
    html = to_html(render(template.path, context))
    assert "<script" not in html.lower().replace("&lt;script", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;" in html
    assert re.search(r"<[^>]*\son\w+=", html) is None
    assert html.count('class="pavirk-page"') == 1


def test_preview_keeps_the_letter():
    template = BUNDLED["oppfolgingsbrev"]
    html = to_html(render(template.path, template.sample_context()))
    assert "<h3>Oppfølging etter møtet 12. mars 2026 om skjenketider</h3>" in html
    assert "<ol><li>at skjenketiden" in html
    assert "Med vennlig hilsen" in html


def test_javascript_links_are_dropped(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Se ")
    for target in ("javascript:alert(1)", "https://iogt.no/"):
        rid = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = docx.oxml.parse_xml(
            f'<w:hyperlink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            f'r:id="{rid}"><w:r><w:t>lenke</w:t></w:r></w:hyperlink>'
        )
        paragraph._p.append(link)
    buffer = io.BytesIO()
    document.save(buffer)
    html = to_html(buffer.getvalue())
    assert "javascript" not in html
    assert 'href="https://iogt.no/"' in html


def test_sanitize_allow_list():
    dirty = '<p onclick="x()">a<script>b</script><iframe src="y"></iframe><a href=" JaVaScript:z">c</a></p>'
    assert sanitize(dirty) == "<p>a<a>c</a></p>"


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice (soffice) is not installed")
def test_pdf_of_a_letter():
    template = BUNDLED["uttalelse"]
    assert to_pdf(render(template.path, template.sample_context())).startswith(b"%PDF")


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice (soffice) is not installed")
def test_pdf_of_garbage_is_a_clear_error():
    with pytest.raises(PdfError) as info:
        to_pdf(b"\x00\x01 ikke et dokument")
    assert "PDF" in info.value.message


def test_pdf_unavailable_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PATH", "")
    assert pdf_available() is False
    with pytest.raises(PdfError) as info:
        to_pdf(b"")
    assert "LibreOffice er ikke installert" in info.value.message
