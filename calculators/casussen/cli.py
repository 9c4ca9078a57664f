"""``python -m calculators casus``: search the inspiration catalogue, check a new case, export its plan.

- ``casus zoek [woorden] [--cluster ..] [--domein ..] [--wet ..] [--knelpunt ..] [--doorbraak ..]``
- ``casus controleer nieuw.yaml``: schema and links (not privacy: use ``privacy`` for that).
- ``casus plan <id>``: the case's costs as a plan file for ``python -m calculators rendement``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opdrachtregel import print_json


def registreer(sub) -> None:
    p = sub.add_parser(
        "casus",
        help="zoek in de inspiratiecatalogus, controleer een nieuwe casus of maak er een plan van",
        description="Zoek casussen, controleer een casusbestand, of zet de kosten van een casus om "
        "naar een planbestand voor de rendementsberekening.",
    )
    p.add_argument(
        "actie",
        choices=["zoek", "controleer", "plan"],
        help="zoek: zoek casussen; controleer: controleer een casusbestand; plan: kosten als planbestand",
    )
    p.add_argument(
        "waarde",
        nargs="?",
        default="",
        help="bij zoek: een paar woorden; bij controleer: het bestand; bij plan: de id van de casus",
    )
    p.add_argument("--cluster", help="alleen dit cluster, bijvoorbeeld cluster-3")
    p.add_argument("--domein", help="alleen dit domein, bijvoorbeeld wonen")
    p.add_argument("--wet", help="alleen casussen met deze wet, bijvoorbeeld Participatiewet")
    p.add_argument("--knelpunt", help="alleen dit knelpunt: geen-toegang, mismatch of catch-22")
    p.add_argument("--doorbraak", help="alleen deze soort doorbraak, bijvoorbeeld woning")
    p.add_argument("--top", type=int, default=50, help="hoeveel resultaten (standaard 50)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(func=voer_uit)


def _controleer_filters(args: argparse.Namespace) -> None:
    from calculators.casussen.catalogus import laad_casussen, wetten_van
    from calculators.kern.vocabulaire import laad_vocabulaire
    from calculators.patronen.gegevens import laad_patronen

    p = laad_patronen()
    keuzes = {
        "cluster": [c.id for c in p.clusters],
        "domein": laad_vocabulaire().domein_namen,
        "wet": sorted({n for c in laad_casussen() for n in wetten_van(c)}),
        "knelpunt": [k.id for k in p.knelpunten],
        "doorbraak": [d.id for d in p.doorbraaktypen],
    }
    for naam, mogelijk in keuzes.items():
        waarde = getattr(args, naam)
        if waarde and waarde not in mogelijk:
            raise DoorbraakFout(f"Onbekende waarde bij --{naam}: '{waarde}'. Kies uit: {', '.join(mogelijk)}.")
    if not 1 <= args.top <= 1000:
        raise DoorbraakFout("--top moet tussen 1 en 1000 liggen.")


def voer_uit(args: argparse.Namespace) -> int:
    from calculators.casussen.catalogus import (
        MAX_BESTAND,
        casus_als_plan,
        casus_per_id,
        kosten_samenvatting,
        laad_casus,
        zoek_casussen,
    )
    from calculators.kern.bestanden import lees_bytes
    from calculators.kern.opmaak import euro

    if args.actie == "zoek":
        _controleer_filters(args)
        treffers = zoek_casussen(
            args.waarde[:500],
            top=args.top,
            cluster=args.cluster,
            domein=args.domein,
            wet=args.wet,
            knelpunt=args.knelpunt,
            doorbraaktype=args.doorbraak,
        )
        if args.json:
            print_json(
                [
                    {
                        "id": c.id,
                        "titel": c.titel,
                        "cluster": c.cluster,
                        "knelpunt": c.knelpunt,
                        "domeinen": c.domeinen,
                        "wettelijke_basis": c.wettelijke_basis,
                        "kosten": {s: float(b) for s, b in kosten_samenvatting(c).items()},
                    }
                    for c in treffers
                ]
            )
            return 0
        if not treffers:
            print("Geen casussen gevonden. Probeer andere of minder woorden.")
            return 0
        for c in treffers:
            print(f"{c.id}: {c.titel}")
        return 0

    if not args.waarde:
        raise DoorbraakFout(
            f"Noem bij '{args.actie}' ook {'het bestand' if args.actie == 'controleer' else 'de id van de casus'}."
        )

    if args.actie == "controleer":
        pad = Path(args.waarde)
        lees_bytes(pad, limiet=MAX_BESTAND)  # a folder, device or missing file: a clear Dutch message
        casus = laad_casus(pad)
        k = kosten_samenvatting(casus)
        if args.json:
            print_json({"id": casus.id, "geldig": True, "kosten": {s: float(b) for s, b in k.items()}})
        else:
            print(
                f"De casus '{casus.titel}' is in orde. Kosten voor één jaar: "
                + ", ".join(f"{s} {euro(b)}" for s, b in k.items())
                + "."
            )
            print("Controleer ook de privacy: python -m calculators privacy " + str(pad))
        return 0

    gevonden = casus_per_id().get(args.waarde.strip())
    if gevonden is None:
        raise DoorbraakFout(
            f"De casus '{args.waarde.strip()[:80]}' bestaat niet. Zoek de id met: python -m calculators casus zoek"
        )
    print_json(casus_als_plan(gevonden))
    return 0
