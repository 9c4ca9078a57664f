"""Price level: convert an amount from one year's prices to another's with the CBS CPI.

``data/cpi.csv`` holds one consumer price index figure per year (CBS, 1900 = 100;
the years after the last published CBS figure are chained with the official CBS
inflation rate and marked ``afgeleid``). Only ratios are used, so the base year does
not matter: ``bedrag × cpi[naar_jaar] / cpi[van_jaar]``.

Public API:

- :func:`laad_cpi` — the validated series (``{jaar: CpiRij}``).
- :func:`indexeer` — one amount from ``van_jaar`` to ``naar_jaar`` (cents, half up).
- :func:`op_prijspeil` — a :class:`~calculators.prijzen.prijslijst.Prijs` at a chosen price level,
  with original and indexed amounts side by side (for the CLI and the widget).
- :func:`jaren` — first and last year of the series.
- :func:`peil_tekst` — one Dutch line for a reader: the amount in prices of another year.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.opmaak import euro, rond_af
from calculators.kern.paden import DATA
from calculators.kern.schema import lees_csv_rijen
from calculators.prijzen.prijslijst import Prijs

CPI_CSV = DATA / "cpi.csv"
KOLOMMEN = ["jaar", "cpi", "jaarmutatie", "afgeleid", "bron_titel", "bron_url", "opmerking"]


class CpiRij(BaseModel):
    """Schema of one row of data/cpi.csv."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    jaar: int = Field(ge=1900, le=2100)
    cpi: Decimal = Field(gt=0)
    jaarmutatie: Decimal | None = None
    afgeleid: Literal["ja", "nee"]
    bron_titel: str = Field(min_length=1)
    bron_url: HttpUrl
    opmerking: str = ""


def laad_cpi(pad: Path | str | None = None) -> dict[int, CpiRij]:
    """Load and validate the CPI series; raises :class:`DoorbraakFout` naming row and column.

    The years must be unique and without gaps, so that every year in between can be used.
    """
    if pad is None:
        return dict(_standaard())
    return _laad(Path(pad))


@lru_cache(maxsize=1)
def _standaard() -> tuple[tuple[int, CpiRij], ...]:
    return tuple(_laad(CPI_CSV).items())


def _laad(pad: Path) -> dict[int, CpiRij]:
    rijen, meldingen = lees_csv_rijen(
        pad,
        CpiRij,
        KOLOMMEN,
        voorbewerk=lambda ruw: {k: (None if k == "jaarmutatie" and v == "" else v) for k, v in ruw.items()},
    )
    reeks: dict[int, CpiRij] = {}
    for nr, rij in rijen:
        if rij.jaar in reeks:
            meldingen.append(Melding(f"het jaar {rij.jaar} staat er twee keer in", pad.name, nr, "jaar"))
            continue
        reeks[rij.jaar] = rij
    if reeks and not meldingen:
        ontbreekt = [j for j in range(min(reeks), max(reeks) + 1) if j not in reeks]
        if ontbreekt:
            meldingen.append(
                Melding("deze jaren ontbreken in de reeks: " + ", ".join(map(str, ontbreekt)), pad.name, None, "jaar")
            )
    if not reeks and not meldingen:
        meldingen.append(Melding("er staan geen jaren in", pad.name))
    if meldingen:
        raise DoorbraakFout(f"Het bestand {pad.name} bevat fouten; er is niets geladen.", meldingen)
    return dict(sorted(reeks.items()))


def jaren(reeks: dict[int, CpiRij] | None = None) -> tuple[int, int]:
    """First and last year for which an index figure exists."""
    reeks = laad_cpi() if reeks is None else reeks
    return min(reeks), max(reeks)


def _jaar_geldig(jaar: int, reeks: dict[int, CpiRij], wat: str) -> None:
    if jaar not in reeks:
        eerste, laatste = min(reeks), max(reeks)
        raise DoorbraakFout(f"Voor {wat} {jaar} is geen prijsindex. Kies een jaar van {eerste} tot en met {laatste}.")


