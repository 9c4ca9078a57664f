"""The language of patterns: loaders and schemas for ``data/patronen/``.

The files describe what the region Hart van Brabant learned from its maatwerk cases
(seed reports "Eindrapportage Maatpact" and "Laatste projectupdate Maatpact"):

- ``bronnen.yaml`` — the two source reports; every record names its ``bron`` ids.
- ``rubrieken.yaml`` — indicators used to describe a household's situation, each with a domein.
- ``doorbraaktypen.yaml`` — kinds of doorbraak (a home, income support, ...).
- ``knelpunten.yaml`` — the three kinds of system bottleneck.
- ``clusters.yaml`` — the four "giftige cocktails".
- ``woonfuik.yaml``, ``ggz.yaml``, ``jeugdzorg.yaml``, ``geldproblemen.yaml`` — the deeper analyses.
- ``reispatronen.yaml`` — recurring patterns in the journey of a maatwerk plan.

Anything not in the reports carries ``eigen_toevoeging: true``. One loader per file;
:func:`laad_patronen` loads all of them and checks the links between them (ids, domeinen,
article references). Every problem is a :class:`DoorbraakFout` naming file, record and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.yamlbestand import lees_yaml
from calculators.wetten.artikelen import zoek_referentie

PATRONEN = DATA / "patronen"
ID_PATROON = r"^[a-z0-9][a-z0-9-]*$"


class _Basis(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _MetBron(_Basis):
    """A record that names its source reports, or is marked as an own addition."""

    bron: list[str] = Field(default_factory=list)
    eigen_toevoeging: bool = False

    @model_validator(mode="after")
    def _bron_of_eigen(self):
        if not self.bron and not self.eigen_toevoeging:
            raise ValueError("noem een bron, of zet eigen_toevoeging: true")
        return self


# --- schemas ------------------------------------------------------------------------------
class Bron(_Basis):
    id: str = Field(pattern=ID_PATROON)
    titel: str = Field(min_length=1)
    uitgever: str = Field(min_length=1)
    jaar: int = Field(ge=2000, le=2100)
    uitleg: str = ""


class BronnenBestand(_Basis):
    bronnen: list[Bron] = Field(min_length=1)


#: Where a rubriek comes from: named in the reports, inferred from their text, or our own addition.
HERKOMST: dict[str, str] = {
    "rapport": "Genoemd in de rapporten",
    "afgeleid": "Afgeleid uit de rapporten",
    "eigen": "Eigen toevoeging",
}


class Rubriek(_MetBron):
    id: str = Field(pattern=ID_PATROON)
    naam: str = Field(min_length=1)
    domein: str
    uitleg: str = Field(min_length=1)
    herkomst: Literal["rapport", "afgeleid", "eigen"]

    @model_validator(mode="after")
    def _herkomst_past(self):
        if (self.herkomst == "eigen") != self.eigen_toevoeging:
            raise ValueError("herkomst: eigen hoort bij eigen_toevoeging: true, en andersom")
        if self.herkomst != "eigen" and not self.bron:
            raise ValueError(f"herkomst: {self.herkomst} vraagt een bron: noem het rapport")
        return self


class RubriekenBestand(_Basis):
    rubrieken: list[Rubriek] = Field(min_length=1)


class Doorbraaktype(_MetBron):
    id: str = Field(pattern=ID_PATROON)
    naam: str = Field(min_length=1)
    uitleg: str = Field(min_length=1)


class DoorbraaktypenBestand(_Basis):
    doorbraaktypen: list[Doorbraaktype] = Field(min_length=1)


class Knelpunt(_MetBron):
    id: str = Field(pattern=ID_PATROON)
    naam: str = Field(min_length=1)
    kort: str = Field(min_length=1)
    uitleg: str = Field(min_length=1)
    oorzaken: list[str] = Field(default_factory=list)
    voorbeelden: list[str] = Field(min_length=1)
    wat_helpt: str = Field(min_length=1)


class KnelpuntenBestand(_Basis):
    knelpunten: list[Knelpunt] = Field(min_length=1)


class Ingredient(_Basis):
    naam: str = Field(min_length=1)
    domein: str


class Cluster(_MetBron):
    id: str = Field(pattern=ID_PATROON)
    nummer: int = Field(ge=1)
    naam: str = Field(min_length=1)
    ingredienten: list[Ingredient] = Field(min_length=2)
    uitleg: str = Field(min_length=1)
    doorbraken: list[str] = Field(min_length=1)
    wetten: list[str] = Field(min_length=1)
    artikelen: list[str] = Field(default_factory=list)
    artikelen_eigen_toevoeging: bool = False
    knelpunten: list[str] = Field(min_length=1)


class ClustersBestand(_Basis):
    clusters: list[Cluster] = Field(min_length=1)


class FuikVariant(_MetBron):
    id: str = Field(pattern=ID_PATROON)
    naam: str = Field(min_length=1)
    vraag: str = Field(min_length=1)
    eindpunt: str = Field(min_length=1)


class FuikStap(_MetBron):
    nummer: int = Field(ge=1)
    naam: str = Field(min_length=1)
    uitleg: str = Field(min_length=1)
    signalen: list[str] = Field(min_length=1)
    wat_kun_je_doen: str = Field(min_length=1)


class Woonfuik(_MetBron):
    naam: str
    uitleg: str
    basis: str
    varianten: list[FuikVariant] = Field(min_length=1)
    stappen: list[FuikStap] = Field(min_length=2)
    les: str


class Analysesoort(_Basis):
    id: str = Field(pattern=ID_PATROON)
    code: str | None = None
    naam: str = Field(min_length=1)
    uitleg: str = Field(min_length=1)
    voorbeeld: str | None = None
    aanpak: str | None = None
    doorbraak: str | None = None
    oorzaken: list[str] = Field(default_factory=list)
    gevolgen: list[str] = Field(default_factory=list)


class Ggz(_MetBron):
    naam: str
    basis: str
    soorten: list[Analysesoort] = Field(min_length=3, max_length=3)
    lessen: list[str] = Field(min_length=1)


class Jeugdzorg(_MetBron):
    naam: str
    basis: str
    kerncijfer: str
    kerncijfer_bron: list[str] = Field(min_length=1)
    soorten: list[Analysesoort] = Field(min_length=3, max_length=3)
    vraag: str


class Geldproblemen(_MetBron):
    naam: str
    basis: str
    soorten: list[Analysesoort] = Field(min_length=1)


class Reispatroon(_Basis):
    id: str = Field(pattern=ID_PATROON)
    naam: str = Field(min_length=1)
    uitleg: str = Field(min_length=1)
    voorbeeld: str = Field(min_length=1)
    voorbeeld_eigen_toevoeging: bool = False
    eigen_toevoeging: bool = False


class HelpendeFactor(_Basis):
    id: str = Field(pattern=ID_PATROON)
    naam: str = Field(min_length=1)
    uitleg: str = Field(min_length=1)


class Reispatronen(_MetBron):
    naam: str
    basis: str
    patronen: list[Reispatroon] = Field(min_length=1)
    helpende_factoren: list[HelpendeFactor] = Field(min_length=1)


# --- loading ------------------------------------------------------------------------------
M = TypeVar("M", bound=BaseModel)


def _lees_yaml(pad: Path) -> Any:
    if not pad.exists():
        raise DoorbraakFout(f"Het bestand {pad.name} ontbreekt ({pad}).")
    return lees_yaml(pad, f"Het bestand {pad.name}")


def _valideer(model: type[M], ruw: Any, pad: Path) -> M:
    if not isinstance(ruw, dict):
        raise DoorbraakFout(
            f"Het bestand {pad.name} klopt niet: bovenaan horen velden met een naam en een dubbele punt."
        )
    try:
        return model.model_validate(ruw)
    except ValidationError as e:
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet.", pydantic_meldingen(e, pad.name)) from None


def _laad(model: type[M], naam: str, pad: Path | str | None) -> M:
    p = Path(pad) if pad is not None else PATRONEN / naam
    return _valideer(model, _lees_yaml(p), p)


def _uniek(ids: list[str], bestand: str, soort: str) -> list[Melding]:
    gezien, meldingen = set(), []
    for i, ident in enumerate(ids):
        if ident in gezien:
            meldingen.append(Melding(f"dubbele id '{ident}'", bestand=bestand, kolom=f"{soort}.{i}.id"))
        gezien.add(ident)
    return meldingen


def _controleer_uniek(ids: list[str], pad: Path | str | None, naam: str, soort: str) -> None:
    bestand = Path(pad).name if pad is not None else naam
    meldingen = _uniek(ids, bestand, soort)
    if meldingen:
        raise DoorbraakFout(f"In {bestand} staan dubbele ids.", meldingen)


def laad_bronnen(pad: Path | str | None = None) -> list[Bron]:
    """The source reports (``bronnen.yaml``)."""
    b = _laad(BronnenBestand, "bronnen.yaml", pad).bronnen
    _controleer_uniek([x.id for x in b], pad, "bronnen.yaml", "bronnen")
    return b


def laad_rubrieken(pad: Path | str | None = None) -> list[Rubriek]:
    """Indicators of a household's situation (``rubrieken.yaml``); domeinen are checked."""
    r = _laad(RubriekenBestand, "rubrieken.yaml", pad).rubrieken
    bestand = Path(pad).name if pad is not None else "rubrieken.yaml"
    _controleer_uniek([x.id for x in r], pad, "rubrieken.yaml", "rubrieken")
    domeinen = laad_vocabulaire().domein_namen
    meldingen = [
        Melding(
            f"onbekend domein '{x.domein}'; kies uit: {', '.join(domeinen)}",
            bestand=bestand,
            kolom=f"rubrieken.{i}.domein",
        )
        for i, x in enumerate(r)
        if x.domein not in domeinen
    ]
    if meldingen:
        raise DoorbraakFout(f"Het bestand {bestand} klopt niet.", meldingen)
    return r


