"""``python -m calculators privacy``: check a case or a text before it is shared.

Input: one or more case files (``.yaml``/``.yml``), text files, a folder with case
files, or ``-`` for text on standard input. Prints every finding with its place and a
suggested rewrite. With several cases (or a folder) it also checks k-anonymity over the
controlled fields. Exit code: 0 clean, 1 findings, 2 unreadable input.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from calculators.kern.bestanden import STDIN, lees_tekst
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opdrachtregel import print_json
from calculators.privacy.wacht import (
    MAX_TEKENS,
    STANDAARD_VELDEN,
    Bevinding,
    controleer_casus,
    controleer_tekst,
    k_anonimiteit,
    lees_casus,
)

CODE_SCHOON = 0
CODE_BEVINDINGEN = 1
TEKST_LIMIET = 4 * MAX_TEKENS  # bytes: a UTF-8 character takes at most 4


def registreer(sub) -> None:
    p = sub.add_parser(
        "privacy",
        help="controleer een casus of tekst op namen, nummers en andere herkenbare details",
        description=(
            "Controleer een casus (YAML), een tekstbestand of een map met casussen. "
            "Gebruik - om tekst te plakken of door te sturen. "
            "Uitkomst: 0 = niets gevonden, 1 = iets gevonden, 2 = bestand niet leesbaar."
        ),
    )
    p.add_argument(
        "bestanden",
        nargs="+",
        metavar="bestand",
        help="casus.yaml, tekst.txt, een map met casussen, of - voor invoer via het toetsenbord",
    )
    p.add_argument(
        "--json", action="store_true", help="uitvoer als JSON: een lijst met soort, tekst, positie en advies"
    )
    p.add_argument(
        "--k",
        type=int,
        default=3,
        metavar="N",
        help="k-anonimiteit: elke combinatie van regio, huishouden, leeftijdsband en cluster "
        "moet minstens N keer voorkomen (standaard 3)",
    )
    p.set_defaults(func=voer_uit)


def _is_casus(pad: Path) -> bool:
    return pad.suffix.lower() in (".yaml", ".yml")


def _lees_tekst(pad: Path) -> str:
    tekst = lees_tekst(pad, limiet=TEKST_LIMIET)
    if not tekst.strip():
        raise DoorbraakFout(f"Het bestand {pad} is leeg. Er is niets te controleren.")
    return tekst


def _lees_stdin() -> str:
    tekst = lees_tekst(STDIN, limiet=TEKST_LIMIET)
    if not tekst.strip():
        raise DoorbraakFout("Er kwam geen tekst binnen. Er is niets te controleren.")
    return tekst


def _met_bron(bevindingen: list[Bevinding], bron: str, meerdere: bool) -> list[Bevinding]:
    if not meerdere:
        return bevindingen
    return [Bevinding(b.soort, b.tekst, f"{bron}: {b.positie}", b.advies, b.begin, b.eind, b.veld) for b in bevindingen]


def controleer_invoer(bestanden: list[str], k: int = 3) -> list[Bevinding]:
    """Check every input; returns all findings (DoorbraakFout for unreadable input)."""
    if k < 1:
        raise DoorbraakFout("--k moet 1 of meer zijn.")
    paden: list[tuple[str, Path | None]] = []
    for naam in bestanden:
        if naam == "-":
            paden.append(("-", None))
            continue
        if not naam.strip():  # Path("") is the current folder: never check that by accident
            raise DoorbraakFout("Er is geen bestandsnaam opgegeven. Noem het bestand dat gecontroleerd moet worden.")
        invoerpad = Path(naam)
        if invoerpad.is_dir():
            in_map = sorted(p for p in invoerpad.iterdir() if _is_casus(p) and not p.name.startswith("_"))
            if not in_map:
                raise DoorbraakFout(f"In de map {invoerpad} staan geen casussen (.yaml).")
            paden.extend((str(p), p) for p in in_map)
        else:
            paden.append((naam, invoerpad))
    meerdere = len(paden) > 1
    bevindingen: list[Bevinding] = []
    casussen: list[dict[str, Any]] = []
    for naam, pad in paden:
        if pad is None:
            bevindingen += _met_bron(controleer_tekst(_lees_stdin()), "invoer", meerdere)
        elif _is_casus(pad):
            casus = lees_casus(pad)
            casussen.append({**casus, "id": pad.name})
            bevindingen += _met_bron(controleer_casus(casus), naam, meerdere)
        else:
            bevindingen += _met_bron(controleer_tekst(_lees_tekst(pad)), naam, meerdere)
    if len(casussen) > 1:
        bevindingen += k_anonimiteit(casussen, k=k, velden=STANDAARD_VELDEN).als_bevindingen()
    return bevindingen


def voer_uit(args: argparse.Namespace) -> int:
    bevindingen = controleer_invoer(args.bestanden, k=args.k)
    if args.json:
        print_json([b.als_dict() for b in bevindingen])
        return CODE_BEVINDINGEN if bevindingen else CODE_SCHOON
    if not bevindingen:
        print("Niets gevonden. Lees de tekst toch nog één keer zelf na.")
        return CODE_SCHOON
    print(f"{len(bevindingen)} {'punt' if len(bevindingen) == 1 else 'punten'} gevonden:")
    for b in bevindingen:
        print(f"- {b.positie}: {b.soort} '{b.tekst}'")
        print(f"  Advies: {b.advies}")
    return CODE_BEVINDINGEN
