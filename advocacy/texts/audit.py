"""Texts for the change log (endringsloggen): its check, its head and its triggers."""

AUDIT_OK = "Endringsloggen er hel: {rows} rader, kjeden stemmer."
AUDIT_CHAIN_BROKEN = "Endringsloggen er endret eller har hull: kjeden brytes ved rad {row}."
AUDIT_HEAD_MISSING = ("Kjedehodet (tabellen audit_head) mangler eller er tomt: loggen kan ikke "
                      "kontrolleres mot det, og det kan være slettet for å skjule endringer.")
AUDIT_HEAD_COUNT = ("Endringsloggen har {rows} rader, men kjedehodet viser {head}: rader er "
                    "slettet fra loggen eller lagt til utenom appen.")
AUDIT_HEAD_MISMATCH = ("Kjedehodet stemmer ikke med endringsloggen: rader er endret og kjeden "
                       "regnet ut på nytt, eller hodet er endret utenom appen.")
AUDIT_KEY_CREATED = ("Nøkkelfilen {path} fantes ikke og er laget på nytt; uten den opprinnelige "
                     "nøkkelen kan kjedehodet ikke kontrolleres.")
AUDIT_TRIGGER_MISSING = ("Utløseren {name} manglet eller var endret, så endringer kan ha blitt "
                         "gjort uten å bli logget. Oppstarten legger den inn på nytt.")
AUDIT_KEY_UNREADABLE = "Nøkkelen til endringsloggen kan ikke leses fra {path}: {reason}"
AUDIT_KEY_TOO_SHORT = ("Nøkkelfilen {path} er for kort ({length} byte): den skal ha minst 32 "
                       "tilfeldige byte.")
AUDIT_ENV_KEY_TOO_SHORT = "ADVOCACY_AUDIT_KEY er for kort: den skal ha minst 32 tegn."
AUDIT_REKEYED = ("Kjedehodet var signert med en annen nøkkel enn denne serverens (kopien er fra "
                 "en annen server, eller den er endret etter at den ble tatt). Kjeden selv er "
                 "hel, og hodet er nå signert med denne serverens nøkkel; det står i "
                 "endringsloggen.")
AUDIT_NOT_REKEYED = ("Endringsloggen i den tilbakelagte databasen stemmer ikke, og kjedehodet "
                     "ble ikke signert på nytt:")
AUDIT_ACTIONS = {
    "head": "kjedehodet lagt opp",
    "rekey": "kjedehodet signert med ny nøkkel",
    "triggers": "loggutløsere lagt inn på nytt",
}
