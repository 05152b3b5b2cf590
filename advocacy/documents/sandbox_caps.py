"""The sandbox's caps on widths, lengths, counts and built strings, and the checks that apply them.

Widths and lengths that make Python build huge strings or lists (``|center``, ``|indent``,
``%``/``|format`` widths, ``.ljust`` …, ``|batch``/``|slice`` counts, ``|replace('', …)``) are
refused with a specific reason: while filling, by the capped filters here and the environment
(sandbox.py), and before any fill by the static check (sandbox_static.py).
"""

from __future__ import annotations

import re
import string
from typing import Any

from jinja2 import filters as jinja_filters
from jinja2 import pass_environment, pass_eval_context
from jinja2.sandbox import SecurityError

from advocacy import texts

MAX_RANGE = 1_000
MAX_REPEAT = 100_000
MAX_POWER = 100
MAX_WIDTH = 1_000  # |center, |indent, %- and format widths, .ljust and friends
MAX_LENGTH = 100_000  # |truncate and |wordwrap lengths
MAX_TEXT = 1_000_000  # one string built with + or ~

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


def _text_too_long(construct: str) -> SandboxRefusal:
    return SandboxRefusal(
        texts.TEMPLATE_TEXT_TOO_LONG.format(limit=MAX_TEXT, construct=construct, where="{where}")
    )
