"""Every word a page shows comes from `advocacy/texts/` (read as `texts.NAME`): a source check.

Over app.py and advocacy/ui/**/*.py, a string literal that contains a letter is a finding when
it is handed to something that shows it — an argument of a `st.*` call, of a call to one of the
project's ui helpers (a name imported from `advocacy.ui`, or a function of the same file), or
the value of a label-like keyword (`label`, `help`, `placeholder`, `title` …) of any call —
unless it is a key or an icon: a keyword such as `key`, `icon`, `type`, `mime`, or a lower-case
identifier-like word (`"event_new"`, `"kommende"`, `":material/add:"`, `"date:T"`).
Lists, tuples, dict values, f-strings, `x if c else y` and lambdas inside such an argument are
looked into; subscripts (`row["title"]`) and dict keys are not (they are column ids).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "app.py", *sorted((ROOT / "advocacy" / "ui").rglob("*.py"))]


# Keywords whose value is shown to the user, on any call (Altair's `title` included).
LABEL_KEYWORDS = {"label", "help", "placeholder", "caption", "title", "text", "body",
                  "page_title", "default", "value_label", "tooltip", "header", "message",
                  "success", "done", "question", "confirm_label", "options", "tabs"}
# Keywords that are never shown: keys, icons, codes and layout.
NOT_SHOWN = {"key", "icon", "page_icon", "type", "format", "mime", "on_change", "on_click",
             "on_select", "width", "height", "layout", "anchor", "position", "visibility",
             "url_path", "delta_color", "label_visibility", "vertical_alignment", "color",
             "selection_mode", "border", "gap", "kind", "table", "column", "field", "prefix",
             "name", "sort", "file_name", "language", "unsafe_allow_html", "initial_sidebar_state"}
# Streamlit calls whose arguments are keys or state, never words.
KEY_CALLS = {"form", "session_state", "query_params", "cache_data", "cache_resource",
             "fragment", "html", "switch_page", "set_option", "get_option", "context"}
# A key, an id, an icon, a mime type or a format code: lower case, no spaces.
KEY_LIKE = re.compile(r"[a-z0-9_.:/#%*\-]*")


# Parts of a text that are codes, not words: a Material icon, a Vega-Lite field type.
CODES = re.compile(r":material/[a-z_]+:|:[NOQT]\b")
# Literals passed to a helper that are not shown: HTTP header names read from the request,
# JavaScript expressions put into the live counts' scripts.
NOT_TEXT = {
    ("advocacy/ui/demo_warning.py", "Host"), ("advocacy/ui/demo_warning.py", "X-Forwarded-For"),
    ("advocacy/ui/live_count.py", "fmt.format(limit)"),
    ("advocacy/ui/live_count.py", "fmt.format(words(area.value))"),
    ("advocacy/ui/live_count.py", "fmt.format(total - limit)"),
    ("advocacy/ui/text_limit.py", "fmt.format(limit)"),
    ("advocacy/ui/text_limit.py", "fmt.format(n)"),
    ("advocacy/ui/text_limit.py", "fmt.format(n - limit)"),
}


def _has_words(text: str) -> bool:
    text = CODES.sub("", text)
    return any(c.isalpha() for c in text) and not KEY_LIKE.fullmatch(text.strip())


def _st_call(func: ast.AST) -> bool:
    """`st.x(…)`, `st.sidebar.x(…)`, `c1.x(…)` on a column of st? Only the first two: `st` at
    the root and no key-only call on the way."""
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if not (isinstance(func, ast.Name) and func.id == "st"):
        return False
    return not (set(parts) & KEY_CALLS)


def _ui_names(tree: ast.Module) -> set[str]:
    """Names that are the project's ui helpers here: imported from advocacy.ui, or a function
    (or class) of the same file."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("advocacy.ui"):
            names |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
    return names


def _root_name(func: ast.AST) -> str | None:
    while isinstance(func, ast.Attribute):
        func = func.value
    return func.id if isinstance(func, ast.Name) else None


