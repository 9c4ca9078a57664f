"""The maatschappelijke prijslijst: loading, validation and search.

``data/prijzen.csv`` is the single source of truth for prices. Every row has a stable
``id``, a unit, an amount in euros, the price-level year, a geldstroom and domein from
``data/vocabulaire.yaml``, a source (title and URL) and a reliability grade.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.fuzzyindex import FuzzyIndex, normaliseer, synoniem_varianten
from calculators.kern.paden import DATA
from calculators.kern.schema import lees_csv_rijen
from calculators.kern.vocabulaire import laad_vocabulaire

PRIJZEN_CSV = DATA / "prijzen.csv"
KOLOMMEN = [
    "id", "item", "omschrijving", "eenheid", "bedrag", "bedrag_laag", "bedrag_hoog", "jaar",
    "geldstroom", "domein", "bron_titel", "bron_url", "betrouwbaarheid",
    "betrouwbaarheid_reden", "opmerking",
]
EENHEDEN = [
    "eenmalig", "per uur", "per dagdeel", "per dag", "per etmaal", "per nacht", "per week",
    "per maand", "per jaar", "per consult", "per traject", "per stuk",
]
Betrouwbaarheid = Literal["sterk", "redelijk", "zwak"]


class PrijsRij(BaseModel):
    """Schema of one row of data/prijzen.csv."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    item: str = Field(min_length=1)
    omschrijving: str = ""
    eenheid: str
    bedrag: Decimal = Field(ge=0)
    bedrag_laag: Decimal | None = Field(default=None, ge=0)
    bedrag_hoog: Decimal | None = Field(default=None, ge=0)
    jaar: int = Field(ge=1990, le=2100)
    geldstroom: str
    domein: str
    bron_titel: str = Field(min_length=1)
    bron_url: HttpUrl
    betrouwbaarheid: Betrouwbaarheid
    betrouwbaarheid_reden: str = Field(min_length=1)
    opmerking: str = ""

    @field_validator("bedrag_laag", "bedrag_hoog", mode="before")
    @classmethod
    def _leeg_is_geen(cls, v):
        return None if v in ("", None) else v

    @field_validator("eenheid")
    @classmethod
    def _eenheid(cls, v: str) -> str:
        if v not in EENHEDEN:
            raise ValueError(f"onbekende eenheid '{v}'; kies uit: {', '.join(EENHEDEN)}")
        return v

    @field_validator("geldstroom")
    @classmethod
    def _geldstroom(cls, v: str) -> str:
        namen = laad_vocabulaire().geldstroom_namen
        if v not in namen:
            raise ValueError(f"onbekende geldstroom '{v}'; kies uit: {', '.join(namen)}")
        return v

    @field_validator("domein")
    @classmethod
    def _domein(cls, v: str) -> str:
        namen = laad_vocabulaire().domein_namen
        if v not in namen:
            raise ValueError(f"onbekend domein '{v}'; kies uit: {', '.join(namen)}")
        return v

    @model_validator(mode="after")
    def _bereik(self):
        if (self.bedrag_laag is None) != (self.bedrag_hoog is None):
            raise ValueError("vul bij een bereik zowel bedrag_laag als bedrag_hoog in")
        if self.bedrag_laag is not None and self.bedrag_hoog is not None:
            if self.bedrag_laag > self.bedrag_hoog:
                raise ValueError("bedrag_laag is groter dan bedrag_hoog")
            midden = (self.bedrag_laag + self.bedrag_hoog) / 2
            if abs(midden - self.bedrag) > Decimal("0.01"):
                raise ValueError(f"bij een bereik is het bedrag het midden ({midden}), niet {self.bedrag}")
        return self


@dataclass(frozen=True)
class Prijs:
    """One price, as the calculators use it."""

    id: str
    item: str
    omschrijving: str
    eenheid: str
    bedrag: Decimal
    jaar: int
    geldstroom: str
    domein: str
    bron_titel: str
    bron_url: str
    betrouwbaarheid: str
    betrouwbaarheid_reden: str
    opmerking: str = ""
    bedrag_laag: Decimal | None = None
    bedrag_hoog: Decimal | None = None
    lokaal: bool = False

    def als_dict(self) -> dict:
        """JSON-friendly dict (amounts as floats in euros)."""
        d = asdict(self)
        for k in ("bedrag", "bedrag_laag", "bedrag_hoog"):
            d[k] = None if d[k] is None else float(d[k])
        return d


def laad_prijzen(pad: Path | str | None = None) -> list[Prijs]:
    """Load and validate data/prijzen.csv (or another file in the same format).

    Raises :class:`DoorbraakFout` naming file, row and column of every problem; a file
    with any error is rejected whole.
    """
    if pad is None:
        return list(_standaard())
    return _laad(Path(pad))


@lru_cache(maxsize=1)
def _standaard() -> tuple[Prijs, ...]:
    return tuple(_laad(PRIJZEN_CSV))


