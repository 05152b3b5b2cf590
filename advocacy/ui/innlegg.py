"""The «Innlegg» tab of Brev og innlegg: my letters (or, for leadership, everyone's pipeline),
what needs me, starting a new letter, and the editor for the chosen one.

Not a page. The chosen letter is kept in the query string (?innlegg=12) so a link to a letter
can be shared and the browser's back button works.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils
import streamlit as st

from advocacy import permissions, texts
from advocacy.accounts.accounts import User
from advocacy.errors import AdvocacyError
from advocacy.letters.template_library import available_templates
from advocacy.policy import municipalities
from advocacy.ui import address, innlegg_editor, trash_view
from advocacy.ui.innlegg_editor import open_letter
from advocacy.ui.list_controls import Choice, ask, pages
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table
from advocacy.writing import (
    letter_lists,
    letter_starters,
    newspapers,
    reader_letter_list,
    reader_letters,
)

NEW = 0
LIST = "innlegg_list"  # the list's controls keep their state under this key


def tab(db: sqlite_utils.Database, user: User) -> None:
    asked = address.requested(db, user, "innlegg")  # a shared link: ?innlegg=12
    everyone = permissions.allowed(user, "letter.approve") and st.toggle(texts.LETTERS_SHOW_ALL, value=True,
                                            key="innlegg_alle")
    if everyone:
        pipeline(db, user)
    needing = reader_letter_list.needing_me(db, user, everyone=everyone)
    st.subheader(texts.LETTERS_NEEDING_ME)
    if needing.rows:
        for row in needing.rows:
            st.markdown(f"- **{md(row['title'])}** ({texts.DOCUMENT_STATUSES[row['status']]}): "
                        f"{md(row['needs'])}")
        if needing.total > len(needing.rows):
            st.caption(texts.LETTER_NEEDS_MORE.format(
                n=texts.format_number(needing.total - len(needing.rows))))
    else:
        st.caption(texts.LETTER_NOTHING_NEEDS)
    st.subheader(texts.LETTERS_ALL if everyone else texts.LETTERS_MINE)
    query = ask(LIST, reader_letter_list.SPEC, _choices(db, user, everyone),
                period=texts.LETTERS_PERIOD, search=texts.LETTERS_SEARCH)
    found = reader_letter_list.find(db, user, query, everyone=everyone)
    shown = [{**r, **{k: r[k] or "" for k in ("newspaper", "needs", "waiting")}}
             for r in found.rows]
    table(shown, texts.LETTER_LIST_COLUMNS,
          dates=["sent_on", "published_on"],
          labels={"kind": texts.DOCUMENT_KINDS, "status": texts.DOCUMENT_STATUSES},
          key="innlegg_tabell")
    pages(LIST, found, query, texts.LETTERS_NOUN)
    chosen = choose(_listed(db, user, found.rows, asked, everyone), asked)
    if chosen == NEW:
        new_letter(db, user)
    else:
        innlegg_editor.editor(db, user, chosen)
        trash_view.delete_button(db, user, "documents", chosen, key=f"innlegg_slett_{chosen}",
                                 on_removed=trash_view.close("innlegg_neste", NEW,
                                                             query_param="innlegg"))


def _choices(db: sqlite_utils.Database, user: User, everyone: bool) -> list[Choice]:
    kinds = {k: texts.DOCUMENT_KINDS[k] for k in reader_letters.KINDS}
    statuses = {s: texts.DOCUMENT_STATUSES[s] for s in reader_letters.ORDER}
    return [
        _choice("status", texts.LETTER_FILTER_STATUS, statuses, many=True),
        _choice("type", texts.LETTER_FILTER_KIND, kinds),
        _choice("avis", texts.LETTER_FILTER_PAPER, reader_letter_list.papers(db)),
        _choice("skribent", texts.LETTER_FILTER_WRITER,
                reader_letter_list.writers(db, user, everyone=everyone)),
        _choice("kommune", texts.LETTER_FILTER_MUNICIPALITY, municipalities.names(db)),
        _choice("trenger_meg", texts.LETTER_FILTER_NEEDS_ME, texts.LETTER_NEEDS_ME_ONLY),
    ]


def _choice(name: str, words: tuple[str, str], options, many: bool = False) -> Choice:
    """A filter from its texts: (label, the label of «no filter»)."""
    return Choice(name, words[0], options, words[1], many=many)


def _listed(db: sqlite_utils.Database, user: User, rows: list[dict], asked: int | None,
            everyone: bool) -> list[dict]:
    """The page's letters for the chooser, plus the one being worked on or asked for in the
    address, wherever the search and filters leave it."""
    on_page = {r["id"] for r in rows}
    wanted = {st.session_state.get("innlegg_neste"), st.session_state.get("innlegg_aktiv"), asked}
    missing = [i for i in wanted if isinstance(i, int) and i != NEW and i not in on_page]
    return rows + reader_letter_list.letters(db, user, missing, everyone=everyone)


def pipeline(db: sqlite_utils.Database, user: User) -> None:
    counts = reader_letter_list.pipeline_counts(db, user, everyone=True)
    cols = st.columns(len(counts))
    for col, row in zip(cols, counts, strict=True):
        col.metric(md(row["label"]), texts.format_number(row["count"]))
    per_quarter = letter_lists.published_per_quarter(db)
    if per_quarter:
        with st.expander(texts.LETTERS_PUBLISHED_TITLE):
            table(per_quarter, texts.LETTERS_PER_QUARTER_COLUMNS,
                  key="innlegg_kvartal")
            table(letter_lists.published_per_paper(db),
                  texts.LETTERS_PER_PAPER_COLUMNS,
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


def new_letter(db: sqlite_utils.Database, user: User) -> None:
    st.subheader(texts.LETTER_NEW)
    start = st.radio(texts.LETTER_START, list(texts.LETTER_START_OPTIONS), horizontal=True,
                     format_func=texts.LETTER_START_OPTIONS.get, key="innlegg_start")
    places = municipalities.names(db)
    knr = st.selectbox(texts.LETTER_MUNICIPALITY, [None, *places], key="innlegg_kommune",
                       format_func=lambda k: "–" if k is None else f"{places[k]} ({k})", placeholder=texts.CHOOSE_ONE)
    title, text = "", ""
    if start == "mal":
        title, text = letter_starters.skeleton(places.get(knr))
    elif start == "sak":
        levers = {lv["id"]: lv["name"] for lv in municipalities.levers(db)}
        lever = st.selectbox(texts.LETTER_LEVER, list(levers), format_func=levers.get,
                             key="innlegg_sak", placeholder=texts.CHOOSE_ONE)
        if knr is None:
            st.info(texts.LETTER_CHOOSE_MUNICIPALITY_FIRST)
            return
        try:
            title, text = letter_starters.from_lever(db, lever, knr)
        except AdvocacyError as exc:
            st.error(md(exc.message))
            return
    if text:
        with st.expander(texts.LETTER_STARTING_POINT, expanded=True):
            st.text(text)
    cols = st.columns(2)
    kind = cols[0].selectbox(texts.LETTER_KIND, list(reader_letters.KINDS), key="innlegg_ny_type",
                             format_func=texts.DOCUMENT_KINDS.get, placeholder=texts.CHOOSE_ONE)
    papers = {p["id"]: p for p in newspapers.list_newspapers(db, knr)}
    paper = cols[1].selectbox(texts.LETTER_NEWSPAPER_LATER, [None, *papers], key="innlegg_ny_avis",
                              format_func=lambda i: "–" if i is None else papers[i]["name"], placeholder=texts.CHOOSE_ONE)
    templates = [t["name"] for t in available_templates(db) if t["kind"] in reader_letters.KINDS]
    template = reader_letters.TEMPLATE
    if len(templates) > 1:  # leadership has uploaded a house template (or a nynorsk one)
        template = st.selectbox(texts.LETTER_WORD_TEMPLATE, templates, key="innlegg_ny_mal", placeholder=texts.CHOOSE_ONE)
    given = st.text_input(texts.LETTER_TITLE, key="innlegg_ny_tittel",
                          placeholder=title or texts.LETTER_TITLE)
    if st.button(texts.LETTER_CREATE, key="innlegg_opprett", type="primary"):
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
