"""Hostile plan files (issue 14): lone surrogates, devices, endless stdin, formulas in exports."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from calculators.cli import main
from calculators.kern.fouten import DoorbraakFout
from calculators.rendement.export import lees_json, samenvatting_markdown

ROOT = Path(__file__).resolve().parents[2]
LEEG = {"huidig": [], "dreigend": [], "doorbraak": []}


def plan_tekst(titel: str = "Plan", omschrijving: str = "Eigen hulp") -> str:
    regel = {"omschrijving": omschrijving, "bedrag": 100, "aantal": 1, "soort": "jaarlijks", "geldstroom": "Wmo"}
    return json.dumps({"titel": titel, "scenarios": {**LEEG, "huidig": [regel]}})


def test_losse_surrogaat_wordt_geweigerd_voor_het_laden():
    tekst = plan_tekst().replace('"Plan"', '"Plan \\ud83d"')  # half an emoji, as JavaScript cuts it
    with pytest.raises(DoorbraakFout) as e:
        lees_json(tekst, bestand="plan.json")
    assert "plan.json" in str(e.value) and "titel" in str(e.value) and "kapot teken" in str(e.value)


def test_samenvatting_met_losse_surrogaat_geeft_nederlandse_melding(tmp_path):
    pad = tmp_path / "plan.json"
    pad.write_text(plan_tekst().replace('"Eigen hulp"', '"Eigen \\udc00 hulp"'), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "rendement", str(pad), "--samenvatting"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert "kapot teken" in r.stderr and "onverwachts" not in r.stderr and "UnicodeEncodeError" not in r.stderr


@pytest.mark.timeout(30)
@pytest.mark.parametrize("pad", ["/dev/zero", "/dev/urandom"])
def test_apparaat_als_planbestand(pad, capsys):
    code = main(["rendement", pad])
    assert code == 2 and "geen gewoon bestand" in capsys.readouterr().err


def test_map_als_planbestand(tmp_path, capsys):
    code = main(["rendement", str(tmp_path)])
    fout = capsys.readouterr().err
    assert code == 2 and "map" in fout and "bestaat niet" not in fout


@pytest.mark.timeout(30)
def test_oneindige_stdin_als_plan(capsys, monkeypatch):
    class Eindeloos(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, b):
            b[:] = b" " * len(b)
            return len(b)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Eindeloos()))
    code = main(["rendement", "-"])
    assert code == 2 and "te groot" in capsys.readouterr().err


def test_lege_naam_bij_tarieven(capsys):
    code = main(["rendement", "data/voorbeelden/plan-voorbeeld.json", "--tarieven", ""])
    assert code == 2 and "geen bestandsnaam" in capsys.readouterr().err


@pytest.mark.parametrize("kwaad", ['=HYPERLINK("http://voorbeeld.invalid")', "+cmd|' /C calc'!A0", "@SUM(A1)"])
def test_formules_in_de_samenvatting_worden_tekst(kwaad):
    md = samenvatting_markdown(lees_json(plan_tekst(titel=kwaad, omschrijving=kwaad)))
    assert f"'{kwaad.replace('|', chr(92) + '|')}" in md
    cellen = [c.strip() for regel in md.splitlines() if regel.startswith("|") for c in regel.strip("|").split(" | ")]
    assert not any(c.startswith(("=", "+", "@")) for c in cellen)
    assert f"# '{kwaad}" in md.replace("\\|", "|")


def test_rekenhulp_houdt_plan_en_download_bij_een_kapot_teken():
    import base64
    import re

    from calculators.rendement.widget import Rendement

    r = Rendement()
    r._laad_tekst(plan_tekst(titel="Eerste plan"), "eerste.json")
    voor = r.downloads.value
    assert "Eerste plan" in base64.b64decode(re.search(r"base64,([^\"]+)\"", voor).group(1)).decode("utf-8")
    r._laad_tekst(plan_tekst(titel="Tweede \\ud800 plan").replace("\\\\ud800", "\\ud800"), "tweede.json")
    assert "kapot teken" in r.laad_status.value and "blijft zoals het was" in r.laad_status.value
    assert r.downloads.value == voor and r.plan().titel == "Eerste plan"


def test_getypt_half_emoji_houdt_de_downloads_bij():
    import base64
    import re

    from calculators.rendement.widget import Rendement

    r = Rendement()
    r._laad_tekst(plan_tekst(omschrijving="Eigen hulp"), "plan.json")
    rij = next(iter(r.rijen.values()))[0]
    rij.omschrijving.value = "Wooncoach \ud83d"  # the browser sends half an emoji
    bestanden = [base64.b64decode(d).decode("utf-8") for d in re.findall(r'base64,([^"]+)"', r.downloads.value)]
    assert len(bestanden) == 3
    assert all("Wooncoach \ufffd" in b for b in bestanden)  # what the browser shows for it
    assert "Eigen hulp" not in bestanden[0]
