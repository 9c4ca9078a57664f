"""Command line: ``python -m calculators <subcommando> ...`` (help and messages in Dutch).

Subcommands live in modules named ``calculators/cli_<naam>.py``; each has
``registreer(subparsers)`` that adds its parser and sets ``func`` (``args -> int``).
User errors are raised as :class:`~calculators.fouten.DoorbraakFout` and printed to
stderr in Dutch with exit code 2; no traceback is ever shown.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from typing import Any, Sequence

import calculators
from calculators.fouten import DoorbraakFout

FOUT_CODE = 2


class NederlandseParser(argparse.ArgumentParser):
    """ArgumentParser with Dutch messages that exits with code 2 on usage errors."""

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
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


def maak_parser() -> NederlandseParser:
    parser = NederlandseParser(
        prog="python -m calculators",
        description="Doorbraakwijzer: rekenhulpen en zoekfuncties voor maatwerk. "
        "Kies een onderdeel; met --help achter een onderdeel zie je de opties.",
    )
    sub = parser.add_subparsers(dest="onderdeel", metavar="onderdeel", parser_class=NederlandseParser)
    for info in sorted(pkgutil.iter_modules(calculators.__path__), key=lambda m: m.name):
        if info.name.startswith("cli_"):
            module = importlib.import_module(f"calculators.{info.name}")
            module.registreer(sub)
    return parser


def print_json(waarde: Any) -> None:
    """Print JSON (UTF-8, readable Dutch characters) to stdout."""
    print(json.dumps(waarde, ensure_ascii=False, indent=2, default=str))


def main(argv: Sequence[str] | None = None) -> int:
    parser = maak_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return FOUT_CODE
        return int(args.func(args) or 0)
    except DoorbraakFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return FOUT_CODE
    except KeyboardInterrupt:
        print("Gestopt.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as fout:  # last resort: never show a traceback to a user
        print(
            "Fout: er ging iets onverwachts mis "
            f"({type(fout).__name__}). Meld dit als fout bij Doorbraakwijzer.",
            file=sys.stderr,
        )
        return FOUT_CODE
