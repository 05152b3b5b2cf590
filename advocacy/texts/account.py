"""Texts for one's own account (changing one's password) and for follow-up letters to several
attendees."""

# Changing one's own password
OWN_PASSWORD_TITLE = "Bytt passord"
OWN_PASSWORD_HELP = (
    "Skriv det passordet du bruker nå, og det nye to ganger. Du forblir innlogget her; andre "
    "steder du er innlogget, blir du logget ut."
)
OWN_PASSWORD_CURRENT = "Nåværende passord"
OWN_PASSWORD_NEW = "Nytt passord"
OWN_PASSWORD_REPEAT = "Gjenta nytt passord"
OWN_PASSWORD_BUTTON = "Bytt passord"
OWN_PASSWORD_CURRENT_WRONG = "Nåværende passord: passordet er feil. Ingenting er endret."
OWN_PASSWORD_NEW_TOO_SHORT = "Nytt passord: passordet må ha minst {n} tegn. Ingenting er endret."
OWN_PASSWORD_SAME = (
    "Nytt passord: det nye passordet må være et annet enn det du bruker nå. Ingenting er endret."
)
OWN_PASSWORD_MISMATCH = (
    "Gjenta nytt passord: de to nye passordene er ikke like. Ingenting er endret."
)
OWN_PASSWORD_CHANGED = "Passordet er byttet. Andre steder du var innlogget, er du nå logget ut."

# Follow-up letters to several attendees
LETTER_RECIPIENTS = "Mottakere"
LETTER_RECIPIENTS_HELP = "Velg én eller flere av politikerne som var til stede."
LETTER_RECIPIENTS_MODE = "Hvordan skal brevet gå ut?"
LETTER_MODE_TOGETHER = "Ett brev til alle"
LETTER_MODE_EACH = "Ett brev til hver"
LETTER_RECIPIENTS_NONE = "Mottakere: velg minst én politiker som var til stede på møtet."
LETTERS_MADE = "{n} brev er laget"
