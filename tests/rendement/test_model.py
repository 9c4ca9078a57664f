"""The rendementsberekening (issue 4): the model, checked by hand and with properties."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.prijzen.prijslijst import Prijs, laad_prijzen
from calculators.rendement.model import (
    Plan,
    Regel,
    bereken,
    gevoeligheid,
    lees_plan,
    uitleg,
)

ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "data" / "voorbeelden" / "plan-voorbeeld.json"
CENT = Decimal("0.01")
GELDSTROMEN = laad_vocabulaire().geldstroom_namen


def csv_bedrag(ident: str) -> Decimal:
    """The amount of one price, read straight from the CSV (not through the code under test)."""
    with open(ROOT / "data" / "prijzen.csv", encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            if rij["id"] == ident:
                return Decimal(rij["bedrag"])
    raise AssertionError(f"prijs {ident} staat niet in data/prijzen.csv")


def cent(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def eigen(bedrag, aantal=1, soort="jaarlijks", geldstroom="Wmo", omschrijving="regel") -> Regel:
    return Regel(
        omschrijving=omschrijving,
        bedrag=Decimal(str(bedrag)),
        aantal=Decimal(str(aantal)),
        soort=soort,
        geldstroom=geldstroom,
    )


def plan(huidig=(), dreigend=(), doorbraak=(), **kw) -> Plan:
    return Plan(scenarios={"huidig": tuple(huidig), "dreigend": tuple(dreigend), "doorbraak": tuple(doorbraak)}, **kw)


# --- the worked example, calculated by hand -------------------------------------------


def test_voorbeeld_klopt_met_handberekening():
    """Hand calculation of data/voorbeelden/plan-voorbeeld.json (H = 2, p = 0,5, r = 0).

    With the prices of December 2026 this gives: huidig 2 × (64 × 104 + 78 × 52) = 21.424;
    dreigend 7.500 + 2 × (15.000 + 730 × 95,06) = 176.287,60; niets doen ½ × 21.424 +
    ½ × 176.287,60 = 98.855,80; doorbraak 582 × 6 + 751,41 + 2 × (172,12 × 12 + 6.656 + 4.056)
    = 29.798,29, so netto 69.057,51; doorbraak B 582 × 6 + 2 × (64 × 156 + 4.056) = 31.572,
    so netto 67.283,80.
    """
    b = csv_bedrag
    H, p = 2, Decimal("0.5")
    begeleiding = b("begeleiding-thuis-referentieprijs")
    jeugdhulp = b("ambulante-jeugdhulp-regulier-hbo")
    huur = b("huur-corporatiewoning-gemiddeld")
    huidig = H * (begeleiding * 104 + jeugdhulp * 52)
    dreigend = b("huisuitzetting-kosten-verhuurder") + H * (
        b("maatschappelijke-opvang-plek") + 730 * b("jeugdhulp-verblijf-24-uur-jeugd-opvoedhulp")
    )
    doorbraak = (
        huur * 6
        + b("beschermingsbewind-aanvangswerkzaamheden-1-persoon")
        + H * (b("beschermingsbewind-1-persoon-problematische-schulden") * 12 + begeleiding * 104 + jeugdhulp * 52)
    )
    doorbraak_b = huur * 6 + H * (begeleiding * 156 + jeugdhulp * 52)
    niets = (1 - p) * huidig + p * dreigend
    assert (huidig, cent(dreigend), cent(doorbraak), doorbraak_b) == (
        Decimal(21424),
        Decimal("176287.60"),
        Decimal("29798.29"),
        Decimal(31572),
    )

    from calculators.rendement.export import lees_json

    u = bereken(lees_json(VOORBEELD.read_text(encoding="utf-8")))
    assert u.totaal == {
        "huidig": cent(huidig),
        "dreigend": cent(dreigend),
        "doorbraak": cent(doorbraak),
        "doorbraak B": cent(doorbraak_b),
    }
    assert u.niets_doen == cent(niets)
    assert u.netto == {"doorbraak": cent(niets - doorbraak), "doorbraak B": cent(niets - doorbraak_b)}
    # Who pays, who gains: the plan costs Participatiewet money and saves the corporatie money.
    part = (
        huur * 6
        + b("beschermingsbewind-aanvangswerkzaamheden-1-persoon")
        + H * 12 * b("beschermingsbewind-1-persoon-problematische-schulden")
    )
    assert u.per_geldstroom["Participatiewet"]["doorbraak"] == cent(part)
    assert u.per_geldstroom["Participatiewet"]["niets_doen"] == 0
    assert u.per_geldstroom["Woningcorporatie"]["niets_doen"] == cent(p * b("huisuitzetting-kosten-verhuurder"))
    assert u.netto_per_geldstroom["Participatiewet"]["doorbraak"] < 0 < u.netto_per_geldstroom["Jeugdwet"]["doorbraak"]


def test_voorbeeld_gebruikt_alleen_bestaande_prijzen_en_is_samengesteld():
    data = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    ids = {p.id for p in laad_prijzen()}
    gebruikt = {r["prijs_id"] for regels in data["scenarios"].values() for r in regels if "prijs_id" in r}
    assert gebruikt and gebruikt <= ids
    assert "samengesteld" in data["titel"]
    assert set(data["scenarios"]) >= {"huidig", "dreigend", "doorbraak", "doorbraak B"}


# --- the model, small cases by hand ---------------------------------------------------


def test_jaarlijks_telt_elk_jaar_met_discontering_eenmalig_alleen_in_jaar_1():
    p = plan(huidig=[eigen(1000), eigen(500, soort="eenmalig")], horizon_jaren=3, discontovoet=Decimal("0.1"))
    u = bereken(p, [])
    # 1000 + 1000/1,1 + 1000/1,21 + 500 = 3235,5371…
    assert u.totaal["huidig"] == Decimal("3235.54")


def test_afronden_pas_aan_het_eind():
    # Three lines of 0,01 × 0,5 = 0,005 each: sum 0,015 → 0,02 (not 3 × 0,01 = 0,03).
    p = plan(huidig=[eigen("0.01", "0.5")] * 3)
    assert bereken(p, []).totaal["huidig"] == Decimal("0.02")


def test_kans_weegt_huidig_en_dreigend():
    p = plan(huidig=[eigen(1000)], dreigend=[eigen(5000)], doorbraak=[eigen(2000)], kans_dreigend=Decimal("0.25"))
    u = bereken(p, [])
    assert u.niets_doen == Decimal("2000.00")  # 0,75 × 1000 + 0,25 × 5000
    assert u.netto == {"doorbraak": Decimal("0.00")}


def test_meer_alternatieven_en_per_geldstroom():
    p = Plan(
        scenarios={
            "huidig": (eigen(100, geldstroom="Wmo"),),
            "dreigend": (eigen(900, geldstroom="Jeugdwet"),),
            "doorbraak": (eigen(300, geldstroom="Wmo"),),
            "doorbraak B": (eigen(50, geldstroom="Woningcorporatie"), eigen(50, geldstroom="Wmo")),
        }
    )
    u = bereken(p, [])
    assert u.netto == {"doorbraak": Decimal("600.00"), "doorbraak B": Decimal("800.00")}
    assert u.per_geldstroom["Jeugdwet"] == {
        "huidig": 0,
        "dreigend": 900,
        "doorbraak": 0,
        "doorbraak B": 0,
        "niets_doen": 900,
    }
    assert u.netto_per_geldstroom["Wmo"] == {"doorbraak": Decimal("-300.00"), "doorbraak B": Decimal("-50.00")}
    assert list(u.per_geldstroom) == [g for g in GELDSTROMEN if g in ("Wmo", "Jeugdwet", "Woningcorporatie")]


def test_break_even_maand():
    # Doing nothing costs 1.200 a year (100 a month); the plan costs 500 once.
    p = plan(dreigend=[eigen(1200)], doorbraak=[eigen(500, soort="eenmalig")])
    assert bereken(p, []).break_even_maand == {"doorbraak": 5}
    duur = plan(dreigend=[eigen(1200)], doorbraak=[eigen(5000, soort="eenmalig")])
    assert bereken(duur, []).break_even_maand == {"doorbraak": None}
    assert bereken(replace(duur, horizon_jaren=5), []).break_even_maand == {"doorbraak": 50}


def test_prijs_id_levert_bedrag_soort_en_geldstroom():
    lokaal = Prijs(
        id="lokaal-uur",
        item="Lokaal uurtarief",
        omschrijving="",
        eenheid="per uur",
        bedrag=Decimal("80"),
        jaar=2026,
        geldstroom="Wmo",
        domein="zorg",
        bron_titel="Gemeente X",
        bron_url="https://example.org",
        betrouwbaarheid="redelijk",
        betrouwbaarheid_reden="lokaal",
        lokaal=True,
    )
    eenmalig = replace(lokaal, id="lokaal-eenmalig", eenheid="eenmalig", bedrag=Decimal("10"), geldstroom="Jeugdwet")
    data = {
        "horizon_jaren": 2,
        "scenarios": {
            "huidig": [],
            "dreigend": [],
            "doorbraak": [
                {"prijs_id": "lokaal-uur", "aantal": 10},
                {"prijs_id": "lokaal-eenmalig"},
                {"prijs_id": "lokaal-uur", "bedrag": 1, "geldstroom": "Rijk", "soort": "eenmalig"},
            ],
        },
    }
    u = bereken(lees_plan(data, [lokaal, eenmalig]), [lokaal, eenmalig])
    # 2 jaar × 80 × 10 + 10 eenmalig + eigen bedrag 1 eenmalig
    assert u.totaal["doorbraak"] == Decimal("1611.00")
    assert u.per_geldstroom["Jeugdwet"]["doorbraak"] == Decimal("10.00")
    assert u.per_geldstroom["Rijk"]["doorbraak"] == Decimal("1.00")
    # The same plan with another price list: the amount follows the list.
    duurder = replace(lokaal, bedrag=Decimal("90"))
    assert bereken(lees_plan(data, [duurder, eenmalig]), [duurder, eenmalig]).totaal["doorbraak"] == Decimal("1811.00")


def test_uitleg_in_gewone_taal():
    p = plan(huidig=[eigen(1000)], dreigend=[eigen(5000)], doorbraak=[eigen(2000)])
    tekst = uitleg(bereken(p, [])).replace("\xa0", " ")
    assert tekst.startswith("Als niets verandert, kost dit naar verwachting € 5.000,00 in 1 jaar.")
    assert "Het plan kost € 2.000,00." in tekst and "Dat scheelt € 3.000,00." in tekst
    duur = uitleg(bereken(plan(dreigend=[eigen(100)], doorbraak=[eigen(300)]), [])).replace("\xa0", " ")
    assert "Dat is € 200,00 meer dan niets doen." in duur


def test_gevoeligheid_bevat_eigen_keuze_en_hoeken():
    p = plan(
        huidig=[eigen(1000)],
        dreigend=[eigen(5000)],
        doorbraak=[eigen(2000)],
        kans_dreigend=Decimal("0.6"),
        horizon_jaren=4,
    )
    g = gevoeligheid(p, [])
    assert Decimal("0.6") in g.kansen and 4 in g.horizonnen
    assert g.netto["doorbraak"][(Decimal(0), 1)] == Decimal("-1000.00")  # huidig − doorbraak
    assert g.netto["doorbraak"][(Decimal(1), 10)] == Decimal("30000.00")  # 10 × (5000 − 2000)
    assert g.netto["doorbraak"][(Decimal("0.6"), 4)] == bereken(p, []).netto["doorbraak"]


# --- bad input: Dutch messages naming scenario, line and field ------------------------


def fout_van(data) -> str:
    with pytest.raises(DoorbraakFout) as e:
        lees_plan(data, laad_prijzen(), bestand="plan.json")
    tekst = str(e.value)
    assert "Traceback" not in tekst
    return tekst


def geldig(**regels):
    return {"scenarios": {"huidig": [], "dreigend": [], "doorbraak": [], **regels}}


@pytest.mark.parametrize(
    "regel, veld, woord",
    [
        ({"bedrag": -5, "soort": "jaarlijks", "geldstroom": "Wmo"}, "bedrag", "negatief"),
        ({"bedrag": 5, "aantal": -1, "soort": "jaarlijks", "geldstroom": "Wmo"}, "aantal", "negatief"),
        ({"bedrag": "vijf", "soort": "jaarlijks", "geldstroom": "Wmo"}, "bedrag", "getal"),
        ({"bedrag": 5, "soort": "maandelijks", "geldstroom": "Wmo"}, "soort", "jaarlijks"),
        ({"bedrag": 5, "soort": "jaarlijks", "geldstroom": "Gemeente"}, "geldstroom", "onbekende geldstroom"),
        ({"prijs_id": "bestaat-niet"}, "prijs_id", "onbekende prijs-id"),
        ({"bedrag": 5, "soort": "jaarlijks", "geldstroom": "Wmo", "kleur": "rood"}, "kleur", "onbekend"),
        ({"bedrag": True, "soort": "jaarlijks", "geldstroom": "Wmo"}, "bedrag", "getal"),
        ({"bedrag": 5.555, "soort": "jaarlijks", "geldstroom": "Wmo"}, "bedrag", "komma"),
    ],
)
def test_foute_regel_noemt_scenario_regel_en_veld(regel, veld, woord):
    data = geldig()
    data["scenarios"]["dreigend"] = [{"bedrag": 1, "soort": "eenmalig", "geldstroom": "Wmo"}, regel]
    tekst = fout_van(data)
    assert f"scenario 'dreigend', regel 2, veld '{veld}'" in tekst
    assert woord in tekst


@pytest.mark.parametrize(
    "veld, waarde, woord",
    [
        ("kans_dreigend", 1.5, "tussen 0 en 1"),
        ("kans_dreigend", -0.1, "tussen 0 en 1"),
        ("horizon_jaren", 0, "tussen 1 en 10"),
        ("horizon_jaren", 11, "tussen 1 en 10"),
        ("horizon_jaren", 2.5, "heel aantal"),
        ("discontovoet", 0.5, "tussen 0 en 0,2"),
        ("kans_dreigend", "de helft", "geen tekst"),
    ],
)
def test_foute_parameters(veld, waarde, woord):
    tekst = fout_van({**geldig(), veld: waarde})
    assert f"veld '{veld}'" in tekst and woord in tekst


def test_ontbrekende_scenarios_en_vreemde_namen():
    tekst = fout_van({"scenarios": {"huidig": [], "plan C": []}})
    assert "'dreigend' ontbreekt" in tekst and "'doorbraak' ontbreekt" in tekst and "plan C" in tekst
    assert "Een plan is een groep velden" in fout_van([1, 2])
    assert "ontbreekt" in fout_van({})


def test_alle_fouten_tegelijk_gemeld():
    data = geldig(dreigend=[{"bedrag": -1, "aantal": "x", "soort": "jaarlijks", "geldstroom": "Wmo"}])
    data["kans_dreigend"] = 3
    tekst = fout_van(data)
    assert "veld 'bedrag'" in tekst and "veld 'aantal'" in tekst and "veld 'kans_dreigend'" in tekst


# --- properties -----------------------------------------------------------------------

bedragen = st.decimals(min_value=0, max_value=1_000_000, places=2, allow_nan=False, allow_infinity=False)
aantallen = st.decimals(min_value=0, max_value=1000, places=4, allow_nan=False, allow_infinity=False)
regels = st.builds(
    Regel,
    omschrijving=st.text(max_size=20),
    bedrag=bedragen,
    aantal=aantallen,
    soort=st.sampled_from(["jaarlijks", "eenmalig"]),
    geldstroom=st.sampled_from(GELDSTROMEN),
)
scenario = st.lists(regels, max_size=5).map(tuple)
kansen = st.decimals(min_value=0, max_value=1, places=4)
discontos = st.decimals(min_value=0, max_value=Decimal("0.2"), places=4)
plannen = st.builds(
    lambda h, d, b, extra, H, p, r: Plan(
        scenarios={"huidig": h, "dreigend": d, "doorbraak": b, **({"doorbraak B": extra} if extra else {})},
        horizon_jaren=H,
        kans_dreigend=p,
        discontovoet=r,
    ),
    scenario,
    scenario,
    scenario,
    st.one_of(st.none(), scenario),
    st.integers(1, 10),
    kansen,
    discontos,
)
SNEL = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SNEL
@given(plannen)
def test_totalen_nooit_negatief(p):
    u = bereken(p, [])
    assert all(b >= 0 for b in u.totaal.values())
    assert u.niets_doen >= 0
    assert all(b >= 0 for rij in u.per_geldstroom.values() for b in rij.values())


@SNEL
@given(plannen, discontos)
def test_kans_1_en_horizon_1_is_de_eenvoudige_vergelijking(p, r):
    p = replace(p, kans_dreigend=Decimal(1), horizon_jaren=1, discontovoet=r)
    u = bereken(p, [])

    def som(s):
        return sum((x.bedrag * x.aantal for x in p.scenarios[s]), Decimal(0))

    for d in p.alternatieven:
        assert u.netto[d] == cent(som("dreigend") - som(d))


@SNEL
@given(plannen, regels, st.sampled_from(["huidig", "dreigend", "doorbraak"]))
def test_regel_toevoegen_verlaagt_het_totaal_nooit(p, regel, s):
    voor = bereken(p, []).totaal[s]
    scenarios = dict(p.scenarios)
    scenarios[s] = (*scenarios[s], regel)
    assert bereken(replace(p, scenarios=scenarios), []).totaal[s] >= voor


# --- the book's numbers come from the example file -------------------------------------


def test_boek_rollen_rekenen_met_het_voorbeeld():
    from docutils import nodes

    from calculators.kern.opmaak import euro
    from calculators.rendement.boek import tabel_knopen_voor, waarde
    from calculators.rendement.export import lees_json

    u = bereken(lees_json(VOORBEELD.read_text(encoding="utf-8")))
    assert waarde("netto:doorbraak B") == euro(u.netto["doorbraak B"])
    assert waarde("niets_doen") == euro(u.niets_doen)
    assert waarde("kans") == "50%" and waarde("tegenkans") == "50%" and waarde("horizon") == "2 jaar"
    # 1 year, chance 1: the simple comparison dreigend − doorbraak (one year of yearly costs)
    b = csv_bedrag
    dreigend_1 = (
        b("huisuitzetting-kosten-verhuurder")
        + b("maatschappelijke-opvang-plek")
        + 730 * b("jeugdhulp-verblijf-24-uur-jeugd-opvoedhulp")
    )
    doorbraak_1 = (
        b("huur-corporatiewoning-gemiddeld") * 6
        + b("beschermingsbewind-aanvangswerkzaamheden-1-persoon")
        + 12 * b("beschermingsbewind-1-persoon-problematische-schulden")
        + 104 * b("begeleiding-thuis-referentieprijs")
        + 52 * b("ambulante-jeugdhulp-regulier-hbo")
    )
    assert waarde("gevoelig:doorbraak:1:1") == euro(dreigend_1 - doorbraak_1)
    with pytest.raises(DoorbraakFout):
        waarde("netto:doorbraak Z")
    with pytest.raises(DoorbraakFout):
        tabel_knopen_voor("grafiek")

    def bijschriften(deel: str) -> list[str]:
        return [
            t.next_node(nodes.title).astext()
            for k in tabel_knopen_voor(deel)
            if isinstance(k, nodes.table)
            for t in [k]
        ]

    assert "Scenario dreigend" in bijschriften("regels")
    assert bijschriften("gevoeligheid") == [f"Wat {d} scheelt bij een andere kans en horizon" for d in u.netto]


# --- the widget, as a user works with it -----------------------------------------------
