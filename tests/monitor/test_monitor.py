"""Monitor: figures computed independently from the plan files (plain json + Decimal + csv), bad input.

The expected values here never go through calculators/: each plan's costs are recomputed from the
file with the documented model (line = bedrag × aantal; a yearly line counts in every year, discounted
by (1 + r)^(t−1); niets doen = (1 − p) × huidig + p × dreigend; cents half up per plan and geldstroom).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest

from calculators.cli import main
from calculators.kern.fouten import DoorbraakFout

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "data" / "voorbeelden" / "monitor-demo"
PRIJZEN = {
    r["id"]: Decimal(r["bedrag"]) for r in csv.DictReader((ROOT / "data" / "prijzen.csv").open(encoding="utf-8"))
}
CENT = Decimal("0.01")


def lees(pad: Path) -> dict:
    return json.loads(pad.read_text(encoding="utf-8"), parse_float=Decimal, parse_int=Decimal)


def demo_plannen() -> dict[str, dict]:
    return {p.relative_to(DEMO).as_posix(): lees(p) for p in sorted(DEMO.rglob("*.json"))}


def kosten_per_geldstroom(plan: dict) -> dict[str, dict[str, Decimal]]:
    """One plan's figures per geldstroom, recomputed from the file."""
    H = int(plan.get("horizon_jaren", 1))
    p = Decimal(plan.get("kans_dreigend", 1))
    r = Decimal(plan.get("discontovoet", 0))
    factor = sum((1 / (1 + r) ** t for t in range(H)), Decimal(0))
    som: dict[str, dict[str, Decimal]] = {}
    for s, regels in plan["scenarios"].items():
        for regel in regels:
            bedrag = Decimal(regel["bedrag"]) if "bedrag" in regel else PRIJZEN[regel["prijs_id"]]
            kosten = bedrag * Decimal(regel.get("aantal", 1))
            if regel["soort"] == "jaarlijks":
                kosten *= factor
            som.setdefault(regel["geldstroom"], {}).setdefault(s, Decimal(0))
            som[regel["geldstroom"]][s] += kosten
    alt = (plan.get("besluit") or {}).get("gekozen_alternatief") or "doorbraak"
    uit = {}
    for g, rij in som.items():
        h, d = rij.get("huidig", Decimal(0)), rij.get("dreigend", Decimal(0))
        waarden = {"huidig": h, "dreigend": d, "niets_doen": (1 - p) * h + p * d, "doorbraak": rij.get(alt, Decimal(0))}
        uit[g] = {k: v.quantize(CENT, rounding=ROUND_HALF_UP) for k, v in waarden.items()}
    return uit


def verwacht(plannen: dict[str, dict]) -> dict:
    wetten = Counter()
    for plan in plannen.values():
        wetten.update({re.sub(r"\s+lid\s+\S+$", "", x["artikel"]) for x in plan.get("legitimiteit", [])})
    budget = {n: Decimal(p["maatwerkbudget"]) for n, p in plannen.items() if "maatwerkbudget" in p}
    per_g: dict[str, dict[str, Decimal]] = {}
    for plan in plannen.values():
        for g, rij in kosten_per_geldstroom(plan).items():
            doel = per_g.setdefault(g, dict.fromkeys(rij, Decimal(0)))
            for k, v in rij.items():
                doel[k] += v
    knel = Counter(k["soort"] for p in plannen.values() for k in p.get("knelpunten", []))
    per_org: dict[str, Counter] = {}
    for p in plannen.values():
        for k in p.get("knelpunten", []):
            per_org.setdefault(k.get("organisatie") or "onbekend", Counter())[k["soort"]] += 1
    return {
        "aantal_plannen": len(plannen),
        "wetten": sorted(([a, n] for a, n in wetten.items()), key=lambda x: (-x[1], x[0]))[:10],
        "domeinen": Counter(d for p in plannen.values() for d in p.get("domeinen", [])),
        "budget": budget,
        "per_geldstroom": per_g,
        "knelpunten": knel,
        "per_org": per_org,
    }


