"""Map geometry: rings rewound for Vega, all 357 municipalities, tooltips filled."""

import json

from advocacy import reference
from advocacy.policy import maps, municipalities, positions


def test_every_municipality_has_a_shape_with_clockwise_outer_rings():
    features = maps.prepared_features()
    assert len(features) == 357
    holes = 0
    for feature in features:
        geometry = feature["geometry"]
        polygons = (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                    else [geometry["coordinates"]])
        assert polygons, feature["properties"]
        for rings in polygons:
            assert maps.signed_area(rings[0]) < 0  # outer: clockwise
            assert all(maps.signed_area(hole) > 0 for hole in rings[1:])
            holes += len(rings) - 1
    assert holes == 2  # the only inner rings in the data: their winding is checked too


def test_source_is_rfc7946_counter_clockwise_and_left_untouched():
    source = reference.boundaries()["features"][0]["geometry"]
    ring = source["coordinates"][0] if source["type"] == "Polygon" else source["coordinates"][0][0]
    assert maps.signed_area(ring) > 0
    maps.prepared_features()
    assert reference.boundaries()["features"][0]["geometry"] == source


def test_rewind_reverses_only_wrong_rings():
    ccw = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    hole_cw = [[0.2, 0.2], [0.2, 0.4], [0.4, 0.4], [0.4, 0.2], [0.2, 0.2]]
    outer, hole = maps.rewind_polygon([ccw, hole_cw])
    assert outer == ccw[::-1]
    assert hole == hole_cw[::-1]


def test_map_spec_has_tooltips_and_no_tiles(people):
    db = people.db
    positions.record_position(db, people.leader, "5628", "skjenketid_gr12", "03:00", "2025-01-01",
                              "Sak 12/25")
    levers = [lv for lv in municipalities.levers(db) if lv["id"] == "skjenketid_gr12"]
    cells = municipalities.statuses(db, levers)
    names = municipalities.names(db)
    shown = maps.map_cells({k: {**c["skjenketid_gr12"], "goal": "02:00"}
                            for k, c in cells.items()}, names)
    assert len(shown) == 357
    assert [c for c in shown if c["kommunenummer"] in ("0301", "5628")] == [
        {"kommunenummer": "0301", "kommune": "Oslo", "status": "ukjent", "status_text": "ukjent",
         "verdi": "–", "mal": "02:00", "dato": "–", "over_grensen": False},
        {"kommunenummer": "5628", "kommune": "Deatnu – Tana", "status": "langt_unna",
         "status_text": "langt unna", "verdi": "03:00", "mal": "02:00", "dato": "1. januar 2025",
         "over_grensen": False},
    ]
    spec = maps.status_map(shown, "Skjenketid")
    assert spec["mark"]["type"] == "geoshape"
    assert [t["title"] for t in spec["encoding"]["tooltip"]] == [
        "Kommune", "Verdi", "Mål", "Vedtatt", "Status"]
    # The shapes come from our own server (no tiles, no other host); the statuses are joined
    # to them by number, and shapes without a status (another county) are left out.
    assert spec["data"]["url"] == "app/static/kommuner.geojson"
    lookup, keep, _number = spec["transform"]
    assert lookup["lookup"] == "properties.kommunenummer"
    assert lookup["from"]["key"] == "kommunenummer"
    assert len(lookup["from"]["data"]["values"]) == 357
    assert "status" in lookup["from"]["fields"] and "isValid" in keep["filter"]
    assert len(json.dumps(spec)) < 120_000  # was 650 kB with the shapes inline
    assert reference.MAP_ATTRIBUTION == "Kartdata: Kartverket (CC BY 4.0)"


def test_the_served_shapes_are_the_prepared_boundaries():
    """static/kommuner.geojson is built from data/ (python -m advocacy.policy.maps) and kept in step."""
    assert maps.STATIC_GEOMETRY.read_bytes() == maps.geometry_file_bytes()
    served = json.loads(maps.STATIC_GEOMETRY.read_bytes())
    assert len(served["features"]) == 357
    assert {f["properties"]["kommunenummer"] for f in served["features"]} == {
        r["kommunenummer"] for r in reference.municipality_rows()}


def test_the_server_is_configured_to_serve_the_shapes():
    import tomllib

    config = tomllib.loads((maps.STATIC_GEOMETRY.parent.parent / ".streamlit" / "config.toml")
                           .read_text())
    assert config["server"]["enableStaticServing"] is True


def test_a_click_selects_one_municipality_by_number(db):
    levers = [lv for lv in municipalities.levers(db) if lv["id"] == "skjenketid_gr12"]
    cells = municipalities.statuses(db, levers, fylkesnummer="03")
    spec = maps.status_map(maps.map_cells({k: {**c["skjenketid_gr12"], "goal": "02:00"}
                                           for k, c in cells.items()}, {}), "Skjenketid")
    assert spec["params"] == [{"name": maps.SELECTION, "select": {
        "type": "point", "clear": False, "fields": ["kommunenummer"], "on": "click"}}]
    assert spec["transform"][-1] == {"calculate": "datum.properties.kommunenummer",
                                     "as": "kommunenummer"}
    assert spec["mark"]["cursor"] == "pointer"
    assert maps.picked({maps.SELECTION: [{"kommunenummer": "0301"}]}) == "0301"
    for nothing in ({}, None, {maps.SELECTION: []}, {maps.SELECTION: [{"kommunenummer": 301}]},
                    {maps.SELECTION: [{"kommunenummer": "<b>"}]}, {"other": [{"x": 1}]}):
        assert maps.picked(nothing) is None
