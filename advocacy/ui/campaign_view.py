"""The Kalender page's campaign tab: a campaign's progress against its goals (signatures,
volunteers), its registered counts, and what it is linked to; leadership makes new ones."""

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from advocacy import permissions, texts
from advocacy.events import campaigns
from advocacy.statements import statement_archive
from advocacy.ui import chart_locale, dates, edit_forms, trash_view
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table


def progress_chart(series: list[dict], goal: int | None) -> alt.Chart:
    frame = pd.DataFrame(series)
    frame["date"] = pd.to_datetime(frame["date"])
    line = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "date:T", title=texts.KALENDER_DATE, axis=alt.Axis(format=texts.CHART_DATE_FORMAT)
            ),
            y=alt.Y(
                "signatures:Q", title=texts.KALENDER_SIGNATURES_SUM, axis=chart_locale.count_axis()
            ),
            tooltip=[
                alt.Tooltip("date:T", title=texts.KALENDER_DATE, format=texts.CHART_DATE_FORMAT),
                chart_locale.count_tooltip("signatures", texts.KALENDER_SIGNATURES),
                chart_locale.count_tooltip("volunteers", texts.KALENDER_VOLUNTEERS),
            ],
        )
    )
    if not goal:
        return line
    rule = alt.Chart(pd.DataFrame({"goal": [goal]})).mark_rule(strokeDash=[6, 4],
                                                               color="#b33").encode(y="goal:Q")
    return line + rule


def campaign_tab(db, user, today: dt.date, act) -> None:
    """The campaigns: progress towards the goals, counts, links; `act` runs a change and
    reports it (the page's flash)."""
    can_edit = permissions.allowed(user, "event.edit")
    rows = campaigns.list_campaigns(db)
    titles = {r["id"]: r["title"] for r in rows}
    if permissions.allowed(user, "campaign.manage"):
        campaign_form(db, user, today, act)
    if not rows:
        st.info(texts.EMPTY_TABLE)
        return
    if st.session_state.pop("camp_pick_removed", False):
        st.session_state.pop("camp_pick", None)
    chosen = st.selectbox(
        texts.KALENDER_CAMPAIGN,
        list(titles),
        format_func=titles.get,
        key="camp_pick",
        placeholder=texts.CHOOSE_ONE,
    )
    campaign = campaigns.get_campaign(db, chosen)
    total = campaigns.totals(db, chosen)
    period = " – ".join(texts.format_date(d) for d in (campaign["starts_on"],
                                                       campaign["ends_on"]) if d)
    st.caption(period)
    if campaign["description"]:
        st.text(campaign["description"])
    c1, c2, c3 = st.columns(3)
    for column, what, key in ((c1, texts.KALENDER_SIGNATURES, "signatures"), (c2, texts.KALENDER_VOLUNTEERS,
                                                                     "volunteers")):
        goal = total[f"goal_{key}"]
        column.metric(
            md(what),
            texts.format_number(total[key]),
            texts.KALENDER_GOAL.format(goal=texts.format_number(goal)) if goal else None,
            delta_color="off",
        )
        share = total[f"share_{key}"]
        if share is not None:
            column.progress(
                min(share, 1.0),
                text=texts.KALENDER_SHARE_OF_GOAL.format(share=texts.format_share(share)),
            )
    left = campaigns.days_left(campaign, today)
    c3.metric(
        texts.KALENDER_DAYS_LEFT, texts.format_number(max(left, 0)) if left is not None else "–"
    )
    series = campaigns.progress(db, chosen)
    if series:
        chart_locale.draw(progress_chart(series, campaign["goal_signatures"]))
    table(
        campaigns.counts(db, chosen),
        {
            "counted_on": texts.KALENDER_DATE,
            "signatures": texts.KALENDER_SIGNATURES,
            "volunteers": texts.KALENDER_VOLUNTEERS,
            "source": texts.KALENDER_SOURCE,
            "chapter": texts.KALENDER_CHAPTER,
        },
        dates=["counted_on"],
        key="camp_counts",
    )
    if can_edit:
        with st.form("camp_count", enter_to_submit=False):
            st.markdown(texts.KALENDER_NEW_COUNTS)
            c1, c2, c3 = st.columns(3)
            day = c1.date_input(texts.KALENDER_DATE, today, format="DD.MM.YYYY", **dates.OPEN_RANGE,
                                key="count_day")
            signatures = c2.number_input(
                texts.KALENDER_NEW_SIGNATURES, 0, step=1, key="count_signatures"
            )
            volunteers = c3.number_input(
                texts.KALENDER_NEW_VOLUNTEERS, 0, step=1, key="count_volunteers"
            )
            source = st.text_input(
                texts.KALENDER_SOURCE, placeholder=texts.KALENDER_SOURCE_EXAMPLE, key="count_source"
            )
            if st.form_submit_button(texts.KALENDER_REGISTER, type="primary"):
                act(texts.KALENDER_COUNTS_REGISTERED, campaigns.add_count, db, user, chosen, day,
                    signatures=signatures, volunteers=volunteers, source=source)
    linked = campaigns.activity(db, user, chosen)
    st.subheader(texts.KALENDER_LINKED)
    if linked["levers"] or linked["statements"]:
        st.caption(" · ".join(md(t) for t in [r["name"] for r in linked["levers"]]
                              + [r["title"] for r in linked["statements"]]))
    table(
        linked["events"],
        {
            "starts_at": texts.KALENDER_TIME,
            "kind": texts.KALENDER_KIND,
            "title": texts.KALENDER_TITLE,
            "chapter": texts.KALENDER_CHAPTER,
            "place": texts.KALENDER_PLACE,
        },
        dates=["starts_at"],
        labels={"kind": texts.EVENT_KINDS},
        key="camp_events",
    )
    if linked["meetings"]:
        table(
            linked["meetings"],
            {
                "held_on": texts.KALENDER_MEETING_DATE,
                "chapter": texts.KALENDER_CHAPTER,
                "summary": texts.KALENDER_SUMMARY,
            },
            dates=["held_on"],
            key="camp_meetings",
        )
    if linked["documents"]:
        table(
            linked["documents"],
            {
                "title": texts.KALENDER_LETTER,
                "kind": texts.KALENDER_KIND,
                "status": texts.KALENDER_STATUS,
                "sent_on": texts.KALENDER_SENT,
            },
            dates=["sent_on"],
            labels={"kind": texts.DOCUMENT_KINDS, "status": texts.DOCUMENT_STATUSES},
            key="camp_documents",
        )
    edit_forms.campaign_edit(db, user, campaign)
    trash_view.delete_button(db, user, "campaigns", chosen,
                             on_removed=trash_view.close("camp_pick_removed", True))


