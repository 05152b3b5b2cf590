"""Every compile, fill and check of a template runs here: in a worker process with hard limits.

Why a process: a template is code written by someone else, and Jinja's sandbox bounds what it
may reach, not how long it runs or how much it builds. Inside one process nothing can stop a
thread that spins in ``{% for %}`` three deep or in ``str.center``; a process can be killed. So
a small pool of worker processes (limits.workers(), started on first use from a "forkserver"
that has the document engine imported: the Streamlit server has threads, which a plain fork
must not copy) does all the parsing, compiling and rendering, each worker with

- its address space capped (RLIMIT_AS, ADVOCACY_TEMPLATE_MEMORY_MB): a MemoryError is a refusal;
- a CPU budget per job (RLIMIT_CPU raised to used + budget before each step), as a backstop;
- a lower priority (nice 10), so the server's other users keep the processor;
- the XML of a letter part capped while it is produced (limits.joined).

The calling thread waits for each answer with a wall-time timeout (ADVOCACY_TEMPLATE_SECONDS
per check, per fill and per letter of a batch). On overrun the worker is killed (SIGKILL) and
replaced on next use; the caller gets TemplateLimitExceeded, «Malen bruker for mye tid/minne».
Compiled templates stay in the worker by SHA-256 and file name, so a preview that re-renders
on every keystroke only sends the merge values. A refusal for the same job is remembered for a
while, so rerunning a page does not run a runaway template again.

Messages are tuples over a multiprocessing pipe. To the worker: (job, Limits, args), and
("data", bytes) when it answers ("need",); to_html (preview.html_here) is a job too (mammoth on a large
letter takes long). From it: ("ok", value), ("error", exc, index),
("ready",) and ("letter", bytes) in a batch.

This module is the calling side and the pool; what runs in the worker process (``serve``, the
target each worker starts with) is in worker_side.py.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing import context, forkserver, popen_forkserver, reduction, spawn, util
from typing import Any

from advocacy import texts
from advocacy.documents import limits
from advocacy.documents.errors import TemplateError, TemplateLimitExceeded
from advocacy.documents.limits import Limits
from advocacy.documents.worker_side import CACHED_TEMPLATES, serve
from advocacy.errors import AdvocacyError

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["advocacy.documents"])
REFUSALS_KEPT, REFUSAL_SECONDS = 64, 120.0


class LetterFailed(Exception):
    """Letter ``index`` (from 0) of a batch was refused with ``error``."""

    def __init__(self, index: int, error: AdvocacyError):
        super().__init__(index, error)
        self.index = index
        self.error = error


# --- The calling side -------------------------------------------------------------------------


def compile_fields(sha256: str, data: bytes, filename: str) -> frozenset[str]:
    """The merge fields of a template, compiled (and kept) in a worker."""
    return _call("compile", (sha256, filename), data, (sha256, filename))


def render_letter(sha256: str, data: bytes, filename: str, plain: dict[str, Any]) -> bytes:
    """One filled-in .docx for a validated context (plaindata.plain_context)."""
    digest = hashlib.sha256(pickle.dumps(plain)).hexdigest()
    return _call("render", (sha256, filename), data, (sha256, filename, plain), digest)


def check(filename: str, data: bytes) -> Any:
    """check.check_template's verdict (a TemplateReport), decided in a worker."""
    sha256 = hashlib.sha256(data).hexdigest()
    return _call("check", (sha256, filename), data, (sha256, filename, data))


def to_html(data: bytes) -> str:
    """A .docx as safe HTML inside a page-like container (preview.html_here), converted in a
    bounded worker: a letter just under the output cap can take mammoth many seconds. Raises
    TemplateLimitExceeded when it runs past the limits."""
    sha256 = hashlib.sha256(data).hexdigest()
    return _call("html", (sha256, ""), data, (data,))


