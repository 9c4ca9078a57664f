"""`python -m calculators wet`: JSON for scripts, Dutch text and errors for people."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.cli import main

ROOT = Path(__file__).resolve().parents[2]
VELDEN = {
    "wet",
    "afkorting",
    "artikel",
    "geldig_vanaf",
    "url",
    "score",
    "zekerheid",
    "uitspraken",
    "wijzigingen",
    "plan_zin",
}


def treffers(uit: str) -> list[dict]:
    return json.loads(uit)["treffers"]


def test_json_lijst_met_afgesproken_velden_beste_eerst(capsys):
    assert main(["wet", "persoonsgebonden budget jeugdhulp", "--top", "4", "--json"]) == 0
    uitkomst = json.loads(capsys.readouterr().out)
    assert isinstance(uitkomst["onthouden"], bool)
    rijen = uitkomst["treffers"]
    assert 1 <= len(rijen) <= 4
    for rij in rijen:
        assert VELDEN <= rij.keys()
        assert rij["url"].startswith("https://wetten.overheid.nl/")
        assert rij["zekerheid"] in {"past goed", "past misschien", "twijfelachtig"}
    scores = [r["score"] for r in rijen]
    assert scores == sorted(scores, reverse=True)


def test_filters_werken_via_de_opdrachtregel(capsys):
    assert main(["wet", "bijstand", "--wet", "Pw", "--domein", "inkomen", "--json"]) == 0
    rijen = treffers(capsys.readouterr().out)
    assert rijen and all(r["afkorting"] == "Pw" for r in rijen)


def test_tekstuitvoer_noemt_artikel_link_en_geen_juridisch_advies(capsys):
    assert main(["wet", "Pw 52"]) == 0
    uit = capsys.readouterr().out
    assert "Artikel 52 Participatiewet" in uit
    assert "wetten.overheid.nl" in uit and "geen juridisch advies" in uit


def test_typefout_melding_gaat_naar_stderr_json_blijft_geldig(capsys):
    assert main(["wet", "huisiutzetting", "--json"]) == 0  # two letters swapped, as people type
    uit = capsys.readouterr()
    json.loads(uit.out)
    assert "huisuitzetting" in uit.err


@pytest.mark.parametrize(
    "args, deel",
    [
        (["wet", ""], "Typ eerst"),
        (["wet", "?!?"], "geen woorden"),
        (["wet", "bijstand", "--domein", "sport"], "Onbekend domein"),
        (["wet", "bijstand", "--wet", "Ruimtevaartwet"], "Onbekende wet"),
        (["wet", "bijstand", "--top", "0"], "--top"),
    ],
)
def test_foute_invoer_geeft_nederlandse_fout_en_code_2(capsys, args, deel):
    assert main(args) == 2
    fout = capsys.readouterr().err
    assert deel in fout and "Traceback" not in fout


def test_echte_opdrachtregel_met_lange_vraag_en_html():
    vraag = "<script>alert(1)</script> " + "wasmachine " * 900  # > 10.000 tekens
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "wet", vraag, "--json", "--top", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert len(treffers(r.stdout)) <= 2
    assert "Traceback" not in r.stderr and "lang" in r.stderr


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200), st.sampled_from([[], ["--json"], ["--top", "3"], ["--domein", "zorg"], ["--wet", "x"]]))
def test_elke_vraag_geeft_code_0_of_2(vraag, extra):
    if vraag.startswith("-"):  # argparse would read it as an option
        vraag = " " + vraag
    code = main(["wet", vraag, *extra])
    assert code in (0, 2)


def test_onthouden_bij_een_vraag_buiten_de_wetten(capsys):
    """A question about a law the project does not have: the tool says it does not know."""
    assert main(["wet", "kinderbijslag aanvragen bij de SVB", "--json"]) == 0
    uitkomst = json.loads(capsys.readouterr().out)
    assert uitkomst["onthouden"] is True
    assert uitkomst["melding"].startswith("Ik vind geen artikel dat goed past")
    assert main(["wet", "kinderbijslag aanvragen bij de SVB"]) == 0
    assert "Ik vind geen artikel dat goed past" in capsys.readouterr().out


def test_verwijzing_is_zeker_en_niet_onthouden(capsys):
    assert main(["wet", "Pw 52", "--json"]) == 0
    uitkomst = json.loads(capsys.readouterr().out)
    assert uitkomst["onthouden"] is False
    assert uitkomst["treffers"][0]["zekerheid"] == "past goed"


def test_json_toont_uitspraken_en_wijzigingen_uit_de_data(capsys):
    """Every article with a ruling or an announced change shows it in the CLI JSON."""
    from calculators.wetten.uitspraken import laad_uitspraken
    from calculators.wetten.wijzigingen import laad_wijzigingen

    verwacht_u: dict[str, set[str]] = {}
    for u in laad_uitspraken():
        for ref in u.artikelen:
            verwacht_u.setdefault(ref, set()).add(u.ecli)
    verwacht_w: dict[str, set[str]] = {}
    for w in laad_wijzigingen():
        for ref in w.artikelen:
            verwacht_w.setdefault(ref, set()).add(w.id)
    assert verwacht_u and verwacht_w
    for ref in sorted(set(verwacht_u) | set(verwacht_w)):
        assert main(["wet", ref, "--json"]) == 0
        rij = treffers(capsys.readouterr().out)[0]
        assert rij["referentie"] == ref
        assert {u["ecli"] for u in rij["uitspraken"]} == verwacht_u.get(ref, set())
        assert {w["id"] for w in rij["wijzigingen"]} == verwacht_w.get(ref, set())
        for w in rij["wijzigingen"]:
            assert w["url"].startswith("https://") and w["status_tekst"]
