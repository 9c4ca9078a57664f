"""Units of a price: reading the unit a user asks for, and converting between units.

Pure functions, ``Decimal`` only; other calculators (for example the plan) may import them.

- :data:`PER_JAAR` is the one table of conversion factors: how many times a unit fits in a
  year. Only calendar periods are in it. Units that depend on how much care someone uses
  (per uur, per dagdeel, per nacht, per consult) or that are not a period (per traject,
  per stuk, eenmalig) are never converted.
- :func:`lees_eenheid` finds the unit in a search query ("per jaar", "p/j", "pj", "per uur",
  "dagdeel", ...) and returns the query without it, so unit words are a preference, not
  search words.
- :func:`reken_om` converts an amount from one unit to another, or returns None when that
  is not safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

#: How many times a unit fits in one year (calendar periods only). A week is 52 per year,
#: a day or etmaal 365: the same factors the CBS and most tariff lists use for a rough year
#: amount. Every conversion is shown as "omgerekend", never as the source amount.
PER_JAAR: dict[str, Decimal] = {
    "per jaar": Decimal(1),
    "per maand": Decimal(12),
    "per week": Decimal(52),
    "per dag": Decimal(365),
    "per etmaal": Decimal(365),
}

#: All units the price list knows (data/prijzen.csv, column eenheid), in a fixed order.
EENHEDEN = (
    "eenmalig",
    "per uur",
    "per dagdeel",
    "per dag",
    "per etmaal",
    "per nacht",
    "per week",
    "per maand",
    "per jaar",
    "per consult",
    "per traject",
    "per stuk",
)

# Words after "per" (or a slash) and the unit they mean.
_NA_PER = {
    "jaar": "per jaar",
    "jr": "per jaar",
    "j": "per jaar",
    "maand": "per maand",
    "mnd": "per maand",
    "m": "per maand",
    "week": "per week",
    "wk": "per week",
    "w": "per week",
    "dag": "per dag",
    "d": "per dag",
    "etmaal": "per etmaal",
    "dagdeel": "per dagdeel",
    "uur": "per uur",
    "u": "per uur",
    "nacht": "per nacht",
    "traject": "per traject",
    "keer": "eenmalig",
    "consult": "per consult",
    "stuk": "per stuk",
}
# Unit words that mean a unit on their own (whole words only).
_LOS = {
    "pj": "per jaar",
    "pm": "per maand",
    "pu": "per uur",  # not "pw": that is the Participatiewet
    "jaarlijks": "per jaar",
    "maandelijks": "per maand",
    "wekelijks": "per week",
    "dagelijks": "per dag",
    "eenmalig": "eenmalig",
    "eenmalige": "eenmalig",
    "dagdeel": "per dagdeel",
    "dagdelen": "per dagdeel",
    "etmaal": "per etmaal",
    "etmalen": "per etmaal",
    "uurtarief": "per uur",
    "dagtarief": "per dag",
    "weektarief": "per week",
    "maandtarief": "per maand",
    "jaartarief": "per jaar",
    "jaarbedrag": "per jaar",
    "maandbedrag": "per maand",
    "trajectprijs": "per traject",
}
_PER = re.compile(r"(?<![\w])(?:per|p/|/)\s*(" + "|".join(sorted(_NA_PER, key=len, reverse=True)) + r")(?![\w])", re.I)
_LOS_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted(_LOS, key=len, reverse=True)) + r")(?![\w-])", re.I)


@dataclass(frozen=True)
class Eenheidvraag:
    """A query split into its search words and the unit it asks for (None: no unit)."""

    zoekwoorden: str
    eenheid: str | None


def lees_eenheid(vraag: str) -> Eenheidvraag:
    """Take the unit out of a query: 'pleegzorg per jaar' -> ('pleegzorg', 'per jaar').

    The last unit mentioned wins. A bare number with "jaar" ("9 t/m 11 jaar") is an age,
    not a unit, and stays in the query.
    """
    tekst = str(vraag or "")
    eenheid = None
    for m in _PER.finditer(tekst):
        eenheid = _NA_PER[m.group(1).lower()]
    for m in _LOS_RE.finditer(tekst):
        eenheid = _LOS[m.group(1).lower()]
    rest = _LOS_RE.sub(" ", _PER.sub(" ", tekst))
    return Eenheidvraag(" ".join(rest.split()), eenheid)


def kan_omrekenen(van: str, naar: str) -> bool:
    """True when an amount in unit ``van`` can safely be shown in unit ``naar``."""
    return van in PER_JAAR and naar in PER_JAAR


def reken_om(bedrag: Decimal, van: str, naar: str) -> Decimal | None:
    """The amount in another unit (unrounded Decimal), or None when not safe to convert.

    >>> reken_om(Decimal("133.10"), "per maand", "per jaar")
    Decimal('1597.20')
    """
    if van == naar:
        return bedrag
    if not kan_omrekenen(van, naar):
        return None
    return bedrag * PER_JAAR[van] / PER_JAAR[naar]