def render_letters(
    sha256: str, data: bytes, filename: str, plains: list[dict[str, Any]]
) -> Iterator[bytes]:
    """The letters of a batch one by one, each within the time limit; LetterFailed names the
    one that was refused. Stopping early (closing the iterator) kills the worker."""
    job = Limits.current()
    key = (sha256, filename)
    with _POOL.worker(key) as worker:
        worker.send(("batch", job, (sha256, filename, plains)))
        reply = _answer(worker, data, job, worker.taken_at + job.seconds)
        if reply[0] != "ready":
            _settle(worker, reply)
        if not plains:
            worker.done(key)
        for index in range(len(plains)):
            try:
                reply = worker.receive(time.monotonic() + job.seconds, job.seconds)
            except TemplateLimitExceeded as exc:
                raise LetterFailed(index, exc) from None
            if reply[0] == "error":
                worker.busy = isinstance(reply[1], TemplateLimitExceeded)
                raise LetterFailed(index, reply[1])
            if index == len(plains) - 1:
                worker.done(key)
            yield reply[1]


def warm() -> None:
    """Start the forkserver and one worker in the background (at server start), so the first
    letter or check does not wait for them."""

    def start() -> None:
        try:
            with _POOL.worker(("warm",)):
                pass
        except AdvocacyError:
            pass  # the first job will say so

    threading.Thread(target=start, daemon=True, name="advocacy-template-warm").start()


def _call(job_name: str, key: tuple, data: bytes, args: tuple, extra: str = "") -> Any:
    job = Limits.current()
    memo = (job_name, key, extra, job)
    _REFUSALS.check(memo)
    try:
        with _POOL.worker(key) as worker:
            worker.send((job_name, job, args))
            value = _settle(worker, _answer(worker, data, job, worker.taken_at + job.seconds))
            worker.done(key)
            return value
    except TemplateLimitExceeded as exc:
        _REFUSALS.remember(memo, exc)
        raise


def _answer(worker: _Worker, data: bytes, job: Limits, deadline: float) -> tuple:
    """The worker's answer by ``deadline`` (sending it the file if it asks for it)."""
    reply = worker.receive(deadline, job.seconds)
    if reply[0] == "need":
        worker.send(("data", data))
        reply = worker.receive(deadline, job.seconds)
    return reply


def _settle(worker: _Worker, reply: tuple) -> Any:
    if reply[0] == "ok":
        return reply[1]
    if reply[0] == "error":
        # A worker that ran out of time or memory is replaced; after other refusals it is fine.
        worker.busy = isinstance(reply[1], TemplateLimitExceeded)
        raise reply[1]
    raise limits.stopped(f"unexpected reply {reply[0]!r}")


# The multiprocessing internals _Popen._launch uses, as Python 3.11 to 3.13 have them.
_OWN_LAUNCH = sys.version_info < (3, 14) and all(
    hasattr(module, name) for module, name in (
        (spawn, "get_preparation_data"), (context, "set_spawning_popen"), (reduction, "dump"),
        (forkserver, "connect_to_new_process"), (forkserver, "read_signed"),
        (util, "Finalize"), (util, "close_fds")))


