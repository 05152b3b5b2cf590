"""The one Jinja environment every template is compiled in, and the checks around it.

Why a sandbox: templates can be uploaded by any leader, so a template is untrusted code. The
sandbox stops attribute walks such as ``''.__class__.__mro__`` (which reach every Python class and
the process environment); the immutable variant stops ``.append`` and friends; autoescape keeps
``&`` and ``<`` in values from corrupting the Word XML. On top of Jinja's own sandbox we refuse
unsafe names already at compile time (so a forbidden attribute in a branch the test data never
reaches is still caught), make unsafe attribute access fail loudly instead of printing nothing,
and cap ranges and repetition so a template cannot eat the server's memory.

Escaping is never optional: every filter that marks a text as ready markup (``|safe``,
``|forceescape``, ``|xmlattr``, ``|urlize``, ``|tojson``) and ``{% autoescape false %}`` are
refused in the parsed template (``template_refusal``), and again while filling it (the filters
raise, and ``finalize`` refuses output made while autoescape is off). Widths and lengths that
make Python build huge strings or lists (``|center``, ``|indent``, ``%``/``|format`` widths,
``.ljust`` …, ``|batch``/``|slice`` counts, ``|replace('', …)``)
are capped the same two ways, so the author gets a specific refusal at once; the process limits
around a fill are the backstop for everything else.
"""

from __future__ import annotations

import operator
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import filters as jinja_filters
from jinja2 import nodes, pass_environment, pass_eval_context
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from advocacy import texts

MAX_RANGE = 1_000
MAX_REPEAT = 100_000
MAX_POWER = 100
MAX_WIDTH = 1_000  # |center, |indent, %- and format widths, .ljust and friends
MAX_LENGTH = 100_000  # |truncate and |wordwrap lengths
MAX_TEXT = 1_000_000  # one string built with + or ~

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
# Filter -> (keyword of its width argument, limit).
_WIDTH_FILTERS = {
    "center": ("width", MAX_WIDTH),
    "indent": ("width", MAX_WIDTH),
    "truncate": ("length", MAX_LENGTH),
    "wordwrap": ("width", MAX_LENGTH),
    "batch": ("linecount", MAX_RANGE),
    "slice": ("slices", MAX_RANGE),
}
_COUNT_FILTERS = frozenset({"|batch", "|slice"})
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_DIGITS = re.compile(r"\d+")


