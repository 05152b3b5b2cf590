"""Templates, document records, batches and the letter pages."""

# --- Documents ---
# Templates, document records, batches and the letter pages.
TEMPLATE_UNKNOWN = "Fant ingen mal som heter «{name}»."
TEMPLATE_NAME_REQUIRED = "Gi malen et navn."
TEMPLATE_NAME_TOO_LONG = "Navnet på malen kan ha høyst {n} tegn."
TEMPLATE_NAME_BUNDLED = "«{name}» er navnet på en mal som følger med. Velg et annet navn."
TEMPLATE_NAME_TAKEN = "Det finnes allerede en mal som heter «{name}». Velg et annet navn."
DOCUMENT_KIND_UNKNOWN = "Ukjent dokumenttype «{kind}»."
DOCUMENT_STATUS_UNKNOWN = "Ukjent status «{status}»."
DOCUMENT_NOT_FOUND = "Fant ikke dokument nr. {id}."
DOCUMENT_TITLE_REQUIRED = "Dokumentet må ha en tittel."
DOCUMENT_FROZEN = (
    "Dokumentet er {status} og kan ikke endres: det som gikk ut, er låst. "
    "Lag et nytt dokument hvis du vil skrive en ny versjon."
)
DOCUMENT_STATUS_NEEDS_SENT = "Dokumentet må være sendt før det kan få status «{status}»."
DOCUMENT_STATUS_USE_MARK = "Bruk «Marker som sendt» eller «Marker som vedtatt» for status «{status}»."
DOCUMENT_ADOPT_ONLY_STATEMENTS = "Bare uttalelser kan markeres som vedtatt."
DOCUMENT_NO_COPY = "Det finnes ingen lagret kopi av dette dokumentet (det er ikke sendt ennå)."
DOCUMENT_FIELDS_NOT_MAPPING = "Flettefeltene må være et oppslag fra feltnavn til verdi."
DOCUMENT_KIND_NOT_FOR_ROLE = "Skrivegruppen kan bare lage leserinnlegg og kronikker."
DOCUMENT_OTHER_CHAPTER = "Du kan bare lage dokumenter for ditt eget lokallag."
DOCUMENT_DATE_INVALID = "«{value}» er ikke en gyldig dato. Skriv for eksempel 12.03.2026."
PDF_NEEDS_LIBREOFFICE = "PDF krever LibreOffice på serveren, og det er ikke installert her."
RECIPIENTS_NONE = "Fant ingen mottakere for dette utvalget."
RECIPIENTS_COLUMN_MISSING = "Mottakerlisten mangler en kolonne for flettefeltet «{field}»."
RECIPIENTS_VALUE_EMPTY = "Flettefeltet «{field}» er tomt."
LETTERS_WRITTEN = "{n} brev er lagret i {path}."
LETTERS_REFUSED = "Ingen fil ble skrevet. Rett opp dette i mottakerlisten og prøv igjen:"
DOCUMENT_CHANGED_MEANWHILE = (
    "Dokumentet ble endret i mellomtiden (det er nå {status}). Last siden på nytt."
)
