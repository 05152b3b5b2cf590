"""Turn Jinja's English exceptions into Norwegian messages that point at the paragraph.

Why: a volunteer who uploads a template with a typo needs to know *where* it is. PreparedTemplate
puts each Word paragraph on its own source line, so Jinja's line number leads back to a
paragraph, whose text (tags stripped) is quoted in the message.

``compile_part`` is the one way a part of a template becomes Jinja code: it measures the nesting
first (Jinja's parser and Python's compiler recurse, so thousands of ``(`` or ``{% if %}`` would
end in a RecursionError), parses, applies the sandbox's static checks and compiles, and turns
every failure on the way, whatever Jinja or Python raises, into a TemplateError.
"""

from __future__ import annotations

import html
import re
import traceback

from jinja2 import Template, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.sandbox import SecurityError

from advocacy import texts
from advocacy.documents.errors import SandboxViolation, TemplateError
from advocacy.documents.sandbox import (
    LetterEnvironment,
    Refusal,
    SandboxRefusal,
    forbidden_construct,
    template_refusal,
)

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
    if isinstance(exc, SandboxRefusal):
        return refused(Refusal(exc.reason, lineno), source)
    if isinstance(exc, RecursionError):
        # A macro that calls itself without end: refused, not a warning about sample values.
        return refused(Refusal(texts.TEMPLATE_RECURSION, lineno), source)
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


MAX_BRACKETS = 20
MAX_BLOCKS = 20
MAX_DEPTH = 60  # nodes of the parsed template, from the top to the deepest expression
_BLOCK_TAGS = frozenset({"if", "for", "macro", "call", "filter", "with", "autoescape", "block"})


def compile_part(environment: LetterEnvironment, source: str) -> tuple[Template, frozenset[str]]:
    """``source`` (one part's Jinja text) compiled, and the merge fields it uses.

    Raises TemplateError (SandboxViolation for what the sandbox refuses) with a Norwegian
    message for anything that stops it: syntax, nesting, unknown filters and tests, constructs
    the sandbox refuses, and any exception from Jinja's or Python's compiler.
    """
    try:
        _check_nesting(environment, source)
        ast = environment.parse(source)
        _check_depth(ast, source)
        construct = forbidden_construct(ast)
        if construct:
            raise forbidden(construct, source)
        refusal = template_refusal(ast, environment)
        if refusal:
            raise refused(refusal, source)
        fields = frozenset(meta.find_undeclared_variables(ast))
        template = environment.from_string(ast)
    except TemplateError:
        raise
    except TemplateSyntaxError as exc:
        raise syntax_error(exc, source) from None
    except (RecursionError, MemoryError, SyntaxError) as exc:
        # SyntaxError here is Python's, about the code Jinja generated ("too many nested …").
        raise TemplateError(
            texts.TEMPLATE_TOO_DEEP_UNKNOWN.format(where=""), detail=f"{type(exc).__name__}: {exc}"
        ) from None
    except Exception as exc:
        raise TemplateError(
            texts.TEMPLATE_DOES_NOT_COMPILE.format(where=""),
            detail=f"{type(exc).__name__}: {exc}",
        ) from None
    return template, fields


def refused(refusal: Refusal, source: str) -> TemplateError:
    """The TemplateError for a construct the sandbox refuses, pointing at its paragraph."""
    excerpt = excerpt_at(source, refusal.lineno) if refusal.lineno else ""
    where = texts.TEMPLATE_WHERE.format(excerpt=excerpt) if excerpt else ""
    message = refusal.message.replace("{where}", where)
    if refusal.violation:
        return SandboxViolation(
            message + texts.TEMPLATE_REFUSED_SUFFIX, excerpt=excerpt, detail=refusal.message
        )
    return TemplateError(message + texts.TEMPLATE_FIX_SUFFIX, excerpt=excerpt, detail=refusal.message)


def _too_deep(what: str, limit: int, lineno: int | None, source: str) -> TemplateError:
    message = texts.TEMPLATE_TOO_DEEP.format(where="{where}", limit=limit, what=what)
    return refused(Refusal(message, lineno, violation=False), source)


def _check_nesting(environment: LetterEnvironment, source: str) -> None:
    """Refuse brackets and blocks nested past the limits, reading tokens (no recursion)."""
    brackets = 0
    blocks = 0
    tag_start = False
    for lineno, token, value in environment.lex(source):
        if token == "operator" and value in "([{":
            brackets += 1
            if brackets > MAX_BRACKETS:
                raise _too_deep(texts.TEMPLATE_NESTING_BRACKETS, MAX_BRACKETS, lineno, source)
        elif token == "operator" and value in ")]}":
            brackets = max(brackets - 1, 0)
        elif token == "name" and tag_start:
            if value in _BLOCK_TAGS:
                blocks += 1
                if blocks > MAX_BLOCKS:
                    raise _too_deep(texts.TEMPLATE_NESTING_BLOCKS, MAX_BLOCKS, lineno, source)
            elif value.startswith("end"):
                blocks = max(blocks - 1, 0)
        if token != "whitespace":
            tag_start = token == "block_begin"


def _check_depth(ast: nodes.Template, source: str) -> None:
    """Refuse a parsed template deeper than MAX_DEPTH (long filter or operator chains)."""
    stack = [(ast, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(texts.TEMPLATE_NESTING_EXPRESSION, MAX_DEPTH, node.lineno, source)
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())