def draai(capsys, *args) -> tuple[int, str, str]:
    code = main(["monitor", *map(str, args)])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


@pytest.fixture(scope="module")
def demo_json():
    import contextlib

    buf, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(fout):
        code = main(["monitor", str(DEMO), "--json"])
    assert code == 0, fout.getvalue()
    return json.loads(buf.getvalue()), fout.getvalue()


# --- figures of the demo folder --------------------------------------------------------


def test_demo_map_is_illustratief_en_geldig(demo_json):
    uit, fout = demo_json
    plannen = demo_plannen()
    assert 6 <= len(plannen) <= 12
    assert all("samengesteld voorbeeld" in p["titel"] for p in plannen.values())
    assert uit["ongeldig"] == [] and uit["aantal_plannen"] == len(plannen)
    assert fout == "", "de demo hoort geen privacywaarschuwing te geven"
    assert any("domeinen" not in p for p in plannen.values()), "er hoort een oud rendementsbestand bij"


def test_json_heeft_precies_de_afgesproken_sleutels(demo_json):
    uit, _ = demo_json
    assert list(uit) == [
        "aantal_plannen",
        "ongeldig",
        "wetten",
        "domeinen",
        "maatwerkbudget",
        "per_geldstroom",
        "knelpunten",
        "knelpunten_per_organisatie",
    ]
    assert set(uit["maatwerkbudget"]) == {"totaal", "gemiddeld", "per_plan"}
    for rij in uit["per_geldstroom"].values():
        assert set(rij) == {"huidig", "dreigend", "niets_doen", "doorbraak"}


def test_wetten_top_tien_een_keer_per_plan(demo_json):
    uit, _ = demo_json
    assert uit["wetten"] == verwacht(demo_plannen())["wetten"]
    assert len(uit["wetten"]) == 10


def test_domeinen_en_knelpunten(demo_json):
    uit, _ = demo_json
    v = verwacht(demo_plannen())
    assert uit["domeinen"] == dict(v["domeinen"])
    assert list(uit["domeinen"].values()) == sorted(uit["domeinen"].values(), reverse=True)
    assert uit["knelpunten"] == dict(v["knelpunten"])
    assert uit["knelpunten_per_organisatie"] == {o: dict(c) for o, c in v["per_org"].items()}


def test_maatwerkbudget(demo_json):
    uit, _ = demo_json
    budget = verwacht(demo_plannen())["budget"]
    assert uit["maatwerkbudget"]["per_plan"] == {n: float(b) for n, b in budget.items()}
    totaal = sum(budget.values(), Decimal(0))
    assert uit["maatwerkbudget"]["totaal"] == float(totaal)
    assert uit["maatwerkbudget"]["gemiddeld"] == float((totaal / len(budget)).quantize(CENT, rounding=ROUND_HALF_UP))


def test_kosten_per_geldstroom_met_eigen_kans_horizon_en_gekozen_alternatief(demo_json):
    uit, _ = demo_json
    plannen = demo_plannen()
    assert any((p.get("besluit") or {}).get("gekozen_alternatief") == "doorbraak B" for p in plannen.values())
    assert any(Decimal(p.get("discontovoet", 0)) > 0 for p in plannen.values())
    per_g = verwacht(plannen)["per_geldstroom"]
    assert set(uit["per_geldstroom"]) == set(per_g)
    for g, rij in per_g.items():
        assert uit["per_geldstroom"][g] == {k: float(v) for k, v in rij.items()}, g


# --- filters, Excel ---------------------------------------------------------------------


