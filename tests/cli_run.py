"""The command line run in this process: `python -m advocacy …` without starting Python again
(a process per command was a fifth of the suite's time). Arguments, environment, stdin, the
exit code and both output streams as a real run has them; argparse's own exits included.
`tests/test_cli.py::test_the_command_runs_as_a_process` keeps one real process."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from advocacy import cli


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


class _Stdin(io.StringIO):
    def isatty(self) -> bool:  # piped, as `echo passord | python -m advocacy …`
        return False


def run(*args, env: Mapping[str, str] | None = None, input: str | None = None,
        unset: Iterable[str] = ()) -> Result:
    saved = dict(os.environ)
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    try:
        for name in unset:
            os.environ.pop(name, None)
        os.environ.update(env or {})
        sys.stdin = _Stdin(input or "")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main([str(a) for a in args])
            except SystemExit as exc:  # argparse: --help, unknown commands, missing arguments
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdin = old_stdin
        os.environ.clear()
        os.environ.update(saved)
    return Result(code, out.getvalue(), err.getvalue())
