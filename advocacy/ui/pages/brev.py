"""Brev og innlegg: make a letter from a template, the writing group's reader letters (pipeline,
editor, argument bank), send letters in bulk, the document list and the newspapers register."""

import datetime as dt

import streamlit as st

from advocacy import permissions, texts
from advocacy.documents import letter_filename
from advocacy.errors import AdvocacyError
from advocacy.letters import document_context, document_records
from advocacy.letters import document_list as document_list_query
from advocacy.letters.template_library import available_templates, load_template
from advocacy.policy import municipalities
from advocacy.politicians import politicians
from advocacy.ui import (
    argument_view,
    context,
    document_form,
    innlegg,
    letter_batch,
    newspaper_admin,
    trash_view,
)
from advocacy.ui.chapter_choice import chapter_filter
from advocacy.ui.list_controls import Choice, ask, pages
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table

RECIPIENT_CHOICES = 50

user = context.require_page("brev")
db = context.db()
PREFIX = "ny"

st.title(texts.PAGE_TITLES["brev"])


def template_choices() -> list[dict]:
    kinds = document_records.allowed_kinds(user)
    return [row for row in available_templates(db) if row["kind"] in kinds]


def choose_template(key: str):
    rows = template_choices()
    by_name = {row["name"]: row for row in rows}
    name = st.selectbox(texts.BREV_TEMPLATE, list(by_name), key=key,
                        format_func=lambda n: document_form.template_label(by_name[n]), placeholder=texts.CHOOSE_ONE)
    return load_template(db, name)


def prefill_recipient(template_name: str) -> None:
    """Fill the recipient fields when a politician is picked (before the fields are drawn).

    Not an on_change callback: callbacks run before app.py has opened this run's database.
    """
    politician_id = st.session_state.get("ny_mottaker")
    if st.session_state.get("ny_mottaker_fylt") == (politician_id, template_name):
        return
    st.session_state["ny_mottaker_fylt"] = (politician_id, template_name)
    recipient = document_context.politician_recipient(db, politician_id) if politician_id else None
    if recipient:
        document_form.fill(PREFIX, template_name, recipient.context)


def open_pending() -> None:
    """A document chosen with «Åpne i skjemaet» is loaded into the form (see prefill_recipient)."""
    document_id = st.session_state.pop("ny_apne", None)
    if document_id is None:
        return
    try:
        record = document_records.get_document(db, user, document_id)
        name = load_template(db, record["template"]).name
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    st.session_state["ny_mal"] = name
    st.session_state["ny_dokument"] = document_id
    st.session_state["ny_tittel"] = record["title"]
    document_form.fill(PREFIX, name, record["fields"])


def new_document() -> None:
    open_pending()
    try:
        template = choose_template("ny_mal")
        prepared = document_form.prepared(template)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    document_form.set_defaults(PREFIX, template.name,
                               document_context.sender_context(db, user), drafted=True)
    # A national directory holds ~10,000 politicians: search first, then choose among a few.
    wanted = st.text_input(texts.BREV_SEARCH_RECIPIENT, key="ny_mottaker_sok")
    people = {p["id"]: p for p in politicians.list_politicians(
        db, user, search=wanted, limit=RECIPIENT_CHOICES)} if wanted.strip() else {}
    if st.session_state.get("ny_mottaker") not in (None, *people):
        st.session_state.pop("ny_mottaker")  # chosen under an earlier search
    st.selectbox(
        texts.BREV_RECIPIENT_FROM_LIST, [None, *people], key="ny_mottaker",
        format_func=lambda i: "–" if i is None else f"{people[i]['name']}, {people[i]['kommune']}", placeholder=texts.CHOOSE_ONE
    )
    prefill_recipient(template.name)
    values = document_form.field_form(PREFIX, template, prepared.fields, drafted=True)
    document_form.show_fields_status(template, values)
    st.subheader(texts.BREV_PREVIEW)
    data = document_form.render_preview(template, values)
    if data is None:
        return
    filename = letter_filename(template.kind, values)
    document_form.downloads(data, filename, key="ny")
    save_form(template, values)


