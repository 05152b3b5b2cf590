"""Statements, campaigns and the calendar."""

from advocacy.texts.common import PAGE_TITLES

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
STATEMENT_DATE_INVALID = "«{value}» i feltet «{field}» er ikke en gyldig dato (bruk åååå-mm-dd)."
STATEMENT_NO_RECIPIENTS = "Velg minst én mottaker."
STATEMENT_SEND_NOT_ADOPTED = "Bare en vedtatt uttalelse kan sendes (status nå: «{status}»)."
STATEMENT_SENT_BEFORE_ADOPTED = "Sendedatoen {date} er før vedtaksdatoen {adopted}."
STATEMENT_RESPONSE_NOT_SENT = "Svar kan bare registreres på en uttalelse som er sendt."
STATEMENT_RESPONSE_NEEDS = "Et svar må ha hvem som svarte, dato og et kort sammendrag."
STATEMENT_NEW_VERSION_ONLY_ADOPTED = "Bare en vedtatt eller sendt uttalelse kan få en ny versjon."
STATEMENT_HAS_NEWER_VERSION = "Uttalelsen har allerede en nyere versjon (versjon {version})."
STATEMENT_UNKNOWN_LEVER = "Ukjent sak «{value}»."
STATEMENT_UNKNOWN_MUNICIPALITY = "Ukjent kommunenummer «{value}»."
STATEMENT_UNKNOWN_RECIPIENT = "Ukjent mottaker «{value}»."
STATEMENT_RENDER_FAILED = "Uttalelsen kunne ikke fylles inn i Word-malen: {reason}"
STATEMENT_DEFAULT_DEMANDS_TO = "kommunestyret"
STATEMENT_ADOPTED_DOC_STORED = "Den vedtatte uttalelsen er lagret som Word-fil."

CAMPAIGN_TITLE_REQUIRED = "Kampanjen må ha en tittel."
CAMPAIGN_NOT_FOUND = "Fant ikke kampanjen (nr. {id})."
CAMPAIGN_PERIOD_INVALID = "Kampanjen kan ikke slutte ({end}) før den starter ({start})."
CAMPAIGN_GOAL_INVALID = "Målet for {what} må være et helt tall større enn null."
CAMPAIGN_COUNT_INVALID = "Antall {what} må være et helt tall, null eller mer (fikk «{value}»)."
CAMPAIGN_COUNT_EMPTY = "Registrer minst én underskrift eller én frivillig."
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


STATEMENT_WITHDRAWN_FROZEN = "Uttalelsen «{title}» er trukket og kan ikke endres."
STATEMENT_FUTURE_DATE = "Datoen {date} i feltet «{field}» er fram i tid."
STATEMENT_DRAFT_PROVENANCE = "Utkast til {body}"
STATEMENT_DRAFT_ONLY = "Utkast"
CAMPAIGN_LINK_NOT_FOUND = "Fant ikke møtet eller brevet (nr. {id})."
STATEMENT_NO_DATE = "(dato ikke satt)"
