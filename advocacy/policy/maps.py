"""The map of Norway's 357 municipalities, coloured by status on one lever (Altair, offline).

The boundaries come from data/ (Kartverket, CC BY 4.0, simplified); no map tiles, nothing is
fetched from another server. Three things must be right:

- **Winding.** Kartverket's GeoJSON follows RFC 7946 (outer rings counter-clockwise). Vega/d3
  read rings on the sphere and take a counter-clockwise outer ring as "the whole globe minus the
  municipality": the map becomes one block. Outer rings are rewound to clockwise and holes to
  counter-clockwise (as seen on a north-up map) before drawing.
- **Size.** Coordinates are rounded to 3 decimals (about 100 m, far below what a national map
  shows) and repeated points dropped.
- **What each rerun sends.** The shapes never change, so they are not in the chart: they are
  the file static/kommuner.geojson, which Streamlit serves (`enableStaticServing`) and the
  browser fetches once and caches. The chart carries only the 357 statuses and joins them to
  the shapes by municipality number (a Vega-Lite lookup): about 60 kB instead of 650 kB on
  every rerun, and a rerun of Oversikt no longer spends its time copying coordinates. After a
  change of boundaries in data/, rebuild the file with `python -m advocacy.policy.maps`.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

import altair as alt

from advocacy import reference, texts

STATIC_GEOMETRY = Path(__file__).resolve().parents[2] / "static" / "kommuner.geojson"
# Relative to the page's address, so it also works under a server.baseUrlPath.
GEOMETRY_URL = "app/static/kommuner.geojson"

PRECISION = 3
# Colour per status: readable for colour-blind users (blue/orange/red family) and in print.
STATUS_COLOURS = {
    "oppfyller": "#1a9850",
    "delvis": "#fdae61",
    "langt_unna": "#d73027",
    "ukjent": "#d9d9d9",
    "ingen_mal": "#9ecae1",
}
OVER_LIMIT_STROKE = "#000000"
# The chart's point selection: a click on a municipality chooses it (Oversikt opens its profile).
SELECTION = "kommune_pick"


def signed_area(ring: list[list[float]]) -> float:
    """Shoelace area in lon/lat: positive when the ring runs counter-clockwise (north up)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        total += x1 * y2 - x2 * y1
    return total / 2


def _round_ring(ring: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, PRECISION), round(y, PRECISION)]
        if not out or out[-1] != point:
            out.append(point)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def rewind_polygon(rings: list[list[list[float]]]) -> list[list[list[float]]]:
    """Outer ring clockwise, holes counter-clockwise: the winding d3-geo (and Vega) expects."""
    result = []
    for index, ring in enumerate(rings):
        ring = _round_ring(ring)
        if len(ring) < 4:  # collapsed by rounding: a sliver too small to see
            if index == 0:
                return []
            continue
        clockwise = signed_area(ring) < 0
        want_clockwise = index == 0
        result.append(ring if clockwise == want_clockwise else ring[::-1])
    return result


def rewind_geometry(geometry: dict) -> dict:
    geometry = copy.deepcopy(geometry)
    if geometry["type"] == "Polygon":
        geometry["coordinates"] = rewind_polygon(geometry["coordinates"])
    elif geometry["type"] == "MultiPolygon":
        polygons = [rewind_polygon(p) for p in geometry["coordinates"]]
        geometry["coordinates"] = [p for p in polygons if p]
    return geometry


@functools.cache
def _prepared() -> tuple[dict, ...]:
    features = []
    for feature in reference.boundaries()["features"]:
        props = feature["properties"]
        features.append({
            "type": "Feature",
            "geometry": rewind_geometry(feature["geometry"]),
            "properties": {"kommunenummer": props["kommunenummer"],
                           "navn": props.get("name") or props.get("kommunenavn")},
        })
    return tuple(features)


def prepared_features() -> list[dict]:
    """The rewound, rounded municipality features (a fresh copy of the properties per call)."""
    return [{**f, "properties": dict(f["properties"])} for f in _prepared()]


