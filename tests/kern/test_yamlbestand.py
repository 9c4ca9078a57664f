"""One YAML loader: no anchors/aliases, node and depth limits, Dutch messages."""

from __future__ import annotations

import pytest

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import DATA
from calculators.kern.yamlbestand import laad_yaml, lees_yaml


def aliasbom(niveaus: int = 9) -> str:
    """The billion-laughs text: each level lists the previous one nine times."""
    regels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, niveaus):
        regels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(regels) + "\n"


@pytest.mark.timeout(20)
def test_aliasbom_wordt_meteen_geweigerd():
    with pytest.raises(DoorbraakFout) as e:
        laad_yaml(aliasbom(), "Je tekst")
    assert "Je tekst" in str(e.value) and "anker" in str(e.value) and "regel 1" in str(e.value)


def test_losse_verwijzing_wordt_geweigerd():
    with pytest.raises(DoorbraakFout, match="verwijzing"):
        laad_yaml("a: *b\n")


def test_te_veel_knopen():
    tekst = "[" + ", ".join(["1"] * 30_000) + "]"
    with pytest.raises(DoorbraakFout, match="te veel onderdelen"):
        laad_yaml(tekst)


def test_te_diep_genest():
    with pytest.raises(DoorbraakFout, match="te diep genest"):
        laad_yaml("[" * 5000 + "]" * 5000)


def test_python_objecten_worden_niet_gemaakt():
    with pytest.raises(DoorbraakFout, match="geen geldige YAML"):
        laad_yaml("a: !!python/object/apply:os.system ['echo hoi']\n")


def test_kapotte_yaml_noemt_regel():
    with pytest.raises(DoorbraakFout) as e:
        laad_yaml("titel: a\nb: [c\n", "Het bestand x.yaml")
    assert "x.yaml" in str(e.value) and "regel" in str(e.value)


def test_gewone_yaml():
    assert laad_yaml("titel: Huurschuld\njaar: 2022\nlijst: [1, 2]\n") == {
        "titel": "Huurschuld",
        "jaar": 2022,
        "lijst": [1, 2],
    }


def test_alle_gegevensbestanden_laden_zonder_ankers():
    paden = sorted(DATA.rglob("*.yaml"))
    assert len(paden) > 20
    for pad in paden:
        lees_yaml(pad, leeg_mag=True)  # raises on an anchor, alias or limit


def test_apparaat_als_yamlbestand(tmp_path):
    with pytest.raises(DoorbraakFout, match="geen gewoon bestand"):
        lees_yaml("/dev/zero", data=False)


def test_snelle_en_gewone_lader_geven_hetzelfde(monkeypatch):
    """With libyaml the C parser does the work; the result must be what the pure loader gives."""
    import calculators.kern.yamlbestand as yb

    if not yb._SNEL:
        pytest.skip("PyYAML zonder libyaml: er is maar één lader")
    paden = sorted(DATA.rglob("*.yaml"))
    snel = [lees_yaml(p, leeg_mag=True) for p in paden]
    monkeypatch.setattr(yb, "_SNEL", False)
    assert [lees_yaml(p, leeg_mag=True) for p in paden] == snel


@pytest.mark.parametrize(
    "tekst, woord",
    [
        ("a: *b\n", "verwijzing"),
        ("a: &x 1\n", "anker"),
        ("[" * 61 + "]" * 61, "te diep genest"),
        ("[" + ", ".join(["1"] * 20_001) + "]", "te veel onderdelen"),
        ("a: [1\n", "regel"),
    ],
)
def test_snelle_weg_weigert_wat_de_gewone_weigert(monkeypatch, tekst, woord):
    import calculators.kern.yamlbestand as yb

    with pytest.raises(DoorbraakFout) as snel:
        laad_yaml(tekst)
    monkeypatch.setattr(yb, "_SNEL", False)
    with pytest.raises(DoorbraakFout) as gewoon:
        laad_yaml(tekst)
    assert woord in str(snel.value)
    assert str(snel.value) == str(gewoon.value)
