"""Hostile input for the case catalogue CLI (issue 14)."""

from __future__ import annotations

import pytest

from calculators.cli import main


def _cli(capsys, *argv):
    code = main(["casus", *argv])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_map_is_geen_casusbestand_en_bestaat_wel(capsys, tmp_path):
    code, _, fout = _cli(capsys, "controleer", str(tmp_path))
    assert code == 2 and "geen gewoon bestand" in fout and "bestaat niet" not in fout


@pytest.mark.timeout(30)
def test_apparaat_als_casus(capsys):
    code, _, fout = _cli(capsys, "controleer", "/dev/zero")
    assert code == 2 and "geen gewoon bestand" in fout


def test_aliasbom_in_een_casusbestand(capsys, tmp_path):
    regels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    regels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    pad = tmp_path / "bom.yaml"
    pad.write_text("\n".join(regels), encoding="utf-8")
    code, _, fout = _cli(capsys, "controleer", str(pad))
    assert code == 2 and "bom.yaml" in fout and "anker" in fout


def test_half_emoji_in_het_zoekvak():
    from calculators.casussen.widget import CasusCatalogus

    c = CasusCatalogus()
    c.zoek.value = "huurschuld \ud83d"
    assert "huurschuld" in c.status.value
    c.status.value.encode("utf-8")  # what goes to the browser must be valid UTF-8
