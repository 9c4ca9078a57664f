"""Dutch on every screen (issue 15): the theme, the search, phones, print and headings.

Every book page (static, as without the calculator server) and every calculator (through the
real server) is opened in Chromium at 1366 px and at 360 px. A test fails on:

- visible English text of the theme (from the list :data:`ENGELS`), also in title, aria-label,
  placeholder and tooltip attributes, and on an English date such as "Dec 01, 2026";
- a table wider than its container that is not in a scroll container, or that scrolls without
  a visible cue;
- two visible headings with the same text on one page, or an empty heading.

The search tests use the built search page: Dutch word forms (at least ten pairs), the
synonym list, the count of results and internal pages kept out. Expected pages are taken from
the built search index and the built pages, never from the JavaScript under test.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from conftest import axe_uitslag, nieuwe_pagina, open_rekenhulp, start_axe, volg_de_pagina

ROOT = Path(__file__).resolve().parents[2]
DASHBOARDS = sorted(p.stem for p in (ROOT / "calculators" / "dashboards").glob("*.ipynb"))
pytestmark = pytest.mark.browser

BREEDTES = [(1366, "breed"), (360, "telefoon")]

# English texts of Sphinx, pydata-sphinx-theme, sphinx-book-theme, sphinx-copybutton and Voila
# that a reader could meet. Matched case-insensitively as a phrase.
ENGELS = [
    "Cell execution timed out",  # Voila, when a cell waits longer than VoilaExecutor.timeout
    "aborting notebook execution",
    "Back to top",
    "Toggle primary sidebar",
    "Toggle secondary sidebar",
    "Toggle navigation",
    "light/dark",
    "Link to this heading",
    "Link to this table",
    "Link to this definition",
    "Link to this term",
    "Link to this image",
    "Link to this code",
    "next page",
    "previous page",
    "Skip to main content",
    "Last updated",
    "On this page",
    "Section Navigation",
    "Site navigation",
    "Version warning",
    "Copy to clipboard",
    "Copied!",
    "Click to expand",
    "Click to collapse",
    "Print to PDF",
    "Download this page",
    "Download source file",
    "Fullscreen mode",
    "Search Results",
    "Preparing search",
    "Hide Search Matches",
    "Your search did not match",
    "Search finished",
    "matching the search query",
    "Search the docs",
    "Searching",
    "Please activate JavaScript",
    "Show Source",
    "Breadcrumb",
    "Announcement",
    "Contents",
    "Table of Contents",
    "Theme by",
    "Built with",
    "Created using",
    "By Het Doorbraakwijzer",
    "Copyright 20",
]
# Whole attribute values that are English (too short to look for as a phrase).
ENGELS_ATTRIBUUT = {"Main", "Page", "Search", "Home", "Next", "Previous", "Close", "Menu toggle"}
ENGELSE_DATUM = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\b", re.IGNORECASE
)

VERZAMEL = """() => {
  const zichtbaar = (el) => el && el.checkVisibility && el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  const teksten = [];
  const loper = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = loper.nextNode(); n; n = loper.nextNode()) {
    const t = n.textContent.replace(/\\s+/g, ' ').trim();
    if (!t || !n.parentElement || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(n.parentElement.tagName)) continue;
    if (zichtbaar(n.parentElement)) teksten.push(t);
  }
  const attributen = [];
  for (const el of document.querySelectorAll('body *')) {
    if (['SCRIPT', 'STYLE'].includes(el.tagName)) continue;
    for (const a of ['title', 'aria-label', 'placeholder', 'alt', 'data-tooltip', 'data-bs-title', 'data-bs-original-title']) {
      const v = el.getAttribute(a);
      if (v) attributen.push({naam: a, waarde: v.trim(), el: el.tagName + (el.className && el.className.baseVal === undefined ? '.' + el.className.split(' ')[0] : '')});
    }
  }
  return {teksten, attributen, titel: document.title};
}"""

TABELLEN = """() => {
  const art = document.querySelector('article.bd-article') || document.body;
  const breed = art.getBoundingClientRect().width;
  const scrollt = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const fouten = [];
  for (const t of art.querySelectorAll('table')) {
    if (!t.checkVisibility()) continue;
    const w = t.getBoundingClientRect().width;
    let houder = null;
    for (let el = t.parentElement; el && el !== art.parentElement; el = el.parentElement) {
      if (scrollt(el)) { houder = el; break; }
    }
    const naam = (t.querySelector('caption') || t.querySelector('th') || t).textContent.trim().slice(0, 60);
    if (!houder) {
      if (w > breed + 1) fouten.push(`tabel "${naam}" is ${Math.round(w)} px breed in ${Math.round(breed)} px, zonder scrollvak`);
      continue;
    }
    const vak = houder.getBoundingClientRect();
    if (vak.width > breed + 1) fouten.push(`scrollvak van "${naam}" is breder (${Math.round(vak.width)} px) dan de pagina`);
    if (houder.scrollWidth > houder.clientWidth + 2) {
      const omhulsel = houder.closest('.tabel-omhulsel');
      const hint = omhulsel && omhulsel.querySelector('.tabel-veeg');
      if (!hint || !hint.checkVisibility()) fouten.push(`tabel "${naam}" scrollt opzij zonder zichtbare hint`);
      const cap = t.querySelector('caption');
      if (cap && cap.getBoundingClientRect().right > vak.right + 1)
        fouten.push(`bijschrift van "${naam}" loopt buiten beeld`);
    }
  }
  const pagina = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;
  if (pagina > 1) fouten.push(`de pagina is ${pagina} px breder dan het scherm`);
  return fouten;
}"""

KOPJES = """() => {
  const art = document.querySelector('article.bd-article') || document.body;
  return [...art.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.checkVisibility())
    .map(h => { const k = h.cloneNode(true); k.querySelectorAll('.headerlink').forEach(a => a.remove());
                return k.textContent.replace(/\\s+/g, ' ').trim(); });
}"""


def boekpaginas(html: Path) -> list[str]:
    return sorted("/" + str(p.relative_to(html)) for p in (html / "book").rglob("*.html"))


def engels_op_scherm(gegevens: dict) -> list[str]:
    """English UI text found in what the page shows (its text and its labels)."""
    gevonden = []
    for tekst in gegevens["teksten"]:
        laag = tekst.lower()
        gevonden += [f"tekst {w!r} in {tekst[:80]!r}" for w in ENGELS if w.lower() in laag]
        if ENGELSE_DATUM.search(tekst):
            gevonden.append(f"Engelse datum in {tekst[:80]!r}")
    for a in gegevens["attributen"]:
        laag = a["waarde"].lower()
        gevonden += [f"{a['naam']}={a['waarde']!r} ({a['el']})" for w in ENGELS if w.lower() in laag]
        if a["waarde"] in ENGELS_ATTRIBUUT:
            gevonden.append(f"{a['naam']}={a['waarde']!r} ({a['el']})")
    return gevonden


def test_de_lijst_herkent_engelse_tekst():
    # Guards the check below: the list finds what the theme shows in English by default.
    voorbeeld = {
        "teksten": ["Back to top", "Laatste aanpassing op dec 01, 2026."],
        "attributen": [
            {"naam": "title", "waarde": "Link to this heading", "el": "A"},
            {"naam": "aria-label", "waarde": "Main", "el": "NAV"},
        ],
    }
    assert len(engels_op_scherm(voorbeeld)) == 4
    nederlands = {
        "teksten": ["Naar boven", "Laatste aanpassing op 1 december 2026."],
        "attributen": [{"naam": "title", "waarde": "Link naar dit kopje", "el": "A"}],
    }
    assert engels_op_scherm(nederlands) == []


def wandel_door_het_boek(browser, statisch_url: str, boek_build, breedte: int) -> None:
    """Every page at one width: no English UI text, every table usable, unique headings, and
    no serious axe-core violation (WCAG 2.1 A/AA). Pages with a calculator are checked once
    more as served by the calculator server in test_toegankelijkheid.py.

    One test file per width (1366 px here, 360 px in test_nederlands_telefoon.py), so that
    pytest-xdist walks the two widths at the same time."""
    assert boek_build.code == 0, boek_build.uitvoer[-3000:]
    paginas = boekpaginas(boek_build.html)
    assert len(paginas) >= 50
    context, pagina = nieuwe_pagina(browser, breedte, 900)
    g: dict[str, dict] = {"engels": {}, "tabellen": {}, "kopjes": {}, "axe": {}}
    try:
        for pad in paginas:
            pagina.goto(statisch_url + pad)
            pagina.wait_for_timeout(150)  # the static fallback and the table cues
            if e := engels_op_scherm(pagina.evaluate(VERZAMEL)):
                g["engels"][pad] = sorted(set(e))[:6]
            if t := pagina.evaluate(TABELLEN):
                g["tabellen"][pad] = t[:4]
            koppen = pagina.evaluate(KOPJES)
            dubbel = sorted({k for k in koppen if koppen.count(k) > 1})
            leeg = [k for k in koppen if not k]
            if dubbel or leeg:
                g["kopjes"][pad] = {"dubbel": dubbel, "leeg": len(leeg)}
            start_axe(pagina)
            if a := axe_uitslag(pagina):
                g["axe"][pad] = a
        extern = pagina.extern
    finally:
        context.close()
    assert not g["engels"], f"Engelse tekst op {len(g['engels'])} pagina's bij {breedte} px: {g['engels']}"
    assert not g["tabellen"], f"tabellen niet bruikbaar op {breedte} px: {g['tabellen']}"
    assert not g["kopjes"], f"kopjes niet uniek bij {breedte} px: {g['kopjes']}"
    assert not g["axe"], f"ernstige axe-overtredingen op {breedte} px: {g['axe']}"
    assert not extern, f"verzoeken naar buiten bij {breedte} px: {extern[:5]}"


def test_elke_boekpagina_nederlands_tabellen_en_kopjes_op_1366_px(browser, statisch_url, boek_build):
    wandel_door_het_boek(browser, statisch_url, boek_build, 1366)


@pytest.mark.parametrize("naam", DASHBOARDS)
def test_rekenhulp_zonder_engelse_thema_tekst(browser, server_url, naam):
    """Every calculator at 1366 px and at 360 px (one kernel: the window is made narrow)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
    pagina = context.new_page()
    volg_de_pagina(pagina)
    try:
        open_rekenhulp(pagina, f"{server_url}/voila/render/{naam}.ipynb")
        pagina.wait_for_timeout(300)
        for breedte, _ in BREEDTES:
            pagina.set_viewport_size({"width": breedte, "height": 900})
            pagina.wait_for_timeout(200)
            assert engels_op_scherm(pagina.evaluate(VERZAMEL)) == [], f"{breedte} px"
    finally:
        context.close()


