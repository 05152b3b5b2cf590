"""The command table of `python -m advocacy`. A command is declared in one place, where its
handler is: `@command(name, help, arg("--out", required=True, metavar="FIL"), …)` names it,
says what `--help` shows and lists its arguments (`arg` takes what argparse's `add_argument`
takes; every command also gets `--db`). The command modules (cli, cli_login, cli_privacy)
register on import; `parser()` builds argparse from the table. Imported by all, importing none
of them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from advocacy.accounts import accounts

DB_HELP = "databasefil (standard: ADVOCACY_DB eller data/advocacy.db)"


@dataclass(frozen=True)
class Argument:
    flags: tuple[str, ...]
    options: dict


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    arguments: tuple[Argument, ...]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}


def arg(*flags: str, **options) -> Argument:
    """One argument of a command, as `ArgumentParser.add_argument(*flags, **options)`."""
    return Argument(flags, options)


def command(name: str, help_text: str, *arguments: Argument):
    """Register the decorated function as the command `name`."""
    def register(fn):
        COMMANDS[name] = Command(name, help_text, arguments, fn)
        return fn

    return register


def parser(prog: str, description: str, order: tuple[str, ...]) -> argparse.ArgumentParser:
    """The parser of every registered command, listed in `order` (the order `--help` shows)."""
    if sorted(order) != sorted(COMMANDS):  # a command left out of `order` would not exist
        raise RuntimeError(f"order {sorted(order)} != commands {sorted(COMMANDS)}")
    top = argparse.ArgumentParser(prog=prog, description=description)
    sub = top.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    for name in order:
        spec = COMMANDS[name]
        p = sub.add_parser(name, help=spec.help, description=spec.help)
        p.add_argument("--db", help=DB_HELP)
        for argument in spec.arguments:
            p.add_argument(*argument.flags, **argument.options)
    return top


CLI_USER = accounts.User(id=0, username="kommandolinje", full_name="Kommandolinjen", role="leder")
