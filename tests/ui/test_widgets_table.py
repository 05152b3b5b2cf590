"""widgets.table: Norwegian headings, dates as dates, no grey "None", and a column of mixed
types shown rather than refused (the Arrow fast path falls back to pandas)."""

import datetime as dt

from streamlit.testing.v1 import AppTest


def _script():
    from advocacy.ui.widgets import table

    table([{"n": 3, "when": "2026-03-12", "note": None, "mixed": 1},
           {"n": None, "when": None, "note": "Åse & Co", "mixed": "to"}],
          {"n": "Antall", "when": "Dato", "note": "Merknad", "mixed": "Blandet"},
          dates=["when"], labels={"note": {"Åse & Co": "Åse & Co."}})


def _table_of(script):
    app = AppTest.from_function(script).run()
    assert not app.exception, app.exception
    return app.dataframe[0].value


def test_headings_dates_empty_cells_and_mixed_columns():
    frame = _table_of(_script)
    assert list(frame.columns) == ["Antall", "Dato", "Merknad", "Blandet"]
    assert frame["Dato"][0] in (dt.date(2026, 3, 12), dt.datetime(2026, 3, 12))
    assert list(frame["Merknad"]) == ["", "Åse & Co."]
    assert [str(v) for v in frame["Blandet"]] == ["1", "to"]


def test_a_plain_table_shows_its_rows():
    def script():
        from advocacy.ui.widgets import table

        table([{"name": "Kari", "when": "2026-11-23"}], {"name": "Navn", "when": "Dato"},
              dates=["when"])

    frame = _table_of(script)
    assert list(frame["Navn"]) == ["Kari"]