def test_laadtekst_van_een_rekenhulp_is_nederlands(browser, server_url):
    """While a calculator starts, Voila shows a loading text ("Running ...", "Executing 2 of 3").
    With its scripts blocked the page stays at that text: it must be Dutch."""
    context, pagina = nieuwe_pagina(browser, 1366, 900)
    context.route(re.compile(r".*/voila/static/.*\.js(\?.*)?$"), lambda r: r.abort())
    try:
        pagina.goto(f"{server_url}/voila/render/prijzen.ipynb")
        tekst = pagina.locator("#loading_text").inner_text(timeout=30_000)
        assert tekst.startswith("De rekenhulp wordt"), tekst
        scherm = pagina.evaluate("() => document.body.innerText")
        assert "Running" not in scherm and "Executing" not in scherm, scherm[:300]
        assert pagina.locator("#loading_text").get_attribute("lang") == "nl"
    finally:
        context.close()


# --- The book search ---------------------------------------------------------------------

# (what the reader types, a different word form that pages use): the pages with the second
# word must be found with the first.
WOORDPAREN = [
    ("eiwitrijk", "eiwitten"),  # compound: the yoghurt case and story
    ("verhuizen", "verhuizing"),  # verb / noun
    ("schulden", "schuld"),  # plural
    ("huisuitzetting", "ontruiming"),  # synonym list
    ("kinderen", "kind"),  # irregular plural, synonym list
    ("uitkeringen", "uitkering"),  # plural
    ("gemeenten", "gemeente"),  # plural
    ("woningen", "woning"),  # plural
    ("huurschuld", "huurachterstand"),  # synonym list
    ("jongeren", "jongere"),  # plural
    ("aanvragen", "aanvraag"),  # verb / noun
    ("zorgverzekeraar", "zorgverzekering"),  # synonym list
    ("signalen", "signaal"),  # plural with a long vowel
    ("afspraken", "afspraak"),  # plural with a long vowel
]


