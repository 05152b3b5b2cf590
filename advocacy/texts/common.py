"""The app's name, roles and page titles, login, start-up and account messages, and the
formatting of dates and numbers (Babel, `nb`)."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.numbers import format_decimal, format_percent

from advocacy.texts.formats import to_oslo

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
    "annet": "Annet brev",
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

EMPTY_TABLE = "Ingen rader å vise ennå."
AUDIT_TABLES = {  # the change log's table names, as the Administrasjon page shows them
    "users": "Brukere", "politicians": "Politikere", "stances": "Standpunkter",
    "meetings": "Møter", "positions": "Kommunevedtak", "documents": "Dokumenter",
    "statements": "Uttalelser", "newspapers": "Aviser", "arguments": "Argumentbank",
    "levers": "Saker",
}
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
    return _formatted_date(value, fmt)


@functools.lru_cache(maxsize=8192)
def _formatted_date(value: dt.date, fmt: str) -> str:
    # Babel takes ~15 µs a date; a list of 200 meetings or a month of 357 municipalities'
    # key dates formats the same few hundred dates on every rerun.
    return _babel_date(value, fmt, locale=LOCALE)


def format_short_date(value: dt.date | str | None) -> str:
    """A compact date for tables: "12.03.2026"."""
    return format_date(value, "dd.MM.y")


def format_datetime(value: dt.datetime | str | None) -> str:
    """Date and time for logs, in Norwegian time: "12. mars 2026 kl. 14:05"."""
    local = to_oslo(value)
    return "" if local is None else _babel_datetime(local, "d. MMMM y 'kl.' HH:mm", locale=LOCALE)


def format_minutes(n: int) -> str:
    """ "1 minutt", "5 minutter"."""
    return f"{n} minutt" if n == 1 else f"{n} minutter"


def format_number(value: float | int) -> str:
    """12 345,5 with a non-breaking space as thousands separator."""
    return format_decimal(value, locale=LOCALE)


def format_share(value: float) -> str:
    """A share (0.256) as "26 %"."""
    return format_percent(value, locale=LOCALE)


def format_time(value: dt.datetime | str | None) -> str:
    """Time of day for the calendar: "19:00". Empty for a date without a time."""
    if value is None or value == "" or (isinstance(value, str) and len(value) <= 10):
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.strftime("%H:%M")


def format_month(year: int, month: int) -> str:
    """ "september 2027"."""
    return _babel_date(dt.date(year, month, 1), "LLLL y", locale=LOCALE)


def municipality_name(navn: str, navn_norsk: str | None) -> str:
    """Both name forms where the official one is Sami: "Deatnu – Tana"."""
    return f"{navn} – {navn_norsk}" if navn_norsk else navn
