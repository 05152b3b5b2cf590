"""Masseutsending: one letter per recipient from one template, delivered as one .zip.

Not a page: the "Brev og innlegg" page draws it in its own tab. Recipients come from the
politician directory (every ordfører in a county, every politician met in a period) or from an
uploaded list; the fields every letter shares come from the sender and a form.
"""

from __future__ import annotations

import datetime as dt

import sqlite_utils
import streamlit as st

from advocacy import permissions, texts
from advocacy.accounts.accounts import User
from advocacy.documents import TemplateError, letter_filename, render_batch
from advocacy.errors import AdvocacyError
from advocacy.letters import document_context, document_records
from advocacy.letters.template_library import load_template
from advocacy.policy import municipalities
from advocacy.ui import dates, document_form
from advocacy.ui.safe_text import code, md

PREFIX = "masse"
ZIP_MIME = "application/zip"
SOURCES = texts.BATCH_SOURCES


def batch(db: sqlite_utils.Database, user: User, templates: list[dict], today: dt.date) -> None:
    by_name = {row["name"]: row for row in templates}
    name = st.selectbox(texts.BATCH_TEMPLATE, list(by_name), key="masse_mal",
                        format_func=lambda n: document_form.template_label(by_name[n]), placeholder=texts.CHOOSE_ONE)
    try:
        template = load_template(db, name)
        fields = document_form.prepared(template).fields
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    sources = [s for s in SOURCES if s != "motte" or permissions.allowed(user, "meeting.read")]
    source = st.radio(texts.BATCH_RECIPIENTS, sources, format_func=SOURCES.get, key="masse_kilde",
                      horizontal=True)
    base = document_context.sender_context(db, user, today)
    recipients = _recipients(db, user, source, template, fields, base, today)
    if recipients is None:
        return
    if not recipients:
        st.info(texts.RECIPIENTS_NONE)
        return
    st.caption(texts.BATCH_RECIPIENT_LIST.format(
        n=len(recipients),
        names="; ".join(md(r.label) if r.label
                        else texts.BATCH_RECIPIENT_ROW.format(n=texts.format_number(i))
                        for i, r in enumerate(recipients, start=2))))
    supplied = set.intersection(*(set(r.context) for r in recipients))
    common = [f for f in fields if f not in supplied]
    if common:
        st.markdown(texts.BATCH_COMMON_FIELDS)
        document_form.set_defaults(PREFIX, template.name, base)
        base = {**base, **document_form.field_form(PREFIX, template, common)}
    contexts, missing = document_context.complete_contexts(fields, base, recipients,
                                                           template.kind)
    if missing:
        st.warning(texts.BATCH_MISSING.format(names=", ".join(f"«{md(n)}»" for n in missing)))
    keep = st.checkbox(texts.BATCH_KEEP, key="masse_lagre")
    if st.button(texts.BATCH_MAKE, key="masse_lag", disabled=bool(missing), type="primary"):
        _make(db, user, template, contexts, recipients, keep)
    if st.session_state.get("masse_zip"):
        filename, data = st.session_state["masse_zip"]
        st.download_button(texts.LETTERS_ZIP_BUTTON, data=data, file_name=filename,
                           mime=ZIP_MIME, key="masse_last_ned", icon=":material/folder_zip:")


def _recipients(db, user, source, template, fields, base, today):
    if source == "ordforere":
        counties = {c["fylkesnummer"]: c["navn"] for c in municipalities.counties(db)}
        county = st.selectbox(texts.BATCH_COUNTY, list(counties), format_func=counties.get,
                              key="masse_fylke", placeholder=texts.CHOOSE_ONE)
        return document_context.ordforere_in_county(db, county)
    if source == "motte":
        cols = st.columns(2)
        start = cols[0].date_input(texts.BATCH_FROM, value=today - dt.timedelta(days=90),
                                   **dates.OPEN_RANGE, format="DD.MM.YYYY", key="masse_fra")
        end = cols[1].date_input(texts.BATCH_TO, value=today, **dates.OPEN_RANGE, format="DD.MM.YYYY", key="masse_til")
        try:
            return document_context.politicians_met(db, user, start, end)
        except AdvocacyError as exc:
            st.error(md(exc.message))
            return None
    upload = st.file_uploader(texts.BATCH_UPLOAD, type=["csv", "xlsx"], key="masse_fil",
                              help=texts.BATCH_UPLOAD_HELP)
    if upload is None:
        st.caption(texts.BATCH_TEMPLATE_FIELDS.format(
            fields=", ".join(code(f) for f in sorted(fields))))
        return None
    try:
        listed = document_context.recipients_from_file(
            upload.name, upload.getvalue(), fields, provided=set(base) | set(fields),
            kind=template.kind)
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return None
    if listed.problems:
        st.error(f"{md(upload.name)}: " + texts.LETTERS_REFUSED + "\n\n"
                 + "\n".join(f"- {md(p)}" for p in listed.problems[:30]))
        return None
    return listed.recipients


def _make(db, user, template, contexts, recipients, keep) -> None:
    bar = st.progress(0.0, text=texts.BATCH_MAKING)

    def progress(done: int, total: int) -> None:
        bar.progress(done / total, text=texts.BATCH_PROGRESS.format(
            done=texts.format_number(done), total=texts.format_number(total)))

    try:
        data = render_batch(document_form.prepared(template), contexts,
                            lambda c: letter_filename(template.kind, c), progress=progress)
        if keep:
            document_records.create_documents(
                db, user, kind=template.kind, template=template.name, contexts=contexts,
                links=[r.links for r in recipients])
    except TemplateError as exc:
        document_form.show_template_error(exc)
        return
    except AdvocacyError as exc:
        st.error(md(exc.message))
        return
    name = texts.BATCH_ZIP_NAME.format(date=dt.date.today().isoformat(), kind=template.kind,
                                       n=len(contexts))
    st.session_state["masse_zip"] = (name, data)
    st.success((texts.BATCH_READY_KEPT if keep else texts.BATCH_READY).format(n=len(contexts)))