def save_form(template, values) -> None:
    editing = st.session_state.get("ny_dokument")
    title = st.text_input(texts.BREV_TITLE_IN_LIST, key="ny_tittel",
                          placeholder=document_records.default_title(template.kind, values))
    politician_id = st.session_state.get("ny_mottaker")
    recipient = document_context.politician_recipient(db, politician_id) if politician_id else None
    links = recipient.links if recipient else {}
    cols = st.columns(3)
    reader_letter = template.kind in document_records.WRITER_KINDS
    try:
        if editing and cols[0].button(texts.EDIT_SAVE, key="ny_oppdater"):
            document_records.update_document(db, user, editing, fields=values,
                                              title=title or None, **links)
            document_form.saved(PREFIX, template.name)
            st.success(texts.EDIT_SAVED)
        elif not editing and cols[0].button(texts.BREV_SAVE_AS_DRAFT, key="ny_lagre"):
            st.session_state["ny_dokument"] = document_records.create_document(
                db, user, kind=template.kind, template=template.name, fields=values,
                title=title, **links)
            document_form.saved(PREFIX, template.name)
            st.success(texts.BREV_SAVED_AS_DRAFT)
        if reader_letter:
            cols[1].caption(texts.LETTER_SEND_FROM_TAB)
        elif cols[1].button(texts.BREV_SAVE_AND_MARK_SENT, key="ny_send"):
            doc_id = editing or document_records.create_document(
                db, user, kind=template.kind, template=template.name, fields=values,
                title=title, **links)
            if editing:
                document_records.update_document(db, user, doc_id, fields=values, **links)
            document_records.mark_sent(db, user, doc_id)
            st.session_state.pop("ny_dokument", None)
            document_form.saved(PREFIX, template.name)
            st.success(texts.BREV_MARKED_SENT)
    except AdvocacyError as exc:
        st.error(md(exc.message))
    if editing:
        cols[2].button(texts.BREV_NEW_INSTEAD, key="ny_avbryt",
                       on_click=lambda: st.session_state.pop("ny_dokument", None))
        st.caption(texts.BREV_EDITING.format(id=md(editing)))


