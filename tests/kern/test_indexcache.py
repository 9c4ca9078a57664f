"""Kept search indexes: loaded only when data and code match, rebuilt when damaged, never unsafe."""

from __future__ import annotations

import os
import pickle

import pytest

from calculators.kern import indexcache
from calculators.kern.indexcache import bewaard, cachemap


@pytest.fixture
def map_(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("DOORBRAAK_CACHE", str(d))
    return d


def _teller():
    gebouwd = []

    def bouw(waarde):
        def f():
            gebouwd.append(waarde)
            return {"index": waarde}

        return f

    return gebouwd, bouw


def test_tweede_keer_geladen_en_andere_invoer_is_een_nieuwe_index(map_):
    gebouwd, bouw = _teller()
    assert bewaard("proef", ["a"], bouw("a")) == {"index": "a"}
    assert bewaard("proef", ["a"], bouw("a")) == {"index": "a"}
    assert gebouwd == ["a"], "de tweede keer hoort de index uit de map te komen"
    assert bewaard("proef", ["b"], bouw("b")) == {"index": "b"}
    assert gebouwd == ["a", "b"], "andere gegevens mogen nooit de oude index geven"
    assert oct(map_.stat().st_mode & 0o777) == "0o700"
    assert all(p.stat().st_mode & 0o077 == 0 for p in map_.glob("*.pickle"))


def test_kapot_of_afgekapt_bestand_wordt_opnieuw_gebouwd(map_):
    gebouwd, bouw = _teller()
    bewaard("proef", ["a"], bouw("a"))
    (pad,) = map_.glob("proef-*.pickle")
    pad.write_bytes(pad.read_bytes()[:5])
    assert bewaard("proef", ["a"], bouw("a")) == {"index": "a"}
    assert gebouwd == ["a", "a"]
    pad.write_bytes(pickle.dumps(["iets anders"]))
    assert bewaard("proef", ["a"], bouw("a"), soort=dict) == {"index": "a"}
    assert len(gebouwd) == 3


def test_bestand_dat_anderen_mogen_schrijven_wordt_niet_gelezen(map_):
    gebouwd, bouw = _teller()
    bewaard("proef", ["a"], bouw("a"))
    (pad,) = map_.glob("proef-*.pickle")
    os.chmod(pad, 0o666)
    bewaard("proef", ["a"], bouw("a"))
    assert gebouwd == ["a", "a"]
    # a symlink is never followed
    doel = map_ / "elders.pickle"
    doel.write_bytes(pickle.dumps({"index": "vals"}))
    pad.unlink()
    pad.symlink_to(doel)
    assert bewaard("proef", ["a"], bouw("a")) == {"index": "a"}


def test_map_die_niet_kan_worden_gemaakt_werkt_toch(tmp_path, monkeypatch):
    bestand = tmp_path / "geen-map"
    bestand.write_text("x")
    monkeypatch.setenv("DOORBRAAK_CACHE", str(bestand / "sub"))
    gebouwd, bouw = _teller()
    assert bewaard("proef", ["a"], bouw("a")) == {"index": "a"}
    assert bewaard("proef", ["a"], bouw("a")) == {"index": "a"}
    assert gebouwd == ["a", "a"]


def test_oude_sleutels_worden_opgeruimd(map_, monkeypatch):
    monkeypatch.setattr(indexcache, "BEWAAR_PER_NAAM", 2)
    _, bouw = _teller()
    for x in "abcd":
        bewaard("proef", [x], bouw(x))
    assert len(list(map_.glob("proef-*.pickle"))) == 2


def test_standaardmap_volgt_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("DOORBRAAK_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cachemap() == tmp_path / "doorbraakwijzer"


def test_wetzoeker_uit_de_map_geeft_dezelfde_antwoorden(map_):
    """The kept law index answers exactly as a freshly built one."""
    from calculators.wetten.artikelen import alle_artikelen
    from calculators.wetten.zoeker import maak_index, zoek_wetten

    artikelen = tuple(alle_artikelen())
    vers = (artikelen, maak_index(artikelen))
    maak_index(artikelen, bewaren=True)  # writes
    assert len(list(map_.glob("wetten-*.pickle"))) == 1
    geladen = (artikelen, maak_index(artikelen, bewaren=True))  # reads
    for vraag in ["voorschot bijstand", "scootmobiel na verhuizing", "huurachterstand en schuldhulp", "Pw 35"]:
        a = zoek_wetten(vraag, top=5, index=vers)
        b = zoek_wetten(vraag, top=5, index=geladen)
        assert [(t.artikel.referentie, t.score, t.lid) for t in a.treffers] == [
            (t.artikel.referentie, t.score, t.lid) for t in b.treffers
        ]
        assert a.meldingen == b.meldingen


def test_sleutel_is_gelijk_in_elk_proces():
    """A set of strings has another order in every process (PYTHONHASHSEED); the key may not."""
    import subprocess
    import sys

    code = (
        "from calculators.kern.indexcache import sleutel;"
        "print(sleutel('proef', {'stopwoorden': frozenset('de het een van op aan bij'.split()), 'n': (1, 2.5)}))"
    )
    uit = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(zaad)},
        ).stdout
        for zaad in (1, 2, 3)
    }
    assert len(uit) == 1
