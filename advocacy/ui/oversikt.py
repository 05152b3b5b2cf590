"""Oversikt: where the country stands on each lever (map, key figures, per county), what changed
lately, follow-ups and chapter activity; every figure exportable. Leadership edits the levers."""

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from advocacy import maps, meetings, municipalities, overview, reference, texts
from advocacy.ui import context, lever_admin
from advocacy.ui.downloads import export_buttons
from advocacy.ui.widgets import table

OVERDUE_SHOWN = 200  # thousands are overdue nationally; the full list is under Møter

user = context.require_page("oversikt")
db = context.db()


@st.cache_data(show_spinner=False, max_entries=32)
def policy_statuses(_db, county: str | None, version: str) -> dict:
    levers = municipalities.levers(_db)
    return municipalities.statuses(_db, levers, fylkesnummer=county)


@st.cache_data(show_spinner=False, max_entries=32)
def map_spec(_db, lever_id: str, county: str | None, version: str) -> dict:
    lever = next(lv for lv in municipalities.levers(_db) if lv["id"] == lever_id)
    cells = municipalities.statuses(_db, [lever], fylkesnummer=county)
    goal = municipalities.policy_status.display(lever["value_type"], lever["goal"])
    names = municipalities.names(_db, fylkesnummer=county)
    return maps.status_map(
        maps.map_cells({k: {**c[lever_id], "goal": goal} for k, c in cells.items()}, names),
        lever["name"])


@st.cache_data(show_spinner=False, ttl=300, max_entries=32)
def activity(_db, county: str | None, version: str, today: dt.date) -> tuple[list, list]:
    return (overview.meetings_per_chapter_month(_db, today, fylkesnummer=county),
            overview.letters_per_quarter(_db, fylkesnummer=county))


st.title(texts.PAGE_TITLES["oversikt"])
today = dt.date.today()
version = overview.policy_version(db)
levers = municipalities.levers(db)
lever_names = {lv["id"]: lv["name"] for lv in levers}
counties = {c["fylkesnummer"]: c["navn"] for c in municipalities.counties(db)}
names = municipalities.names(db)

left, right = st.columns(2)
county = left.selectbox(texts.COUNTY_FILTER, [None, *counties], key="oversikt_county",
                        format_func=lambda k: texts.ALL_COUNTIES if k is None else counties[k])
lever_id = right.selectbox(texts.OVERVIEW_LEVER, list(lever_names), key="oversikt_lever",
                           format_func=lever_names.get)
area = counties[county] if county else texts.OVERVIEW_NATIONAL

statuses = policy_statuses(db, county, version)
counts = overview.status_counts(statuses, lever_id)
figures = overview.key_figures(db, user, today)
cols = st.columns(5)
cols[0].metric(texts.OVERVIEW_MEETS.format(area=area),
               f"{counts['oppfyller']} av {len(statuses)}",
               help=texts.format_share(counts["oppfyller"] / len(statuses)))
cols[1].metric(texts.STATUS_OVER_LIMIT.capitalize(), counts["over_lovens_grense"])
cols[2].metric("Vedtak siste 90 dager", figures["positions_last_90_days"])
cols[3].metric("Publiserte leserinnlegg", figures["published_letters"])
if figures["overdue_followups"] is not None:
    cols[4].metric("Forfalte oppfølginger", figures["overdue_followups"])

# --- The map ----------------------------------------------------------------------------------
st.subheader(texts.OVERVIEW_MAP.format(lever=lever_names[lever_id]))
st.vega_lite_chart(map_spec(db, lever_id, county, version), width="stretch", key="status_map")
st.caption(reference.MAP_ATTRIBUTION)
pick_left, pick_right = st.columns([2, 1])
chosen = pick_left.selectbox(
    texts.OVERVIEW_OPEN_PROFILE, [None, *sorted(statuses)], key="oversikt_open",
    format_func=lambda k: "–" if k is None else f"{names[k]} ({k})")
if chosen:
    pick_right.page_link("advocacy/ui/kommuner.py", label=texts.OVERVIEW_GO_PROFILE,
                         icon=":material/arrow_forward:", query_params={"kommune": chosen})

# --- Goal per lever, and per county for the chosen lever ---------------------------------------
st.subheader(texts.OVERVIEW_GOALS.format(area=area))
summary = overview.goal_summary(statuses, levers)
long = pd.DataFrame([
    {"Sak": r["lever"], "Status": texts.STATUS_LABELS[code], "Kommuner": r[key]}
    for r in summary
    for code, key in (("oppfyller", "meets"), ("delvis", "partly"), ("langt_unna", "far"),
                      ("ukjent", "unknown"))
])
st.altair_chart(
    alt.Chart(long).mark_bar().encode(
        x=alt.X("Kommuner:Q", stack="normalize", axis=alt.Axis(format="%"), title=None),
        y=alt.Y("Sak:N", sort=[r["lever"] for r in summary], title=None),
        color=alt.Color("Status:N", scale=alt.Scale(
            domain=[texts.STATUS_LABELS[c] for c in ("oppfyller", "delvis", "langt_unna", "ukjent")],
            range=[maps.STATUS_COLOURS[c] for c in ("oppfyller", "delvis", "langt_unna", "ukjent")])),
        tooltip=["Sak", "Status", "Kommuner"],
    ),
    width="stretch",
)
for r in summary:
    r["share"] = texts.format_share(r["share_meets"])
