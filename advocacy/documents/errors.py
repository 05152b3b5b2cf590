"""Errors of the document engine.

Each carries a Norwegian ``message`` a volunteer can act on; the technical cause, when there is
one, is kept in ``detail`` for logs and never shown as a traceback.
"""

from __future__ import annotations

from advocacy import texts
from advocacy.documents.fields import field_label
from advocacy.errors import AdvocacyError, ValidationError


class TemplateError(AdvocacyError):
    """A template could not be compiled or rendered: bad Jinja syntax or a sandbox violation.

    ``excerpt`` is the text of the paragraph where the problem is (Word tags stripped), so the
    message can point the author at the place to fix.
    """

    def __init__(self, message: str, *, excerpt: str = "", detail: str = ""):
        super().__init__(message)
        self.excerpt = excerpt
        self.detail = detail


class SandboxViolation(TemplateError):
    """A template reaches for something the sandbox forbids (``__class__``, ``include`` …)."""


class TemplateLimitExceeded(TemplateError):
    """A fill or check ran past its time, memory or output size and was stopped (worker.py).

    The message always says «Malen bruker for mye tid/minne».
    """


class MissingFields(TemplateError):
    """The context lacks fields the template uses. ``fields`` lists them (keys), sorted; the
    message names them by their labels (fields.field_label), as the forms do."""

    def __init__(self, fields: list[str]):
        names = ", ".join(f"«{field_label(name)}»" for name in fields)
        super().__init__(texts.MISSING_FIELDS.format(names=names))
        self.fields = fields


class UnsafeContext(ValidationError):
    """A merge value is not plain data (text, number, date, list, mapping)."""

    def __init__(self, message: str, *, path: str = ""):
        super().__init__(message)
        self.path = path


class UploadRefused(AdvocacyError):
    """An uploaded file was refused by the guard before any parser saw it."""


class PdfError(AdvocacyError):
    """PDF conversion is unavailable or failed."""