def laad_doorbraaktypen(pad: Path | str | None = None) -> list[Doorbraaktype]:
    """Kinds of doorbraak (``doorbraaktypen.yaml``)."""
    d = _laad(DoorbraaktypenBestand, "doorbraaktypen.yaml", pad).doorbraaktypen
    _controleer_uniek([x.id for x in d], pad, "doorbraaktypen.yaml", "doorbraaktypen")
    return d


def laad_knelpunten(pad: Path | str | None = None) -> list[Knelpunt]:
    """The three kinds of system bottleneck (``knelpunten.yaml``)."""
    k = _laad(KnelpuntenBestand, "knelpunten.yaml", pad).knelpunten
    _controleer_uniek([x.id for x in k], pad, "knelpunten.yaml", "knelpunten")
    return k


def laad_clusters(pad: Path | str | None = None) -> list[Cluster]:
    """The four giftige cocktails (``clusters.yaml``)."""
    c = _laad(ClustersBestand, "clusters.yaml", pad).clusters
    _controleer_uniek([x.id for x in c], pad, "clusters.yaml", "clusters")
    return c


def laad_woonfuik(pad: Path | str | None = None) -> Woonfuik:
    """The road to eviction (``woonfuik.yaml``)."""
    return _laad(Woonfuik, "woonfuik.yaml", pad)


