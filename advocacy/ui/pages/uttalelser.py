"""Uttalelser: draft, adopt, send and archive position statements and resolutions.

The archive is a long list (statement_list): search in the words and who adopted it, filters
by status, lever, municipality, chapter and period, sorting and pages. One statement (chosen
in the list or by `?uttalelse=ID`) shows its provenance line, text, preview, where it was sent, what came back,
its versions and who moved it when. Every change goes through `advocacy.statements.statements`.
"""

import datetime as dt
import functools
import re

import streamlit as st

from advocacy import permissions, texts
from advocacy.errors import AdvocacyError
from advocacy.policy import municipalities
from advocacy.statements import statement_archive, statement_letters, statement_list, statements
from advocacy.ui import address, context, corrections, dates, statement_actions, trash_view
from advocacy.ui import statement_form as statement_fields
from advocacy.ui.chapter_choice import chapter_filter
from advocacy.ui.list_controls import Choice, ask, pages
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table

user = context.require_page("uttalelser")
db = context.db()
can_draft = permissions.allowed(user, "statement.edit")
FLASH = "uttalelse_flash"
PENDING = "uttalelse_pending"
TAB = "uttalelse_fane"
LIST = "stmt_list"  # the archive's search, filters and page keep their state under this key


def act(success: str, fn, *args, select: bool = False, done=None, **kwargs) -> None:
    """Run a domain call; show its Norwegian error, or remember the success and rerun
    (calling `done` first: a saved draft's unsaved copy is dropped)."""
    try:
        result = fn(*args, **kwargs)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    if done is not None:
        done()
    st.session_state[FLASH] = success
    if select and isinstance(result, int):
        st.session_state[PENDING] = result  # chosen before the picker is drawn next run
    st.rerun()


def statement_form(key: str, current: dict | None = None) -> dict | None:
    """The draft's fields (kept as the user's draft while typed); the values on «Lagre utkast»."""
    return statement_fields.statement_form(db, user, key, current)


def show_text(item: dict) -> None:
    st.markdown(f"*{md(item['provenance'])}*")
    st.markdown(f"**{md(item['position'])}**")
    for paragraph in re.split(r"\n\s*\n", item["grounds"] or ""):
        if paragraph.strip():
            st.markdown(md(paragraph))
    if item["demands"]:
        st.markdown(texts.UTTALELSER_WE_ASK.format(
            whom=md(item["demands_to"] or texts.STATEMENT_DEFAULT_DEMANDS_TO)))
        st.markdown("\n".join(f"- {md(d)}" for d in item["demands"]))
    if item["reservations"]:
        st.markdown(md(item["reservations"]))
    if item["contact"]:
        st.markdown(texts.UTTALELSER_CONTACT.format(contact=md(item["contact"])))


def show_document(item: dict) -> None:
    with st.expander(texts.UTTALELSER_PREVIEW):
        try:
            st.html(statement_letters.preview_html(item))
        except AdvocacyError as exc:
            st.error(md(exc.message))
    stored = statement_letters.adopted_docx(db, user, item["id"])
    if stored:
        st.download_button(texts.UTTALELSER_DOWNLOAD_ADOPTED, stored,
                           file_name=statement_letters.filename(item), key="stmt_download",
                           icon=":material/download:")
    else:
        st.download_button(texts.UTTALELSER_DOWNLOAD_WORD,
                           functools.partial(statement_letters.render_statement, item),
                           file_name=statement_letters.filename(item), key="stmt_download",
                           icon=":material/download:")


def show_record(item: dict) -> None:
    st.subheader(texts.UTTALELSER_SENT_TO)
    table(
        item["recipients"],
        {
            "name": texts.UTTALELSER_COL_RECIPIENT,
            "kind": texts.UTTALELSER_COL_KIND,
            "sent_on": texts.UTTALELSER_COL_SENT,
        },
        dates=["sent_on"],
        labels={"kind": texts.STATEMENT_RECIPIENT_KINDS},
        key="stmt_recipients",
    )
    st.subheader(texts.UTTALELSER_RESPONSES)
    table(
        item["responses"],
        {
            "responded_on": texts.UTTALELSER_COL_DATE,
            "responder": texts.UTTALELSER_COL_FROM,
            "recipient": texts.UTTALELSER_COL_RESPONSE_TO,
            "summary": texts.UTTALELSER_COL_SUMMARY,
        },
        dates=["responded_on"],
        key="stmt_responses",
    )
    with st.expander(texts.UTTALELSER_VERSIONS_AND_HISTORY):
        table(
            item["versions"],
            {
                "version": texts.UTTALELSER_COL_VERSION,
                "status": texts.UTTALELSER_COL_STATUS,
                "adopted_on": texts.UTTALELSER_COL_ADOPTED,
                "title": texts.UTTALELSER_COL_TITLE,
                "correction": texts.CORRECTED_COLUMN,
            },
            dates=["adopted_on"],
            labels={"status": texts.STATEMENT_STATUSES},
            key="stmt_versions",
        )
        history = [{**h, "at": texts.format_datetime(h["at"].replace("Z", "+00:00"))}
                   for h in item["history"]]
        table(
            history,
            {
                "at": texts.UTTALELSER_COL_WHEN,
                "from_status": texts.UTTALELSER_COL_FROM,
                "to_status": texts.UTTALELSER_COL_TO,
                "who": texts.UTTALELSER_COL_WHO,
                "note": texts.UTTALELSER_COL_NOTE,
            },
            labels={"from_status": texts.STATEMENT_STATUSES, "to_status": texts.STATEMENT_STATUSES},
            key="stmt_history",
        )


