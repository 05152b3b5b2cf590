"""The «Innlegg» tab of Brev og innlegg: my letters (or, for leadership, everyone's pipeline),
what needs me, starting a new letter, and the editor for the chosen one.

Not a page. The chosen letter is kept in the query string (?innlegg=12) so a link to a letter
can be shared and the browser's back button works.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils
import streamlit as st

from advocacy import (
    letter_lists,
    letter_starters,
    municipalities,
    reader_letters,
    texts,
    writing,
)
from advocacy.accounts import User
from advocacy.errors import AdvocacyError
from advocacy.template_library import available_templates
from advocacy.ui import address, innlegg_editor, trash_view
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table

NEW = 0
LIST_ROWS = 300


def tab(db: sqlite_utils.Database, user: User) -> None:
    asked = address.requested(db, user, "innlegg")  # a shared link: ?innlegg=12
    everyone = user.is_leader and st.toggle("Vis alle innlegg (hele pipelinen)", value=True,
                                            key="innlegg_alle")
    rows = letter_lists.list_letters(db, user, everyone=everyone)
    if everyone:
        pipeline(db, rows)
    needs = [r for r in rows if r["needs"]]
    st.subheader("Trenger deg nå")
    if needs:
        for row in needs[:12]:
            st.markdown(f"- **{md(row['title'])}** ({texts.DOCUMENT_STATUSES[row['status']]}): "
                        f"{md(row['needs'])}")
    else:
        st.caption(texts.LETTER_NOTHING_NEEDS)
    st.subheader("Alle innlegg" if everyone else "Mine innlegg")
    listed = _listed(rows, asked)
    if len(listed) < len(rows):
        st.caption(texts.LETTERS_NEWEST.format(n=len(listed), total=len(rows)))
    shown = [{**r, **{k: r[k] or "" for k in ("newspaper", "needs", "waiting")}} for r in listed]
    table(shown, {"title": "Tittel", "kind": "Type", "status": "Status", "newspaper": "Avis",
                 "author": "Skribent", "sent_on": "Sendt", "published_on": "Publisert",
                 "needs": "Neste steg", "waiting": "Venter"},
          dates=["sent_on", "published_on"],
          labels={"kind": texts.DOCUMENT_KINDS, "status": texts.DOCUMENT_STATUSES},
          key="innlegg_tabell")
    chosen = choose(listed, asked)
    if chosen == NEW:
        new_letter(db, user)
    else:
        innlegg_editor.editor(db, user, chosen)
        trash_view.delete_button(db, user, "documents", chosen, key=f"innlegg_slett_{chosen}",
                                 on_removed=trash_view.close("innlegg_neste", NEW,
                                                             query_param="innlegg"))


def _listed(rows: list[dict], asked: int | None) -> list[dict]:
    """The newest letters for the table and the chooser (a national pipeline holds ~10,000),
    plus the one being worked on or asked for in the address, wherever it is in the list."""
    wanted = {st.session_state.get("innlegg_neste"), st.session_state.get("innlegg_aktiv")}
    if asked is not None:
        wanted.add(asked)
    listed = rows[:LIST_ROWS]
    return listed + [r for r in rows[LIST_ROWS:] if r["id"] in wanted]


def pipeline(db: sqlite_utils.Database, rows: list[dict]) -> None:
    counts = letter_lists.pipeline_counts(rows)
    cols = st.columns(len(counts))
    for col, row in zip(cols, counts, strict=True):
        col.metric(md(row["label"]), texts.format_number(row["count"]))
    per_quarter = letter_lists.published_per_quarter(db)
    if per_quarter:
        with st.expander("Publisert per kvartal og per avis"):
            table(per_quarter, {"quarter": "Kvartal", "leserinnlegg": "Leserinnlegg",
                                "kronikk": "Kronikker", "total": "I alt"},
                  key="innlegg_kvartal")
            table(letter_lists.published_per_paper(db),
                  {"newspaper": "Avis", "sent": "Sendt", "published": "Publisert",
                   "refused": "Refusert", "no_answer": "Ingen svar", "waiting": "Venter"},
                  key="innlegg_aviser")


def choose(rows: list[dict], asked: int | None) -> int:
    """The letter being worked on, kept in session state and the query string (`asked`: the
    letter the address names, checked).

    The selectbox has no key on purpose: its labels carry the status and title, which change
    as the letter moves on, and a keyed selectbox whose chosen label changes falls back to its
    first option. Without a key it is a new widget whenever the labels or the chosen index
    change, drawn at the index we give it.
    """
    by_id = {row["id"]: row for row in rows}
    options = [NEW, *by_id]
    pick = st.session_state.pop("innlegg_neste", None)
    if pick is None and "innlegg_aktiv" not in st.session_state:
        pick = NEW if asked is None else asked
    if pick is not None:
        st.session_state["innlegg_aktiv"] = pick
    active = st.session_state.get("innlegg_aktiv", NEW)
    if active not in options:
        active = NEW
    labels = {NEW: f"{texts.LETTER_NEW} …"} | {
        i: f"{row['title']} ({texts.DOCUMENT_STATUSES[row['status']]})"
        for i, row in by_id.items()}
    chosen = st.selectbox(texts.LETTER_CHOOSE, options, index=options.index(active),
                          format_func=labels.get, placeholder=texts.CHOOSE_ONE)
    st.session_state["innlegg_aktiv"] = chosen
    if chosen == NEW:
        st.query_params.pop("innlegg", None)
    else:
        st.query_params["innlegg"] = str(chosen)
    return chosen


def open_letter(document_id: int) -> None:
    """Choose this letter on the next run (the selectbox is already drawn on this one)."""
    st.session_state["innlegg_neste"] = document_id


def new_letter(db: sqlite_utils.Database, user: User) -> None:
    st.subheader(texts.LETTER_NEW)
    start = st.radio("Start", list(texts.LETTER_START_OPTIONS), horizontal=True,
                     format_func=texts.LETTER_START_OPTIONS.get, key="innlegg_start")
    places = municipalities.names(db)
    knr = st.selectbox("Kommune innlegget handler om", [None, *places], key="innlegg_kommune",
                       format_func=lambda k: "–" if k is None else f"{places[k]} ({k})", placeholder=texts.CHOOSE_ONE)
    title, text = "", ""
    if start == "mal":
        title, text = letter_starters.skeleton(places.get(knr))
    elif start == "sak":
        levers = {lv["id"]: lv["name"] for lv in municipalities.levers(db)}
        lever = st.selectbox("Sak", list(levers), format_func=levers.get,
                             key="innlegg_sak", placeholder=texts.CHOOSE_ONE)
        if knr is None:
            st.info("Velg kommunen, så fylles kommunens fakta inn.")
            return
        try:
            title, text = letter_starters.from_lever(db, lever, knr)
        except AdvocacyError as exc:
            st.error(md(exc.message))
            return
    if text:
        with st.expander("Utgangspunktet", expanded=True):
            st.text(text)
    cols = st.columns(2)
    kind = cols[0].selectbox("Type", list(reader_letters.KINDS), key="innlegg_ny_type",
                             format_func=texts.DOCUMENT_KINDS.get, placeholder=texts.CHOOSE_ONE)
    papers = {p["id"]: p for p in writing.list_newspapers(db, knr)}
    paper = cols[1].selectbox("Avis (kan velges senere)", [None, *papers], key="innlegg_ny_avis",
                              format_func=lambda i: "–" if i is None else papers[i]["name"], placeholder=texts.CHOOSE_ONE)
    templates = [t["name"] for t in available_templates(db) if t["kind"] in reader_letters.KINDS]
    template = reader_letters.TEMPLATE
    if len(templates) > 1:  # leadership has uploaded a house template (or a nynorsk one)
        template = st.selectbox("Word-mal for .docx-filen", templates, key="innlegg_ny_mal", placeholder=texts.CHOOSE_ONE)
    given = st.text_input("Tittel", key="innlegg_ny_tittel", placeholder=title or "Tittel")
    if st.button("Opprett innlegg", key="innlegg_opprett", type="primary"):
        try:
            doc = reader_letters.new_letter(
                db, user, title=given.strip() or title, text=text, kind=kind,
                newspaper_id=paper, kommunenummer=knr, status="utkast" if text else "ide",
                template=template)
        except AdvocacyError as exc:
            st.error(md(exc.message))
            return
        open_letter(doc)
        st.session_state["innlegg_melding"] = texts.LETTER_CREATED
        st.rerun()


def today() -> dt.date:
    return dt.date.today()
