"""The command line as a user meets it: Dutch help, Dutch errors, exit codes, no traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def cli(*args, invoer=None):
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=invoer,
        timeout=120,
    )


def test_hulp_is_nederlands():
    r = cli("--help")
    assert r.returncode == 0
    assert "gebruik:" in r.stdout and "prijs" in r.stdout


def test_zonder_onderdeel_toont_hulp_en_code_2():
    r = cli()
    assert r.returncode == 2
    assert "onderdeel" in r.stdout


def test_onbekend_onderdeel_geeft_nederlandse_fout():
    r = cli("bestaatniet")
    assert r.returncode == 2
    assert "Fout:" in r.stderr and "Traceback" not in r.stderr


def test_prijs_json_heeft_de_afgesproken_velden():
    r = cli("prijs", "huisuitzetting", "--top", "3", "--json")
    assert r.returncode == 0, r.stderr
    rijen = json.loads(r.stdout)
    assert 1 <= len(rijen) <= 3
    for rij in rijen:
        assert {"item", "omschrijving", "eenheid", "bedrag", "jaar", "geldstroom", "bron_url"} <= rij.keys()
        assert "uitzetting" in rij["item"].lower()


def test_prijs_onbekende_geldstroom():
    r = cli("prijs", "x", "--geldstroom", "Bestaatniet")
    assert r.returncode == 2
    assert "geldstroom" in r.stderr.lower() and "Traceback" not in r.stderr


def test_prijs_top_geen_getal():
    r = cli("prijs", "x", "--top", "veel")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def _onderdelen() -> list[str]:
    import argparse

    from calculators.cli import maak_parser

    acties = [a for a in maak_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(acties[0].choices)


def test_elk_onderdeel_staat_in_de_hulp():
    r = cli("--help")
    for naam in _onderdelen():
        assert naam in r.stdout, naam


def test_geen_onderdeel_ontbreekt_in_de_lijst():
    """The explicit list in calculators/cli.py names every capability that has a cli.py."""
    pakket = ROOT / "calculators"
    met_cli = {p.parent.name for p in pakket.glob("*/cli.py")}
    from calculators.cli import ONDERDELEN

    geregistreerd = {m.__name__.split(".")[1] for m in ONDERDELEN}
    assert met_cli == geregistreerd


@pytest.mark.parametrize("onderdeel", _onderdelen())
def test_rookproef_elk_onderdeel_als_echt_proces(onderdeel):
    """One real process per subcommand (the other CLI tests run in-process): Dutch help, exit 0."""
    r = cli(onderdeel, "--help")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("gebruik: python -m calculators " + onderdeel)
    assert "opties:" in r.stdout and "usage:" not in r.stdout
