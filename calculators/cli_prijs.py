"""``python -m calculators prijs``: look up prices in the maatschappelijke prijslijst."""

from __future__ import annotations

import argparse

from calculators.cli import print_json
from calculators.fouten import DoorbraakFout
from calculators.opmaak import euro
from calculators.prijslijst import laad_prijzen, zoek_prijzen
from calculators.vocabulaire import laad_vocabulaire


def registreer(sub) -> None:
    p = sub.add_parser(
        "prijs",
        help="zoek een prijs in de maatschappelijke prijslijst",
        description="Zoek prijzen met een paar woorden, bijvoorbeeld: huisuitzetting, ggz opname.",
    )
    p.add_argument("zoekwoorden", nargs="?", default="", help="een paar woorden (leeg = alles)")
    p.add_argument("--top", type=int, default=10, help="hoeveel resultaten (standaard 10)")
    p.add_argument("--geldstroom", help="alleen deze geldstroom, bijvoorbeeld Wmo")
    p.add_argument("--domein", help="alleen dit domein, bijvoorbeeld wonen")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(func=voer_uit)


def voer_uit(args: argparse.Namespace) -> int:
    voc = laad_vocabulaire()
    if args.top < 1 or args.top > 1000:
        raise DoorbraakFout("--top moet tussen 1 en 1000 liggen.")
    if args.geldstroom and args.geldstroom not in voc.geldstroom_namen:
        raise DoorbraakFout(
            f"Onbekende geldstroom '{args.geldstroom}'. Kies uit: {', '.join(voc.geldstroom_namen)}."
        )
    if args.domein and args.domein not in voc.domein_namen:
        raise DoorbraakFout(f"Onbekend domein '{args.domein}'. Kies uit: {', '.join(voc.domein_namen)}.")
    prijzen = laad_prijzen()
    treffers = zoek_prijzen(args.zoekwoorden, prijzen, geldstroom=args.geldstroom, domein=args.domein, top=args.top)
    if args.json:
        print_json([{**t.prijs.als_dict(), "score": t.score} for t in treffers])
        return 0
    if not treffers:
        print("Geen prijzen gevonden. Probeer andere of minder woorden.")
        return 0
    for t in treffers:
        p = t.prijs
        print(f"{p.item}: {euro(p.bedrag)} {p.eenheid} (prijspeil {p.jaar}, {p.geldstroom}, {p.betrouwbaarheid})")
        print(f"    bron: {p.bron_titel} — {p.bron_url}")
    return 0