INTERN = {"book/naslag/leesbaarheid", "book/naslag/links"}


def bronteksten(html: Path) -> dict[str, str]:
    """The source text of every page of the built book (``_sources``), lower case, without code blocks."""
    uit = {}
    for p in (html / "_sources").rglob("*.md"):
        naam = str(p.relative_to(html / "_sources"))[: -len(".md")]
        tekst = re.sub(r"```.*?```", " ", p.read_text(encoding="utf-8"), flags=re.S)
        uit[naam] = tekst.lower()
    return uit


def paginas_met_woord(html: Path, woord: str) -> set[str]:
    """Pages whose own text has this exact word (internal pages are not searched)."""
    patroon = re.compile(rf"(?<![\w-]){re.escape(woord.lower())}(?![\w-])")
    return {d for d, t in bronteksten(html).items() if d not in INTERN and patroon.search(t)}


def zoek(pagina, statisch_url: str, vraag: str) -> tuple[set[str], str, list[str]]:
    """Search in the built book; return (pages found, the summary line, the snippets)."""
    pagina.goto(f"{statisch_url}/search.html?q={quote(vraag)}")
    pagina.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary');"
        " return s && s.textContent.trim().length > 0; }",
        timeout=30_000,
    )
    links = pagina.eval_on_selector_all(
        "#search-results ul.search li > a", "els => els.map(a => a.getAttribute('href'))"
    )
    gevonden = {re.sub(r"\.html.*$", "", h).lstrip("./") for h in links}
    samenvatting = pagina.locator("#search-results .search-summary").inner_text().strip()
    stukjes = pagina.eval_on_selector_all("#search-results p.context", "els => els.map(p => p.textContent)")
    return gevonden, samenvatting, stukjes


