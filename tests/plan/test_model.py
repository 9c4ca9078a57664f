"""The doorbraakplan file: valid, complete or not, bad input with Dutch messages, old files."""

from __future__ import annotations

import copy
import csv
import json
import os
from decimal import Decimal
from pathlib import Path

import pytest

from calculators.kern.fouten import DoorbraakFout
from calculators.plan.controle import privacy_meldingen, volledigheid
from calculators.plan.model import (
    Doorbraakplan,
    lees_planbestand,
    plan_schema,
    schrijf_planbestand,
)
from calculators.rendement import model as rm
from calculators.rendement.export import lees_json

ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "data" / "voorbeelden" / "doorbraakplan-voorbeeld.json"
OUDE_PLANNEN = [
    ROOT / "data" / "voorbeelden" / "plan-voorbeeld.json",
    *sorted((ROOT / "data" / "reizen").glob("*.json")),
]
PRIJZEN_CSV = ROOT / "data" / "prijzen.csv"


def ruw_voorbeeld() -> dict:
    return json.loads(VOORBEELD.read_text(encoding="utf-8"))


def fout_bij(data) -> str:
    with pytest.raises(DoorbraakFout) as e:
        lees_planbestand(data)
    return str(e.value)


def prijsrij(prijs_id: str) -> dict:
    with PRIJZEN_CSV.open(encoding="utf-8") as f:
        return next(r for r in csv.DictReader(f) if r["id"] == prijs_id)


# --- the example ------------------------------------------------------------------------


def test_voorbeeld_is_compleet_en_voldoet_aan_de_waardendriehoek():
    plan = lees_planbestand(VOORBEELD)
    v = volledigheid(plan)
    assert v.compleet, v.ontbreekt
    assert v.ontbreekt == []
    assert (v.legitiem, v.rendabel, v.betrokken) == (True, True, True)
    assert v.meldingen == [], "het voorbeeld mag geen privacywaarschuwing geven"


def test_voorbeeld_is_gemarkeerd_als_samengesteld_en_gebruikt_geen_prijs_per_inwoners():
    data = ruw_voorbeeld()
    assert "samengesteld" in data["titel"] and "geen echt gezin" in data["titel"]
    assert data["kans_toelichting"], "kans en horizon hebben een zin uitleg"
    for regels in data["scenarios"].values():
        for r in regels:
            if "prijs_id" in r:
                rij = prijsrij(r["prijs_id"])
                assert "inwoner" not in (rij["omschrijving"] + rij["opmerking"]).lower(), r


def test_opslaan_en_weer_openen_geeft_hetzelfde_plan_en_dezelfde_tekst():
    plan = lees_planbestand(VOORBEELD)
    tekst = schrijf_planbestand(plan)
    terug = lees_planbestand(tekst.encode("utf-8"))
    assert terug == plan
    assert schrijf_planbestand(terug) == tekst
    assert json.loads(tekst)["kans_dreigend"] == 0.5  # a JSON number, not a string


# --- incomplete but valid ------------------------------------------------------------------


def test_leeg_plan_is_geldig_maar_niet_compleet():
    v = volledigheid(lees_planbestand({}))
    assert not v.compleet
    for deel in (
        "titel",
        "datum",
        "perspectief",
        "huidige_situatie",
        "dreigend_scenario",
        "doorbraak",
        "legitimiteit",
        "betrokkenheid.eigen_inzet",
        "betrokkenheid.aanspreekpunt",
        "domeinen",
        "maatwerkbudget",
        "scenarios.huidig",
        "scenarios.dreigend",
        "scenarios.doorbraak",
    ):
        assert deel in v.ontbreekt
    assert (v.legitiem, v.rendabel, v.betrokken) == (False, False, False)


def test_elk_ontbrekend_deel_wordt_genoemd_en_telt_in_de_driehoek():
    data = ruw_voorbeeld()
    data["legitimiteit"][1]["motivering"] = ""
    del data["scenarios"]["dreigend"]
    data["betrokkenheid"]["aanspreekpunt"] = ""
    v = volledigheid(lees_planbestand(data))
    assert v.ontbreekt == ["legitimiteit.2.motivering", "betrokkenheid.aanspreekpunt", "scenarios.dreigend"]
    assert v.legitiem is True  # other articles still have a motivation
    assert v.rendabel is False
    assert v.betrokken is False