class SandboxRefusal(SecurityError):
    """A template asked for something the sandbox refuses; ``reason`` is Norwegian and holds a
    ``{where}`` placeholder for the paragraph (see diagnostics)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Refusal:
    """Why a parsed template is refused: a Norwegian message with ``{where}``, and its line."""

    message: str
    lineno: int | None
    violation: bool = True  # False: a mistake (unknown filter), not an attempt


def _too_wide(construct: str, value: Any, limit: int, shown: str | None = None) -> None:
    """Refuse a width or length (a number, or a string's length) over ``limit``."""
    if isinstance(value, bool):
        return
    size = len(value) if isinstance(value, str) else value
    if isinstance(size, int | float) and abs(size) > limit:
        if shown is None:
            shown = f"{size:.0f}" if abs(size) < 1e15 else f"{size:.3g}"
        wording = (
            texts.TEMPLATE_COUNT_TOO_LARGE
            if construct in _COUNT_FILTERS
            else texts.TEMPLATE_WIDTH_TOO_LARGE
        )
        raise SandboxRefusal(
            wording.format(value=shown, construct=construct, limit=limit, where="{where}")
        )


def _check_number_text(construct: str, digits: str) -> None:
    # int() of a long digit string is itself slow (and refused past 4300 digits).
    if len(digits) > 9:
        _too_wide(construct, float("inf"), MAX_WIDTH, shown=digits[:9] + "…")
    _too_wide(construct, int(digits), MAX_WIDTH)


def check_percent_format(fmt: str, args: Any, construct: str = "%") -> None:
    """Refuse %-format widths and precisions over MAX_WIDTH (``'%0300000000d'``, ``'%*d'``)."""
    star = False
    for match in _PERCENT_SPEC.finditer(fmt):
        for group in match.groups():
            if group == "*":
                star = True
            elif group:
                _check_number_text(construct, group)
    if star:
        values = args if isinstance(args, tuple | list) else (args,)
        for value in values:
            if isinstance(value, int | float):
                _too_wide(construct, value, MAX_WIDTH)


def check_brace_format(fmt: str, args: Any = (), kwargs: Any = None) -> None:
    """Refuse ``str.format`` widths over MAX_WIDTH, also when they come from an argument."""
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # str.format raises the same error itself
    nested = False
    for _literal, _name, spec, _conversion in fields:
        if not spec:
            continue
        nested = nested or "{" in spec
        for digits in _DIGITS.findall(spec[1:] if spec[:1] and spec[1:2] in "<>=^" else spec):
            _check_number_text(".format", digits)
    if nested:
        values = list(args) + list((kwargs or {}).values())
        for value in values:
            if isinstance(value, int | float):
                _too_wide(".format", value, MAX_WIDTH)


def _capped_range(*args: int) -> range:
    result = range(*args)
    if len(result) > MAX_RANGE:
        raise SecurityError(f"range() over {MAX_RANGE} items")
    return result


def _refused_filter(name: str) -> Callable[..., Any]:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise SandboxRefusal(texts.TEMPLATE_ESCAPING_OFF.format(construct=f"|{name}", where="{where}"))

    return refuse


def _width_arg(args: tuple, kwargs: dict, keyword: str) -> Any:
    return kwargs.get(keyword, args[0] if args else None)


def _center(value: Any, width: int = 80) -> str:
    _too_wide("|center", width, MAX_WIDTH)
    return jinja_filters.do_center(value, width)


def _indent(value: Any, *args: Any, **kwargs: Any) -> str:
    _too_wide("|indent", _width_arg(args, kwargs, "width"), MAX_WIDTH)
    return jinja_filters.do_indent(value, *args, **kwargs)


@pass_environment
def _truncate(environment: Any, value: Any, *args: Any, **kwargs: Any) -> str:
    _too_wide("|truncate", _width_arg(args, kwargs, "length"), MAX_LENGTH)
    return jinja_filters.do_truncate(environment, value, *args, **kwargs)


@pass_environment
def _wordwrap(environment: Any, value: Any, *args: Any, **kwargs: Any) -> str:
    _too_wide("|wordwrap", _width_arg(args, kwargs, "width"), MAX_LENGTH)
    return jinja_filters.do_wordwrap(environment, value, *args, **kwargs)


def _batch(value: Any, *args: Any, **kwargs: Any) -> Any:
    _too_wide("|batch", _width_arg(args, kwargs, "linecount"), MAX_RANGE)
    return jinja_filters.do_batch(value, *args, **kwargs)


def _slice(value: Any, *args: Any, **kwargs: Any) -> Any:
    _too_wide("|slice", _width_arg(args, kwargs, "slices"), MAX_RANGE)
    return jinja_filters.do_slice(value, *args, **kwargs)


def check_replace(construct: str, text: Any, old: Any, new: Any, count: Any = None) -> None:
    """Refuse a replace whose result would pass MAX_TEXT (``x|replace('', y)`` puts ``y``
    between every two characters)."""
    if not all(isinstance(v, str) for v in (text, old, new)):
        return
    times = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and 0 <= count < times:
        times = count
    if len(text) + times * (len(new) - len(old)) > MAX_TEXT:
        raise _text_too_long(construct)


@pass_eval_context
def _replace(eval_ctx: Any, value: Any, old: Any, new: Any, count: Any = None) -> str:
    check_replace("|replace", str(value), str(old), str(new), count)
    return jinja_filters.do_replace(eval_ctx, value, old, new, count)


def _format(value: Any, *args: Any, **kwargs: Any) -> str:
    check_percent_format(str(value), kwargs or args, "|format")
    return jinja_filters.do_format(value, *args, **kwargs)


@pass_eval_context
def _finalize(eval_ctx: Any, value: Any) -> Any:
    # Output made while autoescape is off would put a value's text into the XML as it is.
    if not eval_ctx.autoescape:
        raise SandboxRefusal(
            texts.TEMPLATE_ESCAPING_OFF.format(construct="{% autoescape false %}", where="{where}")
        )
    return value


def _text_too_long(construct: str) -> SandboxRefusal:
    return SandboxRefusal(
        texts.TEMPLATE_TEXT_TOO_LONG.format(limit=MAX_TEXT, construct=construct, where="{where}")
    )


class _LetterCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every ``~`` concatenation checked for size."""

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.checked_concat(")
        super().visit_Concat(node, frame)
        self.write(")")


class LetterEnvironment(ImmutableSandboxedEnvironment):
    """ImmutableSandboxedEnvironment(autoescape=True) with loud refusals and resource caps."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _LetterCodeGenerator

    def __init__(self) -> None:
        super().__init__(autoescape=True, finalize=_finalize)
        self.globals = {"range": _capped_range}
        for name in ESCAPE_FILTERS:
            self.filters[name] = _refused_filter(name)
        self.filters.update(
            center=_center,
            indent=_indent,
            truncate=_truncate,
            wordwrap=_wordwrap,
            format=_format,
            batch=_batch,
            slice=_slice,
            replace=_replace,
        )

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        # The stock sandbox returns an Undefined that renders as "", hiding the attempt.
        if isinstance(obj, Markup) and attribute in _MARKUP_METHODS:
            raise SandboxRefusal(
                texts.TEMPLATE_ESCAPING_OFF.format(construct=f".{attribute}", where="{where}")
            )
        raise SecurityError(f"access to attribute {attribute!r} is unsafe")

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, Markup) and attr in _MARKUP_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**":
            if isinstance(right, int | float) and abs(right) > MAX_POWER:
                raise SecurityError("power too large")
            return operator.pow(left, right)
        if operator_ == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int):
                    if len(seq) * times > MAX_REPEAT:
                        raise SecurityError("repetition too large")
            return operator.mul(left, right)
        if operator_ == "%":
            if isinstance(left, str):
                check_percent_format(left, right)
            return operator.mod(left, right)
        if operator_ == "+":
            if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                if len(left) + len(right) > MAX_TEXT:
                    raise _text_too_long("+")
            return operator.add(left, right)
        return super().call_binop(context, operator_, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and getattr(__obj, "__name__", "") in _WIDTH_METHODS:
            width = args[0] if args else next(iter(kwargs.values()), None)
            _too_wide(f".{__obj.__name__}", width, MAX_WIDTH)
        if isinstance(owner, str) and getattr(__obj, "__name__", "") == "replace" and len(args) >= 2:
            check_replace(".replace", owner, *args[:3])
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        fmt = value.__self__

        def checked(*args: Any, **kwargs: Any) -> str:
            if value.__name__ == "format_map":
                check_brace_format(fmt, (), args[0] if args else kwargs)
            else:
                check_brace_format(fmt, args, kwargs)
            return wrapper(*args, **kwargs)

        return checked

    def checked_concat(self, value: Any) -> Any:
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise _text_too_long("~")
        return value


def make_environment() -> LetterEnvironment:
    """A fresh environment; cheap, but PreparedTemplate keeps one per template."""
    return LetterEnvironment()


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
