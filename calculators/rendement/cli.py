"""``python -m calculators rendement plan.json``: the rendementsberekening of a plan file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from calculators.kern.bestanden import lees_bytes
from calculators.kern.opdrachtregel import print_json
from calculators.prijzen.prijslijst import laad_prijzen
from calculators.prijzen.tarieven import combineer, formule_waarschuwing, lees_tarieven
from calculators.rendement.export import (
    MAX_BESTAND,
    lees_json,
    samenvatting_html,
    samenvatting_markdown,
    uitkomst_tekst,
)
from calculators.rendement.model import bereken


def registreer(sub) -> None:
    p = sub.add_parser(
        "rendement",
        help="reken uit wat een doorbraakplan oplevert (planbestand in JSON)",
        description="Lees een planbestand (JSON) en reken uit wat het plan kost en oplevert. "
        "Het formaat staat in het handboek, op de pagina 'Het planbestand'.",
    )
    p.add_argument("plan", help="het planbestand, bijvoorbeeld data/voorbeelden/plan-voorbeeld.json")
    p.add_argument(
        "--tarieven",
        metavar="BESTAND",
        help="reken met eigen tarieven (CSV uit Excel of .xlsx); die gaan voor de landelijke prijslijst",
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON (totaal, niets_doen, netto, per_geldstroom)")
    p.add_argument("--samenvatting", action="store_true", help="print een samenvatting in Markdown, met bronnen")
    p.add_argument(
        "--afdrukversie",
        action="store_true",
        help="print de samenvatting als HTML-pagina om af te drukken of als PDF te bewaren",
    )
    p.set_defaults(func=voer_uit)


def lees_bestand(pad: str) -> bytes:
    """The plan file's bytes (``-`` for standard input): a regular file, at most MAX_BESTAND bytes."""
    return lees_bytes(pad, limiet=MAX_BESTAND)


def voer_uit(args: argparse.Namespace) -> int:
    prijzen = laad_prijzen()
    if args.tarieven is not None:  # an empty name is an error, not "no tariffs"
        lokaal = lees_tarieven(args.tarieven, nationaal=prijzen)
        waarschuwing = formule_waarschuwing(lokaal)
        if waarschuwing:
            print(waarschuwing, file=sys.stderr)
        prijzen = combineer(prijzen, lokaal)
    plan = lees_json(lees_bestand(args.plan), prijzen, bestand=Path(args.plan).name)
    if args.afdrukversie:
        print(samenvatting_html(plan, prijzen))
        return 0
    if args.samenvatting:
        print(samenvatting_markdown(plan, prijzen))
        return 0
    uitkomst = bereken(plan, prijzen)
    if args.json:
        print_json(uitkomst.als_json())
        return 0
    print(uitkomst_tekst(uitkomst))
    return 0
