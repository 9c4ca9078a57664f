"""WCAG 2.1 AA in a real browser: every book page and every calculator.

Checks axe-core (no serious/critical violations), keyboard use with visible focus,
screen-reader announcements, phone width and 200% zoom, and that HTML typed into any
text field is shown as text and never runs.
"""

from pathlib import Path

import conftest
import pytest
from conftest import axe_overtredingen, bewaar_schermafdruk, nieuwe_pagina

ROOT = Path(__file__).resolve().parents[2]
DASHBOARDS = sorted(p.stem for p in (ROOT / "calculators" / "dashboards").glob("*.ipynb"))
pytestmark = pytest.mark.browser

AANVAL = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"\'><b>vet</b>'


def boekpaginas(html: Path) -> list[str]:
    return sorted("/" + str(p.relative_to(html)) for p in (html / "book").rglob("*.html"))


def open_rekenhulp(pagina, server_url, naam):
    conftest.open_rekenhulp(pagina, f"{server_url}/voila/render/{naam}.ipynb")
    pagina.wait_for_timeout(300)


def test_boekpaginas_met_rekenhulp_via_de_server_zonder_ernstige_axe_overtredingen(pagina, server_url, boek_build):
    """Pages that embed a calculator, as served with the calculators running (the start button
    instead of the 'rekenserver niet draait' note). Every page, also these, is checked as a
    static page at 1366 and 360 px in test_nederlands.py."""
    assert boek_build[0] == 0
    paginas = [p for p in boekpaginas(boek_build.html) if "data-rekenhulp=" in (boek_build.html / p[1:]).read_text()]
    assert len(paginas) >= 5
    fouten = {}
    for pad in paginas:
        pagina.goto(server_url + pad)
        pagina.wait_for_load_state("load")
        gevonden = axe_overtredingen(pagina)
        if gevonden:
            fouten[pad] = gevonden
    assert not fouten, fouten
    assert not pagina.extern, pagina.extern


@pytest.fixture(scope="module", params=DASHBOARDS)
def rekenhulp(request, browser, server_url):
    """One opened calculator per dashboard, shared by the checks below (in this order).

    Opening a calculator costs a kernel; the checks that only look, tab or resize share
    one page. The check that types into the fields comes last, as it changes the page.
    A failing check saves a screenshot in tests/artefacten/.
    """
    context, pagina = nieuwe_pagina(browser, 1366, 900)
    open_rekenhulp(pagina, server_url, request.param)
    yield request.param, pagina
    context.close()


@pytest.fixture
def rekenhulp_pagina(rekenhulp, request):
    naam, pagina = rekenhulp
    yield naam, pagina
    rapport = getattr(request.node, "rapport_call", None)
    if rapport is not None and rapport.failed:
        bewaar_schermafdruk(pagina, request.node.name)


def test_rekenhulp_zonder_ernstige_axe_overtredingen(rekenhulp_pagina):
    _, pagina = rekenhulp_pagina
    assert axe_overtredingen(pagina) == []


