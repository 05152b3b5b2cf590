"""Login that holds under a flood of guesses, and demo data that can leave a production
database. Steps m100–m104.

Never edit a step that has landed: add a new one at the end of its range."""

from __future__ import annotations

from advocacy.migrations.base import migrations, run_sql

DEMO_REMOVAL_FLAG = "demo_removal_in_progress"
_REMOVING_DEMO = ("old.is_demo = 1 and exists (select 1 from settings "
                  "where key = 'demo_removal_in_progress')")


@migrations()
def m100_login_clients(db):
    # Failed logins per client address and user name. A client that guessed too often is
    # locked for up to an hour; the user name itself only gets a short growing delay, so an
    # outsider cannot lock a leader out. Unlocking a user forgives that name's rows.
    run_sql(
        db,
        """
create table login_client_failures (
    client text not null,
    username text not null,
    failures integer not null,
    last_failure_at text not null,
    primary key (client, username)
);
create index login_client_failures_username on login_client_failures(username);
create index login_client_failures_last on login_client_failures(last_failure_at);
create index login_failures_last on login_failures(last_failure_at);
""",
    )


@migrations()
def m101_demo_rows_may_leave(db):
    # `remove-demo` deletes demo positions and the adopted demo statement. The append-only
    # triggers keep refusing that for every real row, and for demo rows outside that command.
    run_sql(
        db,
        f"""
drop trigger positions_no_delete;
create trigger positions_no_delete before delete on positions
when not ({_REMOVING_DEMO})
begin
    select raise(abort, 'positions is append-only');
end;
drop trigger statements_adopted_no_delete;
create trigger statements_adopted_no_delete before delete on statements
when old.adopted_on is not null and not ({_REMOVING_DEMO})
begin
    select raise(abort, 'adopted statement text is frozen');
end;
""",
    )
