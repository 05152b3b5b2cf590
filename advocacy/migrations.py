"""Numbered, append-only schema steps.

Never edit a step that has landed: databases in the field have already run it. Add a new step
at the end instead (`m002_…`). `migrate(db)` applies the pending ones and refuses a database
that has steps this version does not know (made by a newer Påvirk).
"""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils import Migrations

from . import audit, texts
from .errors import DatabaseError

migrations = Migrations("advocacy")

NOW = "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"


def run_sql(db: sqlite_utils.Database, script: str) -> None:
    """Run a multi-statement script inside the current transaction.

    `executescript` would COMMIT first and break the migration's transaction, so statements are
    split (triggers included, thanks to `complete_statement`) and run one by one.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"Incomplete SQL statement: {statement!r}")


@migrations()
def m001_initial(db):
    # One step for the whole first schema: the tables of DESIGN.md. CHECK constraints hold the
    # vocabularies (roles, kinds, statuses) so that no path, not even a bad import, can store a
    # value the app cannot show.
    run_sql(
        db,
        """
create table settings (
    key text primary key,
    value text not null
);
create table counties (
    fylkesnummer text primary key check (fylkesnummer glob '[0-9][0-9]'),
    navn text not null
);
create table municipalities (
    kommunenummer text primary key check (kommunenummer glob '[0-9][0-9][0-9][0-9]'),
    navn text not null,
    navn_norsk text,
    fylkesnummer text not null references counties(fylkesnummer)
);
create index municipalities_fylkesnummer on municipalities(fylkesnummer);
create table parties (
    code text primary key,
    abbreviation text not null unique,
    name text not null unique
);
create table levers (
    id text primary key,
    name text not null,
    category text not null,
    section text,
    value_type text not null
        check (value_type in ('closing_time', 'boolean', 'count', 'date', 'year', 'text')),
    unit text,
    legal_normal text,
    legal_max text,
    goal text,
    goal_rule text check (goal_rule in ('at_most', 'at_least', 'equals', 'on_or_after')),
    description text,
    source text,
    verified integer not null default 1,
    sort_order integer not null default 0,
    active integer not null default 1
);
create table chapters (
    id integer primary key,
    name text not null unique,
    organisation text not null,
    kommunenummer text references municipalities(kommunenummer),
    email text,
    is_demo integer not null default 0,
    created_at text not null default {NOW}
);
create table users (
    id integer primary key,
    username text not null unique collate nocase,
    full_name text not null,
    role text not null check (role in ('leder', 'lokallag', 'skrivegruppe')),
    chapter_id integer references chapters(id),
    password_hash text not null,
    title text,
    email text,
    phone text,
    place text,
    active integer not null default 1,
    is_demo integer not null default 0,
    created_at text not null default {NOW},
    last_login_at text,
    check (role != 'lokallag' or chapter_id is not null)
);
create table positions (
    id integer primary key,
    kommunenummer text not null references municipalities(kommunenummer),
    lever_id text not null references levers(id),
    value text not null,
    decided_on text,
    source text,
    note text,
    recorded_by integer references users(id),
    recorded_at text not null default {NOW},
    is_demo integer not null default 0
);
create index positions_current on positions(kommunenummer, lever_id, decided_on, id);
create trigger positions_no_update before update on positions
begin
    select raise(abort, 'positions is append-only');
end;
create trigger positions_no_delete before delete on positions
begin
    select raise(abort, 'positions is append-only');
