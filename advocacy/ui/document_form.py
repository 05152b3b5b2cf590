"""Widgets the letter pages share: the merge-field form, the preview and the downloads.

Not a page. Prepared templates are cached process-wide by name and checksum (parsing and
compiling a template is most of the cost of a letter, and the preview re-renders on every
change); the checksum makes a re-uploaded template under the same name a new cache entry.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import streamlit as st

from advocacy import drafts, texts
from advocacy.documents import PreparedTemplate, TemplateError, pdf_available, to_html, to_pdf
from advocacy.documents.fields import BUNDLED, field_label
from advocacy.letters.template_library import TemplateFile, field_info, is_date_field
from advocacy.ui import context, dates, draft_keeper
from advocacy.ui.safe_text import code, md

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LONG_TEXT = {"droftet", "avtalt", "neste_steg", "tekst", "begrunnelse", "standpunkt",
             "forbehold", "deltakere"}


@st.cache_resource(show_spinner=False, max_entries=32)
def _prepared(name: str, sha256: str, filename: str, _data: bytes) -> PreparedTemplate:
    return PreparedTemplate(_data, filename=filename)


def prepared(template: TemplateFile) -> PreparedTemplate:
    return _prepared(template.name, template.sha256, template.filename, template.data)


def ordered_fields(template: TemplateFile, fields: Iterable[str]) -> list[str]:
    """The catalogue's order for a bundled template (sender, recipient, content), else sorted."""
    fields = set(fields)
    order = [f.name for f in BUNDLED[template.kind].fields] if template.bundled else []
    return [n for n in order if n in fields] + sorted(fields - set(order))


def template_label(row: Mapping[str, Any]) -> str:
    if row["bundled"]:
        return row["title"]
    return texts.TEMPLATE_UPLOADED_LABEL.format(title=row['title'])


def field_key(prefix: str, template: str, name: str) -> str:
    return f"{prefix}_{template}_{name}"


def set_defaults(prefix: str, template: str, values: Mapping[str, Any], *,
                 drafted: bool = False) -> None:
    """Start values for the form, without overwriting what the user typed (nor, with
    `drafted`, the user's unsaved draft of this form)."""
    kept = _drafted(prefix, template) if drafted else {}
    for name, value in values.items():
        key = field_key(prefix, template, name)
        if key not in st.session_state:
            st.session_state[key] = widget_value(name, kept.get(name, value))


def draft_key(prefix: str, template: str) -> str:
    """The record key of a form's draft: one per user, form and template."""
    return "dokument:" + re.sub(r"[^A-Za-z0-9_.-]", "_", f"{prefix}-{template}")[:80]


def _drafted(prefix: str, template: str) -> dict[str, Any]:
    return drafts.restore(context.db(), context.user(), draft_key(prefix, template)) or {}


def _keeper(prefix: str, template: str, names: Iterable[str] = ()) -> draft_keeper.Keeper:
    return draft_keeper.Keeper(context.db(), context.user(), draft_key(prefix, template),
                               {n: field_key(prefix, template, n) for n in names})


def saved(prefix: str, template: str) -> None:
    """The form's values were saved as a document: drop the unsaved copy and its notice."""
    _keeper(prefix, template).saved()


def fill(prefix: str, template: str, values: Mapping[str, Any]) -> None:
    """Put values into the form (a callback: runs before the widgets are drawn)."""
    for name, value in values.items():
        st.session_state[field_key(prefix, template, name)] = widget_value(name, value)


def widget_value(name: str, value: Any) -> Any:
    if is_date_field(name):
        return value if isinstance(value, dt.date) else dt.date.today()
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


def field_form(
    prefix: str, template: TemplateFile, fields: Iterable[str], *, columns: int = 2,
    drafted: bool = False,
) -> dict[str, Any]:
    """One input per merge field; returns the values (lists as lists, dates as dates). With
    `drafted`, what is typed is kept as the user's draft of the form (draft_keeper)."""
    values: dict[str, Any] = {}
    names = ordered_fields(template, fields)
    watch = {}
    if drafted:
        kept = _keeper(prefix, template.name, names)
        kept.seed({n: widget_value(n, None) for n in names})
        kept.notice()
        watch = kept.watch
    short = [n for n in names if n not in LONG_TEXT and not field_info(n, template.kind).is_list]
    long = [n for n in names if n not in short]
    grid = st.columns(columns)
    for i, name in enumerate(short):
        with grid[i % columns]:
            values[name] = _input(prefix, template, name, watch)
    for name in long:
        values[name] = _input(prefix, template, name, watch)
    return values


