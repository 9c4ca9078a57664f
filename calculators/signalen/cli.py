"""``python -m calculators signalen``: the Signalenwijzer on the command line.

- ``signalen --lijst [--json]``: every signal, per group, with its place and source.
- ``signalen ID... [--json]``: the picture for the chosen signals (woonfuik step, cocktail,
  the three questions, what to do first, articles, book pages). Unknown id: exit 2, Dutch message.
"""

from __future__ import annotations

import argparse

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opdrachtregel import print_json


def registreer(sub) -> None:
    p = sub.add_parser(
        "signalen",
        help="signalenwijzer: vroege signalen en wat ze betekenen",
        description="Toon de vroege signalen (--lijst), of geef een paar ids van signalen. "
        "Je ziet dan waar het huishouden staat in de woonfuik, op welke giftige cocktail het lijkt, "
        "de drie vragen, wat eerst moet en welke artikelen helpen.",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="ids van signalen, bijvoorbeeld baanverlies huurachterstand")
    p.add_argument("--lijst", action="store_true", help="toon alle signalen")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(func=voer_uit)


def _lijst_tekst() -> list[str]:
    from calculators.patronen.gegevens import laad_patronen
    from calculators.signalen.gegevens import GROEPEN, laad_signalen, vakken
    from calculators.signalen.wijzer import groep_naam

    labels = vakken(laad_patronen())
    regels = []
    signalen = laad_signalen()
    for g in GROEPEN:
        regels.append(f"{groep_naam(g)}:")
        for s in signalen:
            if s.groep != g:
                continue
            plaats = "; ".join(f"{pl.matrix} {labels[pl.matrix][pl.vak]}" for pl in s.plaats)
            bron = "eigen toevoeging" if s.eigen_toevoeging else ", ".join(f"{b.rapport}: {b.deel}" for b in s.bron)
            regels.append(f"  {s.id}: {s.tekst}")
            regels.append(f"      plaats: {plaats}. Bron: {bron}.")
        regels.append("")
    return regels


def _beeld_tekst(b) -> list[str]:
    from calculators.signalen.wijzer import groep_naam

    regels = ["Gekozen signalen:"]
    regels += [f"- {s.tekst} ({groep_naam(s.groep).lower()})" for s in b.signalen]
    regels.append("")
    if b.woonfuik:
        w = b.woonfuik
        regels.append(
            f"Waar staat het huishouden? Woonfuik stap {w['stap']} van {w['van']}: {w['naam']}. {w['uitleg']}"
        )
    else:
        regels.append("Waar staat het huishouden? Geen van de signalen staat in de woonfuik.")
    if b.clusters:
        regels.append("Lijkt op de giftige cocktail:")
        regels += [f"- cluster {c['nummer']}: {c['naam']} (gezien: {', '.join(c['gedekt'])})" for c in b.clusters]
    regels.append("")
    regels.append("Wat eerst? " + b.eerst["tekst"])
    regels += [f"- {a}" for a in b.eerst["acties"]]
    regels.append("")
    regels.append("Drie vragen:")
    for v in b.vragen:
        regels.append(f"- {v['vraag']}")
        regels += [f"    {h['naam']}: {h['tekst']}" for h in v["hints"]]
    if b.knelpunten:
        regels.append("")
        regels.append("Knelpunten om op te letten:")
        regels += [f"- {k['naam']}: {k['wat_helpt']}" for k in b.knelpunten]
    if b.artikelen:
        regels.append("")
        regels.append("Artikelen die kunnen helpen:")
        regels += [f"- {a['referentie']}: {a['titel']}" for a in b.artikelen]
    regels.append("")
    regels.append("Lees meer: " + ", ".join(f"{x['titel']} ({x['pad']})" for x in b.links))
    regels.append(f"Start een plan: {b.plan_adres}")
    return regels


def voer_uit(args: argparse.Namespace) -> int:
    from calculators.signalen.wijzer import beeld, lijst_json

    if args.lijst:
        if args.ids:
            raise DoorbraakFout("Kies --lijst of geef ids van signalen, niet allebei.")
        if args.json:
            print_json(lijst_json())
        else:
            print("\n".join(_lijst_tekst()).rstrip())
        return 0
    if not args.ids:
        raise DoorbraakFout("Geef een of meer ids van signalen, of gebruik --lijst om ze te zien.")
    b = beeld(args.ids)
    if args.json:
        print_json(b.als_json())
    else:
        print("\n".join(_beeld_tekst(b)))
    return 0
