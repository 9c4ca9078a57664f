"""Book role and directive for the rendementsberekening: numbers computed from a plan file.

- ``{rendement}`sleutel``` (role): one figure of the worked example
  (``data/voorbeelden/plan-voorbeeld.json``), computed at build time. Keys:

  ``totaal:<scenario>``, ``eenmalig:<scenario>``, ``jaarlijks:<scenario>`` (per year,
  undiscounted), ``niets_doen``, ``netto:<plan>``, ``geldstroom:<geldstroom>:<scenario>``
  (``niets_doen`` allowed as scenario), ``verschil:<geldstroom>:<plan>``, ``kans``,
  ``tegenkans`` (1 − p), ``horizon``, ``discontovoet``, ``maand:<plan>`` (break-even
  sentence), ``gevoelig:<plan>:<kans>:<horizon>`` (for example ``gevoelig:doorbraak:1:1``)
  and ``uitleg`` (the plain-Dutch explanation sentence).
- ``{rendementtabel} deel`` (directive): a table of the example: ``regels`` (all lines),
  ``totalen``, ``geldstroom`` or ``gevoeligheid``. Option ``:plan:`` takes another plan
  file (path relative to the repository root).

An unknown key or a broken plan file is a Sphinx error, so a build with ``-W`` fails.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

from calculators.kern.boek import tabel_knopen
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import euro, getal
from calculators.kern.paden import ROOT
from calculators.kern.tabel import maak_tabel
from calculators.prijzen.prijslijst import PRIJZEN_CSV, laad_prijzen, prijs_per_id
from calculators.rendement.export import lees_json
from calculators.rendement.model import (
    NIETS_DOEN,
    Plan,
    Uitkomst,
    bereken,
    gevoeligheid,
    los_op,
    maand_tekst,
    procent,
    sommen,
    uitleg,
)

VOORBEELD = "data/voorbeelden/plan-voorbeeld.json"


@lru_cache(maxsize=8)
def _laad(pad: str, _stempel: float) -> tuple[Plan, Uitkomst]:
    bestand = ROOT / pad
    prijzen = prijs_per_id(laad_prijzen())
    plan = lees_json(bestand.read_text(encoding="utf-8"), prijzen, bestand=bestand.name)
    return plan, bereken(plan, prijzen)


def laad_voorbeeld(pad: str = VOORBEELD) -> tuple[Plan, Uitkomst]:
    """The plan file and its outcome (cached until the file changes)."""
    bestand = ROOT / pad
    if not bestand.exists():
        raise DoorbraakFout(f"Het planbestand {pad} bestaat niet.")
    stempel = bestand.stat().st_mtime + PRIJZEN_CSV.stat().st_mtime
    return _laad(pad, stempel)


def waarde(sleutel: str, pad: str = VOORBEELD) -> str:
    """The text for one ``{rendement}`` key."""
    plan, u = laad_voorbeeld(pad)
    delen = [d.strip() for d in sleutel.split(":")]
    soort, rest = delen[0], delen[1:]
    prijzen = prijs_per_id(laad_prijzen())
    try:
        if soort == "totaal" and len(rest) == 1:
            return euro(u.totaal[rest[0]])
        if soort in ("eenmalig", "jaarlijks") and len(rest) == 1:
            som = sommen(plan, prijzen)[rest[0]]
            i = 0 if soort == "eenmalig" else 1
            return euro(sum((v[i] for v in som.values()), Decimal(0)))
        if soort == "niets_doen" and not rest:
            return euro(u.niets_doen)
        if soort == "netto" and len(rest) == 1:
            return euro(u.netto[rest[0]])
        if soort == "geldstroom" and len(rest) == 2:
            return euro(u.per_geldstroom[rest[0]][rest[1]])
        if soort == "verschil" and len(rest) == 2:
            return euro(u.netto_per_geldstroom[rest[0]][rest[1]])
        if soort == "kans" and not rest:
            return procent(plan.kans_dreigend)
        if soort == "tegenkans" and not rest:
            return procent(1 - plan.kans_dreigend)
        if soort == "horizon" and not rest:
            return "1 jaar" if plan.horizon_jaren == 1 else f"{plan.horizon_jaren} jaar"
        if soort == "discontovoet" and not rest:
            return procent(plan.discontovoet)
        if soort == "maand" and len(rest) == 1:
            return maand_tekst(u.break_even_maand[rest[0]], u.horizon_jaren)
        if soort == "gevoelig" and len(rest) == 3:
            p, h = Decimal(rest[1]), int(rest[2])
            g = gevoeligheid(plan, prijzen, kansen=[p], horizonnen=[h])
            return euro(g.netto[rest[0]][(p, h)])
        if soort == "uitleg" and not rest:
            return uitleg(u)
    except (KeyError, ArithmeticError, ValueError):
        pass
    raise DoorbraakFout(f"onbekende sleutel '{sleutel}' voor het plan {pad}")


def _noteer(env, pad: str) -> None:
    env.note_dependency(str(ROOT / pad))
    env.note_dependency(str(PRIJZEN_CSV))


class RendementRole(SphinxRole):
    """``{rendement}`netto:doorbraak``` → "€ 79.663,71" (computed at build time)."""

    def run(self):
        _noteer(self.env, VOORBEELD)
        try:
            tekst = waarde(self.text)
        except DoorbraakFout as e:
            msg = self.inliner.reporter.error(f"Rendement: {e}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.inline(self.rawtext, tekst, classes=["bedrag-berekend"])], []


def _tabel(bijschrift: str, kop: list[str], rijen: list[list[str]]) -> list[nodes.Node]:
    """The shared accessible table: the first column names the row, the others are amounts."""
    rechts = frozenset(range(1, len(kop)))
    return tabel_knopen(maak_tabel(bijschrift, kop, rijen, rechts=rechts, rijkop=True, klassen=("rendement-tabel",)))


def tabel_knopen_voor(deel: str, pad: str = VOORBEELD) -> list[nodes.Node]:
    """The tables of one ``{rendementtabel}`` part, as docutils nodes."""
    plan, u = laad_voorbeeld(pad)
    prijzen = prijs_per_id(laad_prijzen())
    if deel == "regels":
        delen: list[nodes.Node] = []
        for s, regels in plan.scenarios.items():
            rijen = []
            for r in regels:
                rp = los_op(r, prijzen)
                rijen.append(
                    [
                        rp.omschrijving,
                        euro(rp.bedrag),
                        getal(rp.aantal, 4),
                        "elk jaar" if rp.soort == "jaarlijks" else "één keer",
                        rp.geldstroom,
                        euro(rp.kosten),
                    ]
                )
            delen += _tabel(
                f"Scenario {s}",
                ["Regel", "Bedrag", "Aantal", "Hoe vaak", "Wie betaalt", "Kosten per keer of per jaar"],
                rijen,
            )
        return delen
    if deel == "totalen":
        rijen = [[s, euro(b)] for s, b in u.totaal.items()]
        rijen.append(["niets doen (verwacht)", euro(u.niets_doen)])
        rijen += [[f"{d} scheelt", euro(b)] for d, b in u.netto.items()]
        return _tabel(f"Uitkomst over {u.horizon_jaren} jaar", ["Scenario", "Kosten"], rijen)
    if deel == "geldstroom":
        kolommen = [*u.totaal, NIETS_DOEN]
        kop = ["Geldstroom", *(k.replace("_", " ") for k in kolommen), *(f"scheelt bij {d}" for d in u.netto)]
        rijen = [
            [g, *(euro(rij[k]) for k in kolommen), *(euro(u.netto_per_geldstroom[g][d]) for d in u.netto)]
            for g, rij in u.per_geldstroom.items()
        ]
        return _tabel("Kosten per geldstroom. Een negatief getal: deze geldstroom betaalt meer.", kop, rijen)
    if deel == "gevoeligheid":
        g = gevoeligheid(plan, prijzen)
        delen = []
        for d, tabel in g.netto.items():
            kop = ["Kans", *(f"{h} jaar" for h in g.horizonnen)]
            rijen = [[procent(p), *(euro(tabel[(p, h)]) for h in g.horizonnen)] for p in g.kansen]
            delen += _tabel(f"Wat {d} scheelt bij een andere kans en horizon", kop, rijen)
        return delen
    raise DoorbraakFout(f"onbekend deel '{deel}'. Kies uit: regels, totalen, geldstroom, gevoeligheid")


class RendementTabelDirective(SphinxDirective):
    """``{rendementtabel} totalen``: a table of the worked example, computed at build time."""

    required_arguments = 1
    has_content = False
    option_spec = {"plan": directives.unchanged}

    def run(self):
        pad = self.options.get("plan", VOORBEELD)
        _noteer(self.env, pad)
        try:
            return tabel_knopen_voor(self.arguments[0], pad)
        except DoorbraakFout as e:
            raise self.error(f"Rendementtabel: {e}") from None


def setup(app):
    app.add_role("rendement", RendementRole())
    app.add_directive("rendementtabel", RendementTabelDirective)
