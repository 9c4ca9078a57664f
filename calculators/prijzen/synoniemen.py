"""Loader for data/prijs-synoniemen.yaml: everyday names and abbreviations of priced services.

Each group lists terms professionals use for the same service ("ho", "huishoudelijke
ondersteuning", "hulp bij het huishouden"), with a source. The price search
(:func:`calculators.prijzen.prijslijst.zoek_prijzen`) also searches the other terms of a
group. A term may be in at most one group; a file with any error is rejected whole.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.fuzzyindex import normaliseer
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.yamlbestand import lees_yaml

PRIJS_SYNONIEMEN_YAML = DATA / "prijs-synoniemen.yaml"


class PrijsGroep(BaseModel):
    model_config = ConfigDict(extra="forbid")

    termen: list[str] = Field(min_length=2)
    bron: str = Field(min_length=1)

    @field_validator("termen")
    @classmethod
    def _termen(cls, termen: list[str]) -> list[str]:
        schoon = [" ".join(str(t).split()) for t in termen]
        if any(not normaliseer(t) for t in schoon):
            raise ValueError("een term is leeg")
        dubbel = sorted({t for t in schoon if schoon.count(t) > 1})
        if dubbel:
            raise ValueError(f"dubbele term: {', '.join(dubbel)}")
        return schoon


class PrijsSynoniemen(BaseModel):
    model_config = ConfigDict(extra="forbid")
    groepen: list[PrijsGroep]


def laad_prijs_synoniemen(pad: Path | None = None) -> list[tuple[str, ...]]:
    """The groups as tuples of terms (cached for the default file)."""
    if pad is None:
        return list(_standaard())
    return _laad(Path(pad))


@lru_cache(maxsize=1)
def _standaard() -> tuple[tuple[str, ...], ...]:
    if not PRIJS_SYNONIEMEN_YAML.exists():
        return ()
    return tuple(_laad(PRIJS_SYNONIEMEN_YAML))


def _laad(pad: Path) -> list[tuple[str, ...]]:
    ruw = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True) or {}
    try:
        lijst = PrijsSynoniemen.model_validate(ruw)
    except ValidationError as e:
        meldingen = pydantic_meldingen(e, pad.name)
        for m in meldingen:
            delen = (m.kolom or "").split(".")
            if len(delen) > 1 and delen[0] == "groepen" and delen[1].isdigit():
                m.rij, m.kolom = int(delen[1]) + 1, ".".join(delen[2:]) or None
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet (rij = nummer van de groep).", meldingen) from None
    waar: dict[str, int] = {}
    fouten = []
    for nr, g in enumerate(lijst.groepen, start=1):
        for t in g.termen:
            sleutel = normaliseer(t)
            if sleutel in waar and waar[sleutel] != nr:
                fouten.append(
                    Melding(
                        f"de term '{t}' staat ook in groep {waar[sleutel]}", bestand=pad.name, rij=nr, kolom="termen"
                    )
                )
            waar.setdefault(sleutel, nr)
    if fouten:
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet: een term staat in twee groepen.", fouten)
    return [tuple(g.termen) for g in lijst.groepen]
