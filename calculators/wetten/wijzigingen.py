"""Announced law changes (``data/wijzigingen.yaml``): loader, schema and lookup.

Each record is one announced change: which law and articles, a short title, what changes
(B1), from when (``per``, may be unknown), its status (for example "wetsvoorstel" or
"aangenomen"), the source (title and address), the date it was last checked, optionally
the future text and a remark (``opmerking``). The loader checks the schema and that every
referenced article exists; a file with any error is rejected whole.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.opmaak import datum
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.yamlbestand import lees_yaml
from calculators.wetten.artikelen import Artikel, Lid, Wet, laad_wetten, zoek_referentie

WIJZIGINGEN_YAML = DATA / "wijzigingen.yaml"


#: Status values as the data file uses them, in words for the reader.
STATUS_TEKST = {
    "in_werking": "al in werking",
    "aangenomen": "aangenomen, nog niet in werking",
    "wetsvoorstel": "wetsvoorstel, nog niet aangenomen",
}


class ToekomstigArtikel(BaseModel):
    """The future text of one article, when an official source holds it."""

    model_config = ConfigDict(extra="forbid")

    artikel: str = Field(min_length=1)
    geldig_vanaf: _dt.date
    herkomst: str = Field(min_length=1)
    leden: list[Lid] = Field(min_length=1)


class WijzigingRij(BaseModel):
    """Schema of one record in data/wijzigingen.yaml."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    wet: str = Field(min_length=1)
    artikelen: list[str] = []
    titel: str = Field(min_length=1)
    wat: str = Field(min_length=1)
    per: _dt.date | None = None
    status: Literal["in_werking", "aangenomen", "wetsvoorstel"]
    bron: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://\S+$")
    gecontroleerd: _dt.date
    toekomstige_tekst: list[ToekomstigArtikel] | None = None
    opmerking: str | None = None


class Wijzigingenbestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    wijzigingen: list[WijzigingRij] = []


@dataclass(frozen=True)
class Wijziging:
    """One announced change; ``artikelen`` in the standard spelling."""

    id: str
    wet: str
    artikelen: tuple[str, ...]
    titel: str
    wat: str
    per: _dt.date | None
    status: str
    bron: str
    url: str
    gecontroleerd: _dt.date
    toekomstige_tekst: tuple[ToekomstigArtikel, ...] = ()
    opmerking: str | None = None

    @property
    def status_tekst(self) -> str:
        """The status in words for a reader."""
        return STATUS_TEKST.get(self.status, self.status.replace("_", " "))

    @property
    def vanaf(self) -> str:
        """From when, in words: "vanaf 1 januari 2027" or "datum nog niet bekend"."""
        return f"vanaf {datum(self.per)}" if self.per else "datum nog niet bekend"

    def als_dict(self) -> dict:
        return {
            "id": self.id,
            "titel": self.titel,
            "wat": self.wat,
            "per": self.per.isoformat() if self.per else None,
            "status": self.status,
            "status_tekst": self.status_tekst,
            "bron": self.bron,
            "url": self.url,
            "gecontroleerd": self.gecontroleerd.isoformat(),
            "opmerking": self.opmerking,
        }


def laad_wijzigingen(pad: Path | None = None) -> list[Wijziging]:
    """All announced changes (empty when the file does not exist yet)."""
    if pad is None:
        return list(_standaard())
    return _laad(Path(pad))


@lru_cache(maxsize=1)
def _standaard() -> tuple[Wijziging, ...]:
    if not WIJZIGINGEN_YAML.exists():
        return ()
    return tuple(_laad(WIJZIGINGEN_YAML))


def _laad(pad: Path) -> list[Wijziging]:
    ruw = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True) or {}
    try:
        bestand = Wijzigingenbestand.model_validate(ruw)
    except ValidationError as e:
        meldingen = pydantic_meldingen(e, pad.name)
        for m in meldingen:
            delen = (m.kolom or "").split(".")
            if len(delen) > 1 and delen[0] == "wijzigingen" and delen[1].isdigit():
                m.rij, m.kolom = int(delen[1]) + 1, ".".join(delen[2:]) or None
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet (rij = nummer van de wijziging).", meldingen) from None
    fouten: list[Melding] = []
    uit: list[Wijziging] = []
    ids: set[str] = set()
    for nr, r in enumerate(bestand.wijzigingen, start=1):
        wet = _wet(r.wet)  # None: a law outside the project (allowed, without articles)
        if wet is None and r.artikelen:
            fouten.append(Melding(f"de wet '{r.wet}' staat niet in data/wetten", bestand=pad.name, rij=nr, kolom="wet"))
        refs = []
        for ref in r.artikelen:
            try:
                a = zoek_referentie(ref)
            except DoorbraakFout as e:
                fouten.append(Melding(str(e), bestand=pad.name, rij=nr, kolom="artikelen"))
                continue
            if wet is not None and a.wet is not wet:
                fouten.append(
                    Melding(
                        f"{a.referentie} hoort niet bij de wet '{r.wet}'", bestand=pad.name, rij=nr, kolom="artikelen"
                    )
                )
            refs.append(a.referentie)
        if r.id in ids:
            fouten.append(Melding(f"het id '{r.id}' staat er dubbel in", bestand=pad.name, rij=nr, kolom="id"))
        ids.add(r.id)
        uit.append(
            Wijziging(
                r.id,
                wet.afkorting if wet else r.wet,
                tuple(dict.fromkeys(refs)),
                r.titel,
                r.wat,
                r.per,
                r.status,
                r.bron,
                r.url,
                r.gecontroleerd,
                tuple(r.toekomstige_tekst or ()),
                r.opmerking,
            )
        )
    if fouten:
        raise DoorbraakFout(f"Het bestand {pad.name} verwijst naar onbekende wetten of artikelen.", fouten)
    return uit


def _wet(naam: str) -> Wet | None:
    sleutel = " ".join(naam.split()).lower()
    for w in laad_wetten():
        if sleutel in {w.afkorting.lower(), w.wet.lower(), w.slug.lower()}:
            return w
    return None


def wijzigingen_bij(artikel: Artikel | str, wijzigingen: Sequence[Wijziging] | None = None) -> list[Wijziging]:
    """The announced changes for one article, soonest first (unknown dates last)."""
    ref = artikel if isinstance(artikel, str) else artikel.referentie
    lijst = laad_wijzigingen() if wijzigingen is None else wijzigingen
    return sorted((w for w in lijst if ref in w.artikelen), key=lambda w: (w.per is None, w.per or _dt.date.max))
