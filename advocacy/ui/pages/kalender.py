"""Kalender: the activity calendar (list and month view, .ics export) and the campaigns
(their tab is ui/campaign_view.py).

Key political dates (election day, the licence period's end, action-plan revisions) appear in
the same calendar as the chapters' stands, debates and seminars.
"""

import calendar as pycalendar
import datetime as dt
import functools

import streamlit as st

from advocacy import overview, permissions, texts
from advocacy.accounts import accounts
from advocacy.errors import AdvocacyError
from advocacy.events import campaigns, event_list, events, month_view
from advocacy.ui import campaign_view, context, dates, edit_forms, trash_view
from advocacy.ui.chapter_choice import chapter_select
from advocacy.ui.list_controls import Choice, ask, pages
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table

user = context.require_page("kalender")
db = context.db()
can_edit = permissions.allowed(user, "event.edit")
FLASH = "kalender_flash"
SHOWN_MONTH = "cal_shown"  # the first day of the month the month view shows
ALL_KINDS = {**texts.EVENT_KINDS, events.KEY_DATE: texts.KEY_DATE_KIND}
today = dt.date.today()


def act(success: str, fn, *args, **kwargs) -> None:
    try:
        fn(*args, **kwargs)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    st.session_state[FLASH] = success
    st.rerun()


# A month of a national calendar is a few hundred events and action-plan dates: made once per
# version of the events and positions and shared read-only, not on every click.
@st.cache_resource(show_spinner=False, max_entries=64, ttl=600)
def calendar_view(_db, start: dt.date, end: dt.date, chapter: int | None,
                  kinds: tuple | None, version: tuple) -> tuple[list[dict], list[dict]]:
    items = events.calendar_items(_db, start, end, chapter_id=chapter, kinds=kinds)
    return items, event_rows(items)


@st.cache_resource(show_spinner=False, max_entries=64, ttl=600)
def cached_month_html(year: int, month: int, today: dt.date, _items: list[dict], version: tuple,
               chapter: int | None, kinds: tuple) -> str:
    return month_view.month_html(year, month, _items, today)


def event_rows(items: list[dict]) -> list[dict]:
    return [
        {**item, "date": item["date"].isoformat(), "kind": events.kind_label(item["kind"]),
         "time": "" if item["all_day"] else texts.format_time(item["start"])
         + (f"–{texts.format_time(item['end'])}" if item["end"] else "")}
        for item in items
    ]


def event_form(chapters: dict, campaign_titles: dict) -> None:
    with st.expander(texts.KALENDER_NEW_EVENT, icon=":material/add:"), st.form("event_new", enter_to_submit=False):
        c1, c2 = st.columns(2)
        kind = c1.selectbox(
            texts.KALENDER_KIND,
            list(texts.EVENT_KINDS),
            format_func=texts.EVENT_KINDS.get,
            key="event_kind",
            placeholder=texts.CHOOSE_ONE,
        )
        title = c2.text_input(texts.KALENDER_TITLE, key="event_title")
        c1, c2, c3 = st.columns(3)
        day = c1.date_input(
            texts.KALENDER_DATE, today, **dates.OPEN_RANGE, format="DD.MM.YYYY", key="event_day"
        )
        start = c2.time_input(texts.KALENDER_FROM, dt.time(18, 0), step=900, key="event_start")
        end = c3.time_input(texts.KALENDER_TO, None, step=900, key="event_end")
        all_day = st.checkbox(texts.KALENDER_ALL_DAY, key="event_all_day")
        chapter = chapter_select(db, user, texts.KALENDER_CHAPTER,
                                 texts.KALENDER_WHOLE_ORGANISATION, chapters=chapters,
                                 fallback=user.chapter_id, key="event_chapter")
        place = st.text_input(texts.KALENDER_PLACE, key="event_place")
        responsible = st.text_input(texts.KALENDER_RESPONSIBLE, key="event_responsible")
        campaign = st.selectbox(
            texts.KALENDER_CAMPAIGN,
            [None, *campaign_titles],
            key="event_campaign",
            format_func=lambda c: campaign_titles.get(c, texts.KALENDER_NO_CAMPAIGN),
            placeholder=texts.CHOOSE_ONE,
        )
        description = st.text_area(texts.KALENDER_DESCRIPTION, key="event_description")
        if st.form_submit_button(texts.KALENDER_ADD_EVENT, type="primary"):
            starts = day if all_day else dt.datetime.combine(day, start)
            ends = None if all_day or end is None else dt.datetime.combine(day, end)
            act(texts.KALENDER_EVENT_ADDED, events.create_event, db, user, kind=kind,
                title=title, starts_at=starts, ends_at=ends, chapter_id=chapter, place=place,
                description=description, responsible=responsible, campaign_id=campaign)