end;
create table politicians (
    id integer primary key,
    name text not null,
    party_code text references parties(code),
    party_text text,
    kommunenummer text not null references municipalities(kommunenummer),
    role text not null default 'kommunestyremedlem' check (role in (
        'ordforer', 'varaordforer', 'gruppeleder', 'formannskapsmedlem',
        'kommunestyremedlem', 'utvalgsleder', 'annet')),
    committee text,
    term text,
    email text,
    phone text,
    notes text,
    in_office integer not null default 1,
    left_office_on text,
    is_demo integer not null default 0,
    created_at text not null default {NOW},
    updated_at text not null default {NOW}
);
create index politicians_kommunenummer on politicians(kommunenummer);
create table stances (
    id integer primary key,
    politician_id integer not null references politicians(id) on delete cascade,
    lever_id text references levers(id),
    topic text,
    stance text not null
        check (stance in ('klart_for', 'for', 'usikker', 'mot', 'klart_mot', 'ukjent')),
    stated_on text,
    source text,
    recorded_by integer references users(id),
    recorded_at text not null default {NOW},
    check (lever_id is not null or topic is not null)
);
create index stances_politician on stances(politician_id);
create table meetings (
    id integer primary key,
    held_on text not null,
    kind text not null
        check (kind in ('mote', 'telefon', 'epost', 'debatt', 'stand', 'konferanse')),
    chapter_id integer not null references chapters(id),
    kommunenummer text not null references municipalities(kommunenummer),
    summary text not null,
    our_participants text,
    topics text,
    asks text,
    promises text,
    outcome text,
    followup_due text,
    followup_done_on text,
    followup_owner_id integer references users(id),
    created_by integer references users(id),
    created_at text not null default {NOW},
    updated_at text not null default {NOW},
    is_demo integer not null default 0,
    check (followup_due is null or followup_due >= held_on)
);
create index meetings_chapter on meetings(chapter_id, held_on);
create index meetings_kommunenummer on meetings(kommunenummer);
create table meeting_politicians (
    meeting_id integer not null references meetings(id) on delete cascade,
    politician_id integer not null references politicians(id) on delete cascade,
    primary key (meeting_id, politician_id)
);
create index meeting_politicians_politician on meeting_politicians(politician_id);
create table meeting_levers (
    meeting_id integer not null references meetings(id) on delete cascade,
    lever_id text not null references levers(id),
    primary key (meeting_id, lever_id)
);
create table newspapers (
    id integer primary key,
    name text not null unique,
    area text,
    email text,
    max_chars_innlegg integer,
    max_chars_kronikk integer,
    language_form text not null default 'bokmål' check (language_form in ('bokmål', 'nynorsk')),
    notes text,
    is_demo integer not null default 0
);
create table newspaper_municipalities (
    newspaper_id integer not null references newspapers(id) on delete cascade,
    kommunenummer text not null references municipalities(kommunenummer),
    primary key (newspaper_id, kommunenummer)
);
create table statements (
    id integer primary key,
    title text not null,
    adopted_by text,
    meeting_date text,
    place text,
    position text,
    grounds text,
    demands text,
    reservations text,
    contact text,
    status text not null default 'utkast'
        check (status in ('utkast', 'til_behandling', 'vedtatt', 'sendt', 'trukket')),
    version integer not null default 1,
    parent_id integer references statements(id),
    adopted_on text,
    chapter_id integer references chapters(id),
    created_by integer references users(id),
    created_at text not null default {NOW},
    updated_at text not null default {NOW},
    is_demo integer not null default 0
);
create table documents (
    id integer primary key,
    kind text not null
        check (kind in ('oppfolgingsbrev', 'leserinnlegg', 'kronikk', 'uttalelse', 'annet')),
    title text not null,
    template text,
    fields text not null default '{}',
    body text,
    status text not null default 'utkast',
    meeting_id integer references meetings(id) on delete set null,
    newspaper_id integer references newspapers(id) on delete set null,
    statement_id integer references statements(id) on delete set null,
    politician_id integer references politicians(id) on delete set null,
    kommunenummer text references municipalities(kommunenummer),
    chapter_id integer references chapters(id),
    author_id integer references users(id),
    sent_on text,
    published_on text,
    link text,
    docx blob,
    created_at text not null default {NOW},
    updated_at text not null default {NOW},
    is_demo integer not null default 0
);
create index documents_kind_status on documents(kind, status);
create index documents_meeting on documents(meeting_id);
create table campaigns (
    id integer primary key,
    title text not null,
    starts_on text,
    ends_on text,
    goal_signatures integer,
    goal_volunteers integer,
    description text,
    is_demo integer not null default 0,
    created_at text not null default {NOW}
);
create table campaign_counts (
    id integer primary key,
    campaign_id integer not null references campaigns(id) on delete cascade,
    counted_on text not null,
    signatures integer not null default 0 check (signatures >= 0),
    volunteers integer not null default 0 check (volunteers >= 0),
    source text
);
create table events (
    id integer primary key,
    chapter_id integer references chapters(id),
    kind text not null check (kind in ('stand', 'debatt', 'mote_med_politikere', 'seminar',
        'konferanse', 'fanemarkering', 'kampanjedag')),
    title text not null,
    starts_at text not null,
    ends_at text,
    place text,
    description text,
    responsible text,
    campaign_id integer references campaigns(id) on delete set null,
    is_demo integer not null default 0
);
create table templates (
    id integer primary key,
    name text not null unique,
    kind text not null default 'annet',
    filename text not null,
    sha256 text not null,
    fields text not null default '[]',
    docx blob not null,
    uploaded_by integer references users(id),
    uploaded_at text not null default {NOW}
);
create table audit_log (
    id integer primary key,
    at text not null default {NOW},
    user_id integer,
    username text,
    action text not null,
    table_name text,
    row_id text,
    changes text
);
create trigger audit_log_no_update before update on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;
create trigger audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;
""".replace("{NOW}", NOW),
    )


@migrations()
def m002_audit_chain(db):
    # Each log row carries the previous row's hash and its own, so a row edited or removed in
    # the file (the triggers refuse it through SQL) shows up in `verify-audit`. The triggers
    # that fill the log are derived from the audited tables' columns: see audit.py.
    run_sql(
        db,
        """
