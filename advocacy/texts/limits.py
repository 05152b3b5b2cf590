"""The bounds on filling and checking templates: what a volunteer reads when one is stopped."""

# --- Template limits ---
TEMPLATE_LIMIT_HINT = (
    "Se etter løkker inne i løkker, makroer som kaller seg selv, eller filtre som lager svært "
    "lange tekster (center, format, join, ~)."
)
TEMPLATE_LIMIT_TIME = (
    "Malen bruker for mye tid/minne: utfyllingen ble stoppet etter {seconds:g} sekunder. "
    + TEMPLATE_LIMIT_HINT
)
TEMPLATE_LIMIT_MEMORY = (
    "Malen bruker for mye tid/minne: utfyllingen trengte mer enn {mb} MB minne. "
    + TEMPLATE_LIMIT_HINT
)
TEMPLATE_LIMIT_OUTPUT = (
    "Malen bruker for mye tid/minne: brevet ble større enn {mb} MB. " + TEMPLATE_LIMIT_HINT
)
TEMPLATE_LIMIT_BATCH = (
    "Malen bruker for mye tid/minne: brevene ble til sammen større enn {mb} MB. "
    "Lag færre brev om gangen, eller se etter løkker som gjør brevene svært lange."
)
TEMPLATE_LIMIT_STOPPED = (
    "Malen bruker for mye tid/minne: utfyllingen stoppet uten å bli ferdig. " + TEMPLATE_LIMIT_HINT
)
TEMPLATE_WORKER_UNAVAILABLE = (
    "Brevmotoren kunne ikke startes på serveren akkurat nå. Prøv igjen om litt, eller si fra "
    "til den som drifter Påvirk."
)
TEMPLATE_ENGINE_FAILED = "Malen kunne ikke behandles. Sjekk malkoden, eller prøv en annen fil."
BATCH_LETTER_NAMED = "Brev nr. {number} ({label}): {message}"
BATCH_LETTER = "Brev nr. {number}: {message}"