def test_filter_op_periode_en_domein(capsys):
    plannen = demo_plannen()
    code, out, err = draai(capsys, DEMO, "--json", "--van", "2026-01-01", "--domein", "wonen")
    assert code == 0, err
    uit = json.loads(out)
    gekozen = {
        n: p for n, p in plannen.items() if p.get("datum", "") >= "2026-01-01" and "wonen" in p.get("domeinen", [])
    }
    assert uit["aantal_plannen"] == len(gekozen) >= 1
    assert uit["domeinen"] == dict(verwacht(gekozen)["domeinen"])
    code, _, err = draai(capsys, DEMO, "--van", "31-12-2026")
    assert code == 2 and "jjjj-mm-dd" in err
    code, _, err = draai(capsys, DEMO, "--domein", "ruimtevaart")
    assert code == 2 and "Onbekend domein" in err


def test_excel_een_blad_per_overzicht_met_nederlandse_koppen_en_euroformaat(tmp_path, capsys):
    doel = tmp_path / "monitor.xlsx"
    code, _, err = draai(capsys, DEMO, "--xlsx", doel)
    assert code == 0, err
    wb = openpyxl.load_workbook(doel)
    assert wb.sheetnames == [
        "Samenvatting",
        "Wetten",
        "Domeinen",
        "Maatwerkbudget",
        "Per geldstroom",
        "Knelpunten",
        "Knelpunten per organisatie",
        "Ongeldige bestanden",
    ]
    blad = wb["Per geldstroom"]
    assert [c.value for c in blad[1]] == ["Geldstroom", "Huidig", "Dreigend", "Niets doen", "Doorbraak"]
    per_g = verwacht(demo_plannen())["per_geldstroom"]
    rijen = {r[0].value: r for r in blad.iter_rows(min_row=2)}
    for g, rij in per_g.items():
        assert rijen[g][4].value == pytest.approx(float(rij["doorbraak"]), abs=0.001)
        assert "€" in rijen[g][4].number_format
    wetten = [[c.value for c in r] for r in wb["Wetten"].iter_rows(min_row=2)]
    assert wetten == verwacht(demo_plannen())["wetten"]
    assert [c.value for c in wb["Wetten"][1]] == ["Artikel", "Aantal plannen"]


# --- bad input --------------------------------------------------------------------------


def test_ongeldige_bestanden_staan_erbij_met_melding_en_tellen_niet(tmp_path, capsys):
    map_ = tmp_path / "plannen"
    shutil.copytree(DEMO, map_)
    (map_ / "kapot.json").write_text("dit is geen json", encoding="utf-8")
    (map_ / "sub").mkdir()
    (map_ / "sub" / "leeg.json").write_text("", encoding="utf-8")
    (map_ / "sub" / "lijst.json").write_text("[1, 2]", encoding="utf-8")
    (map_ / "sub" / "fout-scenario.json").write_text(
        json.dumps({"scenarios": {"huidig": [{"bedrag": "veel"}]}}), encoding="utf-8"
    )
    (map_ / "groot.json").write_bytes(b"{" + b" " * 1_100_000 + b"}")
    (map_ / "notities.txt").write_text("geen plan", encoding="utf-8")
    code, out, err = draai(capsys, map_, "--json")
    assert code == 0 and "Traceback" not in err
    uit = json.loads(out)
    assert uit["aantal_plannen"] == len(demo_plannen())
    meldingen = {o["bestand"]: o["melding"] for o in uit["ongeldig"]}
    assert set(meldingen) == {"kapot.json", "sub/leeg.json", "sub/lijst.json", "sub/fout-scenario.json", "groot.json"}
    assert "geen geldige JSON" in meldingen["kapot.json"]
    assert "leeg" in meldingen["sub/leeg.json"]
    assert "te groot" in meldingen["groot.json"]
    assert "scenario 'huidig'" in meldingen["sub/fout-scenario.json"]
    # The figures are those of the valid plans only.
    assert uit["wetten"] == verwacht(demo_plannen())["wetten"]