def laad_ggz(pad: Path | str | None = None) -> Ggz:
    """GGZ analysis: oorzaak / gevolg / staat oplossing in de weg (``ggz.yaml``)."""
    return _laad(Ggz, "ggz.yaml", pad)


def laad_jeugdzorg(pad: Path | str | None = None) -> Jeugdzorg:
    """Jeugdzorg analysis (``jeugdzorg.yaml``)."""
    return _laad(Jeugdzorg, "jeugdzorg.yaml", pad)


def laad_geldproblemen(pad: Path | str | None = None) -> Geldproblemen:
    """Money-problem analysis (``geldproblemen.yaml``)."""
    return _laad(Geldproblemen, "geldproblemen.yaml", pad)


def laad_reispatronen(pad: Path | str | None = None) -> Reispatronen:
    """Journey patterns of maatwerk plans (``reispatronen.yaml``)."""
    r = _laad(Reispatronen, "reispatronen.yaml", pad)
    _controleer_uniek([x.id for x in r.patronen], pad, "reispatronen.yaml", "patronen")
    _controleer_uniek([x.id for x in r.helpende_factoren], pad, "reispatronen.yaml", "helpende_factoren")
    return r


# --- article references -------------------------------------------------------------------
def artikel_bestaat(ref: str) -> bool:
    """True when ``ref`` (e.g. ``"Pw 52"``, ``"Wmo 2015 2.3.5"``) resolves to an article record."""
    try:
        zoek_referentie(ref)
    except DoorbraakFout:
        return False
    return True


