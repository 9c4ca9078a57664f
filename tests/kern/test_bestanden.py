"""The bounded reader: only regular files, at most limit + 1 bytes, Dutch messages."""

from __future__ import annotations

import io
import os
import sys

import pytest

from calculators.kern.bestanden import decodeer, lees_bytes, lees_tekst
from calculators.kern.fouten import DoorbraakFout


@pytest.mark.timeout(20)
@pytest.mark.parametrize("apparaat", ["/dev/zero", "/dev/urandom"])
def test_apparaat_wordt_geweigerd_zonder_te_lezen(apparaat):
    with pytest.raises(DoorbraakFout) as e:
        lees_bytes(apparaat, limiet=1000)
    assert "geen gewoon bestand" in str(e.value) and apparaat in str(e.value)


@pytest.mark.timeout(20)
def test_fifo_wordt_geweigerd_zonder_te_wachten(tmp_path):
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    with pytest.raises(DoorbraakFout, match="geen gewoon bestand"):
        lees_bytes(fifo)


def test_map_is_geen_gewoon_bestand_en_bestaat_wel(tmp_path):
    with pytest.raises(DoorbraakFout) as e:
        lees_bytes(tmp_path)
    assert "geen gewoon bestand" in str(e.value) and "map" in str(e.value)
    assert "bestaat niet" not in str(e.value)


def test_ontbrekend_bestand(tmp_path):
    with pytest.raises(DoorbraakFout, match="bestaat niet"):
        lees_bytes(tmp_path / "weg.json")


def test_lege_naam_wordt_niet_stil_genegeerd():
    with pytest.raises(DoorbraakFout, match="geen bestandsnaam"):
        lees_bytes("")


def test_grens_precies_en_een_byte_erover(tmp_path):
    pad = tmp_path / "a.txt"
    pad.write_bytes(b"x" * 100)
    assert lees_bytes(pad, limiet=100) == b"x" * 100
    with pytest.raises(DoorbraakFout, match="te groot"):
        lees_bytes(pad, limiet=99)


class _Oneindig(io.RawIOBase):
    """A stream like /dev/zero on stdin: counts what is read."""

    def __init__(self):
        self.gelezen = 0

    def readable(self):
        return True

    def readinto(self, b):
        b[:] = b"\0" * len(b)
        self.gelezen += len(b)
        return len(b)


@pytest.mark.timeout(20)
def test_stdin_leest_hoogstens_de_grens_plus_een(monkeypatch):
    stroom = _Oneindig()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stroom))
    with pytest.raises(DoorbraakFout) as e:
        lees_bytes("-", limiet=10_000)
    assert "De invoer is te groot" in str(e.value)
    assert stroom.gelezen <= 10_001


def test_ongeldige_utf8_noemt_bestand_regel_en_teken(tmp_path):
    pad = tmp_path / "plan.json"
    pad.write_bytes(b'{\n  "titel": "caf\xe9"\n}')
    with pytest.raises(DoorbraakFout) as e:
        lees_tekst(pad)
    tekst = str(e.value)
    assert "plan.json" in tekst and "regel 2" in tekst and "teken 16" in tekst  # 15 characters precede the é
    assert "codec" not in tekst and "byte" not in tekst


def test_bom_valt_weg():
    assert decodeer("\ufeffhallo".encode("utf-8")) == "hallo"
