"""Shared command-line helpers: the Dutch argparse parser and JSON output.

Capabilities import these for their ``cli.py``; the root ``calculators/cli.py`` lists the
subcommands. Nothing here imports a capability.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

FOUT_CODE = 2


class NederlandseParser(argparse.ArgumentParser):
    """ArgumentParser with Dutch messages that exits with code 2 on usage errors."""

    def error(self, message: str) -> NoReturn:  # noqa: D401 - argparse API
        vertaling = (
            message.replace("the following arguments are required", "deze gegevens ontbreken")
            .replace("unrecognized arguments", "onbekende opties")
            .replace("invalid choice", "ongeldige keuze")
            .replace("invalid int value", "geen heel getal")
            .replace("expected one argument", "hier hoort één waarde achter")
            .replace("choose from", "kies uit")
        )
        self.print_usage(sys.stderr)
        print(f"Fout: {vertaling}", file=sys.stderr)
        raise SystemExit(FOUT_CODE)

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:")

    def format_help(self) -> str:
        tekst = super().format_help()
        return (
            tekst.replace("usage:", "gebruik:")
            .replace("options:", "opties:")
            .replace("positional arguments:", "gegevens:")
            .replace("show this help message and exit", "toon deze hulp en stop")
        )


def print_json(waarde: Any) -> None:
    """Print JSON (UTF-8, readable Dutch characters) to stdout."""
    print(json.dumps(waarde, ensure_ascii=False, indent=2, default=str))
