"""The writing tabs of Brev og innlegg: the argument bank (ui/argument_view.py) and the
newspapers register (ui/newspaper_admin.py)."""

# --- Argumentbank ---

ARGUMENT_LEVER_SUFFIX = " · {lever}"
ARGUMENT_ARCHIVE = "Arkiver"
ARGUMENT_PROPOSALS_TO_REVIEW = "Forslag til vurdering"
ARGUMENT_YOUR_PROPOSALS = "Dine forslag"
ARGUMENT_PROPOSED_BY = "**{title}** · foreslått av {proposer}"
ARGUMENT_PROPOSAL_SOURCES = "Kilder: {sources}"
ARGUMENT_NO_SOURCES_YET = "ingen ennå"
ARGUMENT_SOURCES_CHECKED = "Kildene sjekket"
ARGUMENT_APPROVE = "Godkjenn"
ARGUMENT_REJECT = "Avvis"
ARGUMENT_PROPOSE_TITLE = "Foreslå et nytt argument"
ARGUMENT_PROPOSE_HEADING = "Overskrift"
ARGUMENT_PROPOSE_BODY = "Avsnittet slik det skal stå i innlegget"
ARGUMENT_PROPOSE_SOURCES = "Kilder, én per linje"
ARGUMENT_PROPOSE_LEVER = "Sak (valgfritt)"
ARGUMENT_PROPOSE_SEND = "Send forslaget"

# --- Aviser ---

NEWSPAPER_COLUMNS = {
    "name": "Avis", "area": "Område", "kommuner": "Kommuner", "email": "E-post",
    "max_chars_innlegg": "Maks tegn innlegg", "max_chars_kronikk": "Maks tegn kronikk",
    "language_form": "Målform", "exclusive_days": "Dager eksklusivt", "notes": "Notat",
}
NEWSPAPER_EDIT_TITLE = "Rediger avisregisteret"
NEWSPAPER_CHOOSE = "Avis"
NEWSPAPER_NEW = "Ny avis …"
NEWSPAPER_NAME = "Navn"
NEWSPAPER_EMAIL = "E-post til debattredaksjonen"
NEWSPAPER_AREA = "Område (beskrivelse)"
NEWSPAPER_LANGUAGE_FORM = "Målform"
NEWSPAPER_MUNICIPALITIES = "Kommuner avisen dekker"
NEWSPAPER_LIMIT_HELP = "Tegn inkludert mellomrom. 0 = ukjent."
NEWSPAPER_NOTES = "Notat"
NEWSPAPER_SAVE = "Lagre avisen"
NEWSPAPER_SAVED = "«{name}» er lagret."