def show_actions(item: dict) -> None:
    sid, status = item["id"], item["status"]
    moves = [t for t in statements.TRANSITIONS[status] if t not in ("vedtatt", "sendt")]
    if moves:
        columns = st.columns(len(moves))
        for column, target in zip(columns, moves, strict=True):
            if target == "trukket":
                statement_actions.withdraw_button(db, user, item, column)
            elif column.button(texts.STATEMENT_STATUS_ACTIONS[target], key=f"stmt_move_{target}"):
                act(texts.STATEMENT_STATUSES[target], statements.set_status, db, user, sid, target)
    if status in statements.EDITABLE:
        with st.expander(texts.UTTALELSER_EDIT_DRAFT):
            submitted = statement_form("stmt_edit", item)
            if submitted:
                act(texts.UTTALELSER_DRAFT_SAVED, statements.update_draft, db, user, sid,
                    submitted["fields"], lever_ids=submitted["lever_ids"],
                    kommunenummer=submitted["kommunenummer"], done=submitted["saved"])
        trash_view.delete_button(db, user, "statements", sid, key="stmt_slett", on_removed=(
            trash_view.close("stmt_pick_removed", True, query_param="uttalelse")))
    if status == "til_behandling":
        statement_actions.adopt_form(db, user, item)
    if status in statements.PUBLIC:
        send_form(item)
        if item["id"] == item["newest_version_id"] and st.button(
                texts.UTTALELSER_NEW_VERSION, key="stmt_new_version",
                help=texts.UTTALELSER_NEW_VERSION_HELP):
            act(texts.UTTALELSER_NEW_VERSION_MADE, statements.new_version, db, user, sid,
                select=True)
    if status == "sendt":
        statement_actions.response_form(db, user, item)


def send_form(item: dict) -> None:
    knrs = [m["kommunenummer"] for m in item["municipalities"]]
    choices = statement_archive.recipient_choices(db, knrs)
    with st.form("stmt_send", enter_to_submit=False):
        st.markdown(texts.UTTALELSER_REGISTER_SENDING_HEADING)
        chosen = []
        for kind in ("politiker", "parti", "avis"):
            options = choices[kind]
            picked = st.multiselect(texts.STATEMENT_RECIPIENT_KINDS[kind], list(options),
                                    format_func=options.get, key=f"stmt_send_{kind}", placeholder=texts.CHOOSE_MANY, select_all=False)
            chosen += [(kind, value) for value in picked]
        others = st.text_area(
            texts.UTTALELSER_OTHER_RECIPIENTS, help=texts.UTTALELSER_OTHER_RECIPIENTS_HELP
        )
        chosen += [("annet", line.strip()) for line in others.splitlines() if line.strip()]
        date = st.date_input(
            texts.UTTALELSER_COL_SENT,
            dt.date.today(),
            **dates.OPEN_RANGE,
            format="DD.MM.YYYY",
            key="stmt_send_date",
        )
        problem = st.empty()
        submitted = st.form_submit_button(texts.UTTALELSER_REGISTER_SENDING, type="primary")
    if submitted:
        statement_actions.confirm_send(db, user, item, chosen, date, problem)


def show_statement(statement_id: int) -> None:
    try:
        item = statement_archive.statement_detail(db, user, statement_id)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    st.header(md(item["title"]), anchor=False)
    facts = [
        texts.STATEMENT_STATUSES[item["status"]],
        texts.UTTALELSER_VERSION.format(version=item["version"]),
    ]
    facts += [item["chapter"]] if item["chapter"] else []
    facts += [lever["name"] for lever in item["levers"]]
    facts += [m["navn"] for m in item["municipalities"]]
    st.caption(" · ".join(md(f) for f in facts))
    if item["status"] == "trukket":
        st.warning(texts.UTTALELSER_WITHDRAWN)
    if item["parent_id"]:
        st.caption(texts.UTTALELSER_NEW_VERSION_OF.format(id=md(item["parent_id"])))
    show_text(item)
    show_document(item)
    show_record(item)
    corrections.statement_form(db, user, item)
    if item["can_edit"]:
        show_actions(item)


