"""Find the places where page code hands text to something Streamlit renders as Markdown
without the escaping helper: the static half of the hostile-Markdown tests.

A value shown is trusted when every piece of it is a literal, a `texts.X` constant (or an item
of one), a number or date made by one of texts' formatters, text escaped by `md()` / `code()`,
or a name in the same scope that is only ever given such values; `.format`, `+`, f-strings,
`join` and `x if c else y` are trusted when all their pieces are.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

# Calls whose first argument (or `body`) is rendered as Markdown.
BODY = {"markdown", "write", "caption", "subheader", "header", "title", "info", "warning",
        "error", "success", "toast"}
# Widgets and containers whose label (first argument or `label`) is rendered as Markdown.
LABELLED = {"expander", "popover", "button", "download_button", "link_button",
            "form_submit_button", "checkbox", "toggle", "radio", "selectbox", "multiselect",
            "text_input", "text_area", "number_input", "date_input", "time_input",
            "file_uploader", "metric", "segmented_control", "pills", "slider", "select_slider",
            "color_picker", "chat_input", "feedback"}
# Calls whose `text` (or first argument) is rendered as Markdown.
TEXT = {"progress", "spinner", "status", "badge"}
# Widgets whose options (format_func) are rendered as Markdown too.
MARKDOWN_OPTIONS = {"radio", "segmented_control", "pills"}
# Keywords rendered as Markdown wherever they appear on the calls above.
MARKDOWN_KEYWORDS = {"body", "label", "help"}
# texts' formatters: their output is a number, a date or a time, never typed text.
FORMATTERS = {"format_date", "format_short_date", "format_datetime", "format_minutes",
              "format_number", "format_share", "format_time", "format_month",
              "format_draft_time"}
ESCAPERS = {"md", "code"}
PLAIN_METHODS = {"capitalize", "lower", "upper", "strip", "title"}
NOT_STREAMLIT = {"logger", "log", "logging", "warnings", "parser", "self", "re"}


def _root(node: ast.AST) -> str | None:
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


class _Scope:
    """The names a function (or the module) assigns, and the values it gives them."""

    def __init__(self, node: ast.AST, parent: _Scope | None):
        self.parent = parent
        self.values: dict[str, list[ast.AST | None]] = {}
        args = getattr(node, "args", None)
        if isinstance(args, ast.arguments):
            for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg,
                        args.kwarg]:
                if arg is not None:
                    self.values.setdefault(arg.arg, []).append(None)  # unknown: a parameter
        body = node.body if isinstance(node.body, list) else [node.body]
        for statement in body:
            for child in _walk_own(statement):
                self._record(child)

    def _record(self, node: ast.AST) -> None:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple)
                        and len(target.elts) == len(node.value.elts)):
                    pairs = list(zip(target.elts, node.value.elts, strict=True))
                else:
                    pairs = [(target, node.value if isinstance(target, ast.Name) else None)]
                for part, value in pairs:
                    for name in _names(part):
                        self.values.setdefault(name, []).append(
                            value if isinstance(part, ast.Name) else None)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr):
            value = None if isinstance(node, ast.AugAssign) else node.value
            for name in _names(node.target):
                self.values.setdefault(name, []).append(value)
        elif isinstance(node, ast.For | ast.comprehension | ast.With):
            targets = ([node.target] if not isinstance(node, ast.With)
                       else [i.optional_vars for i in node.items if i.optional_vars])
            for target in targets:
                for name in _names(target):
                    self.values.setdefault(name, []).append(None)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Import | ast.ImportFrom):
            names = ([node.name] if hasattr(node, "name") and isinstance(node.name, str)
                     else [(a.asname or a.name).split(".")[0] for a in node.names])
            for name in names:
                self.values.setdefault(name, []).append(None)

    def lookup(self, name: str) -> list[ast.AST | None] | None:
        scope: _Scope | None = self
        while scope is not None:
            if name in scope.values:
                return scope.values[name]
            scope = scope.parent
        return None


def _walk_own(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of one scope, not those of functions defined inside it."""
    yield node
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
        return
    for child in ast.iter_child_nodes(node):
        yield from _walk_own(child)


def _names(target: ast.AST) -> list[str]:
    return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]


