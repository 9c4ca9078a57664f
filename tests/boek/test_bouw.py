"""The book builds with warnings as errors, and its pages read their facts from data/."""

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.traag  # builds the whole book


def test_boek_bouwt_zonder_waarschuwingen(boek_build):
    code, uitvoer = boek_build.code, boek_build.uitvoer
    assert code == 0, uitvoer[-5000:]


def test_prijspagina_toont_elke_prijs_uit_de_csv(boek_build):
    assert boek_build[0] == 0
    pagina = (boek_build.html / "book" / "rekenhulpen" / "wat-kost-het.html").read_text(encoding="utf-8")
    with open(ROOT / "data" / "prijzen.csv", encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            assert f'id="prijs-{rij["id"]}"' in pagina


def test_geen_externe_scripts_of_stijlen(boek_build):
    """Offline: no page loads a script or stylesheet from another host."""
    import re

    assert boek_build[0] == 0
    for pagina in boek_build.html.rglob("*.html"):
        tekst = pagina.read_text(encoding="utf-8")
        extern = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', tekst)
        assert not extern, f"{pagina.relative_to(boek_build.html)} laadt {extern}"


def test_tabellen_zonder_doorlopend_nummer(boek_build):
    """_config.yml says numfig: false; no caption reads "Tabel 33" on a page with three tables."""
    assert boek_build[0] == 0
    met_bijschrift = 0
    for pagina in boek_build.html.rglob("*.html"):
        tekst = pagina.read_text(encoding="utf-8")
        met_bijschrift += tekst.count('<span class="caption-text">')
        assert 'class="caption-number"' not in tekst, f"{pagina.relative_to(boek_build.html)} nummert zijn tabellen"
    assert met_bijschrift > 20  # the tables still have their captions


def test_numfig_komt_uit_config(tmp_path):
    """The handler puts back what _config.yml says, in both directions (one place to set it)."""
    from calculators.sphinx_ext import numfig_uit_config

    assert numfig_uit_config() is False  # the book's _config.yml
    aan = tmp_path / "_config.yml"
    aan.write_text("sphinx:\n  config:\n    numfig: true\n", encoding="utf-8")
    assert numfig_uit_config(aan) is True
    leeg = tmp_path / "leeg.yml"
    leeg.write_text("title: x\n", encoding="utf-8")
    assert numfig_uit_config(leeg) is False
