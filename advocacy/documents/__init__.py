"""The document engine: templates in, Word letters out. No database, no Streamlit.

One capability per module:
- guard      check_upload: refuse hostile or broken .docx files before any parser sees them
- guard_links   its checks of relationships, embedded elements and link targets (UNC, schemes)
- guard_fields  its checks of field codes (DDE, INCLUDE …, names built from QUOTE fields)
- render     PreparedTemplate, render, template_fields, missing_fields: the one rendering path
- compiled   CompiledTemplate and sample_report: a template compiled and filled in this process
             (what a worker runs; nothing in it calls a worker)
- worker     the bounded worker processes every compile, fill, check and preview runs in
             (to_html: a letter as safe HTML, converted by preview in a worker)
- limits     their time, memory and output limits, and the refusals
- worker_side  what runs inside a worker process: serve, the job loop and its limits
- sandbox    the Jinja environment every template runs in
- sandbox_caps    its caps on widths, lengths, counts and built strings, and their checks
- sandbox_static  its refusals of a parsed template before any fill (template_refusal …)
- plaindata  the merge context as plain, XML-safe data
- batch      render_batch: many letters into one .zip
- naming     safe, meaningful, unique file names
- check      check_template / check_template_cli: the full check of an uploaded template
- preview    html_here and sanitize: a letter as safe HTML for st.html (run in a worker)
- pdf        pdf_available / to_pdf through LibreOffice
- fields     the bundled templates and their field catalogue with sample values
- errors     TemplateError, SandboxViolation, MissingFields, UnsafeContext, UploadRefused, PdfError,
             TemplateLimitExceeded
"""

from advocacy.documents.batch import render_batch
from advocacy.documents.check import TemplateReport, check_template, check_template_cli
from advocacy.documents.errors import (
    MissingFields,
    PdfError,
    SandboxViolation,
    TemplateError,
    TemplateLimitExceeded,
    UnsafeContext,
    UploadRefused,
)
from advocacy.documents.fields import BUNDLED, BundledTemplate, Field
from advocacy.documents.guard import check_upload
from advocacy.documents.naming import UniqueNames, document_filename, letter_filename
from advocacy.documents.pdf import pdf_available, to_pdf
from advocacy.documents.render import PreparedTemplate, missing_fields, render, template_fields
from advocacy.documents.worker import to_html

__all__ = [
    "BUNDLED",
    "BundledTemplate",
    "Field",
    "MissingFields",
    "PdfError",
    "PreparedTemplate",
    "SandboxViolation",
    "TemplateError",
    "TemplateLimitExceeded",
    "TemplateReport",
    "UniqueNames",
    "UnsafeContext",
    "UploadRefused",
    "check_template",
    "check_template_cli",
    "check_upload",
    "document_filename",
    "letter_filename",
    "missing_fields",
    "pdf_available",
    "render",
    "render_batch",
    "template_fields",
    "to_html",
    "to_pdf",
]