def test_plan_met_persoonsgegevens_geeft_waarschuwing_en_telt_wel(tmp_path, capsys):
    map_ = tmp_path / "plannen"
    shutil.copytree(DEMO, map_)
    pad = next(map_.rglob("*.json"))
    plan = json.loads(pad.read_text(encoding="utf-8"))
    plan["perspectief"] = "Mevrouw Jansen (BSN 111222333) wil in haar huis blijven."
    pad.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    code, out, err = draai(capsys, map_, "--json")
    assert code == 0
    assert json.loads(out)["aantal_plannen"] == len(demo_plannen())
    assert "persoonsgegevens" in err and "BSN" in err and "perspectief" in err
    assert pad.relative_to(map_).as_posix() in err
    assert "111222333" not in err and "Jansen" not in err, "de waarschuwing herhaalt de gegevens niet"
    assert "111222333" not in out


def test_tienduizend_bestanden_geven_een_nette_fout(tmp_path, capsys):
    map_ = tmp_path / "veel"
    map_.mkdir()
    for i in range(10_000):
        (map_ / f"p{i:05d}.json").write_bytes(b"{}")
    code, out, err = draai(capsys, map_, "--json")
    assert code == 2 and out == ""
    assert "te veel planbestanden: 10.000" in err and "Traceback" not in err


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam, inhoud in entries.items():
            zf.writestr(naam, inhoud)
    return buf.getvalue()


def test_zip_bom_wordt_geweigerd_zonder_uitpakken(tmp_path, capsys, monkeypatch):
    pad = tmp_path / "bom.zip"
    pad.write_bytes(_zip({"plan.json": b"{}", "bom.json": b" " * 50_000_000}))
    assert pad.stat().st_size < 200_000

    def niet_openen(*a, **k):
        raise AssertionError("de zip is uitgepakt")

    monkeypatch.setattr(zipfile.ZipFile, "open", niet_openen)
    code, out, err = draai(capsys, pad, "--json")
    assert code == 2 and out == ""
    assert "zip-bom" in err and "bom.json" in err and "Er is niets uitgepakt" in err


def test_zip_met_te_veel_bestanden_en_kapotte_zip(tmp_path, capsys):
    from calculators.monitor.lezer import MAX_BESTANDEN, lees_zip

    data = _zip({f"p{i}.json": b"{}" for i in range(MAX_BESTANDEN + 1)})
    with pytest.raises(DoorbraakFout, match="te veel planbestanden"):
        lees_zip(data)
    with pytest.raises(DoorbraakFout, match="geen geldig zip-bestand"):
        lees_zip(b"PK\x03\x04 kapot")


def test_zip_met_demoplannen_geeft_dezelfde_cijfers(tmp_path, capsys, demo_json):
    pad = tmp_path / "demo.zip"
    pad.write_bytes(_zip({n: (DEMO / n).read_bytes() for n in demo_plannen()} | {"__MACOSX/._x.json": b"\x00"}))
    code, out, err = draai(capsys, pad, "--json")
    assert code == 0, err
    assert json.loads(out) == demo_json[0]


def test_uploads_lezen_json_en_zip_en_weigeren_andere_bestanden():
    from calculators.monitor.lezer import lees_plannen, lees_uploads

    naam = next(iter(demo_plannen()))
    invoer = lees_uploads(
        [
            ("a.json", (DEMO / naam).read_bytes()),
            ("plannen.zip", _zip({"b.json": (DEMO / naam).read_bytes()})),
            ("foto.png", b"\x89PNG"),
        ]
    )
    gelezen = lees_plannen(invoer)
    assert sorted(gelezen.plannen) == ["a.json", "plannen.zip/b.json"]
    assert gelezen.ongeldig == [
        ("foto.png", "Het bestand foto.png is geen planbestand. Kies JSON-bestanden of een zip.")
    ]


def test_map_bestaat_niet(capsys, tmp_path):
    code, _, err = draai(capsys, tmp_path / "nergens")
    assert code == 2 and "bestaat niet" in err