alter table audit_log add column prev_hash text;
alter table audit_log add column hash text;
create index audit_log_table_row on audit_log(table_name, row_id);
""",
    )


@migrations()
def m003_login_failures(db):
    # Failed logins per username, known or not: lockout must not tell which usernames exist.
    run_sql(
        db,
        """
create table login_failures (
    username text primary key,
    failures integer not null,
    last_failure_at text not null,
    locked_until text
);
""",
    )


# --- Politicians, meetings and follow-ups (issue 4): steps m010–m019 ---

# Full-text indexes in sqlite-utils' own layout (`<table>_fts`, external content, triggers named
# `<table>_ai/_ad/_au`), so `table.search()` and `enable_fts(..., replace=True)` (needed after a
# `transform()`, which drops the triggers) keep working. Written as SQL because `enable_fts`
# uses executescript, which would commit in the middle of the migration.
# `remove_diacritics 2`: a volunteer typing "Alesund" or "Tromso" still finds the record.
_FTS_COLUMNS = {
    "meetings": ("summary", "topics", "asks", "promises", "outcome", "our_participants"),
    "politicians": ("name", "party_text", "committee", "notes"),
    "documents": ("title", "body", "fields"),
}


def _fts_sql(table: str, columns: tuple[str, ...]) -> str:
    cols = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    # Only the fixed names of _FTS_COLUMNS are formatted in.
    return f"""
create virtual table [{table}_fts] using fts5 (
    {cols}, content=[{table}], tokenize='unicode61 remove_diacritics 2'
);
create trigger [{table}_ai] after insert on [{table}] begin
    insert into [{table}_fts] (rowid, {cols}) values (new.rowid, {new});
end;
create trigger [{table}_ad] after delete on [{table}] begin
    insert into [{table}_fts] ([{table}_fts], rowid, {cols}) values ('delete', old.rowid, {old});
end;
create trigger [{table}_au] after update on [{table}] begin
    insert into [{table}_fts] ([{table}_fts], rowid, {cols}) values ('delete', old.rowid, {old});
    insert into [{table}_fts] (rowid, {cols}) values (new.rowid, {new});
