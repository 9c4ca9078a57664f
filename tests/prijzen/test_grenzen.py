"""Hostile tariff files and basket input (issue 14): zip bombs, formulas, escapes, huge numbers."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import re
import shutil
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook

from calculators.cli import main
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import DATA
from calculators.prijzen.prijslijst import MandRegel, laad_prijzen, mand_als_csv
from calculators.prijzen.tarieven import lees_tarieven

KOP = ["item", "eenheid", "bedrag", "jaar", "geldstroom", "bron"]


def xlsx(rijen: list[list]) -> bytes:
    boek = Workbook()
    blad = boek.active
    for r in rijen:
        blad.append(r)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def met_opgeblazen_blad(data: bytes, extra: int) -> bytes:
    """The same workbook, with ``extra`` bytes of spaces inside the sheet XML (valid XML,
    compresses about a thousand times)."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as oud, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as nieuw:
        for lid in oud.infolist():
            inhoud = oud.read(lid)
            if lid.filename == "xl/worksheets/sheet1.xml":
                inhoud = inhoud.replace(b"<sheetData>", b"<sheetData>" + b" " * extra, 1)
            nieuw.writestr(lid.filename, inhoud)
    return uit.getvalue()


@pytest.mark.timeout(60)
def test_zipbom_xlsx_wordt_geweigerd_voor_het_uitpakken():
    goed = xlsx([KOP, ["Wooncoach", "per uur", 80, 2026, "Wmo", "eigen"]])
    assert lees_tarieven(goed, "goed.xlsx")[0].bedrag == Decimal(80)
    bom = met_opgeblazen_blad(goed, 40_000_000)
    assert len(bom) < 200_000  # small on disk, 40 MB unpacked
    with pytest.raises(DoorbraakFout) as e:
        lees_tarieven(bom, "bom.xlsx")
    assert "bom.xlsx" in str(e.value) and "uitgepakt te groot" in str(e.value)


def test_xlsx_met_formules_zonder_uitkomst():
    # openpyxl writes formulas without a stored result, like any program that never ran Excel
    data = xlsx([KOP, ['="Wooncoach"', "per uur", "=40*2", 2026, "Wmo", "eigen"]])
    with pytest.raises(DoorbraakFout) as e:
        lees_tarieven(data, "formules.xlsx")
    assert "formules zonder uitkomst" in str(e.value) and "vul een naam in" not in str(e.value)


def test_te_lange_cel_wordt_geweigerd():
    data = xlsx([KOP, ["Wooncoach", "per uur", 80, 2026, "Wmo", "x" * 5000]])
    with pytest.raises(DoorbraakFout, match="te lang"):
        lees_tarieven(data, "lang.xlsx")


@pytest.mark.parametrize(
    "bedrag, woord",
    [
        ("1,234.56", "niet duidelijk"),
        ("1.2.3", "niet duidelijk"),
        ("1e6", "e-macht"),
        ("tien", "geen bedrag"),
        ("9" * 30, "te groot"),
    ],
)
def test_tarievenlezer_gebruikt_de_strenge_getallezer(bedrag, woord):
    data = f"item;eenheid;bedrag;jaar;geldstroom\nWooncoach;per uur;{bedrag};2026;Wmo\n".encode()
    with pytest.raises(DoorbraakFout) as e:
        lees_tarieven(data, "eigen.csv")
    assert "rij 2" in str(e.value) and woord in str(e.value)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("pad", ["/dev/zero", "/dev/urandom"])
def test_apparaat_als_tarievenbestand(pad):
    with pytest.raises(DoorbraakFout, match="geen gewoon bestand"):
        lees_tarieven(pad)


def test_lege_naam_bij_tarieven_is_een_fout(capsys):
    code = main(["prijs", "wooncoach", "--tarieven", ""])
    assert code == 2 and "geen bestandsnaam" in capsys.readouterr().err


def test_escapereeksen_in_tariefnamen_bereiken_de_terminal_niet(capsys, tmp_path):
    eigen = tmp_path / "eigen.csv"
    eigen.write_text(
        "item;eenheid;bedrag;jaar;geldstroom;bron\n"
        '"\x1b]0;gehackt\x07\x1b[2JWooncoach\u202eabc";per uur;80;2026;Wmo;eigen\n',
        encoding="utf-8",
    )
    code = main(["prijs", "wooncoach", "--tarieven", str(eigen), "--top", "3"])
    uit = capsys.readouterr().out
    assert code == 0 and "Wooncoach" in uit
    assert "\x1b" not in uit and "\x07" not in uit and "\u202e" not in uit
    assert "\\u001b[2JWooncoach" in uit


def test_extra_kolom_in_de_prijslijst_noemt_de_rij(tmp_path):
    tekst = (DATA / "prijzen.csv").read_text(encoding="utf-8-sig").splitlines()
    tekst[2] += ",over"
    pad = tmp_path / "prijzen.csv"
    pad.write_text("\n".join(tekst) + "\n", encoding="utf-8")
    with pytest.raises(DoorbraakFout) as e:
        laad_prijzen(pad)
    assert "rij 3" in str(e.value) and "cellen" in str(e.value) and "'None'" not in str(e.value)


