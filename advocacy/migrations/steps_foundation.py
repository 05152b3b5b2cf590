"""Foundation: the tables, the audit chain, login failures. Steps m001–m009.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import NOW, migrations, run_sql


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