def test_artikel_zonder_motivering_is_niet_legitiem():
    data = {"legitimiteit": [{"artikel": "Pw 35"}]}
    v = volledigheid(lees_planbestand(data))
    assert v.legitiem is False
    assert "legitimiteit" in v.ontbreekt


# --- bad input ---------------------------------------------------------------------------


def test_onbekend_artikel_is_een_fout_met_plek():
    data = ruw_voorbeeld()
    data["legitimiteit"].append({"artikel": "Pw 999", "motivering": "test"})
    tekst = fout_bij(data)
    assert "onderdeel 'legitimiteit' nummer 4, veld 'artikel'" in tekst
    assert "999" in tekst


@pytest.mark.parametrize("ref", ["Xyz 12", "Pw 35 lid 99", "", "zomaar tekst"])
def test_andere_onbekende_verwijzingen(ref):
    tekst = fout_bij({"legitimiteit": [{"artikel": ref, "motivering": "m"}]})
    assert "legitimiteit" in tekst and "artikel" in tekst


def test_artikelverwijzing_wordt_de_standaardspelling():
    plan = lees_planbestand({"legitimiteit": [{"artikel": "pw 35, lid 1", "motivering": "m"}]})
    assert plan.legitimiteit[0].artikel == "Pw 35 lid 1"


@pytest.mark.parametrize(
    ("wijzig", "plek"),
    [
        (lambda d: d.update(titel=5), "veld 'titel'"),
        (lambda d: d.update(datum="1-12-2026"), "veld 'datum'"),
        (lambda d: d.update(datum=20261201), "veld 'datum'"),
        (lambda d: d.update(datum="2026-02-30"), "veld 'datum'"),
        (lambda d: d.update(horizon_jaren=2.5), "veld 'horizon_jaren'"),
        (lambda d: d.update(kans_dreigend=50), "veld 'kans_dreigend'"),
        (lambda d: d.update(kans_dreigend=True), "veld 'kans_dreigend'"),
        (lambda d: d.update(scenarios=[]), "veld 'scenarios'"),
        (lambda d: d.update(domeinen=["maan"]), "veld 'domeinen'"),
        (lambda d: d.update(domeinen="wonen"), "veld 'domeinen'"),
        (lambda d: d.update(legitimiteit={"artikel": "Pw 35"}), "veld 'legitimiteit'"),
        (lambda d: d.update(betrokkenheid="zelf"), "veld 'betrokkenheid'"),
        (lambda d: d.update(onbekend=1), "veld 'onbekend'"),
        (lambda d: d["knelpunten"][0].update(soort="probleem"), "onderdeel 'knelpunten' nummer 1, veld 'soort'"),
        (lambda d: d["knelpunten"][1].pop("soort"), "onderdeel 'knelpunten' nummer 2, veld 'soort'"),
        (lambda d: d["betrokkenheid"].update(wie="x"), "onderdeel 'betrokkenheid', veld 'wie'"),
        (lambda d: d.update(besluit={"uitkomst": "misschien"}), "onderdeel 'besluit', veld 'uitkomst'"),
        (
            lambda d: d.update(besluit={"uitkomst": "goedgekeurd", "datum": "gisteren"}),
            "onderdeel 'besluit', veld 'datum'",
        ),
        (
            lambda d: d["scenarios"]["doorbraak"][1].update(aantal="twaalf"),
            "scenario 'doorbraak', regel 2, veld 'aantal'",
        ),
        (lambda d: d["scenarios"]["huidig"][0].update(soort="maandelijks"), "scenario 'huidig', regel 1, veld 'soort'"),
        (
            lambda d: d["scenarios"]["huidig"][0].update(geldstroom="Bank"),
            "scenario 'huidig', regel 1, veld 'geldstroom'",
        ),
        (lambda d: d["scenarios"]["huidig"][0].update(prijs_id="bestaat-niet"), "scenario 'huidig', regel 1"),
        (lambda d: d["scenarios"].update({"plan C": []}), "scenario 'plan C'"),
        (lambda d: d.update(titel="x" * 201), "veld 'titel'"),
        (lambda d: d.update(perspectief="x" * 4001), "veld 'perspectief'"),
        (lambda d: d.update(legitimiteit=[{"artikel": "Pw 35", "motivering": "m"}] * 21), "veld 'legitimiteit'"),
    ],
)
def test_verkeerde_soorten_en_grenzen_noemen_het_veld(wijzig, plek):
    data = ruw_voorbeeld()
    wijzig(data)
    tekst = fout_bij(data)
    assert plek in tekst
    assert "Traceback" not in tekst and "pydantic" not in tekst.lower() and "Value error" not in tekst


