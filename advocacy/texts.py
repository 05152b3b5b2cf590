"""Norwegian (bokmål) labels, messages and the formatting of dates and numbers.

Every string a user sees comes from here, so the wording stays consistent and could be
translated. Dates and numbers go through Babel with the `nb` locale.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.numbers import format_decimal, format_percent

LOCALE = "nb"

APP_NAME = "Påvirk"
APP_TAGLINE = "Alkoholpolitikk, politikerkontakt og brevskriving for lokallag"

ROLE_LABELS = {
    "leder": "Ledelse",
    "lokallag": "Lokallag",
    "skrivegruppe": "Skrivegruppe",
}

PAGE_TITLES = {
    "oversikt": "Oversikt",
    "kommuner": "Kommuner",
    "politikere": "Politikere",
    "moter": "Møter",
    "brev": "Brev og innlegg",
    "uttalelser": "Uttalelser",
    "maler": "Maler",
    "administrasjon": "Administrasjon",
    "logg_inn": "Logg inn",
}

DOCUMENT_KINDS = {
    "oppfolgingsbrev": "Oppfølgingsbrev",
    "leserinnlegg": "Leserinnlegg",
    "kronikk": "Kronikk",
    "uttalelse": "Uttalelse",
    "annet": "Annet",
}

DOCUMENT_STATUSES = {
    "ide": "Idé",
    "utkast": "Utkast",
    "til_vurdering": "Til vurdering",
    "godkjent": "Godkjent",
    "sendt": "Sendt",
    "publisert": "Publisert",
    "refusert": "Refusert",
    "ingen_svar": "Ingen svar",
    "vedtatt": "Vedtatt",
}

MEETING_KINDS = {
    "mote": "Møte",
    "telefon": "Telefon",
    "epost": "E-post",
    "debatt": "Debatt",
    "stand": "Stand",
    "konferanse": "Konferanse",
}

POLITICIAN_ROLES = {
    "ordforer": "ordfører",
    "varaordforer": "varaordfører",
    "gruppeleder": "gruppeleder",
    "formannskapsmedlem": "formannskapsmedlem",
    "kommunestyremedlem": "kommunestyremedlem",
    "utvalgsleder": "utvalgsleder",
    "annet": "annet",
}

STATEMENT_STATUSES = {
    "utkast": "Utkast",
    "til_behandling": "Til behandling",
    "vedtatt": "Vedtatt",
    "sendt": "Sendt",
    "trukket": "Trukket",
}

STANCES = {
    "klart_for": "klart for",
    "for": "for",
    "usikker": "usikker",
    "mot": "mot",
    "klart_mot": "klart mot",
    "ukjent": "ukjent",
}

# Login and accounts
LOGIN_HEADING = "Logg inn"
LOGIN_USERNAME = "Brukernavn"
LOGIN_PASSWORD = "Passord"
LOGIN_BUTTON = "Logg inn"
LOGIN_FAILED = "Feil brukernavn eller passord."
LOGOUT_BUTTON = "Logg ut"
LOGIN_LOCKED = (
    "For mange mislykkede innlogginger med dette brukernavnet. Prøv igjen om {wait}, "
    "eller be ledelsen om å sette et nytt passord."
)
SESSION_EXPIRED = "Du ble logget ut etter {minutes} minutter uten aktivitet. Logg inn igjen."
LOGIN_NO_USERS = (
    "Det finnes ingen brukere ennå. Opprett den første lederkontoen på serveren med "
    "`python -m advocacy create-user BRUKERNAVN --role leder`."
)
DEMO_BANNER = (
    "**Demomodus.** Databasen inneholder oppdiktede demodata. Logg inn med en av "
    "demokontoene nedenfor (passord: `{password}`)."
)
DEMO_DATA_MARK = "Demodata – oppdiktede navn og hendelser"
LOGGED_IN_AS = "Innlogget som **{name}** ({role})"

# Database and start-up problems
DB_DIR_MISSING = "Mappen for databasen finnes ikke: {path}"
DB_FILE_MISSING = "Databasefilen finnes ikke: {path}. Opprett den med `python -m advocacy init-db`."
DB_NOT_SQLITE = "Filen {path} er ikke en SQLite-database, eller den er skadet."
DB_UNREADABLE = "Databasefilen {path} kan ikke leses eller skrives: {reason}"
DB_NEWER_SCHEMA = (
    "Databasen {path} er laget av en nyere versjon av Påvirk (ukjente endringer: {names}). "
    "Oppgrader programmet før du åpner den."
)
STARTUP_FAILED = "Påvirk kunne ikke starte."

# Account validation
UNKNOWN_ROLE = "Ukjent rolle «{role}». Gyldige roller er: leder, lokallag, skrivegruppe."
USERNAME_INVALID = (
    "Brukernavnet må være 2–40 tegn og bare inneholde små bokstaver, tall, punktum, "
    "bindestrek eller understrek."
)
USERNAME_TAKEN = "Brukernavnet «{username}» er allerede i bruk."
PASSWORD_TOO_SHORT = "Passordet må ha minst {n} tegn."
CHAPTER_REQUIRED = "En bruker med rollen lokallag må høre til et lokallag (--chapter)."
CHAPTER_UNKNOWN = "Lokallaget «{name}» finnes ikke."
NOT_ALLOWED = "Du har ikke tilgang til dette."
USER_UNKNOWN = "Brukeren finnes ikke."
FULL_NAME_REQUIRED = "Fullt navn må fylles ut."
CANNOT_DEMOTE_SELF = "Du kan ikke fjerne din egen lederrolle. Be en annen leder gjøre det."
CANNOT_DEACTIVATE_SELF = "Du kan ikke deaktivere din egen konto."
CHAPTER_FIELDS_REQUIRED = "Lokallaget må ha både navn og organisasjon."
CHAPTER_TAKEN = "Lokallaget «{name}» finnes allerede."
MUNICIPALITY_UNKNOWN = "Ukjent kommune: «{value}». Bruk kommunenummer med fire siffer (2024)."

EMPTY_TABLE = "Ingen rader å vise ennå."
SEARCH_LABEL = "Søk"
COUNTY_FILTER = "Fylke"
ALL_COUNTIES = "Alle fylker"


def format_date(value: dt.date | str | None, fmt: str = "d. MMMM y") -> str:
    """A date as Norwegians write it in letters: "12. mars 2026". Empty for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        value = value.date()
    return _babel_date(value, fmt, locale=LOCALE)


def format_short_date(value: dt.date | str | None) -> str:
    """A compact date for tables: "12.03.2026"."""
    return format_date(value, "dd.MM.y")


def format_datetime(value: dt.datetime | str | None) -> str:
    """Date and time for logs: "12. mars 2026 kl. 14:05"."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return _babel_datetime(value, "d. MMMM y 'kl.' HH:mm", locale=LOCALE)


def format_minutes(n: int) -> str:
    """ "1 minutt", "5 minutter"."""
    return f"{n} minutt" if n == 1 else f"{n} minutter"


def format_number(value: float | int) -> str:
    """12 345,5 with a non-breaking space as thousands separator."""
    return format_decimal(value, locale=LOCALE)


def format_share(value: float) -> str:
    """A share (0.256) as "26 %"."""
    return format_percent(value, locale=LOCALE)


def municipality_name(navn: str, navn_norsk: str | None) -> str:
    """Both name forms where the official one is Sami: "Deatnu – Tana"."""
    return f"{navn} – {navn_norsk}" if navn_norsk else navn


# --- Documents ---
# Templates, document records, batches and the letter pages (issue 3).
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
DOCUMENT_ALREADY_FINAL = "Dokumentet er allerede {status}."
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
