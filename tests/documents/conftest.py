"""Helpers for the document tests: real .docx files built on the spot, and ways to spoil them."""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import docx
import pytest


@pytest.fixture
def make_docx(tmp_path):
    """make_docx(["Kjære {{ navn }}", …], footer=…) -> Path of a real .docx on tmp_path."""
    counter = itertools.count(1)

    def make(paragraphs, *, footer=None, header=None, name=None) -> Path:
        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        if footer is not None:
            document.sections[0].footer.paragraphs[0].text = footer
        if header is not None:
            document.sections[0].header.paragraphs[0].text = header
        path = tmp_path / (name or f"mal{next(counter)}.docx")
        document.save(path)
        return path

    return make


@pytest.fixture
def rezip():
    """rezip(data, {"word/document.xml": new_bytes or None (drop)}, add={…}) -> bytes."""

    def rebuild(data: bytes, replace=None, *, add=None, compression=zipfile.ZIP_DEFLATED) -> bytes:
        replace = replace or {}
        out = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(data)) as src,
            zipfile.ZipFile(out, "w", compression) as dst,
        ):
            for info in src.infolist():
                if info.filename in replace:
                    if replace[info.filename] is not None:
                        dst.writestr(info.filename, replace[info.filename])
                else:
                    dst.writestr(info.filename, src.read(info))
            for name, blob in (add or {}).items():
                dst.writestr(name, blob)
        return out.getvalue()

    return rebuild


def docx_text(data: bytes) -> str:
    """Every paragraph of body, headers and footers, joined by newlines, via python-docx."""
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs]
        texts += [p.text for p in section.footer.paragraphs]
    return "\n".join(texts)


@pytest.fixture
def text_of():
    return docx_text