end;
insert into [{table}_fts] ([{table}_fts]) values ('rebuild');
"""  # noqa: S608


@migrations()
def m010_full_text_search(db):
    for table, columns in _FTS_COLUMNS.items():
        run_sql(db, _fts_sql(table, columns))


@migrations()
def m011_replies_and_stance_history(db):
    # "No reply after 14 days" needs to know when (if ever) the politician answered; stances keep
    # their history, so a changed stance is a new row, never an edit of the old one.
    run_sql(
        db,
        """
alter table meetings add column reply_received_on text;
create index meetings_followup on meetings(followup_done_on, followup_due);
create index stances_history on stances(politician_id, lever_id, topic, stated_on, id);
create index politicians_name on politicians(name collate nocase, kommunenummer);
create trigger stances_no_update before update on stances
begin
    select raise(abort, 'stances is append-only');
end;
""",
    )


# --- Policy profiles and overview (issue 5): steps m020–m029 ---

@migrations()
def m020_positions_by_date(db):
    # "Changes in the last 90 days" and the overview filter positions by decision date across
    # all municipalities; positions_current leads with kommunenummer and cannot serve that.
    run_sql(db, """
create index if not exists positions_decided on positions(decided_on, lever_id);
create index if not exists documents_kommunenummer on documents(kommunenummer);
""")


# --- Statements, campaigns and calendar (issue 7: steps m030–m039) ---


@migrations()
def m030_statement_links(db):
    # A statement concerns policy levers and municipalities; the archive is searched by lever.
    # `demands_to` completes "Vi ber … om å:" in the template (kommunestyret i Drammen).
    run_sql(
        db,
        """
alter table statements add column demands_to text;
create table statement_levers (
    statement_id integer not null references statements(id) on delete cascade,
    lever_id text not null references levers(id),
    primary key (statement_id, lever_id)
);
create table statement_municipalities (
    statement_id integer not null references statements(id) on delete cascade,
    kommunenummer text not null references municipalities(kommunenummer),
    primary key (statement_id, kommunenummer)
);
create index statements_parent on statements(parent_id);
create index statements_status on statements(status, adopted_on);
""",
    )


@migrations()
def m031_statement_recipients(db):
    # Where a sent statement went: a politician, a party, a newspaper or anyone else named in
    # free text. `name` keeps the label as it was when sent, so a later rename does not
    # rewrite history.
    run_sql(
        db,
        """
create table statement_recipients (
    id integer primary key,
    statement_id integer not null references statements(id) on delete cascade,
    kind text not null check (kind in ('politiker', 'parti', 'avis', 'annet')),
    politician_id integer references politicians(id) on delete set null,
    party_code text references parties(code),
    newspaper_id integer references newspapers(id) on delete set null,
    name text not null,
    sent_on text not null,
    recorded_by integer references users(id),
    recorded_at text not null default {NOW},
    is_demo integer not null default 0
);
create index statement_recipients_statement on statement_recipients(statement_id);
""".replace("{NOW}", NOW),
    )


@migrations()
def m032_statement_responses(db):
    run_sql(
        db,
        """
create table statement_responses (
    id integer primary key,
    statement_id integer not null references statements(id) on delete cascade,
    recipient_id integer references statement_recipients(id) on delete set null,
    responder text not null,
    responded_on text not null,
    summary text not null,
    recorded_by integer references users(id),
    recorded_at text not null default {NOW},
    is_demo integer not null default 0
);
create index statement_responses_statement on statement_responses(statement_id);
""".replace("{NOW}", NOW),
    )


@migrations()
def m033_statement_history(db):
    # Every status change with who and when. Append-only, like positions and audit_log.
    run_sql(
        db,
        """
create table statement_history (
    id integer primary key,
    statement_id integer not null references statements(id) on delete cascade,
    from_status text,
    to_status text not null,
    at text not null default {NOW},
    user_id integer references users(id),
    username text,
    note text
);
create index statement_history_statement on statement_history(statement_id, id);
create trigger statement_history_no_update before update on statement_history
begin
    select raise(abort, 'statement_history is append-only');
