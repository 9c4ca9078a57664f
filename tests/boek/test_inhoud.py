"""The handbook's content rules: journeys are complete and marked, amounts are never typed, cards are safe."""

import json
import re
from pathlib import Path

import pytest

from calculators.taal.leesbaarheid import platte_tekst, toc_paginas

ROOT = Path(__file__).resolve().parents[2]
REIZEN = ROOT / "book" / "reizen"
KOPPEN = ("De situatie", "De route", "De doorbraak", "De wettelijke basis", "De kosten", "De les")
# Pages written by other parts of the project (calculators, law pages, catalogue) test their own content.
ANDEREN = (
    "book/rekenhulpen/",
    "book/wetten/",
    "book/inspiratie/",
    "book/naslag/over-de-gegevens",
    "book/naslag/toegankelijkheid",
)
VOORBEELDREIZEN = sorted(
    p for p in REIZEN.glob("*.md") if p.stem not in ("honderd-reizen", "wat-misgaat", "wat-helpt", "voorbeelden")
)


def test_er_zijn_minstens_zes_voorbeeldreizen_en_ze_staan_in_de_inhoudsopgave():
    in_toc = {naam for naam, _ in toc_paginas()}
    assert len(VOORBEELDREIZEN) >= 6
    for pad in VOORBEELDREIZEN:
        assert f"book/reizen/{pad.stem}" in in_toc


@pytest.mark.parametrize("pad", VOORBEELDREIZEN, ids=lambda p: p.stem)
def test_elke_reis_is_compleet_en_gemarkeerd_als_illustratie(pad):
    bron = pad.read_text(encoding="utf-8")
    assert "Illustratieve samengestelde casus" in bron
    koppen = re.findall(r"^## (.+)$", bron, re.M)
    assert koppen == list(KOPPEN)
    wet = bron.split("## De wettelijke basis")[1].split("## De kosten")[0]
    assert re.search(r"\{artikel\}`[^`]+`", wet), "de wettelijke basis linkt naar geen artikel"


@pytest.mark.parametrize("pad", VOORBEELDREIZEN, ids=lambda p: p.stem)
def test_de_kosten_van_elke_reis_komen_uit_een_planbestand_dat_klopt(pad):
    from calculators.prijzen.prijslijst import laad_prijzen, prijs_per_id
    from calculators.rendement.model import bereken, lees_plan

    kosten = pad.read_text(encoding="utf-8").split("## De kosten")[1].split("## De les")[0]
    plannen = set(re.findall(r":plan: (\S+)", kosten))
    assert plannen, "geen berekende kostentabel"
    for plan in plannen:
        bestand = ROOT / plan
        data = json.loads(bestand.read_text(encoding="utf-8"))
        assert "samengestelde casus" in data["titel"]
        uitkomst = bereken(lees_plan(data, prijs_per_id(laad_prijzen()), bestand=bestand.name))
        # Niets doen ligt altijd tussen de huidige situatie en het dreigend scenario in.
        laag, hoog = sorted((uitkomst.totaal["huidig"], uitkomst.totaal["dreigend"]))
        assert laag <= uitkomst.niets_doen <= hoog


def test_geen_bedrag_met_de_hand_getypt_in_het_handboek():
    """Amounts come from roles or generated tables: no '€ 12', '12 euro' or '12,50' in the prose."""
    getypt = re.compile(r"€\s*\d|\d[\d.]*(,\d+)?\s*euro\b|\beuro\s*\d", re.I)
    fouten = []
    for naam, pad in toc_paginas():
        if pad.suffix != ".md" or naam.startswith(ANDEREN):
            continue
        for regel in platte_tekst(pad.read_text(encoding="utf-8")).split("\n"):
            if getypt.search(regel):
                fouten.append(f"{naam}: {regel}")
    assert not fouten, "Getypt bedrag:\n" + "\n".join(fouten)


def test_casuskaart_toont_tekst_als_tekst_en_rekent_de_kosten_uit():
    from calculators.casussen.catalogus import kosten_samenvatting, laad_casussen
    from calculators.kern.opmaak import euro
    from calculators.trainers.boek import kaart_html

    casus = laad_casussen()[0]
    vals = casus.model_copy(update={"probleem": "<script>alert('x')</script> en meer tekst"})
    voorkant = kaart_html(vals, 1, {}, antwoorden=False)
    assert "<script>" not in voorkant and "&lt;script&gt;" in voorkant
    assert "casuskaart-achterkant" not in voorkant
    achterkant = kaart_html(casus, 1, {}, antwoorden=True)
    for bedrag in kosten_samenvatting(casus).values():
        assert euro(bedrag) in achterkant
    # the back shows the chance and horizon the story supports, not "kans 100%"
    procent = (casus.kosten.kans_dreigend * 100).normalize()
    assert f"kans van {procent:f} procent" in achterkant and "kans 100%" not in achterkant