@pytest.mark.parametrize("bedrag", [-5, Decimal("1.234"), Decimal("1e9"), "1e6", "12", True, None])
def test_verkeerd_bedrag(bedrag):
    data = ruw_voorbeeld()
    regel = {"omschrijving": "Eigen bedrag", "bedrag": bedrag, "soort": "eenmalig", "geldstroom": "Wmo"}
    data["scenarios"]["doorbraak"].append(regel)
    nummer = len(data["scenarios"]["doorbraak"])
    tekst = fout_bij(
        json.loads(json.dumps(data, default=str)) if not isinstance(bedrag, Decimal) else _decimaal_json(data)
    )
    assert f"scenario 'doorbraak', regel {nummer}" in tekst


def _decimaal_json(data: dict) -> bytes:
    """JSON text in which Decimals are written as plain numbers (1.234, 1E+9)."""
    tekst = json.dumps(data, default=lambda d: f"@{d}@")
    return tekst.replace('"@', "").replace('@"', "").encode()


def test_maatwerkbudget_onder_nul_is_fout():
    data = ruw_voorbeeld()
    data["maatwerkbudget"] = -1
    assert "veld 'maatwerkbudget'" in fout_bij(data)


def test_nan_is_geen_getal():
    tekst = VOORBEELD.read_text(encoding="utf-8").replace('"maatwerkbudget": 0', '"maatwerkbudget": NaN')
    assert "NaN" in tekst
    assert "geen geldige JSON" in fout_bij(tekst.encode())


def test_kapotte_json_noemt_regel_en_teken():
    tekst = VOORBEELD.read_text(encoding="utf-8")
    kapot = tekst.replace('"datum": "2026-12-01",', '"datum": "2026-12-01"', 1)
    regel = kapot[: kapot.index('"kenmerk"')].count("\n") + 1
    melding = fout_bij(kapot.encode())
    assert "geen geldige JSON" in melding
    assert f"regel {regel}," in melding


def test_leeg_bestand_en_geen_tekst(tmp_path):
    (tmp_path / "leeg.json").write_bytes(b"")
    assert "leeg" in fout_bij(tmp_path / "leeg.json")
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00\x81")
    assert "geen tekstbestand" in fout_bij(tmp_path / "bin.json")
    assert "groep velden" in fout_bij(b"[1, 2]")


def test_bestand_van_10_mb_wordt_geweigerd(tmp_path):
    groot = tmp_path / "groot.json"
    groot.write_text('{"titel": "' + "a" * 10_000_000 + '"}', encoding="utf-8")
    melding = fout_bij(groot)
    assert "te groot" in melding and "1 MB" in melding


def test_bytes_van_10_mb_worden_geweigerd():
    assert "te groot" in fout_bij(b" " * 10_000_000)


def test_dev_zero_en_andere_bijzondere_bestanden(tmp_path):
    assert "geen gewoon bestand" in fout_bij(Path("/dev/zero"))
    assert "map" in fout_bij(tmp_path)
    assert "bestaat niet" in fout_bij(tmp_path / "weg.json")
    pijp = tmp_path / "pijp"
    os.mkfifo(pijp)
    assert "geen gewoon bestand" in fout_bij(pijp)  # never blocks waiting for a writer


def test_besluit_kiest_een_bestaand_alternatief():
    data = ruw_voorbeeld()
    data["besluit"] = {"uitkomst": "goedgekeurd", "gekozen_alternatief": "doorbraak C"}
    assert "doorbraak C" in fout_bij(data)
    data["besluit"]["gekozen_alternatief"] = "doorbraak B"
    assert lees_planbestand(data).besluit.gekozen_alternatief == "doorbraak B"


# --- unit rule (issue 17 item 1) --------------------------------------------------------------

PER_1000 = "schuldhulpverlening-uitvoeringskosten-gemeente"


def test_prijs_per_1000_inwoners_zonder_omrekening_is_fout():
    assert "1000 inwoners" in prijsrij(PER_1000)["omschrijving"]
    data = ruw_voorbeeld()
    data["scenarios"]["huidig"].append({"prijs_id": PER_1000, "aantal": 1})
    nummer = len(data["scenarios"]["huidig"])
    melding = fout_bij(data)
    assert f"scenario 'huidig', regel {nummer}" in melding
    assert "niet per huishouden" in melding and "omrekening" in melding


