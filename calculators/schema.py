"""Shared helpers for schema validation with pydantic, with Dutch messages."""

from __future__ import annotations

from pydantic import ValidationError

from calculators.fouten import Melding

_VERTALING = {
    "missing": "dit veld ontbreekt",
    "extra_forbidden": "dit veld is onbekend",
    "string_type": "hier hoort tekst",
    "int_parsing": "hier hoort een heel getal",
    "int_type": "hier hoort een heel getal",
    "decimal_parsing": "hier hoort een getal",
    "float_parsing": "hier hoort een getal",
    "list_type": "hier hoort een lijst",
    "dict_type": "hier hoort een groep velden",
    "date_from_datetime_parsing": "hier hoort een datum (jjjj-mm-dd)",
    "date_parsing": "hier hoort een datum (jjjj-mm-dd)",
    "date_type": "hier hoort een datum (jjjj-mm-dd)",
    "literal_error": "deze waarde is niet toegestaan",
    "enum": "deze waarde is niet toegestaan",
    "url_parsing": "hier hoort een webadres (https://...)",
    "url_scheme": "het webadres moet met http:// of https:// beginnen",
    "string_too_short": "dit veld is leeg",
    "too_short": "deze lijst is te kort",
    "greater_than_equal": "dit getal is te klein",
    "less_than_equal": "dit getal is te groot",
    "greater_than": "dit getal is te klein",
    "value_error": "de waarde klopt niet",
}


def pydantic_meldingen(fout: ValidationError, bestand: str, rij_offset: int | None = None) -> list[Melding]:
    """Turn a pydantic ValidationError into Dutch messages naming file, row and field.

    ``rij_offset``: when the validated object is a list of rows, the first element of
    the location is the row index; the row number shown is ``index + rij_offset``.
    """
    meldingen = []
    for e in fout.errors():
        loc = list(e.get("loc", ()))
        rij = None
        if rij_offset is not None and loc and isinstance(loc[0], int):
            rij = loc.pop(0) + rij_offset
        kolom = ".".join(str(x) for x in loc) or None
        uitleg = _VERTALING.get(e.get("type", ""), None)
        if e.get("type") == "value_error":
            ctx = e.get("ctx", {}) or {}
            uitleg = str(ctx.get("error", e.get("msg", "de waarde klopt niet")))
        if uitleg is None:
            uitleg = "de waarde klopt niet"
        waarde = e.get("input")
        if isinstance(waarde, (str, int, float)) and e.get("type") != "missing":
            uitleg += f" (nu: '{str(waarde)[:60]}')"
        meldingen.append(Melding(uitleg, bestand=bestand, rij=rij, kolom=kolom))
    return meldingen