def _step_month(months: int) -> None:
    shown = st.session_state.get(SHOWN_MONTH, today.replace(day=1))
    st.session_state[SHOWN_MONTH] = month_view.step_month(shown, months)


def _this_month() -> None:
    st.session_state[SHOWN_MONTH] = today.replace(day=1)


def month_stepper() -> dt.date:
    """«‹ Forrige måned», the month's name, «Neste måned ›» and «I dag»; the first day of the
    month shown, kept in the session so a click steps on from the month shown."""
    shown = st.session_state.setdefault(SHOWN_MONTH, today.replace(day=1))
    back, name, forward, now = st.columns([2, 3, 2, 1], vertical_alignment="center")
    back.button(texts.CAL_PREVIOUS, key="cal_prev", on_click=_step_month, args=(-1,),
                width="stretch")
    name.subheader(md(texts.format_month(shown.year, shown.month)), anchor=False)
    forward.button(texts.CAL_NEXT, key="cal_next", on_click=_step_month, args=(1,),
                   width="stretch")
    now.button(texts.CAL_TODAY, key="cal_this_month", on_click=_this_month, width="stretch")
    return shown


COLUMNS = {
    "date": texts.KALENDER_DATE,
    "time": texts.KALENDER_TIME,
    "kind": texts.KALENDER_KIND,
    "title": texts.KALENDER_TITLE,
    "chapter": texts.KALENDER_CHAPTER,
    "place": texts.KALENDER_PLACE,
    "responsible": texts.KALENDER_RESPONSIBLE,
    "campaign": texts.KALENDER_CAMPAIGN,
    "source": texts.KALENDER_SOURCE,
}
LIST = "cal_list"  # the list view: a national calendar holds ~10,000 events


def activity_tab() -> None:
    chapters = accounts.chapter_names(db)
    campaign_titles = {c["id"]: c["title"] for c in campaigns.list_campaigns(db)}
    view = st.radio(
        texts.KALENDER_VIEW,
        [texts.KALENDER_VIEW_MONTH, texts.KALENDER_VIEW_LIST],
        horizontal=True,
        key="cal_view",
    )
    if view == texts.KALENDER_VIEW_MONTH:
        items = month_tab(chapters)
        ics = functools.partial(events.ics, items)
    else:
        items, ics = list_tab(chapters, campaign_titles)
    st.download_button(
        # made when clicked, not on every rerun: a year of national events is 0.3 s of work
        texts.KALENDER_DOWNLOAD_ICS, ics,
        file_name="pavirk-kalender.ics", on_click="ignore",
        mime="text/calendar", key="cal_ics", icon=":material/event:",
        help=texts.KALENDER_DOWNLOAD_ICS_HELP)
    if can_edit:
        event_form(chapters, campaign_titles)
        editable = {i["event_id"]: f"{texts.format_short_date(i['date'])} {i['title']}"
                    for i in items
                    if i.get("event_id") and permissions.allowed(user, "event.edit", i)}
        trash_view.choose_and_delete(db, user, "events", editable, "slett_event",
                                     texts.TRASH_CHOOSE_EVENT)
        edit_forms.event_edit(db, user, editable, chapters, campaign_titles)