def test_prijs_per_1000_inwoners_met_omrekening_telt_prijs_maal_factor_maal_aantal():
    data = ruw_voorbeeld()
    basis = volledigheid(lees_planbestand(data))
    assert basis.rendabel
    oud = rm.bereken(lees_planbestand(data).als_rendementplan())
    data["scenarios"]["huidig"].append(
        {
            "omschrijving": "Schuldhulp, omgerekend",
            "prijs_id": PER_1000,
            "aantal": 2,
            "omrekening": {"factor": 0.125, "reden": "Voorbeeld: een traject per 8 op de 1000 inwoners"},
        }
    )
    nieuw = rm.bereken(lees_planbestand(data).als_rendementplan())
    rij = prijsrij(PER_1000)
    jaren = data["horizon_jaren"]
    verwacht = Decimal(rij["bedrag"]) * Decimal("0.125") * 2 * jaren  # yearly line, no discount
    assert rij["eenheid"] == "per jaar" and data["discontovoet"] == 0
    assert nieuw.totaal["huidig"] - oud.totaal["huidig"] == verwacht
    assert nieuw.per_geldstroom[rij["geldstroom"]]["huidig"] == verwacht


def test_omrekening_met_eigen_bedrag_of_bij_gewone_prijs_is_fout():
    data = ruw_voorbeeld()
    data["scenarios"]["huidig"].append({"prijs_id": PER_1000, "bedrag": 100})
    assert "niet per huishouden" in fout_bij(data)
    data = ruw_voorbeeld()
    data["scenarios"]["huidig"][0]["omrekening"] = {"factor": 2, "reden": "zomaar een reden"}
    assert "laat de omrekening weg" in fout_bij(data)
    data = ruw_voorbeeld()
    data["scenarios"]["huidig"].append({"prijs_id": PER_1000, "omrekening": {"factor": 0, "reden": "te klein hier"}})
    assert "factor" in fout_bij(data)


@pytest.mark.parametrize(
    "prijs_id", ["problematische-schulden-maatschappelijke-kosten", "zorgkosten-per-nederlander-totaal"]
)
def test_andere_prijzen_die_niet_per_huishouden_gelden(prijs_id):
    rij = prijsrij(prijs_id)
    assert "huishouden" in rij["opmerking"]
    melding = fout_bij({"scenarios": {"huidig": [{"prijs_id": prijs_id}]}})
    assert "niet per huishouden" in melding


# --- old rendement files ---------------------------------------------------------------------


@pytest.mark.parametrize("pad", OUDE_PLANNEN, ids=lambda p: p.name)
def test_oud_rendementbestand_laadt_en_rekent_precies_hetzelfde(pad):
    oud = lees_json(pad.read_bytes(), bestand=pad.name)
    nieuw = lees_planbestand(pad).als_rendementplan()
    assert nieuw == oud
    u_oud, u_nieuw = rm.bereken(oud), rm.bereken(nieuw)
    assert u_nieuw == u_oud
    assert rm.gevoeligheid(nieuw) == rm.gevoeligheid(oud)


def test_fouten_in_een_oud_bestand_zijn_dezelfde_fouten():
    data = json.loads(OUDE_PLANNEN[0].read_text(encoding="utf-8"))
    kapot = copy.deepcopy(data)
    kapot["scenarios"]["doorbraak"][0]["aantal"] = -1
    with pytest.raises(DoorbraakFout) as oud:
        rm.lees_plan(kapot)
    nieuw = fout_bij(kapot)
    assert str(oud.value).splitlines()[1][2:] in nieuw  # same place, same words


# --- privacy ---------------------------------------------------------------------------------


def test_persoonsgegevens_geven_een_waarschuwing_en_blijven_staan():
    data = ruw_voorbeeld()
    data["perspectief"] = "Mevrouw Jansen wil in haar huis blijven."
    data["kenmerk"] = "BSN 111222333"
    plan = lees_planbestand(data)
    meldingen = privacy_meldingen(plan)
    velden = {m["veld"] for m in meldingen}
    assert "perspectief" in velden and "kenmerk" in velden
    for m in meldingen:
        assert m["veld"] in m["melding"] and m["tekst"] in m["melding"]
    assert plan.perspectief == "Mevrouw Jansen wil in haar huis blijven."  # not stripped
    assert volledigheid(plan).meldingen == meldingen