end;
""".replace("{NOW}", NOW),
    )


@migrations()
def m034_statement_adopted_text_frozen(db):
    # The last line of defence for "adopted text cannot change silently": whatever path writes
    # (the app, a script, a bad import), the words and the adoption facts of an adopted
    # statement stay as adopted. Changes go into a new version row (parent_id).
    run_sql(
        db,
        """
create trigger statements_adopted_text_frozen before update on statements
when old.adopted_on is not null and (
    new.title is not old.title or new.adopted_by is not old.adopted_by
    or new.meeting_date is not old.meeting_date or new.place is not old.place
    or new.position is not old.position or new.grounds is not old.grounds
    or new.demands is not old.demands or new.demands_to is not old.demands_to
    or new.reservations is not old.reservations or new.contact is not old.contact
    or new.adopted_on is not old.adopted_on or new.version is not old.version
    or new.parent_id is not old.parent_id)
begin
    select raise(abort, 'adopted statement text is frozen');
end;
create trigger statements_adopted_no_delete before delete on statements
when old.adopted_on is not null
begin
    select raise(abort, 'adopted statement text is frozen');
end;
""",
    )


@migrations()
def m035_campaign_links(db):
    # Counts are increments ("800 underskrifter på standen i dag"), so totals are sums; who
    # collected them (chapter) and who typed them in are kept. Campaigns link to levers,
    # statements, meetings and letters through link tables, leaving those tables untouched.
    run_sql(
        db,
        """
alter table campaign_counts add column chapter_id integer references chapters(id);
alter table campaign_counts add column recorded_by integer references users(id);
create index campaign_counts_campaign on campaign_counts(campaign_id, counted_on);
create table campaign_levers (
    campaign_id integer not null references campaigns(id) on delete cascade,
    lever_id text not null references levers(id),
    primary key (campaign_id, lever_id)
);
create table campaign_statements (
    campaign_id integer not null references campaigns(id) on delete cascade,
    statement_id integer not null references statements(id) on delete cascade,
    primary key (campaign_id, statement_id)
);
create table campaign_meetings (
    campaign_id integer not null references campaigns(id) on delete cascade,
    meeting_id integer not null references meetings(id) on delete cascade,
    primary key (campaign_id, meeting_id)
);
create table campaign_documents (
    campaign_id integer not null references campaigns(id) on delete cascade,
    document_id integer not null references documents(id) on delete cascade,
    primary key (campaign_id, document_id)
);
""",
    )


@migrations()
def m036_event_owner(db):
    run_sql(
        db,
        """
alter table events add column created_by integer references users(id);
create index events_starts on events(starts_at);
create index events_chapter on events(chapter_id, starts_at);
""",
    )


# --- Documents (issue 3): steps m040_ … m049_ ---


@migrations()
def m040_documents_frozen_copy(db):
    # The .docx that went out is kept on the record so the organisation can always see exactly
    # what was sent or adopted. The trigger makes that copy (and the fields and template it was
    # made from) unchangeable in the database itself, whatever code path tries; adopted_on holds
    # the adoption date of a statement, docx_filename the name the copy is downloaded under.
    run_sql(
        db,
        """
alter table documents add column adopted_on text;
alter table documents add column docx_filename text;
create trigger documents_sent_copy_frozen before update of docx, fields, template on documents
when old.docx is not null and (new.docx is not old.docx or new.fields is not old.fields
                               or new.template is not old.template)
begin
    select raise(abort, 'documents: the sent copy is frozen');
end;
""",
    )


# --- Writing group (issue 6): steps m050_ … m059_ ---


@migrations()
def m050_reader_letter_pipeline(db):
    # A reader letter goes to one paper at a time. Each sending is a row of letter_submissions
    # (paper, date, how long it is exclusive, what came of it), so "refused by A, published by B"
    # stays visible; documents keeps the current paper, status and dates for lists and the
    # Oversikt counts. The partial unique index is the database's own guard for exclusivity:
    # a letter can have only one sending without an answer. letter_history holds every move
    # with who and when and is append-only, like statement_history.
    run_sql(
        db,
        """
