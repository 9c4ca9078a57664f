"""The doorbraakplan: the whole plan in one file (issue 12).

A doorbraakplan file is today's rendement plan JSON (``scenarios``, ``kans_dreigend``,
``horizon_jaren``, ``discontovoet``, ``titel``) plus the parts of the method:
perspectief, huidige situatie, dreigend scenario, doorbraak, legitimiteit (articles the law
lookup knows, each with a motivation), betrokkenheid, domeinen, maatwerkbudget,
knelpunten and an optional besluit.

- Validation is pydantic v2 (``extra="forbid"``, limits on every field). Prices are
  passed as validation context: ``Doorbraakplan.model_validate(data, context={"prijzen": index})``.
  Use :func:`lees_planbestand` to get Dutch :class:`DoorbraakFout` messages that name
  scenario, line and field.
- The cost model stays :func:`calculators.rendement.model.bereken`: :meth:`Doorbraakplan.als_rendementplan`
  converts this plan into a :class:`calculators.rendement.model.Plan`. Single values are
  checked with the rendement checks (``controleer_bedrag`` …), so an old rendement file
  gets exactly the same values here.
- Unit rule (issue 17 item 1): a price that is not per person, household or case (for
  example "per 1000 inwoners") can only be a plan line with an explicit ``omrekening``
  ``{"factor": …, "reden": …}``; the line then counts ``prijs × factor × aantal``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import stat
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.prijzen.prijslijst import Prijs, prijs_per_id
from calculators.rendement import model as rm

MAX_BESTAND_BYTES = 1_000_000  # 1 MB; a plan is a few kB
MAX_KORT = 200  # titles, names, short fields
MAX_LANG = 4000  # story fields
MAX_ARTIKELEN = 20
MAX_KNELPUNTEN = 20
MAX_FACTOR = Decimal(1000)
KNELPUNTSOORTEN: tuple[str, ...] = ("geen-toegang", "mismatch", "catch-22")
UITKOMSTEN: tuple[str, ...] = ("goedgekeurd", "afgewezen", "aangepast")

#: Top-level keys in method order (the print follows this order too).
PLAN_VELDEN: tuple[str, ...] = (
    "titel",
    "datum",
    "kenmerk",
    "perspectief",
    "huidige_situatie",
    "dreigend_scenario",
    "doorbraak",
    "legitimiteit",
    "betrokkenheid",
    "domeinen",
    "maatwerkbudget",
    "knelpunten",
    "scenarios",
    "kans_dreigend",
    "kans_toelichting",
    "horizon_jaren",
    "discontovoet",
    "besluit",
)

# Text in a price row that says the amount is not per person, household or case.
_NIET_PER_HUISHOUDEN = re.compile(
    r"per\s+1[.\s]?000\s+inwoners|niet per huishouden|geen kosten van een bepaald huishouden"
    r"|omgeslagen (over|per) (alle )?inwoner|per gemeente\b|landelijk totaal",
    re.IGNORECASE,
)
# A future csv column may say so directly; these attribute names are honoured if present.
_GRONDSLAG_ATTRIBUTEN = ("grondslag", "geldt_voor", "eenheid_soort", "per")
_GRONDSLAG_OK = {"persoon", "huishouden", "casus", "traject", "per persoon", "per huishouden", "per casus", ""}


def grondslag_niet_per_huishouden(prijs: Prijs) -> str | None:
    """Why a price is not per person/household/case, or None when it is usable as a line.

    Uses a csv column when the price list has one (``grondslag`` or similar), otherwise the
    row's ``eenheid``, ``omschrijving`` and ``opmerking`` (e.g. "per 1000 inwoners").
    """
    for naam in _GRONDSLAG_ATTRIBUTEN:
        waarde = getattr(prijs, naam, None)
        if isinstance(waarde, str) and waarde.strip():
            return None if waarde.strip().lower() in _GRONDSLAG_OK else waarde.strip()
    for tekst in (prijs.eenheid, prijs.omschrijving, prijs.opmerking):
        m = _NIET_PER_HUISHOUDEN.search(tekst or "")
        if m:
            return m.group(0)
    return None


# --- helpers for validators -----------------------------------------------------------


def _dutch(check):
    """Wrap a rendement check (raises DoorbraakFout) as a pydantic before-validator."""

    def valideer(v: Any) -> Any:
        try:
            return check(v)
        except DoorbraakFout as e:
            raise ValueError(str(e)) from None

    return valideer


def _tekst(v: Any) -> Any:
    if v is None:
        return ""
    if not isinstance(v, str):
        raise ValueError("hier hoort tekst")
    return v.strip()


def _datum(v: Any) -> Any:
    if v is None or isinstance(v, _dt.date) and not isinstance(v, _dt.datetime):
        return v
    if not isinstance(v, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.strip()):
        raise ValueError("hier hoort een datum als jjjj-mm-dd, bijvoorbeeld 2026-12-01")
    try:
        return _dt.date.fromisoformat(v.strip())
    except ValueError:
        raise ValueError(f"deze datum bestaat niet (nu: '{v[:20]}')") from None


def _prijzen(info: ValidationInfo) -> dict[str, Prijs]:
    ctx = info.context or {}
    prijzen = ctx.get("prijzen")
    if prijzen is None:
        from calculators.prijzen.prijslijst import laad_prijzen

        prijzen = laad_prijzen()
    if isinstance(prijzen, Mapping):
        return dict(prijzen)
    return prijs_per_id(prijzen)


Getal = WithJsonSchema({"type": "number"})
KorteTekst = Annotated[str, Field(default="", max_length=MAX_KORT)]
LangeTekst = Annotated[str, Field(default="", max_length=MAX_LANG)]


class _Basis(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


# --- parts --------------------------------------------------------------------------


class Omrekening(_Basis):
    """Explicit conversion of a price that is not per household (e.g. per 1000 inwoners)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"description": "Een omrekening van een prijs die niet per huishouden geldt."}
    )

    factor: Annotated[
        Decimal,
        Getal,
        Field(
            gt=0,
            le=MAX_FACTOR,
            description=(
                "Waarmee de prijs wordt vermenigvuldigd om op de kosten van dit huishouden te komen "
                "(bijvoorbeeld 0,25). Hoogstens 6 cijfers achter de komma."
            ),
        ),
    ]
    reden: Annotated[
        str,
        Field(
            min_length=10,
            max_length=MAX_KORT * 2,
            description=("Waarom deze factor: de berekening en de bron, in een zin."),
        ),
    ]

    @field_validator("factor", mode="before")
    @classmethod
    def _factor(cls, v: Any) -> Any:
        d = rm._als_decimal(v, "factor") if not isinstance(v, bool) else None
        if d is None:
            raise ValueError("hier hoort een getal")
        if not rm._decimalen(d, 6):
            raise ValueError("de factor heeft hoogstens 6 cijfers achter de komma")
        return d

    _reden = field_validator("reden", mode="before")(classmethod(lambda cls, v: _tekst(v)))


