"""One reader letter: write it (live count, argument bank, similarity warning), move it along the
pipeline, send it to a paper, record the answer, and download it. Not a page.

Widget keys carry the letter's id, so switching letters never shows the last one's words.
"""

from __future__ import annotations

import datetime as dt
import functools

import sqlite_utils
import streamlit as st

from advocacy import permissions, texts
from advocacy.accounts.accounts import User
from advocacy.errors import AdvocacyError
from advocacy.letters import document_records
from advocacy.letters.template_library import load_template
from advocacy.ui import confirm, dates, document_form, draft_keeper, live_count
from advocacy.ui.safe_text import md
from advocacy.ui.widgets import table
from advocacy.writing import argument_bank, letter_sending, newspapers, reader_letters

SIG_LABELS = texts.LETTER_SIGNATURE_LABELS


def editor(db: sqlite_utils.Database, user: User, document_id: int) -> None:
    message = st.session_state.pop("innlegg_melding", None)
    if message:
        st.success(md(message))
    try:
        record = reader_letters.get_letter(db, user, document_id)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    papers = {p["id"]: p for p in newspapers.list_newspapers(db, record["kommunenummer"])}
    status = texts.DOCUMENT_STATUSES[record["status"]]
    st.markdown(f"### {md(record['title'])}")
    st.caption(f"{texts.DOCUMENT_KINDS[record['kind']]} · {status} · "
               f"{md(record['author'] or '')}" + (texts.LETTER_CAPTION_NEWSPAPER.format(
                   newspaper=md(record['newspaper'])) if record["newspaper"] else ""))
    editable = record["status"] in reader_letters.EDITABLE and permissions.allowed(
        user, "document.edit", record)
    if editable:
        edit_area(db, user, record, papers)  # with Lagre, the moves and the downloads
    else:
        values = frozen_view(record)
        moves(db, user, record, values, editable)
    if "sendt" in reader_letters.allowed_moves(user, record) or (
            record["status"] == "sendt" and permissions.allowed(user, "document.edit", record)):
        send_form(db, user, record, papers)
    if record["status"] in ("sendt", "ingen_svar") and permissions.allowed(user, "document.edit", record):
        answer_form(db, user, record)
    if not editable:
        downloads(db, user, record, values)
    past(db, user, record)


def _key(name: str, record: dict) -> str:
    return f"innlegg_{name}_{record['id']}"


def keeper(db, user, record) -> draft_keeper.Keeper:
    """The letter's unsaved words, kept per user as the draft 'innlegg:<id>'."""
    names = ["type", "avis", "tittel", "tekst", *(f"sig_{n}" for n in SIG_LABELS)]
    return draft_keeper.Keeper(db, user, f"innlegg:{record['id']}",
                               {name: _key(name, record) for name in names})


def current_values(record) -> dict:
    """What is on the screen now, read from the widget keys: Lagre, the moves and the
    downloads all save or give exactly this, whichever run (full or fragment) they are in."""
    state = st.session_state
    return {"title": state.get(_key("tittel", record), ""),
            "text": state.get(_key("tekst", record), ""),
            "signature": {n: state.get(_key(f"sig_{n}", record), "") or "" for n in SIG_LABELS},
            "kind": state.get(_key("type", record), record["kind"]),
            "newspaper_id": state.get(_key("avis", record))}


