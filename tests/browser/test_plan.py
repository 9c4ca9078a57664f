"""The doorbraakplan in the built book: the schema tables, the printed example and its links."""

from __future__ import annotations

import io
import json
import re
import urllib.request
from pathlib import Path

import pypdf
import pytest
from conftest import axe_overtredingen

from calculators.plan.model import plan_schema

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "data" / "voorbeelden" / "doorbraakplan-voorbeeld.json"


def test_planbestand_pagina_toont_elk_veld_uit_het_schema(pagina, statisch_url, boek_build):
    assert boek_build[0] == 0, boek_build.uitvoer[-3000:]
    pagina.goto(statisch_url + "/book/rekenhulpen/plan-bestand.html")
    tabellen = pagina.locator("table.planschema")
    assert tabellen.count() >= 7
    eerste = tabellen.first
    velden = eerste.locator("tbody tr td:first-child").all_inner_texts()
    assert velden == list(plan_schema()["properties"])
    rij = eerste.locator("tbody tr", has_text="kans_dreigend")
    assert "tot en met 1" in rij.inner_text()
    assert axe_overtredingen(pagina) == []


def test_eerste_plan_linkt_naar_de_afdruk_en_toont_het_concept(pagina, statisch_url, boek_build):
    pagina.goto(statisch_url + "/book/aan-de-slag/je-eerste-doorbraakplan.html")
    links = pagina.locator(".planafdruk-links a")
    assert links.count() == 3
    hrefs = [links.nth(i).get_attribute("href") for i in range(3)]
    assert [h.rsplit(".", 1)[-1] for h in hrefs] == ["pdf", "docx", "html"]
    with urllib.request.urlopen(pagina.url.rsplit("/", 1)[0] + "/" + hrefs[0]) as r:
        pdf = pypdf.PdfReader(io.BytesIO(r.read()))
    titel = json.loads(VOORBEELD.read_text(encoding="utf-8"))["titel"]
    assert titel[:30] in pdf.pages[0].extract_text()
    concept = pagina.locator(".planafdruk-kader.concept")
    concept.wait_for()
    assert "Concept: controleer dit" in concept.inner_text()
    assert "Op grond van artikel 49 van de Participatiewet" in concept.inner_text()
    assert axe_overtredingen(pagina) == []
    assert not pagina.extern, pagina.extern


@pytest.mark.parametrize("breedte", [1366, 360])
def test_afgedrukte_webpagina_is_toegankelijk(pagina, statisch_url, boek_build, breedte):
    pagina.set_viewport_size({"width": breedte, "height": 900})
    pagina.goto(statisch_url + "/_static/doorbraakplan/doorbraakplan-voorbeeld.html")
    assert pagina.locator("h1").inner_text().startswith("Voorbeeld: gezin")
    assert axe_overtredingen(pagina) == []
    assert not pagina.extern, pagina.extern


def test_browserafdruk_heeft_voettekst_en_paginanummers(browser, tmp_path):
    from calculators.plan.afdruk import als_html, maak_afdruk
    from calculators.plan.model import lees_planbestand

    afdruk = maak_afdruk(lees_planbestand(VOORBEELD))
    pad = tmp_path / "plan.html"
    pad.write_text(als_html(afdruk), encoding="utf-8")
    pagina = browser.new_page()
    pagina.goto(pad.as_uri())
    pdf = pypdf.PdfReader(io.BytesIO(pagina.pdf(prefer_css_page_size=True)))
    pagina.close()
    n = len(pdf.pages)
    laatste = _zonder_spaties(pdf.pages[-1].extract_text())
    assert f"Pagina{n}van{n}" in laatste and _zonder_spaties(afdruk.voettekst) in laatste


def _zonder_spaties(t: str) -> str:
    return re.sub(r"\s+", "", t)