class PlanRegel(_Basis):
    """One cost line, as in the rendement plan file, plus an optional ``omrekening``."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"description": "Een kostenregel."})

    omschrijving: Annotated[
        str, Field(default="", max_length=rm.MAX_TEKST, description="Wat deze regel is, in eigen woorden.")
    ]
    bedrag: Annotated[
        Decimal | None,
        WithJsonSchema({"type": "number", "minimum": 0, "maximum": float(rm.MAX_BEDRAG)}),
        Field(default=None, description="Bedrag per eenheid in euro. Leeg: het bedrag van prijs_id."),
    ]
    prijs_id: Annotated[
        str | None, Field(default=None, max_length=120, description="Id van een prijs uit de prijslijst.")
    ]
    aantal: Annotated[
        Decimal,
        WithJsonSchema({"type": "number", "minimum": 0, "maximum": float(rm.MAX_AANTAL)}),
        Field(default=Decimal(1), description="Hoeveel eenheden (per jaar of eenmalig)."),
    ]
    soort: Annotated[
        Literal["jaarlijks", "eenmalig"] | None,
        Field(default=None, description="jaarlijks of eenmalig. Leeg: volgt uit de prijs."),
    ]
    geldstroom: Annotated[
        str | None,
        Field(
            default=None, max_length=60, description="Wie betaalt (naam uit de vocabulaire). Leeg: volgt uit de prijs."
        ),
    ]
    omrekening: Annotated[
        Omrekening | None,
        Field(default=None, description="Alleen bij een prijs die niet per huishouden geldt: factor en reden."),
    ]

    _omschrijving = field_validator("omschrijving", mode="before")(classmethod(lambda cls, v: _tekst(v)))
    _bedrag = field_validator("bedrag", mode="before")(
        classmethod(lambda cls, v: None if v is None else _dutch(rm.controleer_bedrag)(v))
    )
    _aantal = field_validator("aantal", mode="before")(classmethod(lambda cls, v: _dutch(rm.controleer_aantal)(v)))

    @field_validator("prijs_id", mode="before")
    @classmethod
    def _prijs_id(cls, v: Any) -> Any:
        if v in (None, ""):
            return None
        if not isinstance(v, str):
            raise ValueError("hier hoort de id van een prijs uit de prijslijst (tekst)")
        return v

    @field_validator("soort", mode="before")
    @classmethod
    def _soort(cls, v: Any) -> Any:
        if v is not None and v not in rm.SOORTEN:
            raise ValueError(f"kies 'jaarlijks' of 'eenmalig' (nu: '{str(v)[:40]}')")
        return v

    @field_validator("geldstroom", mode="before")
    @classmethod
    def _geldstroom(cls, v: Any) -> Any:
        return None if v is None else _dutch(rm.controleer_geldstroom)(v)

    @model_validator(mode="after")
    def _bedrag_of_prijs(self, info: ValidationInfo) -> PlanRegel:
        index = _prijzen(info)
        prijs = None
        if self.prijs_id is not None:
            prijs = index.get(self.prijs_id)
            if prijs is None:
                hint = (
                    " Dit is een eigen tarief: laad eerst je eigen tarieven"
                    if self.prijs_id.startswith("lokaal-")
                    else " Zoek de juiste id in de prijslijst"
                )
                raise ValueError(f"onbekende prijs-id '{self.prijs_id[:60]}'.{hint}")
        if prijs is None:
            if self.bedrag is None:
                raise ValueError("vul een bedrag in, of een prijs_id uit de prijslijst")
            if self.soort is None:
                raise ValueError("kies bij een eigen bedrag 'jaarlijks' of 'eenmalig' (veld soort)")
            if self.geldstroom is None:
                raise ValueError("kies bij een eigen bedrag een geldstroom: " + ", ".join(rm.geldstroom_namen()))
            if self.omrekening is not None:
                raise ValueError("een omrekening hoort alleen bij een prijs_id die niet per huishouden geldt")
            return self
        grond = grondslag_niet_per_huishouden(prijs)
        if grond is None:
            if self.omrekening is not None:
                raise ValueError(f"de prijs '{prijs.id}' geldt al per persoon of huishouden: laat de omrekening weg")
            return self
        if self.bedrag is not None:
            raise ValueError(
                f"de prijs '{prijs.id}' geldt niet per huishouden ({grond}). Laat prijs_id weg als je een "
                "eigen bedrag invult, of laat het bedrag weg en geef een omrekening"
            )
        if self.omrekening is None:
            raise ValueError(
                f"de prijs '{prijs.id}' geldt niet per huishouden ({grond}). Je kunt hem alleen gebruiken "
                'met een omrekening: {"factor": ..., "reden": "..."}'
            )
        return self

    def als_rendementregel(self, prijzen: Mapping[str, Prijs]) -> rm.Regel:
        """The line for the cost model; a conversion becomes the line's own amount (prijs × factor)."""
        bedrag = self.bedrag
        if self.omrekening is not None and self.prijs_id is not None:
            bedrag = prijzen[self.prijs_id].bedrag * self.omrekening.factor
        return rm.Regel(
            omschrijving=self.omschrijving,
            bedrag=bedrag,
            prijs_id=self.prijs_id,
            aantal=self.aantal,
            soort=self.soort,
            geldstroom=self.geldstroom,
        )