def campaign_form(db, user, today: dt.date, act) -> None:
    levers = statement_archive.lever_choices(db)
    adopted = {r["id"]: r["title"] for r in statement_archive.search_statements(db, user)
               if r["status"] in ("vedtatt", "sendt")}
    with st.expander(texts.KALENDER_NEW_CAMPAIGN, icon=":material/add:"), st.form("camp_new", enter_to_submit=False):
        title = st.text_input(texts.KALENDER_TITLE, key="camp_title")
        c1, c2 = st.columns(2)
        starts = c1.date_input(
            texts.KALENDER_START, today, **dates.OPEN_RANGE, format="DD.MM.YYYY", key="camp_start"
        )
        ends = c2.date_input(
            texts.KALENDER_END, None, **dates.OPEN_RANGE, format="DD.MM.YYYY", key="camp_end"
        )
        goal_s = c1.number_input(texts.KALENDER_GOAL_SIGNATURES, 0, step=100, key="camp_goal_s")
        goal_v = c2.number_input(texts.KALENDER_GOAL_VOLUNTEERS, 0, step=10, key="camp_goal_v")
        description = st.text_area(texts.KALENDER_DESCRIPTION, key="camp_description")
        lever_ids = st.multiselect(texts.KALENDER_LEVERS, list(levers), format_func=levers.get,
                                   key="camp_levers", placeholder=texts.CHOOSE_MANY, select_all=False)
        statement_ids = st.multiselect(
            texts.KALENDER_STATEMENTS,
            list(adopted),
            format_func=adopted.get,
            key="camp_statements",
            placeholder=texts.CHOOSE_MANY,
            select_all=False,
        )
        if st.form_submit_button(texts.KALENDER_CREATE_CAMPAIGN, type="primary"):
            act(texts.KALENDER_CAMPAIGN_CREATED, campaigns.create_campaign, db, user, title,
                starts_on=starts, ends_on=ends, goal_signatures=goal_s, goal_volunteers=goal_v,
                description=description, lever_ids=lever_ids, statement_ids=statement_ids)
