"""Texts for corrections (rettelser) of positions, stances and statement versions."""

CORRECT_BUTTON = "Rett opp"
CORRECT_TITLE = "Rett opp en registrering"
CORRECT_PICK = "Rad som er feil"
CORRECT_PICK_NONE = "Velg raden som er feil …"
CORRECT_REASON = "Hvorfor er raden feil?"
CORRECT_REASON_HELP = "Grunnen lagres i historikken sammen med hvem som rettet opp og når."
CORRECT_REASON_PLACEHOLDER = "F.eks. feil klokkeslett tastet inn; riktig er 02:00 ifølge sak 24/118"
CORRECT_NEW_VALUE = "Registrer også den rette verdien"
CORRECT_NEW_VALUE_HELP = "La stå av hvis raden bare skulle vært borte."
CORRECT_HELP = (
    "En rad som rettes opp, blir stående i historikken merket «Rettet» med hvem og hvorfor, "
    "men teller ikke lenger i status, kart og eksport. Det kan ikke angres; er rettelsen feil, "
    "registrer verdien på nytt."
)
CORRECTED_MARK = "Rettet: {reason} ({who}, {date})"
CORRECTED_COLUMN = "Rettet"
CORRECTED_BY_UNKNOWN = "ukjent"

CORRECTION_REASON_REQUIRED = "Skriv hvorfor raden rettes opp: grunnen lagres i historikken."
CORRECTION_REASON_TOO_LONG = "Grunnen kan være høyst {n} tegn."
CORRECTION_NOT_FOUND = "Fant ikke raden som skal rettes opp (nr. {id})."
CORRECTION_ALREADY = "Denne raden er allerede rettet opp {date} av {who}: «{reason}»."
CORRECTION_SAME_AS_WRONG = (
    "Den rette verdien er lik raden du retter opp. Endre verdi, dato eller kilde, eller rett "
    "opp uten ny verdi."
)
CORRECTION_DONE = (
    "Raden er rettet opp. Den står i historikken merket «Rettet», men teller ikke lenger."
)
CORRECTION_DONE_WITH_VALUE = "Raden er rettet opp, og den rette verdien er registrert."

POSITION_ALREADY_RECORDED = (
    "Dette vedtaket er allerede registrert: {value}, vedtatt {date}. Samme verdi med samme "
    "vedtaksdato lagres ikke to ganger. Er den registrerte raden feil, bruk «Rett opp» i "
    "historikken."
)
STANCE_ALREADY_RECORDED = (
    "Dette standpunktet er allerede registrert: «{stance}» om {subject}, {date}. Er den "
    "registrerte raden feil, bruk «Rett opp» i historikken."
)
HISTORY_CORRECTABLE = (
    "Historikken slettes ikke: et nytt vedtak blir en ny rad, og det siste vedtaket gjelder. "
    "En feilregistrert rad rettes opp med «Rett opp»: den blir stående, merket «Rettet» med "
    "hvem og hvorfor, men teller ikke lenger."
)

STATEMENT_CORRECT_ONLY_ADOPTED = (
    "Bare en vedtatt versjon kan rettes opp. Et utkast endrer du direkte."
)
STATEMENT_CORRECTED_NOT_SENT = (
    "Denne versjonen er rettet opp og kan ikke sendes. Send den rette versjonen."
)
STATEMENT_CORRECTED_NOTICE = "Denne versjonen er rettet opp og gjelder ikke: {mark}"
STATEMENT_CORRECT_TITLE = "Rett opp denne versjonen"
STATEMENT_CORRECT_NEW_DRAFT = "Lag et nytt utkast med den rette teksten (samme tekst som utgangspunkt)"
CORRECT_RIGHT_VALUE = "Rett verdi"
CORRECT_RIGHT_DATE = "Rett dato (tom: som før)"
CORRECT_RIGHT_SOURCE = "Rett kilde (tom: som før)"
CORRECT_RIGHT_STANCE = "Rett standpunkt"
STATEMENT_CORRECT_HELP = (
    "Den vedtatte teksten endres aldri. En versjon som ble vedtatt med en feil, merkes som "
    "rettet med hvem og hvorfor: den står i arkivet, men gjelder ikke og kan ikke sendes. "
    "Et nytt utkast med samme tekst kan lages med en gang, og vedtas på vanlig måte."
)
