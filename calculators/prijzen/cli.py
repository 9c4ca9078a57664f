"""``python -m calculators prijs``: look up prices in the maatschappelijke prijslijst.

Options beyond the search words:

- ``--tarieven eigen.csv`` (or ``.xlsx``): your own tariffs override or extend the national list.
- ``--prijspeil 2025``: also show every amount at the prices of that year (CBS CPI).
"""

from __future__ import annotations

import argparse
import sys

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opdrachtregel import print_json
from calculators.kern.opmaak import euro
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.prijzen.prijslijst import aantal_prijzen, laad_prijzen, zoek_prijs_uitkomst


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
    p.add_argument(
        "--tarieven",
        metavar="BESTAND",
        help="je eigen tarieven (CSV uit Excel of .xlsx); die vervangen of vullen de landelijke lijst aan",
    )
    p.add_argument(
        "--prijspeil",
        type=int,
        metavar="JAAR",
        help="toon de bedragen ook in prijzen van dit jaar (met de prijsindex van CBS)",
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON (een lijst met prijzen)")
    p.add_argument(
        "--uitkomst",
        action="store_true",
        help="met --json: ook de gevraagde eenheid, 'niets gevonden' en de suggesties",
    )
    p.set_defaults(func=voer_uit)


def voer_uit(args: argparse.Namespace) -> int:
    voc = laad_vocabulaire()
    if args.top < 1 or args.top > 1000:
        raise DoorbraakFout("--top moet tussen 1 en 1000 liggen.")
    if args.geldstroom and args.geldstroom not in voc.geldstroom_namen:
        raise DoorbraakFout(f"Onbekende geldstroom '{args.geldstroom}'. Kies uit: {', '.join(voc.geldstroom_namen)}.")
    if args.domein and args.domein not in voc.domein_namen:
        raise DoorbraakFout(f"Onbekend domein '{args.domein}'. Kies uit: {', '.join(voc.domein_namen)}.")
    if args.prijspeil is not None:
        from calculators.prijzen.prijspeil import jaren

        eerste, laatste = jaren()
        if not eerste <= args.prijspeil <= laatste:
            raise DoorbraakFout(
                f"Voor {args.prijspeil} is geen prijsindex. Kies bij --prijspeil een jaar van {eerste} tot en met {laatste}."
            )
    prijzen = laad_prijzen()
    if args.tarieven is not None:  # an empty name is an error, not "no tariffs"
        from calculators.prijzen.tarieven import combineer, formule_waarschuwing, lees_tarieven

        lokaal = lees_tarieven(args.tarieven, nationaal=prijzen)
        waarschuwing = formule_waarschuwing(lokaal)
        if waarschuwing:
            print(waarschuwing, file=sys.stderr)
        prijzen = combineer(prijzen, lokaal)
    uitkomst = zoek_prijs_uitkomst(
        args.zoekwoorden, prijzen, geldstroom=args.geldstroom, domein=args.domein, top=args.top
    )
    treffers = uitkomst.treffers
    peil = _op_peil(treffers, args.prijspeil)
    if args.json:
        uit = []
        for t, op in zip(treffers, peil, strict=True):
            d = op.als_dict() if op is not None else t.prijs.als_dict()
            if args.prijspeil is not None and op is None:
                d.update(
                    prijspeil=args.prijspeil,
                    bedrag_geindexeerd=None,
                    bedrag_laag_geindexeerd=None,
                    bedrag_hoog_geindexeerd=None,
                )
            uit.append({**d, "score": t.score, "omgerekend": t.als_dict()["omgerekend"]})
        if args.uitkomst:
            print_json(
                {
                    "eenheid": uitkomst.eenheid,
                    "zoekwoorden": uitkomst.zoekwoorden,
                    "niets_gevonden": uitkomst.niets_gevonden,
                    "suggesties": [p.als_dict() for p in uitkomst.suggesties],
                    "treffers": uit,
                }
            )
        else:
            print_json(uit)
        return 0
    if not treffers:
        print("Geen prijzen gevonden. Probeer andere of minder woorden.")
        if uitkomst.suggesties:
            print("Bedoel je: " + "; ".join(p.item for p in uitkomst.suggesties) + "?")
        return 0
    print(f"{aantal_prijzen(len(treffers))} gevonden.")
    for t in treffers:
        p = t.prijs
        eigen = ", eigen tarief" if p.lokaal else ""
        om = f" = {euro(t.omgerekend)} {t.gevraagde_eenheid} (omgerekend)" if t.omgerekend is not None else ""
        print(
            f"{p.item}: {euro(p.bedrag)} {p.eenheid}{om} (prijspeil {p.jaar}, {p.geldstroom}, {p.betrouwbaarheid}{eigen})"
        )
        if args.prijspeil is not None:
            from calculators.prijzen.prijspeil import peil_tekst

            print(f"    {peil_tekst(p, args.prijspeil)}")
        bron = f"{p.bron_titel} — {p.bron_url}" if p.bron_url else p.bron_titel
        print(f"    bron: {bron}")
    return 0


def _op_peil(treffers, jaar: int | None) -> list:
    if jaar is None:
        return [None] * len(treffers)
    from calculators.prijzen.prijspeil import probeer_op_prijspeil

    return [probeer_op_prijspeil(t.prijs, jaar) for t in treffers]
