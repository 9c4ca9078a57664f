"""``python -m calculators prijs`` with own tariffs and a chosen price level."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from calculators import cli
from calculators.prijzen.prijspeil import indexeer

ROOT = Path(__file__).resolve().parents[2]


def draai(capsys, *args):
    code = cli.main(["prijs", *args])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_eigen_tarieven_vervangen_de_landelijke_prijs(capsys, tmp_path):
    eigen = tmp_path / "eigen.csv"
    eigen.write_bytes(
        b"\xef\xbb\xbfid;item;eenheid;bedrag;jaar;geldstroom\r\n"
        b"huishoudelijke-hulp-thuis-referentieprijs;;;\xe2\x82\xac 41,25;2026;\r\n"
    )
    code, uit, _ = draai(capsys, "huishoudelijke hulp thuis", "--tarieven", str(eigen), "--top", "3", "--json")
    assert code == 0
    rijen = {r["id"]: r for r in json.loads(uit)}
    eigen_rij = rijen["huishoudelijke-hulp-thuis-referentieprijs"]
    assert eigen_rij["bedrag"] == 41.25 and eigen_rij["lokaal"] is True


def test_tekstuitvoer_noemt_eigen_tarief_en_euro(capsys):
    code, uit, _ = draai(capsys, "rolstoel", "--tarieven", str(ROOT / "data/sjablonen/eigen-tarieven.csv"))
    assert code == 0
    assert "eigen tarief" in uit and "€" in uit


def test_kapot_tarievenbestand_geeft_fout_met_rij_en_kolom(tmp_path):
    eigen = tmp_path / "eigen.csv"
    eigen.write_text(
        "item;eenheid;bedrag;jaar;geldstroom\nA;per uur;10;2026;Wmo\nB;per uur;tien;2026;Wmo\n", encoding="utf-8"
    )
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "prijs", "x", "--tarieven", str(eigen)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert "rij 3" in r.stderr and "bedrag" in r.stderr
    assert "Traceback" not in r.stderr


def test_ontbrekend_tarievenbestand(capsys, tmp_path):
    code, _, err = draai(capsys, "x", "--tarieven", str(tmp_path / "bestaat-niet.csv"))
    assert code == 2 and "bestaat-niet.csv" in err and "bestaat niet" in err


def test_prijspeil_toont_origineel_en_geindexeerd(capsys):
    code, uit, _ = draai(capsys, "huisuitzetting kosten verhuurder", "--top", "1", "--prijspeil", "2025", "--json")
    assert code == 0
    [rij] = json.loads(uit)
    assert rij["bedrag"] == 7500.0 and rij["jaar"] == 2014
    assert Decimal(str(rij["bedrag_geindexeerd"])) == indexeer(7500, 2014, 2025)
    assert rij["prijspeil"] == 2025


def test_prijspeil_tekst_heeft_beide_bedragen(capsys):
    code, uit, _ = draai(capsys, "huisuitzetting kosten verhuurder", "--top", "1", "--prijspeil", "2025")
    assert code == 0
    assert "€\u00a07.500,00" in uit and "in prijzen van 2025" in uit  # Babel uses a no-break space


@pytest.mark.parametrize("jaar", ["1900", "2099"])
def test_prijspeil_buiten_de_reeks_is_een_fout(capsys, jaar):
    code, _, err = draai(capsys, "x", "--prijspeil", jaar)
    assert code == 2 and "prijsindex" in err


def test_prijs_zonder_index_wordt_uitgelegd(capsys):
    code, uit, _ = draai(capsys, "minimumloon", "--top", "1", "--prijspeil", "2025")
    assert code == 0 and "niet om te rekenen" in uit