@pytest.mark.parametrize("vraag, vorm", WOORDPAREN, ids=[f"{a}-{b}" for a, b in WOORDPAREN])
def test_zoeken_vindt_nederlandse_woordvormen(pagina, statisch_url, boek_build, vraag, vorm):
    verwacht = paginas_met_woord(boek_build.html, vorm)
    assert verwacht, f"geen pagina gebruikt {vorm!r}: kies een ander woordpaar"
    gevonden, samenvatting, _ = zoek(pagina, statisch_url, vraag)
    mist = sorted(verwacht - gevonden)
    assert not mist, f"{vraag!r} vindt deze pagina's met {vorm!r} niet: {mist}"
    # The count is shown, in Dutch, and matches the list.
    aantal = len(gevonden)
    verwacht_tekst = "1 pagina gevonden." if aantal == 1 else f"{aantal} pagina's gevonden."
    assert samenvatting == verwacht_tekst


def test_woordparen_toetsen_echte_woordvormen(boek_build):
    """At least ten pairs where some page has the second form but not the first."""
    echt = [
        (a, b) for a, b in WOORDPAREN if paginas_met_woord(boek_build.html, b) - paginas_met_woord(boek_build.html, a)
    ]
    assert len(echt) >= 10, sorted(set(WOORDPAREN) - set(echt))


def test_eiwitrijk_vindt_de_yoghurt(pagina, statisch_url, boek_build):
    gevonden, _, _ = zoek(pagina, statisch_url, "eiwitrijk")
    assert "book/reizen/yoghurt" in gevonden
    assert any("yoghurt" in g for g in gevonden if g.startswith("book/inspiratie/casussen/")), gevonden


def test_zoeken_naar_iets_dat_niet_bestaat_zegt_dat_in_het_nederlands(pagina, statisch_url, boek_build):
    gevonden, samenvatting, _ = zoek(pagina, statisch_url, "xylofoonkwartet")
    assert gevonden == set()
    assert samenvatting.startswith("Geen pagina gevonden")


def test_interne_paginas_staan_niet_in_de_zoekresultaten(pagina, statisch_url, boek_build):
    bron = (ROOT / "book" / "naslag" / "leesbaarheid.md").read_text(encoding="utf-8")
    assert "Flesch" in bron  # the internal page is about this
    gevonden, _, _ = zoek(pagina, statisch_url, "Flesch")
    assert "book/naslag/leesbaarheid" not in gevonden
    gevonden, _, _ = zoek(pagina, statisch_url, "leesbaarheid")
    assert "book/naslag/leesbaarheid" not in gevonden