def _column_of_st(tree: ast.Module) -> set[str]:
    """Names bound to Streamlit containers (`c1, c2 = st.columns(2)`, `with st.form(…) as f`,
    `tab = st.tabs(…)`): their methods are Streamlit calls too."""
    names = set()
    for node in ast.walk(tree):
        value, targets = None, []
        if isinstance(node, ast.Assign):
            value, targets = node.value, node.targets
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            value, targets = node.context_expr, [node.optional_vars]
        if isinstance(value, ast.Call) and _root_name(value.func) == "st":
            for target in targets:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def _literals(node: ast.AST):
    """The string constants of an argument that reach the screen."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        words = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        if _has_words(words):
            yield node
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                yield from _literals(value.value)
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        for element in node.elts:
            yield from _literals(element)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from _literals(value)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _literals(value)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.Lambda):
        yield from _literals(node.body)
    elif isinstance(node, ast.Starred):
        yield from _literals(node.value)
    elif isinstance(node, ast.Call):
        # `d.get(c, "Alle")`, `" · ".join(…)`, `texts.X.format(n=…)`: their arguments show too
        if isinstance(node.func, ast.Attribute) and node.func.attr in {"get", "join", "format"}:
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                yield from _literals(argument)


def literal_texts(source: str) -> list[tuple[int, str]]:
    """(line, literal) for every user-facing literal in the source of one module."""
    tree = ast.parse(source)
    helpers = _ui_names(tree)
    containers = _column_of_st(tree)
    found: dict[int, tuple[int, str]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        root = _root_name(node.func)
        shows_all = (_st_call(node.func) or (root in containers and isinstance(node.func, ast.Attribute))
                     or root in helpers)
        arguments = [a for a in node.args if shows_all]
        for keyword in node.keywords:
            if keyword.arg in NOT_SHOWN:
                continue
            if keyword.arg in LABEL_KEYWORDS or (shows_all and keyword.arg is not None):
                arguments.append(keyword.value)
        for argument in arguments:
            for literal in _literals(argument):
                if isinstance(literal, ast.Constant):
                    text, words = literal.value, literal.value
                else:  # an f-string: its own words, not the expressions in it
                    text = ast.unparse(literal)
                    words = "".join(v.value for v in literal.values
                                    if isinstance(v, ast.Constant))
                if _has_words(words):
                    found[id(literal)] = (literal.lineno, text)
    return sorted(found.values())


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", FILES, ids=_relative)
def test_a_page_shows_no_literal_text(path):
    found = [f"{_relative(path)}:{line}: {text!r}" for line, text in literal_texts(path.read_text())
             if (_relative(path), text) not in NOT_TEXT]
    assert found == []


def test_the_checker_finds_a_literal_label_also_in_a_call_over_several_lines():
    sample = '''
import streamlit as st
from advocacy import texts
from advocacy.ui.widgets import table

st.title(texts.APP_NAME)
name = st.text_input(
    "Navn",
    key="person_name",
    help=texts.NAME_HELP,
)
c1, c2 = st.columns(2)
c1.button(
    texts.SAVE,
    help=f"Lagres for {name}",
    key="save",
    icon=":material/save:",
)
table(rows, {"name": "Navn"}, key="people")
st.selectbox(texts.X, [None, 1], format_func=lambda c: names.get(c, "Alle lag"),
             placeholder=texts.CHOOSE_ONE, key="pick")
st.session_state.get("Not shown")
st.form("Form key")
chart = alt.X("date:T", title="Dato")
'''
    assert literal_texts(sample) == [(8, "Navn"), (15, "f'Lagres for {name}'"),
                                     (19, "Navn"), (20, "Alle lag"), (24, "Dato")]


def test_the_checker_lets_keys_icons_and_texts_through():
    sample = '''
import streamlit as st
from advocacy import texts
st.button(texts.SAVE, key="save_button", icon=":material/save:", type="primary")
st.download_button(texts.DOWNLOAD, data, file_name="pavirk.ics", mime="text/calendar")
st.markdown(texts.LOGGED_IN_AS.format(name=md(user.name)))
st.caption(f"{texts.format_date(day)} – {md(title)}")
'''
    assert literal_texts(sample) == []


def test_no_text_name_is_defined_in_two_text_modules():
    """`advocacy/texts/__init__.py` star-imports every module: a name defined twice would let
    the later module's wording win without a word."""
    defined: dict[str, list[str]] = {}
    for path in sorted((ROOT / "advocacy" / "texts").glob("*.py")):
        for node in ast.parse(path.read_text()).body:
            targets = (node.targets if isinstance(node, ast.Assign)
                       else [node.target] if isinstance(node, ast.AnnAssign)
                       else [ast.Name(node.name)] if isinstance(node, ast.FunctionDef) else [])
            for target in targets:
                if isinstance(target, ast.Name) and not target.id.startswith("_"):
                    defined.setdefault(target.id, []).append(path.stem)
    assert {name: where for name, where in defined.items() if len(where) > 1} == {}


def test_every_text_module_is_read_by_the_package():
    init = (ROOT / "advocacy" / "texts" / "__init__.py").read_text()
    modules = sorted(p.stem for p in (ROOT / "advocacy" / "texts").glob("*.py")
                     if p.stem != "__init__")
    assert [m for m in modules if f"from advocacy.texts.{m} import *" not in init] == []