def test_ongeldige_utf8_in_de_prijslijst_noemt_de_plek(tmp_path):
    pad = tmp_path / "prijzen.csv"
    shutil.copy(DATA / "prijzen.csv", pad)
    data = pad.read_bytes()
    regels = data.split(b"\n")
    regels[3] = regels[3][:5] + b"\xff" + regels[3][5:]
    pad.write_bytes(b"\n".join(regels))
    with pytest.raises(DoorbraakFout) as e:
        laad_prijzen(pad)
    assert "regel 4, teken 6" in str(e.value) and "codec" not in str(e.value)


# --- formula injection -----------------------------------------------------------------

KWAAD = '=HYPERLINK("http://voorbeeld.invalid","klik")'


def test_formules_in_het_mandje_worden_tekst():
    cel = '"' + KWAAD.replace('"', '""') + '"'  # CSV quoting
    lokaal = lees_tarieven(
        f"item;eenheid;bedrag;jaar;geldstroom;bron\n{cel};per uur;80;2026;Wmo;=cmd|' /C calc'!A0\n".encode(),
        "eigen.csv",
    )
    assert lokaal[0].item == KWAAD
    rijen = list(csv.reader(io.StringIO(mand_als_csv([MandRegel(lokaal[0], Decimal(1))])), delimiter=";"))
    assert rijen[1][0] == "'" + KWAAD and rijen[1][7] == "'=cmd|' /C calc'!A0"
    assert not any(c.startswith(("=", "+", "-", "@")) for c in rijen[1])


def _upload(z, naam, inhoud: bytes):
    z.upload.value = (
        {
            "name": naam,
            "content": memoryview(inhoud),
            "type": "text/csv",
            "size": len(inhoud),
            "last_modified": dt.datetime.now(),
        },
    )


def _download(html: str) -> str:
    data = re.search(r'base64,([^"]+)"', html).group(1)
    return base64.b64decode(data).decode("utf-8-sig")


def test_upload_met_formules_waarschuwt():
    from calculators.prijzen.widget import PrijsZoeker

    z = PrijsZoeker()
    _upload(z, "eigen.csv", b"item;eenheid;bedrag;jaar;geldstroom\n@SUM(1+1);per uur;80;2026;Wmo\n")
    assert "geladen" in z.upload_status.value and "Excel kan dat als formule lezen" in z.upload_status.value


# --- stale downloads ---------------------------------------------------------------------


@pytest.mark.parametrize("fout", ["1e308", "9" * 30, "1,234.5", "1.2.3"])
def test_download_klopt_altijd_met_het_scherm(fout):
    from calculators.prijzen.widget import PrijsZoeker

    z = PrijsZoeker()
    z.zoek.value = "pleegvergoeding"
    z._voeg_toe(0)
    rij = z.mand_box.children[0]
    aantal, melding = rij.children[1], rij.children[3]
    aantal.value = "3"
    assert _download(z.download.value).splitlines()[1].split(";")[3] == "3"
    aantal.value = fout
    assert "aantal" in melding.value
    assert z.download.value == ""  # no download that still holds 3 while the field shows something else
    aantal.value = "4"
    assert melding.value == "" and _download(z.download.value).splitlines()[1].split(";")[3] == "4"


def test_json_uitvoer_blijft_geldig_en_gelijk_met_besturingstekens(capsys, tmp_path):
    import json

    eigen = tmp_path / "eigen.csv"
    naam = "Wooncoach\x9b31m\u202eabc\x1b[2J"
    eigen.write_text(f'item;eenheid;bedrag;jaar;geldstroom\n"{naam}";per uur;80;2026;Wmo\n', encoding="utf-8")
    code = main(["prijs", "wooncoach", "--tarieven", str(eigen), "--top", "1", "--json"])
    uit = capsys.readouterr().out
    assert code == 0 and "\x9b" not in uit and "\x1b" not in uit and "\u202e" not in uit
    assert json.loads(uit)[0]["item"] == naam  # escaped for the terminal, the same text for a program


def _kapot(data: bytes, lid: str, maak) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as oud, zipfile.ZipFile(uit, "w") as nieuw:
        for info in oud.infolist():
            inhoud = oud.read(info)
            nieuw.writestr(info.filename, maak(inhoud) if info.filename == lid else inhoud)
    return uit.getvalue()


@pytest.mark.parametrize(
    "lid, maak",
    [
        ("xl/worksheets/sheet1.xml", lambda d: d[: len(d) // 2]),  # XML that stops halfway
        ("xl/workbook.xml", lambda d: b""),  # no workbook part
    ],
)
def test_kapotte_xlsx_geeft_nederlandse_melding(lid, maak):
    data = _kapot(xlsx([KOP, ["Wooncoach", "per uur", 80, 2026, "Wmo", "eigen"]]), lid, maak)
    with pytest.raises(DoorbraakFout, match="geen geldig Excel-bestand"):
        lees_tarieven(data, "kapot.xlsx")
