"""``python -m calculators monitor MAP [--json] [--xlsx OUT.xlsx]``: the Monitor on the command line.

MAP is a folder (every ``*.json`` under it, recursively) or a ``.zip``. Files that are not a valid
plan are listed with their Dutch message and not counted. Privacy warnings go to stderr.
Filters: ``--van``/``--tot`` (plan date, jjjj-mm-dd) and ``--domein``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opdrachtregel import print_json


def registreer(sub) -> None:
    p = sub.add_parser(
        "monitor",
        help="monitor: tel je eigen doorbraakplannen op (wetten, domeinen, budget, kosten, knelpunten)",
        description="Lees alle planbestanden (JSON) in een map of zip en tel ze op: welke wetten, welke "
        "domeinen, hoeveel maatwerkbudget, de kosten per geldstroom en de knelpunten. Alles blijft op je eigen computer.",
    )
    p.add_argument("map", metavar="MAP", help="map met planbestanden (ook in submappen), of een zip-bestand")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument("--xlsx", metavar="UIT.xlsx", help="schrijf ook een Excel-bestand met een blad per overzicht")
    p.add_argument("--van", metavar="DATUM", help="alleen plannen vanaf deze datum (jjjj-mm-dd)")
    p.add_argument("--tot", metavar="DATUM", help="alleen plannen tot en met deze datum (jjjj-mm-dd)")
    p.add_argument("--domein", help="alleen plannen met dit domein, bijvoorbeeld wonen")
    p.add_argument(
        "--zonder-privacycheck",
        action="store_true",
        help="sla de privacycontrole van de vrije tekst over (sneller bij heel veel plannen)",
    )
    p.set_defaults(func=voer_uit)


def _datum(tekst: str | None, optie: str) -> dt.date | None:
    if not tekst:
        return None
    try:
        return dt.date.fromisoformat(tekst.strip())
    except ValueError:
        raise DoorbraakFout(
            f"{optie} '{tekst[:40]}' is geen datum. Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-01-31."
        ) from None


def filters_uit(args: argparse.Namespace):
    from calculators.kern.vocabulaire import laad_vocabulaire
    from calculators.monitor.overzicht import Filters

    f = Filters(
        van=_datum(args.van, "--van"), tot=_datum(args.tot, "--tot"), domein=(args.domein or "").strip() or None
    )
    if f.van and f.tot and f.van > f.tot:
        raise DoorbraakFout("--van ligt na --tot. Kies een begindatum vóór de einddatum.")
    namen = laad_vocabulaire().domein_namen
    if f.domein and f.domein not in namen:
        raise DoorbraakFout(f"Onbekend domein bij --domein: '{f.domein[:40]}'. Kies uit: {', '.join(namen)}.")
    return f


def tekst_regels(o) -> list[str]:
    from calculators.kern.opmaak import euro

    r = [f"Aantal plannen: {o.aantal_plannen}."]
    if o.buiten_filter:
        r.append(f"Buiten het filter: {o.buiten_filter} plannen.")
    if o.ongeldig:
        r.append(f"Niet geteld ({len(o.ongeldig)} bestanden):")
        r += [f"- {b}: {m.splitlines()[0]}" for b, m in o.ongeldig]
    r.append("")
    r.append("Meest gebruikte wetsartikelen (aantal plannen):")
    r += [f"- {a}: {n}" for a, n in o.wetten] or ["- geen"]
    r.append("Domeinen (aantal plannen):")
    r += [f"- {d}: {n}" for d, n in o.domeinen.items()] or ["- geen"]
    gem = "geen" if o.maatwerkbudget_gemiddeld is None else euro(o.maatwerkbudget_gemiddeld)
    r.append(
        f"Maatwerkbudget: totaal {euro(o.maatwerkbudget_totaal)}, gemiddeld {gem} "
        f"(over {len(o.maatwerkbudget_per_plan)} plannen met een budget)."
    )
    r.append("Kosten per geldstroom (huidig / dreigend / niets doen / doorbraak):")
    r += [
        f"- {g}: {euro(x['huidig'])} / {euro(x['dreigend'])} / {euro(x['niets_doen'])} / {euro(x['doorbraak'])}"
        for g, x in o.per_geldstroom.items()
    ] or ["- geen"]
    r.append("Knelpunten:")
    r += [f"- {s}: {n}" for s, n in o.knelpunten.items()] or ["- geen"]
    for org, rij in o.knelpunten_per_organisatie.items():
        r.append(f"  {org}: " + ", ".join(f"{s} {n}" for s, n in rij.items()))
    return r


def voer_uit(args: argparse.Namespace) -> int:
    import sys

    from calculators.monitor.lezer import lees_map, lees_plannen, lees_zip
    from calculators.monitor.overzicht import maak_overzicht
    from calculators.plan.model import lees_bytes_begrensd

    f = filters_uit(args)
    bron = Path(args.map)
    if bron.is_file() and bron.suffix.lower() == ".zip":
        from calculators.monitor.lezer import MAX_ZIP_BYTES

        invoer = lees_zip(lees_bytes_begrensd(bron, limiet=MAX_ZIP_BYTES), bron.name)
    else:
        invoer = lees_map(bron)
    gelezen = lees_plannen(invoer)
    o = maak_overzicht(gelezen.plannen, gelezen.ongeldig, filters=f, privacy=not args.zonder_privacycheck)
    if args.xlsx:
        from calculators.monitor.export import schrijf_xlsx

        doel = Path(args.xlsx)
        if doel.suffix.lower() != ".xlsx":
            raise DoorbraakFout(f"{doel.name} eindigt niet op .xlsx. Kies een naam zoals monitor.xlsx.")
        try:
            doel.write_bytes(schrijf_xlsx(o))
        except OSError:
            raise DoorbraakFout(
                f"Het Excel-bestand {doel} kan niet geschreven worden. Bestaat de map, en is het bestand niet open?"
            ) from None
    for w in o.waarschuwingen:
        print(w.tekst(), file=sys.stderr)
    if args.json:
        print_json(o.als_json())
    else:
        print("\n".join(tekst_regels(o)))
        if args.xlsx:
            print(f"Excel-bestand geschreven: {args.xlsx}")
    return 0