alter table newspapers add column exclusive_days integer;
alter table documents add column exclusive_until text;
alter table documents add column based_on integer references documents(id) on delete set null;
create table letter_submissions (
    id integer primary key,
    document_id integer not null references documents(id) on delete cascade,
    newspaper_id integer not null references newspapers(id),
    sent_on text not null,
    exclusive_until text not null,
    outcome text check (outcome in ('publisert', 'refusert', 'ingen_svar')),
    outcome_on text,
    link text,
    sent_by integer references users(id),
    is_demo integer not null default 0
);
create unique index letter_submissions_open on letter_submissions(document_id)
    where outcome is null;
create index letter_submissions_newspaper on letter_submissions(newspaper_id, sent_on);
create table letter_history (
    id integer primary key,
    document_id integer not null references documents(id) on delete cascade,
    from_status text,
    to_status text not null,
    at text not null default {NOW},
    user_id integer references users(id),
    username text,
    newspaper_id integer references newspapers(id),
    note text
);
create index letter_history_document on letter_history(document_id, id);
create trigger letter_history_no_update before update on letter_history
begin
    select raise(abort, 'letter_history is append-only');
end;
create table letter_shingles (
    document_id integer not null references documents(id) on delete cascade,
    hash integer not null,
    primary key (document_id, hash)
) without rowid;
create index letter_shingles_hash on letter_shingles(hash);
create table letter_fingerprints (
    document_id integer primary key references documents(id) on delete cascade,
    sampled integer not null
);
""".replace("{NOW}", NOW),
    )


@migrations()
def m051_argument_bank(db):
    # Approved paragraphs a writer may insert. Writers propose (status 'forslag'), leadership
    # approves or rejects; each keeps its sources and the date the facts were last checked.
    run_sql(
        db,
        """
create table arguments (
    id integer primary key,
    title text not null,
    body text not null,
    sources text not null default '',
    checked_on text,
    lever_id text references levers(id),
    status text not null default 'forslag'
        check (status in ('forslag', 'godkjent', 'avvist', 'arkivert')),
    proposed_by integer references users(id),
    proposed_at text not null default {NOW},
    decided_by integer references users(id),
    decided_at text,
    note text,
    is_demo integer not null default 0
);
create index arguments_status on arguments(status, lever_id);
""".replace("{NOW}", NOW),
    )


# --- Privacy and security (issue 8): steps m060_ … m069_ ---

ERASURE_FLAG = "erasure_in_progress"
_NOT_ERASING = f"not exists (select 1 from settings where key = '{ERASURE_FLAG}')"  # noqa: S608


@migrations()
def m060_erasure_passes_frozen_rows(db):
    # A data-protection erasure must reach rows that are otherwise frozen: a sent letter's copy,
    # an adopted statement's words, the append-only stance, position and status histories. The
    # erasing transaction writes a flag row into `settings` and removes it before committing, so
    # the flag is never visible outside that one transaction; every other path is refused as
    # before. The audit log itself is NOT opened: erasures are logged like any change.
    run_sql(
        db,
        """
drop trigger documents_sent_copy_frozen;
create trigger documents_sent_copy_frozen before update of docx, fields, template on documents
when old.docx is not null and (new.docx is not old.docx or new.fields is not old.fields
                               or new.template is not old.template) and {NOT_ERASING}
begin
    select raise(abort, 'documents: the sent copy is frozen');
end;
drop trigger statements_adopted_text_frozen;
create trigger statements_adopted_text_frozen before update on statements
when old.adopted_on is not null and (
    new.title is not old.title or new.adopted_by is not old.adopted_by
    or new.meeting_date is not old.meeting_date or new.place is not old.place
    or new.position is not old.position or new.grounds is not old.grounds
    or new.demands is not old.demands or new.demands_to is not old.demands_to
    or new.reservations is not old.reservations or new.contact is not old.contact
    or new.adopted_on is not old.adopted_on or new.version is not old.version
    or new.parent_id is not old.parent_id) and {NOT_ERASING}