def _laad(pad: Path) -> list[Prijs]:
    rijen, meldingen = lees_csv_rijen(pad, PrijsRij, KOLOMMEN)
    prijzen = [
        Prijs(
            id=rij.id, item=rij.item, omschrijving=rij.omschrijving, eenheid=rij.eenheid,
            bedrag=rij.bedrag, jaar=rij.jaar, geldstroom=rij.geldstroom, domein=rij.domein,
            bron_titel=rij.bron_titel, bron_url=str(rij.bron_url),
            betrouwbaarheid=rij.betrouwbaarheid, betrouwbaarheid_reden=rij.betrouwbaarheid_reden,
            opmerking=rij.opmerking, bedrag_laag=rij.bedrag_laag, bedrag_hoog=rij.bedrag_hoog,
        )
        for _, rij in rijen
    ]
    meldingen += _dubbelen(prijzen, pad.name)
    if meldingen:
        raise DoorbraakFout(f"Het bestand {pad.name} bevat fouten; er is niets geladen.", meldingen)
    return prijzen


def _dubbelen(prijzen: Iterable[Prijs], bestand: str) -> list[Melding]:
    meldingen, ids, sleutels = [], {}, {}
    for nr, p in enumerate(prijzen, start=2):
        if p.id in ids:
            meldingen.append(Melding(f"het id '{p.id}' staat er al in rij {ids[p.id]}", bestand, nr, "id"))
        ids.setdefault(p.id, nr)
        sleutel = (p.item.lower(), p.eenheid, p.bedrag, p.jaar, p.bron_url)
        if sleutel in sleutels:
            meldingen.append(Melding(f"deze prijs staat er dubbel in (ook rij {sleutels[sleutel]})", bestand, nr))
        sleutels.setdefault(sleutel, nr)
    return meldingen


def prijs_per_id(prijzen: Iterable[Prijs]) -> dict[str, Prijs]:
    """Index prices by id."""
    return {p.id: p for p in prijzen}


# --- search ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Treffer:
    prijs: Prijs
    score: float


MAX_ZOEKTEKST = 200
DREMPEL = 70.0


def zoek_prijzen(
    vraag: str,
    prijzen: list[Prijs] | None = None,
    *,
    geldstroom: str | None = None,
    domein: str | None = None,
    top: int = 10,
) -> list[Treffer]:
    """Find prices for a few words, forgiving typos and Dutch compounds.

    Each query word is compared with every word of a price's name and description
    (:class:`calculators.kern.fuzzyindex.FuzzyIndex`): a typo ("huisuitzeting") or a part of a
    compound ("uitzetting" in "huisuitzetting") still matches. An empty query lists
    everything (after the filters) in file order.
    """
    if prijzen is None:
        prijzen = laad_prijzen()
    kandidaten = [
        p for p in prijzen
        if (not geldstroom or p.geldstroom == geldstroom) and (not domein or p.domein == domein)
    ]
    top = max(1, int(top))
    if not normaliseer(vraag or ""):
        return [Treffer(p, 0.0) for p in kandidaten[:top]]
    index = _zoekindex(tuple(kandidaten))
    vraag = vraag[:MAX_ZOEKTEKST]
    varianten = synoniem_varianten(vraag, _synoniemen())
    return [Treffer(kandidaten[i], s) for i, s in index.zoek(vraag, top=top, drempel=DREMPEL, varianten=varianten)]


@lru_cache(maxsize=1)
def _synoniemen() -> list[tuple[str, ...]]:
    """The curated synonym list (data/synoniemen.yaml), shared with the law search."""
    from calculators.kern.synoniemen import laad_synoniemen

    return [g.termen for g in laad_synoniemen()]


@lru_cache(maxsize=32)
def _zoekindex(prijzen: tuple[Prijs, ...]) -> FuzzyIndex:
    return FuzzyIndex(
        namen=[p.item for p in prijzen],
        teksten=[f"{p.omschrijving} {p.domein} {p.geldstroom}" for p in prijzen],
    )


# --- basket ---------------------------------------------------------------------------

@dataclass(frozen=True)
class MandRegel:
    prijs: Prijs
    aantal: Decimal

    @property
    def subtotaal(self) -> Decimal:
        return self.prijs.bedrag * self.aantal


def mand_totalen(regels: Iterable[MandRegel]) -> dict[str, Decimal]:
    """Total per geldstroom of a basket (unrounded Decimals), in first-seen order."""
    totalen: dict[str, Decimal] = {}
    for r in regels:
        if r.aantal < 0:
            raise DoorbraakFout(f"Het aantal bij '{r.prijs.item}' is negatief. Vul 0 of meer in.")
        totalen[r.prijs.geldstroom] = totalen.get(r.prijs.geldstroom, Decimal(0)) + r.subtotaal
    return totalen


def mand_als_csv(regels: Iterable[MandRegel]) -> str:
    """The basket as CSV text (semicolon separated with decimal comma, as Dutch Excel opens it)."""
    from calculators.kern.opmaak import getal
    from calculators.kern.veilig import neutraliseer

    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";")
    w.writerow(["item", "eenheid", "bedrag", "aantal", "subtotaal", "jaar", "geldstroom", "bron", "bron_url"])
    for r in regels:
        p = r.prijs
        # names and sources from an uploaded file may start with = + - @: never a formula in Excel
        w.writerow([neutraliseer(p.item), neutraliseer(p.eenheid), getal(p.bedrag), getal(r.aantal),
                    getal(r.subtotaal), p.jaar, neutraliseer(p.geldstroom), neutraliseer(p.bron_titel),
                    neutraliseer(p.bron_url)])
    return uit.getvalue()
