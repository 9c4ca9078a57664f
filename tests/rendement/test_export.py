"""Saving and loading a plan (JSON) and the printable summary with sources."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.prijzen.prijslijst import laad_prijzen
from calculators.rendement.export import (
    laad_voorbeeldplan,
    lees_json,
    samenvatting_html,
    samenvatting_markdown,
    schrijf_json,
)
from calculators.rendement.model import Plan, Regel

ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "data" / "voorbeelden" / "plan-voorbeeld.json"
PRIJZEN = laad_prijzen()
IDS = [p.id for p in PRIJZEN]


def test_voorbeeld_heen_en_terug():
    plan = lees_json(VOORBEELD.read_text(encoding="utf-8"), PRIJZEN)
    tekst = schrijf_json(plan)
    assert lees_json(tekst, PRIJZEN) == plan
    assert schrijf_json(lees_json(tekst, PRIJZEN)) == tekst
    # The export is the same format the example file uses.
    bron = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    assert (
        json.loads(tekst)["scenarios"]["doorbraak B"][0]["prijs_id"] == bron["scenarios"]["doorbraak B"][0]["prijs_id"]
    )


def test_exacte_getallen_blijven_exact():
    plan = Plan(
        scenarios={
            "huidig": (Regel(bedrag=Decimal("0.10"), aantal=Decimal("0.3333"), soort="eenmalig", geldstroom="Wmo"),),
            "dreigend": (),
            "doorbraak": (),
        },
        kans_dreigend=Decimal("0.3333"),
        discontovoet=Decimal("0.035"),
        horizon_jaren=7,
    )
    tekst = schrijf_json(plan)
    assert '"kans_dreigend": 0.3333' in tekst and '"discontovoet": 0.035' in tekst
    terug = lees_json(tekst, PRIJZEN)
    assert terug == plan and terug.kans_dreigend == Decimal("0.3333")


def test_leeg_en_kapot_bestand_geeft_nederlandse_fout():
    for inhoud, woord in [
        ("", "leeg"),
        ("   ", "leeg"),
        ("{", "geen geldige JSON"),
        ('{"kans_dreigend": NaN}', "geen geldige JSON"),
        (b"\xff\xfe\x00", "UTF-8"),
        ("[" * 5000 + "]" * 5000, "planbestand"),
    ]:
        with pytest.raises(DoorbraakFout) as e:
            lees_json(inhoud, PRIJZEN, bestand="x.json")
        assert woord in str(e.value) and "x.json" in str(e.value)


def test_samenvatting_noemt_alle_bronnen_en_de_uitkomst():
    plan = lees_json(VOORBEELD.read_text(encoding="utf-8"), PRIJZEN)
    md = samenvatting_markdown(plan, PRIJZEN)
    per_id = {p.id: p for p in PRIJZEN}
    gebruikt = {r.prijs_id for regels in plan.scenarios.values() for r in regels if r.prijs_id}
    for ident in gebruikt:
        assert per_id[ident].bron_url in md
    assert "Als niets verandert" in md and "samengesteld" in md
    assert "## Als de kans of de horizon anders is" in md


def test_samenvatting_ontsnapt_tekst_van_de_gebruiker():
    plan = Plan(
        scenarios={
            "huidig": (
                Regel(omschrijving="<script>x</script> | a", bedrag=Decimal(1), soort="eenmalig", geldstroom="Wmo"),
            ),
            "dreigend": (),
            "doorbraak": (),
        },
        titel="<b>Gezin</b>",
    )
    pagina = samenvatting_html(plan, PRIJZEN)
    assert "<script>x" not in pagina and "<b>Gezin" not in pagina
    assert pagina.startswith("<!doctype html>") and "<table>" in pagina


teksten = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).map(str.strip)
regels = st.builds(
    Regel,
    omschrijving=teksten,
    bedrag=st.one_of(st.none(), st.decimals(min_value=0, max_value=100_000_000, places=2)),
    prijs_id=st.sampled_from(IDS),
    aantal=st.decimals(min_value=0, max_value=1_000_000, places=4),
    soort=st.sampled_from([None, "jaarlijks", "eenmalig"]),
    geldstroom=st.one_of(st.none(), st.sampled_from(laad_vocabulaire().geldstroom_namen)),
)
scenario = st.lists(regels, max_size=4).map(tuple)
plannen = st.builds(
    lambda h, d, b, namen, H, p, r, titel: Plan(
        scenarios={"huidig": h, "dreigend": d, "doorbraak": b, **{f"doorbraak {n}": b for n in namen}},
        horizon_jaren=H,
        kans_dreigend=p,
        discontovoet=r,
        titel=titel,
    ),
    scenario,
    scenario,
    scenario,
    st.lists(st.sampled_from(["B", "C", "één"]), max_size=2, unique=True),
    st.integers(1, 10),
    st.decimals(min_value=0, max_value=1, places=4),
    st.decimals(min_value=0, max_value=Decimal("0.2"), places=4),
    teksten,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plannen)
def test_export_import_precies_heen_en_terug(plan):
    tekst = schrijf_json(plan)
    terug = lees_json(tekst, PRIJZEN)
    assert terug == plan
    assert schrijf_json(terug) == tekst


def test_voorbeeldplan_laadt_met_standaardargumenten():
    plan = laad_voorbeeldplan()
    assert set(plan.scenarios) == {"huidig", "dreigend", "doorbraak", "doorbraak B"}
    with pytest.raises(DoorbraakFout) as e:
        laad_voorbeeldplan(ROOT / "data" / "bestaat-niet.json")
    assert "bestaat-niet.json" in str(e.value)
