"""``python -m calculators privacy``: exit codes, JSON output and Dutch messages."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculators.cli import main

ROOT = Path(__file__).resolve().parents[2]
CASUS = """\
id: proef
titel: Huurschuld na een scheiding
regio: Midden-Brabant
jaar: 2022
huishouden: alleenstaande ouder
leeftijdsband: 27 tot 40
cluster: cluster-3
wettelijke_basis: ["Pw 52"]
probleem: >-
  {probleem}
"""


def schrijf_casus(map_: Path, naam: str, probleem: str, **velden) -> Path:
    tekst = CASUS.format(probleem=probleem)
    for k, v in velden.items():
        tekst = tekst.replace(f"{k}: ", f"{k}: {v} #", 1)
    pad = map_ / naam
    pad.write_text(tekst, encoding="utf-8")
    return pad


def draai(argv, capsys, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    code = main(["privacy", *argv])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_schone_casus_geeft_code_0(tmp_path, capsys):
    pad = schrijf_casus(tmp_path, "schoon.yaml", "Een vader van in de veertig kreeg hulp van de gemeente.")
    code, out, err = draai([str(pad)], capsys)
    assert code == 0
    assert "Niets gevonden" in out and err == ""


def test_casus_met_naam_geeft_code_1_met_veld_en_advies(tmp_path, capsys):
    pad = schrijf_casus(tmp_path, "naam.yaml", "Mevrouw Jansen (34) heeft een huurschuld.")
    code, out, _ = draai([str(pad)], capsys)
    assert code == 1
    assert "veld 'probleem'" in out
    assert "een vrouw van in de dertig" in out


def test_json_geeft_lijst_met_vier_velden(tmp_path, capsys):
    pad = tmp_path / "tekst.txt"
    pad.write_text("Bel 06-23456789.\nHet BSN is 111222333.", encoding="utf-8")
    code, out, _ = draai([str(pad), "--json"], capsys)
    assert code == 1
    data = json.loads(out)
    assert [d["soort"] for d in data] == ["telefoonnummer", "BSN"]
    assert all(set(d) == {"soort", "tekst", "positie", "advies"} for d in data)
    assert data[1]["positie"] == "regel 2, teken 12"


def test_json_zonder_bevindingen_is_lege_lijst(capsys, monkeypatch):
    code, out, _ = draai(["-", "--json"], capsys, stdin="Een vrouw van in de dertig.", monkeypatch=monkeypatch)
    assert code == 0 and json.loads(out) == []


def test_stdin_met_kenteken(capsys, monkeypatch):
    code, out, _ = draai(["-"], capsys, stdin="Zijn bus VF-123-K staat stil.", monkeypatch=monkeypatch)
    assert code == 1 and "kenteken" in out


@pytest.mark.parametrize(
    "inhoud, woorden",
    [
        (b"", "leeg"),
        (b"titel: [a\n  b: c", "geen geldige YAML"),
        (b"\xff\xfe\x00kapot", "geen tekst"),
    ],
)
def test_onleesbare_casus_geeft_code_2_met_nederlandse_melding(tmp_path, capsys, inhoud, woorden):
    pad = tmp_path / "casus.yaml"
    pad.write_bytes(inhoud)
    code, out, err = draai([str(pad)], capsys)
    assert code == 2
    assert woorden in err and "casus.yaml" in err
    assert "Traceback" not in err and out == ""


def test_leeg_tekstbestand_en_ontbrekend_bestand_geven_code_2(tmp_path, capsys):
    leeg = tmp_path / "leeg.txt"
    leeg.write_text("  \n", encoding="utf-8")
    assert draai([str(leeg)], capsys)[0] == 2
    code, _, err = draai([str(tmp_path / "bestaat-niet.txt")], capsys)
    assert code == 2 and "bestaat niet" in err


def test_lege_invoer_via_stdin_geeft_code_2(capsys, monkeypatch):
    code, _, err = draai(["-"], capsys, stdin="", monkeypatch=monkeypatch)
    assert code == 2 and "geen tekst" in err


def test_map_met_casussen_controleert_ook_k_anonimiteit(tmp_path, capsys):
    for i in range(3):
        schrijf_casus(tmp_path, f"c{i}.yaml", "Een moeder van in de dertig kreeg hulp.")
    schrijf_casus(tmp_path, "apart.yaml", "Een moeder kreeg hulp.", regio="Achterhoek")
    (tmp_path / "_sjabloon.yaml").write_text("titel: Mevrouw Jansen\n", encoding="utf-8")  # skipped
    code, out, _ = draai([str(tmp_path), "--json"], capsys)
    data = json.loads(out)
    assert code == 1
    assert [d["soort"] for d in data] == ["zeldzame combinatie"]
    assert "apart" in data[0]["positie"] and "Achterhoek" in data[0]["tekst"]
    code, out, _ = draai([str(tmp_path), "--json", "--k", "1"], capsys)
    assert code == 0 and json.loads(out) == []


def test_k_nul_is_een_fout(tmp_path, capsys):
    pad = schrijf_casus(tmp_path, "c.yaml", "Een moeder kreeg hulp.")
    code, _, err = draai([str(pad), "--k", "0"], capsys)
    assert code == 2 and "--k" in err


def test_lege_map_geeft_code_2(tmp_path, capsys):
    code, _, err = draai([str(tmp_path)], capsys)
    assert code == 2 and "geen casussen" in err


def test_echte_opdrachtregel_met_stdin():
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "privacy", "-", "--json"],
        input="<b>Meneer Kowalski</b> mailde k.devries@hotmail.com.",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 1, r.stderr
    assert [d["soort"] for d in json.loads(r.stdout)] == ["naam", "e-mailadres"]
