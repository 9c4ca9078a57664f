"""Formatting for Dutch readers, always through Babel (never by hand)."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from calculators.kern.fouten import DoorbraakFout

LOCALE = "nl_NL"
CENT = Decimal("0.01")


def rond_af(bedrag: Decimal) -> Decimal:
    """Round to whole cents, half up (the usual rule for money)."""
    return Decimal(bedrag).quantize(CENT, rounding=ROUND_HALF_UP)


def euro(bedrag: Decimal | float | int, *, centen: bool = True) -> str:
    """Format an amount as Dutch euros: ``€ 1.234,56`` (or ``€ 1.235`` without cents)."""
    waarde = rond_af(Decimal(str(bedrag)))
    if centen:
        tekst = format_currency(waarde, "EUR", locale=LOCALE)
    else:
        tekst = format_currency(waarde, "EUR", format="¤\u00a0#,##0", locale=LOCALE, currency_digits=False)
    # Babel uses a no-break space between symbol and amount; keep it (it prevents line breaks).
    return tekst


def getal(waarde: Decimal | float | int, decimalen: int = 2) -> str:
    """Format a plain number the Dutch way (``1.234,5``)."""
    patroon = "#,##0" + ("." + "#" * decimalen if decimalen else "")
    return format_decimal(Decimal(str(waarde)), format=patroon, locale=LOCALE)


def datum(d: _dt.date | str) -> str:
    """Format a date as ``1 juli 2026``."""
    if isinstance(d, str):
        d = _dt.date.fromisoformat(d)
    return format_date(d, format="long", locale=LOCALE)


#: Bounds for every number a user types or uploads (the same as the rendement model).
MAX_BEDRAG = Decimal("100000000")  # 100 miljoen euro
MAX_AANTAL = Decimal("1000000")  # 1 miljoen
MAX_CIJFERS = 20  # digits in one number, before and after the comma together

# What the tariff reader accepted from the start, now for every field: an optional minus,
# then digits with thousand dots and a decimal comma (1.234,56 / 1234,56 / 1.234), or a
# decimal point without thousand dots (1234.56). "1.000" and "1.234" are thousands (Dutch),
# "1.5" and "1234.5" have a decimal point. Refused: 1,234.56, 1.2.3, 1,234.5 (two kinds of
# separator in the wrong order), 1e6, NaN, Infinity, and numbers with more than 20 digits.
_GETAL = re.compile(r"-?(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)(?:,[0-9]+)?|-?[0-9]+\.[0-9]+")
_DUIZENDTAL = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{3})+")


class GetalFout(DoorbraakFout):
    """A number that cannot be read. ``reden`` is the short Dutch reason after the value:
    "is geen bedrag; gebruik cijfers, bijvoorbeeld 1.250,00"."""

    def __init__(self, tekst: str, reden: str):
        super().__init__(tekst)
        self.reden = reden


def _voorbeeld(soort: str) -> str:
    return "1.250,00" if soort == "bedrag" else "2 of 1,5"


def ontleed_getal(waarde: str | int | float | Decimal, *, maximum: Decimal, soort: str = "getal") -> Decimal:
    """The strict Dutch number parser. Raises ``ValueError(reden)``; see :func:`lees_getal`."""
    if isinstance(waarde, bool):
        raise ValueError(f"is geen {soort}")
    if isinstance(waarde, (int, float, Decimal)):
        try:
            d = waarde if isinstance(waarde, Decimal) else Decimal(str(waarde))
        except (InvalidOperation, ValueError):
            raise ValueError(f"is geen {soort}") from None
        if not d.is_finite():
            raise ValueError(f"is geen gewoon {soort}; gebruik cijfers, bijvoorbeeld {_voorbeeld(soort)}")
    else:
        schoon = str(waarde or "")
        if soort == "bedrag":
            schoon = re.sub(r"€|EUR", "", schoon, flags=re.I)
        schoon = re.sub(r"[\s\u00a0\u202f]", "", schoon)
        if not schoon:
            raise ValueError(f"is leeg; vul een {soort} in, bijvoorbeeld {_voorbeeld(soort)}")
        if len(schoon) > 60 or not _GETAL.fullmatch(schoon):
            if re.fullmatch(r"[-+0-9.,]*[0-9][eE][-+]?[0-9]+", schoon):
                raise ValueError("is een getal met een e-macht; schrijf het getal voluit, bijvoorbeeld 1000000")
            if re.fullmatch(r"[-+0-9.,]+", schoon) and re.search(r"[0-9]", schoon):
                raise ValueError(
                    "is niet duidelijk; schrijf een komma voor de centen en punten tussen "
                    "de duizendtallen, bijvoorbeeld 1.234,56"
                )
            raise ValueError(f"is geen {soort}; gebruik cijfers, bijvoorbeeld {_voorbeeld(soort)}")
        if "," in schoon or _DUIZENDTAL.fullmatch(schoon):
            schoon = schoon.replace(".", "").replace(",", ".")
        d = Decimal(schoon)
    if abs(d) > maximum:
        grens = euro(maximum, centen=False) if soort == "bedrag" else getal(maximum, 0)
        raise ValueError(f"is te groot; het mag hoogstens {grens} zijn")
    teken = d.as_tuple()
    if len(teken.digits) > MAX_CIJFERS or (isinstance(teken.exponent, int) and teken.exponent < -MAX_CIJFERS):
        raise ValueError(f"heeft te veel cijfers (meer dan {MAX_CIJFERS})")
    return d


def lees_getal(
    tekst: str | int | float | Decimal, veld: str = "getal", *, maximum: Decimal = MAX_AANTAL, soort: str = "getal"
) -> Decimal:
    """Read a number typed or uploaded by a Dutch user, strictly (see the rules at ``_GETAL``).

    Bounded: the absolute value is at most ``maximum`` (default 1 miljoen). Raises
    :class:`GetalFout` (a :class:`DoorbraakFout`) with a Dutch message naming the field.
    """
    try:
        return ontleed_getal(tekst, maximum=maximum, soort=soort)
    except ValueError as e:
        reden = str(e)
        kort = str(tekst if tekst is not None else "").strip()[:40]
        if reden.startswith("is leeg"):
            raise GetalFout(
                f"Het veld '{veld}' is leeg. Vul een {soort} in, bijvoorbeeld {_voorbeeld(soort)}.", reden
            ) from None
        raise GetalFout(f"In het veld '{veld}' staat '{kort}'. Dat {reden}.", reden) from None


def lees_bedrag(tekst: str | int | float | Decimal, veld: str = "bedrag", *, maximum: Decimal = MAX_BEDRAG) -> Decimal:
    """Read an amount typed by a Dutch user: ``1.234,56``, ``€ 12,50``, ``1234.5``.

    The same strict rules as :func:`lees_getal`; at most 100 miljoen. Raises
    :class:`GetalFout` with a Dutch message when the text is not an amount.
    """
    return lees_getal(tekst, veld, maximum=maximum, soort="bedrag")
