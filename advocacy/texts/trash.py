"""Texts for the papirkurv (removed records kept for 30 days) and the «Slett» buttons."""

TRASH_KINDS = {
    "meetings": "Møte",
    "politicians": "Politiker",
    "stances": "Standpunkt",
    "documents": "Dokument",
    "statements": "Uttalelse",
    "events": "Aktivitet",
    "campaigns": "Kampanje",
    "templates": "Mal",
    "newspapers": "Avis",
    "arguments": "Argument",
}
# What a row of a table is called, singular and plural, in "… viser til det" messages.
TRASH_TABLE_NAMES = {
    "documents": ("dokument", "dokumenter"),
    "statement_recipients": ("mottaker av en uttalelse", "mottakere av uttalelser"),
    "statements": ("uttalelse", "uttalelser"),
    "events": ("aktivitet", "aktiviteter"),
    "letter_submissions": ("innsending", "innsendinger"),
    "letter_history": ("historikkrad for innlegg", "historikkrader for innlegg"),
    "meetings": ("møte", "møter"),
    "politicians": ("politiker", "politikere"),
    "newspapers": ("avis", "aviser"),
    "campaigns": ("kampanje", "kampanjer"),
    "users": ("bruker", "brukere"),
    "chapters": ("lokallag", "lokallag"),
    "municipalities": ("kommune", "kommuner"),
    "levers": ("sak", "saker"),
    "parties": ("parti", "partier"),
}
TRASH_DAYS = 30
TRASH_BUTTON = "Slett"
TRASH_QUESTION = ("Flytte «{label}» til papirkurven? Ledelsen kan gjenopprette det i "
                  f"{TRASH_DAYS} dager; deretter slettes det for godt.")
TRASH_CHOOSE = "Velg det som skal slettes"
TRASH_CHOOSE_STANCE = "Slett et standpunkt"
TRASH_CHOOSE_EVENT = "Slett en aktivitet"
TRASH_CHOOSE_TEMPLATE = "Slett en opplastet mal"
TRASH_CONFIRM = "Flytt til papirkurven"
TRASH_MOVED = "«{label}» er flyttet til papirkurven."
TRASH_RESTORED = "«{label}» er gjenopprettet."
TRASH_NOT_FOUND = "Fant ikke det som skulle slettes (nr. {id})."
TRASH_KIND_UNKNOWN = "Ukjent type: {kind}."
TRASH_ENTRY_NOT_FOUND = "Fant ikke dette i papirkurven (nr. {id}); det kan være tømt."
TRASH_ALREADY_RESTORED = "«{label}» er allerede gjenopprettet."
TRASH_BLOCKED = ("«{label}» kan ikke flyttes til papirkurven fordi {what} viser til det. "
                 "Fjern koblingen eller slett det først.")
TRASH_DOCUMENT_FINAL = ("Dokumentet er {status} og kan ikke slettes: sendte og vedtatte "
                        "dokumenter blir stående.")
TRASH_STATEMENT_NOT_DRAFT = ("Uttalelsen er {status} og kan ikke slettes: bare utkast og "
                             "uttalelser til behandling kan slettes.")
TRASH_RESTORE_MISSING = "«{label}» kan ikke gjenopprettes: {what} finnes ikke lenger."
TRASH_RESTORED_RENUMBERED = ("«{label}» er gjenopprettet som nr. {id} (det gamle nummeret ble tatt "
                             "i bruk i mellomtiden).")
TRASH_RESTORE_CONFLICT = ("«{label}» kan ikke gjenopprettes: det kolliderer med noe som er "
                          "registrert i {table} i mellomtiden.")
TRASH_TITLE = "Papirkurv"
TRASH_INTRO = (f"Det som er slettet, ligger her i {TRASH_DAYS} dager før det slettes for godt. "
               "Gjenopprett det som ble slettet ved en feil.")
TRASH_EMPTY = "Papirkurven er tom."
TRASH_COL_WHO = "Slettet av"
TRASH_COL_WHEN = "Slettet"
TRASH_COL_LEFT = "Dager igjen"
TRASH_RESTORE_BUTTON = "Gjenopprett"
TRASH_EXPORT_SECTION = "i papirkurven"

# Edit after save
TEMPLATE_NAME_IN_SENT = ("Malen «{name}» er brukt i sendte dokumenter og kan ikke få nytt navn; "
                         "typen kan endres.")
CHAPTER_NOT_FOUND = "Fant ikke lokallaget (nr. {id})."
EDIT_SAVED = "Endringene er lagret."
EDIT_EVENT = "Endre en aktivitet"
EDIT_CAMPAIGN = "Endre kampanjen"
EDIT_TEMPLATE = "Endre navn eller type på en opplastet mal"
EDIT_CHAPTER = "Endre et lokallag"
EDIT_ARGUMENT = "Endre"
EDIT_SAVE = "Lagre endringer"
