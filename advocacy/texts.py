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


def format_number(value: float | int) -> str:
    """12 345,5 with a non-breaking space as thousands separator."""
    return format_decimal(value, locale=LOCALE)


def format_share(value: float) -> str:
    """A share (0.256) as "26 %"."""
    return format_percent(value, locale=LOCALE)


def municipality_name(navn: str, navn_norsk: str | None) -> str:
    """Both name forms where the official one is Sami: "Deatnu – Tana"."""
    return f"{navn} – {navn_norsk}" if navn_norsk else navn


# --- Statements, campaigns and calendar ---

PAGE_TITLES["kalender"] = "Kalender"

STATEMENT_STATUS_ACTIONS = {
    "til_behandling": "Send til behandling",
    "utkast": "Tilbake til utkast",
    "vedtatt": "Registrer vedtak",
    "sendt": "Registrer utsending",
    "trukket": "Trekk uttalelsen",
}
STATEMENT_RECIPIENT_KINDS = {
    "politiker": "Politiker", "parti": "Parti", "avis": "Avis", "annet": "Annen mottaker",
}
STATEMENT_FIELDS = {
    "title": "Tittel",
    "adopted_by": "Vedtatt av (organ)",
    "meeting_date": "Møtedato",
    "place": "Sted",
    "position": "Standpunkt",
    "grounds": "Begrunnelse",
    "demands": "Krav",
    "demands_to": "Kravene rettes til",
    "reservations": "Forbehold",
    "contact": "Kontaktperson",
}
STATEMENT_TITLE_REQUIRED = "Uttalelsen må ha en tittel."
STATEMENT_FIELD_TOO_LONG = "Feltet «{field}» er for langt (høyst {n} tegn)."
STATEMENT_NOT_FOUND = "Fant ikke uttalelsen (nr. {id})."
STATEMENT_FROZEN = (
    "Uttalelsen «{title}» er vedtatt, og den vedtatte teksten kan ikke endres. "
    "Lag en ny versjon hvis teksten skal endres."
)
STATEMENT_BAD_TRANSITION = "En uttalelse med status «{current}» kan ikke få status «{target}»."
STATEMENT_ADOPT_NEEDS = "For å registrere vedtaket mangler: {missing}."
STATEMENT_ADOPT_FUTURE = "Vedtaksdatoen {date} er fram i tid."
STATEMENT_DATE_INVALID = "«{value}» i feltet «{field}» er ikke en gyldig dato (bruk åååå-mm-dd)."
STATEMENT_NO_RECIPIENTS = "Velg minst én mottaker."
STATEMENT_SEND_NOT_ADOPTED = "Bare en vedtatt uttalelse kan sendes (status nå: «{status}»)."
STATEMENT_SENT_BEFORE_ADOPTED = "Sendedatoen {date} er før vedtaksdatoen {adopted}."
STATEMENT_RESPONSE_NOT_SENT = "Svar kan bare registreres på en uttalelse som er sendt."
STATEMENT_RESPONSE_NEEDS = "Et svar må ha hvem som svarte, dato og et kort sammendrag."
STATEMENT_NEW_VERSION_ONLY_ADOPTED = "Bare en vedtatt eller sendt uttalelse kan få en ny versjon."
STATEMENT_HAS_NEWER_VERSION = "Uttalelsen har allerede en nyere versjon (versjon {version})."
STATEMENT_UNKNOWN_LEVER = "Ukjent virkemiddel «{value}»."
STATEMENT_UNKNOWN_MUNICIPALITY = "Ukjent kommunenummer «{value}»."
STATEMENT_UNKNOWN_RECIPIENT = "Ukjent mottaker «{value}»."
STATEMENT_RENDER_FAILED = "Uttalelsen kunne ikke fylles inn i Word-malen: {reason}"
STATEMENT_PROVENANCE_EMPTY = "(vedtaksorgan og dato er ikke fylt ut ennå)"
STATEMENT_DEFAULT_DEMANDS_TO = "kommunestyret"
STATEMENT_ADOPTED_DOC_STORED = "Den vedtatte uttalelsen er lagret som Word-fil."

CAMPAIGN_TITLE_REQUIRED = "Kampanjen må ha en tittel."
CAMPAIGN_NOT_FOUND = "Fant ikke kampanjen (nr. {id})."
CAMPAIGN_PERIOD_INVALID = "Kampanjen kan ikke slutte ({end}) før den starter ({start})."
CAMPAIGN_GOAL_INVALID = "Målet for {what} må være et helt tall større enn null."
CAMPAIGN_COUNT_INVALID = "Antall {what} må være et helt tall, null eller mer (fikk «{value}»)."
CAMPAIGN_COUNT_EMPTY = "Registrer minst én underskrift eller én frivillig."
CAMPAIGN_COUNT_DATE = "Datoen {date} er fram i tid: registrer tall når de er samlet inn."
CAMPAIGN_SIGNATURES = "underskrifter"
CAMPAIGN_VOLUNTEERS = "frivillige"

EVENT_KINDS = {
    "stand": "Stand",
    "debatt": "Debatt",
    "mote_med_politikere": "Møte med politikere",
    "seminar": "Seminar",
    "konferanse": "Konferanse",
    "fanemarkering": "Fanemarkering",
    "kampanjedag": "Kampanjedag",
}
KEY_DATE_KIND = "Politisk dato"
EVENT_TITLE_REQUIRED = "Aktiviteten må ha en tittel."
EVENT_KIND_UNKNOWN = "Ukjent type aktivitet «{kind}»."
EVENT_TIME_INVALID = "«{value}» er ikke et gyldig tidspunkt for {field}."
EVENT_ENDS_BEFORE_START = "Aktiviteten kan ikke slutte før den starter."
EVENT_CHAPTER_REQUIRED = "Velg hvilket lokallag aktiviteten hører til."
EVENT_NOT_FOUND = "Fant ikke aktiviteten (nr. {id})."
ACTION_PLAN_ADOPTED = "Handlingsplan vedtatt – {kommune}"
ACTION_PLAN_REVISION = "Handlingsplanen bør rulleres – {kommune}"
ACTION_PLAN_REVISION_NOTE = (
    "Alkoholpolitisk handlingsplan (alkoholloven § 1-7d) ble vedtatt {adopted}. "
    "Planen rulleres normalt hver kommunestyreperiode."
)
WEEKDAYS_SHORT = ("man", "tir", "ons", "tor", "fre", "lør", "søn")


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
STATEMENT_WITHDRAWN_FROZEN = "Uttalelsen «{title}» er trukket og kan ikke endres."
STATEMENT_FUTURE_DATE = "Datoen {date} i feltet «{field}» er fram i tid."
STATEMENT_DRAFT_PROVENANCE = "Utkast til {body}"
STATEMENT_DRAFT_ONLY = "Utkast"
CAMPAIGN_LINK_NOT_FOUND = "Fant ikke møtet eller brevet (nr. {id})."
STATEMENT_NO_DATE = "(dato ikke satt)"
