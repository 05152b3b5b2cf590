"""Streamlit's widgets say in Norwegian what they would say in English by default: every
choice has a Norwegian placeholder (no «Choose an option»), no multiselect offers «Select all»,
every date field reads DD.MM.YYYY, every form except the login form leaves out «Press Enter to
submit form», and an empty table cell is empty (no grey «None»)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "advocacy" / "ui").rglob("*.py")) + [ROOT / "app.py"]

# Enter logs in: the one form that keeps Streamlit's «Press Enter to submit form» hint.
ENTER_SUBMITS = {("login.py", "login")}


def _calls(attr: str):
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == attr):
                yield path.name, node, {k.arg: k.value for k in node.keywords}


def _text(node) -> str:
    return ast.unparse(node)


def test_every_selectbox_has_a_norwegian_placeholder():
    calls = list(_calls("selectbox"))
    assert len(calls) > 30  # the walk finds the pages' choices
    missing = [f"{name}:{node.lineno}" for name, node, kw in calls if "placeholder" not in kw]
    assert missing == []


def test_every_multiselect_has_a_placeholder_and_no_select_all():
    calls = list(_calls("multiselect"))
    assert calls
    wrong = [f"{name}:{node.lineno}" for name, node, kw in calls
             if "placeholder" not in kw or _text(kw.get("select_all", ast.Constant(1))) != "False"]
    assert wrong == []


def test_placeholders_come_from_the_texts_module_or_are_norwegian_words():
    english = [f"{name}:{node.lineno}" for attr in ("selectbox", "multiselect")
               for name, node, kw in _calls(attr)
               if isinstance(kw.get("placeholder"), ast.Constant)
               and any(w in kw["placeholder"].value.lower() for w in ("choose", "select"))]
    assert english == []


def test_every_date_field_reads_day_month_year():
    wrong = [f"{name}:{node.lineno}" for attr in ("date_input", "datetime_input")
             for name, node, kw in _calls(attr)
             if _text(kw.get("format", ast.Constant(""))) != "'DD.MM.YYYY'"]
    assert wrong == []


def test_every_form_but_login_leaves_out_the_english_enter_hint():
    forms = [(name, node, kw) for name, node, kw in _calls("form")
             if isinstance(node.func.value, ast.Name) and node.func.value.id == "st"]
    assert len(forms) > 10
    wrong = []
    for name, node, kw in forms:
        form_key = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
        expected = "True" if (name, form_key) in ENTER_SUBMITS else "False"
        if _text(kw.get("enter_to_submit", ast.Constant(None))) != expected:
            wrong.append(f"{name}:{node.lineno}")
    assert wrong == []


def test_tables_are_drawn_by_the_shared_helper():
    """Only widgets.table draws st.dataframe, so its empty-cell placeholder holds everywhere."""
    drawn = [f"{name}:{node.lineno}" for attr in ("dataframe", "data_editor", "table")
             for name, node, _ in _calls(attr)
             if isinstance(node.func.value, ast.Name) and node.func.value.id == "st"]
    assert drawn and all(place.startswith("widgets.py:") for place in drawn), drawn


def _empty_cells():
    from advocacy.ui.widgets import table

    table([{"title": "Møte i Drammen", "held_on": "2026-03-12", "due": None, "note": None},
           {"title": "Brev", "held_on": None, "due": "2026-04-01", "note": "Ring tilbake"}],
          {"title": "Tittel", "held_on": "Dato", "due": "Frist", "note": "Merknad"},
          dates=["held_on", "due"])


def test_empty_date_cells_show_nothing_and_dates_read_day_month_year():
    app = AppTest.from_function(_empty_cells).run()
    assert not app.exception, app.exception
    element = app.dataframe[0]
    # Streamlit writes «None» in a missing cell unless the table has a placeholder.
    assert element.proto.HasField("placeholder")
    assert element.proto.placeholder == ""
    frame = element.value
    assert list(frame["Merknad"]) == ["", "Ring tilbake"]
    assert "None" not in [str(v) for v in frame["Merknad"]]
    assert frame["Dato"].isna().tolist() == [False, True]
    columns = json.loads(element.proto.columns)
    for heading in ("Dato", "Frist"):
        assert columns[heading]["type_config"] == {"type": "date", "format": "DD.MM.YYYY"}
