"""Oversikt: where the country stands on each lever (map, key figures, per county), what changed
lately, follow-ups and chapter activity; every figure exportable. Leadership edits the levers."""

import datetime as dt
import functools

import streamlit as st

from advocacy import overview, permissions, reference, texts
from advocacy.meetings import followups
from advocacy.policy import maps, municipalities
from advocacy.ui import chart_locale, context, lever_admin, overview_charts
from advocacy.ui.downloads import export_buttons
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table

CHANGES_SHOWN = 100  # the newest; the export has the whole 90 days
CHANGES_EXPORTED = 100_000
OVERDUE_SHOWN = 50  # thousands are overdue nationally: the oldest here, all in the export

user = context.require_page("oversikt")
db = context.db()


# Shared, read-only results (cache_resource, not cache_data): cache_data unpickles a fresh copy
# on every rerun, ~20 ms for 357 municipalities × every lever. Nothing below changes them, and
# they hold no one's personal data: the same figures for every user. One entry per county and
# the nation (16) per version; an hour's TTL lets superseded versions go.
@st.cache_resource(show_spinner=False, max_entries=20, ttl=3600)
def policy_statuses(_db, county: str | None, version: str) -> dict:
    levers = municipalities.levers(_db)
    return municipalities.statuses(_db, levers, fylkesnummer=county)


@st.cache_resource(show_spinner=False, max_entries=20, ttl=3600)
def map_spec(_db, lever_id: str, county: str | None, version: str) -> dict:
    lever = next(lv for lv in municipalities.levers(_db) if lv["id"] == lever_id)
    cells = municipalities.statuses(_db, [lever], fylkesnummer=county)
    goal = municipalities.policy_status.display(lever["value_type"], lever["goal"])
    names = municipalities.names(_db, fylkesnummer=county)
    return chart_locale.norwegian(maps.status_map(
        maps.map_cells({k: {**c[lever_id], "goal": goal} for k, c in cells.items()}, names),
        lever["name"]))


@st.cache_resource(show_spinner=False, ttl=300, max_entries=32)
def activity(_db, county: str | None, version: str, today: dt.date) -> tuple:
    per_month = overview.meetings_per_chapter_month(_db, today, fylkesnummer=county)
    return (per_month, overview.chapters_by_month(per_month),
            overview.letters_per_quarter(_db, fylkesnummer=county))


@st.cache_resource(show_spinner=False, max_entries=20, ttl=3600)
def recent(_db, today: dt.date, county: str | None, version: str) -> list[dict]:
    return overview.shown_changes(_db, today, county, limit=CHANGES_SHOWN)


def lazy_expander(key: str):
    """«Vis tabellen»: the table inside is built only while the expander is open."""
    return st.expander(texts.OVERVIEW_TABLE, key=key, on_change="rerun")


st.title(texts.PAGE_TITLES["oversikt"])
today = dt.date.today()
version = overview.policy_version(db)
levers = municipalities.levers(db)
lever_names = {lv["id"]: lv["name"] for lv in levers}
counties = {c["fylkesnummer"]: c["navn"] for c in municipalities.counties(db)}
names = municipalities.names(db)

left, right = st.columns(2)
county = left.selectbox(texts.COUNTY_FILTER, [None, *counties], key="oversikt_county",
                        format_func=lambda k: texts.ALL_COUNTIES if k is None else counties[k], placeholder=texts.CHOOSE_ONE)
lever_id = right.selectbox(texts.OVERVIEW_LEVER, list(lever_names), key="oversikt_lever",
                           format_func=lever_names.get, placeholder=texts.CHOOSE_ONE)
area = counties[county] if county else texts.OVERVIEW_NATIONAL

statuses = policy_statuses(db, county, version)
counts = overview.status_counts(statuses, lever_id)
figures = overview.key_figures(db, user, today)
cols = st.columns(5)
cols[0].metric(texts.OVERVIEW_MEETS.format(area=md(area)),
               texts.OF_TOTAL.format(part=texts.format_number(counts["oppfyller"]),
                                     total=texts.format_number(len(statuses))),
               help=texts.format_share(counts["oppfyller"] / len(statuses)))
