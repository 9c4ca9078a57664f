"""Loader for data/synoniemen.yaml: groups of words that mean the same for the search.

Each group is a list of terms (one or more words). When a query contains one term of a
group, the search engine (:mod:`calculators.kern.zoeken`) also looks for the other terms.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.yamlbestand import lees_yaml
from calculators.kern.zoeken import SynoniemGroep

SYNONIEMEN_YAML = DATA / "synoniemen.yaml"


class Groep(BaseModel):
    model_config = ConfigDict(extra="forbid")
    termen: list[str]

    @field_validator("termen")
    @classmethod
    def _controleer(cls, termen: list[str]) -> list[str]:
        schoon = [" ".join(str(t).split()) for t in termen]
        if len(schoon) < 2:
            raise ValueError("een groep heeft minstens twee termen nodig")
        if any(not t for t in schoon):
            raise ValueError("een term is leeg")
        dubbel = {t for t in schoon if schoon.count(t) > 1}
        if dubbel:
            raise ValueError(f"dubbele term: {', '.join(sorted(dubbel))}")
        return schoon


class Synoniemenlijst(BaseModel):
    model_config = ConfigDict(extra="forbid")
    groepen: list[Groep]


def laad_synoniemen(pad: Path | None = None) -> list[SynoniemGroep]:
    """Load and validate the synonym list (cached for the default file)."""
    if pad is None:
        return list(_standaard())
    return _laad(Path(pad))


@lru_cache(maxsize=1)
def _standaard() -> tuple[SynoniemGroep, ...]:
    return tuple(_laad(SYNONIEMEN_YAML))


def _laad(pad: Path) -> list[SynoniemGroep]:
    ruw = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True)
    if not isinstance(ruw, dict):
        raise DoorbraakFout(
            f"Het bestand {pad.name} klopt niet.", [Melding("hier hoort een lijst 'groepen'", bestand=pad.name)]
        )
    try:
        lijst = Synoniemenlijst.model_validate(ruw)
    except ValidationError as e:
        meldingen = pydantic_meldingen(e, pad.name)
        for m in meldingen:  # 'groepen.3.termen' -> name the group as a record number (1-based)
            if m.kolom and m.kolom.startswith("groepen."):
                delen = m.kolom.split(".")
                if len(delen) > 1 and delen[1].isdigit():
                    m.rij = int(delen[1]) + 1
                    m.kolom = ".".join(delen[2:]) or None
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet (rij = nummer van de groep).", meldingen) from None
    return [SynoniemGroep(tuple(g.termen)) for g in lijst.groepen]
