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

FIELD_COLUMNS = {"name": "Flettefelt", "description": "Beskrivelse", "is_list": "Liste",
                 "required": "Påkrevd", "sample": "Eksempel"}

st.title(texts.PAGE_TITLES["maler"])
st.subheader("Maler som følger med")
table(
    template_library.bundled_templates(),
    {"name": "Fil", "description": "Beskrivelse", "size_kb": "Størrelse (kB)"},
    key="bundled_templates",
)
st.markdown(
    "Flettefeltene skrives i Word som `{{ feltnavn }}`. Lister (som `krav`) fylles inn med "
    "`{%p for k in krav %}` … `{{ k }}` … `{%p endfor %}`, hver kode i sitt eget avsnitt. "
    "Valgfrie linjer omsluttes av `{%p if kopi %}` … `{%p endif %}`."
)
catalogue = template_library.field_catalogue()
for template in BUNDLED.values():
    with st.expander(f"Flettefelt i {md(template.path.name)} – {md(template.title)}"):
        table([row for row in catalogue if row["template"] == template.path.name],
              FIELD_COLUMNS, key=f"fields_{template.kind}")

st.subheader("Opplastede maler")
uploaded = template_library.uploaded_templates(db)
table(
    uploaded,
    {"name": "Navn", "kind": "Type", "filename": "Fil", "uploaded_by": "Lastet opp av",
     "uploaded_at": "Lastet opp"},
    dates=["uploaded_at"], labels={"kind": texts.DOCUMENT_KINDS},
    key="uploaded_templates",
)
edit_forms.template_edit(db, user, uploaded)
if permissions.allowed(user, "template.manage"):
    trash_view.choose_and_delete(db, user, "templates", {t["id"]: t["name"] for t in uploaded},
                                 "slett_mal", texts.TRASH_CHOOSE_TEMPLATE)


def upload_form() -> None:
    st.subheader("Last opp en ny mal")
    st.caption(
        "Filen sjekkes før noe annet leser den: bare vanlige Word-dokumenter (.docx) uten "
        "makroer, eksterne koblinger eller DDE-/INCLUDE-felt, høyst 10 MB. Deretter vises "
        "flettefeltene og en prøveutfylling med eksempelverdier."
    )
    upload = st.file_uploader("Word-mal (.docx)", key="mal_fil")
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
    st.success(f"{md(upload.name)} er godkjent. Flettefelt: "
               + (", ".join(code(f) for f in report.fields) or "ingen"))
    for warning in report.warnings:
        st.warning(md(warning))
    st.markdown("**Prøveutfylling med eksempelverdier**")
    with st.container(border=True):
        try:
            st.html(to_html(sample))
        except AdvocacyError as exc:
            st.error(md(exc.message))
    cols = st.columns(2)
    name = cols[0].text_input("Navn på malen", value=upload.name.rsplit(".", 1)[0],
                              key="mal_navn")
    kind = cols[1].selectbox("Dokumenttype", list(texts.DOCUMENT_KINDS),
                             format_func=texts.DOCUMENT_KINDS.get, key="mal_type",
                             index=list(texts.DOCUMENT_KINDS).index("annet"), placeholder=texts.CHOOSE_ONE)
    if st.button("Lagre malen", key="mal_lagre", type="primary"):
        try:
            template_library.save_uploaded(db, user, name, kind, upload.name, data)
        except AdvocacyError as exc:
            st.error(md(exc.message))
        else:
            st.success(f"Malen «{md(name.strip())}» er lagret og kan brukes under Brev og innlegg.")


if permissions.allowed(user, "template.manage"):
    upload_form()
else:
    st.caption("Bare ledelsen kan laste opp nye maler.")
