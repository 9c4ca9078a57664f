"""Hostile input for the privacy check (issue 14): alias bomb, devices, endless stdin."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from calculators.cli import main

ROOT = Path(__file__).resolve().parents[2]


def aliasbom() -> str:
    regels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        regels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(regels) + "\n"


@pytest.mark.timeout(60)
def test_aliasbom_als_bestand_geeft_meteen_code_2(tmp_path):
    pad = tmp_path / "bom.yaml"
    pad.write_text(aliasbom(), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "privacy", str(pad)], cwd=ROOT, capture_output=True, text=True, timeout=50
    )
    assert r.returncode == 2
    assert "bom.yaml" in r.stderr and "anker" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.timeout(60)
def test_aliasbom_in_de_rekenhulp_wordt_geweigerd():
    from calculators.privacy.widget import PrivacyControle

    c = PrivacyControle()
    c.is_casus.value = True
    c.invoer.value = aliasbom()
    assert c.controleer() == []
    assert "geen geldige YAML" in c.uitslag.value and "anker" in c.uitslag.value


@pytest.mark.timeout(30)
@pytest.mark.parametrize("apparaat", ["/dev/zero", "/dev/urandom"])
def test_apparaat_als_casus_of_tekst(apparaat, capsys):
    code = main(["privacy", apparaat])
    fout = capsys.readouterr().err
    assert code == 2 and "geen gewoon bestand" in fout


@pytest.mark.timeout(30)
def test_oneindige_stdin_wordt_begrensd(capsys, monkeypatch):
    class Nul(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, b):
            b[:] = b"a" * len(b)
            return len(b)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Nul()))
    code = main(["privacy", "-"])
    assert code == 2 and "te groot" in capsys.readouterr().err


def test_ongeldige_utf8_noemt_de_plek(tmp_path, capsys):
    pad = tmp_path / "tekst.txt"
    pad.write_bytes(b"Regel een\nMevrouw M\xfcller\n")
    code = main(["privacy", str(pad)])
    fout = capsys.readouterr().err
    assert code == 2 and "tekst.txt" in fout and "regel 2, teken 10" in fout and "codec" not in fout


def test_half_emoji_uit_de_browser_breekt_de_rekenhulp_niet():
    from calculators.privacy.widget import PrivacyControle

    c = PrivacyControle()
    c.is_casus.value = False
    c.invoer.value = "Meneer Kowalski kreeg een brief \ud83d."
    c.controleer()
    assert "Kowalski" in c.uitslag.value
    c.uitslag.value.encode("utf-8")  # what the kernel sends to the browser must be valid UTF-8


def test_onverwachte_fout_geeft_nederlandse_melding_en_geen_oude_uitslag(monkeypatch):
    from calculators.privacy import widget

    c = widget.PrivacyControle()
    c.invoer.value = "Meneer Kowalski kreeg een brief."
    c.controleer()
    assert "Kowalski" in c.uitslag.value

    def stuk(_tekst):
        raise RuntimeError("intern")

    monkeypatch.setattr(widget, "controleer_tekst", stuk)
    assert c.controleer() == []
    assert "niet gelukt" in c.uitslag.value and "Kowalski" not in c.uitslag.value and "intern" not in c.uitslag.value


def test_lege_naam_is_niet_de_huidige_map(capsys):
    code = main(["privacy", ""])
    assert code == 2 and "geen bestandsnaam" in capsys.readouterr().err
