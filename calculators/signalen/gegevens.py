"""Loader and schema for ``data/patronen/signalen.yaml`` (the Signalenwijzer).

Every signal names where it sits in the woonfuik or in one of the analyses
(``plaats``: matrix + vak), the cocktail ingredients it belongs to, an optional knelpunt
and rubriek, the articles that can help, and its source in the reports (``bron``: report,
section, short quote) or ``eigen_toevoeging: true`` with a ``reden``.
:func:`laad_signalen` checks every link against the other pattern files, the vocabulary
and the law lookup; every problem is one :class:`DoorbraakFout` naming file, signal and field.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.yamlbestand import lees_yaml
from calculators.patronen.gegevens import ID_PATROON, PATRONEN, Patronen, artikel_bestaat, laad_patronen

BESTAND = PATRONEN / "signalen.yaml"
GROEPEN: tuple[str, ...] = ("levensgebeurtenis", "geld", "woonfuik", "ggz", "jeugd")
GROEP_NAMEN = {
    "levensgebeurtenis": "Grote gebeurtenissen",
    "geld": "Geld",
    "woonfuik": "Wonen (de woonfuik)",
    "ggz": "Psychische problemen",
    "jeugd": "Kinderen en jeugdhulp",
}
MATRICES: tuple[str, ...] = ("woonfuik", "geldproblemen", "ggz", "jeugdzorg")

Groep = Literal["levensgebeurtenis", "geld", "woonfuik", "ggz", "jeugd"]
Matrix = Literal["woonfuik", "geldproblemen", "ggz", "jeugdzorg"]


class _Basis(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Bronvermelding(_Basis):
    rapport: str = Field(pattern=ID_PATROON)
    deel: str = Field(min_length=1, max_length=200)
    citaat: str = Field(min_length=3, max_length=300)


class Plaats(_Basis):
    matrix: Matrix
    vak: str = Field(min_length=1, max_length=60)


class Signaal(_Basis):
    id: str = Field(pattern=ID_PATROON, max_length=60)
    tekst: str = Field(min_length=5, max_length=200)
    groep: Groep
    domein: str
    plaats: list[Plaats] = Field(min_length=1)
    ingredienten: list[str] = Field(default_factory=list)
    knelpunt: str | None = None
    rubriek: str | None = None
    artikelen: list[str] = Field(default_factory=list)
    bron: list[Bronvermelding] = Field(default_factory=list)
    eigen_toevoeging: bool = False
    reden: str | None = None

    @model_validator(mode="after")
    def _bron_of_reden(self):
        if self.eigen_toevoeging:
            if not self.reden:
                raise ValueError("bij eigen_toevoeging: true hoort een reden")
        elif not self.bron:
            raise ValueError("noem een bron (rapport, deel, citaat), of zet eigen_toevoeging: true met een reden")
        return self


class SignalenBestand(_Basis):
    signalen: list[Signaal] = Field(min_length=1)


def _lees(pad: Path) -> Any:
    return lees_yaml(pad, f"Het bestand {pad.name}")


def vakken(p: Patronen) -> dict[str, dict[str, str]]:
    """For every matrix: vak id → a short Dutch label ("stap 3: Schulden en stoppende voorzieningen")."""
    return {
        "woonfuik": {str(s.nummer): f"stap {s.nummer}: {s.naam}" for s in p.woonfuik.stappen},
        "geldproblemen": {s.id: f"{s.code}: {s.naam}" if s.code else s.naam for s in p.geldproblemen.soorten},
        "ggz": {s.id: f"{s.code}: {s.naam}" if s.code else s.naam for s in p.ggz.soorten},
        "jeugdzorg": {s.id: s.naam for s in p.jeugdzorg.soorten},
    }


def controleer(signalen: list[Signaal], p: Patronen, bestand: str) -> list[Melding]:
    """Every id, place, ingredient, knelpunt, rubriek, source and article must exist."""
    m: list[Melding] = []
    gezien: set[str] = set()
    domeinen = set(laad_vocabulaire().domein_namen)
    bronnen = {b.id for b in p.bronnen}
    knelpunten = {k.id for k in p.knelpunten}
    rubrieken = {r.id for r in p.rubrieken}
    ingredienten = {i.naam for c in p.clusters for i in c.ingredienten}
    vak = vakken(p)
    for i, s in enumerate(signalen):
        plek = f"signalen.{i}"

        def fout(tekst: str, veld: str, s: Signaal = s, plek: str = plek) -> None:
            m.append(Melding(f"signaal '{s.id}': {tekst}", bestand=bestand, kolom=f"{plek}.{veld}"))

        if s.id in gezien:
            fout("deze id staat er twee keer in", "id")
        gezien.add(s.id)
        if s.domein not in domeinen:
            fout(f"onbekend domein '{s.domein}'", "domein")
        for pl in s.plaats:
            if pl.vak not in vak[pl.matrix]:
                fout(f"vak '{pl.vak}' bestaat niet in {pl.matrix}; kies uit: {', '.join(vak[pl.matrix])}", "plaats")
        for ing in s.ingredienten:
            if ing not in ingredienten:
                fout(f"onbekend ingrediënt '{ing}'; kies uit: {', '.join(sorted(ingredienten))}", "ingredienten")
        if s.knelpunt is not None and s.knelpunt not in knelpunten:
            fout(f"onbekend knelpunt '{s.knelpunt}'", "knelpunt")
        if s.rubriek is not None and s.rubriek not in rubrieken:
            fout(f"onbekende rubriek '{s.rubriek}'", "rubriek")
        for b in s.bron:
            if b.rapport not in bronnen:
                fout(f"onbekend rapport '{b.rapport}'", "bron")
        for a in s.artikelen:
            if not artikel_bestaat(a):
                fout(f"wetsartikel '{a}' bestaat niet in data/wetten", "artikelen")
    return m


def laad_signalen(pad: Path | str | None = None, patronen: Patronen | None = None) -> list[Signaal]:
    """All signals, validated and cross-checked (default file: data/patronen/signalen.yaml)."""
    if pad is None and patronen is None:
        return list(_standaard())
    return _laad(Path(pad) if pad is not None else BESTAND, patronen or laad_patronen())


@lru_cache(maxsize=1)
def _standaard() -> tuple[Signaal, ...]:
    return tuple(_laad(BESTAND, laad_patronen()))


def _laad(pad: Path, p: Patronen) -> list[Signaal]:
    ruw = _lees(pad)
    if not isinstance(ruw, dict):
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet: bovenaan hoort 'signalen:' met een lijst.")
    try:
        signalen = SignalenBestand.model_validate(ruw).signalen
    except ValidationError as e:
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet.", pydantic_meldingen(e, pad.name)) from None
    meldingen = controleer(signalen, p, pad.name)
    if meldingen:
        raise DoorbraakFout(f"Het bestand {pad.name} verwijst naar iets dat niet bestaat.", meldingen)
    return signalen


def signaal_per_id() -> dict[str, Signaal]:
    return {s.id: s for s in laad_signalen()}
