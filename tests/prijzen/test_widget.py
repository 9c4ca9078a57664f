"""The price widget's behaviour without a browser: search, basket, local tariffs, price level."""

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

from babel.numbers import format_currency

from calculators.prijzen.widget import PrijsZoeker

ROOT = Path(__file__).resolve().parents[2]


def csv_bedrag(ident):
    with open(ROOT / "data" / "prijzen.csv", encoding="utf-8") as f:
        return next(Decimal(r["bedrag"]) for r in csv.DictReader(f) if r["id"] == ident)


def upload(z, naam, inhoud: bytes):
    z.upload.value = (
        {
            "name": naam,
            "content": memoryview(inhoud),
            "type": "text/csv",
            "size": len(inhoud),
            "last_modified": dt.datetime.now(),
        },
    )


def test_zoeken_toont_treffers_en_meldt_aantal():
    z = PrijsZoeker()
    z.zoek.value = "pleegvergoeding"
    zichtbaar = [r for r in z.rijen if r[2] is not None]
    pleeg = ["pleeg" in r[2].item.lower() for r in zichtbaar]
    assert sum(pleeg) >= 3
    assert pleeg == sorted(pleeg, reverse=True), "exacte treffers horen bovenaan"
    assert "gevonden" in z.status.value and 'aria-live="polite"' in z.status.value


def test_niets_gevonden_zegt_dat_in_gewone_taal():
    z = PrijsZoeker()
    z.zoek.value = "qqqxxyz"
    assert all(r[2] is None for r in z.rijen)
    assert "Geen prijzen gevonden" in z.status.value


def test_html_in_zoekvak_wordt_geescaped():
    z = PrijsZoeker()
    z.zoek.value = "<script>alert(1)</script>"
    assert "<script>" not in z.status.value and "&lt;script&gt;" in z.status.value


def test_mandje_telt_per_geldstroom_en_houdt_alles_bij_fout_aantal():
    z = PrijsZoeker()
    z.zoek.value = "pleegvergoeding"
    p = z.rijen[0][2]
    z._voeg_toe(0)
    z._voeg_toe(0)
    verwacht = format_currency(2 * csv_bedrag(p.id), "EUR", locale="nl_NL")
    assert verwacht in z.totaal.value and p.geldstroom in z.totaal.value
    # a wrong quantity gives a Dutch message; the basket keeps its value, and while the
    # field shows the wrong text no total or download is shown (they would not match it)
    rij = z.mand_box.children[0]
    aantal, fout = rij.children[1], rij.children[3]
    aantal.value = "twee"
    assert "geen getal" in fout.value and "aantal" in fout.value
    assert verwacht not in z.totaal.value and "klopt niet" in z.totaal.value and z.download.value == ""
    aantal.value = "-1"
    assert "negatief" in fout.value and z.download.value == ""
    aantal.value = "2"
    assert fout.value == "" and verwacht in z.totaal.value
    assert "mandje-doorbraakwijzer.csv" in z.download.value


def test_eigen_tarieven_vervangen_en_fout_bestand_verandert_niets():
    z = PrijsZoeker()
    voor = list(z.prijzen)
    upload(z, "kapot.csv", b"item;bedrag;eenheid;jaar;geldstroom\nIets;twaalf;per uur;2025;Wmo\n")
    assert "niet geladen" in z.upload_status.value
    assert z.prijzen == voor
    goed = "\ufeffitem;eenheid;bedrag;jaar;geldstroom\nLokale wooncoach;per uur;€ 1.234,50;2025;Wmo\n"
    upload(z, "eigen.csv", goed.encode("utf-8"))
    assert "geladen" in z.upload_status.value and "niet geladen" not in z.upload_status.value
    z.zoek.value = "wooncoach"
    assert z.rijen[0][2] is not None and z.rijen[0][2].bedrag == Decimal("1234.50")
    assert "eigen tarief" in z.rijen[0][0].value


def test_prijspeil_toont_origineel_en_geindexeerd():
    z = PrijsZoeker()
    z.zoek.value = "huisuitzetting"
    p = z.rijen[0][2]
    z.prijspeil.value = 2025 if p.jaar != 2025 else 2020
    tekst = z.rijen[0][0].value
    assert format_currency(p.bedrag, "EUR", locale="nl_NL") in tekst
    assert f"in prijzen van {z.prijspeil.value}" in tekst
