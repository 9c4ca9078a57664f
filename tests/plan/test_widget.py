"""The plan builder "Doorbraakplan", in-process (no browser)."""

from __future__ import annotations

import base64
import datetime
import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "data" / "voorbeelden" / "doorbraakplan-voorbeeld.json"


def _bouwer():
    from calculators.plan.widget import PlanBouwer

    return PlanBouwer()


def _tekst(html_tekst: str) -> str:
    return re.sub(r"<[^>]+>", " ", html_tekst).replace("\xa0", " ")


def _downloads(bouwer) -> dict[str, bytes]:
    links = re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', bouwer.downloads.value)
    return {naam: base64.b64decode(data) for naam, data in links}


def _upload(inhoud: bytes, naam: str = "plan.json") -> tuple:
    return (
        {
            "name": naam,
            "type": "application/json",
            "size": len(inhoud),
            "content": memoryview(inhoud),
            "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        },
    )


def _eerste_alinea(pagina: str) -> str:
    """First paragraph after the title of a book page, read here without the code under test."""
    regels = (ROOT / "book" / f"{pagina}.md").read_text(encoding="utf-8").split("\n\n")
    return " ".join(regels[1].split())


def _wet(afkorting: str) -> dict:
    for pad in (ROOT / "data" / "wetten").glob("*.yaml"):
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("afkorting") == afkorting:
            return data
    raise AssertionError(f"wet {afkorting} niet gevonden in data/wetten")


def test_elke_stap_heeft_de_hulptekst_uit_het_boek():
    b = _bouwer()
    alles = _tekst(" ".join(c.value for c in b.widget.children if hasattr(c, "value") and isinstance(c.value, str)))
    koppen = ["Stap 1", "Stap 2", "Stap 3", "Stap 4", "Stap 5", "Stap 6", "Betrokken", "besluit"]
    posities = [alles.find(k) for k in koppen]
    assert all(p >= 0 for p in posities) and posities == sorted(posities), posities
    for pagina in (
        "methode/stap-1-perspectief",
        "methode/stap-3-dreigend-scenario",
        "methode/stap-5-legitimiteit",
        "methode/stap-6-rendement",
    ):
        assert _eerste_alinea(pagina) in " ".join(alles.split()), pagina
    # the rendabel section is the cost calculator itself, not a copy
    assert b.rendement.widget in b.widget.children


def test_artikel_zoeken_en_in_het_plan_zetten_met_zin_voor_je_plan():
    b = _bouwer()
    b.wetvraag.value = "Pw 35"
    assert b.wetkeuze.options and b.wetkeuze.value.startswith("Pw 35")
    b.wetvoeg.click()
    assert [a.artikel for a in b.plan().legitimiteit] == ["Pw 35"]
    wet = _wet("Pw")
    zin = _tekst(b.artikel_box.children[0].children[0].value)
    assert f"Op grond van artikel 35 van de {wet['wet']}" in zin
    b.artikel_box.children[0].children[1].value = "Een eenmalige uitgave voor de huurschuld."
    assert b.plan().legitimiteit[0].motivering == "Een eenmalige uitgave voor de huurschuld."
    b.wetvoeg.click()  # twice the same article: refused, said so
    assert len(b.plan().legitimiteit) == 1 and "staat al in je plan" in b.wetstatus.value
    # a search in plain words finds articles too
    b.wetvraag.value = "huurachterstand"
    assert len(b.wetkeuze.options) >= 1
    b.artikelen[0].weg.click()
    assert b.plan().legitimiteit == []


def test_bewaren_en_weer_laden_geeft_precies_hetzelfde_plan():
    b = _bouwer()
    b.titel.value = "Plan voor een gezin met huurschuld"
    b.datum.value = "2026-12-01"
    b.perspectief.value = "We willen in ons huis blijven wonen.\nEn de kinderen naar dezelfde school."
    b.doorbraak.value = "De huurschuld wordt betaald."
    b.wetvraag.value = "Pw 35"
    b.wetvoeg.click()
    b.artikelen[0].motivering.value = "Bijzondere kosten door de huurschuld."
    b.rendement.laad_voorbeeld.click()
    b.rendement.kans.value = "35"
    b.eigen_inzet.value = "De moeder gaat naar de budgetcursus."
    b.aanspreekpunt.value = "De consulent van het wijkteam"
    b.voeg_knelpunt.click()
    b.knelpunten[0].soort.value = "catch-22"
    b.knelpunten[0].regel.value = "Geen woning zonder inkomen, geen inkomen zonder adres"
    b.besluit_uitkomst.value = "goedgekeurd"
    b.gekozen.value = "doorbraak B"
    b.maak_klaar.click()
    bestanden = _downloads(b)
    assert "doorbraakplan-2026-12-01.json" in bestanden
    inhoud = bestanden["doorbraakplan-2026-12-01.json"]
    data = json.loads(inhoud)
    assert data["kans_dreigend"] == 0.35 and data["besluit"]["gekozen_alternatief"] == "doorbraak B"
    assert data["legitimiteit"] == [{"artikel": "Pw 35", "motivering": "Bijzondere kosten door de huurschuld."}]
    assert data["knelpunten"] == [
        {
            "soort": "catch-22",
            "organisatie": "",
            "omschrijving": "",
            "regel": "Geen woning zonder inkomen, geen inkomen zonder adres",
        }
    ]
    tweede = _bouwer()
    tweede.upload.value = _upload(inhoud)
    assert "is geladen" in tweede.status.value
    assert tweede.plan() == b.plan()
    assert tweede.gekozen.value == "doorbraak B" and tweede.perspectief.value == b.perspectief.value


def test_voorbeeldplan_laadt_en_blijft_gelijk():
    from calculators.plan.model import lees_planbestand

    b = _bouwer()
    b.laad_voorbeeld.click()
    assert b.plan() == lees_planbestand(VOORBEELD)
    ruw = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    assert b.perspectief.value == ruw["perspectief"]
    assert [a.referentie for a in b.artikelen] == [a["artikel"] for a in ruw["legitimiteit"]]


def test_twee_oplossingen_naast_elkaar_en_een_keuze_zonder_dubbel_invullen():
    b = _bouwer()
    b.rendement.laad_voorbeeld.click()
    tabel = b.vergelijking.value
    assert "doorbraak</th>" in tabel and "doorbraak B</th>" in tabel and "Scheelt met niets doen" in tabel
    opties = [v for _, v in b.gekozen.options]
    assert opties == ["", "doorbraak", "doorbraak B"]
    # A third alternative, added in the cost calculator, appears in the choice at once.
    b.rendement.voeg_alt.click()
    assert "doorbraak C" in [v for _, v in b.gekozen.options] and "doorbraak C</th>" in b.vergelijking.value
    huidig = b.plan().scenarios["huidig"]
    assert len(huidig) == len(
        json.loads((ROOT / "data/voorbeelden/plan-voorbeeld.json").read_text())["scenarios"]["huidig"]
    )


def test_privacywacht_waarschuwt_voor_download_en_verandert_niets():
    b = _bouwer()
    b.rendement.laad_voorbeeld.click()
    b.perspectief.value = "Mevrouw Jansen wil blijven wonen. Haar BSN is 111222333."
    assert b.downloads.value == ""  # nothing to download before the check
    b.maak_klaar.click()
    waarschuwing = _tekst(b.privacy.value)
    assert "Let op" in waarschuwing and "BSN" in waarschuwing and "Stap 1, perspectief" in waarschuwing
    json_bestand = next(v for k, v in _downloads(b).items() if k.endswith(".json"))
    assert "Mevrouw Jansen" in json_bestand.decode("utf-8")  # warned, not silently stripped
    b.perspectief.value = "De moeder wil blijven wonen."
    assert b.downloads.value == ""  # a change makes the old download go away
    b.maak_klaar.click()
    assert "geen namen" in b.privacy.value and _downloads(b)


def test_foute_invoer_geeft_een_melding_en_geen_download():
    b = _bouwer()
    b.datum.value = "1-12-2026"
    assert "datum" in b.veldfout.value and "jjjj-mm-dd" in b.veldfout.value
    b.maak_klaar.click()
    assert b.downloads.value == "" and "Verbeter dit eerst" in b.privacy.value
    b.datum.value = "2026-12-01"
    assert b.veldfout.value.count("melding") == 0
    voor = b.plan()
    b.upload.value = _upload(b'{"titel": "x", "legitimiteit": [{"artikel": "Pw 9999"}]}', "fout.json")
    assert "blijft zoals het was" in b.status.value and "legitimiteit" in b.status.value
    assert b.plan() == voor
    b.upload.value = _upload(b"{kapot", "kapot.json")
    assert "geen geldige JSON" in b.status.value and b.plan() == voor
    b.upload.value = _upload(b" " * 1_100_000, "groot.json")
    assert "te groot" in b.status.value and b.plan() == voor


def test_adres_met_artikel_en_casus_opent_het_plan(monkeypatch):
    from calculators.plan.widget import maak_plan, open_uit_adres

    monkeypatch.setenv("QUERY_STRING", "artikel=pw%2035")
    widget = maak_plan()
    open_uit_adres(widget)
    assert [a.artikel for a in widget.bouwer.plan().legitimiteit] == ["Pw 35"]
    monkeypatch.setenv("QUERY_STRING", "casus=eiwitrijke-yoghurt")
    widget = maak_plan()
    open_uit_adres(widget)
    assert "is geladen" in widget.bouwer.status.value
    assert any(widget.bouwer.plan().scenarios.values())
    monkeypatch.setenv("QUERY_STRING", "artikel=Xyz%2012")
    widget = maak_plan()
    open_uit_adres(widget)
    assert widget.bouwer.plan().legitimiteit == [] and "melding-fout" in widget.bouwer.wetstatus.value


def test_afdruk_is_dezelfde_als_plan_afdruk_op_de_opdrachtregel(tmp_path):
    import subprocess
    import sys

    b = _bouwer()
    b.laad_voorbeeld.click()
    b.maak_klaar.click()
    bestanden = _downloads(b)
    naam = next(k for k in bestanden if k.endswith(".json"))
    basis = naam[:-5]
    assert bestanden[f"{basis}.pdf"].startswith(b"%PDF") and bestanden[f"{basis}.docx"].startswith(b"PK")
    assert "Je plan is compleet" in b.privacy.value
    planbestand = tmp_path / naam
    planbestand.write_bytes(bestanden[naam])
    uit = tmp_path / "afdruk.html"
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "plan", "afdruk", str(planbestand), "-o", str(uit)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert uit.read_bytes() == bestanden[f"{basis}.html"]


def test_catalogus_en_wetzoeker_openen_de_planbouwer(monkeypatch):
    from urllib.parse import parse_qs, urlsplit

    from calculators.casussen import boek as casus_boek
    from calculators.casussen.catalogus import laad_casussen
    from calculators.casussen.widget import detail_html
    from calculators.patronen.gegevens import laad_patronen
    from calculators.plan.widget import maak_plan, open_uit_adres
    from calculators.wetten.widget import WettenZoeker

    casus = laad_casussen()[0]
    patronen = laad_patronen()
    for html_tekst in (detail_html(casus, patronen), casus_boek.pagina(casus, patronen)):
        links = re.findall(r'href="([^"]*doorbraakplan[^"]*)"[^>]*>([^<]*doorbraakplan[^<]*)</a>', html_tekst)
        assert links and links[0][0] == f"/book/rekenhulpen/doorbraakplan.html?casus={casus.id}", links
    z = WettenZoeker()
    z.vraag.value = "Pw 35"
    link = re.search(r"href='([^']+)'[^>]*>Zet Pw 35 in mijn plan", z.resultaten.value)
    assert link, z.resultaten.value[:500]
    adres = urlsplit(link.group(1))
    assert adres.path == "/book/rekenhulpen/doorbraakplan.html"
    # What the plan builder does with that address (the book page passes the query on).
    monkeypatch.setenv("QUERY_STRING", adres.query)
    assert parse_qs(adres.query) == {"artikel": ["Pw 35"]}
    widget = maak_plan()
    open_uit_adres(widget)
    assert [a.artikel for a in widget.bouwer.plan().legitimiteit] == ["Pw 35"]
