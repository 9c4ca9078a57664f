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

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.fuzzyindex import FuzzyIndex, normaliseer, synoniem_varianten
from calculators.kern.paden import DATA
from calculators.kern.schema import lees_csv_rijen
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.prijzen.eenheden import EENHEDEN

PRIJZEN_CSV = DATA / "prijzen.csv"
KOLOMMEN = [
    "id",
    "item",
    "omschrijving",
    "eenheid",
    "bedrag",
    "bedrag_laag",
    "bedrag_hoog",
    "jaar",
    "geldstroom",
    "domein",
    "bron_titel",
    "bron_url",
    "betrouwbaarheid",
    "betrouwbaarheid_reden",
    "opmerking",
]
# The units of the price list live in one place: calculators/prijzen/eenheden.py.
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
            id=rij.id,
            item=rij.item,
            omschrijving=rij.omschrijving,
            eenheid=rij.eenheid,
            bedrag=rij.bedrag,
            jaar=rij.jaar,
            geldstroom=rij.geldstroom,
            domein=rij.domein,
            bron_titel=rij.bron_titel,
            bron_url=str(rij.bron_url),
            betrouwbaarheid=rij.betrouwbaarheid,
            betrouwbaarheid_reden=rij.betrouwbaarheid_reden,
            opmerking=rij.opmerking,
            bedrag_laag=rij.bedrag_laag,
            bedrag_hoog=rij.bedrag_hoog,
        )
        for _, rij in rijen
    ]
    meldingen += _dubbelen(prijzen, pad.name)
    if meldingen:
        raise DoorbraakFout(f"Het bestand {pad.name} bevat fouten; er is niets geladen.", meldingen)
    return prijzen


def _dubbelen(prijzen: Iterable[Prijs], bestand: str) -> list[Melding]:
    meldingen: list[Melding] = []
    ids: dict[str, int] = {}
    sleutels: dict[tuple[str, str, Decimal, int, str], int] = {}
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
    """One price in a result list.

    ``omgerekend``: the amount in the unit the user asked for (``gevraagde_eenheid``), when
    the price has another unit and a safe conversion exists (see
    :mod:`calculators.prijzen.eenheden`); None otherwise. Never rounded here.
    """

    prijs: Prijs
    score: float
    omgerekend: Decimal | None = None
    gevraagde_eenheid: str | None = None

    def als_dict(self) -> dict:
        d = {**self.prijs.als_dict(), "score": self.score}
        d["omgerekend"] = (
            {"eenheid": self.gevraagde_eenheid, "bedrag": float(self.omgerekend), "van_eenheid": self.prijs.eenheid}
            if self.omgerekend is not None
            else None
        )
        return d


@dataclass
class PrijsUitkomst:
    """Results (best first), the unit the query asked for and, when nothing fits, suggestions."""

    treffers: list[Treffer]
    zoekwoorden: str  # the query without its unit words
    eenheid: str | None  # the unit asked for ("per jaar"), None when the query names none
    suggesties: list[Prijs]  # near items ("Bedoel je ...?") when nothing was found

    @property
    def niets_gevonden(self) -> bool:
        return not self.treffers


MAX_ZOEKTEKST = 200
DREMPEL = 70.0
#: Lower bar for "Bedoel je ...?" suggestions when nothing reaches DREMPEL.
SUGGESTIE_DREMPEL = 60.0
SUGGESTIE_DREMPEL_LAAG = 45.0
AANTAL_SUGGESTIES = 3
#: Bonus (on the 0-100 match score) for a price in the asked unit, or one that converts to it.
#: It only reorders prices that already match the words; it never makes a price match.
BONUS_ZELFDE_EENHEID = 4.0
BONUS_OMREKENBAAR = 2.0
#: Words that say nothing about which service is meant ("tarief", "kosten", function words).
_VULWOORDEN = frozenset(
    "de het een van voor en met bij in op of aan all wat hoeveel kost kosten tarief tarieven prijs prijzen "
    "bedrag bedragen per".split()
)


def _zonder_vulwoorden(tekst: str) -> str:
    woorden_ = [w for w in normaliseer(tekst).split() if w not in _VULWOORDEN]
    return " ".join(woorden_)


def zoek_prijzen(
    vraag: str,
    prijzen: list[Prijs] | None = None,
    *,
    geldstroom: str | None = None,
    domein: str | None = None,
    top: int = 10,
) -> list[Treffer]:
    """Find prices for a few words (see :func:`zoek_prijs_uitkomst`); only the hits."""
    return zoek_prijs_uitkomst(vraag, prijzen, geldstroom=geldstroom, domein=domein, top=top).treffers


