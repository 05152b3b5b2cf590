"""Oversikt, for leadership: change a lever's goal, add a lever; and the national status sheet.

Statuses are computed from the lever rows on every read, so a saved goal changes the map and
the figures at the next rerun (the policy version in the cache keys changes with it).
"""

from __future__ import annotations

import functools

import streamlit as st

from advocacy import texts
from advocacy.errors import AdvocacyError
from advocacy.policy import levers as lever_config
from advocacy.policy import policy_status, status_export
from advocacy.ui.downloads import XLSX
from advocacy.ui.safe_text import md


def status_sheet_buttons(db, county: str | None) -> None:
    """One row per municipality, one column per lever (the same sheet as `export-status`)."""
    suffix = f"-{county}" if county else ""
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        texts.EXPORT_CSV, functools.partial(status_export.export_bytes, db, "csv", county, True),
        file_name=texts.STATUS_SHEET_CSV.format(suffix=suffix), mime="text/csv", key="status_sheet_csv",
        icon=":material/download:", on_click="ignore")
    right.download_button(
        texts.EXPORT_EXCEL, functools.partial(status_export.export_bytes, db, "xlsx", county, True),
        file_name=texts.STATUS_SHEET_XLSX.format(suffix=suffix), mime=XLSX, key="status_sheet_xlsx",
        icon=":material/download:", on_click="ignore")


def editor(db, user, levers: list[dict]) -> None:
    with st.expander(texts.LEVERS_EDIT_TITLE, icon=":material/tune:"):
        st.caption(texts.LEVERS_EDIT_HELP)
        by_id = {lv["id"]: lv for lv in levers}
        lever_id = st.selectbox(texts.LEVERS_CHOOSE, list(by_id), key="lever_edit_id",
                                format_func=lambda i: by_id[i]["name"], placeholder=texts.CHOOSE_ONE)
        lever = by_id[lever_id]
        kind = lever["value_type"]
        rules = [None, *lever_config.RULES_FOR_TYPE[kind]]
        with st.form(f"lever_goal_{lever_id}", enter_to_submit=False):
            goal = st.text_input(texts.LEVERS_GOAL, value=lever["goal"] or "",
                                 help=texts.VALUE_HINTS[kind], key="lever_goal")
            rule = st.selectbox(texts.LEVERS_RULE, rules, key="lever_rule",
                                index=rules.index(lever["goal_rule"]) if lever["goal_rule"] in rules else 0,
                                format_func=lambda r: "–" if r is None else texts.GOAL_RULES[r], placeholder=texts.CHOOSE_ONE)
            if st.form_submit_button(texts.LEVERS_SAVE, type="primary"):
                try:
                    lever_config.set_goal(db, user, lever_id, goal, rule)
                except AdvocacyError as exc:
                    st.error(md(exc.message))
                else:
                    st.success(texts.LEVER_SAVED)
                    st.rerun()

        st.markdown(f"**{texts.LEVERS_ADD}**")
        with st.form("lever_add", clear_on_submit=True, enter_to_submit=False):
            name = st.text_input(texts.LEVERS_NAME, key="lever_new_name")
            kind = st.selectbox(texts.LEVERS_TYPE, list(policy_status.VALUE_TYPES),
                                format_func=texts.VALUE_TYPES.get, key="lever_new_type", placeholder=texts.CHOOSE_ONE)
            category = st.text_input(texts.LEVERS_CATEGORY, value=texts.LEVERS_CATEGORY_DEFAULT, key="lever_new_category")
            goal = st.text_input(texts.LEVERS_GOAL, key="lever_new_goal")
            rule = st.selectbox(texts.LEVERS_RULE, [None, *policy_status.GOAL_RULES],
                                format_func=lambda r: "–" if r is None else texts.GOAL_RULES[r],
                                key="lever_new_rule", placeholder=texts.CHOOSE_ONE)
            legal_max = st.text_input(texts.LEVERS_LEGAL_MAX, key="lever_new_legal_max")
            description = st.text_area(texts.LEVERS_DESCRIPTION, key="lever_new_description")
            if st.form_submit_button(texts.LEVERS_ADD_BUTTON):
                try:
                    lever_config.add_lever(db, user, name, kind, category, goal=goal,
                                           goal_rule=rule, legal_max=legal_max,
                                           description=description or None)
                except AdvocacyError as exc:
                    st.error(md(exc.message))
                else:
                    st.success(texts.LEVER_SAVED)
                    st.rerun()
