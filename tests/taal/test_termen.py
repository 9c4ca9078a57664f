"""Stale names (data/verouderde-termen.yaml): the list is valid, and no book page or data file uses one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import BOOK, DATA, ROOT
from calculators.taal.termen import TERMEN_YAML, laad_termen, zoek_in_bestanden, zoek_in_tekst


def _te_doorzoeken() -> list[Path]:
    boek = sorted(p for p in BOOK.rglob("*.md") if "_build" not in p.parts)
    data = sorted(p for p in DATA.rglob("*") if p.suffix in (".yaml", ".yml", ".csv") and p != TERMEN_YAML)
    return boek + data


def test_de_lijst_laadt_en_heeft_de_namen_uit_issue_17():
    oud = {t.oud for t in laad_termen()}
    assert {"Programma Maatwerk Multiprobleemhuishoudens", "Belastingdienst", "Ons Pact"} <= oud
    ruw = yaml.safe_load(TERMEN_YAML.read_text(encoding="utf-8"))["termen"]
    assert len(laad_termen()) == len(ruw)


def test_geen_verouderde_term_op_een_boekpagina_of_in_de_gegevens():
    paden = _te_doorzoeken()
    assert len([p for p in paden if p.suffix == ".md"]) > 50  # the whole book, not a few pages
    vondsten = zoek_in_bestanden(paden)
    assert not vondsten, "Verouderde termen (pas aan, of voeg een uitzondering met reden toe):\n" + "\n".join(
        str(v) for v in vondsten
    )


def test_uitzonderingen_bestaan_echt():
    """An exception for a file that is gone hides nothing and should be removed."""
    for t in laad_termen():
        for u in t.uitzonderingen:
            assert (ROOT / u.pad).exists(), (t.oud, u.pad)


# --- the scanner finds what it should (texts written here, expected values by hand) --------
def test_vondst_noemt_bestand_regel_en_wat_je_nu_schrijft():
    tekst = "# Kop\n\nDe gemeente belt het Programma Maatwerk Multiprobleemhuishoudens.\n"
    [v] = zoek_in_tekst(tekst, "book/voorbeeld.md")
    assert (v.bestand, v.regel, v.oud) == ("book/voorbeeld.md", 3, "Programma Maatwerk Multiprobleemhuishoudens")
    assert "Professionals voor Maatwerk Multiproblematiek" in str(v) and "regel 3" in str(v)


def test_verleden_tijd_is_goed_bij_de_oude_naam():
    assert not zoek_in_tekst("Tot 2023 heette het Programma Maatwerk Multiprobleemhuishoudens.", "book/a.md")


def test_belastingdienst_alleen_fout_bij_een_toeslag():
    assert not zoek_in_tekst("Denk aan het UWV, de Belastingdienst of DUO.", "book/a.md")
    # the toeslag may be named in the paragraph, not on the same line
    alinea = "Een nieuwe huurder krijgt geen huurtoeslag.\nDe Belastingdienst ziet de vorige bewoner als partner.\n"
    assert [v.regel for v in zoek_in_tekst(alinea, "book/a.md")] == [2]
    # another paragraph does not count
    los = "Een nieuwe huurder krijgt geen huurtoeslag.\n\nDe Belastingdienst int de belasting.\n"
    assert not zoek_in_tekst(los, "book/a.md")
    assert not zoek_in_tekst(
        "In de rapporten heet die dienst de Belastingdienst. Het gaat om huurtoeslag.", "book/a.md"
    )
    # 'Belastingdienst/Toeslagen' is its own term, not also a hit for 'Belastingdienst'
    assert [v.oud for v in zoek_in_tekst("Vraag het Belastingdienst/Toeslagen over de zorgtoeslag.", "book/a.md")] == [
        "Belastingdienst/Toeslagen"
    ]


def test_ons_pact_is_goed_op_een_pagina_die_het_jaar_noemt():
    assert zoek_in_tekst("Ons Pact lost het op.", "book/a.md")
    assert not zoek_in_tekst("In februari 2022 bestond het nog niet.\n\nOns Pact lost het op.", "book/a.md")


def test_uitzondering_geldt_alleen_voor_dat_pad():
    zin = "De Belastingdienst zette de toeslag stop."
    assert not zoek_in_tekst(zin, "data/evaluatie/privacy-zinnen.yaml")
    assert zoek_in_tekst(zin, "data/evaluatie-nieuw.yaml")  # a prefix of the name is not the folder
    assert zoek_in_tekst(zin, "book/a.md")


def test_tegenwoordige_tijd_van_tilburg_wordt_gevonden():
    assert zoek_in_tekst("Nu geeft de gemeente door: dit is geen dubbele bewoning.", "data/casussen/x.yaml")
    assert not zoek_in_tekst("In 2022 gaf de gemeente door: dit is geen dubbele bewoning.", "data/casussen/x.yaml")


# --- bad input ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "inhoud, melding",
    [
        ("termen: []\n", "termen"),
        ("- oud: x\n", "bovenaan hoort 'termen:'"),
        (
            "termen:\n  - {oud: Oude naam, nieuw: Nieuwe naam, sinds: '2023', bron: Een brief}\n"
            "  - {oud: oude naam, nieuw: Nieuw, sinds: '2023', bron: Een brief}\n",
            "twee keer",
        ),
        ("termen:\n  - {oud: Oude naam, nieuw: Nieuwe naam, sinds: '2023'}\n", "termen.0.bron"),
        (
            "termen:\n  - {oud: Oude naam, nieuw: Nieuwe naam, sinds: '2023', bron: Een brief, soms: ja}\n",
            "termen.0.soms",
        ),
        (
            "termen:\n  - {oud: Oude naam, nieuw: Nieuwe naam, sinds: '2023', bron: Een brief, goed_met: ['']}\n",
            "leeg woord",
        ),
    ],
)
def test_foute_lijst_geeft_nederlandse_melding(tmp_path, inhoud, melding):
    pad = tmp_path / "verouderde-termen.yaml"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(DoorbraakFout) as e:
        laad_termen(pad)
    tekst = str(e.value) + " ".join(str(m) for m in e.value.meldingen)
    assert "verouderde-termen.yaml" in tekst and melding in tekst
