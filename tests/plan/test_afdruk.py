"""The printed plan: what the HTML, Word and PDF files contain (parsed, not string-matched)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import docx
import lxml.html
import pypdf
import pytest
import yaml
from babel.dates import format_date
from babel.numbers import format_currency

from calculators.plan.afdruk import CONCEPT, als_docx, als_html, als_pdf, maak_afdruk
from calculators.plan.model import lees_planbestand
from calculators.rendement import model as rm

ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "data" / "voorbeelden" / "doorbraakplan-voorbeeld.json"
PW = yaml.safe_load((ROOT / "data" / "wetten" / "participatiewet.yaml").read_text(encoding="utf-8"))


def eur(bedrag) -> str:
    return format_currency(bedrag, "EUR", locale="nl_NL")


@pytest.fixture(scope="module")
def plan():
    return lees_planbestand(VOORBEELD)


@pytest.fixture(scope="module")
def afdruk(plan):
    return maak_afdruk(plan)


@pytest.fixture(scope="module")
def boom(afdruk):
    return lxml.html.fromstring(als_html(afdruk))


@pytest.fixture(scope="module")
def pdf(afdruk):
    return pypdf.PdfReader(io.BytesIO(als_pdf(afdruk)))


@pytest.fixture(scope="module")
def word(afdruk):
    return docx.Document(io.BytesIO(als_docx(afdruk)))


def tekst(el) -> str:
    """Visible text with block boundaries as spaces (lxml's text_content glues <p>s together)."""
    return re.sub(r"[ \t\r\n]+", " ", " ".join(el.itertext())).strip()


def pw_lid(artikel: str, lid: str | None) -> str:
    art = next(a for a in PW["artikelen"] if a["artikel"] == artikel)
    if lid is None:
        return "\n".join(l["tekst"] if l.get("nummer") is None else f"{l['nummer']} {l['tekst']}" for l in art["leden"])
    return next(l["tekst"] for l in art["leden"] if l.get("nummer") == lid)


def zonder_spaties(t: str) -> str:
    return re.sub(r"\s+", "", t)


def tabel_met(boom, bijschrift: str):
    for t in boom.iter("table"):
        cap = t.find("caption")
        if cap is not None and bijschrift in tekst(cap):
            return [[tekst(c) for c in rij.xpath("./th|./td")] for rij in t.iter("tr")]
    raise AssertionError(f"geen tabel met '{bijschrift}'")


def test_kop_titel_datum_kenmerk(boom, plan):
    assert tekst(boom.find(".//h1")) == plan.titel
    assert boom.find(".//title").text == plan.titel
    meta = tekst(boom.find_class("meta")[0])
    assert format_date(dt.date(2026, 12, 1), format="long", locale="nl_NL") in meta
    assert "VOORBEELD-001" in meta
    assert boom.get("lang") == "nl"


def test_alle_delen_in_de_volgorde_van_de_methode(boom):
    koppen = [tekst(h) for h in boom.iter("h2")]
    verwacht = [
        "Perspectief",
        "Huidige situatie",
        "Dreigend scenario",
        "Doorbraak",
        "Legitiem",
        "Rendabel",
        "Betrokken",
        "Knelpunten",
        "waardendriehoek",
        "Bronnen",
        "Motivering voor de beschikking",
        "Besluit",
    ]
    plekken = [next(i for i, k in enumerate(koppen) if woord in k) for woord in verwacht]
    assert plekken == sorted(plekken)
    inhoud = tekst(boom)
    for veld in ("perspectief", "huidige_situatie", "dreigend_scenario", "doorbraak"):
        assert " ".join(json.loads(VOORBEELD.read_text())[veld].split()) in inhoud


def test_elk_artikel_met_officiele_tekst_versiedatum_en_link(boom, plan):
    citaten = boom.find_class("citaat")
    assert len(citaten) == len(plan.legitimiteit)
    for a, fig in zip(plan.legitimiteit, citaten, strict=True):
        delen = a.artikel.split()
        nummer, lid = delen[1], (delen[3] if len(delen) > 3 else None)
        assert " ".join(pw_lid(nummer, lid).split()) in tekst(fig.find(".//blockquote"))
        art = next(x for x in PW["artikelen"] if x["artikel"] == nummer)
        links = [x.get("href") for x in fig.iter("a")]
        assert art["url"] in links
        assert "geldend vanaf 1 juli 2026" in tekst(fig.find(".//figcaption"))
        assert PW["geldig_vanaf"] == "2026-07-01"


def test_kostentabellen_per_geldstroom_wie_betaalt_wie_bespaart(boom, plan):
    u = rm.bereken(plan.als_rendementplan())
    betaalt = tabel_met(boom, "Wie betaalt")
    assert betaalt[0] == ["Geldstroom", "huidig", "dreigend", "doorbraak", "doorbraak B", "niets doen"]
    bespaart = tabel_met(boom, "Wie bespaart")
    assert bespaart[0] == ["Geldstroom", "Scheelt bij doorbraak", "Scheelt bij doorbraak B"]
    for geld, rij in u.per_geldstroom.items():
        regel = next(r for r in betaalt if r[0] == geld)
        assert regel[1:] == [eur(rij[k]) for k in ("huidig", "dreigend", "doorbraak", "doorbraak B", "niets_doen")]
        regel = next(r for r in bespaart if r[0] == geld)
        assert regel[1:] == [eur(rij["niets_doen"] - rij[d]) for d in ("doorbraak", "doorbraak B")]
    totalen = tabel_met(boom, "Kosten per scenario")
    assert ["niets doen (verwacht)", eur(u.niets_doen)] in totalen


def test_kans_horizon_en_gevoeligheid(boom, plan):
    inhoud = tekst(boom)
    assert "Kans dat het dreigend scenario gebeurt: 50%." in inhoud
    assert "Horizon: 2 jaar." in inhoud
    assert plan.kans_toelichting in inhoud
    g = rm.gevoeligheid(plan.als_rendementplan())
    tabel = tabel_met(boom, "Als de kans of de horizon anders is: wat 'doorbraak' scheelt")
    assert tabel[0] == ["Kans", *(f"{h} jaar" for h in g.horizonnen)]
    assert len(tabel) == 1 + len(g.kansen)
    honderd = next(r for r in tabel if r[0] == "100%")
    # At p = 1, H = 1 the saving is dreigend − doorbraak over one year (no discount).
    een_jaar = rm.bereken(
        rm.Plan(scenarios=plan.als_rendementplan().scenarios, horizon_jaren=1, kans_dreigend=rm.Decimal(1))
    )
    assert honderd[1] == eur(een_jaar.totaal["dreigend"] - een_jaar.totaal["doorbraak"])


def test_alle_prijsbronnen_staan_erin(boom, plan):
    import csv

    rijen = {r["id"]: r for r in csv.DictReader((ROOT / "data" / "prijzen.csv").open(encoding="utf-8"))}
    ids = {r.prijs_id for regels in plan.scenarios.values() for r in regels if r.prijs_id}
    bronnen = next(s for s in boom.iter("section") if s.find("h2") is not None and "Bronnen" in tekst(s.find("h2")))
    links = {a.get("href") for a in bronnen.iter("a")}
    for i in ids:
        assert rijen[i]["bron_url"] in links, i
        assert i in tekst(bronnen)


def test_concept_motivering_is_gemarkeerd_en_gebouwd_uit_artikelen_en_driehoek(boom, plan):
    kader = boom.find_class("concept")[0]
    inhoud = tekst(kader)
    assert CONCEPT in inhoud
    assert "Op grond van artikel 49 van de Participatiewet (geldig vanaf 1 juli 2026)" in inhoud
    assert "Op grond van artikel 35 lid 1 van de Participatiewet" in inhoud
    for a in plan.legitimiteit:
        assert a.motivering in inhoud
    u = rm.bereken(plan.als_rendementplan())
    assert eur(u.netto["doorbraak"]) in inhoud and "Rendabel" in inhoud
    assert plan.perspectief in inhoud and plan.betrokkenheid.aanspreekpunt in inhoud


def test_besluitblok_om_te_tekenen(boom):
    blok = boom.find_class("besluit")[0]
    rijen = {r[0]: r[1:] for r in ([tekst(c) for c in tr.xpath("./th|./td")] for tr in blok.iter("tr"))}
    assert set(rijen) >= {"Besloten door", "Datum", "Uitkomst", "Gekozen oplossing", "Handtekening"}
    assert rijen["Handtekening"] == [""]
    assert "☐ Goedgekeurd" in rijen["Uitkomst"][0]


def test_ingevuld_besluit_wordt_getoond():
    data = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    data["besluit"] = {
        "door": "Doorbraakteam",
        "datum": "2026-12-08",
        "uitkomst": "aangepast",
        "gekozen_alternatief": "doorbraak B",
        "toelichting": "Eerst plan B.",
    }
    boom = lxml.html.fromstring(als_html(maak_afdruk(lees_planbestand(data))))
    blok = tekst(boom.find_class("besluit")[0])
    assert "☒ Aangepast" in blok and "8 december 2026" in blok and "doorbraak B" in blok


def test_html_in_een_veld_blijft_tekst():
    data = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    data["titel"] = "<script>alert(1)</script> plan"
    data["doorbraak"] = "<img src=x onerror=alert(1)>"
    html = als_html(maak_afdruk(lees_planbestand(data)))
    boom = lxml.html.fromstring(html)
    assert not boom.xpath("//script") and not boom.xpath("//img")
    assert "<script>alert(1)</script> plan" in tekst(boom.find(".//h1"))


def test_onvolledig_plan_zegt_wat_ontbreekt():
    boom = lxml.html.fromstring(als_html(maak_afdruk(lees_planbestand({"titel": "Half plan"}))))
    inhoud = tekst(boom)
    assert "Dit plan is nog niet compleet" in inhoud
    assert "De kostenvergelijking ontbreekt nog" in inhoud


def test_geen_externe_bestanden_in_de_html(boom):
    assert not boom.xpath("//link[@href] | //script[@src] | //img | //iframe")
    assert "@import" not in tekst(boom.find(".//style")) and "url(" not in boom.find(".//style").text


def test_pdf_paginas_voettekst_en_inhoud(pdf, plan):
    n = len(pdf.pages)
    assert 2 <= n <= 15
    for i, pagina in enumerate(pdf.pages, start=1):
        # Text in the page margins comes out of the PDF without its spaces: compare without them.
        t = zonder_spaties(pagina.extract_text())
        assert f"Pagina{i}van{n}" in t
        assert zonder_spaties(f"{plan.titel} · 1 december 2026") in t
    alles = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    assert CONCEPT in alles and "Handtekening" in alles
    assert "Wie betaalt" in alles and "Wie bespaart" in alles
    print(f"\nAfdruk van het voorbeeld: {n} pagina's (PDF, A4)")


def test_pdf_is_a4(pdf):
    breedte, hoogte = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert abs(breedte - 595.28) < 1 and abs(hoogte - 841.89) < 1


def test_word_zelfde_inhoud_voettekst_en_paginanummer(word, boom, plan):
    koppen = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert koppen[0] == plan.titel
    assert [k for k in koppen if k[:2].rstrip(".").isdigit()] == [
        tekst(h) for h in boom.iter("h2") if tekst(h)[:2].rstrip(".").isdigit()
    ]
    alinea = "\n".join(p.text for p in word.paragraphs)
    assert CONCEPT in alinea
    assert " ".join(pw_lid("35", "1").split()) in " ".join(alinea.split())
    voet = word.sections[0].footer.paragraphs[0]
    assert plan.titel in voet.text and "1 december 2026" in voet.text
    assert "PAGE" in voet._p.xml and "NUMPAGES" in voet._p.xml
    # Every amount in the HTML tables is in a Word table too.
    html_bedragen = {c for t in boom.iter("table") for c in (tekst(x) for x in t.iter("td")) if c.startswith("€")}
    word_bedragen = {c.text for t in word.tables for r in t.rows for c in r.cells if c.text.startswith("€")}
    assert html_bedragen and html_bedragen <= word_bedragen


def test_titel_kan_de_voettekst_in_css_niet_breken():
    data = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    data["titel"] = 'Plan"; } } body { display: none } </style><script>x=1</script>'
    afdruk = maak_afdruk(lees_planbestand(data))
    boom = lxml.html.fromstring(als_html(afdruk))
    assert len(boom.xpath("//style")) == 1 and not boom.xpath("//script")
    stijl = boom.find(".//style").text
    assert "display: none }" not in stijl and "</style>" not in stijl
    pdf = pypdf.PdfReader(io.BytesIO(als_pdf(afdruk)))
    eerste = zonder_spaties(pdf.pages[0].extract_text())
    assert eerste.count(zonder_spaties(data["titel"])) >= 2  # shown as text: in the heading and the footer