class Checker:
    def __init__(self, path: Path):
        self.path = path
        self.tree = ast.parse(path.read_text())
        self.findings: list[tuple[int, str]] = []

    def run(self) -> list[tuple[int, str]]:
        # The app's own modules (`campaigns.progress(...)`) are not Streamlit.
        self.modules = {(a.asname or a.name) for n in ast.walk(self.tree)
                        if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("advocacy")
                        for a in n.names}
        self._visit(self.tree, _Scope(self.tree, None))
        return self.findings

    def _visit(self, node: ast.AST, scope: _Scope) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                self._visit(child, _Scope(child, scope))
                continue
            if isinstance(child, ast.Call):
                self._check_call(child, scope)
            self._visit(child, scope)

    def _check_call(self, node: ast.Call, scope: _Scope) -> None:
        if not isinstance(node.func, ast.Attribute):
            return
        name = node.func.attr
        if name not in BODY | LABELLED | TEXT | {"tabs", "page_link"}:
            return
        if _root(node.func.value) in NOT_STREAMLIT | self.modules:
            return
        shown: list[ast.AST] = []
        if name == "write":
            shown += node.args
        elif name == "page_link":
            shown += node.args[1:2]
        elif name in TEXT:
            shown += node.args[1:2] if name == "progress" else node.args[:1]
        else:
            shown += node.args[:1]
        for keyword in node.keywords:
            if keyword.arg in MARKDOWN_KEYWORDS or (name == "tabs" and keyword.arg == "tabs") \
                    or (name in TEXT and keyword.arg == "text"):
                shown.append(keyword.value)
            if keyword.arg == "format_func" and name in MARKDOWN_OPTIONS:
                value = keyword.value
                shown.append(value.body if isinstance(value, ast.Lambda) else value)
        for value in shown:
            if not self.trusted(value, scope, set()):
                self.findings.append((node.lineno, f"{name}({ast.unparse(value)[:90]})"))

    def trusted(self, node: ast.AST, scope: _Scope, seen: set[str]) -> bool:  # noqa: C901
        ok = lambda n: self.trusted(n, scope, seen)  # noqa: E731
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.JoinedStr):
            return all(ok(v.value) for v in node.values if isinstance(v, ast.FormattedValue))
        if isinstance(node, ast.BinOp):
            return ok(node.left) and ok(node.right)
        if isinstance(node, ast.BoolOp):
            return all(ok(v) for v in node.values)
        if isinstance(node, ast.IfExp):
            return ok(node.body) and ok(node.orelse)
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return all(ok(e) for e in node.elts)
        if isinstance(node, ast.Dict):
            return all(ok(v) for v in node.values)
        if isinstance(node, ast.Starred):
            return ok(node.value)
        if isinstance(node, ast.Name):
            if node.id in seen:
                return False
            values = scope.lookup(node.id)
            return bool(values) and all(
                v is not None and self.trusted(v, scope, seen | {node.id}) for v in values)
        if isinstance(node, ast.Attribute):
            if node.attr.isupper() and isinstance(node.value, ast.Name):
                return True  # a module's constant: texts.X, reference.MAP_ATTRIBUTION
            return node.attr == "get" and ok(node.value)  # a constant mapping's .get
        if isinstance(node, ast.Subscript):
            return ok(node.value)  # an item of a trusted mapping or list, whatever the key
        if isinstance(node, ast.Call):
            return self._trusted_call(node, ok)
        return False

    def _trusted_call(self, node: ast.Call, ok) -> bool:
        func = node.func
        if isinstance(func, ast.Name):
            return func.id in ESCAPERS or func.id in {"len", "int"}
        if not isinstance(func, ast.Attribute):
            return False
        if func.attr in ESCAPERS:
            return True
        if func.attr in FORMATTERS and isinstance(func.value, ast.Name) \
                and func.value.id == "texts":
            return True
        arguments = [*node.args, *(k.value for k in node.keywords)]
        if func.attr == "format" or func.attr in PLAIN_METHODS or func.attr == "get":
            return ok(func.value) and all(ok(a) for a in arguments)
        if func.attr == "join" and ok(func.value) and len(node.args) == 1:
            items = node.args[0]
            if isinstance(items, ast.GeneratorExp | ast.ListComp):
                return ok(items.elt)
            return ok(items)
        return False


def unescaped_markdown(paths: list[Path], root: Path) -> list[str]:
    return [f"{path.relative_to(root)}:{line}: {what}"
            for path in paths for line, what in Checker(path).run()]