class Legitimiteit(_Basis):
    """An article the law lookup knows, and why it applies here."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"description": "Een wetsartikel met de motivering."})

    artikel: Annotated[
        str,
        Field(
            min_length=1,
            max_length=60,
            description=(
                "Verwijzing die de wetzoeker kent, bijvoorbeeld 'Pw 35', 'Wmo 2015 2.3.5' of 'Awb 4:84'. "
                "Met lid: 'Pw 18 lid 1'."
            ),
        ),
    ]
    motivering: Annotated[
        str,
        Field(
            default="", max_length=MAX_LANG, description=("Waarom dit artikel hier ruimte geeft, voor dit huishouden.")
        ),
    ]

    _motivering = field_validator("motivering", mode="before")(classmethod(lambda cls, v: _tekst(v)))

    @field_validator("artikel", mode="before")
    @classmethod
    def _artikel(cls, v: Any) -> Any:
        if not isinstance(v, str):
            raise ValueError("hier hoort een verwijzing naar een artikel, zoals 'Pw 35'")
        from calculators.wetten.artikelen import normaliseer_referentie

        try:
            return normaliseer_referentie(v)
        except DoorbraakFout as e:
            raise ValueError(str(e).rstrip(".")) from None


class Betrokkenheid(_Basis):
    """What the household does itself, and the one aanspreekpunt (a role, not a name)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"description": "Wat het huishouden zelf doet, en het aanspreekpunt."}
    )

    eigen_inzet: Annotated[
        str,
        Field(
            default="", max_length=MAX_LANG, description=("Wat het huishouden zelf doet en hoe het weer grip krijgt.")
        ),
    ]
    aanspreekpunt: Annotated[
        str,
        Field(
            default="",
            max_length=MAX_KORT,
            description=("Wie het ene aanspreekpunt is: een functie of team, geen naam."),
        ),
    ]

    _tekst = field_validator("eigen_inzet", "aanspreekpunt", mode="before")(classmethod(lambda cls, v: _tekst(v)))


