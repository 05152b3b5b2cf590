"""Writing group. Steps m050–m059.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import NOW, migrations, run_sql

# --- Writing group: steps m050_ … m059_ ---


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
