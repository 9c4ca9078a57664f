"""The price lookup as a professional uses it, in headless Chromium."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_currency
from conftest import axe_overtredingen, open_rekenhulp, wacht_op_rekenhulp

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser


def prijs_uit_csv(item: str) -> Decimal:
    with open(ROOT / "data" / "prijzen.csv", encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            if rij["item"] == item:
                return Decimal(rij["bedrag"])
    raise KeyError(item)


def test_voorpagina_opent(pagina, server_url):
    pagina.goto(server_url + "/")
    pagina.wait_for_url("**/book/welkom.html")
    assert "Doorbraakwijzer" in pagina.title()
    assert pagina.locator("html").get_attribute("lang") == "nl"
    assert not pagina.extern, pagina.extern


def test_prijs_zoeken_en_mandje(pagina, server_url):
    pagina.goto(server_url + "/book/rekenhulpen/wat-kost-het.html")
    frame = wacht_op_rekenhulp(pagina, "prijzen")
    zoek = frame.get_by_label("Zoekwoorden")
    zoek.fill("huisuitzeting")  # with a typo, as people type
    eerste = frame.locator(".dbw-rij").first
    eerste.get_by_text("Huisuitzetting", exact=False).first.wait_for(timeout=15_000)
    naam = eerste.locator("strong").inner_text()
    assert "huisuitzetting" in naam.lower()
    eerste.get_by_role("button", name="In mandje").click()
    verwacht = format_currency(prijs_uit_csv(naam), "EUR", locale="nl_NL")
    frame.locator("tfoot").get_by_text(verwacht).wait_for(timeout=15_000)
    assert frame.get_by_role("link", name="Download je mandje (CSV)").is_visible()
    assert not pagina.extern, pagina.extern


def test_prijspagina_zonder_rekenserver_toont_tabel(pagina, statisch_url):
    pagina.goto(statisch_url + "/book/rekenhulpen/wat-kost-het.html")
    status = pagina.locator(".rekenhulp-status")
    status.get_by_text("rekenserver niet draait").wait_for(timeout=10_000)
    assert pagina.locator(".prijstabel tbody tr").count() > 50
    pagina.get_by_label("Zoek in de tabel").fill("pleegvergoeding")
    zichtbaar = pagina.locator(".prijstabel tbody tr:visible")
    assert 1 <= zichtbaar.count() < 10
    for tekst in zichtbaar.all_inner_texts():
        assert "pleegvergoeding" in tekst.lower()
    # sort by amount: the first visible amount is the smallest
    pagina.get_by_role("button", name="Bedrag").click()
    bedragen = [
        float(x)
        for x in pagina.locator(".prijstabel tbody tr:visible td.bedrag").evaluate_all(
            "els => els.map(e => e.dataset.sort)"
        )
    ]
    assert bedragen == sorted(bedragen)


@pytest.mark.parametrize("pad", ["/book/welkom.html", "/book/rekenhulpen/wat-kost-het.html"])
def test_axe_geen_ernstige_overtredingen_op_boekpagina(pagina, server_url, pad):
    pagina.goto(server_url + pad)
    pagina.wait_for_load_state("networkidle")
    assert axe_overtredingen(pagina) == []


def test_axe_geen_ernstige_overtredingen_in_rekenhulp(pagina, server_url):
    open_rekenhulp(pagina, server_url + "/voila/render/prijzen.ipynb")
    pagina.get_by_label("Zoekwoorden").fill("ggz")
    pagina.locator(".dbw-rij").first.wait_for()
    assert axe_overtredingen(pagina) == []


# --- issue 16: units, suggestions, plurals, buttons that fit ---------------------------

ARTEFACTEN = ROOT / "tests" / "artefacten"


def _zoek(frame, tekst):
    veld = frame.get_by_label("Zoekwoorden")
    veld.fill(tekst)
    veld.press("Enter")


def test_eenheid_wordt_omgerekend_en_gemarkeerd(pagina, server_url):
    pagina.goto(server_url + "/book/rekenhulpen/wat-kost-het.html")
    frame = wacht_op_rekenhulp(pagina, "prijzen")
    _zoek(frame, "pleegvergoeding per jaar")
    rij = frame.locator(".dbw-rij").filter(has_text="Pleegvergoeding 0 t/m 8 jaar").first
    rij.wait_for(timeout=15_000)
    per_dag = prijs_uit_csv("Pleegvergoeding 0 t/m 8 jaar")
    per_jaar = format_currency(per_dag * 365, "EUR", locale="nl_NL")  # 365 days, computed here
    tekst = rij.inner_text()
    assert format_currency(per_dag, "EUR", locale="nl_NL") in tekst and "per dag" in tekst
    assert f"= {per_jaar} per jaar (omgerekend)".replace("\u00a0", " ") in tekst.replace("\u00a0", " ")
    frame.locator("[role=status]").get_by_text("Je vroeg om een bedrag per jaar", exact=False).wait_for(timeout=5_000)


def test_niets_gevonden_geeft_bedoel_je(pagina, server_url):
    pagina.goto(server_url + "/book/rekenhulpen/wat-kost-het.html")
    frame = wacht_op_rekenhulp(pagina, "prijzen")
    _zoek(frame, "pleegvergoeding 9 t/m 11 jaar")
    status = frame.locator("[role=status]").get_by_text("Geen prijzen gevonden", exact=False)
    status.wait_for(timeout=15_000)
    assert "Bedoel je 'Pleegvergoeding" in status.inner_text()


def test_meervoud_een_prijs(pagina, server_url):
    pagina.goto(server_url + "/book/rekenhulpen/wat-kost-het.html")
    frame = wacht_op_rekenhulp(pagina, "prijzen")
    _zoek(frame, "respijtzorg")
    frame.locator("[role=status]").get_by_text("1 prijs gevonden", exact=False).wait_for(timeout=15_000)
    assert frame.locator("[role=status]").get_by_text("1 prijzen", exact=False).count() == 0


@pytest.mark.parametrize("breedte", [360, 1366])
def test_knoppen_passen_op_het_scherm(pagina, server_url, breedte):
    pagina.set_viewport_size({"width": breedte, "height": 900})
    open_rekenhulp(pagina, server_url + "/voila/render/prijzen.ipynb")
    _zoek(pagina, "respijtzorg")
    pagina.locator(".dbw-rij").first.get_by_role("button", name="In mandje").click()
    pagina.get_by_role("button", name="Verwijder").wait_for(timeout=15_000)
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTEN / f"prijzen-knoppen-{breedte}.png"), full_page=True)
    for naam in ("Mandje leegmaken", "Verwijder", "In mandje"):
        knop = pagina.get_by_role("button", name=naam).first
        # the whole label is visible: the text is not wider than the button
        afgekapt = knop.evaluate("b => b.scrollWidth > b.clientWidth + 1")
        assert not afgekapt, f"'{naam}' is afgekapt bij {breedte} px"
