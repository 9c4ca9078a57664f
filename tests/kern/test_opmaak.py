from decimal import Decimal

import pytest

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import datum, euro, getal, lees_bedrag, rond_af


def test_euro_is_nederlands_opgemaakt():
    assert euro(Decimal("1234.5")) == "€\xa01.234,50"
    assert euro(0) == "€\xa00,00"
    assert euro(Decimal("1234567.891")) == "€\xa01.234.567,89"


def test_euro_zonder_centen():
    assert euro(Decimal("1234.56"), centen=False) == "€\xa01.235"


def test_afronden_half_naar_boven():
    assert rond_af(Decimal("0.005")) == Decimal("0.01")
    assert rond_af(Decimal("2.344")) == Decimal("2.34")


def test_getal_en_datum():
    assert getal(Decimal("1234.5")) == "1.234,5"
    assert datum("2026-07-01") == "1 juli 2026"


@pytest.mark.parametrize(
    "tekst, verwacht",
    [
        ("1.234,56", "1234.56"),
        ("€ 12,50", "12.50"),
        ("1234.5", "1234.5"),
        ("7500", "7500"),
        (" 3 ", "3"),
        ("1.000", "1000"),
        (12, "12"),
    ],
)
def test_lees_bedrag_zoals_een_gebruiker_typt(tekst, verwacht):
    assert lees_bedrag(tekst) == Decimal(verwacht)


@pytest.mark.parametrize("tekst", ["", "   ", "twaalf", "12,5,3", "€", "NaN", "inf"])
def test_lees_bedrag_geeft_nederlandse_fout(tekst):
    with pytest.raises(DoorbraakFout) as e:
        lees_bedrag(tekst, "bedrag")
    assert "bedrag" in str(e.value)
