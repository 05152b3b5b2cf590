"""The sandbox's static check: what a parsed template is refused for before any fill.

``forbidden_construct`` finds unsafe attributes and names (``__class__``, ``mro`` …) and the
tags that reach other templates; ``template_refusal`` finds unknown filters and tests, anything
that turns escaping off, filters and tests called by a name that is not a constant, and widths
over the caps (sandbox_caps.py), so a forbidden construct in a branch the test data never
reaches is still caught.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jinja2 import nodes

from advocacy import texts
from advocacy.documents.sandbox_caps import (
    _WIDTH_FILTERS,
    _WIDTH_METHODS,
    MAX_WIDTH,
    SandboxRefusal,
    _too_wide,
    check_brace_format,
    check_percent_format,
)

if TYPE_CHECKING:
    from advocacy.documents.sandbox import LetterEnvironment


# Names Jinja's sandbox also blocks; listed here so the static check can name them up front.
_UNSAFE_NAMES = frozenset(
    {
        "mro",
        "func_globals",
        "func_code",
        "gi_frame",
        "gi_code",
        "cr_frame",
        "cr_code",
        "ag_frame",
        "ag_code",
        "f_globals",
        "f_locals",
        "f_builtins",
        "tb_frame",
    }
)
_FORBIDDEN_TAGS = {
    nodes.Include: "include",
    nodes.Extends: "extends",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
}
# Filters whose result is Markup that autoescape lets through unchanged.
ESCAPE_FILTERS = frozenset({"safe", "forceescape", "xmlattr", "urlize", "tojson"})
# Methods that turn a Markup into another Markup without escaping what they put in.
_MARKUP_METHODS = frozenset({"translate", "maketrans"})
# Filters that call another filter or test by the name given as their first argument.
_BY_NAME = {"map": "filters", "select": "tests", "reject": "tests"}
_BY_NAME_SECOND = {"selectattr": "tests", "rejectattr": "tests"}


@dataclass(frozen=True)
class Refusal:
    """Why a parsed template is refused: a Norwegian message with ``{where}``, and its line."""

    message: str
    lineno: int | None
    violation: bool = True  # False: a mistake (unknown filter), not an attempt


def forbidden_construct(ast: nodes.Template) -> str | None:
    """The first unsafe attribute or tag in a parsed template, as the author wrote it, or None."""
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Name, *_FORBIDDEN_TAGS)):
        if isinstance(node, nodes.Getattr) and _unsafe(node.attr):
            return node.attr
        if (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
            and _unsafe(node.arg.value)
        ):
            return node.arg.value
        if isinstance(node, nodes.Name) and node.name.startswith("_"):
            return node.name
        for kind, tag in _FORBIDDEN_TAGS.items():
            if isinstance(node, kind):
                return "{% " + tag + " %}"
    for node in ast.find_all(nodes.Filter):
        if node.name == "attr":
            return "|attr"
    return None


def _unsafe(name: str) -> bool:
    return name.startswith("_") or name in _UNSAFE_NAMES


def template_refusal(ast: nodes.Template, environment: LetterEnvironment) -> Refusal | None:
    """The first construct in a parsed template that is refused before any fill, or None:
    an unknown filter or test, anything that turns escaping off, or a width over the caps."""
    for node in ast.find_all(
        (
            nodes.Filter,
            nodes.Test,
            nodes.EvalContextModifier,
            nodes.Getattr,
            nodes.Mod,
            nodes.Call,
        )
    ):
        try:
            message = _refusal_of(node, environment)
        except _Mistake as exc:
            return Refusal(exc.message, node.lineno, violation=False)
        except SandboxRefusal as exc:
            message = exc.reason
        if message:
            return Refusal(message, node.lineno)
    return None


class _Mistake(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _refusal_of(node: nodes.Node, environment: LetterEnvironment) -> str | None:
    where = "{where}"
    if isinstance(node, nodes.Filter | nodes.Test):
        return _filter_or_test_refusal(node, environment)
    if isinstance(node, nodes.EvalContextModifier):
        for option in node.options:
            if option.key == "autoescape" and not (
                isinstance(option.value, nodes.Const) and option.value.value is True
            ):
                value = option.value.value if isinstance(option.value, nodes.Const) else "…"
                construct = "{% autoescape " + str(value).lower() + " %}"
                return texts.TEMPLATE_ESCAPING_OFF.format(construct=construct, where=where)
        return None
    if isinstance(node, nodes.Getattr) and node.attr in _MARKUP_METHODS:
        return texts.TEMPLATE_ESCAPING_OFF.format(construct=f".{node.attr}", where=where)
    if isinstance(node, nodes.Mod) and _const_str(node.left) is not None:
        check_percent_format(_const_str(node.left), ())
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
        method = node.node.attr
        if method in _WIDTH_METHODS and node.args and isinstance(node.args[0], nodes.Const):
            _too_wide(f".{method}", node.args[0].value, MAX_WIDTH)
        fmt = _const_str(node.node.node)
        if method in ("format", "format_map") and fmt is not None:
            check_brace_format(fmt)
    return None


def _filter_or_test_refusal(node: nodes.Filter | nodes.Test, environment: Any) -> str | None:
    where = "{where}"
    is_filter = isinstance(node, nodes.Filter)
    known = environment.filters if is_filter else environment.tests
    if node.name not in known:
        template = texts.TEMPLATE_UNKNOWN_FILTER if is_filter else texts.TEMPLATE_UNKNOWN_TEST
        raise _Mistake(template.format(name=node.name, where=where))
    if not is_filter:
        return None
    if node.name in ESCAPE_FILTERS:
        return texts.TEMPLATE_ESCAPING_OFF.format(construct=f"|{node.name}", where=where)
    by_name = _BY_NAME.get(node.name) or _BY_NAME_SECOND.get(node.name)
    if by_name:
        position = 0 if node.name in _BY_NAME else 1
        if len(node.args) > position or node.dyn_args is not None:
            arg = node.args[position] if len(node.args) > position else None
            name = _const_str(arg) if arg is not None else None
            if name is None:
                return texts.TEMPLATE_DYNAMIC_NAME.format(name=f"|{node.name}", where=where)
            fake = (nodes.Filter if by_name == "filters" else nodes.Test)(
                None, name, [], [], None, None, lineno=node.lineno
            )
            return _filter_or_test_refusal(fake, environment)
    if node.name in _WIDTH_FILTERS:
        keyword, limit = _WIDTH_FILTERS[node.name]
        values = [arg for arg in node.args[:1]]
        values += [kw.value for kw in node.kwargs if kw.key == keyword]
        for value in values:
            if isinstance(value, nodes.Const):
                _too_wide(f"|{node.name}", value.value, limit)
    if node.name == "format" and _const_str(node.node) is not None:
        check_percent_format(_const_str(node.node), (), "|format")
    return None


def _const_str(node: nodes.Node | None) -> str | None:
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return node.value
    return None
