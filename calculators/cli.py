"""Command line: ``python -m calculators <onderdeel> ...`` (help and messages in Dutch).

The subcommands are listed explicitly in :data:`ONDERDELEN`: each capability has a
``cli.py`` with ``registreer(subparsers)`` that adds its parser and sets ``func``
(``args -> int``). User errors are raised as :class:`~calculators.kern.fouten.DoorbraakFout`
and printed to stderr in Dutch with exit code 2; no traceback is ever shown.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from calculators.casussen import cli as casus_cli
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opdrachtregel import FOUT_CODE, NederlandseParser, print_json
from calculators.kern.veilig import TerminalUitvoer
from calculators.monitor import cli as monitor_cli
from calculators.plan import cli as plan_cli
from calculators.prijzen import cli as prijs_cli
from calculators.privacy import cli as privacy_cli
from calculators.rendement import cli as rendement_cli
from calculators.signalen import cli as signalen_cli
from calculators.wetten import cli as wet_cli

# One entry per capability that has a command, in alphabetical order as ``--help`` shows them.
ONDERDELEN = (casus_cli, monitor_cli, plan_cli, prijs_cli, privacy_cli, rendement_cli, signalen_cli, wet_cli)

__all__ = ["FOUT_CODE", "ONDERDELEN", "main", "maak_parser", "print_json"]


def maak_parser() -> NederlandseParser:
    parser = NederlandseParser(
        prog="python -m calculators",
        description="Doorbraakwijzer: rekenhulpen en zoekfuncties voor maatwerk. "
        "Kies een onderdeel; met --help achter een onderdeel zie je de opties.",
    )
    sub = parser.add_subparsers(dest="onderdeel", metavar="onderdeel", parser_class=NederlandseParser)
    for module in ONDERDELEN:
        module.registreer(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # User text (tariff names, case fields) may hold terminal escape sequences: every
    # line we print goes through kern.veilig.voor_terminal.
    oud_uit, oud_fout = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalUitvoer(oud_uit), TerminalUitvoer(oud_fout)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = oud_uit, oud_fout


def _main(argv: Sequence[str] | None) -> int:
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
            f"Fout: er ging iets onverwachts mis ({type(fout).__name__}). Meld dit als fout bij Doorbraakwijzer.",
            file=sys.stderr,
        )
        return FOUT_CODE


def main_met_exit() -> None:
    """Entry point of the ``doorbraakwijzer`` console script."""
    sys.exit(main())
