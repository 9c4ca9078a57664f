"""The cost calculator widget "Wat levert het op?", in-process (no browser)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from calculators.rendement.model import Regel

ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "data" / "voorbeelden" / "plan-voorbeeld.json"


def csv_bedrag(ident: str) -> Decimal:
    """The amount of one price, read straight from the CSV (not through the code under test)."""
    with open(ROOT / "data" / "prijzen.csv", encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            if rij["id"] == ident:
                return Decimal(rij["bedrag"])
    raise AssertionError(f"prijs {ident} staat niet in data/prijzen.csv")


def _rekenhulp():
    from calculators.rendement.widget import Rendement

    return Rendement()


def _tekst(html_tekst: str) -> str:
    import re

    return re.sub(r"<[^>]+>", " ", html_tekst).replace("\xa0", " ")


def test_widget_laadt_voorbeeld_en_legt_uit():
    from calculators.rendement.export import lees_json

    r = _rekenhulp()
    assert 'aria-live="polite"' in r.uitleg.value
    r.laad_voorbeeld.click()
    assert r.plan() == lees_json(VOORBEELD.read_text(encoding="utf-8"))
    uitleg_tekst = _tekst(r.uitleg.value)
    assert "Als niets verandert, kost dit naar verwachting" in uitleg_tekst and "Dat scheelt" in uitleg_tekst
    assert "<table" in r.totalen.value and "<table" in r.per_geldstroom.value and "<table" in r.gevoelig.value


def test_widget_foute_invoer_naast_het_veld_plan_blijft():
    r = _rekenhulp()
    r.laad_voorbeeld.click()
    voor = r.plan()
    rij = r.rijen["dreigend"][1]
    rij.aantal.value = "-2"
    assert "negatief" in rij.fout.value and r.plan() == voor
    rij.bedrag.value = "twaalf"
    assert "geen bedrag" in rij.fout.value and r.plan() == voor
    rij.bedrag.value = "1.000,50"
    assert "Bedrag" not in _tekst(rij.fout.value) and r.plan().scenarios["dreigend"][1].bedrag == Decimal("1000.50")
    r._laad_tekst(b'{"scenarios": {"huidig": []}}', "kapot.json")
    assert "ontbreekt" in r.laad_status.value and "blijft zoals het was" in r.laad_status.value
    assert r.plan().scenarios["dreigend"][1].bedrag == Decimal("1000.50")
    r.disconto.value = "50"
    assert "0 tot 20" in r.disconto_fout.value and r.plan().discontovoet == 0
    r.kans.value = "120"
    assert "0 tot 100" in r.kans_fout.value and r.plan().kans_dreigend == Decimal("0.5")
    r.kans.value = "33,5"
    assert r.kans_fout.value == "" and r.plan().kans_dreigend == Decimal("0.335")


def test_widget_regels_en_alternatieven_toevoegen():
    r = _rekenhulp()
    r.zoek.value = "opvang"
    assert r.keuze.options, "zoeken in de prijslijst geeft niets"
    r.doel.value = "dreigend"
    r.keuze.value = "maatschappelijke-opvang-plek"
    r.voeg_prijs.click()
    assert r.plan().scenarios["dreigend"] == (Regel(prijs_id="maatschappelijke-opvang-plek"),)
    assert "15.000,00" in _tekst(r.totalen.value)
    r.voeg_alt.click()
    assert "doorbraak B" in r.plan().scenarios and r.doel.value == "doorbraak B"
    r.voeg_eigen.click()
    eigen_rij = r.rijen["doorbraak B"][0]
    eigen_rij.bedrag.value = "250"
    eigen_rij.soort.value = "eenmalig"
    assert r.plan().scenarios["doorbraak B"][0].bedrag == Decimal(250)
    assert "doorbraak B" in _tekst(r.uitleg.value)


def test_widget_download_en_upload_geven_hetzelfde_plan():
    import base64
    import datetime
    import re

    r = _rekenhulp()
    r.laad_voorbeeld.click()
    r.kans.value = "35"
    links = re.findall(r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"', r.downloads.value)
    bestanden = {naam: base64.b64decode(data) for naam, data in links}
    assert set(bestanden) == {"plan-doorbraakwijzer.json", "samenvatting-doorbraakwijzer.md",
                              "samenvatting-doorbraakwijzer.html"}
    assert b"https://" in bestanden["samenvatting-doorbraakwijzer.md"]
    tweede = _rekenhulp()
    inhoud = bestanden["plan-doorbraakwijzer.json"]
    tweede.upload.value = ({"name": "plan.json", "type": "application/json", "size": len(inhoud),
                            "content": memoryview(inhoud),
                            "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)},)
    assert tweede.plan() == r.plan() and tweede.plan().kans_dreigend == Decimal("0.35")


def test_widget_eigen_tarieven_laden():
    import datetime

    r = _rekenhulp()
    r.laad_voorbeeld.click()
    voor = r.plan()
    inhoud = (b"id;item;eenheid;bedrag;jaar;geldstroom;bron;domein\n"
              b"begeleiding-thuis-referentieprijs;Begeleiding (ons tarief);per uur;70,00;2026;Wmo;"
              b"https://example.org/tarieven;zorg\n")
    r.tarieven.value = ({"name": "tarieven.csv", "type": "text/csv", "size": len(inhoud),
                         "content": memoryview(inhoud),
                         "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)},)
    assert "1 eigen tarieven geladen" in r.tarieven_status.value
    assert r.plan() == voor  # the plan itself is unchanged ...
    # ... but the price behind 'begeleiding' is now 70: huidig = 2 × (70 × 104 + 52 × jeugdhulp + schuldhulp)
    verwacht = 2 * (70 * 104 + 52 * csv_bedrag("ambulante-jeugdhulp-regulier-hbo")
                    + csv_bedrag("schuldhulpverlening-uitvoeringskosten-gemeente"))
    from calculators.kern.opmaak import euro

    assert euro(verwacht).replace("\xa0", " ") in _tekst(r.totalen.value)
    kapot = b"dit is geen tabel"
    r.tarieven.value = ({"name": "x.csv", "type": "text/csv", "size": len(kapot), "content": memoryview(kapot),
                         "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)},)
    assert "vorige prijzen" in r.tarieven_status.value and r.plan() == voor
