"""Checks on a valid doorbraakplan: is it complete, which values does it meet, privacy.

- :func:`volledigheid` — what is missing, and the waardendriehoek:
  *legitiem* when at least one article has a motivation; *rendabel* when huidig,
  dreigend and doorbraak each have at least one cost line and the cost comparison
  (:func:`calculators.rendement.model.bereken`) runs; *betrokken* when perspectief and
  betrokkenheid (eigen inzet and aanspreekpunt) are filled.
- :func:`privacy_bevindingen` — the privacy guard over every free-text field. It warns;
  it never changes the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from calculators.kern.fouten import DoorbraakFout
from calculators.plan.model import Doorbraakplan
from calculators.prijzen.prijslijst import Prijs
from calculators.privacy.wacht import Bevinding, controleer_tekst
from calculators.rendement import model as rm

#: Parts that a complete plan has, in method order, with a Dutch label.
ONDERDELEN: dict[str, str] = {
    "titel": "een titel",
    "datum": "de datum van het plan",
    "perspectief": "het perspectief van het huishouden",
    "huidige_situatie": "de huidige situatie",
    "dreigend_scenario": "het dreigend scenario",
    "doorbraak": "de doorbraak (de eerste stap)",
    "legitimiteit": "minstens een wetsartikel met een motivering",
    "betrokkenheid.eigen_inzet": "wat het huishouden zelf doet",
    "betrokkenheid.aanspreekpunt": "het aanspreekpunt",
    "domeinen": "de domeinen",
    "maatwerkbudget": "het maatwerkbudget (0 als er geen is)",
    "scenarios.huidig": "kostenregels bij huidig",
    "scenarios.dreigend": "kostenregels bij dreigend",
    "scenarios.doorbraak": "kostenregels bij doorbraak",
}


@dataclass
class Volledigheid:
    """The result of :func:`volledigheid` (the JSON of ``plan controleer --json``)."""

    compleet: bool
    ontbreekt: list[str]
    legitiem: bool
    rendabel: bool
    betrokken: bool
    meldingen: list[dict[str, Any]] = field(default_factory=list)

    def als_json(self) -> dict[str, Any]:
        return {
            "compleet": self.compleet,
            "ontbreekt": list(self.ontbreekt),
            "waardendriehoek": {"legitiem": self.legitiem, "rendabel": self.rendabel, "betrokken": self.betrokken},
            "meldingen": list(self.meldingen),
        }

    def als_tekst(self) -> str:
        """Plain Dutch lines for the CLI."""
        regels = ["Het plan is compleet." if self.compleet else "Het plan is nog niet compleet."]
        if self.ontbreekt:
            regels.append("Dit ontbreekt nog:")
            regels += [f"- {ONDERDELEN.get(k, k)} ({k})" for k in self.ontbreekt]
        ja = {True: "ja", False: "nee"}
        regels.append(
            f"Waardendriehoek: legitiem {ja[self.legitiem]}, rendabel {ja[self.rendabel]}, "
            f"betrokken {ja[self.betrokken]}."
        )
        if self.meldingen:
            regels.append("Let op:")
            regels += [f"- {m['melding']}" for m in self.meldingen]
        return "\n".join(regels)


def tekstvelden(plan: Doorbraakplan) -> Iterator[tuple[str, str]]:
    """Every free-text field as ``(place, text)``; place is a readable field path."""
    for veld in ("titel", "kenmerk", "perspectief", "huidige_situatie", "dreigend_scenario", "doorbraak"):
        yield veld, getattr(plan, veld)
    for i, a in enumerate(plan.legitimiteit, start=1):
        yield f"legitimiteit {i} ({a.artikel}) motivering", a.motivering
    yield "betrokkenheid eigen_inzet", plan.betrokkenheid.eigen_inzet
    yield "betrokkenheid aanspreekpunt", plan.betrokkenheid.aanspreekpunt
    for i, k in enumerate(plan.knelpunten, start=1):
        for veld in ("organisatie", "regel", "omschrijving"):
            yield f"knelpunt {i} {veld}", getattr(k, veld)
    for s, regels in plan.scenarios.items():
        for i, r in enumerate(regels, start=1):
            yield f"scenario '{s}' regel {i} omschrijving", r.omschrijving
            if r.omrekening is not None:
                yield f"scenario '{s}' regel {i} omrekening reden", r.omrekening.reden
    yield "kans_toelichting", plan.kans_toelichting
    if plan.besluit is not None:
        yield "besluit door", plan.besluit.door
        yield "besluit toelichting", plan.besluit.toelichting


def privacy_bevindingen(plan: Doorbraakplan) -> list[tuple[str, Bevinding]]:
    """Run the privacy guard over every free-text field: ``(field, finding)`` pairs, in plan order."""
    uit: list[tuple[str, Bevinding]] = []
    for veld, tekst in tekstvelden(plan):
        if tekst and tekst.strip():
            uit.extend((veld, b) for b in controleer_tekst(tekst, veld))
    return uit


def privacy_meldingen(plan: Doorbraakplan) -> list[dict[str, Any]]:
    """The privacy findings as JSON-ready warnings naming field and finding."""
    uit = []
    for veld, b in privacy_bevindingen(plan):
        uit.append(
            {
                "soort": "privacy",
                "veld": veld,
                "bevinding": b.soort,
                "tekst": b.tekst,
                "advies": b.advies,
                "melding": f"Mogelijk persoonsgegeven in {veld}: '{b.tekst}' ({b.soort}). {b.advies}".strip(),
            }
        )
    return uit


def rendabel(plan: Doorbraakplan, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None) -> bool:
    if not all(plan.scenarios.get(s) for s in rm.VERPLICHT):
        return False
    try:
        rm.bereken(plan.als_rendementplan(prijzen), prijzen)
    except DoorbraakFout:
        return False
    return True


def volledigheid(
    plan: Doorbraakplan, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None, privacy: bool = True
) -> Volledigheid:
    """What is missing, the waardendriehoek and (when ``privacy``) the privacy warnings."""
    ontbreekt: list[str] = []
    for veld in ("titel", "datum", "perspectief", "huidige_situatie", "dreigend_scenario", "doorbraak"):
        if not getattr(plan, veld):
            ontbreekt.append(veld)
    legitiem = any(a.motivering for a in plan.legitimiteit)
    if not legitiem:
        ontbreekt.append("legitimiteit")
    for i, a in enumerate(plan.legitimiteit, start=1):
        if not a.motivering:
            ontbreekt.append(f"legitimiteit.{i}.motivering")
    if not plan.betrokkenheid.eigen_inzet:
        ontbreekt.append("betrokkenheid.eigen_inzet")
    if not plan.betrokkenheid.aanspreekpunt:
        ontbreekt.append("betrokkenheid.aanspreekpunt")
    if not plan.domeinen:
        ontbreekt.append("domeinen")
    if plan.maatwerkbudget is None:
        ontbreekt.append("maatwerkbudget")
    for s in rm.VERPLICHT:
        if not plan.scenarios.get(s):
            ontbreekt.append(f"scenarios.{s}")
    betrokken = bool(plan.perspectief and plan.betrokkenheid.eigen_inzet and plan.betrokkenheid.aanspreekpunt)
    return Volledigheid(
        compleet=not ontbreekt,
        ontbreekt=ontbreekt,
        legitiem=legitiem,
        rendabel=rendabel(plan, prijzen),
        betrokken=betrokken,
        meldingen=privacy_meldingen(plan) if privacy else [],
    )