class Knelpunt(_Basis):
    """A rule or system that blocks the household (feeds local learning and the werktafel)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"description": "Een regel of systeem dat knelt."})

    soort: Annotated[
        Literal["geen-toegang", "mismatch", "catch-22"], Field(description=("geen-toegang, mismatch of catch-22."))
    ]
    organisatie: Annotated[str, Field(default="", max_length=MAX_KORT, description="Welke organisatie.")]
    regel: Annotated[str, Field(default="", max_length=MAX_KORT, description="Welke regel of welk systeem knelt.")]
    omschrijving: Annotated[str, Field(default="", max_length=MAX_LANG, description="Wat er knelt, kort.")]

    @field_validator("soort", mode="before")
    @classmethod
    def _soort(cls, v: Any) -> Any:
        if v not in KNELPUNTSOORTEN:
            raise ValueError(f"kies {', '.join(KNELPUNTSOORTEN)} (nu: '{str(v)[:40]}')")
        return v

    _tekst = field_validator("organisatie", "regel", "omschrijving", mode="before")(
        classmethod(lambda cls, v: _tekst(v))
    )


class Besluit(_Basis):
    """The decision of the doorbraakteam or maatwerkcommissie (filled in afterwards)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"description": "Het besluit van het doorbraakteam of de commissie."}
    )

    door: Annotated[str, Field(default="", max_length=MAX_KORT, description="Wie besluit: team of functie.")]
    datum: Annotated[
        _dt.date | None,
        WithJsonSchema({"type": "string", "format": "date"}),
        Field(default=None, description="Datum van het besluit (jjjj-mm-dd)."),
    ]
    uitkomst: Annotated[
        Literal["goedgekeurd", "afgewezen", "aangepast"], Field(description="goedgekeurd, afgewezen of aangepast.")
    ]
    gekozen_alternatief: Annotated[
        str,
        Field(
            default="",
            max_length=60,
            description=("Welk doorbraakscenario is gekozen, bijvoorbeeld 'doorbraak' of 'doorbraak B'."),
        ),
    ]
    toelichting: Annotated[str, Field(default="", max_length=MAX_LANG, description="Toelichting op het besluit.")]

    _datum = field_validator("datum", mode="before")(classmethod(lambda cls, v: _datum(v)))
    _tekst = field_validator("door", "gekozen_alternatief", "toelichting", mode="before")(
        classmethod(lambda cls, v: _tekst(v))
    )

    @field_validator("uitkomst", mode="before")
    @classmethod
    def _uitkomst(cls, v: Any) -> Any:
        if v not in UITKOMSTEN:
            raise ValueError(f"kies {', '.join(UITKOMSTEN)} (nu: '{str(v)[:40]}')")
        return v


Regels = Annotated[list[PlanRegel], Field(max_length=rm.MAX_REGELS)]
Scenarionaam = Annotated[str, BeforeValidator(_dutch(rm.controleer_scenarionaam))]