def test_ook_regels_en_knelpunten_worden_nagekeken():
    data = ruw_voorbeeld()
    data["scenarios"]["doorbraak"][0]["omschrijving"] = "Huur voor Piet de Vries betalen"
    data["knelpunten"][0]["omschrijving"] = "Bel 06-12345678"
    velden = {m["veld"] for m in privacy_meldingen(lees_planbestand(data))}
    assert "scenario 'doorbraak' regel 1 omschrijving" in velden
    assert "knelpunt 1 omschrijving" in velden


# --- schema ----------------------------------------------------------------------------------


def test_schema_beschrijft_alle_velden_en_verbiedt_onbekende():
    s = plan_schema()
    assert s == Doorbraakplan.model_json_schema()
    for veld in (
        "titel",
        "datum",
        "kenmerk",
        "perspectief",
        "huidige_situatie",
        "dreigend_scenario",
        "doorbraak",
        "legitimiteit",
        "betrokkenheid",
        "domeinen",
        "maatwerkbudget",
        "knelpunten",
        "besluit",
        "scenarios",
        "kans_dreigend",
        "horizon_jaren",
        "discontovoet",
    ):
        assert veld in s["properties"], veld
        assert s["properties"][veld].get("description"), veld
    assert s["additionalProperties"] is False
    for naam, deel in s["$defs"].items():
        assert deel["additionalProperties"] is False, naam
    regel = s["$defs"]["PlanRegel"]["properties"]
    assert regel["bedrag"]["maximum"] == float(rm.MAX_BEDRAG)
    assert s["$defs"]["Knelpunt"]["properties"]["soort"]["enum"] == ["geen-toegang", "mismatch", "catch-22"]


# --- properties --------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEKST = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80)
_REGEL = st.builds(
    lambda omschrijving, centen, aantal, soort, geld: {
        "omschrijving": omschrijving,
        "bedrag": Decimal(centen).scaleb(-2),
        "aantal": Decimal(aantal).scaleb(-4),
        "soort": soort,
        "geldstroom": geld,
    },
    _TEKST,
    st.integers(0, 10**10),
    st.integers(0, 10**10),
    st.sampled_from(["jaarlijks", "eenmalig"]),
    st.sampled_from(["Wmo", "Jeugdwet", "Participatiewet", "Overig"]),
)


@given(
    titel=_TEKST,
    perspectief=_TEKST,
    kans=st.integers(0, 10**4),
    horizon=st.integers(1, 10),
    regels=st.lists(_REGEL, max_size=4),
    budget=st.integers(0, 10**8),
)
@settings(max_examples=60)
def test_opslaan_en_openen_verandert_niets(titel, perspectief, kans, horizon, regels, budget):
    data = {
        "titel": titel,
        "perspectief": perspectief,
        "kans_dreigend": Decimal(kans).scaleb(-4),
        "horizon_jaren": horizon,
        "maatwerkbudget": Decimal(budget).scaleb(-2),
        "scenarios": {"huidig": regels, "dreigend": regels[:1], "doorbraak": regels[1:]},
    }
    plan = lees_planbestand(data)
    tekst = schrijf_planbestand(plan)
    terug = lees_planbestand(tekst.encode("utf-8"))
    assert terug == plan
    assert schrijf_planbestand(terug) == tekst
    assert terug.titel == titel.strip() and terug.maatwerkbudget == Decimal(budget).scaleb(-2)


@given(
    inhoud=st.one_of(
        st.binary(max_size=300),
        _TEKST.map(str.encode),
        st.sampled_from(
            [
                b"{}",
                b"[]",
                b"null",
                b'{"scenarios": 5}',
                b'{"legitimiteit": [{}]}',
                b'{"besluit": {"uitkomst": 1}}',
                b'{"datum": 1e400}',
                b"\xef\xbb\xbf{}",
            ]
        ),
    )
)
@settings(max_examples=80)
def test_elke_inhoud_geeft_een_plan_of_een_nederlandse_fout(inhoud):
    try:
        lees_planbestand(inhoud)
    except DoorbraakFout as e:
        assert str(e) and "Traceback" not in str(e) and "pydantic" not in str(e).lower()
