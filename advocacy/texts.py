"""Norwegian (bokmål) labels, messages and the formatting of dates and numbers.

Every string a user sees comes from here, so the wording stays consistent and could be
translated. Dates and numbers go through Babel with the `nb` locale.
"""

from __future__ import annotations

import datetime as dt
import functools

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

EMPTY_TABLE = "Ingen rader å vise ennå."
AUDIT_TABLES = {  # the change log's table names, as the Administrasjon page shows them
    "users": "Brukere", "politicians": "Politikere", "stances": "Standpunkter",
    "meetings": "Møter", "positions": "Kommunevedtak", "documents": "Dokumenter",
    "statements": "Uttalelser", "newspapers": "Aviser", "arguments": "Argumentbank",
    "levers": "Virkemidler",
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

# --- Politicians and meetings ---

MUNICIPALITY_REQUIRED = "Kommune mangler."
MUNICIPALITY_UNKNOWN = "Fant ingen kommune med nummer eller navn «{value}»."
MUNICIPALITY_AMBIGUOUS = (
    "Kommunenavnet «{value}» passer på flere kommuner ({names}). Bruk kommunenummeret."
)
MUNICIPALITY_OLD_REFUSED = (
    "Kommunenummer {old} ({name}) er et gammelt nummer som ikke kan oversettes sikkert: {note}. "
    "Bruk det nye kommunenummeret."
)
MUNICIPALITY_OLD_MAPPED = "Gammelt kommunenummer {old} ({name}) er gjort om til {new} {new_name}."

POLITICIAN_NAME_REQUIRED = "Navn mangler."
POLITICIAN_NAME_TOO_LONG = "Navnet er lengre enn {n} tegn."
POLITICIAN_ROLE_UNKNOWN = (
    "Ukjent rolle «{value}». Bruk en av: ordfører, varaordfører, gruppeleder, "
    "formannskapsmedlem, kommunestyremedlem, utvalgsleder eller annet."
)
POLITICIAN_EMAIL_INVALID = "E-postadressen «{value}» ser ikke riktig ut."
POLITICIAN_PHONE_INVALID = "Telefonnummeret «{value}» kan bare inneholde tall, mellomrom, + og -."
POLITICIAN_TEXT_TOO_LONG = "Teksten i «{field}» er lengre enn {n} tegn."
POLITICIAN_DUPLICATE = "{name} i {kommune} finnes allerede i registeret."
POLITICIAN_NOT_FOUND = "Fant ikke politikeren."
POLITICIAN_FIELD_LABELS = {
    "name": "navn", "party": "parti", "kommune": "kommune", "role": "rolle",
    "committee": "utvalg", "term": "periode", "email": "e-post", "phone": "telefon",
    "notes": "notater",
}
NOT_EDITOR = "Bare ledelsen og lokallag kan endre politikerregisteret."

STANCE_UNKNOWN = "Ukjent standpunkt «{value}»."
STANCE_SUBJECT_REQUIRED = "Velg en sak eller skriv et tema for standpunktet."
STANCE_LEVER_UNKNOWN = "Ukjent sak «{value}»."
STANCE_DATE_REQUIRED = "Dato for standpunktet mangler."
STANCE_DATE_FUTURE = "Datoen for standpunktet kan ikke være i framtiden."
STANCE_SOURCE_REQUIRED = "Kilde mangler: skriv hvor standpunktet kommer fra (møte, avis, lenke …)."

IMPORT_COLUMN_MISSING = "Ingen kolonne er valgt for «{field}»."
IMPORT_DUPLICATE_IN_FILE = "Samme navn og kommune som rad {row}; radene slås sammen."
IMPORT_MATCHES_EXISTING = "Finnes fra før; oppdateres."
IMPORT_REJECTED = "Importen ble avvist fordi {n} av radene har feil. Ingenting ble lagret."
IMPORT_NOTHING = "Filen har ingen rader med data."

MEETING_DATE_REQUIRED = "Møtedato mangler."
MEETING_DATE_FUTURE = (
    "Møtedatoen {date} er i framtiden. Logg møtet når det er holdt."
)
MEETING_KIND_UNKNOWN = "Ukjent type kontakt «{value}»."
MEETING_SUMMARY_REQUIRED = "Skriv et kort sammendrag av møtet."
MEETING_POLITICIANS_REQUIRED = "Velg minst én politiker som var til stede."
MEETING_POLITICIAN_WRONG_MUNICIPALITY = (
    "{name} er politiker i {their}, ikke i {kommune}. Velg politikere fra kommunen møtet gjaldt."
)
MEETING_FOLLOWUP_BEFORE = (
    "Oppfølgingsfristen ({due}) kan ikke være før møtet ({held})."
)
MEETING_OWNER_UNKNOWN = "Den valgte ansvarlige for oppfølgingen finnes ikke."
MEETING_OWNER_OTHER_CHAPTER = "{name} hører ikke til {chapter} og kan ikke få ansvaret."
MEETING_CHAPTER_FORBIDDEN = "Du kan bare registrere og endre møter for ditt eget lokallag."
MEETING_NOT_FOUND = "Fant ikke møtet."
MEETING_DONE_BEFORE = "Oppfølgingen kan ikke være gjort ({done}) før møtet ({held})."
MEETING_DONE_FUTURE = "Datoen {date} er i framtiden."
MEETING_REPLY_BEFORE = "Svaret ({date}) kan ikke ha kommet før møtet ({held})."
NO_REPLY_DAYS = 14
NO_REPLY_BADGE = "Ingen svar etter 14 dager"
FOLLOWUP_STATUS = {"forfalt": "Forfalt", "snart": "Forfaller snart", "senere": "Senere",
                   "gjort": "Fulgt opp"}

LETTER_NOT_FOUND = "Fant ikke brevet."
LETTER_NO_RECIPIENT = "Møtet har ingen politikere å skrive til."
LETTER_RECIPIENT_NOT_PRESENT = "Mottakeren var ikke til stede på møtet."
LETTER_ALREADY_SENT = "Brevet er allerede sendt og kan ikke endres."
LETTER_FIELD_UNKNOWN = "Ukjent flettefelt «{field}»."
LETTER_SENT_BEFORE_MEETING = "Brevet kan ikke være sendt ({date}) før møtet ({held})."
LETTER_FIELD_TYPE = "Feltet «{field}» har feil type."

SEARCH_PLACEHOLDER = "Søk i møter, politikere og brev"
SEARCH_NO_HITS = "Ingen treff på «{query}»."
SEARCH_KINDS = {"meeting": "Møte", "politician": "Politiker", "document": "Brev"}

# --- Policy profiles and overview ---

STATUS_LABELS = {
    "oppfyller": "oppfyller målet",
    "delvis": "delvis",
    "langt_unna": "langt unna",
    "ukjent": "ukjent",
    "ingen_mal": "ingen mål satt",
}
STATUS_OVER_LIMIT = "over lovens grense"
STATUS_RULE_HELP = (
    "**Slik regnes status ut.** Kommunens siste vedtak sammenlignes med organisasjonens mål og "
    "lovens grense. *Oppfyller målet*: verdien er innenfor målet (f.eks. skjenkeslutt senest "
    "02:00). *Delvis*: målet er ikke nådd, men verdien er nær – høyst halvveis fra målet mot "
    "lovens grense, eller innenfor 60 minutter, 3 år (årstall), 4 år (datoer) eller halve målet "
    "(antall) der loven ikke setter en grense. Ja/nei-spørsmål har ingen «delvis». *Langt "
    "unna*: alt annet. *Ukjent*: ingen vedtak registrert. *Over lovens grense* vises i tillegg "
    "når verdien bryter loven (for kontroller: under lovens minstekrav). Klokkeslett før 06:00 "
    "regnes som etter midnatt: 02:00 er senere enn 24:00 og 01:00. Har kommunen ikke eget vedtak "
    "for helg, gjelder hverdagsvedtaket også i helgene."
)
INHERITED_FROM_WEEKDAY = "samme som hverdager"

VALUE_INVALID = {
    "closing_time": "«{value}» er ikke et klokkeslett. Skriv f.eks. 02:00 eller 24:00.",
    "boolean": "«{value}» er ikke ja eller nei.",
    "count": "«{value}» er ikke et tall (0 eller mer).",
    "date": "«{value}» er ikke en dato. Skriv f.eks. 12.03.2026 eller 2026-03-12.",
    "year": "«{value}» er ikke et årstall.",
    "text": "Verdien kan ikke være tom.",
}
VALUE_HINTS = {
    "closing_time": "Klokkeslett, f.eks. 02:00 (før 06:00 betyr etter midnatt)",
    "boolean": "ja eller nei",
    "count": "Tall",
    "date": "Dato, f.eks. 12.03.2026",
    "year": "Årstall, f.eks. 2024",
    "text": "Tekst",
}
VALUE_TYPES = {
    "closing_time": "klokkeslett (slutt)",
    "boolean": "ja/nei",
    "count": "antall",
    "date": "dato",
    "year": "årstall",
    "text": "tekst",
}
GOAL_RULES = {
    "at_most": "høyst (senest)",
    "at_least": "minst",
    "equals": "lik",
    "on_or_after": "samme dag eller senere",
}
POSITION_FIELDS = {
    "kommunenummer": "Kommune",
    "lever": "Sak",
    "value": "Verdi",
    "decided_on": "Vedtaksdato",
    "source": "Kilde",
    "note": "Merknad",
}
POSITION_FIELD_MISSING = "mangler."
POSITION_DATE_FUTURE = "Vedtaksdatoen {date} er fram i tid."
POSITION_NOT_YOURS = "Du kan bare registrere vedtak for lokallagets egen kommune."
POSITION_SAVED = "Vedtaket er registrert. Tidligere vedtak ligger fortsatt i historikken."
LEVER_UNKNOWN = "Fant ingen sak «{value}». Bruk sakens id eller navn fra listen over saker."
POSITION_COLUMN_MISSING = "{filename}: fant ingen kolonne for «{field}»."
IMPORT_EMPTY = "Filen har ingen rader med vedtak."
IMPORT_HAS_PROBLEMS = "Filen har {n} feil. Ingenting ble lagret; rett feilene og prøv igjen."
IMPORT_DONE = "{n} vedtak er lagt inn."
IMPORT_DUPLICATES = "{n} rader finnes allerede i historikken og hoppes over."

LEVER_NAME_MISSING = "Saken må ha et navn."
LEVER_ID_TAKEN = "Det finnes allerede en sak med id «{id}»."
LEVER_ID_INVALID = "Id-en må være 2–40 tegn: små bokstaver a–z, tall og understrek."
LEVER_TYPE_UNKNOWN = "Ukjent verditype «{value}»."
LEVER_RULE_UNKNOWN = "Ukjent målregel «{value}»."
LEVER_RULE_NEEDS_GOAL = "Et mål trenger en regel (høyst, minst, lik eller samme dag eller senere)."
LEVER_RULE_WRONG_TYPE = "Regelen «{rule}» passer ikke for verditypen «{type}»."
LEVER_NOT_FOUND = "Fant ingen sak med id «{id}»."
LEVER_SAVED = "Saken er lagret. Statusene er regnet ut på nytt."

KEY_DATE_UNVERIFIED = "ikke bekreftet i primærkilde"
KEY_DATE_ESTIMATED = "anslått"
MAP_ATTRIBUTION = "Kartdata: Kartverket (CC BY 4.0)"
EXPORT_CSV = "Last ned CSV"
EXPORT_EXCEL = "Last ned Excel"
EXPORT_FORMAT_UNKNOWN = "Filen må slutte på .xlsx eller .csv: {path}"
EXPORT_DIR_MISSING = "Mappen finnes ikke: {path}"
EXPORT_STATUS_DONE = "Skrev {n} kommuner til {path}"
STATUS_RULE_TITLE = "Slik regnes status ut"
PROFILE_HEADING = "Kommuneprofil"
PROFILE_CHOOSE = "Velg kommune"
PROFILE_NONE = "Velg en kommune …"
PROFILE_HINT = (
    "Velg en kommune for å se vedtakene dens, historikken, politikerne, møtene, brevene og de "
    "viktige datoene."
)
PROFILE_TABS = ["Politikk", "Historikk", "Registrer vedtak", "Politikere",
                "Møter og brev", "Lokallag", "Viktige datoer"]
PROFILE_OVER_LIMIT = "Over lovens grense: {levers}."
PROFILE_MEETINGS = "Møter"
PROFILE_MEETINGS_HIDDEN = "Møtereferater er bare synlige for lokallagene og ledelsen."
PROFILE_LETTERS = "Brev, innlegg og uttalelser"
HISTORY_APPEND_ONLY = (
    "Historikken kan ikke endres eller slettes: et nytt vedtak registreres som en ny rad, og "
    "det siste vedtaket gjelder."
)
POSITION_READ_ONLY = (
    "Du kan lese kommunens politikk, men ikke registrere vedtak her. Ledelsen registrerer for "
    "alle kommuner, lokallagene for sin egen kommune."
)
KEY_DATES_ICS = "Legg i kalenderen (.ics)"
IMPORT_POSITIONS_TITLE = "Importer vedtak fra fil (CSV eller Excel)"
IMPORT_POSITIONS_HELP = (
    "Én rad per vedtak med kolonnene kommunenummer, sak, verdi, dato og kilde (merknad er "
    "valgfri). Sak kan være id-en (f.eks. skjenketid_gr12) eller navnet. Alle rader sjekkes "
    "først; er det feil, lagres ingenting. Rader som allerede finnes, hoppes over."
)
IMPORT_POSITIONS_UPLOAD = "Velg fil"
IMPORT_SAVE = "Lagre {n} vedtak"
OVERVIEW_LEVER = "Sak"
OVERVIEW_NATIONAL = "hele landet"
OVERVIEW_MEETS = "Oppfyller målet ({area})"
OVERVIEW_MAP = "Kart: {lever}"
OVERVIEW_OPEN_PROFILE = "Åpne en kommune"
OVERVIEW_GO_PROFILE = "Gå til kommuneprofilen"
OVERVIEW_GOALS = "Måloppnåelse per sak ({area})"
OVERVIEW_BY_COUNTY = "Per fylke: {lever}"
OVERVIEW_TABLE = "Vis tabellen"
OVERVIEW_CHANGES = "Endringer siste 90 dager"
OVERVIEW_CHANGES_SHOWING = ("Viser de {shown} nyeste endringene. Last ned for alle fra de siste "
                            "90 dagene.")
OTHER_CHAPTERS = "Andre lokallag"
OVERVIEW_MEETINGS_PER_MONTH = "Møter per lokallag per måned"
OVERVIEW_LETTERS_PER_QUARTER = "Publiserte leserinnlegg per kvartal"
OVERVIEW_STATUS_SHEET = "Status per kommune (alle saker)"
OVERVIEW_STATUS_SHEET_HELP = (
    "Én rad per kommune og én kolonne per sak, med status. Samme ark som "
    "`python -m advocacy export-status`."
)
LEVERS_EDIT_TITLE = "Rediger saker og mål"
LEVERS_EDIT_HELP = (
    "Organisasjonens mål er innstillinger, ikke kode. Når du endrer et mål, regnes statusen for "
    "alle kommuner ut på nytt. Endringene logges."
)
LEVERS_CHOOSE = "Sak som skal endres"
LEVERS_GOAL = "Mål"
LEVERS_RULE = "Målregel"
LEVERS_SAVE = "Lagre målet"
LEVERS_ADD = "Legg til en ny sak"
LEVERS_NAME = "Navn på saken"
LEVERS_TYPE = "Verditype"
LEVERS_CATEGORY = "Kategori"
LEVERS_LEGAL_MAX = "Lovens grense (valgfri)"
LEVERS_DESCRIPTION = "Beskrivelse"
LEVERS_ADD_BUTTON = "Legg til saken"


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


# --- Privacy and security ---

PAGE_TITLES["personvern"] = "Personvern"
PRIVACY_EXPORT_TITLE = "Personopplysninger i Påvirk ({kind})"
PRIVACY_KINDS = {"politiker": "Politiker", "bruker": "Bruker (frivillig)"}
PRIVACY_CANNOT_ERASE_SELF = "Du kan ikke slette din egen konto. Be en annen i ledelsen om det."
PRIVACY_NAME_TOO_SHORT = (
    "Navnet er for kort til å søkes opp trygt (minst 3 tegn). Ingenting ble slettet."
)
PRIVACY_ERASE_FAILED = "Slettingen ble stoppet, og ingenting ble endret: {reason}"
PRIVACY_ERASED = (
    "Personen er slettet. Navnet er fjernet fra {rows} tekstfelt, og {copies} lagrede "
    "dokumentkopier som nevnte personen er fjernet. Søkeindeksen og databasefilen er ryddet."
)
PRIVACY_FILE_BUSY = (
    "Databasefilen kunne ikke ryddes helt fordi andre brukte den akkurat nå; det skjer ved neste "
    "sletting, eller med `python -m advocacy clean-db`."
)
PRIVACY_CONFIRM = "Jeg forstår at dette ikke kan angres"
PRIVACY_CONFIRM_NEEDED = "Kryss av for at du forstår at slettingen ikke kan angres."
RETENTION_POLITICIAN = "Ute av vervet i over ett år"
RETENTION_USER = "Ikke logget inn på over ett år"
RETENTION_EMPTY = "Ingen personer har passert lagringstiden."
PRIVACY_PAGE = """
Påvirk er et verktøy for organisasjonens påvirkningsarbeid. Her står kort hva som lagres om
hvem, hvorfor, hvor lenge og hvem du kan spørre.

**Hva lagres**

- *Politikere:* navn, parti, kommune, verv, offentlig e-post og telefon, og hva de har sagt
  offentlig om alkoholpolitikk (standpunkter med kilde og dato), møter vi har hatt med dem,
  brev og uttalelser vi har sendt dem, og svar vi har fått.
- *Frivillige og ansatte som bruker appen:* brukernavn, navn, rolle, lokallag, tittel og
  kontaktopplysninger til brevsignatur, når du sist logget inn, og hva du har skrevet og endret.
- *Endringsloggen* viser hvem som endret hva og når. Den lagrer bare navnene på feltene som ble
  endret, ikke innholdet.

**Særlige kategorier.** Politiske standpunkter er særlige kategorier av personopplysninger
(personvernforordningen artikkel 9). Vi lagrer bare standpunkter politikere selv har gjort
offentlige i sitt verv (art. 9 nr. 2 bokstav e), og fagforeningsmedlemskap lagres ikke for
noen. Frivilliges medlemskap i organisasjonen behandles av organisasjonen som medlemsforening
(art. 9 nr. 2 bokstav d).

**Hvorfor, og rettslig grunnlag.** Opplysningene brukes til å følge opp lokalpolitikere i
alkoholpolitiske saker og til å skrive brev og uttalelser. Grunnlaget er organisasjonens
berettigede interesse i å drive politisk påvirkning (art. 6 nr. 1 bokstav f); for brukere av
appen også avtalen om å være frivillig eller ansatt.

**Hvor lenge.** Politikere som har gått ut av vervet, og brukere som ikke har logget inn, vises
for ledelsen etter ett år, og slettes da med mindre det er en god grunn til å beholde dem.
Sendte brev og vedtatte uttalelser er organisasjonens arkiv og beholdes, men navnet på en
slettet person fjernes fra dem.

**Dine rettigheter.** Du kan be om innsyn i alt som er lagret om deg, få rettet feil og be om
sletting. Innlogget kan du laste ned dine egne opplysninger her på siden. Spørsmål og krav
sendes til organisasjonens ledelse (sentralleddet), som svarer innen en måned. Du kan også
klage til Datatilsynet (datatilsynet.no).
"""
PRIVACY_OWN_EXPORT = "Last ned mine opplysninger"
PRIVACY_OWN_EXPORT_HELP = "Alt Påvirk har lagret om deg og det du har gjort, som lesbar tekst."

# --- Long lists at national scale (issue 9) ---
PAGE_BACK = "Forrige"
PAGE_NEXT = "Neste"
PAGE_OF = "Side {page} av {pages}: {first}–{last} av {total}"
LIST_SHOWING_FIRST = "Viser de {shown} med tidligst frist av {total}. Kalenderfila har alle."
STATEMENTS_NEWEST = "Viser de {shown} nyeste. Søk eller filtrer for å finne eldre uttalelser."
CHOOSE_POLITICIAN = "Velg en politiker for å se standpunkter, møter og brev"
CHOOSE_MEETING = "Velg et møte for å se det, skrive oppfølgingsbrev eller endre det"
OVERDUE_SHOWING = ("Viser de {shown} eldste av {total} forfalte oppfølginger. Last ned for hele "
                   "listen, eller se Møter → Oppfølging.")

# --- Writing group ---
# Newspapers register, reader-letter pipeline, argument bank (issue 6).
NEWSPAPER_NOT_FOUND = "Fant ikke avis nr. {id}."
NEWSPAPER_NAME_REQUIRED = "Avisen må ha et navn."
NEWSPAPER_NAME_TAKEN = "Det finnes allerede en avis som heter «{name}»."
NEWSPAPER_EMAIL_INVALID = "«{value}» er ikke en gyldig e-postadresse (feltet «E-post til debattredaksjonen»)."
NEWSPAPER_FORM_INVALID = "Ukjent målform «{value}». Velg bokmål eller nynorsk."
NEWSPAPER_LIMIT_INNLEGG = "Maks tegn, leserinnlegg"
NEWSPAPER_LIMIT_KRONIKK = "Maks tegn, kronikk"
NEWSPAPER_EXCLUSIVE_DAYS = "Dager eksklusivt"
NEWSPAPER_NUMBER_INVALID = "«{value}» i feltet «{field}» må være et helt tall fra {low} til {high}."
NEWSPAPER_IN_USE = (
    "Avisen kan ikke slettes: {n} innlegg er sendt dit, og historikken skal bevares. "
    "Endre heller navnet eller notatet."
)
LETTER_KIND_INVALID = "Et innlegg er enten et leserinnlegg eller en kronikk."
LETTER_START_STATUS = "Et nytt innlegg starter som idé eller utkast."
LETTER_TITLE_REQUIRED = "Innlegget må ha en tittel."
LETTER_TEXT_REQUIRED = "Innlegget har ingen tekst ennå."
LETTER_NOT_A_LETTER = "Dokument nr. {id} er ikke et leserinnlegg eller en kronikk."
LETTER_NOT_EDITABLE = (
    "Innlegget er {status} og kan ikke endres her. Er det godkjent, flytt det tilbake til utkast "
    "først; er det sendt, lag en ny versjon."
)
LETTER_MOVE_NOT_ALLOWED = "Et innlegg kan ikke gå fra «{old}» til «{new}»."
LETTER_APPROVE_LEADERS = "Bare ledelsen kan godkjenne innlegg."
LETTER_USE_SEND_OR_ANSWER = "Bruk «Send til avis» eller «Registrer svar» for denne endringen."
LETTER_CHANGED_MEANWHILE = "Innlegget ble endret i mellomtiden (det er nå {status}). Last siden på nytt."
LETTER_EXCLUSIVE = (
    "Innlegget ble sendt til {paper} {sent} og er eksklusivt for dem til {until}. Vent til "
    "fristen er ute, eller registrer at avisen har refusert det, før du sender det til en annen avis."
)
LETTER_ALREADY_WITH = "Innlegget ligger allerede hos {paper} (sendt {date})."
LETTER_SENT_BEFORE = "Innlegget ble sendt til {paper} {date} ({outcome}). Velg en annen avis."
LETTER_OVER_LIMIT = (
    "Innlegget er for langt for {paper}: {chars} tegn, grensen er {limit}. Kort ned med {over} "
    "tegn før det kan markeres som sendt."
)
LETTER_DATE_FUTURE = "Datoen {date} er fram i tid."
LETTER_EXCLUSIVE_DAYS_INVALID = "Antall dager eksklusivt må være fra 1 til 90."
LETTER_ANSWER_BEFORE_SENT = "Svaret kan ikke være datert før innlegget ble sendt ({date})."
LETTER_NO_ANSWER_TOO_EARLY = (
    "Innlegget er eksklusivt for avisen til {until}. Først da kan det registreres som «ingen svar»; "
    "har avisen sagt nei, registrer det som refusert."
)
LETTER_LINK_INVALID = "«{value}» er ikke en gyldig lenke. Lim inn hele adressen, med https://."
LETTER_NOTE_LAPSED = "Fristen gikk ut uten svar."
LETTER_NOTE_EXCLUSIVE = "Eksklusivt til {date}."
LETTER_NOTE_BASED_ON = "Ny versjon av innlegg nr. {id}."
LETTER_NEEDS = {
    "ide": "Skriv et utkast",
    "utkast": "Skriv ferdig og send til vurdering",
    "til_vurdering": "Vurder og godkjenn",
    "godkjent": "Send til en avis",
    "sendt_lapsed": "Fristen er ute: purr, eller registrer «ingen svar» og send til neste avis",
    "refusert": "Send til neste avis",
    "ingen_svar": "Send til neste avis",
}
LETTER_WAITING = "Venter på svar fra {paper} til {until}"
ARGUMENT_TITLE_REQUIRED = "Argumentet må ha en overskrift."
ARGUMENT_BODY_REQUIRED = "Argumentet må ha en tekst (avsnittet som settes inn)."
ARGUMENT_SOURCES_REQUIRED = "Et godkjent argument må ha minst én kilde."
ARGUMENT_CHECKED_REQUIRED = "Oppgi datoen kildene sist ble sjekket."
ARGUMENT_CHECKED_FUTURE = "Datoen kildene ble sjekket ({date}) er fram i tid."
ARGUMENT_NOT_FOUND = "Fant ikke argument nr. {id}."
ARGUMENT_LEVER_UNKNOWN = "Ukjent virkemiddel «{value}»."
ARGUMENT_NOT_PROPOSAL = "Argumentet er allerede {status}."
ARGUMENT_NOT_APPROVED = "Bare godkjente argumenter kan settes inn i et innlegg."
ARGUMENT_STATUSES = {"forslag": "Forslag", "godkjent": "Godkjent", "avvist": "Avvist",
                     "arkivert": "Arkivert"}
ARGUMENT_STALE = "Kildene ble sist sjekket {date}: sjekk at tallene fortsatt stemmer."
LETTER_COUNT_RULE = (
    "Tellingen gjelder alt som sendes: tittel, tekst og underskrift. Æ, ø, å og emoji teller som "
    "ett tegn hver, et linjeskift eller avsnittsskifte som ett."
)
LETTER_OVER_WARNING = (
    "For langt for {paper}: {over} tegn over grensen på {limit}. Kort ned før innlegget kan "
    "markeres som sendt."
)
LETTER_NO_LIMIT = "Velg en avis for å se lengdegrensen."
LETTER_SIMILAR_WARNING = (
    "Teksten er svært lik et innlegg som allerede er sendt ({score} likt): «{title}», {paper}, "
    "{author}, sendt {date}. Aviser avviser ofte innlegg som ligner skjemabrev."
)
LETTER_START_OPTIONS = {"blank": "Fra bunnen", "mal": "Fra mal (oppskrift)",
                        "virkemiddel": "Fra et virkemiddel, med kommunens fakta"}
LETTER_NEW = "Nytt innlegg"
LETTER_CREATED = "Innlegget er opprettet."
LETTER_SAVED = "Innlegget er lagret."
LETTER_MOVED = "Innlegget er flyttet til «{status}»."
LETTER_SENT_OK = "Innlegget er markert som sendt til {paper}. En kopi av .docx-filen er lagret."
LETTER_ANSWER_OK = "Svaret er registrert: {status}."
LETTER_VERSION_OK = "En ny versjon er laget som utkast."
LETTER_NONE_YET = "Du har ingen innlegg ennå. Start et nytt nedenfor."
LETTER_NOTHING_NEEDS = "Ingen innlegg venter på deg nå."
LETTER_MOVE_BUTTONS = {
    "ide": "Tilbake til idé", "utkast": "Gjør til utkast", "til_vurdering": "Send til vurdering",
    "godkjent": "Godkjenn",
}
LETTER_SEND_FROM_TAB = (
    "Leserinnlegg og kronikker sendes fra fanen «Innlegg», der lengden sjekkes mot avisens "
    "grense og eksklusiviteten registreres."
)
LETTER_CHOOSE = "Velg innlegg"


# --- Lists at national scale ---
DOCUMENTS_NEWEST = "Viser de {n} sist endrede dokumentene. Bruk søket under Møter for eldre."
LETTERS_NEWEST = "Viser de {n} sist endrede av {total} innlegg."
