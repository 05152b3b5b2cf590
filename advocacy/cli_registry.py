"""The command table of `python -m advocacy`: every command module (cli, cli_login,
cli_privacy) registers its handlers with `@command(name)` and its arguments through
`PARSER_EXTENSIONS`; `cli.main` builds the parser from them. Imported by all, importing none."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from advocacy.accounts import accounts

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}
# Subcommands added further down register their arguments here (add(name, help) -> parser).
PARSER_EXTENSIONS: list[Callable] = []


def command(name: str):
    def register(fn):
        COMMANDS[name] = fn
        return fn

    return register


CLI_USER = accounts.User(id=0, username="kommandolinje", full_name="Kommandolinjen", role="leder")
