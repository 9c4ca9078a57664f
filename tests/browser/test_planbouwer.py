"""The plan builder "Doorbraakplan" (widget) in Chromium: the book page, axe, a step, an article, save and load.

(tests/browser/test_plan.py holds the print and schema tests of the plan file.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import axe_overtredingen, open_rekenhulp, wacht_op_rekenhulp

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser
PAGINA = "/book/rekenhulpen/doorbraakplan.html"


def _eerste_alinea(pagina: str) -> str:
    """First paragraph after the title of a book page, read without the code under test."""
    return " ".join((ROOT / "book" / f"{pagina}.md").read_text(encoding="utf-8").split("\n\n")[1].split())


@pytest.mark.parametrize("breedte", [1366, 360])
def test_pagina_laadt_zonder_ernstige_axe_overtredingen(pagina, server_url, breedte):
    pagina.set_viewport_size({"width": breedte, "height": 900})
    pagina.goto(server_url + PAGINA)
    frame = wacht_op_rekenhulp(pagina, "plan")
    frame.get_by_text("Stap 1: het perspectief").wait_for(timeout=60_000)
    assert _eerste_alinea("methode/stap-1-perspectief") in " ".join(frame.locator("body").inner_text().split())
    assert axe_overtredingen(pagina) == []
    iframe = pagina.frames[-1]
    for f in pagina.frames:
        if "/voila/render/plan.ipynb" in f.url:
            iframe = f
    assert axe_overtredingen(pagina, iframe) == []
    breed = iframe.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert breed <= 16, f"de rekenhulp is {breed} pixels te breed"
    assert not pagina.extern, pagina.extern


def test_stap_invullen_artikel_toevoegen_bewaren_herladen_laden(pagina, server_url, tmp_path):
    open_rekenhulp(pagina, server_url + "/voila/render/plan.ipynb")
    pagina.get_by_text("Stap 1: het perspectief").wait_for(timeout=90_000)
    perspectief = "We willen in ons huis blijven wonen. De kinderen blijven op hun school."
    veld = pagina.get_by_label("Wat wil het huishouden, in eigen woorden?")
    veld.fill(perspectief)
    veld.press("Tab")
    pagina.get_by_label("Datum (jjjj-mm-dd)").fill("2026-12-01")
    pagina.get_by_label("Datum (jjjj-mm-dd)").press("Tab")
    zoek = pagina.get_by_label("Zoek een artikel")
    zoek.fill("Pw 35")
    zoek.press("Enter")
    pagina.locator("[role=status]").get_by_text("artikelen gevonden").first.wait_for(timeout=30_000)
    pagina.get_by_role("button", name="Zet in mijn plan").click()
    motivering = pagina.get_by_label("Waarom past Pw 35 hier?")
    motivering.wait_for(timeout=30_000)
    assert "Op grond van artikel 35 van de Participatiewet" in pagina.locator(".dbw-zin-plan").inner_text()
    motivering.fill("Bijzondere kosten door de huurschuld.")
    motivering.press("Tab")
    pagina.wait_for_timeout(1000)
    pagina.get_by_role("button", name="Controleer en maak downloads").click()
    link = pagina.get_by_role("link", name="Download het doorbraakplan (JSON)")
    link.wait_for(timeout=90_000)
    with pagina.expect_download() as d:
        link.click()
    bestand = tmp_path / d.value.suggested_filename
    d.value.save_as(bestand)
    data = json.loads(bestand.read_text(encoding="utf-8"))
    assert data["perspectief"] == perspectief and data["datum"] == "2026-12-01"
    assert data["legitimiteit"] == [{"artikel": "Pw 35", "motivering": "Bijzondere kosten door de huurschuld."}]

    pagina.reload()
    pagina.get_by_text("Stap 1: het perspectief").wait_for(timeout=90_000)
    assert pagina.get_by_label("Wat wil het huishouden, in eigen woorden?").input_value() == ""
    with pagina.expect_file_chooser() as keuze:
        pagina.get_by_role("button", name="Doorbraakplan laden (JSON)").click()
    keuze.value.set_files(str(bestand))
    pagina.get_by_text("is geladen").first.wait_for(timeout=30_000)
    assert pagina.get_by_label("Wat wil het huishouden, in eigen woorden?").input_value() == perspectief
    assert pagina.get_by_label("Waarom past Pw 35 hier?").input_value() == "Bijzondere kosten door de huurschuld."
    pagina.get_by_role("button", name="Controleer en maak downloads").click()
    link = pagina.get_by_role("link", name="Download het doorbraakplan (JSON)")
    link.wait_for(timeout=90_000)
    with pagina.expect_download() as d:
        link.click()
    opnieuw = tmp_path / "opnieuw.json"
    d.value.save_as(opnieuw)
    assert opnieuw.read_bytes() == bestand.read_bytes()
    assert not pagina.extern, pagina.extern


def test_zet_in_mijn_plan_vanuit_mag_dit(pagina, server_url):
    open_rekenhulp(pagina, server_url + "/voila/render/plan.ipynb?artikel=Pw%2035")
    pagina.get_by_text("Stap 1: het perspectief").wait_for(timeout=90_000)
    pagina.get_by_label("Waarom past Pw 35 hier?").wait_for(timeout=30_000)
    assert "Pw 35 staat nu in je plan" in pagina.locator("[role=status]").all_inner_texts().__str__()
