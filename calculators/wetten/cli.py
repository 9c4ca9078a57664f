"""``python -m calculators wet "vraag"``: find the law articles that answer a question."""

from __future__ import annotations

import argparse
import sys

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opdrachtregel import print_json
from calculators.kern.opmaak import datum
from calculators.wetten.uitspraken import uitspraken_bij
from calculators.wetten.wijzigingen import wijzigingen_bij
from calculators.wetten.zoeker import MAX_TOP, ONTHOUD_MELDING, zoek_wetten


def registreer(sub) -> None:
    p = sub.add_parser(
        "wet",
        help="zoek het wetsartikel dat je oplossing mogelijk maakt (Mag dit?)",
        description="Zoek wetsartikelen met een vraag in gewone woorden, bijvoorbeeld: "
        "'kan ik alvast een maand bijstand geven?'. Of typ een artikel, zoals 'Pw 52'.",
    )
    p.add_argument("vraag", help="je vraag of een paar woorden")
    p.add_argument("--top", type=int, default=5, help="hoeveel resultaten (standaard 5)")
    p.add_argument("--domein", help="alleen artikelen over dit domein, bijvoorbeeld wonen")
    p.add_argument("--wet", help="alleen artikelen uit deze wet, bijvoorbeeld Pw of Wmo 2015")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(func=voer_uit)


def voer_uit(args: argparse.Namespace) -> int:
    if args.top < 1 or args.top > MAX_TOP:
        raise DoorbraakFout(f"--top moet tussen 1 en {MAX_TOP} liggen.")
    uitkomst = zoek_wetten(args.vraag, top=args.top, domein=args.domein or None, wet=args.wet or None)
    for m in uitkomst.meldingen:  # notes (typo corrections, long question) never mix with JSON
        print(f"Let op: {m}", file=sys.stderr)
    if args.json:
        print_json(uitkomst.als_dict())
        return 0
    if uitkomst.onthouden:
        print(ONTHOUD_MELDING)
        if not uitkomst.treffers:
            return 0
        print("Deze artikelen passen maar een beetje:")
    for nr, t in enumerate(uitkomst.treffers, start=1):
        a = t.artikel
        lid = f" (vooral lid {t.lid})" if t.lid else ""
        print(f"{nr}. Artikel {a.artikel} {a.wetnaam}{lid} — {t.zekerheid} — geldig vanaf {datum(a.geldig_vanaf)}")
        print(f"   {a.uitleg.mogelijk}")
        for wz in wijzigingen_bij(a):
            print(f"   Wetswijziging ({wz.vanaf}, {wz.status_tekst}): {wz.titel}. {wz.wat} {wz.url}")
        for u in uitspraken_bij(a):
            print(f"   Uitspraak {u.instantie} {datum(u.datum)} ({u.ecli}): {u.kern}")
        print(f"   {a.url}")
    print("Dit is geen juridisch advies. Controleer de tekst op wetten.overheid.nl.")
    return 0
