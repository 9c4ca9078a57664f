"""The inspiration catalogue: one YAML file per case in ``data/casussen/``.

Every case has controlled fields (cluster, rubrieken, knelpunt, doorbraak types, journey
pattern from :mod:`calculators.patronen.gegevens`; domeinen from ``data/vocabulaire.yaml``; article
references that resolve in ``data/wetten/``; price-list ids from ``data/prijzen.csv``) and a
few short free texts (probleem, doorbraak, wat werkte, les). Privacy by design: only a
region (never a small municipality), a year (never a date), a household type and an age
band. Files whose name starts with ``_`` (the template) are not cases.

Main functions: :func:`laad_casussen` (validate all, Dutch messages naming file and field),
:func:`zoek_casussen` (free text via :class:`calculators.kern.zoeken.Zoekindex` plus filters),
:func:`kosten_samenvatting` and :func:`casus_als_plan` (a plan in the rendement JSON format:
the contract for "gebruik als startpunt").
"""

from __future__ import annotations

import datetime as _dt
import html
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from calculators.kern.bestanden import lees_tekst
from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.html import tabel_html
from calculators.kern.opmaak import euro, getal
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.tabel import Link, cel, maak_tabel
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.yamlbestand import laad_yaml
from calculators.patronen.gegevens import Patronen, artikel_bestaat, laad_patronen
from calculators.plan.model import grondslag_niet_per_huishouden
from calculators.prijzen.prijslijst import Prijs, laad_prijzen, prijs_per_id
from calculators.wetten.artikelen import zoek_referentie

CASUSSEN = DATA / "casussen"
MAX_TEKST = 1500  # characters per free-text field
MAX_BESTAND = 100_000  # bytes per case file

SOORTEN = ("illustratieve samengestelde casus", "echte casus")
#: Regions, never a (small) municipality. Provinces, the Brabant regions and "Nederland".
REGIOS = (
    "Midden-Brabant",
    "West-Brabant",
    "Noordoost-Brabant",
    "Zuidoost-Brabant",
    "Groningen",
    "Friesland",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht (provincie)",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
    "Nederland",
)
HUISHOUDENS = (
    "alleenstaande",
    "alleenstaande ouder",
    "paar zonder kinderen",
    "paar met kinderen",
    "jongere bij ouders",
    "anders",
)
LEEFTIJDSBANDEN = (
    "jonger dan 18",
    "18 tot 27",
    "27 tot 40",
    "40 tot 55",
    "55 tot AOW-leeftijd",
    "AOW-leeftijd en ouder",
)
SCENARIOS = ("huidig", "dreigend", "doorbraak")
VRIJE_TEKSTEN = ("titel", "probleem", "doorbraak", "les")


