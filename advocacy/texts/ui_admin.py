"""The parts for leadership and the shared parts: Personvern (ui/privacy_admin.py), the levers
editor (ui/lever_admin.py), the login's demo accounts, search hits and the export buttons."""

# --- Personvern (ui/privacy_admin.py) ---

PRIVACY_RETENTION_TITLE = "**Lagringstid gått ut**"
PRIVACY_RETENTION_COLUMNS = {
    "kind": "Type", "id": "Nr.", "name": "Navn", "place": "Kommune/lokallag",
    "reason": "Hvorfor", "since": "Siden",
}
PRIVACY_PERSON_TITLE = "**Innsyn og sletting for én person**"
PRIVACY_WHO = "Hvem"
PRIVACY_SEARCH_NAME = "Søk etter navn"
PRIVACY_PERSON = "Person"
PRIVACY_PERSON_CHOOSE = "Velg …"
PRIVACY_PERSON_LABEL = "{name} – nr. {id}"
PRIVACY_DOWNLOAD_TEXT = "Last ned (tekst)"
PRIVACY_DOWNLOAD_JSON = "Last ned (JSON)"
PRIVACY_ERASE_TITLE = "Slett personen"
PRIVACY_ERASE_WARNING = (
    "Personen fjernes overalt: navnet erstattes med «[slettet]» i møter, brev og "
    "uttalelser, lagrede brevkopier som nevner personen fjernes, og databasefilen "
    "ryddes. Last ned innsynet først hvis personen har bedt om det."
)
PRIVACY_OTHER_SPELLINGS = "Andre skrivemåter av navnet (kommaseparert, valgfritt)"
PRIVACY_ERASE = "Slett personen"

# --- Levers (ui/lever_admin.py) ---

STATUS_SHEET_CSV = "status-per-kommune{suffix}.csv"
STATUS_SHEET_XLSX = "status-per-kommune{suffix}.xlsx"
LEVERS_CATEGORY_DEFAULT = "Annet"

# --- The login's demo accounts (ui/login.py) ---

DEMO_ACCOUNT_COLUMNS = {"username": "Brukernavn", "role": "Rolle", "chapter": "Lokallag"}

# --- Search hits (ui/search_view.py) ---

SEARCH_HITS = "{n} treff"

# --- Export buttons (ui/downloads.py) ---

EXPORT_SHEET = "Data"

# --- Oversikt's charts (ui/overview_charts.py; a field's name shows in the tooltip) ---

CHART_LEVER = "Sak"
CHART_STATUS = "Status"
CHART_MUNICIPALITIES = "Kommuner"
CHART_SHARE_MEETS_GOAL = "Andel som oppfyller målet"
CHART_COUNTY = "Fylke"
CHART_SHARE = "Andel"
CHART_MEETS = "Oppfyller"
CHART_MONTH = "Måned"
CHART_MEETINGS = "Møter"
CHART_CHAPTER = "Lokallag"
CHART_QUARTER = "Kvartal"
CHART_PUBLISHED = "Publisert"
CHART_LESERINNLEGG = "Leserinnlegg"
CHART_KRONIKKER = "Kronikker"
