"""Texts for reading the change log (Administrasjon › Endringslogg) as users know things, and
for the follow-up letters of a meeting downloaded as one .zip."""

from advocacy.texts.common import AUDIT_TABLES

# Every table a log row can name: the audited ones, the saker (logged by code), the kinds the
# papirkurv holds, and the log itself (its head and its triggers).
CHANGE_LOG_TABLES = {
    **AUDIT_TABLES,
    "events": "Aktiviteter", "campaigns": "Kampanjer", "templates": "Maler",
    "audit_head": "Endringsloggen", "audit_log": "Endringsloggen",
}
# What one row of a table is called, in «Møte 12».
CHANGE_LOG_RECORD = {
    "users": "Bruker", "politicians": "Politiker", "stances": "Standpunkt", "meetings": "Møte",
    "positions": "Kommunevedtak", "documents": "Dokument", "statements": "Uttalelse",
    "newspapers": "Avis", "arguments": "Argument", "levers": "Sak", "events": "Aktivitet",
    "campaigns": "Kampanje", "templates": "Mal",
}

_COMMON = {
    "id": "Nummer", "is_demo": "Demodata", "created_at": "Opprettet",
    "updated_at": "Sist endret", "kommunenummer": "Kommune", "chapter_id": "Lokallag",
    "lever_id": "Sak", "email": "E-post", "phone": "Telefon", "notes": "Notater",
    "recorded_by": "Registrert av", "recorded_at": "Registrert",
    "corrected_at": "Rettet", "corrected_by": "Rettet av", "correction_reason": "Grunn til rettelsen",
    "source": "Kilde", "status": "Status", "title": "Tittel", "name": "Navn",
}
# Column name → the field's label, per table. Complete for every column of every audited table
# (tests/test_change_log.py fails on a column without one).
CHANGE_LOG_FIELDS = {
    "users": {**_COMMON, "username": "Brukernavn", "full_name": "Fullt navn", "role": "Rolle",
              "password_hash": "Passord", "title": "Tittel", "place": "Sted",
              "active": "Aktiv", "last_login_at": "Sist innlogget",
              "login_failures": "Innloggingssperre"},
    "politicians": {**_COMMON, "party_code": "Parti", "party_text": "Parti (fritekst)",
                    "role": "Rolle", "committee": "Utvalg", "term": "Periode",
                    "in_office": "I vervet", "left_office_on": "Gikk ut av vervet"},
    "stances": {**_COMMON, "politician_id": "Politiker", "topic": "Tema",
                "stance": "Standpunkt", "stated_on": "Dato for standpunktet"},
    "meetings": {**_COMMON, "held_on": "Møtedato", "kind": "Type møte",
                 "summary": "Sammendrag", "our_participants": "Våre deltakere", "topics": "Tema",
                 "asks": "Det vi ba om", "promises": "Lovet eller avtalt", "outcome": "Utfall",
                 "followup_due": "Oppfølgingsfrist", "followup_done_on": "Fulgt opp",
                 "followup_owner_id": "Ansvarlig for oppfølgingen",
                 "created_by": "Registrert av", "reply_received_on": "Svar mottatt",
                 "reply_summary": "Hva de svarte", "reply_filename": "Navn på svarfilen",
                 "reply_file": "Svarfil"},
    "positions": {**_COMMON, "value": "Verdi", "decided_on": "Vedtaksdato", "note": "Merknad"},
    "documents": {**_COMMON, "kind": "Type dokument", "template": "Mal",
                  "fields": "Flettefelt", "body": "Tekst", "meeting_id": "Møte",
                  "newspaper_id": "Avis", "statement_id": "Uttalelse",
                  "politician_id": "Politiker", "author_id": "Forfatter", "sent_on": "Sendt",
                  "published_on": "Publisert", "link": "Lenke", "docx": "Lagret brev",
                  "adopted_on": "Vedtatt", "docx_filename": "Filnavn",
                  "exclusive_until": "Eksklusivt til", "based_on": "Bygger på"},
    "statements": {**_COMMON, "title": "Tittel", "adopted_by": "Vedtatt av (organ)",
                   "meeting_date": "Møtedato", "place": "Sted", "position": "Standpunkt",
                   "grounds": "Begrunnelse", "demands": "Krav",
                   "demands_to": "Kravene rettes til", "reservations": "Forbehold",
                   "contact": "Kontaktperson", "version": "Versjon",
                   "parent_id": "Forrige versjon", "adopted_on": "Vedtatt",
                   "created_by": "Opprettet av"},
    "newspapers": {**_COMMON, "area": "Område", "email": "E-post til debattredaksjonen",
                   "max_chars_innlegg": "Maks tegn i leserinnlegg",
                   "max_chars_kronikk": "Maks tegn i kronikk", "language_form": "Målform",
                   "notes": "Notat", "exclusive_days": "Dager eksklusivt"},
    "arguments": {**_COMMON, "title": "Overskrift", "body": "Avsnitt", "sources": "Kilder",
                  "checked_on": "Kildene sjekket", "proposed_by": "Foreslått av",
                  "proposed_at": "Foreslått", "decided_by": "Avgjort av",
                  "decided_at": "Avgjort", "note": "Notat"},
    "levers": {**_COMMON, "id": "Kode", "name": "Navn på saken", "category": "Kategori",
               "section": "Lovparagraf", "value_type": "Verditype", "unit": "Enhet",
               "legal_normal": "Lovens normalgrense", "legal_max": "Lovens grense",
               "goal": "Mål", "goal_rule": "Målregel", "description": "Beskrivelse",
               "verified": "Kontrollert", "sort_order": "Rekkefølge", "active": "Aktiv"},
}
CHANGE_LOG_SYSTEM = "Systemet"
CHANGE_LOG_TRASH_ENTRY = "papirkurv nr. {n}"
CHANGE_LOG_ROWS = "{n} rader"
CHANGE_LOG_TRIGGER_EVENTS = {"insert": "nye rader", "update": "endringer", "delete": "slettinger"}
CHANGE_LOG_TRIGGER = "logging av {events} i {table}"
CHANGE_LOG_GUARD = "vernet mot endring av loggen"
CHANGE_LOG_HEAD_TRIGGER = "kjedehodets oppdatering"
CHANGE_LOG_FIELD_UNKNOWN = "ukjent felt"
CHANGE_LOG_COLUMNS = {"at": "Tidspunkt", "who": "Hvem", "action": "Handling",
                      "table": "Tabell", "record": "Hva", "fields": "Felt"}

# --- The follow-up letters of a meeting as one .zip ---
LETTERS_ZIP_BUTTON = "Last ned alle brevene (.zip)"
LETTERS_ZIP_HELP = "Alle oppfølgingsbrevene fra møtet i én zip-fil, ett Word-dokument per brev."
LETTERS_ZIP_NONE = "Møtet har ingen oppfølgingsbrev å laste ned."
LETTER_FILE_STEM = "Oppfølgingsbrev – {recipient}"
LETTER_FILE_NO_RECIPIENT = "Oppfølgingsbrev"
LETTERS_ZIP_NAME = "Oppfølgingsbrev – møtet {date} i {kommune}.zip"
# Actions logged by code that the audit module's own list does not name.
CHANGE_LOG_ACTIONS = {"password": "passord byttet"}