def month_tab(chapters: dict) -> list[dict]:
    """The month grid (with key dates), stepped month by month; its table when asked for."""
    c1, c2 = st.columns([2, 3])
    chapter = c1.selectbox(
        texts.KALENDER_CHAPTER,
        [None, *chapters],
        key="cal_chapter",
        format_func=lambda c: chapters.get(c, texts.ALL_CHAPTERS),
        placeholder=texts.CHOOSE_ONE,
    )
    kinds = c2.multiselect(
        texts.KALENDER_KIND,
        list(ALL_KINDS),
        format_func=ALL_KINDS.get,
        key="cal_kinds",
        placeholder=texts.ALL_KINDS_LABEL,
        select_all=False,
    )
    start = month_stepper()
    year, month = start.year, start.month
    end = dt.date(year, month, pycalendar.monthrange(year, month)[1])
    version = (events.events_version(db), overview.policy_version(db))
    items, rows = calendar_view(db, start, end, chapter, tuple(kinds) or None, version)
    st.html(cached_month_html(year, month, today, items, version, chapter, tuple(kinds)))
    # The grid shows the month; its table is built only when asked for.
    with st.expander(texts.OVERVIEW_TABLE, key="cal_table_box", on_change="rerun") as box:
        if box.open:
            table(rows, COLUMNS, dates=["date"], key="cal_table")
    return items


def list_tab(chapters: dict, campaign_titles: dict):
    """The events as a long list: search, filters, sort and pages; the key dates of the
    period beside it. Returns the page's events (for the edit forms) and the .ics maker (every
    event that matches, made when clicked)."""
    st.session_state.setdefault(f"{LIST}_f_nar", "kommende")  # what is coming, unless asked
    choices = [
        Choice("type", texts.KALENDER_KIND, texts.EVENT_KINDS, texts.ALL_KINDS_LABEL, many=True),
        Choice("lokallag", texts.KALENDER_CHAPTER, chapters, texts.ALL_CHAPTERS),
        Choice("kampanje", texts.KALENDER_CAMPAIGN, campaign_titles, texts.ALL_CAMPAIGNS),
        Choice("nar", texts.EVENT_WHEN_LABEL, texts.EVENT_WHEN, texts.EVENT_WHEN_ALL),
    ]
    query = ask(LIST, event_list.SPEC, choices, period=texts.EVENT_PERIOD,
                search=texts.EVENT_SEARCH)
    found = event_list.find(db, user, query, today=today)
    items = event_list.items(found.rows)
    table(event_rows(items), {k: v for k, v in COLUMNS.items() if k != "source"},
          dates=["date"], key="cal_table")  # «Kilde» is a key date's, never an event's
    pages(LIST, found, query, texts.EVENTS_NOUN)
    key_dates_box(query)
    return items, functools.partial(list_ics, query)


def list_ics(query) -> bytes:
    """The .ics file of every event the list matches (not just the page shown)."""
    return events.ics(event_list.every_item(db, user, query, today))


def key_dates_box(query) -> None:
    """Election day, action plans and the other political dates of the list's period (a year
    ahead when none is chosen): made only when opened."""
    if query.text.strip() or query.filters.get("type") or query.filters.get("kampanje"):
        return  # the list is narrowed to events: key dates are none of them
    start = query.start or (today if query.filters.get("nar") != "tidligere"
                            else today - dt.timedelta(days=365))
    end = query.end or (start + dt.timedelta(days=365) if query.filters.get("nar") != "tidligere"
                        else today - dt.timedelta(days=1))
    with st.expander(texts.KEY_DATES_IN_PERIOD, key="cal_key_dates", on_change="rerun") as box:
        if box.open:
            st.caption(texts.KEY_DATES_CAPTION.format(start=texts.format_date(start),
                                                      end=texts.format_date(end)))
            chapter = query.filters.get("lokallag")
            rows = event_rows(events.calendar_items(db, start, end, chapter_id=chapter,
                                                    kinds=[events.KEY_DATE]))
            table(rows, COLUMNS, dates=["date"], key="cal_key_dates_table")


st.title(texts.PAGE_TITLES["kalender"])
if FLASH in st.session_state:
    st.success(md(st.session_state.pop(FLASH)))
# Lazy tabs: only the open one runs on a rerun.
tab_calendar, tab_campaigns = st.tabs(
    [texts.KALENDER_TAB_ACTIVITIES, texts.KALENDER_TAB_CAMPAIGNS],
    default=texts.KALENDER_TAB_ACTIVITIES,
    key="kalender_fane",
    on_change="rerun",
)
if tab_calendar.open:
    with tab_calendar:
        activity_tab()
if tab_campaigns.open:
    with tab_campaigns:
        campaign_view.campaign_tab(db, user, today, act)