def _input(prefix: str, template: TemplateFile, name: str, watch: dict) -> Any:
    info = field_info(name, template.kind)
    key = field_key(prefix, template.name, name)
    described = md(info.description or field_label(name))
    listed = (texts.FIELD_LIST.format(label=described)
              if info.is_list and not is_date_field(name) else described)
    label = listed if info.required else texts.FIELD_OPTIONAL.format(label=listed)
    help_text = texts.FIELD_MERGE_HELP.format(field=code('{{ ' + name + ' }}'))
    if is_date_field(name):
        return st.date_input(label, key=key, format="DD.MM.YYYY", help=help_text,
                             **dates.OPEN_RANGE, **watch)
    if info.is_list:
        text = st.text_area(label, key=key, help=help_text,
                            **watch)
        return [line.strip() for line in (text or "").splitlines() if line.strip()]
    if name in LONG_TEXT:
        return st.text_area(label, key=key, help=help_text, height=120, **watch)
    return st.text_input(label, key=key, help=help_text, **watch)


def empty_required(template: TemplateFile, values: Mapping[str, Any]) -> list[str]:
    """Required fields with no value yet, via the engine's missing-field check."""
    filled = {k: v for k, v in values.items() if v not in (None, "", [])}
    missing = prepared(template).missing_fields(filled)
    return [name for name in missing if field_info(name, template.kind).required]


def show_fields_status(template: TemplateFile, values: Mapping[str, Any]) -> list[str]:
    names = ordered_fields(template, prepared(template).fields)
    st.caption(texts.TEMPLATE_FIELDS.format(fields=", ".join(code(n) for n in names)))
    missing = empty_required(template, values)
    if missing:
        st.warning(texts.MISSING_VALUES.format(names=", ".join(
            f"«{md(field_info(n, template.kind).description or field_label(n))}»"
            for n in missing)))
    return missing


def show_template_error(exc: TemplateError) -> None:
    """A Jinja problem as the message plus the offending text, never a traceback."""
    st.error(md(exc.message))
    if exc.excerpt:
        st.code(exc.excerpt, language=None)


@st.cache_data(show_spinner=False, max_entries=64)
def _rendered(name: str, sha256: str, values: dict[str, Any], _template: TemplateFile
              ) -> tuple[bytes, str]:
    """The .docx and its preview HTML for these exact values. Every click on the page reruns
    it, but the letter only changes when a field does: rendering and converting it to HTML is
    most of the page's time, so it is done once per version of the fields."""
    data = prepared(_template).render(values)
    return data, to_html(data)


def preview_html(template: TemplateFile, values: Mapping[str, Any]) -> str:
    """The letter as sanitised HTML (documents.to_html), from the cache when unchanged."""
    return _rendered(template.name, template.sha256, dict(values), template)[1]


def render_preview(template: TemplateFile, values: Mapping[str, Any]) -> bytes | None:
    """Render and show the letter as it will look; None (and a message) if it cannot."""
    try:
        data = _rendered(template.name, template.sha256, dict(values), template)[0]
    except TemplateError as exc:
        show_template_error(exc)
        return None
    with st.container(border=True):
        st.html(preview_html(template, values))
    return data


def downloads(data: bytes, filename: str, key: str) -> None:
    """The .docx, and a PDF where LibreOffice is installed (else a quiet note)."""
    cols = st.columns([1, 1, 2])
    cols[0].download_button(
        texts.DOWNLOAD_DOCX, data=data, file_name=filename, mime=DOCX_MIME, key=f"{key}_docx",
        icon=":material/download:", type="primary",
    )
    if pdf_available():
        cols[1].download_button(
            texts.DOWNLOAD_PDF, data=functools.partial(to_pdf, data),
            file_name=filename.rsplit(".", 1)[0] + ".pdf", mime="application/pdf",
            key=f"{key}_pdf", icon=":material/picture_as_pdf:",
        )
    else:
        cols[1].caption(texts.PDF_NEEDS_LIBREOFFICE)
