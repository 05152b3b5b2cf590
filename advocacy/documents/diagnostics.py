"""Turn Jinja's English exceptions into Norwegian messages that point at the paragraph.

Why: a volunteer who uploads a template with a typo needs to know *where* it is. PreparedTemplate
puts each Word paragraph on its own source line, so Jinja's line number leads back to a
paragraph, whose text (tags stripped) is quoted in the message.
"""

from __future__ import annotations

import html
import re
import traceback

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from advocacy.documents.errors import SandboxViolation, TemplateError

_TAG = re.compile(r"<[^>]+>")
MAX_EXCERPT = 160

_SYNTAX_HINTS = [
    (
        re.compile(r"innermost block that needs to be closed is '(\w+)'", re.I),
        "{{% {0} %}}-blokken er ikke avsluttet med {{% end{0} %}}",
    ),
    (re.compile(r"unexpected end of template", re.I), "en {{% … %}}-blokk er ikke avsluttet"),
    (re.compile(r"Encountered unknown tag '(\w+)'", re.I), "ukjent kode «{0}»"),
    (re.compile(r"unexpected char '(.)'", re.I), "uventet tegn «{0}»"),
    (re.compile(r"unexpected '(.+?)'", re.I), "uventet «{0}»"),
    (re.compile(r"expected token '(.+?)'", re.I), "mangler «{0}»"),
    (re.compile(r"no filter named '(\w+)'", re.I), "ukjent filter «{0}»"),
    (re.compile(r"no test named '(\w+)'", re.I), "ukjent test «{0}»"),
]


def paragraph_text(line: str) -> str:
    """The visible text of one line of template XML, shortened for a message."""
    text = html.unescape(_TAG.sub("", line)).strip()
    return text if len(text) <= MAX_EXCERPT else text[: MAX_EXCERPT - 1] + "…"


def excerpt_at(source: str, lineno: int | None) -> str:
    """The paragraph text at a Jinja line number, or the nearest earlier one with text."""
    lines = source.splitlines()
    if not lines:
        return ""
    index = min(max((lineno or len(lines)) - 1, 0), len(lines) - 1)
    for i in range(index, -1, -1):
        text = paragraph_text(lines[i])
        if text:
            return text
    return ""


def syntax_error(exc: TemplateSyntaxError, source: str) -> TemplateError:
    """A TemplateError for a template that does not compile."""
    hint = "ugyldig malkode"
    for pattern, wording in _SYNTAX_HINTS:
        match = pattern.search(exc.message or "")
        if match:
            hint = wording.format(*match.groups())
            break
    excerpt = excerpt_at(source, exc.lineno)
    return TemplateError(
        f"Malen har en feil ({hint}) i avsnittet «{excerpt}». Rett malen i Word og last den opp på nytt.",
        excerpt=excerpt,
        detail=f"{type(exc).__name__}: {exc.message} (linje {exc.lineno})",
    )


def forbidden(construct: str, source: str) -> SandboxViolation:
    """A TemplateError for a template that reaches for something the sandbox forbids."""
    needle = construct.strip("{}%| ").split(" ")[0]
    excerpt = next((paragraph_text(line) for line in source.splitlines() if needle in line), "")
    where = f" (i avsnittet «{excerpt}»)" if excerpt else ""
    return SandboxViolation(
        f"Malen bruker «{construct}», som ikke er tillatt av sikkerhetshensyn{where}. "
        "Malen er avvist.",
        excerpt=excerpt,
        detail=f"forbidden construct {construct!r}",
    )


def render_error(exc: Exception, source: str) -> TemplateError:
    """A TemplateError for a failure while filling in a template."""
    lineno = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == "<template>":
            lineno = line
    excerpt = excerpt_at(source, lineno) if lineno else ""
    where = f" i avsnittet «{excerpt}»" if excerpt else ""
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, SecurityError):
        return SandboxViolation(
            f"Malen prøver å gjøre noe som ikke er tillatt av sikkerhetshensyn{where}. "
            "Malen er avvist.",
            excerpt=excerpt,
            detail=detail,
        )
    if isinstance(exc, UndefinedError):
        message = f"Malen bruker et felt som ikke finnes{where}."
    else:
        message = f"Malen kunne ikke fylles ut{where}. Sjekk malkoden."
    return TemplateError(message, excerpt=excerpt, detail=detail)
