"""Formatting for Dutch readers, always through Babel (never by hand)."""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.dates import format_date
from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal

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


def lees_bedrag(tekst: str | int | float | Decimal, veld: str = "bedrag") -> Decimal:
    """Read an amount typed by a Dutch user: ``1.234,56``, ``€ 12,50``, ``1234.5``.

    Raises :class:`DoorbraakFout` with a Dutch message when the text is not a number.
    """
    if isinstance(tekst, Decimal):
        waarde = tekst
    elif isinstance(tekst, (int, float)) and not isinstance(tekst, bool):
        waarde = Decimal(str(tekst))
    else:
        schoon = str(tekst or "").replace("€", "").replace("EUR", "").replace("\u00a0", " ").strip()
        schoon = schoon.replace(" ", "")
        if not schoon:
            raise DoorbraakFout(f"Het veld '{veld}' is leeg. Vul een bedrag in, bijvoorbeeld 1.250,00.")
        try:
            if "," in schoon:
                waarde = parse_decimal(schoon, locale=LOCALE, strict=False)
            elif schoon.count(".") == 1 and len(schoon.split(".")[1]) != 3:
                waarde = Decimal(schoon)  # 1234.5 written with a decimal point
            else:
                waarde = parse_decimal(schoon, locale=LOCALE, strict=False)
        except (NumberFormatError, InvalidOperation, ValueError):
            raise DoorbraakFout(
                f"In het veld '{veld}' staat '{tekst}'. Dat is geen bedrag. "
                "Gebruik alleen cijfers, bijvoorbeeld 1.250,00."
            ) from None
    if not waarde.is_finite():
        raise DoorbraakFout(f"In het veld '{veld}' staat geen geldig bedrag.")
    return waarde
