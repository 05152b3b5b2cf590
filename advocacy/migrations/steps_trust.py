"""Nothing lost, everything correctable: sessions that survive a reload, saved drafts, the
papirkurv, corrections of histories and recorded answers. Steps m080–m099.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import NOW, migrations, run_sql


@migrations()
def m080_login_sessions(db):
    # A login that survives F5 and a new tab: the browser keeps a random token in a cookie,
    # the server only its SHA-256 (a stolen database file gives no live session). Revoked on
    # logout (every tab), deactivation and password change.
    run_sql(
        db,
        f"""
create table login_sessions (
    token_hash text primary key,
    user_id integer not null references users(id) on delete cascade,
    created_at text not null default {NOW},
    last_seen_at text not null default {NOW},
    expires_at text not null,
    revoked_at text
);
create index login_sessions_user on login_sessions(user_id);
""",
    )


@migrations()
def m081_drafts(db):
    # Unsaved text, one row per user and record (record_key such as 'innlegg:12',
    # 'uttalelse:3', 'mote:new'): restored with a notice after a reload, removed on save.
    run_sql(
        db,
        f"""
create table drafts (
    user_id integer not null references users(id) on delete cascade,
    record_key text not null,
    payload text not null,
    updated_at text not null default {NOW},
    primary key (user_id, record_key)
);
""",
    )


@migrations()
def m082_trash(db):
    # The papirkurv: a removed record and the rows that belong to it, as JSON, for 30 days;
    # restore puts them back with their ids. The live tables stay free of "deleted" flags,
    # so no query anywhere has to remember to leave removed rows out.
    run_sql(
        db,
        f"""
create table trash (
    id integer primary key,
    kind text not null,
    row_id integer not null,
    label text not null,
    payload text not null,
    chapter_id integer,
    deleted_by integer references users(id) on delete set null,
    deleted_at text not null default {NOW},
    restored_by integer references users(id) on delete set null,
    restored_at text
);
create index trash_deleted on trash(restored_at, deleted_at);
""",
    )


@migrations()
def m083_corrections(db):
    # A correction (rettelse) marks a wrong row of an append-only history: it stays in the
    # history, stops counting in statuses and exports, and says who corrected it and why.
    for table in ("positions", "stances", "statements"):
        run_sql(
            db,
            f"""
alter table {table} add column corrected_at text;
alter table {table} add column corrected_by integer references users(id) on delete set null;
alter table {table} add column correction_reason text;
""",
        )


@migrations()
def m084_recorded_answers(db):
    # «Registrer svar» records what was answered, not only that someone did.
    run_sql(
        db,
        """
alter table meetings add column reply_summary text;
alter table meetings add column reply_filename text;
alter table meetings add column reply_file blob;
""",
    )