def geometry_file_bytes() -> bytes:
    """static/kommuner.geojson as it should be: the prepared shapes, keyed by number only."""
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": f["geometry"],
         "properties": {"kommunenummer": f["properties"]["kommunenummer"]}}
        for f in _prepared()]}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def map_cells(db_rows: dict[str, dict], municipality_names: dict[str, str]) -> list[dict]:
    """One row per municipality shown, with the tooltip fields of one lever.

    `db_rows` is {kommunenummer: cell} from `municipalities.statuses(...)` for one lever (plus
    "goal"); municipalities not in it (filtered out by county) are left out of the map.
    """
    cells = []
    for knr, cell in sorted(db_rows.items()):
        status = cell["status"]
        cells.append({
            "kommunenummer": knr,
            "kommune": municipality_names.get(knr, knr),
            "status": status.code,
            "status_text": status.text,
            "verdi": cell.get("shown_value") or "–",
            "mal": cell.get("goal") or "–",
            "dato": texts.format_date(cell.get("decided_on")) or "–",
            "over_grensen": bool(status.over_legal_limit),
        })
    return cells


def status_map(cells: list[dict], lever_name: str, height: int = 640) -> dict:
    """A Vega-Lite spec (built with Altair) of `cells` from `map_cells`, coloured by status.

    The shapes come from GEOMETRY_URL; each is joined to its cell by municipality number and
    shapes without a cell (another county) are left out. Altair builds the encoding; the data
    and the join are put into the finished spec so Altair does not copy and validate them.
    A click selects one municipality (the point selection SELECTION, by number): draw it with
    `st.vega_lite_chart(spec, on_select="rerun", selection_mode=SELECTION)` and read the
    choice with `picked`.
    """
    present = [c for c in STATUS_COLOURS if any(cell["status"] == c for cell in cells)]
    domain = present or list(STATUS_COLOURS)
    colour = alt.Color(
        "status:N",
        title="Status",
        scale=alt.Scale(domain=domain, range=[STATUS_COLOURS[c] for c in domain]),
        legend=alt.Legend(orient="left", labelExpr=_label_expr(domain)),
    )
    pick = alt.selection_point(name=SELECTION, fields=["kommunenummer"], on="click",
                               clear=False, empty=False)
    chart = (
        alt.Chart(alt.Data(name="kommuner"), title=lever_name)
        .mark_geoshape(strokeWidth=0.3, cursor="pointer")
        .add_params(pick)
        .encode(
            color=colour,
            stroke=alt.condition("datum.over_grensen", alt.value(OVER_LIMIT_STROKE),
                                 alt.value("#ffffff")),
            tooltip=[
                alt.Tooltip("kommune:N", title="Kommune"),
                alt.Tooltip("verdi:N", title="Verdi"),
                alt.Tooltip("mal:N", title="Mål"),
                alt.Tooltip("dato:N", title="Vedtatt"),
                alt.Tooltip("status_text:N", title="Status"),
            ],
        )
        # UTM zone 33 style: Norway upright, as Kartverket draws it.
        .project(type="transverseMercator", rotate=[-15, 0, 0])
        .properties(height=height, width="container")
        .configure_view(stroke=None)
    )
    spec = chart.to_dict()
    spec["data"] = {"url": GEOMETRY_URL, "format": {"type": "json", "property": "features"}}
    fields = [k for k in (cells[0] if cells else {}) if k != "kommunenummer"]
    spec["transform"] = [
        {"lookup": "properties.kommunenummer",
         "from": {"data": {"values": cells}, "key": "kommunenummer", "fields": fields}},
        {"filter": "isValid(datum.status)"},
        # The click selection names the municipality by this field (see `picked`).
        {"calculate": "datum.properties.kommunenummer", "as": "kommunenummer"},
    ]
    return spec


def picked(selection: dict) -> str | None:
    """The municipality number a click on the map chose, from the chart's selection state
    (`st.vega_lite_chart(..., on_select="rerun").selection`); None when nothing is chosen."""
    points = (selection or {}).get(SELECTION) or []
    for point in points:
        number = point.get("kommunenummer") if isinstance(point, dict) else None
        if isinstance(number, str) and number.isdigit() and len(number) == 4:
            return number
    return None


def _label_expr(domain: list[str]) -> str:
    parts = [f"datum.value === '{code}' ? '{texts.STATUS_LABELS[code]}'" for code in domain]
    return " : ".join(parts) + " : datum.value"


if __name__ == "__main__":  # python -m advocacy.policy.maps: rebuild static/kommuner.geojson
    STATIC_GEOMETRY.parent.mkdir(exist_ok=True)
    STATIC_GEOMETRY.write_bytes(geometry_file_bytes())
    print(f"{STATIC_GEOMETRY} ({STATIC_GEOMETRY.stat().st_size // 1024} kB)")
