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
    assert set(bestanden) == {
        "plan-doorbraakwijzer.json",
        "samenvatting-doorbraakwijzer.md",
        "samenvatting-doorbraakwijzer.html",
    }
    assert b"https://" in bestanden["samenvatting-doorbraakwijzer.md"]
    tweede = _rekenhulp()
    inhoud = bestanden["plan-doorbraakwijzer.json"]
    tweede.upload.value = (
        {
            "name": "plan.json",
            "type": "application/json",
            "size": len(inhoud),
            "content": memoryview(inhoud),
            "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        },
    )
    assert tweede.plan() == r.plan() and tweede.plan().kans_dreigend == Decimal("0.35")


def test_widget_eigen_tarieven_laden():
    import datetime

    r = _rekenhulp()
    r.laad_voorbeeld.click()
    voor = r.plan()
    inhoud = (
        b"id;item;eenheid;bedrag;jaar;geldstroom;bron;domein\n"
        b"begeleiding-thuis-referentieprijs;Begeleiding (ons tarief);per uur;70,00;2026;Wmo;"
        b"https://example.org/tarieven;zorg\n"
    )
    r.tarieven.value = (
        {
            "name": "tarieven.csv",
            "type": "text/csv",
            "size": len(inhoud),
            "content": memoryview(inhoud),
            "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        },
    )
    assert "1 eigen tarieven geladen" in r.tarieven_status.value
    assert r.plan() == voor  # the plan itself is unchanged ...
    # ... but the price behind 'begeleiding' is now 70: huidig = 2 × (70 × 104 + 52 × jeugdhulp)
    verwacht = 2 * (70 * 104 + 52 * csv_bedrag("ambulante-jeugdhulp-regulier-hbo"))
    from calculators.kern.opmaak import euro

    assert euro(verwacht).replace("\xa0", " ") in _tekst(r.totalen.value)
    kapot = b"dit is geen tabel"
    r.tarieven.value = (
        {
            "name": "x.csv",
            "type": "text/csv",
            "size": len(kapot),
            "content": memoryview(kapot),
            "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        },
    )
    assert "vorige prijzen" in r.tarieven_status.value and r.plan() == voor


def _rij_met_prijs(r, ident: str, scenario: str = "doorbraak"):
    r.zoek.value = ident.replace("-", " ")
    r.doel.value = scenario
    assert ident in [v for _, v in r.keuze.options], "zoeken vindt de prijs niet"
    r.keuze.value = ident
    r.voeg_prijs.click()
    return r.rijen[scenario][-1]


def csv_eenheid(ident: str) -> str:
    with open(ROOT / "data" / "prijzen.csv", encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            if rij["id"] == ident:
                return rij["eenheid"]
    raise AssertionError(ident)


def test_prijs_per_maand_wordt_12_maanden_per_jaar_en_dat_staat_er():
    from calculators.kern.opmaak import euro

    ident = "beschermingsbewind-1-persoon-problematische-schulden"
    assert csv_eenheid(ident) == "per maand"
    r = _rekenhulp()
    rij = _rij_met_prijs(r, ident)
    assert r.plan().scenarios["doorbraak"][-1].aantal == 12
    assert rij.aantal.description == "Maanden per jaar"
    som = _tekst(rij.omrekening.value)
    assert "12 × " + euro(csv_bedrag(ident)).replace("\xa0", " ") in som
    assert euro(12 * csv_bedrag(ident)).replace("\xa0", " ") + " per jaar" in som
    # the yearly total of the plan is 12 months, not one
    assert euro(12 * csv_bedrag(ident)).replace("\xa0", " ") in _tekst(r.totalen.value)


def test_prijs_per_uur_vraagt_hoeveel_uur_per_jaar():
    from calculators.kern.opmaak import euro

    ident = "begeleiding-thuis-referentieprijs"
    assert csv_eenheid(ident) == "per uur"
    r = _rekenhulp()
    rij = _rij_met_prijs(r, ident)
    assert rij.aantal.description == "Uren per jaar"
    assert "Hoeveel uren per jaar?" in _tekst(rij.omrekening.value)
    rij.aantal.value = "104"
    tekst = _tekst(rij.omrekening.value)
    assert "Hoeveel" not in tekst
    assert euro(104 * csv_bedrag(ident)).replace("\xa0", " ") + " per jaar" in tekst
    rij.soort.value = "eenmalig"
    assert "één keer" in _tekst(rij.omrekening.value) and "(één keer)" in rij.aantal.description


def test_bedrag_met_e_macht_of_dubbelzinnige_punten_wordt_geweigerd():
    r = _rekenhulp()
    r.voeg_eigen.click()
    rij = r.rijen["huidig"][0]
    rij.bedrag.value = "250"
    assert r.plan().scenarios["huidig"][0].bedrag == Decimal(250)
    for fout in ("1e6", "1E6", "1,234.56", "1.2.3", "12,3,4"):
        rij.bedrag.value = fout
        tekst = _tekst(rij.fout.value)
        assert "Bedrag" in tekst and "vorige waarde" in tekst, fout
        assert r.plan().scenarios["huidig"][0].bedrag == Decimal(250), fout
    rij.bedrag.value = "1e6"
    assert "voluit" in _tekst(rij.fout.value)
    rij.bedrag.value = "1,234.56"
    assert "1.234,56" in _tekst(rij.fout.value)
    for goed, waarde in (
        ("1.234,56", "1234.56"),
        ("1234,5", "1234.5"),
        ("1234.5", "1234.5"),
        ("€ 12,50", "12.50"),
        ("1.000.000", "1000000"),
    ):
        rij.bedrag.value = goed
        assert rij.fout.value == "", goed
        assert r.plan().scenarios["huidig"][0].bedrag == Decimal(waarde), goed
    rij.aantal.value = "2e3"
    assert "Aantal" in _tekst(rij.fout.value) and r.plan().scenarios["huidig"][0].aantal == 1


def test_kans_is_in_procent_en_0_komma_5_wordt_gevraagd():
    r = _rekenhulp()
    assert "in procent" in r.kans.description
    r.kans.value = "40"
    assert r.plan().kans_dreigend == Decimal("0.4")
    r.kans.value = "0,5"
    tekst = _tekst(r.kans_fout.value)
    assert "Bedoel je 50 %?" in tekst and r.plan().kans_dreigend == Decimal("0.4")
    r.kans.value = "0,5 %"
    assert r.kans_fout.value == "" and r.plan().kans_dreigend == Decimal("0.005")
    r.kans.value = "1e2"
    assert "voluit" in _tekst(r.kans_fout.value) and r.plan().kans_dreigend == Decimal("0.005")
    r.kans.value = "1"
    assert r.kans_fout.value == "" and r.plan().kans_dreigend == Decimal("0.01")
    r.disconto.value = "0,03"
    assert "Bedoel je 3 %?" in _tekst(r.disconto_fout.value) and r.plan().discontovoet == 0


def test_afdrukversie_heeft_titel_datum_en_scheelt_kolommen():
    import base64
    import datetime
    import re

    r = _rekenhulp()
    r.laad_voorbeeld.click()
    links = dict(re.findall(r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"', r.downloads.value))
    pagina = base64.b64decode(links["samenvatting-doorbraakwijzer.html"]).decode("utf-8")
    titel = VOORBEELD.read_text(encoding="utf-8").split('"titel": "')[1].split('"')[0]
    assert f"<h1>{titel}</h1>" in pagina
    vandaag = datetime.date.today()
    maanden = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    assert f"op {vandaag.day} {maanden[vandaag.month - 1]} {vandaag.year}" in pagina
    assert "Scheelt bij doorbraak</th>" in pagina and "Scheelt bij doorbraak B</th>" in pagina
    assert "@page{size:A4" in pagina and "overflow-wrap:anywhere" in pagina


def test_nieuwe_doorbraak_met_dezelfde_regels_zonder_dubbel_invullen():
    import json

    r = _rekenhulp()
    r.laad_voorbeeld.click()
    regels_b = json.loads(VOORBEELD.read_text(encoding="utf-8"))["scenarios"]["doorbraak B"]
    r.kopieer_alt.click()
    plan = r.plan()
    assert "doorbraak C" in plan.scenarios and r.doel.value == "doorbraak C"
    assert len(plan.scenarios["doorbraak C"]) == len(regels_b)
    assert [x.prijs_id for x in plan.scenarios["doorbraak C"]] == [x["prijs_id"] for x in regels_b]
    # the copy is its own: changing it leaves doorbraak B alone
    r.rijen["doorbraak C"][0].aantal.value = "3"
    assert r.plan().scenarios["doorbraak C"][0].aantal == 3
    assert r.plan().scenarios["doorbraak B"][0].aantal == regels_b[0]["aantal"]