cols[1].metric(texts.STATUS_OVER_LIMIT.capitalize(), texts.format_number(counts["over_lovens_grense"]))
cols[2].metric(
    texts.OVERSIKT_POSITIONS_LAST_90_DAYS, texts.format_number(figures["positions_last_90_days"])
)
cols[3].metric(texts.OVERSIKT_PUBLISHED_LETTERS, texts.format_number(figures["published_letters"]))
if figures["overdue_followups"] is not None:
    cols[4].metric(
        texts.OVERSIKT_OVERDUE_FOLLOWUPS, texts.format_number(figures["overdue_followups"])
    )

# --- The map ----------------------------------------------------------------------------------
st.subheader(texts.OVERVIEW_MAP.format(lever=md(lever_names[lever_id])))
clicked = st.vega_lite_chart(map_spec(db, lever_id, county, version), width="stretch",
                             key="status_map", on_select="rerun", selection_mode=maps.SELECTION)
if (number := maps.picked(clicked.selection)) in statuses:
    st.switch_page("advocacy/ui/pages/kommuner.py", query_params={"kommune": number})
st.caption(texts.MAP_CLICK_HINT)
st.caption(reference.MAP_ATTRIBUTION)
pick_left, pick_right = st.columns([2, 1])
chosen = pick_left.selectbox(
    texts.OVERVIEW_OPEN_PROFILE, [None, *sorted(statuses)], key="oversikt_open",
    format_func=lambda k: "–" if k is None else f"{names[k]} ({k})", placeholder=texts.CHOOSE_ONE)
if chosen:
    pick_right.page_link("advocacy/ui/pages/kommuner.py", label=texts.OVERVIEW_GO_PROFILE,
                         icon=":material/arrow_forward:", query_params={"kommune": chosen})

# --- Goal per lever, and per county for the chosen lever ---------------------------------------
st.subheader(texts.OVERVIEW_GOALS.format(area=md(area)))
summary = overview.goal_summary(statuses, levers)
overview_charts.show("goals", (county, version), overview_charts.goals, summary)
for r in summary:
    r["share"] = texts.format_share(r["share_meets"])
summary_columns = {
    "lever": texts.OVERSIKT_COL_LEVER,
    "meets": texts.OVERSIKT_COL_MEETS,
    "share": texts.OVERSIKT_COL_SHARE,
    "partly": texts.OVERSIKT_COL_PARTLY,
    "far": texts.OVERSIKT_COL_FAR,
    "unknown": texts.OVERSIKT_COL_UNKNOWN,
    "over_limit": texts.OVERSIKT_COL_OVER_LIMIT,
    "municipalities": texts.OVERSIKT_COL_MUNICIPALITIES,
}
with lazy_expander("goal_summary_box") as box:
    if box.open:
        table(summary, summary_columns, key="goal_summary")
export_buttons(summary, summary_columns, "maaloppnaaelse", key="goal_summary_export")

if county is None:
    st.subheader(texts.OVERVIEW_BY_COUNTY.format(lever=md(lever_names[lever_id])))
    by_county = overview.goal_by_county(db, statuses, lever_id)
    overview_charts.show("by_county", (lever_id, version), overview_charts.by_county,
                         by_county)
    for r in by_county:
        r["share"] = texts.format_share(r["share_meets"])
    county_columns = {
        "fylke": texts.OVERSIKT_COL_COUNTY,
        "meets": texts.OVERSIKT_COL_MEETS,
        "share": texts.OVERSIKT_COL_SHARE,
        "partly": texts.OVERSIKT_COL_PARTLY,
        "far": texts.OVERSIKT_COL_FAR,
        "unknown": texts.OVERSIKT_COL_UNKNOWN,
        "municipalities": texts.OVERSIKT_COL_MUNICIPALITIES,
    }
    with lazy_expander("by_county_box") as box:
        if box.open:
            table(by_county, county_columns, key="goal_by_county")
    export_buttons(by_county, county_columns, f"per-fylke-{lever_id}", key="by_county_export")