class _Popen(popen_forkserver.Popen):
    """The forkserver's start of a process, without re-running the parent's main script in
    the worker (multiprocessing does so to find the target; ours, worker_side.serve, is
    imported by name, and the main script of a Streamlit server is Streamlit itself)."""

    def _launch(self, process_obj: Any) -> None:
        if not _OWN_LAUNCH:  # another Python's internals: start the usual way
            super()._launch(process_obj)
            return
        prep_data = {key: value
                     for key, value in spawn.get_preparation_data(process_obj._name).items()
                     if not key.startswith("init_main")}
        buf = io.BytesIO()
        context.set_spawning_popen(self)
        try:
            reduction.dump(prep_data, buf)
            reduction.dump(process_obj, buf)
        finally:
            context.set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buf.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _Process(_CONTEXT.Process):
    @staticmethod
    def _Popen(process_obj: Any) -> _Popen:  # noqa: N802 - the name multiprocessing calls
        return _Popen(process_obj)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self) -> None:
        self.taken_at = time.monotonic()  # a job's time starts when it gets its worker: now
        here, there = _CONTEXT.Pipe()
        self.process = _Process(target=serve, args=(there,), daemon=True,
                                name="advocacy-template-worker")
        self.process.start()
        there.close()
        self.conn = here
        self.known: OrderedDict[tuple, None] = OrderedDict()
        self.busy = False  # a job was sent and its last answer is not read yet

    def send(self, message: tuple) -> None:
        self.busy = True
        try:
            self.conn.send(message)
        except OSError as exc:  # the worker is gone (killed by its CPU limit, say)
            raise self._ended() from exc

    def receive(self, deadline: float, seconds: float) -> tuple:
        """The next message, or TemplateLimitExceeded if none came by ``deadline``."""
        if not self.conn.poll(max(0.0, deadline - time.monotonic())):
            raise limits.too_slow(seconds)
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            raise self._ended() from None

    def done(self, key: tuple) -> None:
        self.busy = False
        self.known[key] = None
        self.known.move_to_end(key)
        while len(self.known) > CACHED_TEMPLATES:
            self.known.popitem(last=False)

    def kill(self) -> None:
        try:
            os.kill(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, TypeError):
            pass
        self.process.join(5)
        self.conn.close()

    def _ended(self) -> TemplateLimitExceeded:
        self.process.join(2)
        if self.process.exitcode == -signal.SIGXCPU:
            return limits.too_slow(Limits.current().seconds)
        return limits.stopped(f"worker exit code {self.process.exitcode}")


class _Pool:
    """At most limits.workers() workers per process, handed to one job at a time."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._idle: list[_Worker] = []
        self._started = 0
        self._pid = os.getpid()

    @contextmanager
    def worker(self, key: tuple) -> Iterator[_Worker]:
        worker = self._take(key)
        try:
            yield worker
        finally:
            self._give(worker)

    def _take(self, key: tuple) -> _Worker:
        with self._lock:
            if self._pid != os.getpid():  # a forked copy of the server: its workers are not ours
                self._idle, self._started, self._pid = [], 0, os.getpid()
            while True:
                for dead in [w for w in self._idle if not w.process.is_alive()]:
                    self._idle.remove(dead)
                    dead.kill()
                    self._started -= 1
                if self._idle:
                    warm = [w for w in self._idle if key in w.known]
                    worker = warm[-1] if warm else self._idle[-1]
                    self._idle.remove(worker)
                    worker.taken_at = time.monotonic()
                    return worker
                if self._started < limits.workers():
                    self._started += 1
                    break
                self._lock.wait()
        try:
            return _Worker()
        except Exception as exc:  # noqa: BLE001 - no process to be had: a message, not a traceback
            with self._lock:
                self._started -= 1
                self._lock.notify()
            raise TemplateError(texts.TEMPLATE_WORKER_UNAVAILABLE,
                                detail=f"{type(exc).__name__}: {exc}") from exc

    def _give(self, worker: _Worker) -> None:
        if worker.busy or not worker.process.is_alive():
            worker.kill()
            with self._lock:
                self._started -= 1
                self._lock.notify()
            return
        with self._lock:
            self._idle.append(worker)
            self._lock.notify()


class _Refusals:
    """Jobs refused for their limits lately: the same job is refused again at once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: OrderedDict[tuple, tuple[float, str, str]] = OrderedDict()

    def check(self, key: tuple) -> None:
        with self._lock:
            kept = self._kept.get(key)
            if kept and time.monotonic() - kept[0] > REFUSAL_SECONDS:
                del self._kept[key]
                kept = None
        if kept:
            raise TemplateLimitExceeded(kept[1], detail=kept[2])

    def remember(self, key: tuple, exc: TemplateLimitExceeded) -> None:
        with self._lock:
            self._kept[key] = (time.monotonic(), exc.message, exc.detail)
            while len(self._kept) > REFUSALS_KEPT:
                self._kept.popitem(last=False)


_POOL = _Pool()
_REFUSALS = _Refusals()
