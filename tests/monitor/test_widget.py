"""The Monitor widget: demo folder on start, filters, uploads (bad files, zip bomb, personal data), Excel = screen."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl

from calculators.monitor.widget import maak_monitor

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "voorbeelden" / "monitor-demo"
PLANNEN = {
    p.relative_to(DEMO).as_posix(): json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEMO.rglob("*.json"))
}


def _xlsx(html: str) -> openpyxl.Workbook:
    data = re.search(r"base64,([^']+)'", html).group(1)
    return openpyxl.load_workbook(io.BytesIO(base64.b64decode(data)))


def test_start_met_de_voorbeeldmap_en_tabellen_naast_de_grafieken():
    m = maak_monitor().monitor
    assert f"{len(PLANNEN)} plannen geteld" in m.status.value
    assert "voorbeeldmap" in m.bron.value
    html = m.uitkomst.value
    assert html.count("<table") >= 5 and html.count("aria-hidden='true'") >= 4
    for kop in ("Meest gebruikte wetsartikelen", "Domeinen", "Kosten per geldstroom", "Knelpunten"):
        assert kop in html


def test_filter_op_periode_en_domein_telt_zelf_na():
    m = maak_monitor().monitor
    m.van.value = dt.date(2026, 1, 1)
    m.domein.value = "wonen"
    verwacht = sum(
        1 for p in PLANNEN.values() if p.get("datum", "") >= "2026-01-01" and "wonen" in p.get("domeinen", [])
    )
    assert f"{verwacht} plannen geteld" in m.status.value or f"{verwacht} plan geteld" in m.status.value
    assert "buiten het filter" in m.meldingen.value
    m.tot.value = dt.date(2025, 1, 1)
    assert "begindatum ligt na de einddatum" in m.status.value


def test_excel_download_heeft_dezelfde_cijfers_als_het_scherm():
    m = maak_monitor().monitor
    assert m.download.value == "", "het Excel-bestand wordt pas gemaakt als de lezer erom vraagt"
    m.maak_excel.click()
    assert "Het Excel-bestand staat klaar" in m.status.value
    wb = _xlsx(m.download.value)
    wetten = [[c.value for c in r] for r in wb["Wetten"].iter_rows(min_row=2)]
    assert wetten == [[a, n] for a, n in m.overzicht.wetten]
    for artikel, aantal in wetten:
        assert f'<th scope="row">{artikel}</th><td class="bedrag">{aantal}</td>' in m.uitkomst.value


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, b in entries.items():
            zf.writestr(n, b)
    return buf.getvalue()


def test_upload_van_zip_json_en_kapotte_bestanden():
    m = maak_monitor().monitor
    eerste = next(iter(PLANNEN))
    m.laad_bestanden(
        [
            ("plannen.zip", _zip({n: (DEMO / n).read_bytes() for n in PLANNEN})),
            ("los.json", (DEMO / eerste).read_bytes()),
            ("kapot.json", b"{"),
            ("foto.jpg", b"\xff\xd8"),
        ]
    )
    assert f"{len(PLANNEN) + 1} plannen geteld, 2 niet geteld" in m.status.value
    assert "kapot.json" in m.meldingen.value and "foto.jpg" in m.meldingen.value
    assert "je eigen 4 bestanden" in m.bron.value


def test_zip_bom_verandert_niets_en_geeft_melding():
    m = maak_monitor().monitor
    voor = m.uitkomst.value
    m.laad_bestanden([("bom.zip", _zip({"bom.json": b"0" * 30_000_000}))])
    assert "zip-bom" in m.status.value
    assert m.uitkomst.value == voor


def test_persoonsgegevens_geven_een_waarschuwing_zonder_de_gegevens_te_tonen():
    m = maak_monitor().monitor
    naam, plan = next(iter(PLANNEN.items()))
    plan = dict(plan, huidige_situatie="Meneer De Vries belt vanaf 06-12345678 over zijn huur.")
    m.laad_bestanden([("a.json", json.dumps(plan).encode())])
    assert "misschien persoonsgegevens" in m.meldingen.value
    assert "huidige_situatie" in m.meldingen.value
    assert "12345678" not in m.meldingen.value and "Vries" not in m.meldingen.value


def test_html_in_een_bestandsnaam_wordt_tekst():
    m = maak_monitor().monitor
    m.laad_bestanden([("<img src=x onerror=alert(1)>.json", b"{")])
    assert "<img" not in m.meldingen.value and "&lt;img" in m.meldingen.value


def test_voorbeeldmap_slaat_de_privacycontrole_over_maar_eigen_bestanden_niet(monkeypatch):
    """The demo (composites, checked clean in tests/monitor/test_monitor.py) is not checked
    again, so a kernel does not load the guard's name lists for it; own files always are,
    also when they are copies of the demo files, and also after "Toon de voorbeeldmap"."""
    import calculators.monitor.overzicht as ov

    gecontroleerd: list[str] = []
    echt = ov.privacy_waarschuwing

    def tel(naam, plan, gezien):
        gecontroleerd.append(naam)
        return echt(naam, plan, gezien)

    monkeypatch.setattr(ov, "privacy_waarschuwing", tel)
    m = maak_monitor().monitor
    assert gecontroleerd == [] and str(len(PLANNEN)) in m.status.value
    m.laad_bestanden([(n.split("/")[-1], json.dumps(p).encode()) for n, p in PLANNEN.items()])
    assert len(gecontroleerd) == len(PLANNEN)
    gecontroleerd.clear()
    m.demo.click()
    assert gecontroleerd == []
    naam, plan = next(iter(PLANNEN.items()))
    plan = dict(plan, huidige_situatie="Meneer De Vries belt vanaf 06-12345678 over zijn huur.")
    m.laad_bestanden([("a.json", json.dumps(plan).encode())])
    assert gecontroleerd == ["a.json"] and "misschien persoonsgegevens" in m.meldingen.value


def test_nieuw_filter_haalt_de_oude_excel_link_weg():
    """A link to the Excel file of the previous overview would differ from the screen."""
    m = maak_monitor().monitor
    m.maak_excel.click()
    alle = len(list(_xlsx(m.download.value)["Wetten"].iter_rows(min_row=2)))
    m.domein.value = "wonen"
    assert m.download.value == ""
    m.maak_excel.click()
    wonen = [[c.value for c in r] for r in _xlsx(m.download.value)["Wetten"].iter_rows(min_row=2)]
    assert wonen == [[a, n] for a, n in m.overzicht.wetten] and len(wonen) <= alle
    assert m.overzicht.aantal_plannen < len(PLANNEN)