class _Basis(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class KostenRegel(_Basis):
    """One cost line: a price-list id times an amount, in one scenario."""

    scenario: Literal["huidig", "dreigend", "doorbraak"]
    prijs_id: str = Field(min_length=1)
    aantal: Decimal = Field(gt=0, le=100_000)
    soort: Literal["jaarlijks", "eenmalig"] = "jaarlijks"
    omschrijving: str = Field(default="", max_length=200)


class Kosten(_Basis):
    """Cost summary: lines from the price list, and/or a plan file in the rendement format."""

    regels: list[KostenRegel] = Field(default_factory=list)
    plan_bestand: str | None = None
    toelichting: str = Field(default="", max_length=MAX_TEKST)
    #: Chance that the threatening scenario happens (0 to 1) and the horizon in years (1 to 10)
    #: that the story supports, with one sentence why. Used by :func:`casus_als_plan`.
    kans_dreigend: Decimal | None = Field(default=None, ge=0, le=1)
    horizon_jaren: int | None = Field(default=None, ge=1, le=10)
    toelichting_kans: str = Field(default="", max_length=300)

    @field_validator("horizon_jaren", mode="before")
    @classmethod
    def _heel_jaar(cls, v: Any) -> Any:
        if isinstance(v, bool) or (v is not None and not isinstance(v, int)):
            raise ValueError("schrijf de looptijd als een heel aantal jaren, zoals 2")
        return v

    @field_validator("kans_dreigend", mode="before")
    @classmethod
    def _kans_getal(cls, v: Any) -> Any:
        if isinstance(v, bool) or (v is not None and not isinstance(v, (int, float, Decimal))):
            raise ValueError("schrijf de kans als een getal van 0 tot en met 1, zoals 0.5")
        return Decimal(str(v)) if isinstance(v, float) else v

    @model_validator(mode="after")
    def _iets(self):
        if not self.regels and not self.plan_bestand:
            raise ValueError("vul kosten.regels in, of kosten.plan_bestand")
        if self.plan_bestand and (self.kans_dreigend is not None or self.horizon_jaren is not None):
            raise ValueError("met een plan_bestand staan de kans en de looptijd in dat bestand, niet in de casus")
        if (self.kans_dreigend is None) != (self.horizon_jaren is None):
            raise ValueError("vul kosten.kans_dreigend en kosten.horizon_jaren allebei in, of allebei niet")
        if self.kans_dreigend is not None and not self.toelichting_kans.strip():
            raise ValueError(
                "leg in kosten.toelichting_kans in één zin uit waarom deze kans en looptijd passen bij het verhaal"
            )
        if self.toelichting_kans.strip() and self.kans_dreigend is None:
            raise ValueError(
                "kosten.toelichting_kans hoort bij kosten.kans_dreigend en kosten.horizon_jaren: vul die ook in"
            )
        return self


class Casus(_Basis):
    """Schema of one case file."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    titel: str = Field(min_length=3)
    soort: Literal["illustratieve samengestelde casus", "echte casus"]
    toestemming: bool = False
    regio: str
    jaar: int
    huishouden: str
    leeftijdsband: str
    cluster: str | None = None
    rubrieken: list[str] = Field(min_length=1)
    domeinen: list[str] = Field(min_length=1)
    knelpunt: str
    doorbraak_typen: list[str] = Field(min_length=1)
    probleem: str = Field(min_length=10)
    doorbraak: str = Field(min_length=10)
    wettelijke_basis: list[str] = Field(min_length=1)
    kosten: Kosten
    wat_werkte: list[str] = Field(min_length=1)
    reispatroon: str
    les: str = Field(min_length=10)
    #: The example journey (``data/reizen/<reis>.json``, ``book/reizen/<reis>.md``) that tells this story;
    #: the case then uses that journey's chance and horizon (checked on loading).
    reis: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)

    @field_validator("titel", "probleem", "doorbraak", "les")
    @classmethod
    def _lengte(cls, v: str) -> str:
        if len(v) > MAX_TEKST:
            raise ValueError(f"deze tekst is te lang ({len(v)} tekens); houd het onder {MAX_TEKST} tekens")
        return v

    @field_validator("wat_werkte")
    @classmethod
    def _lengte_lijst(cls, v: list[str]) -> list[str]:
        for t in v:
            if len(t) > MAX_TEKST:
                raise ValueError(f"een punt is te lang ({len(t)} tekens); houd het onder {MAX_TEKST} tekens")
            if not t.strip():
                raise ValueError("een punt is leeg")
        return v

    @field_validator("jaar", mode="before")
    @classmethod
    def _alleen_jaartal(cls, v: Any) -> Any:
        if isinstance(v, (_dt.date, _dt.datetime)):
            raise ValueError("schrijf alleen een jaartal, geen datum (privacy)")
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError("schrijf alleen een jaartal, zoals 2021")
        if not 2000 <= v <= _dt.date.today().year:
            raise ValueError(f"het jaar moet tussen 2000 en {_dt.date.today().year} liggen")
        return v

    @field_validator("regio")
    @classmethod
    def _regio(cls, v: str) -> str:
        if v not in REGIOS:
            raise ValueError(f"kies een regio, geen gemeente: {', '.join(REGIOS)}")
        return v

    @field_validator("huishouden")
    @classmethod
    def _huishouden(cls, v: str) -> str:
        if v not in HUISHOUDENS:
            raise ValueError(f"kies uit: {', '.join(HUISHOUDENS)}")
        return v

    @field_validator("leeftijdsband")
    @classmethod
    def _leeftijd(cls, v: str) -> str:
        if v not in LEEFTIJDSBANDEN:
            raise ValueError(f"kies een leeftijdsband, geen precieze leeftijd: {', '.join(LEEFTIJDSBANDEN)}")
        return v

    @model_validator(mode="after")
    def _echt_vraagt_toestemming(self):
        if self.soort == "echte casus" and not self.toestemming:
            raise ValueError("een echte casus mag alleen met toestemming: zet toestemming: true na controle")
        return self

    @property
    def illustratief(self) -> bool:
        return self.soort == "illustratieve samengestelde casus"


# --- loading ------------------------------------------------------------------------------
def laad_casus(pad: Path | str, patronen: Patronen | None = None, prijzen: list[Prijs] | None = None) -> Casus:
    """Load and fully validate one case file. Raises :class:`DoorbraakFout` (Dutch)."""
    pad = Path(pad)
    casus, meldingen = _lees_casus(pad, patronen or laad_patronen(), prijzen if prijzen is not None else laad_prijzen())
    if meldingen:
        raise DoorbraakFout(f"De casus in {pad.name} klopt niet.", meldingen)
    assert casus is not None
    return casus


def laad_casussen(map_: Path | str | None = None) -> list[Casus]:
    """All cases in ``data/casussen/`` (or ``map_``), sorted by id; skips files starting with ``_``.

    Any problem in any file rejects the whole catalogue, with every problem listed.
    """
    if map_ is None:
        return list(_standaard())
    return _laad_map(Path(map_))


@lru_cache(maxsize=1)
def _standaard() -> tuple[Casus, ...]:
    return tuple(_laad_map(CASUSSEN))


def _laad_map(m: Path) -> list[Casus]:
    if not m.is_dir():
        raise DoorbraakFout(f"De map met casussen ontbreekt: {m}.")
    patronen, prijzen = laad_patronen(), laad_prijzen()
    casussen, meldingen = [], []
    for pad in sorted(m.glob("*.yaml")):
        if pad.name.startswith("_"):
            continue
        casus, fouten = _lees_casus(pad, patronen, prijzen)
        meldingen += fouten
        if casus is not None:
            casussen.append(casus)
    if meldingen:
        raise DoorbraakFout("De casussen bevatten fouten; er is niets geladen.", meldingen)
    return sorted(casussen, key=lambda c: c.id)


def _lees_casus(pad: Path, patronen: Patronen, prijzen: list[Prijs]) -> tuple[Casus | None, list[Melding]]:
    naam = pad.name
    try:  # bounded: regular files only, at most MAX_BESTAND bytes; no YAML anchors/aliases
        tekst = lees_tekst(pad, limiet=MAX_BESTAND, naam="het bestand")
        if not tekst.strip():
            return None, [Melding("het bestand is leeg", bestand=naam)]
        ruw = laad_yaml(tekst, "het bestand", limiet=MAX_BESTAND)
    except DoorbraakFout as e:
        return None, [Melding(str(e), bestand=naam)]
    if not isinstance(ruw, dict):
        return None, [
            Melding("bovenaan horen velden met een naam en een dubbele punt, zoals 'titel: ...'", bestand=naam)
        ]
    try:
        casus = Casus.model_validate(ruw)
    except ValidationError as e:
        return None, pydantic_meldingen(e, naam)
    return casus, controleer_verwijzingen(casus, naam, patronen, prijzen, pad.parent)


def controleer_verwijzingen(
    casus: Casus, bestand: str, patronen: Patronen, prijzen: list[Prijs], map_: Path | None = None
) -> list[Melding]:
    """Every controlled value of a case must exist in the pattern data, vocabulary, laws and prices."""
    m: list[Melding] = []

    def fout(tekst: str, veld: str) -> None:
        m.append(Melding(tekst, bestand=bestand, kolom=veld))

    if map_ is not None and f"{casus.id}.yaml" != bestand:
        fout(f"de id '{casus.id}' moet gelijk zijn aan de bestandsnaam zonder .yaml", "id")
    clusters = {c.id for c in patronen.clusters}
    if casus.cluster is not None and casus.cluster not in clusters:
        fout(f"onbekend cluster '{casus.cluster}'; kies uit: {', '.join(sorted(clusters))}", "cluster")
    rubrieken = {r.id for r in patronen.rubrieken}
    for r in casus.rubrieken:
        if r not in rubrieken:
            fout(f"onbekende rubriek '{r}' (zie data/patronen/rubrieken.yaml)", "rubrieken")
    domeinen = laad_vocabulaire().domein_namen
    for d in casus.domeinen:
        if d not in domeinen:
            fout(f"onbekend domein '{d}'; kies uit: {', '.join(domeinen)}", "domeinen")
    knelpunten = {k.id for k in patronen.knelpunten}
    if casus.knelpunt not in knelpunten:
        fout(f"onbekend knelpunt '{casus.knelpunt}'; kies uit: {', '.join(sorted(knelpunten))}", "knelpunt")
    typen = {d.id for d in patronen.doorbraaktypen}
    for t in casus.doorbraak_typen:
        if t not in typen:
            fout(f"onbekend doorbraaktype '{t}'; kies uit: {', '.join(sorted(typen))}", "doorbraak_typen")
    reizen = {p.id for p in patronen.reispatronen.patronen}
    if casus.reispatroon not in reizen:
        fout(f"onbekend reispatroon '{casus.reispatroon}'; kies uit: {', '.join(sorted(reizen))}", "reispatroon")
    for ref in casus.wettelijke_basis:
        if not artikel_bestaat(ref):
            fout(f"het wetsartikel '{ref}' bestaat niet in data/wetten", "wettelijke_basis")
    ids = prijs_per_id(prijzen)
    for i, regel in enumerate(casus.kosten.regels):
        if regel.prijs_id not in ids:
            fout(f"onbekende prijs-id '{regel.prijs_id}' (niet in de prijslijst)", f"kosten.regels.{i}.prijs_id")
            continue
        grond = grondslag_niet_per_huishouden(ids[regel.prijs_id])
        if grond:
            fout(
                f"de prijs '{regel.prijs_id}' geldt {grond}, niet voor één persoon, huishouden of casus. "
                "Kies een prijs per persoon, huishouden of casus",
                f"kosten.regels.{i}.prijs_id",
            )
    if casus.kosten.plan_bestand:
        m += _controleer_plan(casus.kosten.plan_bestand, bestand)
    if casus.reis:
        m += _controleer_reis(casus, bestand)
    return m


REIZEN = DATA / "reizen"


def _controleer_reis(casus: Casus, bestand: str) -> list[Melding]:
    """The journey exists, and the case's chance and horizon are the journey's."""
    pad = REIZEN / f"{casus.reis}.json"
    try:
        plan = json.loads(lees_tekst(pad, limiet=MAX_BESTAND, naam=pad.name))
    except (DoorbraakFout, ValueError):
        return [
            Melding(
                f"de reis '{casus.reis}' bestaat niet: data/reizen/{casus.reis}.json ontbreekt of is geen JSON",
                bestand=bestand,
                kolom="reis",
            )
        ]
    kans, horizon = kans_en_horizon(casus)
    try:
        reis_kans, reis_horizon = Decimal(str(plan["kans_dreigend"])), int(plan["horizon_jaren"])
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return [
            Melding(
                f"het plan van de reis '{casus.reis}' heeft geen kans_dreigend of horizon_jaren",
                bestand=bestand,
                kolom="reis",
            )
        ]
    if (kans, horizon) != (reis_kans, reis_horizon):
        return [
            Melding(
                f"de reis '{casus.reis}' rekent met een kans van {getal(reis_kans * 100, 0)} procent over "
                f"{reis_horizon} jaar; zet kosten.kans_dreigend en kosten.horizon_jaren gelijk",
                bestand=bestand,
                kolom="kosten.kans_dreigend",
            )
        ]
    return []


def _plan_pad(naam: str) -> Path:
    return (DATA / naam).resolve()


def _controleer_plan(naam: str, bestand: str) -> list[Melding]:
    pad = _plan_pad(naam)
    if DATA.resolve() not in pad.parents:
        return [Melding("het planbestand moet in de map data/ staan", bestand=bestand, kolom="kosten.plan_bestand")]
    try:
        plan = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [
            Melding(
                f"het planbestand '{naam}' ontbreekt of is geen geldige JSON",
                bestand=bestand,
                kolom="kosten.plan_bestand",
            )
        ]
    if not isinstance(plan, dict) or not isinstance(plan.get("scenarios"), dict):
        return [
            Melding(f"het planbestand '{naam}' heeft geen 'scenarios'", bestand=bestand, kolom="kosten.plan_bestand")
        ]
    return []


# --- costs --------------------------------------------------------------------------------
@dataclass(frozen=True)
class KostenRegelUitkomst:
    """One priced cost line of a case."""

    scenario: str
    prijs: Prijs
    aantal: Decimal
    soort: str
    omschrijving: str

    @property
    def bedrag(self) -> Decimal:
        return self.prijs.bedrag * self.aantal


def kosten_regels(casus: Casus, prijzen: list[Prijs] | None = None) -> list[KostenRegelUitkomst]:
    """The case's cost lines with their prices (unknown ids raise DoorbraakFout)."""
    ids = prijs_per_id(prijzen if prijzen is not None else laad_prijzen())
    uit = []
    for r in casus.kosten.regels:
        p = ids.get(r.prijs_id)
        if p is None:
            raise DoorbraakFout(f"Casus {casus.id}: onbekende prijs-id '{r.prijs_id}'.")
        uit.append(KostenRegelUitkomst(r.scenario, p, r.aantal, r.soort, r.omschrijving or p.item))
    return uit


def kosten_samenvatting(casus: Casus, prijzen: list[Prijs] | None = None) -> dict[str, Decimal]:
    """Total per scenario for one year: sum of price × aantal (chance 1, horizon 1 year).

    Scenarios without lines are 0. This equals the rendement model with p = 1 and H = 1.
    """
    totaal = {s: Decimal(0) for s in SCENARIOS}
    for r in kosten_regels(casus, prijzen):
        totaal[r.scenario] += r.bedrag
    return totaal


def kans_en_horizon(casus: Casus) -> tuple[Decimal, int]:
    """The chance and horizon the case's story supports (``kosten.kans_dreigend``/``horizon_jaren``).

    Without them the rendement model's defaults apply: chance 1, one year.
    """
    k = casus.kosten
    return (
        k.kans_dreigend if k.kans_dreigend is not None else Decimal(1),
        k.horizon_jaren if k.horizon_jaren is not None else 1,
    )


def _json_getal(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def casus_als_plan(casus: Casus, prijzen: list[Prijs] | None = None) -> dict:
    """The case's costs as a plan in the rendement JSON format (``?casus=<id>`` contract).

    With a ``plan_bestand`` that file is returned as is; otherwise the lines are converted:
    ``{"horizon_jaren": H, "kans_dreigend": p, "discontovoet": 0, "scenarios": {naam: [regel, ...]}}``
    with each regel ``{omschrijving, prijs_id, aantal, soort, geldstroom}``; p and H come from
    ``kosten.kans_dreigend`` and ``kosten.horizon_jaren`` (default 1 and 1).
    """
    if casus.kosten.plan_bestand:
        return json.loads(_plan_pad(casus.kosten.plan_bestand).read_text(encoding="utf-8"))
    scenarios: dict[str, list[dict]] = {s: [] for s in SCENARIOS}
    for r in kosten_regels(casus, prijzen):
        aantal = _json_getal(r.aantal)
        scenarios[r.scenario].append(
            {
                "omschrijving": r.omschrijving,
                "prijs_id": r.prijs.id,
                "aantal": aantal,
                "soort": r.soort,
                "geldstroom": r.prijs.geldstroom,
            }
        )
    kans, horizon = kans_en_horizon(casus)
    return {
        "titel": casus.titel,
        "horizon_jaren": horizon,
        "kans_dreigend": _json_getal(kans),
        "discontovoet": 0,
        "scenarios": scenarios,
    }


def leeftijd_tekst(band: str) -> str:
    """'18 tot 27' -> '18 tot 27 jaar'; bands with the AOW age read as plain Dutch."""
    if "AOW" in band:
        return band.replace("55 tot AOW-leeftijd", "55 jaar tot de AOW-leeftijd").replace(
            "AOW-leeftijd en ouder", "de AOW-leeftijd of ouder"
        )
    return f"{band} jaar"


def startpunt_url(casus: Casus) -> str:
    """Link to the book page of the cost calculator, pre-filled with this case.

    The page passes its address query on to the embedded calculator (book/_static/doorbraak.js).
    """
    return f"/book/rekenhulpen/wat-levert-het-op.html?casus={casus.id}"


def plan_uit_query(query: str | None = None) -> dict | None:
    """The plan of the case named in a URL query (``casus=<id>``), for the cost calculator.

    ``query`` defaults to the ``QUERY_STRING`` that Voila gives the kernel. Returns None when
    there is no ``casus`` parameter; raises :class:`DoorbraakFout` (Dutch) for an unknown case.
    """
    import os
    from urllib.parse import parse_qs

    waarden = parse_qs(os.environ.get("QUERY_STRING", "") if query is None else query).get("casus")
    if not waarden or not waarden[0].strip():
        return None
    ident = waarden[0].strip()[:80]
    casus = casus_per_id().get(ident)
    if casus is None:
        raise DoorbraakFout(f"De casus '{ident}' bestaat niet in de inspiratiecatalogus. Je begint met een leeg plan.")
    return casus_als_plan(casus)


def casus_per_id(casussen: list[Casus] | None = None) -> dict[str, Casus]:
    return {c.id: c for c in (casussen if casussen is not None else laad_casussen())}


# --- search and filters -------------------------------------------------------------------
def wetten_van(casus: Casus) -> list[str]:
    """Full names of the laws in the case's legal basis (for the 'wet' filter)."""
    namen = []
    for ref in casus.wettelijke_basis:
        naam = _wetnaam(ref)
        if naam and naam not in namen:
            namen.append(naam)
    return namen


@lru_cache(maxsize=512)
def _wetnaam(ref: str) -> str | None:
    try:
        return zoek_referentie(ref).wet.wet
    except DoorbraakFout:
        return None


def _document(c: Casus, patronen: Patronen) -> dict[str, str]:
    rubr = {r.id: r.naam for r in patronen.rubrieken}
    typen = {d.id: d.naam for d in patronen.doorbraaktypen}
    cluster = patronen.cluster(c.cluster).naam if c.cluster else ""
    return {
        "titel": c.titel,
        "kenmerken": " ".join(
            [rubr.get(r, r) for r in c.rubrieken]
            + [typen.get(t, t) for t in c.doorbraak_typen]
            + [cluster, patronen.knelpunt(c.knelpunt).naam, c.huishouden]
            + c.domeinen
        ),
        "tekst": " ".join([c.probleem, c.doorbraak, c.les] + c.wat_werkte),
        "wetten": " ".join(c.wettelijke_basis + wetten_van(c)),
    }


GEWICHTEN = {"titel": 3.0, "kenmerken": 2.0, "tekst": 1.0, "wetten": 1.5}


class CasusZoeker:
    """Free-text search plus filters over a list of cases (index built once)."""

    def __init__(self, casussen: list[Casus], patronen: Patronen | None = None):
        from calculators.kern.indexcache import bewaard
        from calculators.kern.zoeken import Zoekindex

        try:
            from calculators.kern.synoniemen import laad_synoniemen

            synoniemen = laad_synoniemen()
        except (ImportError, DoorbraakFout):  # pragma: no cover - the search still works without
            synoniemen = []
        self.casussen = list(casussen)
        p = patronen or laad_patronen()
        invoer: dict[str, Any] = {
            "documenten": [_document(c, p) for c in self.casussen],
            "gewichten": GEWICHTEN,
            "synoniemen": synoniemen,
        }
        # kept on disk between kernels (calculators/kern/indexcache.py); the key covers the input
        self.index = bewaard("casussen", invoer, lambda: Zoekindex(**invoer), Zoekindex)

    def filter_masker(
        self,
        cluster: str | None = None,
        domein: str | None = None,
        wet: str | None = None,
        knelpunt: str | None = None,
        doorbraaktype: str | None = None,
    ) -> np.ndarray:
        return np.array(
            [
                (not cluster or c.cluster == cluster)
                and (not domein or domein in c.domeinen)
                and (not wet or wet in wetten_van(c))
                and (not knelpunt or c.knelpunt == knelpunt)
                and (not doorbraaktype or doorbraaktype in c.doorbraak_typen)
                for c in self.casussen
            ],
            dtype=bool,
        )

    def zoek(self, vraag: str = "", top: int = 50, **filters: str | None) -> list[Casus]:
        """Cases matching the filters; with a query, only matching ones, best first.

        Without words in the query the filtered cases come in catalogue order.
        """
        masker = self.filter_masker(**filters)
        if not (vraag or "").strip():
            return [c for c, ok in zip(self.casussen, masker, strict=True) if ok][:top]
        try:
            uitkomst = self.index.zoek(vraag, top=top, filter=masker)
        except DoorbraakFout:  # only function words, e.g. "de het"
            return [c for c, ok in zip(self.casussen, masker, strict=True) if ok][:top]
        return [self.casussen[t.index] for t in uitkomst.treffers]


@lru_cache(maxsize=1)
def standaard_zoeker() -> CasusZoeker:
    """The search over the catalogue in ``data/casussen/`` (built once per process)."""
    return CasusZoeker(laad_casussen())


def zoek_casussen(
    vraag: str = "", casussen: list[Casus] | None = None, top: int = 50, **filters: str | None
) -> list[Casus]:
    """Search the catalogue: free text plus filters cluster, domein, wet, knelpunt, doorbraaktype."""
    zoeker = standaard_zoeker() if casussen is None else CasusZoeker(casussen)
    return zoeker.zoek(vraag, top=top, **filters)


# --- HTML shared by the book and the widget -----------------------------------------------
SCENARIO_NAMEN = {"huidig": "Huidige situatie", "dreigend": "Dreigend scenario", "doorbraak": "Doorbraak"}


def _e(t: object) -> str:
    return html.escape(str(t))


def kosten_html(casus: Casus, prijzen: list[Prijs] | None = None) -> str:
    """Cost lines per scenario with price sources, and totals (chance 100 %, one year), as HTML."""
    regels = kosten_regels(casus, prijzen)
    totaal = kosten_samenvatting(casus, prijzen)

    def aantal(r: KostenRegelUitkomst) -> str:
        return getal(r.aantal, 0) if r.aantal == r.aantal.to_integral_value() else getal(r.aantal)

    tabel = maak_tabel(
        "Kosten per scenario, per jaar",
        ["Scenario", "Wat", "Prijs", "Aantal", "Bedrag"],
        [
            [
                SCENARIO_NAMEN[r.scenario],
                cel(
                    f"{r.omschrijving} ", Link("(bron)", r.prijs.bron_url, f"Bron van deze prijs: {r.prijs.bron_titel}")
                ),
                f"{euro(r.prijs.bedrag)} {r.prijs.eenheid} ({r.prijs.jaar})",
                aantal(r),
                euro(r.bedrag),
            ]
            for r in regels
        ],
        rechts=frozenset({2, 3, 4}),
        klassen=("casuskosten",),
        voet=[[f"Totaal {SCENARIO_NAMEN[s].lower()}", "", "", "", euro(b)] for s, b in totaal.items()],
    )
    toelichting = f"<p>{_e(' '.join(casus.kosten.toelichting.split()))}</p>" if casus.kosten.toelichting else ""
    return (
        f"{tabel_html(tabel)}{toelichting}"
        f"<p>{_e(kans_zin(casus))}</p>"
        "<p>Dit is een ruwe schatting uit de prijslijst. In de rekenhulp kun je de kans en de looptijd aanpassen.</p>"
    )


def kans_zin(casus: Casus) -> str:
    """Plain Dutch: the chance and horizon the calculator starts with, and why (from the story)."""
    kans, horizon = kans_en_horizon(casus)
    jaren = "1 jaar" if horizon == 1 else f"{horizon} jaar"
    zin = f"De rekenhulp begint met een kans van {getal(kans * 100, 0)} procent op het dreigend scenario, over {jaren}."
    if casus.kosten.toelichting_kans:
        zin += " Waarom? " + " ".join(casus.kosten.toelichting_kans.split())
    return zin