def zoek_prijs_uitkomst(
    vraag: str,
    prijzen: list[Prijs] | None = None,
    *,
    geldstroom: str | None = None,
    domein: str | None = None,
    top: int = 10,
) -> PrijsUitkomst:
    """Find prices as professionals type them, forgiving typos, compounds and abbreviations.

    - Unit words ("per jaar", "p/j", "pj", "per uur", "dagdeel", ...) are read as the unit the
      user wants (:func:`calculators.prijzen.eenheden.lees_eenheid`), not as search words.
      A price in that unit ranks a little higher; a price in another calendar unit gets the
      converted amount (``Treffer.omgerekend``).
    - Each remaining word is compared with every word of a price's name and description
      (:class:`calculators.kern.fuzzyindex.FuzzyIndex`): typos and compound parts still match.
    - Everyday names and abbreviations (data/prijs-synoniemen.yaml)
      give other wordings of the query.
    - Nothing found: up to three near items as suggestions.

    An empty query lists everything (after the filters) in file order.
    """
    from calculators.prijzen.eenheden import kan_omrekenen, lees_eenheid, reken_om

    if prijzen is None:
        prijzen = laad_prijzen()
    kandidaten = [
        p for p in prijzen if (not geldstroom or p.geldstroom == geldstroom) and (not domein or p.domein == domein)
    ]
    top = max(1, int(top))
    vraag = str(vraag or "")[:MAX_ZOEKTEKST]
    gevraagd = lees_eenheid(vraag)
    eenheid = gevraagd.eenheid
    woorden_ = _zonder_vulwoorden(gevraagd.zoekwoorden)
    if not woorden_ and not eenheid and not normaliseer(vraag):
        return PrijsUitkomst([Treffer(p, 0.0) for p in kandidaten[:top]], "", None, [])
    if not woorden_:  # only a unit ("per jaar"), or only filler words: list the prices in that unit
        lijst = [p for p in kandidaten if eenheid is None or p.eenheid == eenheid]
        return PrijsUitkomst([Treffer(p, 0.0) for p in lijst[:top]], "", eenheid, [])
    index = _zoekindex(kandidaten)
    varianten = [_zonder_vulwoorden(v) for v in synoniem_varianten(woorden_, _synoniemen(), maximum=24)]
    varianten = [v for v in varianten if v]
    scores = index.beste_scores(woorden_, varianten)
    rang = scores
    if eenheid is not None:  # a small bonus for the asked unit (or one that converts to it)
        bonus = {
            e: BONUS_ZELFDE_EENHEID if e == eenheid else (BONUS_OMREKENBAAR if kan_omrekenen(e, eenheid) else 0.0)
            for e in {p.eenheid for p in kandidaten}
        }
        rang = scores + np.array([bonus[p.eenheid] for p in kandidaten], dtype=np.float32)
    treffers = []
    for i, score in FuzzyIndex.top(scores, top, DREMPEL, rang):
        p = kandidaten[i]
        omgerekend = reken_om(p.bedrag, p.eenheid, eenheid) if eenheid and p.eenheid != eenheid else None
        treffers.append(Treffer(p, score, omgerekend, eenheid if omgerekend is not None else None))
    suggesties: list[Prijs] = []
    if not treffers:
        # Near items: the best match of the whole query, else of its single words.
        beste: dict[int, float] = {}
        for drempel in (SUGGESTIE_DREMPEL, SUGGESTIE_DREMPEL_LAAG):
            for deel in [woorden_, *(x for x in woorden_.split() if len(x) >= 5 and x.isalpha())]:
                for i, sc in index.zoek(deel, top=AANTAL_SUGGESTIES, drempel=drempel):
                    beste[i] = max(beste.get(i, 0.0), sc)
            if beste:
                break
        volg = sorted(beste, key=lambda i: (-beste[i], i))[:AANTAL_SUGGESTIES]
        suggesties = [kandidaten[i] for i in volg]
    return PrijsUitkomst(treffers, gevraagd.zoekwoorden, eenheid, suggesties)


def aantal_prijzen(n: int) -> str:
    """ "1 prijs", "2 prijzen"."""
    return f"{n} prijs" if n == 1 else f"{n} prijzen"


@lru_cache(maxsize=1)
def _synoniemen() -> list[tuple[str, ...]]:
    """Synonym groups for prices (data/prijs-synoniemen.yaml). The law search's list
    (data/synoniemen.yaml) is broader ("voorziening", "begeleiding") and is not used here:
    for prices it pulled unrelated items up."""
    from calculators.prijzen.synoniemen import laad_prijs_synoniemen

    return [*laad_prijs_synoniemen()]


_INDEXEN: dict[tuple[int, ...], tuple[tuple[Prijs, ...], FuzzyIndex]] = {}


def _zoekindex(prijzen: list[Prijs]) -> FuzzyIndex:
    """The fuzzy index over these prices, built once per list of price objects.

    Keyed by object identity (hashing thousands of dataclasses per keystroke was the
    slowest part of a search); the cache keeps the objects alive, so an id is never reused.
    """
    sleutel = tuple(map(id, prijzen))
    bekend = _INDEXEN.get(sleutel)
    if bekend is None:
        if len(_INDEXEN) >= 32:
            _INDEXEN.clear()
        index = FuzzyIndex(
            namen=[p.item for p in prijzen],
            teksten=[f"{p.omschrijving} {p.domein} {p.geldstroom}" for p in prijzen],
        )
        bekend = _INDEXEN[sleutel] = (tuple(prijzen), index)
    return bekend[1]


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
        w.writerow(
            [
                neutraliseer(p.item),
                neutraliseer(p.eenheid),
                getal(p.bedrag),
                getal(r.aantal),
                getal(r.subtotaal),
                p.jaar,
                neutraliseer(p.geldstroom),
                neutraliseer(p.bron_titel),
                neutraliseer(p.bron_url),
            ]
        )
    return uit.getvalue()
