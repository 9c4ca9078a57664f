"""The Monitor's figures over a set of doorbraakplannen (pure logic, aggregation with pandas).

Per view (the JSON keys of ``python -m calculators monitor``):

- ``aantal_plannen``: valid plans (after the filters); ``ongeldig``: ``[{bestand, melding}]``.
- ``wetten``: ``[[artikel, aantal]]`` — in how many plans each article is used (once per plan,
  a ``lid`` counts as its article), sorted by count (high first) then name, top 10.
- ``domeinen``: ``{domein: aantal plannen}``, sorted by count then name.
- ``maatwerkbudget``: ``{totaal, gemiddeld, per_plan: {bestand: bedrag}}`` over the plans that name
  a budget (``gemiddeld`` is ``null`` when none does).
- ``per_geldstroom``: ``{geldstroom: {huidig, dreigend, niets_doen, doorbraak}}`` — the sum over the
  plans of :func:`calculators.rendement.model.bereken`, each plan with its own chance and horizon;
  ``doorbraak`` is the alternative in ``besluit.gekozen_alternatief`` when the plan says so.
  Plans without the three scenarios have no costs and are left out of this view only.
- ``knelpunten``: ``{soort: aantal}`` and ``knelpunten_per_organisatie``: ``{organisatie: {soort: aantal}}``.

Amounts are Decimals inside (each plan's figures are rounded to cents by the model, then summed);
:meth:`Overzicht.als_json` gives numbers in euros. Filters: a period on the plan's ``datum`` and a
domein. Free text of every plan goes through the privacy guard; findings are warnings, not errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pandas as pd

from calculators.kern.opmaak import rond_af
from calculators.plan.model import Doorbraakplan
from calculators.prijzen.prijslijst import Prijs
from calculators.rendement import model as rm

TOP_WETTEN = 10
KOLOMMEN_GELDSTROOM = ("huidig", "dreigend", "niets_doen", "doorbraak")
GEEN_ORGANISATIE = "onbekend"
NUL = Decimal(0)


@dataclass
class Waarschuwing:
    """A plan that may contain personal data: which file, which kinds, in which fields (never the text)."""

    bestand: str
    soorten: list[str]
    velden: list[str]

    def als_dict(self) -> dict[str, Any]:
        return {"bestand": self.bestand, "soorten": self.soorten, "velden": self.velden}

    def tekst(self) -> str:
        return (
            f"Let op: {self.bestand} bevat misschien persoonsgegevens ({', '.join(self.soorten)}) "
            f"in {', '.join(self.velden)}. Haal die uit het plan voor je het deelt."
        )


@dataclass
class Filters:
    van: dt.date | None = None
    tot: dt.date | None = None
    domein: str | None = None

    @property
    def actief(self) -> bool:
        return bool(self.van or self.tot or self.domein)


@dataclass
class Overzicht:
    aantal_plannen: int
    ongeldig: list[tuple[str, str]]
    wetten: list[tuple[str, int]]
    domeinen: dict[str, int]
    maatwerkbudget_totaal: Decimal
    maatwerkbudget_gemiddeld: Decimal | None
    maatwerkbudget_per_plan: dict[str, Decimal]
    per_geldstroom: dict[str, dict[str, Decimal]]
    knelpunten: dict[str, int]
    knelpunten_per_organisatie: dict[str, dict[str, int]]
    waarschuwingen: list[Waarschuwing] = field(default_factory=list)
    zonder_kosten: list[str] = field(default_factory=list)
    buiten_filter: int = 0

    def als_json(self) -> dict[str, Any]:
        """Exactly the keys of the issue; amounts as numbers in euros (cents)."""
        return {
            "aantal_plannen": self.aantal_plannen,
            "ongeldig": [{"bestand": b, "melding": m} for b, m in self.ongeldig],
            "wetten": [[a, n] for a, n in self.wetten],
            "domeinen": dict(self.domeinen),
            "maatwerkbudget": {
                "totaal": float(self.maatwerkbudget_totaal),
                "gemiddeld": None if self.maatwerkbudget_gemiddeld is None else float(self.maatwerkbudget_gemiddeld),
                "per_plan": {b: float(x) for b, x in self.maatwerkbudget_per_plan.items()},
            },
            "per_geldstroom": {g: {k: float(v) for k, v in rij.items()} for g, rij in self.per_geldstroom.items()},
            "knelpunten": dict(self.knelpunten),
            "knelpunten_per_organisatie": {o: dict(r) for o, r in self.knelpunten_per_organisatie.items()},
        }


def _artikel(ref: str) -> str:
    """The article of a reference, without its lid: ``"Pw 18 lid 1"`` → ``"Pw 18"``."""
    from calculators.wetten.artikelen import zoek_referentie

    return zoek_referentie(ref).referentie


def _gekozen(plan: Doorbraakplan) -> str:
    if plan.besluit is not None and plan.besluit.gekozen_alternatief:
        return plan.besluit.gekozen_alternatief
    return "doorbraak"


def _vrije_tekst(plan: Doorbraakplan) -> list[tuple[str, str]]:
    """(field, text) pairs of every free-text field of a plan."""
    uit = [
        (v, getattr(plan, v))
        for v in ("titel", "kenmerk", "perspectief", "huidige_situatie", "dreigend_scenario", "doorbraak")
    ]
    uit += [
        ("betrokkenheid.eigen_inzet", plan.betrokkenheid.eigen_inzet),
        ("betrokkenheid.aanspreekpunt", plan.betrokkenheid.aanspreekpunt),
    ]
    uit += [(f"legitimiteit {i}", x.motivering) for i, x in enumerate(plan.legitimiteit, 1)]
    uit += [(f"knelpunten {i}", f"{x.regel}\n{x.omschrijving}") for i, x in enumerate(plan.knelpunten, 1)]
    if plan.besluit is not None:
        uit += [("besluit", f"{plan.besluit.door}\n{plan.besluit.toelichting}")]
    for s, regels in plan.scenarios.items():
        # One sentence per line, so the guard does not read two lines as one name.
        uit += [(f"scenario {s}", "\n".join(r.omschrijving.rstrip(". ") + "." for r in regels if r.omschrijving))]
    return [(v, t) for v, t in uit if t and t.strip()]


def privacy_waarschuwing(
    naam: str, plan: Doorbraakplan, cache: dict[str, list[str]] | None = None
) -> Waarschuwing | None:
    """Run the privacy guard over the plan's free text; ``None`` when nothing is found.

    The guard costs time per character, so every distinct field text is checked once per
    overview (``cache``: text → kinds found); plans often share line descriptions and phrases.
    """
    from calculators.privacy.wacht import controleer_tekst

    cache = {} if cache is None else cache
    soorten: list[str] = []
    velden: list[str] = []
    for veld, t in _vrije_tekst(plan):
        t = t.strip()
        if t not in cache:
            cache[t] = list(dict.fromkeys(b.soort for b in controleer_tekst(t)))
        if cache[t]:
            soorten.extend(x for x in cache[t] if x not in soorten)
            velden.append(veld)
    return Waarschuwing(naam, soorten, velden) if soorten else None


def in_filter(plan: Doorbraakplan, f: Filters) -> bool:
    if f.domein and f.domein not in plan.domeinen:
        return False
    if f.van or f.tot:
        if plan.datum is None:
            return False
        if f.van and plan.datum < f.van:
            return False
        if f.tot and plan.datum > f.tot:
            return False
    return True


def _tel(reeks: pd.Series) -> dict[str, int]:
    """Counts, sorted by count (high first) then name."""
    if reeks.empty:
        return {}
    tel = reeks.value_counts()
    df = pd.DataFrame({"naam": tel.index.astype(str), "aantal": tel.to_numpy()})
    df = df.sort_values(["aantal", "naam"], ascending=[False, True], kind="mergesort")
    return {str(n): int(a) for n, a in zip(df["naam"], df["aantal"], strict=True)}


def maak_overzicht(
    plannen: Mapping[str, Doorbraakplan],
    ongeldig: Iterable[tuple[str, str]] = (),
    prijzen: Mapping[str, Prijs] | Iterable[Prijs] | None = None,
    filters: Filters | None = None,
    privacy: bool = True,
    privacy_cache: dict[str, list[str]] | None = None,
) -> Overzicht:
    """All views over ``plannen`` (name → plan), after ``filters``.

    ``privacy_cache`` (text → kinds found) may be kept between calls, so a new filter does not
    check the same text again.
    """
    f = filters or Filters()
    index = rm._index(prijzen)
    gekozen = {n: p for n, p in sorted(plannen.items()) if in_filter(p, f)}

    wet_rijen, dom_rijen, knel_rijen, geld_rijen, budget_rijen = [], [], [], [], []
    zonder_kosten: list[str] = []
    waarschuwingen: list[Waarschuwing] = []
    gezien: dict[str, list[str]] = {} if privacy_cache is None else privacy_cache
    for naam, plan in gekozen.items():
        for a in dict.fromkeys(_artikel(x.artikel) for x in plan.legitimiteit):
            wet_rijen.append((naam, a))
        dom_rijen += [(naam, d) for d in plan.domeinen]
        knel_rijen += [(naam, k.soort, k.organisatie.strip() or GEEN_ORGANISATIE) for k in plan.knelpunten]
        if plan.maatwerkbudget is not None:
            budget_rijen.append((naam, plan.maatwerkbudget))
        if plan.rekenbaar:
            u = rm.bereken(plan.als_rendementplan(index), index)
            alt = _gekozen(plan)
            for g, rij in u.per_geldstroom.items():
                geld_rijen.append((naam, g, rij["huidig"], rij["dreigend"], rij[rm.NIETS_DOEN], rij[alt]))
        else:
            zonder_kosten.append(naam)
        if privacy:
            w = privacy_waarschuwing(naam, plan, gezien)
            if w is not None:
                waarschuwingen.append(w)

    wetten_df = pd.DataFrame(wet_rijen, columns=["bestand", "artikel"])
    wetten = list(_tel(wetten_df["artikel"]).items())[:TOP_WETTEN]
    domeinen = _tel(pd.DataFrame(dom_rijen, columns=["bestand", "domein"])["domein"])

    knel_df = pd.DataFrame(knel_rijen, columns=["bestand", "soort", "organisatie"])
    knelpunten = _tel(knel_df["soort"])
    per_org: dict[str, dict[str, int]] = {}
    if not knel_df.empty:
        for org in sorted(knel_df["organisatie"].unique(), key=str.lower):
            per_org[str(org)] = _tel(knel_df.loc[knel_df["organisatie"] == org, "soort"])

    budget_df = pd.DataFrame(budget_rijen, columns=["bestand", "bedrag"])
    totaal = sum(budget_df["bedrag"], NUL)
    gemiddeld = rond_af(totaal / len(budget_df)) if len(budget_df) else None

    geld_df = pd.DataFrame(geld_rijen, columns=["bestand", "geldstroom", *KOLOMMEN_GELDSTROOM])
    volgorde = rm.geldstroom_namen()
    per_geldstroom: dict[str, dict[str, Decimal]] = {}
    if not geld_df.empty:
        som = geld_df.groupby("geldstroom", sort=False)[list(KOLOMMEN_GELDSTROOM)].agg(lambda s: sum(s, NUL))
        for g in sorted(som.index, key=lambda x: volgorde.index(x) if x in volgorde else len(volgorde)):
            per_geldstroom[str(g)] = {k: rond_af(som.at[g, k]) for k in KOLOMMEN_GELDSTROOM}

    return Overzicht(
        aantal_plannen=len(gekozen),
        ongeldig=sorted(ongeldig),
        wetten=wetten,
        domeinen=domeinen,
        maatwerkbudget_totaal=rond_af(totaal),
        maatwerkbudget_gemiddeld=gemiddeld,
        maatwerkbudget_per_plan={b: rond_af(x) for b, x in budget_rijen},
        per_geldstroom=per_geldstroom,
        knelpunten=knelpunten,
        knelpunten_per_organisatie=per_org,
        waarschuwingen=waarschuwingen,
        zonder_kosten=zonder_kosten,
        buiten_filter=len(plannen) - len(gekozen),
    )