# --- What changed --------------------------------------------------------------------------
st.subheader(texts.OVERVIEW_CHANGES)
changes = recent(db, today, county, version)
change_columns = {
    "decided_on": texts.OVERSIKT_COL_DECIDED,
    "kommune": texts.OVERSIKT_COL_MUNICIPALITY,
    "lever": texts.OVERSIKT_COL_LEVER,
    "previous": texts.OVERSIKT_COL_BEFORE,
    "shown": texts.OVERSIKT_COL_NOW,
    "source": texts.OVERSIKT_COL_SOURCE,
}
if len(changes) == CHANGES_SHOWN:
    st.caption(texts.OVERVIEW_CHANGES_SHOWING.format(shown=CHANGES_SHOWN))
table(changes, change_columns, dates=["decided_on"], key="recent_changes")
export_buttons(functools.partial(overview.shown_changes, db, today, county, limit=CHANGES_EXPORTED),
               change_columns, "endringer-90-dager", key="changes_export")

# --- Follow-ups and activity ---------------------------------------------------------------
if permissions.allowed(user, "meeting.read"):
    st.subheader(texts.OVERSIKT_OVERDUE_FOLLOWUPS)
    overdue = followups.overdue_followups(db, user, today, limit=OVERDUE_SHOWN)
    if figures["overdue_followups"] > len(overdue):
        st.caption(texts.OVERDUE_SHOWING.format(
            shown=len(overdue), total=texts.format_number(figures["overdue_followups"])))
    overdue_columns = {
        "held_on": texts.OVERSIKT_COL_MEETING_DATE,
        "followup_due": texts.OVERSIKT_COL_DUE,
        "chapter": texts.OVERSIKT_COL_CHAPTER,
        "kommune": texts.OVERSIKT_COL_MUNICIPALITY,
        "owner": texts.OVERSIKT_COL_OWNER,
    }
    table(overdue, overdue_columns, dates=["held_on", "followup_due"], key="overdue_table")
    export_buttons(functools.partial(followups.overdue_followups, db, user, today),
                   overdue_columns, "forfalte-oppfolginger", key="overdue_export")

activity_key = overview.activity_version(db)
per_month, (by_chapter, month_headings), per_quarter = activity(db, county, activity_key,
                                                               today)
st.subheader(texts.OVERVIEW_MEETINGS_PER_MONTH)
if per_month:
    overview_charts.show("per_month", (county, activity_key, today),
                         overview_charts.meetings_per_month, per_month)
month_columns = {
    "month": texts.OVERSIKT_COL_MONTH,
    "chapter": texts.OVERSIKT_COL_CHAPTER,
    "meetings": texts.OVERSIKT_COL_MEETINGS,
}
with lazy_expander("per_month_box") as box:
    if box.open:
        table(
            by_chapter,
            {
                "chapter": texts.OVERSIKT_COL_CHAPTER,
                **month_headings,
                "total": texts.OVERSIKT_COL_IN_ALL,
            },
            key="meetings_per_month",
        )
export_buttons(per_month, month_columns, "moter-per-maaned", key="per_month_export")

st.subheader(texts.OVERVIEW_LETTERS_PER_QUARTER)
if per_quarter:
    overview_charts.show("per_quarter", (county, activity_key, today),
                         overview_charts.letters_per_quarter, per_quarter)
quarter_columns = {
    "quarter": texts.OVERSIKT_COL_QUARTER,
    "leserinnlegg": texts.OVERSIKT_COL_READER_LETTERS,
    "kronikk": texts.OVERSIKT_COL_KRONIKKER,
    "total": texts.OVERSIKT_COL_TOTAL,
}
table(per_quarter, quarter_columns, key="letters_per_quarter")
export_buttons(per_quarter, quarter_columns, "leserinnlegg-per-kvartal", key="quarter_export")

st.subheader(texts.OVERVIEW_STATUS_SHEET)
st.caption(texts.OVERVIEW_STATUS_SHEET_HELP)
lever_admin.status_sheet_buttons(db, county)

if permissions.allowed(user, "lever.manage"):
    lever_admin.editor(db, user, levers)
