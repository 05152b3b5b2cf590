"""The worker side of the template workers (worker.py): what runs only in the child process.

``serve`` is the process target: it lowers the worker's priority, turns off core dumps and
answers one job at a time, setting the job's memory cap (RLIMIT_AS), CPU budget (RLIMIT_CPU)
and output cap before each step. Compiled templates are kept by SHA-256 and file name; a
failure goes back over the pipe as an AdvocacyError (a MemoryError as «too big»).
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
from collections import OrderedDict
from typing import Any

from advocacy import texts
from advocacy.documents import limits
from advocacy.documents.compiled import CompiledTemplate, sample_report
from advocacy.documents.errors import TemplateError
from advocacy.documents.limits import MB, Limits
from advocacy.documents.package import write_package
from advocacy.documents.preview import html_here
from advocacy.errors import AdvocacyError

CACHED_TEMPLATES = 8  # compiled templates a worker keeps (the parent tracks the same number)


def serve(conn: Any) -> None:
    """The worker's loop: one job at a time until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        os.nice(10)
    except OSError:
        pass
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _Server(conn).loop()


class _Server:
    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.cache: OrderedDict[tuple, Any] = OrderedDict()
        self.limits = Limits.current()
        self.memory_mb = 0

    def loop(self) -> None:
        while True:
            try:
                job, job_limits, args = self.conn.recv()
            except (EOFError, OSError):
                return
            self._apply(job_limits)
            handler = getattr(self, f"job_{job}")
            value, error = _outcome(handler, *args)
            if error is not None:
                self.send(("error", self._sendable(error), None))
            elif value is not None:
                self.send(("ok", value))

    def send(self, message: tuple) -> None:
        self.conn.send(message)

    def job_compile(self, sha256: str, filename: str) -> frozenset[str]:
        return self._template(sha256, filename).fields

    def job_render(self, sha256: str, filename: str, plain: dict) -> bytes:
        return write_package(self._template(sha256, filename).render_parts(plain))

    def job_check(self, sha256: str, filename: str, data: bytes) -> Any:
        """The upload guard runs where the template is compiled (CompiledTemplate); a template
        already kept here passed it under this SHA-256 and file name."""
        return sample_report(self._template(sha256, filename, data))

    def job_html(self, data: bytes) -> str:
        return html_here(data)

    def job_batch(self, sha256: str, filename: str, plains: list[dict]) -> None:
        template = self._template(sha256, filename)
        self.send(("ready",))
        for index, plain in enumerate(plains):
            self._budget()
            letter, error = _outcome(
                lambda p: write_package(template.render_parts(p), compress=False), plain
            )
            if error is not None:
                self.send(("error", self._sendable(error), index))
                return
            self.send(("letter", letter))

    def _template(self, sha256: str, filename: str, data: bytes | None = None) -> Any:
        key = (sha256, filename)
        if key in self.cache:
            self.cache.move_to_end(key)
            return self.cache[key]
        if data is None:
            self.send(("need",))
            _, data = self.conn.recv()
            self._budget()
        compiled = CompiledTemplate(data, filename=filename)
        self.cache[key] = compiled
        while len(self.cache) > CACHED_TEMPLATES:
            self.cache.popitem(last=False)
        return compiled

    def _apply(self, job_limits: Limits) -> None:
        self.limits = job_limits
        limits.set_output_mb(job_limits.output_mb)
        if job_limits.memory_mb != self.memory_mb:
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            resource.setrlimit(resource.RLIMIT_AS, (job_limits.memory_mb * MB, hard))
            self.memory_mb = job_limits.memory_mb
        self._budget()

    def _budget(self) -> None:
        """Let this step use at most the job's seconds of CPU time from now on."""
        usage = resource.getrusage(resource.RUSAGE_SELF)
        soft = int(usage.ru_utime + usage.ru_stime + self.limits.seconds) + 1
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))

    def _sendable(self, error: BaseException | str) -> AdvocacyError:
        if error == "memory":
            return limits.too_big(self.memory_mb)
        if isinstance(error, AdvocacyError):
            try:
                pickle.dumps(error)
            except Exception:  # noqa: BLE001 - an attribute that cannot travel: keep the message
                return TemplateError(error.message)
            return error
        return TemplateError(texts.TEMPLATE_ENGINE_FAILED, detail=f"{type(error).__name__}: {error}")


def _outcome(function: Any, *args: Any) -> tuple[Any, BaseException | str | None]:
    """(value, None) or (None, the error); a MemoryError is reported as "memory" once the
    except block has let go of its traceback, so the memory it held is free again."""
    out_of_memory = False
    try:
        return function(*args), None
    except MemoryError:
        out_of_memory = True
    except Exception as exc:  # noqa: BLE001 - every failure goes back to the caller
        return None, exc
    if out_of_memory:
        return None, "memory"
    return None, None