def test_rekenhulp_heeft_aria_live_en_labels(rekenhulp_pagina):
    _, pagina = rekenhulp_pagina
    assert pagina.locator("[aria-live]").count() >= 1, "geen aria-live gebied voor schermlezers"
    zonder_label = pagina.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                      && !el.getAttribute('aria-labelledby') && !el.getAttribute('title'))
        .map(el => el.outerHTML.slice(0, 120))""")
    assert not zonder_label, zonder_label


def test_rekenhulp_met_alleen_toetsenbord(rekenhulp_pagina):
    _, pagina = rekenhulp_pagina
    pagina.evaluate("() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); }")
    bezocht, zonder_focusrand = [], []
    for _ in range(40):
        pagina.keyboard.press("Tab")
        info = pagina.evaluate("""() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const s = getComputedStyle(el);
            const rand = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
            return {tag: el.tagName, type: el.type || '', label: el.getAttribute('aria-label') || el.id || el.textContent.slice(0, 30), rand};
        }""")
        if info:
            bezocht.append(info)
            if not info["rand"]:
                zonder_focusrand.append(info)
    invoer = [b for b in bezocht if b["tag"] in ("INPUT", "SELECT", "TEXTAREA", "BUTTON")]
    assert invoer, f"met Tab kom je bij geen enkel invoerveld of knop: {bezocht[:5]}"
    assert not zonder_focusrand, f"geen zichtbare focus bij: {zonder_focusrand[:5]}"


@pytest.mark.parametrize("breedte", [1366, 360])
def test_geen_knoptekst_afgekapt(rekenhulp_pagina, breedte):
    """Every visible button shows its whole text ("Maak een Exce…" is not a label)."""
    _, pagina = rekenhulp_pagina
    pagina.set_viewport_size({"width": breedte, "height": 900})
    try:
        pagina.wait_for_timeout(300)
        afgekapt = pagina.evaluate("""() => [...document.querySelectorAll('button')]
            .filter(b => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
            .map(b => b.textContent.trim().slice(0, 60))""")
        assert not afgekapt, f"afgekapte knoppen bij {breedte} px: {afgekapt}"
    finally:
        pagina.set_viewport_size({"width": 1366, "height": 900})


# 200 % zoom of a 1280 px window is a 640 CSS px wide viewport (WCAG 1.4.10 reflow); the
# device pixel ratio does not change the layout, so the window is simply made narrower.
@pytest.mark.parametrize("breedte", [360, 640], ids=["telefoon-360px", "zoom-200"])
def test_rekenhulp_bruikbaar_op_telefoon_en_bij_zoom(rekenhulp_pagina, breedte):
    _, pagina = rekenhulp_pagina
    pagina.set_viewport_size({"width": breedte, "height": 800})
    try:
        pagina.evaluate("() => window.scrollTo(0, 0)")
        pagina.wait_for_timeout(300)
        overloop = pagina.evaluate(
            "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth"
        )
        assert overloop <= 16, f"de pagina is {overloop} pixels te breed"
        eerste = pagina.locator("input:visible, select:visible, textarea:visible").first
        vak = eerste.bounding_box()
        assert vak and vak["x"] >= 0 and vak["x"] + vak["width"] <= breedte + 1
    finally:
        pagina.set_viewport_size({"width": 1366, "height": 900})


def test_html_in_tekstvelden_wordt_tekst(rekenhulp_pagina):
    _, pagina = rekenhulp_pagina
    velden = pagina.locator("input[type=text]:visible, textarea:visible, input:not([type]):visible")
    aantal = velden.count()
    for i in range(min(aantal, 6)):
        veld = velden.nth(i)
        veld.fill(AANVAL)
        veld.press("Enter")
    pagina.wait_for_timeout(1500)
    assert pagina.evaluate("() => window.__xss") is None, "ingevoerde HTML werd uitgevoerd"
    assert pagina.locator("b:text-is('vet')").count() == 0, "ingevoerde HTML werd als opmaak getoond"


@pytest.mark.parametrize(
    "pad",
    [
        "/search.html?q=huisuitzetting",
        "/book/aan-de-slag/je-eerste-doorbraakplan.html",
        "/book/rekenhulpen/wat-kost-het.html",
    ],
    ids=["zoeken", "geldstroomtabel", "prijstabel"],
)
def test_zoekpagina_en_brede_tabellen_op_telefoon_zonder_ernstige_axe_overtredingen(browser, statisch_url, pad):
    """The search results (count, snippets) and the scroll cues of wide tables at 360 px."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="nl-NL")
    pagina = context.new_page()
    try:
        pagina.goto(statisch_url + pad)
        pagina.wait_for_load_state("load")
        if "search" in pad:
            pagina.wait_for_function(
                "() => (document.querySelector('#search-results .search-summary') || {}).textContent"
            )
        else:
            assert pagina.locator(".tabel-veeg:visible").count() >= 1, "geen zichtbare scrollhint bij een brede tabel"
        assert axe_overtredingen(pagina) == []
    finally:
        context.close()
