"""Signalenwijzer in headless Chromium: tick signals, the picture and the checklist follow, A4 print, axe."""

import base64
import re

import pytest
import yaml
from conftest import ROOT, axe_overtredingen, open_rekenhulp

pytestmark = pytest.mark.browser

SIGNALEN = yaml.safe_load((ROOT / "data" / "patronen" / "signalen.yaml").read_text(encoding="utf-8"))["signalen"]
TEKST = {s["id"]: s["tekst"] for s in SIGNALEN}


def open_wijzer(pagina, server_url, query=""):
    open_rekenhulp(pagina, f"{server_url}/voila/render/signalen.ipynb{query}")
    pagina.locator(".dbw-vinkje").first.wait_for(timeout=60_000)


def pdf_paginas(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_vinkjes_geven_beeld_plan_link_en_checklist_van_een_a4(pagina, server_url, browser):
    open_wijzer(pagina, server_url)
    pagina.get_by_label(TEKST["huurachterstand"]).check()
    pagina.get_by_label(TEKST["kinderen-en-geldzorgen"]).check()
    pagina.locator("[role=status]").get_by_text("2 signalen gekozen").wait_for(timeout=20_000)
    pagina.get_by_text("stap 5 van 6", exact=False).wait_for(timeout=10_000)
    assert pagina.get_by_text("Cluster 3: Schulden, wonen en kinderen", exact=False).count() >= 1
    plan = pagina.get_by_role("link", name="Start een plan met deze signalen")
    assert plan.get_attribute("href") == "/voila/render/plan.ipynb?signalen=huurachterstand,kinderen-en-geldzorgen"
    wet = pagina.get_by_role("link", name=re.compile(r"^Wgs 4:"))
    assert wet.get_attribute("href").startswith("/book/wetten/") and wet.get_attribute("target") == "_top"
    href = pagina.get_by_role("link", name="Download de checklist om te printen (A4)").get_attribute("href")
    html = base64.b64decode(href.split("base64,", 1)[1]).decode("utf-8").lstrip("\ufeff")
    assert html.count("☒") == 2
    afdruk = browser.new_page()
    try:
        afdruk.set_content(html)
        afdruk.emulate_media(media="print")
        assert afdruk.locator("h1").inner_text() == "Signalenwijzer: checklist"
        assert pdf_paginas(afdruk.pdf(format="A4", prefer_css_page_size=True)) == 1
    finally:
        afdruk.close()
    assert not pagina.extern, pagina.extern


def test_alle_vinkjes_aan_blijft_een_a4(pagina, server_url, browser):
    ids = ",".join(s["id"] for s in SIGNALEN)
    open_wijzer(pagina, server_url, f"?signalen={ids}")
    pagina.locator("[role=status]").get_by_text(f"{len(SIGNALEN)} signalen gekozen").wait_for(timeout=30_000)
    href = pagina.get_by_role("link", name="Download de checklist om te printen (A4)").get_attribute("href")
    html = base64.b64decode(href.split("base64,", 1)[1]).decode("utf-8").lstrip("\ufeff")
    assert html.count("☒") == len(SIGNALEN)
    afdruk = browser.new_page()
    try:
        afdruk.set_content(html)
        assert pdf_paginas(afdruk.pdf(format="A4", prefer_css_page_size=True)) == 1
    finally:
        afdruk.close()


def test_toetsenbord_vinkt_aan(pagina, server_url):
    open_wijzer(pagina, server_url)
    vakje = pagina.get_by_label(TEKST["geboorte-kind"])
    vakje.focus()
    pagina.keyboard.press("Space")
    pagina.locator("[role=status]").get_by_text("1 signaal gekozen").wait_for(timeout=20_000)
    assert vakje.is_checked()
    pagina.get_by_role("button", name="Wis alle vinkjes").click()
    pagina.locator("[role=status]").get_by_text("Geen signaal gekozen").wait_for(timeout=20_000)
    assert not vakje.is_checked()


@pytest.mark.parametrize("breedte", [1366, 360])
def test_axe_en_lange_teksten_passen_op_elke_breedte(pagina, server_url, breedte):
    pagina.set_viewport_size({"width": breedte, "height": 900})
    open_wijzer(pagina, server_url, "?signalen=baanverlies,stress-door-geldzorgen,geen-aanbieder-voor-kind")
    pagina.locator("[role=status]").get_by_text("3 signalen gekozen").wait_for(timeout=30_000)
    assert axe_overtredingen(pagina) == []
    # The full signal text is visible (wrapped), not cut off with an ellipsis.
    label = pagina.get_by_text(TEKST["geen-aanbieder-voor-kind"], exact=True).first
    breed = label.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert breed
    assert pagina.evaluate("() => document.documentElement.scrollWidth") <= breedte + 1


def test_boekpagina_toont_de_lijst_zonder_rekenserver(pagina, statisch_url):
    pagina.goto(statisch_url + "/book/patronen/signalenwijzer.html")
    lijst = pagina.locator(".signalenlijst")
    for s in SIGNALEN[::7]:
        assert lijst.get_by_text(s["tekst"], exact=False).count() >= 1, s["id"]
    assert lijst.locator("li").count() == len(SIGNALEN)
    assert lijst.get_by_text("eigen toevoeging", exact=False).count() == sum(
        1 for s in SIGNALEN if s.get("eigen_toevoeging")
    )
    assert lijst.locator("a.wetsartikel-link, a[href*='wetten']").count() >= len(SIGNALEN)
