"""Loader for data/vocabulaire.yaml: the fixed lists of geldstromen and domeinen."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.yamlbestand import lees_yaml


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid")
    naam: str
    uitleg: str
    betaler: str | None = None


class Vocabulaire(BaseModel):
    model_config = ConfigDict(extra="forbid")
    geldstromen: list[Term]
    domeinen: list[Term]

    @property
    def geldstroom_namen(self) -> list[str]:
        return [t.naam for t in self.geldstromen]

    @property
    def domein_namen(self) -> list[str]:
        return [t.naam for t in self.domeinen]


def laad_vocabulaire(pad: Path | None = None) -> Vocabulaire:
    """Load and validate the vocabulary file (cached for the default path)."""
    if pad is None:
        return _standaard()
    return _laad(Path(pad))


@lru_cache(maxsize=1)
def _standaard() -> Vocabulaire:
    return _laad(DATA / "vocabulaire.yaml")


def _laad(pad: Path) -> Vocabulaire:
    ruw = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True)
    try:
        voc = Vocabulaire.model_validate(ruw)
    except ValidationError as e:
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet.", pydantic_meldingen(e, pad.name)) from None
    for lijst in ("geldstromen", "domeinen"):
        namen = [t.naam for t in getattr(voc, lijst)]
        dubbel = {n for n in namen if namen.count(n) > 1}
        if dubbel:
            raise DoorbraakFout(f"In {pad.name} staan dubbele {lijst}: {', '.join(sorted(dubbel))}.")
    return voc
