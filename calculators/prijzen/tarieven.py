"""Local tariffs: a municipality's own price list that overrides or extends the national one.

Users load the files they actually have:

- CSV saved by Dutch Excel: semicolon (or comma, or tab) separated, decimal comma,
  thousand dots, ``€`` signs, with or without BOM, UTF-8 or Windows-1252;
- ``.xlsx`` workbooks (the first sheet, or a sheet named "tarieven").

Columns (names may vary in case, spacing and accents): ``id`` (optional: the id of the
national price this row replaces; empty = a new local item), ``item``, ``eenheid``,
``bedrag``, ``jaar``, ``geldstroom``, ``bron`` (optional), ``domein`` (optional),
``omschrijving`` (optional). Other columns are ignored.

A file with any error is rejected whole: :func:`lees_tarieven` raises
:class:`~calculators.kern.fouten.DoorbraakFout` listing every problem with its row (as Excel
numbers it: the header is row 1) and column. Nothing is half-loaded.

:func:`combineer` merges the national list with the local one.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from calculators.kern.bestanden import lees_bytes
from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.opmaak import MAX_BEDRAG, ontleed_getal
from calculators.kern.tekst import plat
from calculators.kern.veilig import is_formule
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.prijzen.prijslijst import EENHEDEN, Prijs, laad_prijzen, prijs_per_id

MAX_BYTES = 5_000_000
MAX_RIJEN = 5_000
MAX_CEL = 1_000  # characters in one cell
# Zip bomb limits for .xlsx (checked in the zip directory before anything is unpacked).
XLSX_MAX_UITGEPAKT = 20_000_000  # bytes, all members together (5.000 rows need about 3 MB)
XLSX_MAX_LID = 15_000_000  # bytes, one member
XLSX_MAX_VERHOUDING = 100  # unpacked / packed, for members above 1 MB
XLSX_MAX_LEDEN = 200
XLSX_MAX_KOLOMMEN = 50
VERPLICHT = ["item", "eenheid", "bedrag", "jaar", "geldstroom"]
KOLOMNAMEN = {
    "id": {"id", "code", "landelijkid", "prijsid"},
    "item": {"item", "naam", "product", "voorziening"},
    "eenheid": {"eenheid", "per"},
    "bedrag": {"bedrag", "tarief", "prijs", "bedrageuro", "bedragineuro", "bedragineuros", "bedrageur"},
    "jaar": {"jaar", "prijspeil", "tariefjaar"},
    "geldstroom": {"geldstroom", "financier"},
    "bron": {"bron", "bronurl", "url", "link", "brontitel"},
    "domein": {"domein"},
    "omschrijving": {"omschrijving", "toelichting"},
}
GELDSTROOM_ALIAS = {"wgs": "Schuldhulpverlening", "pw": "Participatiewet", "zvw": "Zorgverzekeraar"}
BETROUWBAARHEID_LOKAAL = "redelijk"


def _plat(tekst: str) -> str:
    """Lower case, no accents, only letters and digits (for matching names)."""
    return plat(tekst, "")


def _slug(tekst: str) -> str:
    return plat(tekst, "-")[:60].strip("-") or "item"


def _kolom_voor(kop: str) -> str | None:
    plat = _plat(re.sub(r"\(.*?\)", "", str(kop or "")))  # "bedrag (€)" -> "bedrag"
    for kolom, namen in KOLOMNAMEN.items():
        if plat in namen:
            return kolom
    return None


# --- one row: a pydantic model with the Dutch messages users see ------------------------


def _fout(tekst: str) -> PydanticCustomError:
    return PydanticCustomError("tarief", tekst)


def _basis(info: ValidationInfo) -> Prijs | None:
    """The national price this row replaces (its id was valid), or None."""
    ident = info.data.get("id")
    return info.context["landelijk"].get(ident) if ident and info.context else None


class TariefRij(BaseModel):
    """One row of a local tariff file, validated with the national list and the vocabulary
    passed as context (``landelijk``: id -> Prijs, ``voc``: the vocabulary). Empty fields
    of a row that replaces a national price (``id``) are taken from that price."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)

    id: str = Field("", max_length=200)
    item: str = Field("", max_length=200)
    eenheid: str = ""
    bedrag: Decimal = Decimal(0)
    jaar: int = 0
    geldstroom: str = ""
    domein: str = ""
    bron: str = ""
    omschrijving: str = ""

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, waarde: Any, info: ValidationInfo) -> str:
        ident = _tekst(waarde)
        if ident and info.context and ident not in info.context["landelijk"]:
            raise _fout(
                f"het id '{ident[:60]}' staat niet in de landelijke prijslijst; laat id leeg voor een nieuw item"
            )
        return ident

    @field_validator("item", mode="before")
    @classmethod
    def _item(cls, waarde: Any, info: ValidationInfo) -> str:
        basis = _basis(info)
        item = _tekst(waarde) or (basis.item if basis else "")
        if not item:
            raise _fout("vul een naam in")
        if len(item) > 200:
            raise _fout("de naam is te lang (meer dan 200 tekens)")
        return item

    @field_validator("eenheid", mode="before")
    @classmethod
    def _eenheid(cls, waarde: Any, info: ValidationInfo) -> str:
        ruw, basis = _tekst(waarde), _basis(info)
        if not ruw and basis:
            return basis.eenheid
        if not ruw:
            raise _fout("vul een eenheid in, bijvoorbeeld 'per uur'")
        try:
            return _lees_eenheid(ruw)
        except ValueError:
            raise _fout(f"onbekende eenheid '{ruw[:40]}'; kies uit: {', '.join(EENHEDEN)}") from None

    @field_validator("bedrag", mode="before")
    @classmethod
    def _bedrag(cls, waarde: Any) -> Decimal:
        if not _tekst(waarde):
            raise _fout("vul een bedrag in, bijvoorbeeld 1.250,00")
        try:
            bedrag = _lees_bedrag(waarde)
        except ValueError as e:
            raise _fout(f"'{_tekst(waarde)[:40]}' {e}") from None
        if bedrag < 0:
            raise _fout("het bedrag is negatief; vul 0 of meer in")
        return bedrag

    @field_validator("jaar", mode="before")
    @classmethod
    def _jaar(cls, waarde: Any, info: ValidationInfo) -> int:
        if not _tekst(waarde):
            raise _fout("vul het jaar van je eigen tarief in" if _basis(info) else "vul een jaar in, bijvoorbeeld 2026")
        try:
            jaar = _lees_jaar(waarde)
        except ValueError:
            jaar = 0
        if not 1990 <= jaar <= 2100:
            raise _fout(f"'{_tekst(waarde)[:20]}' is geen jaar; gebruik vier cijfers, bijvoorbeeld 2026")
        return jaar

    @field_validator("geldstroom", mode="before")
    @classmethod
    def _geldstroom(cls, waarde: Any, info: ValidationInfo) -> str:
        ruw, basis = _tekst(waarde), _basis(info)
        if not ruw and basis:
            return basis.geldstroom
        if not ruw:
            raise _fout("vul een geldstroom in, bijvoorbeeld Wmo")
        namen = info.context["voc"].geldstroom_namen if info.context else []
        bekend = {_plat(n): n for n in namen} | GELDSTROOM_ALIAS
        if _plat(ruw) not in bekend:
            raise _fout(f"onbekende geldstroom '{ruw[:40]}'; kies uit: {', '.join(namen)}")
        return bekend[_plat(ruw)]

    @field_validator("domein", mode="before")
    @classmethod
    def _domein(cls, waarde: Any, info: ValidationInfo) -> str:
        ruw, basis = _tekst(waarde), _basis(info)
        if not ruw:
            return basis.domein if basis else ""
        namen = info.context["voc"].domein_namen if info.context else []
        bekend = {_plat(n): n for n in namen}
        if _plat(ruw) not in bekend:
            raise _fout(f"onbekend domein '{ruw[:40]}'; kies uit: {', '.join(namen)}")
        return bekend[_plat(ruw)]

    @field_validator("bron", "omschrijving", mode="before")
    @classmethod
    def _tekstveld(cls, waarde: Any) -> str:
        return _tekst(waarde)