@st.fragment
def edit_area(db, user, record, papers) -> None:
    """The words, with the count against the chosen paper. Reruns alone while typing, and
    draws the buttons that save, move and download, so they always act on these words."""
    fields = record["fields"]
    kept = keeper(db, user, record)
    kept.seed({"tittel": fields.get("tittel") or record["title"],
               "tekst": reader_letters.letter_text(record),
               "type": record["kind"], "avis": record["newspaper_id"],
               **{f"sig_{name}": fields.get(name, "") for name in SIG_LABELS}})
    kept.notice()
    cols = st.columns(2)
    if st.session_state[_key("type", record)] not in reader_letters.KINDS:
        st.session_state[_key("type", record)] = record["kind"]
    kind = cols[0].selectbox(texts.LETTER_KIND, list(reader_letters.KINDS), key=_key("type", record),
                             format_func=texts.DOCUMENT_KINDS.get, **kept.watch, placeholder=texts.CHOOSE_ONE)
    if st.session_state[_key("avis", record)] not in papers:
        st.session_state[_key("avis", record)] = None
    paper_id = cols[1].selectbox(
        texts.LETTER_NEWSPAPER, [None, *papers], key=_key("avis", record),
        format_func=lambda i: "–" if i is None else _paper_label(papers[i]), **kept.watch, placeholder=texts.CHOOSE_ONE)
    title = st.text_input(texts.LETTER_TITLE, key=_key("tittel", record), **kept.watch)
    text = st.text_area(texts.LETTER_TEXT, key=_key("tekst", record),
                        height=320, max_chars=None, **kept.watch)
    with st.expander(texts.LETTER_SIGNATURE):
        sig_cols = st.columns(4)
        signature = {name: sig_cols[i].text_input(md(label), key=_key(f"sig_{name}", record),
                                                  **kept.watch)
                     for i, (name, label) in enumerate(SIG_LABELS.items())}
    line = reader_letters.signature_line(signature)
    st.markdown(f"*{md(line)}*" if line else texts.LETTER_NO_SIGNATURE)
    paper = papers.get(paper_id)
    live_count.show(title, text, line, newspapers.max_chars(paper, kind),
                    paper["name"] if paper else None)
    similar(db, record, text)
    insert_argument(db, user, record, kept)
    if st.button(texts.LETTER_SAVE, key=_key("lagre", record), type="primary"):
        if save(db, user, record, current_values(record)):
            kept.saved()
            st.success(texts.LETTER_SAVED)
    moves(db, user, record, current_values(record), True, kept)
    downloads(db, user, record, current_values(record))


def _paper_label(paper: dict) -> str:
    limit = paper.get("max_chars_innlegg")
    return (texts.LETTER_PAPER_LABEL.format(name=paper['name'], limit=texts.format_number(limit))
            if limit else paper["name"])


def save(db, user, record, values) -> bool:
    try:
        reader_letters.save_draft(
            db, user, record["id"], title=values["title"], text=values["text"],
            signature=values["signature"], newspaper_id=values["newspaper_id"],
            kind=values["kind"])
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return False
    return True


def similar(db, record, text) -> None:
    for match in reader_letters.similar_sent(db, record["id"], text)[:3]:
        st.warning(texts.LETTER_SIMILAR_WARNING.format(
            score=texts.format_share(match.score), title=md(match.title),
            paper=md(match.newspaper or "–"), author=md(match.author or "–"),
            date=texts.format_date(match.sent_on)), icon=":material/content_copy:")
        with st.expander(texts.LETTER_SIMILAR_SHOW.format(title=md(match.title))):
            other = reader_letters.sent_letter_text(db, match.document_id)
            st.text(other)


def insert_argument(db, user, record, kept: draft_keeper.Keeper) -> None:
    rows = argument_bank.list_arguments(db, user)
    if not rows:
        return
    with st.expander(texts.ARGUMENT_INSERT_TITLE):
        by_id = {row["id"]: row for row in rows}
        chosen = st.selectbox(texts.ARGUMENT_CHOOSE, list(by_id), key=_key("argument", record),
                              format_func=lambda i: texts.ARGUMENT_LABEL_LEVER.format(
                                  title=by_id[i]["title"], lever=by_id[i]["lever"])
                              if by_id[i]["lever"] else by_id[i]["title"], placeholder=texts.CHOOSE_ONE)
        row = by_id[chosen]
        st.markdown(md(row["body"]))
        st.caption(texts.ARGUMENT_SOURCES.format(
            sources="; ".join(md(s) for s in argument_bank.source_list(row)),
            date=texts.format_date(row['checked_on'])))
        if row["stale"]:
            st.warning(texts.ARGUMENT_STALE.format(date=texts.format_date(row["checked_on"])))
        st.button(texts.ARGUMENT_INSERT, key=_key("sett_inn", record), on_click=_insert,
                  args=(_key("tekst", record), row, kept))


def _insert(key: str, row: dict, kept: draft_keeper.Keeper) -> None:
    st.session_state[key] = argument_bank.insert(st.session_state.get(key, ""), row)
    draft_keeper.remember(*kept.watch["args"])


def frozen_view(record) -> dict:
    fields = record["fields"]
    text = reader_letters.letter_text(record)
    st.text(text)
    signature = {k: fields.get(k, "") for k in SIG_LABELS}
    st.markdown(f"*{md(reader_letters.signature_line(signature))}*")
    return {"title": fields.get("tittel") or record["title"], "text": text,
            "signature": signature, "kind": record["kind"],
            "newspaper_id": record["newspaper_id"]}


