"""Fill a .docx template with merge fields: the one rendering path of the application.

Use ``PreparedTemplate`` when filling the same template more than once (a batch, a preview that
re-renders on every keystroke): it guards, parses, patches and compiles the template once, and
each ``render`` then only runs the compiled Jinja code over the parts that hold merge fields and
zips them up with the unchanged parts. ``render`` is the one-off shorthand.

Both run the template in a worker process with hard limits on time, memory and output
(worker.py, limits.py): ``CompiledTemplate`` (compiled.py) is the compiled template inside the
worker, ``PreparedTemplate`` its handle in the calling process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from advocacy.documents import worker
from advocacy.documents.compiled import TemplateSource, read_source
from advocacy.documents.errors import MissingFields
from advocacy.documents.plaindata import plain_context


class PreparedTemplate:
    """A template checked and compiled once, ready to render many contexts, within limits.

    The compiling and every fill happen in a bounded worker process (worker.py), where a
    ``CompiledTemplate`` is kept by the file's SHA-256; this object holds the file, its checksum
    and its ``fields``. Raises UploadRefused if the file fails the upload guard, TemplateError
    if it does not compile or reaches for something the sandbox forbids, and
    TemplateLimitExceeded if compiling or filling it runs past the limits (limits.py).
    """

    def __init__(self, source: TemplateSource, *, filename: str | None = None):
        data, name = read_source(source, filename)
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
