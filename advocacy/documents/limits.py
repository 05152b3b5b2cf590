"""The bounds on every template fill and check, and the refusals when one is passed.

Why outside the sandbox: Jinja's sandbox decides what a template may *reach*, not how long it
may run or how much it may build; three nested loops or ``|center(300000000)`` are all allowed
code. So every compile and fill runs in a worker process (worker.py) with these limits, each
overridable from the environment (tests and benchmarks use short ones):

- ADVOCACY_TEMPLATE_SECONDS    wall time (and CPU time) of one check, one fill, or one letter
                               of a batch; default 8
- ADVOCACY_TEMPLATE_MEMORY_MB  the worker's address space; default 1024
- ADVOCACY_TEMPLATE_OUTPUT_MB  the XML one letter's parts may grow to; default 10
- ADVOCACY_TEMPLATE_BATCH_MB   the .zip of one batch; default 500
- ADVOCACY_TEMPLATE_WORKERS    worker processes per server process; default 2
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from advocacy import texts
from advocacy.documents.errors import TemplateLimitExceeded

MB = 1024 * 1024


def _number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(frozen=True)
class Limits:
    """The limits of one job, read from the environment when the job starts."""

    seconds: float
    memory_mb: int
    output_mb: int

    @classmethod
    def current(cls) -> Limits:
        return cls(
            seconds=_number("ADVOCACY_TEMPLATE_SECONDS", 8.0),
            memory_mb=int(_number("ADVOCACY_TEMPLATE_MEMORY_MB", 1024)),
            output_mb=int(_number("ADVOCACY_TEMPLATE_OUTPUT_MB", 10)),
        )


def batch_bytes() -> int:
    return int(_number("ADVOCACY_TEMPLATE_BATCH_MB", 500) * MB)


def workers() -> int:
    return max(1, int(_number("ADVOCACY_TEMPLATE_WORKERS", 2)))


class _Output:
    """The output cap in this process (the worker sets it per job) and what the parts of the
    letter being made have produced so far."""

    cap = 10 * MB
    used = 0


def set_output_mb(output_mb: int) -> None:
    _Output.cap = output_mb * MB


def new_letter() -> None:
    """Start counting a letter's output (CompiledTemplate.render_parts)."""
    _Output.used = 0


def joined(pieces: Iterable[str]) -> str:
    """The pieces a template yields, joined; refused as soon as the letter passes its cap."""
    out = []
    for piece in pieces:
        _Output.used += len(piece)
        if _Output.used > _Output.cap:
            raise TemplateLimitExceeded(texts.TEMPLATE_LIMIT_OUTPUT.format(mb=_Output.cap // MB))
        out.append(piece)
    return "".join(out)


def too_slow(seconds: float) -> TemplateLimitExceeded:
    return TemplateLimitExceeded(texts.TEMPLATE_LIMIT_TIME.format(seconds=seconds))


def too_big(memory_mb: int) -> TemplateLimitExceeded:
    return TemplateLimitExceeded(texts.TEMPLATE_LIMIT_MEMORY.format(mb=memory_mb))


def stopped(detail: str = "") -> TemplateLimitExceeded:
    return TemplateLimitExceeded(texts.TEMPLATE_LIMIT_STOPPED, detail=detail)


def batch_too_big() -> TemplateLimitExceeded:
    return TemplateLimitExceeded(texts.TEMPLATE_LIMIT_BATCH.format(mb=batch_bytes() // MB))