def moves(db, user, record, values, editable, kept: draft_keeper.Keeper | None = None) -> None:
    allowed = [m for m in reader_letters.allowed_moves(user, record)
               if m in texts.LETTER_MOVE_BUTTONS]
    if not allowed:
        return
    cols = st.columns(len(allowed) + 1)
    for col, target in zip(cols, allowed, strict=False):
        if col.button(texts.LETTER_MOVE_BUTTONS[target], key=_key(f"flytt_{target}", record)):
            try:
                if editable:
                    reader_letters.save_draft(
                        db, user, record["id"], title=values["title"], text=values["text"],
                        signature=values["signature"], newspaper_id=values["newspaper_id"],
                        kind=values["kind"])
                reader_letters.move(db, user, record["id"], target)
            except AdvocacyError as exc:
                st.error(md(exc.message))
                return
            if kept is not None:
                kept.saved()
            st.session_state["innlegg_melding"] = texts.LETTER_MOVED.format(
                status=texts.DOCUMENT_STATUSES[target])
            st.rerun()


def send_form(db, user, record, papers) -> None:
    st.markdown(texts.LETTER_SEND_TITLE)
    waiting = letter_sending.open_submission(db, record["id"])
    if waiting:
        st.info(texts.LETTER_SENT_WAITING.format(
            paper=md(waiting['newspaper']), sent_on=texts.format_date(waiting['sent_on']),
            until=texts.format_date(waiting['exclusive_until'])))
    cols = st.columns(3)
    default = record["newspaper_id"] if record["newspaper_id"] in papers else None
    options = list(papers)
    paper_id = cols[0].selectbox(texts.LETTER_NEWSPAPER, options, key=_key("send_avis", record),
                                 index=options.index(default) if default in options else 0,
                                 format_func=lambda i: _paper_label(papers[i]), placeholder=texts.CHOOSE_ONE)
    sent_on = cols[1].date_input(texts.LETTER_SENT_ON, value=dt.date.today(), **dates.OPEN_RANGE, format="DD.MM.YYYY",
                                 key=_key("send_dato", record))
    problem = cols[1].empty()
    days = cols[2].number_input(texts.LETTER_EXCLUSIVE_DAYS, 1, 90,
                                value=newspapers.exclusive_days(papers.get(paper_id)),
                                key=_key("send_dager", record))
    paper = papers.get(paper_id)
    size = reader_letters.record_length(record, paper)
    if size.is_over:
        st.warning(texts.LETTER_OVER_WARNING.format(
            paper=md(paper["name"]), over=texts.format_number(size.over),
            limit=texts.format_number(size.limit)))
    if st.button(texts.LETTER_MARK_SENT, key=_key("send", record), type="primary"):
        try:
            letter_sending.check_send(db, user, record["id"], paper_id, sent_on=sent_on,
                                      exclusive_days=int(days))
        except AdvocacyError as exc:
            problem.error(md(exc.message))
            return
        confirm.ask(texts.LETTER_PAPER_SEND_CONFIRM.format(
            paper=paper["name"], date=texts.format_date(sent_on), days=int(days)),
            _key("send_bekreft", record), confirm_label=texts.LETTER_MARK_SENT,
            action=functools.partial(_send, db, user, record["id"], paper, sent_on, int(days)))


def _send(db, user, document_id, paper, sent_on, days) -> str:
    letter_sending.send(db, user, document_id, paper["id"], sent_on=sent_on,
                        exclusive_days=days)
    return texts.LETTER_SENT_OK.format(paper=paper["name"])


