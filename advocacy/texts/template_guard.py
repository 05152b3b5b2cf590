"""Refusals of the template sandbox and the upload guard: what was found, and where."""

# --- Template code (sandbox and compile) ---
# "{where}" becomes « i avsnittet «…»» (the paragraph) or nothing; diagnostics adds the suffix.
TEMPLATE_REFUSED_SUFFIX = " Malen er avvist."
TEMPLATE_FIX_SUFFIX = " Rett malen i Word og last den opp på nytt."
TEMPLATE_WHERE = " i avsnittet «{excerpt}»"
TEMPLATE_UNKNOWN_FILTER = "Malen bruker et ukjent filter «{name}»{where}."
TEMPLATE_UNKNOWN_TEST = "Malen bruker en ukjent test «{name}» (etter «is»){where}."
TEMPLATE_DYNAMIC_NAME = (
    "Malen regner ut navnet på et filter eller en test i «{name}»{where}; skriv navnet direkte."
)
TEMPLATE_ESCAPING_OFF = (
    "Malen bruker «{construct}»{where}, som slår av beskyttelsen av flettefeltene: "
    "en verdi kunne da bli til Word-kode og ødelegge eller endre brevet."
)
TEMPLATE_TOO_DEEP = (
    "Malen er nestet for dypt{where} (mer enn {limit} nivåer av {what}). "
    "Del opp uttrykket eller blokkene."
)
TEMPLATE_TOO_DEEP_UNKNOWN = (
    "Malen er nestet for dypt eller for stor til å kunne leses{where}. "
    "Del opp uttrykkene eller blokkene."
)
TEMPLATE_NESTING_BRACKETS = "parenteser og klammer"
TEMPLATE_NESTING_BLOCKS = "{% … %}-blokker"
TEMPLATE_NESTING_EXPRESSION = "filtre og operatorer i ett uttrykk"
TEMPLATE_RECURSION = "Malen kaller en makro i seg selv uten ende{where}."
TEMPLATE_DOES_NOT_COMPILE = (
    "Malen kunne ikke gjøres klar{where}. Rett malkoden i Word og last den opp på nytt."
)
TEMPLATE_WIDTH_TOO_LARGE = (
    "Malen ber om en bredde eller lengde på {value} tegn i «{construct}»{where}; grensen er {limit}."
)
TEMPLATE_COUNT_TOO_LARGE = (
    "Malen ber om {value} deler i «{construct}»{where}; grensen er {limit}."
)
TEMPLATE_TEXT_TOO_LONG = (
    "Malen lager en tekst på over {limit} tegn med «{construct}»{where}."
)

# --- The upload guard (.docx parts) ---
GUARD_COMPUTED_FIELD = (
    "Malen inneholder et felt der feltkoden er satt sammen av andre felt (for eksempel QUOTE), "
    "en kjent måte å skjule kommandoer på."
)
GUARD_OLE = "Malen inneholder et innebygd OLE-objekt ({what}), som kan kjøre kode."
GUARD_PACKAGE = "Malen inneholder en innebygd fil (pakke) i «{name}», som kan kjøre kode."
GUARD_EMBEDDED_MACROS = (
    "Malen inneholder et innebygd dokument eller regneark med makroer eller innebygde "
    "objekter («{name}»), som kan kjøre kode."
)
GUARD_EMBEDDED_BROKEN = "Malen inneholder et innebygd dokument som ikke kan kontrolleres («{name}»)."
GUARD_ALTCHUNK = (
    "Malen inneholder en innebygd HTML- eller MHT-del (altChunk) i «{name}», "
    "som Word setter inn når brevet åpnes."
)
GUARD_MAIL_MERGE = (
    "Malen er koblet til en datakilde for Words utskriftsfletting ({what}), som Word åpner "
    "når brevet åpnes. Fjern koblingen (Masseutsendelser › Vanlig Word-dokument)."
)
GUARD_UNC_PATH = "Malen inneholder en nettverkssti («{value}») i «{name}», som Word kan hente fra."
GUARD_LINK_SCHEME = (
    "Malen inneholder en lenke av typen «{scheme}» i «{name}»; bare nettadresser (http, https), "
    "e-post og telefonnumre er tillatt."
)
GUARD_CONTENT_TYPE = "Malen inneholder en del av typen «{content_type}» ({what})."
