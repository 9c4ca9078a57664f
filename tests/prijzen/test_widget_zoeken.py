""" "Wat kost het?" widget: what a user sees for units, suggestions, plurals and file errors."""

from __future__ import annotations

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.opmaak import euro
from calculators.prijzen.prijslijst import laad_prijzen
from calculators.prijzen.widget import PrijsZoeker, fout_html


def _prijs(item: str):
    return next(p for p in laad_prijzen() if p.item == item)


def test_omgerekend_bedrag_staat_naast_het_origineel():
    z = PrijsZoeker()
    z.zoek.value = "pleegvergoeding per jaar"
    p = _prijs("Pleegvergoeding 0 t/m 8 jaar")
    rij = next(r[0].value for r in z.rijen if r[2] is not None and r[2].id == p.id)
    assert f"{euro(p.bedrag)} per dag" in rij
    assert f"= {euro(p.bedrag * 365)} per jaar (omgerekend)" in rij
    assert "Je vroeg om een bedrag per jaar" in z.status.value


def test_meervoud_en_bedoel_je():
    z = PrijsZoeker()
    z.zoek.value = "respijtzorg"
    assert "1 prijs gevonden" in z.status.value
    z.zoek.value = "pleegvergoeding 9 t/m 11 jaar"
    assert "Geen prijzen gevonden" in z.status.value and "Bedoel je" in z.status.value


def test_foutlijst_is_een_lijst():
    fout = DoorbraakFout(
        "Het bestand klopt niet.",
        [Melding("geen bedrag", "t.csv", 2, "bedrag"), Melding("onbekende eenheid", "t.csv", 3, "eenheid")],
    )
    uit = fout_html(fout, "Je bestand is niet geladen. ")
    assert uit.count("<li>") == 2
    assert "<ul" in uit and "Je bestand is niet geladen. Het bestand klopt niet." in uit
    assert "rij 3" in uit