summary_columns = {"lever": "Sak", "meets": "Oppfyller målet", "share": "Andel",
                   "partly": "Delvis", "far": "Langt unna", "unknown": "Ukjent",
                   "over_limit": "Over lovens grense", "municipalities": "Kommuner"}
with st.expander(texts.OVERVIEW_TABLE):
    table(summary, summary_columns, key="goal_summary")
export_buttons(summary, summary_columns, "maaloppnaaelse", key="goal_summary_export")

if county is None:
    st.subheader(texts.OVERVIEW_BY_COUNTY.format(lever=lever_names[lever_id]))
    by_county = overview.goal_by_county(db, statuses, lever_id)
    st.altair_chart(
        alt.Chart(pd.DataFrame(by_county)).mark_bar(color=maps.STATUS_COLOURS["oppfyller"])
        .encode(x=alt.X("share_meets:Q", axis=alt.Axis(format="%"), title="Andel som oppfyller målet"),
                y=alt.Y("fylke:N", sort="-x", title=None),
                tooltip=[alt.Tooltip("fylke:N", title="Fylke"),
                         alt.Tooltip("meets:Q", title="Oppfyller"),
                         alt.Tooltip("municipalities:Q", title="Kommuner")]),
        width="stretch",
    )
    for r in by_county:
        r["share"] = texts.format_share(r["share_meets"])
    county_columns = {"fylke": "Fylke", "meets": "Oppfyller målet", "share": "Andel",
                      "partly": "Delvis", "far": "Langt unna", "unknown": "Ukjent",
                      "municipalities": "Kommuner"}
    with st.expander(texts.OVERVIEW_TABLE):
        table(by_county, county_columns, key="goal_by_county")
    export_buttons(by_county, county_columns, f"per-fylke-{lever_id}", key="by_county_export")

# --- What changed --------------------------------------------------------------------------
st.subheader(texts.OVERVIEW_CHANGES)
changes = overview.recent_changes(db, today, fylkesnummer=county)
for r in changes:
    r["shown"] = municipalities.policy_status.display(r["value_type"], r["value"])
    r["previous"] = municipalities.policy_status.display(r["value_type"], r["previous_value"])
change_columns = {"decided_on": "Vedtatt", "kommune": "Kommune", "lever": "Sak",
                  "previous": "Før", "shown": "Nå", "source": "Kilde"}
table(changes, change_columns, dates=["decided_on"], key="recent_changes")
export_buttons(changes, change_columns, "endringer-90-dager", key="changes_export")

# --- Follow-ups and activity ---------------------------------------------------------------
if user.role in ("leder", "lokallag"):
    st.subheader("Forfalte oppfølginger")
    overdue = meetings.overdue_followups(db, user, today, limit=OVERDUE_SHOWN)
    if figures["overdue_followups"] > len(overdue):
        st.caption(texts.OVERDUE_SHOWING.format(
            shown=len(overdue), total=texts.format_number(figures["overdue_followups"])))
    overdue_columns = {"held_on": "Møtedato", "followup_due": "Frist", "chapter": "Lokallag",
                       "kommune": "Kommune", "owner": "Ansvarlig"}
    table(overdue, overdue_columns, dates=["held_on", "followup_due"], key="overdue_table")
    export_buttons(overdue, overdue_columns, "forfalte-oppfolginger", key="overdue_export")

per_month, per_quarter = activity(db, county, overview.activity_version(db), today)
st.subheader(texts.OVERVIEW_MEETINGS_PER_MONTH)
if per_month:
    st.altair_chart(
        alt.Chart(pd.DataFrame(per_month)).mark_bar().encode(
            x=alt.X("month:O", title="Måned"), y=alt.Y("meetings:Q", title="Møter"),
            color=alt.Color("chapter:N", title="Lokallag"),
            tooltip=[alt.Tooltip("chapter:N", title="Lokallag"),
                     alt.Tooltip("month:O", title="Måned"), alt.Tooltip("meetings:Q", title="Møter")]),
        width="stretch",
    )
month_columns = {"month": "Måned", "chapter": "Lokallag", "meetings": "Møter"}
with st.expander(texts.OVERVIEW_TABLE):
    table(per_month, month_columns, key="meetings_per_month")
export_buttons(per_month, month_columns, "moter-per-maaned", key="per_month_export")

st.subheader(texts.OVERVIEW_LETTERS_PER_QUARTER)
if per_quarter:
    st.altair_chart(
        alt.Chart(pd.DataFrame(per_quarter)).mark_bar().encode(
            x=alt.X("quarter:O", title="Kvartal"), y=alt.Y("total:Q", title="Publisert"),
            tooltip=[alt.Tooltip("quarter:O", title="Kvartal"),
                     alt.Tooltip("leserinnlegg:Q", title="Leserinnlegg"),
                     alt.Tooltip("kronikk:Q", title="Kronikker")]),
        width="stretch",
    )
quarter_columns = {"quarter": "Kvartal", "leserinnlegg": "Leserinnlegg", "kronikk": "Kronikker",
                   "total": "Totalt"}
table(per_quarter, quarter_columns, key="letters_per_quarter")
export_buttons(per_quarter, quarter_columns, "leserinnlegg-per-kvartal", key="quarter_export")

st.subheader(texts.OVERVIEW_STATUS_SHEET)
st.caption(texts.OVERVIEW_STATUS_SHEET_HELP)
lever_admin.status_sheet_buttons(county)

if user.is_leader:
    lever_admin.editor(db, user, levers)
