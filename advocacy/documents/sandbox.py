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

This module holds the environment; the caps and their checks are in sandbox_caps.py, the static
check of a parsed template (``forbidden_construct``, ``template_refusal``) in sandbox_static.py.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from jinja2 import nodes, pass_eval_context
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from advocacy import texts

# The caps and the static check live in their own modules; their public names are importable
# from here as before.
from advocacy.documents.sandbox_caps import (  # noqa: F401 - re-exported
    _WIDTH_METHODS,
    MAX_LENGTH,
    MAX_POWER,
    MAX_RANGE,
    MAX_REPEAT,
    MAX_TEXT,
    MAX_WIDTH,
    SandboxRefusal,
    _batch,
    _capped_range,
    _center,
    _format,
    _indent,
    _replace,
    _slice,
    _text_too_long,
    _too_wide,
    _truncate,
    _wordwrap,
    check_brace_format,
    check_percent_format,
    check_replace,
)
from advocacy.documents.sandbox_static import (  # noqa: F401 - re-exported
    _MARKUP_METHODS,
    ESCAPE_FILTERS,
    Refusal,
    forbidden_construct,
    template_refusal,
)


def _refused_filter(name: str) -> Callable[..., Any]:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise SandboxRefusal(texts.TEMPLATE_ESCAPING_OFF.format(construct=f"|{name}", where="{where}"))

    return refuse


@pass_eval_context
def _finalize(eval_ctx: Any, value: Any) -> Any:
    # Output made while autoescape is off would put a value's text into the XML as it is.
    if not eval_ctx.autoescape:
        raise SandboxRefusal(
            texts.TEMPLATE_ESCAPING_OFF.format(construct="{% autoescape false %}", where="{where}")
        )
    return value


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
