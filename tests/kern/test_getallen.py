"""The one strict Dutch number parser (kern.opmaak.lees_getal / lees_bedrag), issue 14 item 6."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import MAX_AANTAL, MAX_BEDRAG, euro, getal, lees_bedrag, lees_getal


@pytest.mark.parametrize(
    "tekst, verwacht",
    [
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1234.56", "1234.56"),
        ("€ 1.234,56", "1234.56"),
        ("1.000", "1000"),
        ("1.234.567", "1234567"),
        ("1,5", "1.5"),
        ("1.5", "1.5"),
        ("0,25", "0.25"),
        ("-12,50", "-12.50"),
        ("100.000.000", "100000000"),
        ("12 500", "12500"),
    ],
)
def test_wat_de_tarievenlezer_altijd_al_las(tekst, verwacht):
    assert lees_bedrag(tekst) == Decimal(verwacht)


@pytest.mark.parametrize(
    "tekst",
    [
        "1,234.56",
        "1.2.3",
        "1,234.5",
        "1e6",
        "1E6",
        "1e308",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "+5",
        "12,5,3",
        ",5",
        "5,",
        "1.23.456",
        "0x10",
        "١٢٣",
        "1_000",
    ],
)
def test_dubbelzinnige_of_vreemde_getallen_worden_geweigerd(tekst):
    with pytest.raises(DoorbraakFout) as e:
        lees_bedrag(tekst, "bedrag")
    assert "'bedrag'" in str(e.value) and tekst.strip()[:40] in str(e.value)


def test_amerikaanse_notatie_krijgt_een_hint():
    with pytest.raises(DoorbraakFout, match="komma voor de centen en punten"):
        lees_bedrag("1,234.56")


def test_dertig_cijfers_is_te_groot():
    with pytest.raises(DoorbraakFout, match="te groot"):
        lees_bedrag("9" * 30)
    with pytest.raises(DoorbraakFout, match="te veel cijfers"):
        lees_getal("0," + "0" * 28 + "1", "aantal")


@pytest.mark.parametrize("waarde", [1e308, float("inf"), float("nan"), Decimal("1E+400"), Decimal("NaN")])
def test_getallen_uit_json_of_excel_worden_begrensd(waarde):
    with pytest.raises(DoorbraakFout):
        lees_getal(waarde, "aantal")


def test_grenzen_van_bedrag_en_aantal():
    assert lees_bedrag("100.000.000") == Decimal(100_000_000)
    with pytest.raises(DoorbraakFout, match="te groot"):
        lees_bedrag("100.000.000,01")
    assert lees_getal("1.000.000", "aantal") == Decimal(1_000_000)
    with pytest.raises(DoorbraakFout, match="te groot"):
        lees_getal("1.000.001", "aantal")


def test_leeg_veld():
    with pytest.raises(DoorbraakFout, match="is leeg"):
        lees_getal("  ", "aantal")


def test_e_macht_krijgt_een_hint():
    with pytest.raises(DoorbraakFout, match="voluit"):
        lees_getal("2e3", "aantal")


@given(st.one_of(st.text(max_size=40), st.from_regex(r"-?[0-9.,e ]{1,30}", fullmatch=True), st.floats(), st.integers()))
def test_elke_invoer_geeft_een_begrensd_getal_of_een_nederlandse_fout(invoer):
    try:
        d = lees_getal(invoer, "aantal")
    except DoorbraakFout as e:
        assert "'aantal'" in str(e)
        return
    assert d.is_finite() and abs(d) <= MAX_AANTAL and len(d.as_tuple().digits) <= 20


@given(st.decimals(min_value=-MAX_BEDRAG, max_value=MAX_BEDRAG, places=2, allow_nan=False, allow_infinity=False))
def test_wat_we_tonen_lezen_we_terug(d):
    assert lees_bedrag(euro(d)) == d
    assert lees_bedrag(getal(d, 2)) == d
