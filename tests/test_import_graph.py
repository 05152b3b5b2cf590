"""The house's import rules, read from the source (ast): no import circle between the modules
of advocacy/, no import inside a function (a circle dodged or a cost hidden), no arrow from the
domain to advocacy/ui. Imports under ``if TYPE_CHECKING:`` are for annotations only and do not
count; a package's ``__init__`` importing its own modules is how a package is built and is not
a circle."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "advocacy"


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _owner(name: str) -> str | None:
    """The module of ``advocacy`` that the dotted name is, or is inside of."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _targets(node: ast.AST) -> list[str]:
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        for alias in node.names:
            full = f"{node.module}.{alias.name}"
            names.append(full if full in MODULES else node.module)
    owners = (_owner(name) for name in names if name.split(".")[0] == "advocacy")
    return [owner for owner in owners if owner]


def _is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges = set()
        for node in tree.body:
            if not _is_type_checking(node):
                edges.update(target for target in _targets(node) if target != module)
        if path.name == "__init__.py":  # a package importing its own modules
            edges = {target for target in edges if not target.startswith(module + ".")}
        graph[module] = edges
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        circles.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return circles


def test_the_checker_finds_a_circle_and_none_without_one():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_the_graph_sees_the_package():
    graph = _graph()
    assert "advocacy.documents.worker" in graph["advocacy.documents.render"]
    assert "advocacy.clock" in graph["advocacy.audit"]
    assert len(graph) > 100


def test_no_import_circle():
    assert _circles(_graph()) == []


def test_no_import_inside_a_function():
    found = []
    for module, path in sorted(MODULES.items()):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [f"{module}:{inner.lineno} {ast.unparse(inner)}"
                          for inner in ast.walk(node)
                          if isinstance(inner, ast.Import | ast.ImportFrom)]
    assert found == []


def test_the_domain_does_not_import_the_pages():
    graph = _graph()
    arrows = sorted(f"{module} -> {target}" for module, targets in graph.items()
                    if not module.startswith("advocacy.ui")
                    for target in targets if target.startswith("advocacy.ui"))
    assert arrows == []
