"""One term per concept: what the `levers` table holds is a «sak» on every page.

«Virkemiddel» was a second name for the same thing. It has no other meaning in the app, so no
text in `advocacy.texts` and no string a page in `advocacy/ui` writes may contain it. (The
spreadsheet import still accepts a column headed «virkemiddel»: input, not something shown.)
«Sak» itself is not checked: it also means a case or matter in free text.
"""

import ast
from pathlib import Path

from advocacy import texts

UI = Path(texts.__file__).resolve().parents[1] / "ui"


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item)


def test_no_text_calls_a_lever_virkemiddel():
    found = [(name, s) for name in dir(texts) if name.isupper()
             for s in _strings(getattr(texts, name)) if "virkemid" in s.lower()]
    assert found == []


def test_no_page_calls_a_lever_virkemiddel():
    found = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and "virkemid" in node.value.lower():
                found.append((path.name, node.lineno, node.value))
    assert found == []


def test_the_lever_is_called_sak_where_it_is_named():
    assert texts.OVERVIEW_LEVER == "Sak"
    assert texts.AUDIT_TABLES["levers"] == "Saker"
    assert texts.TRASH_TABLE_NAMES["levers"] == ("sak", "saker")
