"""Units in "Wat kost het?": the unit a user types is a preference; conversions are safe only
between calendar periods (calculators/prijzen/eenheden.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.prijzen.eenheden import EENHEDEN, PER_JAAR, kan_omrekenen, lees_eenheid, reken_om
from calculators.prijzen.prijslijst import EENHEDEN as CSV_EENHEDEN


@pytest.mark.parametrize(
    "vraag, woorden, eenheid",
    [
        ("beschermd wonen per jaar", "beschermd wonen", "per jaar"),
        ("pleegzorg p/j", "pleegzorg", "per jaar"),
        ("pleegzorg pj", "pleegzorg", "per jaar"),
        ("respijtzorg per etmaal", "respijtzorg", "per etmaal"),
        ("dagbesteding dagdeel", "dagbesteding", "per dagdeel"),
        ("begeleiding per uur", "begeleiding", "per uur"),
        ("schuldhulp per traject", "schuldhulp", "per traject"),
        ("verhuiskosten per keer", "verhuiskosten", "eenmalig"),
        ("huur per maand", "huur", "per maand"),
        ("opvang per week", "opvang", "per week"),
        ("pleegvergoeding 9 t/m 11 jaar", "pleegvergoeding 9 t/m 11 jaar", None),  # an age, not a unit
        ("Pw bijstandsnorm", "Pw bijstandsnorm", None),  # Pw is the Participatiewet, not "per week"
    ],
)
def test_eenheid_uit_de_vraag(vraag, woorden, eenheid):
    uit = lees_eenheid(vraag)
    assert (uit.zoekwoorden, uit.eenheid) == (woorden, eenheid)


def test_omrekenen_met_voorbeeld_uit_de_opdracht():
    # 133,10 x 12 = 1.597,20 (by hand)
    assert reken_om(Decimal("133.10"), "per maand", "per jaar") == Decimal("1597.20")
    assert reken_om(Decimal("1597.20"), "per jaar", "per maand") == Decimal("133.10")
    assert reken_om(Decimal("10"), "per dag", "per jaar") == Decimal("3650")


@pytest.mark.parametrize(
    "eenheid", ["per uur", "per dagdeel", "per nacht", "per consult", "per traject", "per stuk", "eenmalig"]
)
def test_geen_omrekening_zonder_veilige_factor(eenheid):
    assert not kan_omrekenen(eenheid, "per jaar")
    assert reken_om(Decimal("100"), eenheid, "per jaar") is None
    assert reken_om(Decimal("100"), "per jaar", eenheid) is None


def test_eenheden_zijn_die_van_de_prijslijst():
    import csv

    from calculators.kern.paden import DATA

    with open(DATA / "prijzen.csv", encoding="utf-8") as f:
        in_csv = {r["eenheid"] for r in csv.DictReader(f)}
    assert in_csv <= set(EENHEDEN)  # every unit the price list uses is known here
    assert CSV_EENHEDEN is EENHEDEN  # one list, not two copies
    assert set(PER_JAAR) <= set(EENHEDEN)


@given(
    st.decimals(min_value=0, max_value=10**7, places=2),
    st.sampled_from(sorted(PER_JAAR)),
    st.sampled_from(sorted(PER_JAAR)),
)
def test_heen_en_terug_geeft_hetzelfde_bedrag(bedrag, van, naar):
    terug = reken_om(reken_om(bedrag, van, naar), naar, van)
    assert abs(terug - bedrag) < Decimal("0.000001")
