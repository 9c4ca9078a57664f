"""Trainer kit and content pages of issue 17 in headless Chromium: axe at 1366 and 360 px, cards from the plan files."""

import json

import pytest
from conftest import ROOT, axe_overtredingen

pytestmark = pytest.mark.browser

PAGINAS = [
    "/book/trainers/rekenkaarten.html",
    "/book/trainers/antwoorden.html",
    "/book/patronen/giftige-cocktails.html",
    "/book/naslag/wijzigingen.html",
    "/book/wettelijke-basis/catch-22.html",
    "/book/reizen/dubbele-bewoning.html",
    "/book/inspiratie/casussen/thuiszorg-op-vakantiepark.html",
]


@pytest.mark.parametrize("breedte", [1366, 360])
@pytest.mark.parametrize("pad", PAGINAS)
def test_pagina_zonder_ernstige_axe_overtredingen(browser, statisch_url, pad, breedte):
    context = browser.new_context(viewport={"width": breedte, "height": 900}, locale="nl-NL")
    pagina = context.new_page()
    try:
        antwoord = pagina.goto(statisch_url + pad)
        assert antwoord is not None and antwoord.status == 200, pad
        pagina.wait_for_load_state("load")
        pagina.wait_for_timeout(150)  # the table cues of book/_static/doorbraak.js
        assert axe_overtredingen(pagina) == []
        if breedte == 360:  # a wide table scrolls inside its own region, the page itself does not
            breed = pagina.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert breed <= 1, f"de pagina is {breed} px te breed op een telefoon"
    finally:
        context.close()


def test_rekenkaart_toont_de_regels_van_het_planbestand(pagina, statisch_url):
    plan = json.loads((ROOT / "data" / "reizen" / "zwangere-studente.json").read_text(encoding="utf-8"))
    pagina.goto(statisch_url + "/book/trainers/rekenkaarten.html")
    regio = pagina.get_by_role("region", name="Stap 3: het dreigend scenario: De zwangere studente")
    regio.wait_for()
    tekst = regio.inner_text()
    for regel in plan["scenarios"]["dreigend"]:
        assert regel["omschrijving"] in tekst
    # the source of every price is a link a reader can follow
    assert regio.get_by_role("link").count() == len(plan["scenarios"]["dreigend"])
    # the region can be reached with the keyboard (for scrolling on a phone)
    assert regio.get_attribute("tabindex") == "0"


def test_antwoord_toont_kans_en_looptijd_uit_het_planbestand(pagina, statisch_url):
    plan = json.loads((ROOT / "data" / "reizen" / "adhd-na-de-scheiding.json").read_text(encoding="utf-8"))
    pagina.goto(statisch_url + "/book/trainers/antwoorden.html")
    procent = round(plan["kans_dreigend"] * 100)
    zin = f"Het planbestand rekent met een kans van {procent} procent op het dreigend scenario, over {plan['horizon_jaren']} jaar."
    assert pagina.get_by_text(zin, exact=True).count() == 1
