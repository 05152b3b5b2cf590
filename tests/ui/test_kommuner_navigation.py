"""Kommuner: a chosen municipality's profile comes first; the list of all 357 folds away."""

from tests.ui.test_kommuner_profile import _open


def _list_box(app) -> bool:
    return "Alle kommuner" in [e.label for e in app.expander]


def test_list_first_until_a_municipality_is_chosen(app):
    _open(app)
    assert len(app.dataframe[0].value) == 357
    assert not _list_box(app)
    assert app.header[0].value == "Kommuneprofil"


def test_linked_profile_is_first_and_the_list_folded_away(app):
    _open(app, kommune="3301")
    assert [h.value for h in app.header] == ["Kommuneprofil"]
    assert [s.value for s in app.subheader][0] == "Drammen (3301)"
    assert not [d for d in app.dataframe if len(d.value) == 357]  # the list is not built
    assert _list_box(app)
    app.session_state["kommuner_list_box"] = True
    app.run()
    assert [len(d.value) for d in app.dataframe if "Kommunenr." in d.value.columns] == [357]
    assert app.selectbox(key="kommune_profile").value == "3301"


def test_choosing_in_the_list_puts_the_profile_first_and_in_the_address(app):
    _open(app)
    app.selectbox(key="kommune_profile").select("0301").run()
    assert app.query_params["kommune"] == "0301"
    assert [s.value for s in app.subheader][0] == "Oslo (0301)"
    assert _list_box(app)
    app.selectbox(key="kommune_profile").select(None).run()
    assert "kommune" not in app.query_params
    assert len(app.dataframe[0].value) == 357
