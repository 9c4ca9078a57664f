"""``python -m calculators plan ...``: check, print and describe a doorbraakplan file.

- ``plan controleer FILE [--json]`` — exit 0 for a valid file (complete or not), with what
  is missing, the waardendriehoek and privacy warnings; exit 2 with a Dutch message otherwise.
- ``plan afdruk FILE -o OUT`` — one document for the case file (.html, .pdf or .docx).
- ``plan schema`` — the JSON Schema of the plan file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from calculators.kern.opdrachtregel import print_json

# The logic is imported inside the handlers: `python -m calculators --help` and the other
# subcommands do not pay for the plan model, the privacy guard and the print at start-up.
FORMATEN = (".html", ".pdf", ".docx")  # the same tuple as calculators.plan.afdruk.FORMATEN (tested)


def registreer(sub) -> None:
    p = sub.add_parser(
        "plan",
        help="controleer of druk een doorbraakplan af (planbestand in JSON)",
        description="Werk met een doorbraakplan: controleer het bestand, maak een afdruk voor het dossier "
        "of toon het formaat. Het formaat staat in het handboek, op de pagina 'Het planbestand'.",
    )
    acties = p.add_subparsers(dest="actie", metavar="actie", parser_class=type(p))
    c = acties.add_parser(
        "controleer",
        help="kijk of het plan klopt en compleet is",
        description="Kijk of het planbestand klopt en wat er nog ontbreekt.",
    )
    c.add_argument("bestand", help="het planbestand, bijvoorbeeld data/voorbeelden/doorbraakplan-voorbeeld.json")
    c.add_argument("--tarieven", metavar="BESTAND", help="eigen tarieven (CSV of .xlsx) naast de prijslijst")
    c.add_argument(
        "--json", action="store_true", help="uitvoer als JSON (compleet, ontbreekt, waardendriehoek, meldingen)"
    )
    c.set_defaults(func=controleer)
    a = acties.add_parser(
        "afdruk",
        help="maak één document voor het dossier (.html, .pdf of .docx)",
        description="Maak een afdruk van het plan: HTML, PDF of Word. "
        "De soort volgt uit de naam van het uitvoerbestand.",
    )
    a.add_argument("bestand", help="het planbestand (JSON)")
    a.add_argument(
        "-o", "--uit", required=True, metavar="UITVOER", help=f"het uitvoerbestand; eindigt op {', '.join(FORMATEN)}"
    )
    a.add_argument("--tarieven", metavar="BESTAND", help="eigen tarieven (CSV of .xlsx) naast de prijslijst")
    a.set_defaults(func=afdruk)
    s = acties.add_parser(
        "schema",
        help="toon het JSON Schema van het planbestand",
        description="Toon het JSON Schema van het planbestand.",
    )
    s.set_defaults(func=schema)
    p.set_defaults(func=lambda args: p.error("kies een actie: controleer, afdruk of schema"))


def _prijzen(args: argparse.Namespace):
    from calculators.prijzen.prijslijst import laad_prijzen

    prijzen = laad_prijzen()
    if getattr(args, "tarieven", None):
        from calculators.prijzen.tarieven import combineer, lees_tarieven

        prijzen = combineer(prijzen, lees_tarieven(args.tarieven, nationaal=prijzen))
    return prijzen


def controleer(args: argparse.Namespace) -> int:
    from calculators.plan.controle import volledigheid
    from calculators.plan.model import lees_planbestand

    prijzen = _prijzen(args)
    plan = lees_planbestand(Path(args.bestand), prijzen)
    v = volledigheid(plan, prijzen)
    if args.json:
        print_json(v.als_json())
    else:
        print(v.als_tekst())
    return 0


def afdruk(args: argparse.Namespace) -> int:
    from calculators.plan.afdruk import schrijf_afdruk
    from calculators.plan.controle import privacy_meldingen
    from calculators.plan.model import lees_planbestand

    prijzen = _prijzen(args)
    plan = lees_planbestand(Path(args.bestand), prijzen)
    for m in privacy_meldingen(plan):
        print(f"Let op: {m['melding']}", file=sys.stderr)
    doel = schrijf_afdruk(plan, Path(args.uit), prijzen)
    print(f"Afdruk gemaakt: {doel}")
    return 0


def schema(args: argparse.Namespace) -> int:
    from calculators.plan.model import plan_schema

    print_json(plan_schema())
    return 0