def answer_form(db, user, record) -> None:
    st.markdown(texts.LETTER_ANSWER_TITLE)
    options = [m for m in reader_letters.allowed_moves(user, record)
               if m in letter_sending.ANSWERS]
    answer = st.radio(texts.LETTER_ANSWER, options, key=_key("svar", record), horizontal=True,
                      format_func=texts.DOCUMENT_STATUSES.get)
    cols = st.columns([1, 2])
    on = cols[0].date_input(texts.LETTER_ANSWER_DATE, value=dt.date.today(), **dates.OPEN_RANGE, format="DD.MM.YYYY",
                            key=_key("svar_dato", record))
    problem = cols[0].empty()
    link = cols[1].text_input(texts.LETTER_ANSWER_LINK,
                              key=_key("svar_lenke", record), placeholder=texts.LINK_PLACEHOLDER)
    if st.button(texts.LETTER_RECORD_ANSWER, key=_key("svar_lagre", record)):
        link = link if answer == "publisert" else None
        try:
            letter_sending.check_answer(db, user, record["id"], answer, on=on, link=link)
        except AdvocacyError as exc:
            problem.error(md(exc.message))
            return
        status = texts.DOCUMENT_STATUSES[answer].lower()
        confirm.ask(texts.LETTER_ANSWER_CONFIRM.format(status=status, date=texts.format_date(on)),
                    _key("svar_bekreft", record), confirm_label=texts.LETTER_RECORD_ANSWER,
                    action=functools.partial(_answer, db, user, record, answer, on, link))


def _answer(db, user, record, answer, on, link) -> confirm.Done:
    letter_sending.record_answer(db, user, record["id"], answer, on=on, link=link)
    message = texts.LETTER_ANSWER_OK.format(status=texts.DOCUMENT_STATUSES[answer].lower())
    if record["status"] != "sendt":  # after «ingen svar» the earlier answer is overwritten
        return confirm.Done(message)
    return confirm.Done(message, undo=functools.partial(letter_sending.undo_answer, db, user,
                                                        record["id"]))


def downloads(db, user, record, values) -> None:
    st.markdown(texts.LETTER_DOWNLOAD_TITLE)
    fields = {**record["fields"], "tittel": values["title"], "tekst": values["text"],
              **values["signature"]}
    plain = reader_letters.plain_text(values["title"], values["text"],
                                      reader_letters.signature_line(values["signature"]))
    name = f"{dt.date.today().isoformat()}_{record['kind']}_{record['id']}"
    cols = st.columns([1, 1, 2])
    try:
        if record["has_copy"]:
            filename, data = document_records.document_copy(db, user, record["id"])
            cols[0].download_button(texts.LETTER_DOWNLOAD_SENT_DOCX, data=data,
                                    file_name=filename, mime=document_form.DOCX_MIME,
                                    key=_key("docx", record), icon=":material/download:")
        else:
            template = load_template(db, record["template"] or reader_letters.TEMPLATE)
            prepared = document_form.prepared(template)
            cols[0].download_button(
                texts.LETTER_DOWNLOAD_DOCX, data=functools.partial(prepared.render, fields),
                file_name=f"{name}.docx", mime=document_form.DOCX_MIME,
                key=_key("docx", record), icon=":material/download:", on_click="ignore")
    except AdvocacyError as exc:
        st.error(md(exc.message))
    cols[1].download_button(texts.LETTER_DOWNLOAD_TEXT, data=plain.encode("utf-8"),
                            file_name=f"{name}.txt", mime="text/plain; charset=utf-8",
                            key=_key("txt", record), icon=":material/description:",
                            on_click="ignore")
    with st.expander(texts.LETTER_EMAIL_TEXT):
        st.code(plain, language=None, wrap_lines=True)


def open_letter(document_id: int) -> None:
    """Choose this letter on the next run (the selectbox is already drawn on this one)."""
    st.session_state["innlegg_neste"] = document_id


def past(db, user, record) -> None:
    if record["status"] in reader_letters.SENT and st.button(
            texts.LETTER_NEW_VERSION, key=_key("versjon", record)):
        try:
            doc = reader_letters.new_version(db, user, record["id"])
        except AdvocacyError as exc:
            st.error(md(exc.message))
            return
        open_letter(doc)
        st.session_state["innlegg_melding"] = texts.LETTER_VERSION_OK
        st.rerun()
    with st.expander(texts.LETTER_HISTORY):
        table(reader_letters.submissions(db, user, record["id"]),
              texts.LETTER_SUBMISSION_COLUMNS,
              dates=["sent_on", "exclusive_until", "outcome_on"],
              labels={"outcome": texts.DOCUMENT_STATUSES}, key=_key("sendinger", record))
        steps = [{**row, "at": texts.format_datetime(row["at"])}
                 for row in reader_letters.history(db, user, record["id"])]
        table(steps,
              texts.LETTER_HISTORY_COLUMNS,
              labels={"from_status": texts.DOCUMENT_STATUSES,
                      "to_status": texts.DOCUMENT_STATUSES}, key=_key("historikk", record))
