"""Fill a .docx template with merge fields: the one rendering path of the application.

Use ``PreparedTemplate`` when filling the same template more than once (a batch, a preview that
re-renders on every keystroke): it guards, parses, patches and compiles the template once, and
each ``render`` then only runs the compiled Jinja code over the parts that hold merge fields and
zips them up with the unchanged parts. ``render`` is the one-off shorthand.

Both run the template in a worker process with hard limits on time, memory and output
(worker.py, limits.py): ``CompiledTemplate`` is the compiled template inside the worker,
``PreparedTemplate`` its handle in the calling process.

The template syntax is docxtpl's (``{{ felt }}``, ``{%p for k in krav %}``, ``{%p if kopi %}``),
patched by docxtpl's own ``patch_xml`` and ``resolve_listing`` so templates behave exactly as
docxtpl documents them; only the packaging around it is ours.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Template
from lxml import etree

from advocacy.documents import diagnostics, limits, worker
from advocacy.documents.errors import MissingFields, TemplateError, TemplateLimitExceeded
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
        data, name = _read(source, filename)
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


class PreparedTemplate:
    """A template checked and compiled once, ready to render many contexts, within limits.

    The compiling and every fill happen in a bounded worker process (worker.py), where a
    ``CompiledTemplate`` is kept by the file's SHA-256; this object holds the file, its checksum
    and its ``fields``. Raises UploadRefused if the file fails the upload guard, TemplateError
    if it does not compile or reaches for something the sandbox forbids, and
    TemplateLimitExceeded if compiling or filling it runs past the limits (limits.py).
    """

    def __init__(self, source: TemplateSource, *, filename: str | None = None):
        data, name = _read(source, filename)
        self.filename = name
        self.data = data
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.fields = frozenset(worker.compile_fields(self.sha256, data, name))

    def missing_fields(self, context: Mapping[str, Any]) -> list[str]:
        """Fields the template uses that ``context`` has no key for, sorted."""
        return sorted(self.fields - set(context))

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The filled-in .docx as bytes.

        Every field the template uses must be a key of ``context`` (give "" or None for an
        optional field left empty): a misspelt field in an uploaded template should stop the
        letter, not leave a hole in it. Raises MissingFields, UnsafeContext, TemplateError or
        TemplateLimitExceeded.
        """
        missing = self.missing_fields(context)
        if missing:
            raise MissingFields(missing)
        return worker.render_letter(self.sha256, self.data, self.filename, plain_context(context))


def prepare(template: TemplateSource | PreparedTemplate) -> PreparedTemplate:
    """``template`` prepared, or as is when it already is."""
    return template if isinstance(template, PreparedTemplate) else PreparedTemplate(template)


def template_fields(template: TemplateSource | PreparedTemplate) -> set[str]:
    """The merge fields a template uses, e.g. {"mottaker_navn", "krav", …}.

    Computed like docxtpl's ``get_undeclared_template_variables`` (Jinja's
    ``meta.find_undeclared_variables``) in the sandboxed environment, over the document, its
    headers, footers, footnotes and endnotes; the environment's globals (``range``) are left out.
    """
    return set(prepare(template).fields)


def missing_fields(
    template: TemplateSource | PreparedTemplate, context: Mapping[str, Any]
) -> list[str]:
    """Fields the template uses that ``context`` lacks, sorted: show these before rendering."""
    return prepare(template).missing_fields(context)


def render(template: TemplateSource | PreparedTemplate, context: Mapping[str, Any]) -> bytes:
    """Fill ``template`` (a path, the .docx bytes or a PreparedTemplate) with ``context``."""
    return prepare(template).render(context)


def _read(source: TemplateSource, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), filename or "mal.docx"
    path = Path(source)
    return path.read_bytes(), filename or path.name
