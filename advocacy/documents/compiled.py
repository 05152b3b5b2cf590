"""A template compiled in this process: what a worker process runs (worker_side.py).

``CompiledTemplate`` guards, parses, patches and compiles a .docx template once; each fill then
only runs the compiled Jinja code over the parts that hold merge fields and zips them up with the
unchanged parts. ``sample_report`` fills it with sample values for the upload check. Nothing here
starts or calls a worker: the calling side is render.py, check.py and batch.py, through worker.py.

The template syntax is docxtpl's (``{{ felt }}``, ``{%p for k in krav %}``, ``{%p if kopi %}``),
patched by docxtpl's own ``patch_xml`` and ``resolve_listing`` so templates behave exactly as
docxtpl documents them; only the packaging around it is ours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Template
from lxml import etree

from advocacy.documents import diagnostics, limits
from advocacy.documents.errors import (
    MissingFields,
    SandboxViolation,
    TemplateError,
    TemplateLimitExceeded,
)
from advocacy.documents.fields import sample_value
from advocacy.documents.guard import check_upload
from advocacy.documents.package import Package, parse_xml, write_package
from advocacy.documents.plaindata import plain_context
from advocacy.documents.sandbox import make_environment

TemplateSource = str | Path | bytes | bytearray | memoryview

# docxtpl's XML helpers do not use instance state; one bare instance serves every template.
_DOCXTPL = DocxTemplate.__new__(DocxTemplate)
# A part needs rendering when it holds Jinja code or docxtpl's escaped delimiters ({_{ … }_}).
_JINJA_TAG = re.compile(r"\{_?[{%#]")
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_PARAGRAPH_LINE = re.compile(r"\n<w:p([ >])")
_LISTING_CHARS = re.compile("[\n\t\a\f]")
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class _Part:
    """One compiled XML part of the template (the document, a header, a footer …)."""

    def __init__(self, name: str, source: str, template: Template):
        self.name = name
        self.source = source
        self.template = template
        self.fix_tables = "<w:tbl" in source and "{%" in source
        self.fix_ids = "docPr" in source and "{%" in source

    def render(self, context: dict[str, Any]) -> bytes:
        try:
            xml = limits.joined(self.template.generate(context))
        except (TemplateLimitExceeded, MemoryError):
            raise
        except Exception as exc:  # any failure inside template code is the template's fault
            raise diagnostics.render_error(exc, self.source) from exc
        xml = _PARAGRAPH_LINE.sub(r"<w:p\1", xml)
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        if _LISTING_CHARS.search(xml):
            xml = _DOCXTPL.resolve_listing(xml)
        data = xml.encode("utf-8")
        try:
            tree = parse_xml(data)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(
                "Malen ga et ødelagt Word-dokument. Sjekk at {% … %}-kodene står i egne avsnitt "
                "og at ingen felt brukes med «|safe».",
                detail=f"{self.name}: {exc}",
            ) from exc
        if self.fix_tables or self.fix_ids:
            if self.fix_tables:
                tree = _DOCXTPL.fix_tables(data)
            if self.fix_ids:
                # Pictures repeated by a loop share an id, which Word reports as corrupt.
                for number, element in enumerate(tree.iter(_DOC_PR), start=1000):
                    element.set("id", str(number))
            data = etree.tostring(tree, encoding="utf-8")
        return _XML_DECLARATION + data


class CompiledTemplate:
    """A template guarded, parsed and compiled once, ready to render many contexts.

    ``fields`` is the set of merge fields the template uses (its undeclared Jinja variables).
    Raises UploadRefused if the file fails the upload guard and TemplateError if it does not
    compile or reaches for something the sandbox forbids.
    """

    def __init__(self, source: TemplateSource, *, filename: str | None = None):
        data, name = read_source(source, filename)
        check_upload(name, data)
        self.filename = name
        self.package = Package.from_bytes(data)
        self.environment = make_environment()
        self._parts: list[_Part] = []
        fields: set[str] = set()
        for part_name in self.package.templated_parts():
            root = parse_xml(self.package.parts[part_name])
            patched = _DOCXTPL.patch_xml(etree.tostring(root, encoding="unicode"))
            if not _JINJA_TAG.search(patched):
                continue
            source_text = _PARAGRAPH_START.sub(r"\n<w:p\1", patched)
            template, part_fields = diagnostics.compile_part(self.environment, source_text)
            fields |= part_fields
            self._parts.append(_Part(part_name, source_text, template))
        self.fields = frozenset(fields - set(self.environment.globals))

    def missing_fields(self, context: Mapping[str, Any]) -> list[str]:
        """Fields the template uses that ``context`` has no key for, sorted."""
        return sorted(self.fields - set(context))

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The filled-in .docx as bytes.

        Every field the template uses must be a key of ``context`` (give "" or None for an
        optional field left empty): a misspelt field in an uploaded template should stop the
        letter, not leave a hole in it. Raises MissingFields, UnsafeContext or TemplateError.
        """
        missing = self.missing_fields(context)
        if missing:
            raise MissingFields(missing)
        return write_package(self.render_parts(plain_context(context)))

    def render_parts(self, plain: dict[str, Any]) -> dict[str, bytes]:
        """All package parts for an already validated context (see plaindata.plain_context)."""
        limits.new_letter()
        parts = dict(self.package.parts)
        for part in self._parts:
            parts[part.name] = part.render(plain)
        return parts


@dataclass(frozen=True)
class TemplateReport:
    """What an accepted template needs: its merge fields (sorted) and any warnings."""

    filename: str
    fields: list[str]
    warnings: list[str] = field(default_factory=list)


def sample_report(prepared: CompiledTemplate) -> TemplateReport:
    """The report of a guarded and compiled template, after a fill with sample values (runs in
    the worker: worker_side.py)."""
    samples = {name: sample_value(name) for name in prepared.fields}
    warnings = []
    if not prepared.fields:
        warnings.append("Malen har ingen flettefelt; alle brev blir like.")
    try:
        prepared.render(samples)
    except (SandboxViolation, TemplateLimitExceeded):
        raise
    except TemplateError as exc:
        warnings.append(f"Prøveutfylling med eksempelverdier ga en feil: {exc.message}")
    return TemplateReport(prepared.filename, sorted(prepared.fields), warnings)


def read_source(source: TemplateSource, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), filename or "mal.docx"
    path = Path(source)
    return path.read_bytes(), filename or path.name
