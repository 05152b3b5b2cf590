"""The parts of the Brev og innlegg page that make letters from templates: the mass mailing
(ui/letter_batch.py), the document form and the follow-up letters."""

# --- Masseutsending (ui/letter_batch.py) ---

BATCH_SOURCES = {
    "ordforere": "Alle ordførere i et fylke",
    "motte": "Politikere vi har møtt i en periode",
    "fil": "Mottakerliste fra fil (CSV eller Excel)",
}
BATCH_TEMPLATE = "Mal"
BATCH_RECIPIENTS = "Mottakere"
BATCH_RECIPIENT_LIST = "{n} mottakere: {names}"
BATCH_RECIPIENT_ROW = "rad {n}"
BATCH_COMMON_FIELDS = "**Felles for alle brevene**"
BATCH_MISSING = "Mangler verdi: {names}"
BATCH_KEEP = "Lagre hvert brev som utkast i dokumentlisten"
BATCH_MAKE = "Lag brevene (.zip)"
BATCH_COUNTY = "Fylke"
BATCH_FROM = "Fra"
BATCH_TO = "Til"
BATCH_UPLOAD = "Mottakerliste"
BATCH_UPLOAD_HELP = (
    "Første rad er kolonnenavn; én rad per brev. Kolonnene "
    "kobles til flettefeltene etter navn (navn, rolle, kommune …)."
)
BATCH_TEMPLATE_FIELDS = "Kolonner malen kan bruke: {fields}"
BATCH_MAKING = "Lager brevene …"
BATCH_PROGRESS = "{done} av {total} brev"
BATCH_ZIP_NAME = "{date}_{kind}_{n}-brev.zip"
BATCH_READY = "{n} brev er klare."
BATCH_READY_KEPT = "{n} brev er klare. De er lagret som utkast."

# --- The merge-field form, preview and downloads (ui/document_form.py) ---

TEMPLATE_UPLOADED_LABEL = "{title} (opplastet)"
FIELD_OPTIONAL = "{label} (valgfritt)"
FIELD_LIST = "{label} – ett punkt per linje"
FIELD_MERGE_HELP = "Flettefelt: {field}"
TEMPLATE_FIELDS = "Flettefelt i malen: {fields}"
DOWNLOAD_DOCX = "Last ned .docx"
DOWNLOAD_PDF = "Last ned PDF"

# --- The letter's live count (ui/live_count.py; the browser's script says the same) ---

LIVE_COUNT_OF = " av {limit}"
LIVE_COUNT_REST = " tegn inkl. mellomrom · {words} ord"
LIVE_COUNT_OVER = " – {over} tegn for mye"
LIVE_COUNT_TYPING = " (teller mens du skriver)"
