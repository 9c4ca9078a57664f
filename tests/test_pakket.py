"""The package builds as a wheel that carries its data and installs a console script."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.traag  # builds a wheel


@pytest.fixture(scope="module")
def wiel(tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("wiel")
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(uit), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    (pad,) = uit.glob("doorbraakwijzer-*.whl")
    return pad


def test_wiel_bevat_gegevens_dashboards_en_console_script(wiel):
    with zipfile.ZipFile(wiel) as z:
        namen = set(z.namelist())
        punten = next(z.read(n).decode() for n in namen if n.endswith("entry_points.txt"))
    data = sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*") if p.is_file())
    ontbreekt = [d for d in data if f"calculators/_gegevens/{d}" not in namen]
    assert not ontbreekt, ontbreekt
    assert "calculators/dashboards/prijzen.ipynb" in namen
    assert "doorbraakwijzer = calculators.cli:main_met_exit" in punten


def test_uitgepakt_wiel_vindt_zijn_gegevens_buiten_de_repository(wiel, tmp_path):
    """Installed elsewhere (no data/ next to the package), the CLI reads the copy in the wheel."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wiel) as z:
        z.extractall(site)
    werkmap = tmp_path / "ergens"
    werkmap.mkdir()
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "prijs", "huisuitzetting", "--json"],
        cwd=werkmap,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert r.returncode == 0, r.stderr
    assert "huisuitzetting-kosten-verhuurder" in r.stdout
    r = subprocess.run(
        [sys.executable, "-c", "from calculators.kern.paden import DATA; print(DATA)"],
        cwd=werkmap,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(site)},
    )
    assert r.stdout.strip() == str(site / "calculators" / "_gegevens")
