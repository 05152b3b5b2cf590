"""Policy profiles, statuses and the overview."""

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
