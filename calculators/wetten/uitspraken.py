"""Real rulings per article (``data/uitspraken.yaml``): loader, schema and lookup.

Each record is one ruling (ECLI, court, date, the articles it is about, a one-line B1
summary ``kern`` in our own words, and ``bron``: where the ECLI and date were read). The
loader checks the schema and that every referenced article exists in ``data/wetten``; a
file with any error is rejected whole with Dutch messages naming the record and field.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.yamlbestand import lees_yaml
from calculators.wetten.artikelen import Artikel, zoek_referentie

UITSPRAKEN_YAML = DATA / "uitspraken.yaml"


class UitspraakRij(BaseModel):
    """Schema of one record in data/uitspraken.yaml."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    ecli: str = Field(pattern=r"^ECLI:NL:[A-Z0-9]+:\d{4}:[A-Z0-9.]+$")
    instantie: str = Field(min_length=1)
    datum: _dt.date
    artikelen: list[str] = Field(min_length=1)
    kern: str = Field(min_length=1)
    bron: str = Field(min_length=1)

    @field_validator("bron")
    @classmethod
    def _bron_is_adres(cls, v: str) -> str:
        if not v.startswith("https://"):
            raise ValueError("de bron moet beginnen met een adres (https://...)")
        return v


class Uitsprakenbestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    uitspraken: list[UitspraakRij] = []


@dataclass(frozen=True)
class Uitspraak:
    """One ruling as the calculators use it; ``artikelen`` in the standard spelling."""

    ecli: str
    instantie: str
    datum: _dt.date
    artikelen: tuple[str, ...]
    kern: str
    bron: str

    @property
    def bron_url(self) -> str:
        """The first address in ``bron`` (the page where the ruling was read)."""
        return self.bron.split()[0]

    @property
    def rechtspraak_url(self) -> str:
        """The ruling on uitspraken.rechtspraak.nl, built from the ECLI."""
        return f"https://uitspraken.rechtspraak.nl/inziendocument?id={self.ecli}"

    def als_dict(self) -> dict:
        return {
            "ecli": self.ecli,
            "instantie": self.instantie,
            "datum": self.datum.isoformat(),
            "kern": self.kern,
            "bron": self.bron_url,
            "rechtspraak": self.rechtspraak_url,
        }


def laad_uitspraken(pad: Path | None = None) -> list[Uitspraak]:
    """All rulings (empty when the file does not exist yet). Raises DoorbraakFout on errors."""
    if pad is None:
        return list(_standaard())
    return _laad(Path(pad))


@lru_cache(maxsize=1)
def _standaard() -> tuple[Uitspraak, ...]:
    if not UITSPRAKEN_YAML.exists():
        return ()
    return tuple(_laad(UITSPRAKEN_YAML))


def _laad(pad: Path) -> list[Uitspraak]:
    ruw = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True) or {}
    try:
        bestand = Uitsprakenbestand.model_validate(ruw)
    except ValidationError as e:
        meldingen = pydantic_meldingen(e, pad.name)
        for m in meldingen:  # 'uitspraken.3.datum' -> record 4, field datum
            delen = (m.kolom or "").split(".")
            if len(delen) > 1 and delen[0] == "uitspraken" and delen[1].isdigit():
                m.rij, m.kolom = int(delen[1]) + 1, ".".join(delen[2:]) or None
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet (rij = nummer van de uitspraak).", meldingen) from None
    fouten: list[Melding] = []
    uit: list[Uitspraak] = []
    gezien: dict[str, int] = {}
    for nr, r in enumerate(bestand.uitspraken, start=1):
        refs = []
        for ref in r.artikelen:
            try:
                refs.append(zoek_referentie(ref).referentie)
            except DoorbraakFout as e:
                fouten.append(Melding(str(e), bestand=pad.name, rij=nr, kolom="artikelen"))
        if r.ecli.split(":")[3] != str(r.datum.year):
            fouten.append(
                Melding(
                    f"het jaar in {r.ecli} is niet het jaar van de datum ({r.datum.year})",
                    bestand=pad.name,
                    rij=nr,
                    kolom="datum",
                )
            )
        if r.ecli in gezien:
            fouten.append(
                Melding(
                    f"de uitspraak {r.ecli} staat er al (uitspraak {gezien[r.ecli]})",
                    bestand=pad.name,
                    rij=nr,
                    kolom="ecli",
                )
            )
        gezien.setdefault(r.ecli, nr)
        uit.append(Uitspraak(r.ecli, r.instantie, r.datum, tuple(dict.fromkeys(refs)), r.kern, r.bron))
    if fouten:
        raise DoorbraakFout(
            f"Het bestand {pad.name} bevat fouten; er is niets geladen (rij = nummer van de uitspraak).", fouten
        )
    return uit


def uitspraken_bij(artikel: Artikel | str, uitspraken: Sequence[Uitspraak] | None = None) -> list[Uitspraak]:
    """The rulings about one article, newest first."""
    ref = artikel if isinstance(artikel, str) else artikel.referentie
    lijst = laad_uitspraken() if uitspraken is None else uitspraken
    return sorted((u for u in lijst if ref in u.artikelen), key=lambda u: u.datum, reverse=True)
