"""Property-based tests: for any input, a result or a Dutch DoorbraakFout — never another exception."""

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.fuzzyindex import FuzzyIndex, normaliseer, synoniem_varianten
from calculators.kern.opmaak import euro, getal, lees_bedrag, rond_af
from calculators.prijzen.prijslijst import MandRegel, laad_prijzen, mand_als_csv, mand_totalen, zoek_prijzen

ROOT = Path(__file__).resolve().parents[2]
PRIJZEN = laad_prijzen()
bedragen = st.decimals(
    min_value=Decimal("-1e9"), max_value=Decimal("1e9"), allow_nan=False, allow_infinity=False, places=4
)


@given(bedragen)
def test_euro_en_getal_werken_voor_elk_bedrag(b):
    tekst = euro(b)
    assert tekst.startswith("€") or tekst.startswith("-€")
    assert "." not in tekst.split(",")[-1]  # decimal comma, not point
    getal(b)


@given(bedragen)
def test_euro_teruglezen_geeft_hetzelfde_bedrag(b):
    if abs(rond_af(b)) <= Decimal("100000000"):  # the bound on every amount (100 miljoen)
        assert lees_bedrag(euro(b)) == rond_af(b)
    else:
        with pytest.raises(DoorbraakFout, match="te groot"):
            lees_bedrag(euro(b))


@given(st.text(max_size=60))
def test_lees_bedrag_geeft_getal_of_nederlandse_fout(tekst):
    try:
        assert isinstance(lees_bedrag(tekst), Decimal)
    except DoorbraakFout as e:
        assert str(e)


@given(st.text(max_size=300), st.integers(min_value=-5, max_value=50))
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_zoek_prijzen_geeft_altijd_een_lijst(vraag, top):
    uit = zoek_prijzen(vraag, PRIJZEN, top=top)
    assert len(uit) <= max(1, top)
    assert all(0 <= t.score <= 100 for t in uit)


@given(st.lists(st.text(max_size=40), max_size=20), st.text(max_size=80))
def test_fuzzyindex_voor_elke_tekst(teksten, vraag):
    idx = FuzzyIndex(teksten)
    for i, s in idx.zoek(vraag):
        assert 0 <= i < len(teksten) and 0 <= s <= 100


@given(st.text(max_size=80), st.lists(st.tuples(st.text(max_size=10), st.text(max_size=10)), max_size=5))
def test_synoniem_varianten_voor_elke_tekst(vraag, groepen):
    assert len(synoniem_varianten(vraag, groepen)) <= 12
    normaliseer(vraag)


@given(st.lists(st.tuples(st.sampled_from(PRIJZEN), st.decimals(min_value=0, max_value=10_000, places=2)), max_size=8))
def test_mandje_totaal_is_som_van_regels(regels):
    mand = [MandRegel(p, a) for p, a in regels]
    totalen = mand_totalen(mand)
    assert sum(totalen.values(), Decimal(0)) == sum((r.prijs.bedrag * r.aantal for r in mand), Decimal(0))
    assert mand_als_csv(mand).count("\n") == len(mand) + 1


@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30),
        max_size=5,
    )
)
@settings(max_examples=60)
def test_cli_prijs_nooit_een_traceback(args):
    """In-process (fast); tests/test_cli.py runs the real process for the same contract."""
    import contextlib
    import io

    from calculators.cli import main

    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        try:
            code = main(["prijs", *args])
        except SystemExit as e:  # argparse: --help (0) or a usage error (2)
            code = e.code
    assert code in (0, 2)
    assert "Traceback" not in fout.getvalue() + uit.getvalue()
    if code == 2:
        assert "Fout" in fout.getvalue() or "gebruik:" in fout.getvalue()