def _choices() -> list[Choice]:
    def choice(name: str, words: tuple[str, str], options, many: bool = False) -> Choice:
        return Choice(name, words[0], options, words[1], many=many)

    found = [
        choice("status", texts.STATEMENT_FILTER_STATUS, texts.STATEMENT_STATUSES, many=True),
        choice("sak", texts.STATEMENT_FILTER_LEVER, statement_archive.lever_choices(db)),
        choice("kommune", texts.STATEMENT_FILTER_MUNICIPALITY, municipalities.names(db)),
        *chapter_filter(db, user, *texts.STATEMENT_FILTER_CHAPTER),
    ]
    return found


def archive() -> None:
    """Search the statements the user may read; show the one chosen (or linked)."""
    query = ask(LIST, statement_list.SPEC, _choices(), period=texts.STATEMENTS_PERIOD,
                search=texts.STATEMENTS_SEARCH)
    found = statement_list.find(db, user, query)
    rows = found.rows
    table(
        rows,
        {
            "title": texts.UTTALELSER_COL_TITLE,
            "adopted_by": texts.UTTALELSER_COL_ADOPTED_BY,
            "adopted_on": texts.UTTALELSER_COL_ADOPTED,
            "status": texts.UTTALELSER_COL_STATUS,
            "version": texts.UTTALELSER_COL_VERSION,
            "chapter": texts.UTTALELSER_COL_CHAPTER,
            "levers": texts.UTTALELSER_COL_LEVERS,
            "kommuner": texts.UTTALELSER_COL_MUNICIPALITIES,
            "recipients": texts.UTTALELSER_COL_RECIPIENTS,
            "responses": texts.UTTALELSER_RESPONSES,
            "corrected_at": texts.CORRECTED_COLUMN,
        },
        dates=["adopted_on", "corrected_at"],
        labels={"status": texts.STATEMENT_STATUSES},
        key="statements_table",
    )
    pages(LIST, found, query, texts.STATEMENTS_NOUN)
    ids = [r["id"] for r in rows]
    if st.session_state.pop("stmt_pick_removed", False):
        st.session_state.pop("stmt_pick", None)
    if PENDING in st.session_state:
        st.query_params["uttalelse"] = str(st.session_state.pop(PENDING))
        st.session_state.pop("stmt_pick", None)
    wanted = address.requested(db, user, "uttalelse")
    if wanted is not None and wanted not in ids:
        ids.insert(0, wanted)  # a link or a new version outside the current filter
    titles = {
        r["id"]: texts.UTTALELSER_TITLE_VERSION.format(title=r["title"], version=r["version"])
        for r in rows
    }
    default = ids.index(wanted) + 1 if wanted is not None else 0
    chosen = st.selectbox(
        texts.UTTALELSER_SHOW,
        [None, *ids],
        index=default,
        key="stmt_pick",
        format_func=lambda i: (
            texts.UTTALELSER_CHOOSE
            if i is None
            else titles.get(i, texts.UTTALELSER_NUMBER.format(id=i))
        ),
        placeholder=texts.CHOOSE_ONE,
    )
    if chosen is None:
        st.query_params.pop("uttalelse", None)
    else:
        st.query_params["uttalelse"] = str(chosen)
        show_statement(chosen)


st.title(texts.PAGE_TITLES["uttalelser"])
if FLASH in st.session_state:
    st.success(md(st.session_state.pop(FLASH)))

tab_names = (
    [texts.UTTALELSER_TAB_ARCHIVE, texts.UTTALELSER_TAB_NEW]
    if can_draft
    else [texts.UTTALELSER_TAB_ARCHIVE]
)
if PENDING in st.session_state:
    st.session_state[TAB] = tab_names[0]  # a new draft or version is shown in the archive
# Lazy tabs: the drafting form is not built on every click in the archive, nor the reverse.
tabs = st.tabs(tab_names, key=TAB, on_change="rerun")
if tabs[0].open:
    with tabs[0]:
        archive()
if can_draft and tabs[1].open:
    with tabs[1]:
        st.caption(texts.UTTALELSER_DRAFT_HINT)
        new = statement_form("stmt_new")
        if new:
            act(texts.UTTALELSER_DRAFT_SAVED, statements.create_statement, db, user, new["fields"],
                lever_ids=new["lever_ids"], kommunenummer=new["kommunenummer"],
                chapter_id=new["chapter_id"], select=True, done=new["saved"])
