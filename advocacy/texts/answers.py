"""Texts for confirming state changes, undoing them, the adoption date and recorded answers."""

MEETING_ALREADY_DONE = "Oppfølgingen er allerede markert som gjort ({date})."
MEETING_DONE_CONFIRM = "Marker oppfølgingen av møtet {date} som gjort i dag?"
MEETING_DONE_OK = "Oppfølgingen er markert som gjort."

MEETING_REPLY_NEEDS_SUMMARY = "Skriv kort hva politikeren svarte."
MEETING_REPLY_ALREADY = "Svaret er allerede registrert ({date})."
MEETING_REPLY_SUMMARY_TOO_LONG = "Sammendraget av svaret kan være høyst {n} tegn."
MEETING_REPLY_CONFIRM = "Registrer svaret fra {date}?"
MEETING_REPLY_OK = "Svaret er registrert."
MEETING_REPLY_NO_FILE = "Svaret har ingen fil."
REPLY_FILE_KIND = "Svaret kan lastes opp som PDF eller Word-dokument (.docx), ikke «{name}»."
REPLY_FILE_TOO_BIG = "Filen er for stor ({size} MB; grensen er {limit} MB). Filen er avvist."
REPLY_FILE_NOT_PDF = "Filen er ikke en PDF, selv om navnet sier det. Filen er avvist."
REPLY_FILE_PDF_ACTIVE = ("PDF-filen inneholder {what}, som kan kjøre eller åpne noe når den "
                         "åpnes. Filen er avvist.")
REPLY_FILE_EMPTY = "Filen er tom. Filen er avvist."

LETTER_SEND_CONFIRM = ("Marker brevet som sendt {date}? Brevet låses slik det er nå, og "
                       "oppfølgingen av møtet regnes som gjort.")
LETTER_SENT_CLOSED = "Brevet er markert som sendt, og oppfølgingen er gjort."

STATEMENT_WITHDRAW_CONFIRM = ("Trekke uttalelsen «{title}»? Den blir stående i arkivet, men "
                              "gjelder ikke lenger.")
STATEMENT_WITHDRAWN_OK = "Uttalelsen er trukket."
STATEMENT_NOT_WITHDRAWN = "Uttalelsen er ikke trukket."
STATEMENT_NOTE_UNDONE = "Angret"
STATEMENT_ADOPT_CONFIRM = ("Registrere at {body} vedtok uttalelsen {date}? Teksten låses slik "
                           "den er vedtatt, og kan etterpå bare endres i en ny versjon.")
STATEMENT_SEND_CONFIRM = "Registrere at uttalelsen ble sendt {date} til {names}?"
STATEMENT_RESPONSE_CONFIRM = "Registrere svaret fra {responder} ({date})?"
STATEMENT_RESPONSE_NOT_FOUND = "Fant ikke svaret."
STATEMENT_RESPONSE_REMOVED_NOTE = "Svaret fra {responder} er fjernet"

LETTER_PAPER_SEND_CONFIRM = ("Marker innlegget som sendt til {paper} {date}? Den sendte "
                             "versjonen lagres, og innlegget er eksklusivt for avisen i {days} "
                             "dager.")
LETTER_ANSWER_CONFIRM = "Registrere at avisen svarte «{status}» {date}?"
LETTER_ANSWER_UNDONE_NOTE = "Svaret ble angret"
LETTER_ANSWER_NOT_UNDOABLE = "Svaret fra avisen kan ikke angres lenger."
