"""Map geometry: rings rewound for Vega, all 357 municipalities, tooltips filled."""

from advocacy import maps, municipalities, reference


def test_every_municipality_has_a_shape_with_clockwise_outer_rings():
    features = maps.prepared_features()
    assert len(features) == 357
    for feature in features:
        geometry = feature["geometry"]
        polygons = (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                    else [geometry["coordinates"]])
        assert polygons, feature["properties"]
        for rings in polygons:
            assert maps.signed_area(rings[0]) < 0  # outer: clockwise
            assert all(maps.signed_area(hole) > 0 for hole in rings[1:])


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


def test_map_spec_has_tooltips_and_no_tiles(demo_db):
    levers = [lv for lv in municipalities.levers(demo_db) if lv["id"] == "skjenketid_gr12"]
    cells = municipalities.statuses(demo_db, levers)
    names = {m["kommunenummer"]: m["visningsnavn"]
             for m in municipalities.list_municipalities(demo_db)}
    features = maps.map_features({k: {**c["skjenketid_gr12"], "goal": "02:00"}
                                  for k, c in cells.items()}, names)
    assert len(features) == 357
    tana = next(f for f in features if f["properties"]["kommunenummer"] == "5628")
    assert tana["properties"]["kommune"] == "Deatnu – Tana"
    assert tana["properties"]["mal"] == "02:00"
    spec = maps.status_map(features, "Skjenketid")
    assert spec["mark"]["type"] == "geoshape"
    assert [t["title"] for t in spec["encoding"]["tooltip"]] == [
        "Kommune", "Verdi", "Mål", "Vedtatt", "Status"]
    assert len(spec["data"]["values"]) == 357
    assert "url" not in str(spec["data"])[:200]
    assert reference.MAP_ATTRIBUTION == "Kartdata: Kartverket (CC BY 4.0)"
