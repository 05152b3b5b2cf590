"""The map of Norway's 357 municipalities, coloured by status on one lever (Altair, offline).

The boundaries come from data/ (Kartverket, CC BY 4.0, simplified); no map tiles, nothing is
fetched from the network. Two things must be right:

- **Winding.** Kartverket's GeoJSON follows RFC 7946 (outer rings counter-clockwise). Vega/d3
  read rings on the sphere and take a counter-clockwise outer ring as "the whole globe minus the
  municipality": the map becomes one block. Outer rings are rewound to clockwise and holes to
  counter-clockwise (as seen on a north-up map) before drawing.
- **Size.** Coordinates are rounded to 3 decimals (about 100 m, far below what a national map
  shows) and repeated points dropped, which halves what is sent to the browser on every rerun.
  The prepared geometry is computed once per process (`prepared_features`).
"""

from __future__ import annotations

import copy
import functools

from . import reference, texts

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


def map_features(db_rows: dict[str, dict], municipality_names: dict[str, str]) -> list[dict]:
    """Features with the tooltip fields of one lever merged into their properties.

    `db_rows` is {kommunenummer: cell} from `municipalities.statuses(...)` for one lever (plus
    "goal"); municipalities not in it (filtered out by county) are left out of the map.
    """
    features = []
    for feature in prepared_features():
        knr = feature["properties"]["kommunenummer"]
        cell = db_rows.get(knr)
        if cell is None:
            continue
        status = cell["status"]
        feature["properties"].update({
            "kommune": municipality_names.get(knr, feature["properties"]["navn"]),
            "status": status.code,
            "status_text": status.text,
            "verdi": cell.get("shown_value") or "–",
            "mal": cell.get("goal") or "–",
            "dato": texts.format_date(cell.get("decided_on")) or "–",
            "over_grensen": bool(status.over_legal_limit),
        })
        features.append(feature)
    return features


def status_map(features: list[dict], lever_name: str, height: int = 640) -> dict:
    """A Vega-Lite spec (built with Altair) of `features` from `map_features`, by status.

    Altair is given a named placeholder and the features are put into the finished spec:
    letting Altair copy and walk 600 kB of coordinates costs over a second a rerun, the
    placeholder a few milliseconds. Draw it with `st.vega_lite_chart(spec)`.
    """
    import altair as alt

    present = [c for c in STATUS_COLOURS if any(f["properties"]["status"] == c for f in features)]
    domain = present or list(STATUS_COLOURS)
    colour = alt.Color(
        "properties.status:N",
        title="Status",
        scale=alt.Scale(domain=domain, range=[STATUS_COLOURS[c] for c in domain]),
        legend=alt.Legend(orient="left", labelExpr=_label_expr(domain)),
    )
    chart = (
        alt.Chart(alt.Data(name="kommuner"), title=lever_name)
        .mark_geoshape(strokeWidth=0.3)
        .encode(
            color=colour,
            stroke=alt.condition("datum.properties.over_grensen", alt.value(OVER_LIMIT_STROKE),
                                 alt.value("#ffffff")),
            tooltip=[
                alt.Tooltip("properties.kommune:N", title="Kommune"),
                alt.Tooltip("properties.verdi:N", title="Verdi"),
                alt.Tooltip("properties.mal:N", title="Mål"),
                alt.Tooltip("properties.dato:N", title="Vedtatt"),
                alt.Tooltip("properties.status_text:N", title="Status"),
            ],
        )
        # UTM zone 33 style: Norway upright, as Kartverket draws it.
        .project(type="transverseMercator", rotate=[-15, 0, 0])
        .properties(height=height, width="container")
        .configure_view(stroke=None)
    )
    spec = chart.to_dict()
    spec["data"] = {"values": features}
    return spec


def _label_expr(domain: list[str]) -> str:
    parts = [f"datum.value === '{code}' ? '{texts.STATUS_LABELS[code]}'" for code in domain]
    return " : ".join(parts) + " : datum.value"