def factor(van_jaar: int, naar_jaar: int, reeks: dict[int, CpiRij] | None = None) -> Decimal:
    """The unrounded ratio cpi[naar_jaar] / cpi[van_jaar]."""
    reeks = laad_cpi() if reeks is None else reeks
    _jaar_geldig(int(van_jaar), reeks, "prijspeil")
    _jaar_geldig(int(naar_jaar), reeks, "het jaar")
    return reeks[int(naar_jaar)].cpi / reeks[int(van_jaar)].cpi


def indexeer(
    bedrag: Decimal | int | str,
    van_jaar: int,
    naar_jaar: int,
    reeks: dict[int, CpiRij] | None = None,
) -> Decimal:
    """An amount at the prices of ``van_jaar``, expressed in prices of ``naar_jaar``.

    Rounded to whole cents (half up). Raises :class:`DoorbraakFout` when a year is
    outside the series.
    """
    return rond_af(Decimal(str(bedrag)) * factor(van_jaar, naar_jaar, reeks))


@dataclass(frozen=True)
class PrijsOpPeil:
    """A price with its original amount and the amount at another price level."""

    prijs: Prijs
    naar_jaar: int
    bedrag: Decimal
    bedrag_laag: Decimal | None
    bedrag_hoog: Decimal | None

    @property
    def origineel(self) -> Decimal:
        return self.prijs.bedrag

    def als_dict(self) -> dict:
        """JSON-friendly: the price itself plus ``prijspeil`` and the indexed amounts."""
        return {
            **self.prijs.als_dict(),
            "prijspeil": self.naar_jaar,
            "bedrag_geindexeerd": float(self.bedrag),
            "bedrag_laag_geindexeerd": None if self.bedrag_laag is None else float(self.bedrag_laag),
            "bedrag_hoog_geindexeerd": None if self.bedrag_hoog is None else float(self.bedrag_hoog),
        }


def op_prijspeil(prijs: Prijs, naar_jaar: int, reeks: dict[int, CpiRij] | None = None) -> PrijsOpPeil:
    """``prijs`` at the price level of ``naar_jaar`` (raises DoorbraakFout outside the series)."""
    reeks = laad_cpi() if reeks is None else reeks
    f = factor(prijs.jaar, naar_jaar, reeks)
    om = lambda b: None if b is None else rond_af(b * f)  # noqa: E731
    return PrijsOpPeil(prijs, int(naar_jaar), rond_af(prijs.bedrag * f), om(prijs.bedrag_laag), om(prijs.bedrag_hoog))


def probeer_op_prijspeil(prijs: Prijs, naar_jaar: int, reeks: dict[int, CpiRij] | None = None) -> PrijsOpPeil | None:
    """Like :func:`op_prijspeil`, but ``None`` when the price's year is outside the series.

    Use this when showing many prices: one price from a year without an index figure
    should not hide the others.
    """
    try:
        return op_prijspeil(prijs, naar_jaar, reeks)
    except DoorbraakFout:
        return None


def peil_tekst(prijs: Prijs, naar_jaar: int, reeks: dict[int, CpiRij] | None = None) -> str:
    """A short Dutch line for the reader, e.g. ``in prijzen van 2025: € 10.157,51 eenmalig``.

    When the price's year has no index figure the line says so instead of failing; when
    the price is already at that level it says that.
    """
    if prijs.jaar == int(naar_jaar):
        return f"al in prijzen van {int(naar_jaar)}"
    op = probeer_op_prijspeil(prijs, naar_jaar, reeks)
    if op is None:
        return f"in prijzen van {int(naar_jaar)}: niet om te rekenen, want voor {prijs.jaar} is geen prijsindex"
    tekst = f"in prijzen van {op.naar_jaar}: {euro(op.bedrag)} {prijs.eenheid}"
    if op.bedrag_laag is not None and op.bedrag_hoog is not None:
        tekst += f" (van {euro(op.bedrag_laag)} tot {euro(op.bedrag_hoog)})"
    return tekst