# --- everything together ------------------------------------------------------------------
@dataclass(frozen=True)
class Patronen:
    """All pattern data, loaded and cross-checked."""

    bronnen: list[Bron]
    rubrieken: list[Rubriek]
    doorbraaktypen: list[Doorbraaktype]
    knelpunten: list[Knelpunt]
    clusters: list[Cluster]
    woonfuik: Woonfuik
    ggz: Ggz
    jeugdzorg: Jeugdzorg
    geldproblemen: Geldproblemen
    reispatronen: Reispatronen

    def rubriek(self, ident: str) -> Rubriek:
        return {r.id: r for r in self.rubrieken}[ident]

    def cluster(self, ident: str) -> Cluster:
        return {c.id: c for c in self.clusters}[ident]

    def knelpunt(self, ident: str) -> Knelpunt:
        return {k.id: k for k in self.knelpunten}[ident]

    def doorbraaktype(self, ident: str) -> Doorbraaktype:
        return {d.id: d for d in self.doorbraaktypen}[ident]

    def reispatroon(self, ident: str) -> Reispatroon:
        return {p.id: p for p in self.reispatronen.patronen}[ident]


def laad_patronen(map_: Path | str | None = None) -> Patronen:
    """Load every file in ``data/patronen/`` (or ``map_``) and check the links between them."""
    if map_ is None:
        return _standaard()
    return _laad_alles(Path(map_))


@lru_cache(maxsize=1)
def _standaard() -> Patronen:
    return _laad_alles(PATRONEN)


def _laad_alles(m: Path) -> Patronen:
    p = Patronen(
        bronnen=laad_bronnen(m / "bronnen.yaml"),
        rubrieken=laad_rubrieken(m / "rubrieken.yaml"),
        doorbraaktypen=laad_doorbraaktypen(m / "doorbraaktypen.yaml"),
        knelpunten=laad_knelpunten(m / "knelpunten.yaml"),
        clusters=laad_clusters(m / "clusters.yaml"),
        woonfuik=laad_woonfuik(m / "woonfuik.yaml"),
        ggz=laad_ggz(m / "ggz.yaml"),
        jeugdzorg=laad_jeugdzorg(m / "jeugdzorg.yaml"),
        geldproblemen=laad_geldproblemen(m / "geldproblemen.yaml"),
        reispatronen=laad_reispatronen(m / "reispatronen.yaml"),
    )
    meldingen = controleer_verwijzingen(p)
    if meldingen:
        raise DoorbraakFout("De patroonbestanden verwijzen naar iets dat niet bestaat.", meldingen)
    return p