class Doorbraakplan(_Basis):
    """The whole doorbraakplan. Every part is optional in the file; :func:`volledigheid` says what is missing."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"description": "Een doorbraakplan."})

    titel: Annotated[
        str, Field(default="", max_length=rm.MAX_TEKST, description=("Korte titel van het plan, zonder namen."))
    ]
    datum: Annotated[
        _dt.date | None,
        WithJsonSchema({"type": "string", "format": "date"}),
        Field(default=None, description="Datum van het plan (jjjj-mm-dd)."),
    ]
    kenmerk: Annotated[
        str, Field(default="", max_length=60, description=("Eigen zaaknummer of kenmerk (geen BSN). Mag leeg blijven."))
    ]
    perspectief: Annotated[
        str, Field(default="", max_length=MAX_LANG, description=("Wat het huishouden wil, in eigen woorden."))
    ]
    huidige_situatie: Annotated[str, Field(default="", max_length=MAX_LANG, description="Hoe het nu gaat.")]
    dreigend_scenario: Annotated[
        str,
        Field(
            default="",
            max_length=MAX_LANG,
            description=("Wat er dreigt als niets verandert (de kosten staan in scenarios.dreigend)."),
        ),
    ]
    doorbraak: Annotated[str, Field(default="", max_length=MAX_LANG, description="De doorbraak: de eerste stap.")]
    legitimiteit: Annotated[
        list[Legitimiteit],
        Field(
            default_factory=list,
            max_length=MAX_ARTIKELEN,
            description=("Artikelen die ruimte geven, elk met een motivering."),
        ),
    ]
    betrokkenheid: Annotated[
        Betrokkenheid,
        Field(default_factory=Betrokkenheid, description=("Wat het huishouden zelf doet en wie het aanspreekpunt is.")),
    ]
    domeinen: Annotated[
        list[str],
        Field(
            default_factory=list,
            max_length=30,
            description=("Leefgebieden uit de vocabulaire, bijvoorbeeld wonen of schulden."),
        ),
    ]
    maatwerkbudget: Annotated[
        Decimal | None,
        WithJsonSchema({"type": "number", "minimum": 0, "maximum": float(rm.MAX_BEDRAG)}),
        Field(default=None, description=("Bedrag uit een maatwerk- of ontschotbudget in euro; 0 als er geen is.")),
    ]
    knelpunten: Annotated[
        list[Knelpunt],
        Field(default_factory=list, max_length=MAX_KNELPUNTEN, description=("Regels of systemen die knellen.")),
    ]
    scenarios: Annotated[
        dict[Scenarionaam, Regels],
        Field(
            default_factory=dict,
            max_length=rm.MAX_SCENARIOS,
            description=(
                "Kostenregels per scenario: huidig, dreigend, doorbraak en eventueel meer alternatieven "
                "('doorbraak B')."
            ),
        ),
    ]
    kans_dreigend: Annotated[
        Decimal,
        WithJsonSchema({"type": "number", "minimum": 0, "maximum": 1}),
        Field(
            default=rm.KANS_STANDAARD,
            description=("Kans dat het dreigende scenario gebeurt, van 0 tot 1 (0,5 is 50 procent)."),
        ),
    ]
    kans_toelichting: Annotated[
        str, Field(default="", max_length=MAX_KORT * 2, description=("Waarom deze kans en deze horizon, in een zin."))
    ]
    horizon_jaren: Annotated[
        int,
        WithJsonSchema({"type": "integer", "minimum": rm.HORIZON_MIN, "maximum": rm.HORIZON_MAX}),
        Field(default=rm.HORIZON_STANDAARD, description="Over hoeveel jaar je rekent (1 tot 10)."),
    ]
    discontovoet: Annotated[
        Decimal,
        WithJsonSchema({"type": "number", "minimum": 0, "maximum": float(rm.DISCONTO_MAX)}),
        Field(default=rm.DISCONTO_STANDAARD, description=("Disconteringsvoet per jaar, van 0 tot 0,2.")),
    ]
    besluit: Annotated[
        Besluit | None,
        Field(
            default=None, description=("Het besluit van het doorbraakteam of de commissie. Vul je in na het besluit.")
        ),
    ]

    _titel = field_validator(
        "titel",
        "kenmerk",
        "perspectief",
        "huidige_situatie",
        "dreigend_scenario",
        "doorbraak",
        "kans_toelichting",
        mode="before",
    )(classmethod(lambda cls, v: _tekst(v)))
    _datum = field_validator("datum", mode="before")(classmethod(lambda cls, v: _datum(v)))
    _kans = field_validator("kans_dreigend", mode="before")(classmethod(lambda cls, v: _dutch(rm.controleer_kans)(v)))
    _horizon = field_validator("horizon_jaren", mode="before")(
        classmethod(lambda cls, v: _dutch(rm.controleer_horizon)(v))
    )
    _disconto = field_validator("discontovoet", mode="before")(
        classmethod(lambda cls, v: _dutch(rm.controleer_discontovoet)(v))
    )
    _budget = field_validator("maatwerkbudget", mode="before")(
        classmethod(lambda cls, v: None if v is None else _dutch(rm.controleer_bedrag)(v))
    )

    @field_validator("domeinen", mode="before")
    @classmethod
    def _domeinen(cls, v: Any) -> Any:
        if not isinstance(v, list):
            raise ValueError('hier hoort een lijst met domeinen, zoals ["wonen", "schulden"]')
        namen = laad_vocabulaire().domein_namen
        fout = [str(d)[:40] for d in v if d not in namen]
        if fout:
            raise ValueError(f"onbekend domein: {', '.join(fout)}. Kies uit: {', '.join(namen)}")
        if len(set(v)) != len(v):
            raise ValueError("een domein staat er twee keer in")
        return v

    @field_validator("scenarios", mode="before")
    @classmethod
    def _scenarios(cls, v: Any) -> Any:
        if not isinstance(v, dict):
            raise ValueError('hier hoort een groep scenario\'s, zoals {"huidig": [...], "dreigend": [...]}')
        if len(v) > rm.MAX_SCENARIOS:
            raise ValueError(f"te veel scenario's: hoogstens {rm.MAX_SCENARIOS}")
        # Fixed order: huidig, dreigend, doorbraak, then the other alternatives as given.
        volgorde = [s for s in rm.VERPLICHT if s in v] + [s for s in v if s not in rm.VERPLICHT]
        return {s: v[s] for s in volgorde}

    @model_validator(mode="after")
    def _samenhang(self) -> Doorbraakplan:
        if self.besluit is not None and self.besluit.gekozen_alternatief:
            keuze = self.besluit.gekozen_alternatief
            if keuze not in self.alternatieven:
                bekend = ", ".join(self.alternatieven) or "geen"
                raise ValueError(
                    f"besluit: het gekozen alternatief '{keuze[:60]}' staat niet bij de scenario's "
                    f"(alternatieven in dit plan: {bekend})"
                )
        return self

    # --- derived -------------------------------------------------------------------

    @property
    def alternatieven(self) -> list[str]:
        return [s for s in self.scenarios if s.startswith("doorbraak")]

    @property
    def rekenbaar(self) -> bool:
        """True when huidig, dreigend and doorbraak are all there (the cost comparison can run)."""
        return all(s in self.scenarios for s in rm.VERPLICHT)

    def als_rendementplan(self, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None) -> rm.Plan:
        """This plan for :func:`calculators.rendement.model.bereken` (the one cost model)."""
        index = rm._index(prijzen)
        return rm.Plan(
            scenarios={s: tuple(r.als_rendementregel(index) for r in regels) for s, regels in self.scenarios.items()},
            horizon_jaren=self.horizon_jaren,
            kans_dreigend=self.kans_dreigend,
            discontovoet=self.discontovoet,
            titel=self.titel,
        )


# --- reading ---------------------------------------------------------------------------


class PlanbestandMelding(rm.PlanMelding):
    """A problem in a plan file: names scenario/line/field, or part/number/field."""

    def __init__(
        self,
        tekst: str,
        bestand: str | None = None,
        scenario: str | None = None,
        regel: int | None = None,
        veld: str | None = None,
        onderdeel: str | None = None,
        nummer: int | None = None,
    ):
        super().__init__(tekst, bestand=bestand, scenario=scenario, regel=regel, veld=veld)
        self.onderdeel = onderdeel
        self.nummer = nummer

    def __str__(self) -> str:
        plek = []
        if self.bestand:
            plek.append(f"bestand {self.bestand}")
        if self.scenario is not None:
            plek.append(f"scenario '{self.scenario}'")
        if self.regel is not None:
            plek.append(f"regel {self.regel}")
        if self.onderdeel:
            plek.append(f"onderdeel '{self.onderdeel}'" + (f" nummer {self.nummer}" if self.nummer else ""))
        if self.veld:
            plek.append(f"veld '{self.veld}'")
        tekst = self.tekst if self.tekst.endswith((".", "?", "!")) else self.tekst + "."
        return (", ".join(plek) + ": " if plek else "") + tekst

    def als_dict(self) -> dict[str, Any]:
        return {
            "tekst": self.tekst,
            "scenario": self.scenario,
            "regel": self.regel,
            "onderdeel": self.onderdeel,
            "nummer": self.nummer,
            "veld": self.veld,
            "melding": str(self),
        }


_LIJSTEN = {"legitimiteit", "knelpunten"}


def _melding(e: Mapping[str, Any], basis: Melding, bestand: str | None) -> PlanbestandMelding:
    loc = list(e.get("loc", ()))
    tekst = basis.tekst
    if e.get("type") == "value_error":
        # Our own messages already say what the value was, when that helps.
        tekst = str((e.get("ctx") or {}).get("error", tekst))
    if e.get("type") == "extra_forbidden":
        tekst = "dit veld is onbekend. Kijk in de pagina 'Het planbestand' welke velden er zijn"
    m = PlanbestandMelding(tekst, bestand=bestand)
    if not loc:
        return m
    kop = loc.pop(0)
    if kop == "scenarios":
        if loc:
            m.scenario = str(loc.pop(0))
        if loc and loc[0] == "[key]":
            loc.pop(0)
            m.veld = "naam van het scenario"
        if loc and isinstance(loc[0], int):
            m.regel = loc.pop(0) + 1
        if loc:
            m.veld = ".".join(str(x) for x in loc)
        elif m.scenario is None:
            m.veld = "scenarios"
    elif kop in _LIJSTEN and loc and isinstance(loc[0], int):
        m.onderdeel = str(kop)
        m.nummer = loc.pop(0) + 1
        m.veld = ".".join(str(x) for x in loc) or None
    elif kop in ("betrokkenheid", "besluit") and loc:
        m.onderdeel = str(kop)
        m.veld = ".".join(str(x) for x in loc)
    else:
        m.veld = ".".join(str(x) for x in [kop, *loc])
    return m


def valideer_plan(
    data: Any, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None, bestand: str | None = None
) -> Doorbraakplan:
    """Validate parsed JSON (a dict) as a :class:`Doorbraakplan`, with Dutch messages."""
    kop = f"Het plan in {bestand} klopt niet." if bestand else "Het plan klopt niet."
    if not isinstance(data, dict):
        raise DoorbraakFout(kop + " Een plan is een groep velden tussen { en }.")
    index = rm._index(prijzen)
    try:
        return Doorbraakplan.model_validate(data, context={"prijzen": index})
    except ValidationError as fout:
        basis = pydantic_meldingen(fout, bestand or "")
        meldingen = [_melding(e, b, bestand) for e, b in zip(fout.errors(), basis, strict=True)]
        raise DoorbraakFout(kop, meldingen) from None


def _geen_constante(naam: str):
    raise ValueError(f"'{naam}' is geen getal")


def lees_plantekst(
    tekst: str | bytes, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None, bestand: str | None = "plan.json"
) -> Doorbraakplan:
    """Read a plan from JSON text or bytes (at most 1 MB)."""
    naam = bestand or "het plan"
    if isinstance(tekst, bytes):
        if len(tekst) > MAX_BESTAND_BYTES:
            raise DoorbraakFout(_te_groot(naam))
        try:
            tekst = tekst.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DoorbraakFout(f"Het bestand {naam} is geen tekstbestand (UTF-8). Kies een JSON-bestand.") from None
    elif len(tekst.encode("utf-8")) > MAX_BESTAND_BYTES:
        raise DoorbraakFout(_te_groot(naam))
    tekst = tekst.lstrip("\ufeff")
    if not tekst.strip():
        raise DoorbraakFout(f"Het bestand {naam} is leeg. Kies een planbestand (JSON).")
    try:
        data = json.loads(tekst, parse_float=Decimal, parse_int=Decimal, parse_constant=_geen_constante)
    except RecursionError:
        raise DoorbraakFout(f"Het bestand {naam} is te diep genest. Dit is geen planbestand.") from None
    except json.JSONDecodeError as e:
        raise DoorbraakFout(
            f"Het bestand {naam} is geen geldige JSON. Kijk bij regel {e.lineno}, teken {e.colno}."
        ) from None
    except ValueError:
        raise DoorbraakFout(f"Het bestand {naam} is geen geldige JSON: NaN en Infinity zijn geen getallen.") from None
    return valideer_plan(data, prijzen, bestand=bestand)


def _te_groot(naam: str) -> str:
    return f"Het bestand {naam} is te groot voor een plan. Een planbestand is hoogstens 1 MB; kies het juiste bestand."


def lees_bytes_begrensd(pad: Path, limiet: int = MAX_BESTAND_BYTES) -> bytes:
    """Read a regular file of at most ``limiet`` bytes (reads at most limiet + 1 bytes).

    Refuses devices, pipes and directories (``/dev/zero``) with a Dutch message.
    """
    naam = pad.name or str(pad)
    try:
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise DoorbraakFout(f"Het bestand {naam} bestaat niet. Kijk of de naam goed is.") from None
    except IsADirectoryError:
        raise DoorbraakFout(f"{naam} is een map, geen planbestand.") from None
    except OSError:
        raise DoorbraakFout(f"Het bestand {naam} kan niet gelezen worden.") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise DoorbraakFout(f"{naam} is een map, geen planbestand.")
        if not stat.S_ISREG(st.st_mode):
            raise DoorbraakFout(
                f"{pad} is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp). Kies een planbestand (JSON)."
            )
        if st.st_size > limiet:
            raise DoorbraakFout(_te_groot(naam))
        delen, over = [], limiet + 1
        while over > 0:
            try:
                stuk = os.read(fd, min(over, 65536))
            except OSError:
                raise DoorbraakFout(f"Het bestand {naam} kan niet gelezen worden.") from None
            if not stuk:
                break
            delen.append(stuk)
            over -= len(stuk)
        data = b"".join(delen)
        if len(data) > limiet:
            raise DoorbraakFout(_te_groot(naam))
        return data
    finally:
        os.close(fd)


def lees_planbestand(
    bron: Mapping[str, Any] | Path | str | bytes,
    prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None,
    bestand: str | None = None,
) -> Doorbraakplan:
    """Load a doorbraakplan: from parsed JSON (a dict), raw file bytes, or a path (str/Path).

    Every problem is one :class:`DoorbraakFout` in Dutch, listing each problem with
    scenario, line and field. Files above 1 MB and non-regular files are refused.
    """
    if isinstance(bron, Mapping):
        return valideer_plan(dict(bron), prijzen, bestand=bestand)
    if isinstance(bron, bytes):
        return lees_plantekst(bron, prijzen, bestand=bestand or "plan.json")
    pad = Path(bron)
    return lees_plantekst(lees_bytes_begrensd(pad), prijzen, bestand=bestand or pad.name)


# --- writing ---------------------------------------------------------------------------


def plan_als_dict(plan: Doorbraakplan) -> dict[str, Any]:
    """The plan as a JSON-ready dict (Decimals kept, dates as text), in method order; empty parts left out."""
    d = plan.model_dump(mode="python", exclude_none=True)
    uit: dict[str, Any] = {}
    for k in PLAN_VELDEN:
        if k not in d:
            continue
        v = d[k]
        if k == "scenarios":
            v = {
                s: [{rk: rv for rk, rv in r.items() if not (rk == "omschrijving" and rv == "")} for r in regels]
                for s, regels in v.items()
            }
        if v in ("", [], {}) and k not in ("scenarios",):
            continue
        if k == "betrokkenheid" and not any(v.values()):
            continue
        uit[k] = v
    return _datums(uit)


def _datums(v: Any) -> Any:
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: _datums(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_datums(x) for x in v]
    return v


def schrijf_planbestand(plan: Doorbraakplan) -> str:
    """The plan as JSON text with exact numbers; :func:`lees_planbestand` reads it back equal."""
    merk = "@@getal@@"
    getallen: list[str] = []

    def vervang(v: Any) -> Any:
        if isinstance(v, Decimal):
            tekst = format(v, "f")
            getallen.append(tekst if len(tekst) <= 40 else str(v))
            return f"{merk}{len(getallen) - 1}{merk}"
        if isinstance(v, dict):
            return {k: vervang(x) for k, x in v.items()}
        if isinstance(v, list):
            return [vervang(x) for x in v]
        return v

    tekst = json.dumps(vervang(plan_als_dict(plan)), ensure_ascii=False, indent=2)
    tekst = re.sub(rf'"{merk}(\d+){merk}"', lambda m: getallen[int(m.group(1))], tekst)
    return tekst + "\n"


def plan_schema() -> dict[str, Any]:
    """The published JSON Schema of the plan file."""
    return Doorbraakplan.model_json_schema()
