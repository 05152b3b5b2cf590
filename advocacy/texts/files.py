"""Texts for reading spreadsheets that are uploaded, and for putting a backup back."""

# --- Spreadsheets in (CSV and .xlsx); each message starts with the file's name ---

FILE_TOO_BIG = "{name}: filen er større enn {mb} MB."
FILE_EMPTY = "{name}: filen er tom."
FILE_KIND = "{name}: bare CSV- og Excel-filer (.csv, .xlsx) kan leses inn."
FILE_NO_HEADINGS = "{name}: første rad må inneholde kolonnenavn."
FILE_DUPLICATE_HEADING = "{name}: kolonnenavnet «{heading}» står flere ganger i første rad."
FILE_TOO_MANY_COLUMNS = ("{name}: rad {row} har {n} kolonner; høyst {limit} kan leses inn. "
                         "Ingenting ble lagret.")
FILE_TOO_MANY_ROWS = "{name}: filen har flere enn {limit} rader. Ingenting ble lagret."
FILE_TOO_MANY_BLANK_ROWS = ("{name}: filen går over mer enn {limit} rader (tomme rader "
                            "medregnet). Ingenting ble lagret.")
FILE_CELL_TOO_LONG = ("{name}: rad {row}, kolonne «{column}»: cellen har {n} tegn; høyst "
                      "{limit} kan leses inn.")
FILE_CELL_NUL = ("{name}: rad {row}, kolonne «{column}»: cellen inneholder et NUL-tegn "
                 "(binære data), ikke tekst.")

CSV_UNREADABLE = "{name}: filen kan ikke leses som CSV (rad {row}: {reason}). Ingenting ble lagret."
CSV_FIELD_TOO_LONG = "en celle er lengre enn {limit} tegn"
CSV_BAD_SYNTAX = "feil bruk av anførselstegn eller skilletegn"
CSV_BAD_ENCODING = ("{name}: rad {row}, kolonne {column}: filen har tegn som verken er UTF-8 "
                    "eller Windows-1252 (byte 0x{byte:02X}). Lagre filen som «CSV UTF-8» og prøv "
                    "igjen. Ingenting ble lagret.")

XLSX_NOT_ZIP = "{name}: filen er ikke en gyldig Excel-fil (.xlsx)."
XLSX_BROKEN_ZIP = ("{name}: filen er ikke en gyldig Excel-fil (.xlsx): delen «{part}» er skadet "
                   "eller avkortet. Ingenting ble lagret.")
XLSX_TOO_MANY_PARTS = "{name}: Excel-filen har uvanlig mange deler ({n}) og ble ikke lest."
XLSX_TOO_BIG_UNPACKED = "{name}: Excel-filen er for stor utpakket."
XLSX_BOMB = ("{name}: Excel-filen er pakket mistenkelig tett (mulig «zip-bombe») og ble ikke "
             "lest.")
XLSX_MACROS = "{name}: Excel-filen inneholder makroer og ble ikke lest."
XLSX_EMBEDDED = ("{name}: Excel-filen inneholder en innebygd fil (delen «{part}») og ble ikke "
                 "lest.")
XLSX_DTD = ("{name}: Excel-filen inneholder en DTD (<!DOCTYPE> eller <!ENTITY>) i delen "
            "«{part}» og ble ikke lest.")
XLSX_BAD_XML = ("{name}: Excel-filen er skadet: delen «{part}» er ikke gyldig XML (linje {line}). "
                "Ingenting ble lagret.")
XLSX_UNREADABLE = "{name}: Excel-filen kan ikke leses ({reason})."
XLSX_UNREADABLE_ROW = "{name}: rad {row} i Excel-filen kan ikke leses. Ingenting ble lagret."
XLSX_NO_SHEET = "{name}: Excel-filen har ingen regneark."

# --- Putting a backup back (python -m advocacy restore) ---

RESTORE_MISSING = "Filen finnes ikke: {path}"
RESTORE_REFUSED = ("{path} er ikke en hel Påvirk-database og ble ikke lagt tilbake: {reason}. "
                   "Databasen er ikke endret.")
RESTORE_EMPTY = "filen er tom"
RESTORE_UNREADABLE = "filen kan ikke leses ({reason})"
RESTORE_PACKED = "filen er pakket ({kind}); pakk den ut først"
RESTORE_NOT_SQLITE = "filen er ikke en SQLite-database"
RESTORE_TRUNCATED = "filen er avkortet eller skadet ({size} byte, ventet {expected})"
RESTORE_BAD_HEADER = "filhodet er skadet"
RESTORE_CHECKSUM = "innholdet stemmer ikke med sjekksummen i {sidecar}; filen er endret eller skadet"
RESTORE_CHECKSUM_UNREADABLE = "sjekksumfilen {sidecar} kan ikke leses"
RESTORE_MISSING_TABLES = "mangler tabellene {tables}"
RESTORE_DAMAGED = "databasen er skadet ({detail})"
RESTORE_BAD_TEXT = "tabellen {table} har tekst som ikke kan leses"
RESTORE_NEWER = ("sikkerhetskopien er fra en nyere versjon av Påvirk (ukjente steg: {names}); "
                 "oppdater Påvirk først")
RESTORE_NOT_MIGRATED = "den kan ikke gjøres klar for denne versjonen ({detail})"
BACKUP_REFUSED = "Sikkerhetskopien ble ikke godkjent: {reason}"
BACKUP_DIR_MISSING = "Mappen finnes ikke: {path}"
