"""Several writers at once lose nothing and never see "database is locked"; a process killed
in the middle of a transaction leaves the database whole, with the batch absent."""

import os
import signal
import subprocess
import sys
import textwrap
import time

from advocacy.db import ROOT, connect
from advocacy.startup import open_database

WRITER = textwrap.dedent("""
    import sys, threading
    from advocacy.accounts import accounts, user_admin
    from advocacy.db import connect
    from advocacy.audit import set_actor

    path, prefix, threads, per_thread = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    errors = []

    def work(t):
        db = connect(path)
        leader = accounts.get_user(db, 1)
        set_actor(db, leader.id)
        try:
            for i in range(per_thread):
                user_admin.add_chapter(db, leader, f"{prefix}-{t}-{i}", "IOGT", "0301")
        except Exception as exc:
            errors.append(repr(exc))

    ts = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    print("\\n".join(errors))
    sys.exit(1 if errors else 0)
""")


def test_eight_writers_in_two_processes(tmp_path):
    path = tmp_path / "a.db"
    db = open_database(path)
    from advocacy.accounts import accounts

    accounts.create_user(db, "leder", "leder", "hemmelig123")
    before = db["chapters"].count
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, "4", "15"], cwd=ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for name in ("a", "b")
    ]
    outputs = [p.communicate(timeout=240)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert "locked" not in "".join(outputs)
    assert db["chapters"].count == before + 2 * 4 * 15
    from advocacy import audit

    assert audit.verify(db).ok  # the hash chain stayed whole under contention


KILLED = textwrap.dedent("""
    import sys, time
    from advocacy.db import connect, write
    db = connect(sys.argv[1])
    with write(db):
        for i in range(100000):
            db["events"].insert({"kind": "stand", "title": f"Stand {i}",
                                 "starts_at": "2026-12-01T10:00"})
            if i == 500:
                print("halfway", flush=True)
            time.sleep(0.001)
""")


def test_a_process_killed_mid_batch_leaves_the_batch_absent(tmp_path):
    path = tmp_path / "a.db"
    open_database(path).close()
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(path)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "halfway"
    time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    db = connect(path)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert db["events"].count == 0
    db["events"].insert({"kind": "stand", "title": "Etterpå", "starts_at": "2026-12-01T10:00"})
    assert db["events"].count == 1
