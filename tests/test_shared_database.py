"""The one database object pages use: a live connection of its own in every thread.

Streamlit runs page code in the full run, fragment reruns, callbacks and dialogs (script
threads) and downloads made on click (a server worker thread, after the run ended). Each is a
thread here; none may reach a closed connection or another thread's transaction."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from advocacy.db import SharedDatabase, connect, write


@pytest.fixture
def shared(tmp_path):
    path = tmp_path / "x.db"
    setup = connect(path)
    setup.execute("create table t (v text)")
    setup.close()
    return SharedDatabase(path)


def in_thread(fn):
    result = {}

    def run():
        try:
            result["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            result["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def test_a_later_context_works_after_the_run_closed_its_connection(shared):
    """The full run writes and closes its connection; a download made on click later, in
    another thread, still reads through the same object."""

    def full_run():
        with write(shared):
            shared["t"].insert({"v": "lagret"})
        shared.close()

    in_thread(full_run)
    assert in_thread(lambda: [r["v"] for r in shared["t"].rows]) == ["lagret"]


def test_close_only_closes_this_threads_connection_and_the_next_use_reopens(shared):
    other = in_thread(lambda: shared.conn)
    mine = shared.conn
    shared.close()
    assert shared.execute("select count(*) from t").fetchone() == (0,)
    assert shared.conn is not mine
    assert other.execute("select 1").fetchone() == (1,)  # the other thread's is untouched


def test_every_thread_has_its_own_connection_and_transaction(shared):
    started, release = threading.Event(), threading.Event()
    seen = {}

    def writer():
        with write(shared):
            shared["t"].insert({"v": "halvferdig"})
            seen["writer_conn"] = shared.conn
            started.set()
            release.wait(5)

    thread = threading.Thread(target=writer)
    thread.start()
    started.wait(5)
    try:
        assert shared.conn is not seen["writer_conn"]
        assert not shared.conn.in_transaction  # the other session's transaction is not ours
        assert shared["t"].count == 0  # nor are its uncommitted rows
    finally:
        release.set()
        thread.join()
    assert shared["t"].count == 1


def test_a_threads_connection_is_closed_when_the_thread_ends(shared):
    ref = in_thread(lambda: weakref.ref(shared.conn))
    gc.collect()
    assert ref() is None


def test_every_new_connection_is_prepared_by_on_open(tmp_path):
    path = tmp_path / "x.db"
    connect(path).close()
    opened = []
    shared = SharedDatabase(path, on_open=lambda conn: (opened.append(conn),
                                                        setattr(conn, "actor", 7)))
    in_thread(lambda: shared.execute("select 1"))
    assert len(opened) == 2  # the constructing thread's and the other thread's
    assert shared.conn.actor == 7
    assert shared.execute("pragma foreign_keys").fetchone() == (1,)
