"""Maler: the document templates and their merge fields; leadership uploads new ones."""

import streamlit as st

from advocacy import permissions, texts
from advocacy.documents import BUNDLED, TemplateError, to_html
from advocacy.errors import AdvocacyError
from advocacy.letters import template_library
from advocacy.ui import context, edit_forms, trash_view
from advocacy.ui.safe_text import code, md
from advocacy.ui.widgets import table

user = context.require_page("maler")
db = context.db()

FIELD_COLUMNS = {
    "name": texts.MALER_COL_FIELD,
    "description": texts.MALER_COL_DESCRIPTION,
    "is_list": texts.MALER_COL_IS_LIST,
    "required": texts.MALER_COL_REQUIRED,
    "sample": texts.MALER_COL_SAMPLE,
}

st.title(texts.PAGE_TITLES["maler"])
st.subheader(texts.MALER_BUNDLED)
table(
    template_library.bundled_templates(),
    {
        "name": texts.MALER_COL_FILE,
        "description": texts.MALER_COL_DESCRIPTION,
        "size_kb": texts.MALER_COL_SIZE,
    },
    key="bundled_templates",
)
st.markdown(texts.MALER_FIELDS_HOWTO)
catalogue = template_library.field_catalogue()
for template in BUNDLED.values():
    with st.expander(texts.MALER_FIELDS_IN.format(file=md(template.path.name), title=md(template.title))):
        table([row for row in catalogue if row["template"] == template.path.name],
              FIELD_COLUMNS, key=f"fields_{template.kind}")

st.subheader(texts.MALER_UPLOADED)
uploaded = template_library.uploaded_templates(db)
table(
    uploaded,
    {
        "name": texts.MALER_COL_NAME,
        "kind": texts.MALER_COL_KIND,
        "filename": texts.MALER_COL_FILE,
        "uploaded_by": texts.MALER_COL_UPLOADED_BY,
        "uploaded_at": texts.MALER_COL_UPLOADED_AT,
    },
    dates=["uploaded_at"],
    labels={"kind": texts.DOCUMENT_KINDS},
    key="uploaded_templates",
)
edit_forms.template_edit(db, user, uploaded)
if permissions.allowed(user, "template.manage"):
    trash_view.choose_and_delete(db, user, "templates", {t["id"]: t["name"] for t in uploaded},
                                 "slett_mal", texts.TRASH_CHOOSE_TEMPLATE)


def upload_form() -> None:
    st.subheader(texts.MALER_UPLOAD_HEADING)
    st.caption(texts.MALER_UPLOAD_HELP)
    upload = st.file_uploader(texts.MALER_UPLOAD_FILE, key="mal_fil")
    if upload is None:
        return
    data = upload.getvalue()
    try:
        report = template_library.check_upload(upload.name, data)
        sample = template_library.sample_fill(upload.name, data)
    except TemplateError as exc:
        st.error(f"{md(upload.name)}: {md(exc.message)}")
        if exc.excerpt:
            st.code(exc.excerpt, language=None)
        return
    except AdvocacyError as exc:
        st.error(f"{md(upload.name)}: {md(exc.message)}")
        return
    st.success(texts.MALER_APPROVED.format(
        file=md(upload.name),
        fields=", ".join(code(f) for f in report.fields) or texts.MALER_NO_FIELDS))
    for warning in report.warnings:
        st.warning(md(warning))
    st.markdown(texts.MALER_SAMPLE_FILL)
    with st.container(border=True):
        try:
            st.html(to_html(sample))
        except AdvocacyError as exc:
            st.error(md(exc.message))
    cols = st.columns(2)
    name = cols[0].text_input(texts.MALER_NAME, value=upload.name.rsplit(".", 1)[0],
                              key="mal_navn")
    kind = cols[1].selectbox(texts.MALER_KIND, list(texts.DOCUMENT_KINDS),
                             format_func=texts.DOCUMENT_KINDS.get, key="mal_type",
                             index=list(texts.DOCUMENT_KINDS).index("annet"), placeholder=texts.CHOOSE_ONE)
    if st.button(texts.MALER_SAVE, key="mal_lagre", type="primary"):
        try:
            template_library.save_uploaded(db, user, name, kind, upload.name, data)
        except AdvocacyError as exc:
            st.error(md(exc.message))
        else:
            st.success(texts.MALER_SAVED.format(name=md(name.strip())))


if permissions.allowed(user, "template.manage"):
    upload_form()
else:
    st.caption(texts.MALER_LEADERS_ONLY)
