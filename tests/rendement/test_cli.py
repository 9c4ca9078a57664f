"""`python -m calculators rendement plan.json`: output keys, Dutch errors, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.cli import main

ROOT = Path(__file__).resolve().parents[2]
VOORBEELD = ROOT / "data" / "voorbeelden" / "plan-voorbeeld.json"
MAP = Path(tempfile.mkdtemp(prefix="rendement-cli-"))


def draai(inhoud: bytes | str, capsys, *opties: str) -> tuple[int, str, str]:
    pad = MAP / "plan.json"
    pad.write_bytes(inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8"))
    code = main(["rendement", str(pad), *opties])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_json_uitvoer_heeft_precies_de_afgesproken_sleutels():
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "rendement", str(VOORBEELD), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert set(uit) == {"totaal", "niets_doen", "netto", "per_geldstroom"}
    assert set(uit["totaal"]) == {"huidig", "dreigend", "doorbraak", "doorbraak B"}
    assert set(uit["netto"]) == {"doorbraak", "doorbraak B"}
    for rij in uit["per_geldstroom"].values():
        assert set(rij) == {"huidig", "dreigend", "doorbraak", "doorbraak B", "niets_doen"}
    getallen = [
        uit["niets_doen"],
        *uit["totaal"].values(),
        *uit["netto"].values(),
        *(b for rij in uit["per_geldstroom"].values() for b in rij.values()),
    ]
    assert all(isinstance(b, (int, float)) and round(b, 2) == b for b in getallen)
    # netto = niets_doen − totaal (within a cent: rounding happens only at the end)
    for d, b in uit["netto"].items():
        assert abs(uit["niets_doen"] - uit["totaal"][d] - b) <= 0.011


def test_tekstuitvoer_legt_uit(capsys):
    code, uit, _ = draai(VOORBEELD.read_bytes(), capsys)
    assert code == 0
    assert "Als niets verandert, kost dit naar verwachting" in uit and "Dat scheelt" in uit


def test_samenvatting_met_bronnen(capsys):
    code, uit, _ = draai(VOORBEELD.read_bytes(), capsys, "--samenvatting")
    assert code == 0 and "## Bronnen van de prijzen" in uit and "https://" in uit
    code, uit, _ = draai(VOORBEELD.read_bytes(), capsys, "--afdrukversie")
    assert code == 0 and uit.startswith("<!doctype html>") and "<h2>Bronnen van de prijzen</h2>" in uit


def test_bestand_bestaat_niet():
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "rendement", "bestaat-niet.json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2
    assert "bestaat niet" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "inhoud, woord",
    [
        ("", "leeg"),
        ("{niet: json}", "geen geldige JSON"),
        ("[]", "Een plan is een groep velden"),
        ('{"scenarios": {"huidig": []}}', "'dreigend' ontbreekt"),
        ('{"scenarios": {"huidig": [], "dreigend": [], "doorbraak": []}, "kans_dreigend": 1.2}', "tussen 0 en 1"),
        ('{"scenarios": {"huidig": [], "dreigend": [], "doorbraak": []}, "horizon_jaren": 12}', "tussen 1 en 10"),
        ('{"scenarios": {"huidig": [], "dreigend": [], "doorbraak": [{"prijs_id": "xyz"}]}}', "onbekende prijs-id"),
        (
            '{"scenarios": {"huidig": [], "dreigend": [], "doorbraak": [{"bedrag": 1, "soort": "eenmalig", '
            '"geldstroom": "Gemeente"}]}}',
            "onbekende geldstroom",
        ),
        (
            '{"scenarios": {"huidig": [], "dreigend": [], "doorbraak": [{"bedrag": "12", "soort": "eenmalig", '
            '"geldstroom": "Wmo"}]}}',
            "geen tekst",
        ),
    ],
)
def test_foute_invoer_nederlands_code_2(inhoud, woord, capsys):
    code, uit, fout = draai(inhoud, capsys, "--json")
    assert code == 2 and uit == ""
    assert fout.startswith("Fout: ") and woord in fout
    assert "Traceback" not in fout and "onverwachts" not in fout


def json_waarden():
    blad = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(allow_nan=False),
        st.text(max_size=12),
        st.sampled_from(
            ["huidig", "dreigend", "doorbraak", "Wmo", "jaarlijks", "eenmalig", "begeleiding-thuis-referentieprijs"]
        ),
    )
    return st.recursive(
        blad,
        lambda k: st.one_of(
            st.lists(k, max_size=4),
            st.dictionaries(
                st.sampled_from(
                    [
                        "scenarios",
                        "huidig",
                        "dreigend",
                        "doorbraak",
                        "doorbraak B",
                        "bedrag",
                        "aantal",
                        "soort",
                        "geldstroom",
                        "prijs_id",
                        "kans_dreigend",
                        "horizon_jaren",
                        "discontovoet",
                        "titel",
                        "omschrijving",
                        "x",
                    ]
                ),
                k,
                max_size=6,
            ),
        ),
        max_leaves=25,
    )


def bijna_geldig():
    """Valid plans with one field replaced by anything."""

    def maak(waarde, veld, plek):
        plan = json.loads(VOORBEELD.read_text(encoding="utf-8"))
        if plek == "plan":
            plan[veld] = waarde
        else:
            plan["scenarios"][plek][0][veld] = waarde
        return json.dumps(plan, allow_nan=True)

    return st.builds(
        maak,
        json_waarden(),
        st.sampled_from(
            [
                "bedrag",
                "aantal",
                "soort",
                "geldstroom",
                "prijs_id",
                "omschrijving",
                "kans_dreigend",
                "horizon_jaren",
                "discontovoet",
                "scenarios",
                "titel",
            ]
        ),
        st.sampled_from(["plan", "huidig", "dreigend", "doorbraak", "doorbraak B"]),
    )


inhoud = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200),
    json_waarden().map(lambda v: json.dumps(v, allow_nan=True)),
    bijna_geldig(),
)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(inhoud)
def test_nooit_een_traceback(capsys, tekst):
    code, uit, fout = draai(tekst, capsys, "--json")
    assert code in (0, 2)
    assert "Traceback" not in fout and "onverwachts" not in fout
    if code == 0:
        assert set(json.loads(uit)) == {"totaal", "niets_doen", "netto", "per_geldstroom"}
    else:
        assert fout.startswith("Fout: ") and uit == ""


def test_eigen_tarieven_gaan_voor_de_prijslijst(capsys, tmp_path):
    import csv
    from decimal import Decimal

    tarieven = tmp_path / "tarieven.csv"
    tarieven.write_text(
        "id;item;eenheid;bedrag;jaar;geldstroom;bron;domein\n"
        "begeleiding-thuis-referentieprijs;Begeleiding (ons tarief);per uur;70,00;2026;Wmo;"
        "https://example.org/tarieven;zorg\n",
        encoding="utf-8",
    )
    with open(ROOT / "data" / "prijzen.csv", encoding="utf-8") as f:
        bedrag = {r["id"]: Decimal(r["bedrag"]) for r in csv.DictReader(f)}
    # huidig: 2 years × (70 × 104 hours begeleiding + 52 hours jeugdhulp)
    verwacht = 2 * (70 * 104 + 52 * bedrag["ambulante-jeugdhulp-regulier-hbo"])
    code, uit, fout = draai(VOORBEELD.read_bytes(), capsys, "--json", "--tarieven", str(tarieven))
    assert code == 0, fout
    assert Decimal(str(json.loads(uit)["totaal"]["huidig"])) == verwacht
    code, uit, fout = draai(VOORBEELD.read_bytes(), capsys, "--tarieven", str(tmp_path / "weg.csv"))
    assert code == 2 and "bestaat niet" in fout and "Traceback" not in fout
