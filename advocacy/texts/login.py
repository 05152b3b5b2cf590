"""The login's limits, unlocking an account and removing the demo data."""

LOGIN_CLIENT_LOCKED = (
    "For mange mislykkede innlogginger herfra. Prøv igjen om {wait}, eller be ledelsen om å "
    "oppheve sperren."
)
UNLOCK_BUTTON = "Opphev innloggingssperre"
UNLOCK_DONE = "Innloggingssperren for «{username}» er opphevet ({n} mislykkede forsøk glemt)."
UNLOCK_NOTHING = "«{username}» hadde ingen innloggingssperre."
UNLOCK_USER_NOT_FOUND = "Fant ikke brukeren «{username}»."
UNLOCK_FAILURES = "{n} mislykkede innlogginger siden sist"

DEMO_REMOVED = "Demodata er fjernet:"
DEMO_REMOVED_ROW = "  {table}: {n}"
DEMO_NOTHING_TO_REMOVE = "Ingen demodata å fjerne; ingenting ble endret."
DEMO_KEPT = (
    "  Beholdt {table}: {n} (ekte data viser til dem; demokontoer blant dem er deaktivert og "
    "kan ikke logge inn)"
)
DEMO_EXPOSED_WARNING = (
    "Demo-kontoene finnes fortsatt, og serveren kan nås fra andre maskiner: hvem som helst kan "
    "logge inn med demopassordet. Fjern demodataene med `python -m advocacy remove-demo` på "
    "serveren."
)
