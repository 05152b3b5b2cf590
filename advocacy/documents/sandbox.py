"""The one Jinja environment every template is compiled in, and the checks around it.

Why a sandbox: templates can be uploaded by any leader, so a template is untrusted code. The
sandbox stops attribute walks such as ``''.__class__.__mro__`` (which reach every Python class and
the process environment); the immutable variant stops ``.append`` and friends; autoescape keeps
``&`` and ``<`` in values from corrupting the Word XML. On top of Jinja's own sandbox we refuse
unsafe names already at compile time (so a forbidden attribute in a branch the test data never
reaches is still caught), make unsafe attribute access fail loudly instead of printing nothing,
and cap ranges and repetition so a template cannot eat the server's memory.
"""

from __future__ import annotations

import operator
from typing import Any

from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_RANGE = 1_000
MAX_REPEAT = 100_000
MAX_POWER = 100

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


def _capped_range(*args: int) -> range:
    result = range(*args)
    if len(result) > MAX_RANGE:
        raise SecurityError(f"range() over {MAX_RANGE} items")
    return result


class LetterEnvironment(ImmutableSandboxedEnvironment):
    """ImmutableSandboxedEnvironment(autoescape=True) with loud refusals and resource caps."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        self.globals = {"range": _capped_range}

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        # The stock sandbox returns an Undefined that renders as "", hiding the attempt.
        raise SecurityError(f"access to attribute {attribute!r} is unsafe")

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
        return super().call_binop(context, operator_, left, right)


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