def document_list() -> None:
    choices = [
        Choice(
            "type",
            texts.BREV_KIND,
            {k: texts.DOCUMENT_KINDS[k] for k in document_records.allowed_kinds(user)},
            texts.ALL_KINDS_LABEL,
        ),
        Choice("status", texts.BREV_STATUS, texts.DOCUMENT_STATUSES, texts.ALL_STATUSES),
        Choice(
            "kommune", texts.BREV_MUNICIPALITY, municipalities.names(db), texts.ALL_MUNICIPALITIES
        ),
    ]
    choices += chapter_filter(db, user, texts.BREV_CHAPTER, texts.ALL_CHAPTERS)
    choices.append(Choice("forfatter", texts.BREV_AUTHOR, document_list_query.authors(db, user),
                          texts.ALL_AUTHORS))
    query = ask("dok_list", document_list_query.SPEC, choices, period=texts.DOCUMENT_PERIOD,
                search=texts.DOCUMENT_SEARCH)
    found = document_list_query.find(db, user, query)
    rows = found.rows
    table(
        rows,
        {
            "kind": texts.BREV_KIND,
            "title": texts.BREV_COL_TITLE,
            "status": texts.BREV_STATUS,
            "newspaper": texts.BREV_COL_NEWSPAPER,
            "kommune": texts.BREV_MUNICIPALITY,
            "author": texts.BREV_AUTHOR,
            "sent_on": texts.BREV_COL_SENT,
            "published_on": texts.BREV_COL_PUBLISHED,
            "updated_at": texts.BREV_COL_UPDATED,
        },
        dates=["updated_at", "sent_on", "published_on"],
        labels={"kind": texts.DOCUMENT_KINDS, "status": texts.DOCUMENT_STATUSES},
        key="documents_table",
    )
    pages("dok_list", found, query, texts.DOCUMENTS_NOUN)
    if st.session_state.pop("dok_valgt_removed", False):
        st.session_state.pop("dok_valgt", None)
    labels = {row["id"]: f"{row['title']} ({texts.DOCUMENT_STATUSES.get(row['status'], row['status'])})"
              for row in rows}
    selected = st.session_state.get("dok_valgt")
    if selected is not None and selected not in labels:
        labels[selected] = texts.DOCUMENT_BEYOND_PAGE.format(id=selected)  # chosen on another page
    if not labels:
        return
    chosen = st.selectbox(texts.CHOOSE_DOCUMENT_TO_OPEN, list(labels), key="dok_valgt",
                          format_func=lambda i: labels[i], placeholder=texts.CHOOSE_ONE)
    try:
        record = document_records.get_document(db, user, chosen)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    st.markdown(f"**{md(record['title'])}** · {texts.DOCUMENT_KINDS[record['kind']]} · "
                f"{md(texts.DOCUMENT_STATUSES.get(record['status'], record['status']))}")
    if record["has_copy"]:
        filename, data = document_records.document_copy(db, user, chosen)
        when = record["sent_on"] or record["adopted_on"]
        st.caption(texts.BREV_STORED_COPY.format(date=texts.format_date(when)))
        st.download_button(texts.BREV_DOWNLOAD_SENT, data=data, file_name=filename,
                           mime=document_form.DOCX_MIME, key="dok_kopi",
                           icon=":material/download:")
    elif record["kind"] in document_records.WRITER_KINDS:
        st.button(texts.BREV_OPEN_IN_LETTERS_TAB, key="dok_innlegg", on_click=innlegg.open_letter,
                  args=(record["id"],), help=texts.LETTER_SEND_FROM_TAB)
    elif record["can_edit"] and record["template"]:
        actions(record)
    trash_view.delete_button(db, user, "documents", chosen, key="dok_slett",
                             on_removed=trash_view.close("dok_valgt_removed", True))


def actions(record: dict) -> None:
    cols = st.columns(3)
    try:
        load_template(db, record["template"])
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    cols[0].button(texts.BREV_OPEN_IN_FORM, key="dok_apne", on_click=st.session_state.update,
                   kwargs={"ny_apne": record["id"]}, help=texts.BREV_OPEN_IN_FORM_HELP)
    try:
        if cols[1].button(texts.BREV_MARK_SENT, key="dok_sendt"):
            document_records.mark_sent(db, user, record["id"])
            st.rerun()
        if record["kind"] == "uttalelse" and cols[2].button(texts.BREV_MARK_ADOPTED,
                                                             key="dok_vedtatt"):
            document_records.mark_adopted(db, user, record["id"])
            st.rerun()
    except AdvocacyError as exc:
        st.error(md(exc.message))


TABS = [
    texts.BREV_TAB_NEW,
    texts.BREV_TAB_LETTERS,
    texts.BREV_TAB_BATCH,
    texts.BREV_TAB_DOCUMENTS,
    texts.BREV_TAB_ARGUMENTS,
    texts.BREV_TAB_NEWSPAPERS,
]
# Lazy tabs (on_change="rerun"): only the open tab runs, so a click in one does not recompute
# the five others against a national archive.
new_tab, letters_tab, batch_tab, list_tab, arguments_tab, papers_tab = st.tabs(
    TABS,
    default=texts.BREV_TAB_LETTERS
    if not permissions.allowed(user, "document.make", "annet") or "innlegg" in st.query_params
    else TABS[0],
    key="brev_fane",
    on_change="rerun",
)
for tab, draw in (
    (new_tab, new_document),
    (letters_tab, lambda: innlegg.tab(db, user)),
    (batch_tab, lambda: letter_batch.batch(db, user, template_choices(), today=dt.date.today())),
    (list_tab, document_list),
    (arguments_tab, lambda: argument_view.tab(db, user)),
    (papers_tab, lambda: newspaper_admin.tab(db, user)),
):
    if tab.open:
        with tab:
            draw()
