"""Shared helpers for schema validation with pydantic, with Dutch messages."""

from __future__ import annotations

from pydantic import ValidationError

from calculators.kern.fouten import Melding

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
            rij = int(loc.pop(0)) + rij_offset
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


def lees_csv_rijen(pad, model, kolommen: list[str], voorbewerk=None):
    """Read a UTF-8 CSV file (BOM allowed) and validate every row with a pydantic ``model``.

    Checks the header against ``kolommen`` (missing and unknown columns) and returns
    ``(rijen, meldingen)``: the valid rows as ``(rijnummer, model)`` pairs — row 1 is the
    header — and a Dutch message for every invalid row and field. The caller decides what
    else to check and raises when there are messages, so that nothing is half-loaded.
    ``voorbewerk`` may adjust a raw row (a dict of strings) before validation.
    """
    import csv
    import io

    from pydantic import ValidationError

    from calculators.kern.bestanden import lees_tekst
    from calculators.kern.fouten import DoorbraakFout

    tekst = lees_tekst(pad, naam=f"Het bestand {pad.name}")
    lezer = csv.DictReader(io.StringIO(tekst, newline=""))
    kop = lezer.fieldnames or []
    ontbreekt = [k for k in kolommen if k not in kop]
    onbekend = [k for k in kop if k not in kolommen]
    if ontbreekt or onbekend:
        delen = []
        if ontbreekt:
            delen.append("deze kolommen ontbreken: " + ", ".join(ontbreekt))
        if onbekend:
            delen.append("deze kolommen zijn onbekend: " + ", ".join(onbekend))
        raise DoorbraakFout(f"De kolommen van {pad.name} kloppen niet: " + "; ".join(delen) + ".")
    rijen, meldingen = [], []
    for nr, ruw in enumerate(lezer, start=2):
        extra = ruw.pop(None, None)  # cells beyond the header (DictReader's restkey)
        if extra is not None:
            meldingen.append(
                Melding(
                    f"deze rij heeft {len(kop) + len(extra)} cellen, maar er zijn maar {len(kop)} kolommen; "
                    "staat er een komma te veel in (zet tekst met een komma tussen aanhalingstekens)?",
                    bestand=pad.name,
                    rij=nr,
                )
            )
            continue
        if voorbewerk is not None:
            ruw = voorbewerk(ruw)
        try:
            rijen.append((nr, model.model_validate(ruw)))
        except ValidationError as e:
            for m in pydantic_meldingen(e, pad.name):
                m.rij = nr
                meldingen.append(m)
    return rijen, meldingen