# --- reading the raw table -------------------------------------------------------------


def _decodeer(data: bytes, bestand: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _scheiding(tekst: str) -> str:
    """Pick the separator that makes the most known column names in the first line."""
    eerste = next((r for r in tekst.splitlines() if r.strip()), "")
    beste, score = ";", -1
    for teken in (";", ",", "\t"):
        try:
            cellen = next(csv.reader([eerste], delimiter=teken))
        except (csv.Error, StopIteration):
            continue
        s = sum(1 for c in cellen if _kolom_voor(c))
        if s > score:
            beste, score = teken, s
    return beste


def _csv_rijen(data: bytes, bestand: str) -> list[list]:
    try:
        tekst = _decodeer(data, bestand)
    except UnicodeDecodeError:
        raise DoorbraakFout(f"Het bestand {bestand} kan niet gelezen worden: de tekens kloppen niet.") from None
    if "\x00" in tekst:
        raise DoorbraakFout(f"Het bestand {bestand} is geen tekstbestand. Sla het op als CSV of .xlsx.")
    try:
        return list(csv.reader(io.StringIO(tekst, newline=""), delimiter=_scheiding(tekst)))
    except csv.Error as e:
        raise DoorbraakFout(f"Het bestand {bestand} is geen geldig CSV-bestand ({e}).") from None


def _controleer_zip(data: bytes, bestand: str) -> None:
    """Refuse a zip bomb before openpyxl unpacks anything: the zip directory tells the
    unpacked size of every member; check the total, each member, the ratio and the count."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            leden = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DoorbraakFout(f"Het bestand {bestand} is geen geldig Excel-bestand (.xlsx).") from None
    te_groot = DoorbraakFout(
        f"Het bestand {bestand} wordt uitgepakt te groot (meer dan {XLSX_MAX_UITGEPAKT // 1_000_000} MB). "
        "Een lijst met tarieven is veel kleiner. Bewaar alleen het blad met tarieven, of sla het op als CSV."
    )
    if len(leden) > XLSX_MAX_LEDEN:
        raise te_groot
    totaal = 0
    for lid in leden:
        totaal += lid.file_size
        if lid.file_size > XLSX_MAX_LID or totaal > XLSX_MAX_UITGEPAKT:
            raise te_groot
        if lid.file_size > 1_000_000 and lid.file_size > XLSX_MAX_VERHOUDING * max(lid.compress_size, 1):
            raise te_groot


def _xlsx_rijen(data: bytes, bestand: str) -> list[list]:
    from openpyxl import load_workbook

    _controleer_zip(data, bestand)
    try:
        boek = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # any broken part of the zip or its XML (ParseError, XMLSyntaxError, ...)
        raise DoorbraakFout(f"Het bestand {bestand} is geen geldig Excel-bestand (.xlsx).") from None
    try:
        blad = next((b for b in boek.worksheets if _plat(b.title) == "tarieven"), boek.worksheets[0])
        rijen = []
        for rij in blad.iter_rows(values_only=True, max_col=XLSX_MAX_KOLOMMEN):
            rijen.append(list(rij))
            if len(rijen) > MAX_RIJEN + 20:  # a title above the header is allowed
                break
        if any(c is None for r in rijen for c in r) and _formules_zonder_waarde(data, blad.title, rijen):
            raise DoorbraakFout(
                f"Het bestand {bestand} bevat formules zonder uitkomst. Excel bewaart de uitkomst pas als je "
                "het bestand in Excel opent en opslaat. Open het in Excel, sla het op en probeer het opnieuw. "
                "Of sla het op als CSV."
            )
        return rijen
    except DoorbraakFout:
        raise
    except Exception:  # a sheet whose XML breaks halfway: never a traceback
        raise DoorbraakFout(f"Het bestand {bestand} is geen geldig Excel-bestand (.xlsx).") from None
    finally:
        boek.close()


def _formules_zonder_waarde(data: bytes, titel: str, waarden: list[list]) -> bool:
    """True when a cell holds a formula but no stored result: ``data_only`` reads it as
    empty (a file written by a program and never opened in Excel)."""
    from openpyxl import load_workbook

    boek = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        formules = boek[titel].iter_rows(values_only=True, max_col=XLSX_MAX_KOLOMMEN)
        for rij, uitkomsten in zip(formules, waarden, strict=False):
            for cel, uitkomst in zip(rij, uitkomsten, strict=False):
                if uitkomst is None and isinstance(cel, str) and cel.startswith("="):
                    return True
        return False
    finally:
        boek.close()


def _rijen(bron: Path | str | bytes, bestandsnaam: str | None) -> tuple[list[list], str]:
    if isinstance(bron, (bytes, bytearray, memoryview)):
        data = bytes(bron)
        bestand = bestandsnaam or "tarieven.csv"
    else:
        pad = Path(bron)
        bestand = bestandsnaam or pad.name or str(bron)
        data = lees_bytes(bron, limiet=MAX_BYTES, naam=f"Het bestand {bestandsnaam or bron}")
    if len(data) > MAX_BYTES:
        raise DoorbraakFout(f"Het bestand {bestand} is te groot (meer dan 5 MB).")
    if not data.strip():
        raise DoorbraakFout(f"Het bestand {bestand} is leeg.")
    naam = bestand.lower()
    if data.startswith(b"PK\x03\x04") or naam.endswith((".xlsx", ".xlsm")):
        return _xlsx_rijen(data, bestand), bestand
    if data.startswith(b"\xd0\xcf\x11\xe0") or naam.endswith(".xls"):
        raise DoorbraakFout(
            f"Het bestand {bestand} is een oud Excel-bestand (.xls). "
            "Sla het in Excel op als .xlsx of als CSV en probeer het opnieuw."
        )
    return _csv_rijen(data, bestand), bestand


# --- validating rows -------------------------------------------------------------------


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).replace("\u00a0", " ").strip()


def _lees_jaar(waarde) -> int:
    import datetime as dt

    if isinstance(waarde, (dt.date, dt.datetime)):
        return waarde.year
    if isinstance(waarde, bool):
        raise ValueError
    if isinstance(waarde, (int, float)):
        if float(waarde).is_integer():
            return int(waarde)
        raise ValueError
    tekst = _tekst(waarde)
    if not re.fullmatch(r"\d{4}", tekst):
        raise ValueError
    return int(tekst)


def _lees_bedrag(waarde) -> Decimal:
    """An amount from a cell: numbers from .xlsx as they are; text by the strict Dutch rules
    of :func:`~calculators.kern.opmaak.ontleed_getal` (``€ 1.234,56``, ``1234,56``, ``1234.56``;
    never ``1,234.56`` or ``1.2.3``). Raises ``ValueError`` with the Dutch reason."""
    if isinstance(waarde, str):
        waarde = _tekst(waarde)
    return ontleed_getal(waarde, maximum=MAX_BEDRAG, soort="bedrag")


def _lees_eenheid(waarde: str) -> str:
    plat = re.sub(r"\s+", " ", waarde.strip().lower())
    if plat in EENHEDEN:
        return plat
    if f"per {plat}" in EENHEDEN:
        return f"per {plat}"
    raise ValueError


def _kopregel(rijen: list[list]) -> int | None:
    """Index of the header row: the first of the first 20 rows with at least three known
    column names (a title line above the table is skipped), else the first non-empty row."""
    for i, rij in enumerate(rijen[:20]):
        if sum(1 for c in rij if _kolom_voor(_tekst(c))) >= 3:
            return i
    return next((i for i, r in enumerate(rijen) if any(_tekst(c) for c in r)), None)


def lees_tarieven(
    pad_of_bytes: Path | str | bytes,
    bestandsnaam: str | None = None,
    *,
    nationaal: list[Prijs] | None = None,
) -> list[Prijs]:
    """Read a local tariff list (CSV from Dutch Excel or ``.xlsx``) into prices with ``lokaal=True``.

    ``pad_of_bytes``: a path, or the raw bytes of an uploaded file (then ``bestandsnaam``
    tells the type and is used in messages). ``nationaal``: the national list the ``id``
    column refers to (default: :func:`~calculators.prijzen.prijslijst.laad_prijzen`).

    A row with an ``id`` replaces that national price; empty cells in such a row are
    taken from the national price. A row without ``id`` is a new local item with the
    stable id ``lokaal-<naam>``. Raises :class:`DoorbraakFout` with every problem
    (row as Excel numbers it, column, what is wrong) when anything is wrong.
    """
    rijen, bestand = _rijen(pad_of_bytes, bestandsnaam)
    kop_index = _kopregel(rijen)
    if kop_index is None:
        raise DoorbraakFout(f"Het bestand {bestand} is leeg.")
    kop = rijen[kop_index]
    kolommen: dict[str, int] = {}
    meldingen: list[Melding] = []
    for i, naam in enumerate(kop):
        kolom = _kolom_voor(_tekst(naam))
        if kolom is None:
            continue
        if kolom in kolommen:
            meldingen.append(Melding(f"de kolom '{kolom}' staat er twee keer in", bestand, kop_index + 1, _tekst(naam)))
        kolommen.setdefault(kolom, i)
    ontbreekt = [k for k in VERPLICHT if k not in kolommen]
    if ontbreekt:
        raise DoorbraakFout(
            f"In {bestand} ontbreken deze kolommen: {', '.join(ontbreekt)}. "
            f"De eerste regel moet de kolomnamen bevatten: id, {', '.join(VERPLICHT)}, bron.",
            meldingen,
        )
    data_rijen = rijen[kop_index + 1 :]
    if len(data_rijen) > MAX_RIJEN:
        raise DoorbraakFout(f"Het bestand {bestand} heeft te veel regels (meer dan {MAX_RIJEN}).")

    landelijk = prijs_per_id(laad_prijzen() if nationaal is None else nationaal)
    voc = laad_vocabulaire()

    prijzen: list[Prijs] = []
    gezien_id: dict[str, int] = {}
    gezien_slug: dict[str, int] = {}
    for offset, ruw in enumerate(data_rijen):
        nr = kop_index + 2 + offset  # Excel row number
        cel = {k: (ruw[i] if i < len(ruw) else None) for k, i in kolommen.items()}
        if not any(_tekst(v) for v in cel.values()):
            continue  # empty line (Excel often adds ;;;; at the end)

        def fout(tekst: str, kolom: str | None = None, nr: int = nr) -> None:
            meldingen.append(Melding(tekst, bestand, nr, kolom))

        start = len(meldingen)
        for kolom, waarde in cel.items():
            if len(_tekst(waarde)) > MAX_CEL:
                fout(f"deze cel is te lang (meer dan {MAX_CEL} tekens)", kolom)
        if len(meldingen) > start:
            continue

        try:
            rij = TariefRij.model_validate(
                {k: cel.get(k) for k in KOLOMNAMEN}, context={"landelijk": landelijk, "voc": voc}
            )
        except ValidationError as fouten:
            for f in fouten.errors():
                kolom = str(f["loc"][0]) if f["loc"] else None
                fout(f["msg"], kolom)
            continue
        ident, basis = rij.id, (landelijk.get(rij.id) if rij.id else None)
        if ident and ident in gezien_id:
            fout(f"het id '{ident}' staat er al in rij {gezien_id[ident]}", "id")
        elif ident:
            gezien_id[ident] = nr
        item, eenheid, bedrag, jaar, geldstroom, domein = (
            rij.item,
            rij.eenheid,
            rij.bedrag,
            rij.jaar,
            rij.geldstroom,
            rij.domein,
        )
        if len(meldingen) > start:
            continue
        bron = _tekst(cel.get("bron"))
        if re.match(r"https?://\S+$", bron):
            bron_titel, bron_url = f"Eigen tarief uit {bestand}", bron
        else:
            bron_titel, bron_url = (bron or f"Eigen tarief uit {bestand}"), ""
        if not ident:
            slug = _slug(item)
            n = gezien_slug.get(slug, 0) + 1
            gezien_slug[slug] = n
            ident = f"lokaal-{slug}" if n == 1 else f"lokaal-{slug}-{n}"
        prijzen.append(
            Prijs(
                id=ident,
                item=item,
                omschrijving=_tekst(cel.get("omschrijving")) or (basis.omschrijving if basis else ""),
                eenheid=eenheid,
                bedrag=bedrag,
                jaar=jaar,
                geldstroom=geldstroom,
                domein=domein,
                bron_titel=bron_titel,
                bron_url=bron_url,
                betrouwbaarheid=BETROUWBAARHEID_LOKAAL,
                betrouwbaarheid_reden=f"Eigen tarief uit {bestand}. Doorbraakwijzer heeft het niet gecontroleerd.",
                opmerking=(
                    f"vervangt het landelijke bedrag uit de prijslijst (id {basis.id})" if basis else "eigen item"
                ),
                lokaal=True,
            )
        )
    if meldingen:
        raise DoorbraakFout(
            f"Het bestand {bestand} bevat fouten. Er is niets geladen. Verbeter deze punten en probeer het opnieuw:",
            meldingen,
        )
    if not prijzen:
        raise DoorbraakFout(f"In {bestand} staan geen tarieven onder de kolomnamen.")
    return prijzen


def formule_waarschuwing(lokaal: Iterable[Prijs]) -> str | None:
    """A Dutch warning when names or sources start like a spreadsheet formula (= + - @).

    They are loaded as text; every export (CSV, Markdown) puts a ' in front of them
    (:func:`calculators.kern.veilig.neutraliseer`), so Excel does not run them."""
    namen = [p.item for p in lokaal if any(is_formule(x) for x in (p.item, p.omschrijving, p.bron_titel))]
    if not namen:
        return None
    voorbeeld = namen[0][:40]
    return (
        f"Let op: {len(namen)} {'regel begint' if len(namen) == 1 else 'regels beginnen'} met =, +, - of @ "
        f"(bijvoorbeeld '{voorbeeld}'). Excel kan dat als formule lezen. In de downloads staat er daarom "
        "een ' voor. Controleer of dit echt je tarieven zijn."
    )


def combineer(nationaal: Iterable[Prijs], lokaal: Iterable[Prijs]) -> list[Prijs]:
    """National list with local tariffs applied: a local price with the id of a national
    price replaces it (same place in the list); other local prices are added at the end."""
    lokaal = list(lokaal)
    vervang = {p.id: p for p in lokaal}
    uit = [vervang.pop(p.id, p) for p in nationaal]
    bekend = {p.id for p in uit}
    uit += [p if p.lokaal else replace(p, lokaal=True) for p in lokaal if p.id in vervang and p.id not in bekend]
    return uit
