"""The writing group: newspapers, the reader-letter pipeline, the argument bank."""

# --- Writing group ---
# Newspapers register, reader-letter pipeline, argument bank.
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
ARGUMENT_LEVER_UNKNOWN = "Ukjent sak «{value}»."
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
                        "sak": "Fra en sak, med kommunens fakta"}
LETTER_NEW = "Nytt innlegg"
LETTER_CREATED = "Innlegget er opprettet."
LETTER_SAVED = "Innlegget er lagret."
LETTER_MOVED = "Innlegget er flyttet til «{status}»."
LETTER_SENT_OK = "Innlegget er markert som sendt til {paper}. En kopi av .docx-filen er lagret."
LETTER_ANSWER_OK = "Svaret er registrert: {status}."
LETTER_VERSION_OK = "En ny versjon er laget som utkast."
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
