"""The parts of the Kommuner page that show and change one municipality's profile.

Thin: widgets and calls to the domain modules (municipalities, positions, key_dates,
municipality_activity, politicians). Cached reads take the policy version, so a newly recorded
position shows at once.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from advocacy import permissions, texts
from advocacy.errors import AdvocacyError
from advocacy.io import imports
from advocacy.policy import (
    key_dates,
    municipalities,
    municipality_activity,
    policy_status,
    positions,
)
from advocacy.politicians import politicians
from advocacy.ui import chart_locale, corrections, dates
from advocacy.ui.downloads import export_buttons
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table


@st.cache_data(show_spinner=False, max_entries=128)
def _profile(_db, kommunenummer: str, version: str) -> list[dict]:
    return municipalities.profile(_db, kommunenummer)


def show(db, user, kommunenummer: str, version: str) -> None:
    m = municipalities.get_municipality(db, kommunenummer)
    st.subheader(f"{md(m['visningsnavn'])} ({md(m['kommunenummer'])})")
    st.caption(texts.PROFILE_COUNTY.format(county=md(m['fylke'])))
    # Lazy tabs: only the open one runs on a rerun.
    tabs = st.tabs(texts.PROFILE_TABS, default=texts.PROFILE_TABS[0], key="profil_fane",
                   on_change="rerun")
    sections = (
        lambda: _policy(db, kommunenummer, version),
        lambda: _history(db, user, kommunenummer),
        lambda: _record_form(db, user, kommunenummer),
        lambda: table(politicians.list_politicians(db, user, kommunenummer=kommunenummer),
                      texts.PROFILE_POLITICIAN_COLUMNS,
                      labels={"role": texts.POLITICIAN_ROLES}, key="profile_politicians"),
        lambda: _meetings_and_letters(db, user, kommunenummer),
        lambda: table(municipality_activity.chapter_activity(db, kommunenummer),
                      texts.PROFILE_CHAPTER_COLUMNS,
                      dates=["last_meeting"], key="profile_chapters"),
        lambda: _key_dates(db, kommunenummer, m["visningsnavn"]),
    )
    for tab, draw in zip(tabs, sections, strict=True):
        if tab.open:
            with tab:
                draw()


def _policy(db, kommunenummer: str, version: str) -> None:
    rows = _profile(db, kommunenummer, version)
    for row in rows:
        row["status_shown"] = texts.status_with_symbol(row["status"], row["status_text"])
    table(rows, texts.PROFILE_COLUMNS, dates=["decided_on"], key="profile_policy")
    over = [r["lever"] for r in rows if r["over_legal_limit"]]
    if over:
        st.error(texts.PROFILE_OVER_LIMIT.format(levers=", ".join(md(o) for o in over)))
    with st.expander(texts.STATUS_RULE_TITLE):
        st.markdown(texts.STATUS_RULE_HELP)
    export_buttons(rows, texts.PROFILE_COLUMNS,
                   texts.STATUS_FILE_NAME.format(kommunenummer=kommunenummer),
                   key="profile_export")


def _history(db, user, kommunenummer: str) -> None:
    rows = positions.history(db, kommunenummer)
    counting = [r for r in rows if r["counts"]]  # a corrected row is no decision on the chart
    if counting:
        decided, lever, value = (texts.HISTORY_CHART_DECIDED, texts.HISTORY_CHART_LEVER,
                                 texts.HISTORY_CHART_VALUE)
        frame = pd.DataFrame({
            decided: pd.to_datetime([r["decided_on"] for r in counting], errors="coerce"),
            lever: [r["lever"] for r in counting],
            value: [r["shown_value"] for r in counting],
        }).dropna(subset=[decided])
        if not frame.empty:
            chart = alt.Chart(frame).mark_circle(size=90).encode(
                x=alt.X(f"{decided}:T", title=texts.HISTORY_CHART_AXIS,
                        axis=chart_locale.year_axis()),
                y=alt.Y(f"{lever}:N", title=None),
                tooltip=[lever, value,
                         alt.Tooltip(f"{decided}:T", format=texts.CHART_DATE_FORMAT)],
            ).properties(height=max(120, 28 * frame[lever].nunique()))
            chart_locale.draw(chart)
    table(corrections.struck(rows, "shown_value"),
          texts.HISTORY_COLUMNS,
          dates=["decided_on", "recorded_at"], key="profile_history")
    st.caption(texts.HISTORY_CORRECTABLE)
    corrections.position_form(db, user, kommunenummer, rows)


def _record_form(db, user, kommunenummer: str) -> None:
    if not permissions.allowed(user, "position.record", positions.municipality(db, kommunenummer)):
        st.info(texts.POSITION_READ_ONLY)
        return
    levers = municipalities.levers(db)
    by_id = {lv["id"]: lv for lv in levers}
    lever_id = st.selectbox(texts.POSITION_LEVER, list(by_id), format_func=lambda i: by_id[i]["name"],
                            key="position_lever", placeholder=texts.CHOOSE_ONE)
    lever = by_id[lever_id]
    kind = lever["value_type"]
    st.caption(texts.POSITION_VALUE_HINT.format(
        hint=texts.VALUE_HINTS[kind],
        legal_normal=md(policy_status.display(kind, lever['legal_normal']) or '–'),
        legal_max=md(policy_status.display(kind, lever['legal_max']) or '–'),
        goal=md(policy_status.display(kind, lever['goal']) or '–')))
    with st.form(f"position_form_{lever_id}", clear_on_submit=True, enter_to_submit=False):
        if kind == "boolean":
            value = st.radio(texts.POSITION_VALUE, texts.POSITION_YES_NO, horizontal=True, key="position_value_bool")
        elif kind == "date":
            value = st.date_input(texts.POSITION_VALUE_DATE, value=None, **dates.OPEN_RANGE, format="DD.MM.YYYY",
                                  key="position_value_date")
        else:
            value = st.text_input(texts.POSITION_VALUE, key="position_value",
                                  placeholder=texts.VALUE_HINTS[kind])
        decided = st.date_input(texts.POSITION_DECIDED_ON, value=None, **dates.OPEN_RANGE,
                                format="DD.MM.YYYY", key="position_date")
        source = st.text_input(texts.POSITION_SOURCE, key="position_source")
        note = st.text_input(texts.POSITION_NOTE, key="position_note")
        submitted = st.form_submit_button(texts.POSITION_SUBMIT, type="primary")
    if submitted:
        try:
            positions.record_position(
                db, user, kommunenummer, lever_id,
                value.isoformat() if isinstance(value, dt.date) else (value or ""),
                decided.isoformat() if decided else "", source, note or None)
        except AdvocacyError as exc:
            st.error(md(exc.message))
        else:
            # Rerun so the policy table above (drawn before this form) shows the new value.
            st.session_state["position_saved"] = True
            st.rerun()
    if st.session_state.pop("position_saved", False):
        st.success(texts.POSITION_SAVED)


def _meetings_and_letters(db, user, kommunenummer: str) -> None:
    st.markdown(f"**{texts.PROFILE_MEETINGS}**")
    if not permissions.allowed(user, "meeting.read"):
        st.caption(texts.PROFILE_MEETINGS_HIDDEN)
    else:
        table(municipality_activity.municipality_meetings(db, user, kommunenummer),
              texts.PROFILE_MEETING_COLUMNS,
              dates=["held_on", "followup_due"], labels={"kind": texts.MEETING_KINDS},
              key="profile_meetings")
    st.markdown(f"**{texts.PROFILE_LETTERS}**")
    table(municipality_activity.municipality_documents(db, user, kommunenummer),
          texts.PROFILE_DOCUMENT_COLUMNS,
          dates=["sent_on", "published_on"],
          labels={"kind": texts.DOCUMENT_KINDS, "status": texts.DOCUMENT_STATUSES},
          key="profile_documents")


def _key_dates(db, kommunenummer: str, name: str) -> None:
    dates = key_dates.key_dates(db, kommunenummer)
    table(key_dates.as_rows(dates),
          texts.KEY_DATE_COLUMNS, dates=["date"], key="profile_key_dates")
    st.download_button(
        texts.KEY_DATES_ICS, key_dates.to_calendar(dates, texts.KEY_DATES_CALENDAR_NAME.format(name=name)),
        file_name=texts.KEY_DATES_FILE_NAME.format(kommunenummer=kommunenummer), mime="text/calendar",
        icon=":material/calendar_month:", key="key_dates_ics", on_click="ignore",
    )


def import_positions(db, user) -> None:
    """Bulk entry: a CSV/.xlsx of positions, checked row by row, saved all or nothing."""
    if not permissions.allowed(user, "position.record"):
        return
    with st.expander(texts.IMPORT_POSITIONS_TITLE, icon=":material/upload_file:"):
        st.caption(texts.IMPORT_POSITIONS_HELP)
        upload = st.file_uploader(texts.IMPORT_POSITIONS_UPLOAD, type=["csv", "xlsx"],
                                  key="positions_upload")
        if upload is None:
            return
        try:
            preview = positions.preview_import(
                db, user, imports.read_table(upload.name, upload.getvalue()))
        except AdvocacyError as exc:
            st.error(md(exc.message))
            return
        if preview.duplicates:
            st.info(texts.IMPORT_DUPLICATES.format(n=texts.format_number(preview.duplicates)))
        if preview.problems:
            st.error(texts.IMPORT_HAS_PROBLEMS.format(n=len(preview.problems)))
            table([{"row": p.row, "column": p.column, "message": p.message}
                   for p in preview.problems],
                  texts.IMPORT_PROBLEM_COLUMNS, key="import_problems")
            return
        table(preview.rows, texts.IMPORT_POSITION_COLUMNS,
              dates=["decided_on"], key="import_preview")
        if preview.rows and st.button(texts.IMPORT_SAVE.format(n=len(preview.rows)),
                                      type="primary", key="import_save"):
            try:
                n = positions.apply_import(db, user, preview)
            except AdvocacyError as exc:
                st.error(md(exc.message))
            else:
                st.session_state["positions_imported"] = n
                st.rerun()
        if "positions_imported" in st.session_state:
            st.success(texts.IMPORT_DONE.format(
                n=texts.format_number(st.session_state.pop("positions_imported"))))
