"""Statements, campaigns and calendar. Steps m030–m039.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import NOW, migrations, run_sql

# --- Statements, campaigns and calendar (steps m030–m039) ---


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