begin
    select raise(abort, 'adopted statement text is frozen');
end;
drop trigger statement_history_no_update;
create trigger statement_history_no_update before update on statement_history
when {NOT_ERASING}
begin
    select raise(abort, 'statement_history is append-only');
end;
drop trigger stances_no_update;
create trigger stances_no_update before update on stances
when {NOT_ERASING}
begin
    select raise(abort, 'stances is append-only');
end;
drop trigger positions_no_update;
create trigger positions_no_update before update on positions
when {NOT_ERASING}
begin
    select raise(abort, 'positions is append-only');
end;
""".replace("{NOT_ERASING}", _NOT_ERASING),
    )


@migrations()
def m061_erasure_passes_letter_history(db):
    # The reader-letter history (m050) is append-only like the others and must likewise let a
    # data-protection erasure replace a name in its notes. Every later append-only trigger must
    # carry the same clause.
    run_sql(
        db,
        """
drop trigger letter_history_no_update;
create trigger letter_history_no_update before update on letter_history
when {NOT_ERASING}
begin
    select raise(abort, 'letter_history is append-only');
end;
""".replace("{NOT_ERASING}", _NOT_ERASING),
    )


# --- Performance at national scale (issue 9): steps m070–m079 ---


@migrations()
def m070_national_scale_indexes(db):
    # overview.activity_version asks for max(updated_at) of meetings and documents on every
    # rerun of Oversikt; without an index that reads both tables whole. Leadership's meeting
    # list is the newest 200 of all chapters: held_on lets it stop after 200 instead of sorting
    # 50,000 meetings.
    run_sql(
        db,
        """
create index if not exists meetings_held on meetings(held_on, id);
create index if not exists meetings_updated on meetings(updated_at);
create index if not exists documents_updated on documents(updated_at);
""",
    )


@migrations()
def m071_directory_order_index(db):
    # The politician directory is listed by municipality name and shows the first 200: walking
    # the municipalities in name order stops after 200 instead of sorting 10,000 politicians.
    run_sql(db, "create index if not exists municipalities_navn on municipalities(navn, kommunenummer);")


@migrations()
def m072_chapter_followup_index(db):
    # A chapter's overdue follow-ups (Oversikt, Møter): without it SQLite walks every open
    # follow-up in the country and looks up each meeting's chapter, 15 ms a rerun at 10,000.
    run_sql(db, "create index if not exists meetings_chapter_followup "
                "on meetings(chapter_id, followup_done_on, followup_due);")


@migrations()
def m073_document_owner_indexes(db):
    # A writer's own letters and a chapter's documents: without these every page of Brev og
    # innlegg read all 20,000 documents of a national archive to find a writer's forty.
    run_sql(db, """
create index if not exists documents_author on documents(author_id, updated_at);
create index if not exists documents_chapter on documents(chapter_id, updated_at);
""")


def known_names() -> list[str]:
    # Migrations has no public list of registered steps; its repr is for people.
    return [m.name for m in migrations._migrations]


def unknown_applied(db: sqlite_utils.Database) -> list[str]:
    """Steps recorded in the database that this version of the code does not have."""
    known = set(known_names())
    return [m.name for m in migrations.applied(db) if m.name not in known]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending steps; return their names. Refuses a database from a newer version.

    The whole run holds the write lock (BEGIN IMMEDIATE), so two processes starting at once
    cannot both apply the same step.
    """
    from .db import write

    newer = unknown_applied(db)
    if newer:
        raise DatabaseError(
            texts.DB_NEWER_SCHEMA.format(path=db.conn.execute("pragma database_list").fetchone()[2],
                                         names=", ".join(newer))
        )
    with write(db):
        pending = [m.name for m in migrations.pending(db)]
        migrations.apply(db)
        if pending or not audit.triggers_installed(db):
            audit.install_triggers(db)
    return pending