def controleer_verwijzingen(p: Patronen) -> list[Melding]:
    """Every id, domein, source and article reference used in the pattern files must exist."""
    m: list[Melding] = []
    bronnen = {b.id for b in p.bronnen}
    rubrieken = {r.id for r in p.rubrieken}
    doorbraken = {d.id for d in p.doorbraaktypen}
    knelpunten = {k.id for k in p.knelpunten}
    domeinen = set(laad_vocabulaire().domein_namen)

    def bron(lijst: list[str], bestand: str, veld: str) -> None:
        for b in lijst:
            if b not in bronnen:
                m.append(Melding(f"onbekende bron '{b}'", bestand=bestand, kolom=veld))

    for i, r in enumerate(p.rubrieken):
        bron(r.bron, "rubrieken.yaml", f"rubrieken.{i}.bron")
    for i, d in enumerate(p.doorbraaktypen):
        bron(d.bron, "doorbraaktypen.yaml", f"doorbraaktypen.{i}.bron")
    for i, k in enumerate(p.knelpunten):
        bron(k.bron, "knelpunten.yaml", f"knelpunten.{i}.bron")
    for i, c in enumerate(p.clusters):
        plek = f"clusters.{i}"
        bron(c.bron, "clusters.yaml", f"{plek}.bron")
        for j, ing in enumerate(c.ingredienten):
            if ing.domein not in domeinen:
                m.append(
                    Melding(
                        f"onbekend domein '{ing.domein}'",
                        bestand="clusters.yaml",
                        kolom=f"{plek}.ingredienten.{j}.domein",
                    )
                )
        for doorbraak_id in c.doorbraken:
            if doorbraak_id not in doorbraken:
                m.append(
                    Melding(
                        f"onbekend doorbraaktype '{doorbraak_id}'", bestand="clusters.yaml", kolom=f"{plek}.doorbraken"
                    )
                )
        for knelpunt_id in c.knelpunten:
            if knelpunt_id not in knelpunten:
                m.append(
                    Melding(f"onbekend knelpunt '{knelpunt_id}'", bestand="clusters.yaml", kolom=f"{plek}.knelpunten")
                )
        for a in c.artikelen:
            if not artikel_bestaat(a):
                m.append(
                    Melding(
                        f"wetsartikel '{a}' bestaat niet in data/wetten",
                        bestand="clusters.yaml",
                        kolom=f"{plek}.artikelen",
                    )
                )
    w = p.woonfuik
    bron(w.bron, "woonfuik.yaml", "bron")
    for i, s in enumerate(w.stappen):
        bron(s.bron, "woonfuik.yaml", f"stappen.{i}.bron")
        for sig in s.signalen:
            if sig not in rubrieken:
                m.append(Melding(f"onbekende rubriek '{sig}'", bestand="woonfuik.yaml", kolom=f"stappen.{i}.signalen"))
    for bestand, obj in (
        ("ggz.yaml", p.ggz),
        ("jeugdzorg.yaml", p.jeugdzorg),
        ("geldproblemen.yaml", p.geldproblemen),
        ("reispatronen.yaml", p.reispatronen),
    ):
        bron(obj.bron, bestand, "bron")
    bron(p.jeugdzorg.kerncijfer_bron, "jeugdzorg.yaml", "kerncijfer_bron")
    for i, soort in enumerate(p.geldproblemen.soorten):
        for o in soort.oorzaken:
            if o not in rubrieken:
                m.append(
                    Melding(f"onbekende rubriek '{o}'", bestand="geldproblemen.yaml", kolom=f"soorten.{i}.oorzaken")
                )
    return m


EIGENNAMEN = {"Participatiewet", "Wmo", "Jeugdwet", "Woningwet", "UWV", "GGZ", "Catch"}


def klein(naam: str) -> str:
    """A name inside a sentence: first letter lower case, unless it is a proper name or acronym.

    ``"Spreekt weinig Nederlands"`` → ``"spreekt weinig Nederlands"``;
    ``"Participatiewet-uitkering"`` and ``"ADHD"`` stay as they are.
    """
    eerste = re.split(r"[ -]", naam, maxsplit=1)[0]
    if not naam or eerste in EIGENNAMEN or (len(eerste) > 1 and eerste.isupper()):
        return naam
    return naam[0].lower() + naam[1:]