def test_zoekfragment_zonder_themakop(pagina, statisch_url, boek_build):
    _, _, stukjes = zoek(pagina, statisch_url, "woonfuik")
    if not stukjes:
        # Sphinx writes the summary when every result is listed, but fetches
        # each result's page for its snippet afterwards: wait for them.
        pagina.wait_for_selector("#search-results p.context", timeout=30_000)
        stukjes = pagina.eval_on_selector_all("#search-results p.context", "els => els.map(p => p.textContent)")
    assert stukjes
    for s in stukjes:
        assert not re.search(r"\b(Inhoud|Op deze pagina|Contents)\b", s), s


def test_statische_tabel_filtert_met_synoniemen_en_woordvormen(pagina, statisch_url, boek_build):
    """The static case table: a word finds the rows with any word of its synonym group."""
    groepen = yaml.safe_load((ROOT / "data" / "synoniemen.yaml").read_text(encoding="utf-8"))["groepen"]
    pagina.goto(statisch_url + "/book/inspiratie/index.html")
    tabel = pagina.locator(".doorzoekbare-tabel").first
    rijen = tabel.locator("tbody tr")
    teksten = [" ".join(t.lower().split()) for t in rijen.all_inner_texts()]
    for woord in ("betalingsachterstand", "psychische problemen", "huisuitzetting", "zorgverzekering"):
        groep = next(g["termen"] for g in groepen if woord in g["termen"])
        verwacht = sum(1 for t in teksten if any(w in t for w in groep))
        tabel.locator(".tabel-zoek").fill(woord)
        assert tabel.locator(".tabel-aantal").inner_text() == f"{verwacht} van {len(teksten)} rijen zichtbaar.", woord
        if woord in ("betalingsachterstand", "psychische problemen"):
            assert verwacht > 0 and not any(woord in t for t in teksten)  # found only through a synonym
    # A plural finds the singular: "woningen" (in no synonym group) shows every row with "woning".
    assert not any("woningen" in g["termen"] or "woning" in g["termen"] for g in groepen)
    tabel.locator(".tabel-zoek").fill("woningen")
    verwacht = sum(1 for t in teksten if "woning" in t)
    assert 0 < verwacht < len(teksten)
    assert tabel.locator(".tabel-aantal").inner_text() == f"{verwacht} van {len(teksten)} rijen zichtbaar."


def test_statische_rekenhulp_een_melding_en_voorbeeldplannen(pagina, statisch_url, boek_build):
    pagina.goto(statisch_url + "/book/rekenhulpen/wat-levert-het-op.html")
    pagina.wait_for_selector(".rekenhulp-statisch")
    zichtbaar = pagina.evaluate("""() => [...document.querySelectorAll('.rekenhulp-statisch p')]
        .filter(p => p.checkVisibility() && p.getBoundingClientRect().width > 1
                     && /rekenserver/i.test(p.textContent)).length""")
    assert zichtbaar == 1, "de melding dat de rekenserver niet draait staat er niet precies één keer"
    plannen = sorted(
        p.stem
        for p in (ROOT / "data" / "reizen").glob("*.json")
        if (ROOT / "book" / "reizen" / f"{p.stem}.md").exists()
    )
    links = pagina.eval_on_selector_all(".rekenhulp-voorbeelden a", "els => els.map(a => a.href)")
    assert sorted(re.sub(r".*/|\.html$", "", h) for h in links) == plannen
    pagina.goto(links[0])
    assert pagina.locator("article table").count() >= 1  # the plan's figures are on that page


def test_afdruk_heeft_paginanummers_titel_en_datum(pagina, statisch_url, boek_build):
    from pypdf import PdfReader

    pagina.goto(statisch_url + "/book/trainers/handleiding.html")
    pagina.wait_for_load_state("load")
    titel = pagina.locator("article h1").first.inner_text().replace("#", "").strip()
    datum = pagina.get_attribute('meta[name="docbuild:last-update"]', "content")
    assert re.fullmatch(r"\d{1,2} [a-z]+ \d{4}", datum), datum
    lezer = PdfReader(io.BytesIO(pagina.pdf(format="A4", print_background=True)))
    n = len(lezer.pages)
    for i, blad in enumerate(lezer.pages, start=1):
        tekst = " ".join(blad.extract_text().split())
        assert f"Pagina {i} van {n}" in tekst, tekst[-300:]
        assert titel in tekst and datum in tekst, tekst[-300:]
