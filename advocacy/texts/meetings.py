"""Politicians, stances, imports, meetings, follow-ups and search."""

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
