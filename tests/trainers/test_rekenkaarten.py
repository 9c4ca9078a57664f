"""Rekenkaarten for trainers: every number on a card equals the journey's plan file and the price list.

Expected values are read here from data/reizen/*.json and data/prijzen.csv with the csv/json
modules and plain arithmetic, not through the code that draws the card.
"""

from __future__ import annotations

import csv
import json
import re
from decimal import Decimal

import pytest
import yaml

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import BOOK, DATA
from calculators.kern.tabel import Link
from calculators.trainers.boek import antwoord_zinnen, maak_rekenkaart

KAARTEN = BOOK / "trainers" / "rekenkaarten.md"
ANTWOORDEN = BOOK / "trainers" / "antwoorden.md"
REIZEN_OP_DE_PAGINA = re.findall(r"^```\{rekenkaart\} (\S+)\n```", KAARTEN.read_text(encoding="utf-8"), re.M)


def _prijzen() -> dict[str, dict[str, str]]:
    with open(DATA / "prijzen.csv", encoding="utf-8-sig", newline="") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def _plan(reis: str) -> dict:
    return json.loads((DATA / "reizen" / f"{reis}.json").read_text(encoding="utf-8"))


def _nl_getal(tekst: str) -> Decimal:
    return Decimal(tekst.replace("\xa0", "").replace(".", "").replace(",", "."))


def test_de_pagina_heeft_zes_kaarten_en_geen_overgetypte_regels():
    assert len(REIZEN_OP_DE_PAGINA) == 6
    assert len(set(REIZEN_OP_DE_PAGINA)) == 6
    bron = KAARTEN.read_text(encoding="utf-8")
    assert "Aantal:" not in bron and "{prijs}" not in bron  # no cost lines copied by hand


def test_bij_elke_kaart_staat_een_antwoord():
    antwoorden = re.findall(
        r"^```\{rekenkaart\} (\S+)\n:antwoorden:\n```", ANTWOORDEN.read_text(encoding="utf-8"), re.M
    )
    assert antwoorden == REIZEN_OP_DE_PAGINA
    assert "Wat zegt het verhaal?" not in ANTWOORDEN.read_text(encoding="utf-8")  # now from the case data


@pytest.mark.parametrize("reis", REIZEN_OP_DE_PAGINA)
def test_elke_regel_van_de_kaart_is_gelijk_aan_het_planbestand(reis):
    plan, prijzen = _plan(reis), _prijzen()
    kaart = maak_rekenkaart(reis)
    assert len(kaart.tabellen) == len(plan["scenarios"])
    for tabel, (scenario, regels) in zip(kaart.tabellen, plan["scenarios"].items(), strict=True):
        assert tabel.koppen == ("Wat", "Aantal", "Prijs", "Hoe vaak", "Bron van de prijs")
        assert (
            "Stap 2" if scenario == "huidig" else "Stap 3" if scenario == "dreigend" else "Stap 4"
        ) in tabel.bijschrift
        assert len(tabel.rijen) == len(regels), scenario
        for rij, regel in zip(tabel.rijen, regels, strict=True):
            csvrij = prijzen[regel["prijs_id"]]
            wat, aantal, prijs, hoe_vaak, bron = rij
            assert wat == (regel.get("omschrijving") or csvrij["item"])
            assert _nl_getal(aantal) == Decimal(str(regel.get("aantal", 1)))
            m = re.fullmatch(r"€\s?([\d.]+,\d\d) (.+) \((\d{4})\)", prijs.replace("\xa0", " "))
            assert m, prijs
            assert _nl_getal(m.group(1)) == Decimal(csvrij["bedrag"])
            assert m.group(2) == csvrij["eenheid"] and int(m.group(3)) == int(csvrij["jaar"])
            soort = regel.get("soort") or ("eenmalig" if csvrij["eenheid"] == "eenmalig" else "jaarlijks")
            assert hoe_vaak == ("één keer" if soort == "eenmalig" else "elk jaar")
            assert isinstance(bron, Link) and bron.url == csvrij["bron_url"] and bron.tekst == csvrij["bron_titel"]


def _casus_van(reis: str) -> dict:
    for pad in sorted((DATA / "casussen").glob("[!_]*.yaml")):
        ruw = yaml.safe_load(pad.read_text(encoding="utf-8"))
        if ruw.get("reis") == reis:
            return ruw
    raise AssertionError(f"geen casus bij de reis {reis}")


@pytest.mark.parametrize("reis", REIZEN_OP_DE_PAGINA)
def test_antwoord_toont_kans_en_looptijd_uit_het_bestand_en_wat_het_verhaal_zegt(reis):
    plan = _plan(reis)
    procent = Decimal(str(plan["kans_dreigend"])) * 100
    jaren = "1 jaar" if plan["horizon_jaren"] == 1 else f"{plan['horizon_jaren']} jaar"
    zinnen = antwoord_zinnen(maak_rekenkaart(reis))
    assert f"kans van {procent.normalize():f} procent" in zinnen[0] and f"over {jaren}" in zinnen[0]
    waarom = " ".join(_casus_van(reis)["kosten"]["toelichting_kans"].split())
    assert zinnen[1] == f"Wat zegt het verhaal? {waarom}"


def test_de_kaart_als_boekknopen_bevat_de_bron_als_link():
    from docutils import nodes

    from calculators.kern.boek import tabel_knopen

    kaart = maak_rekenkaart("zwangere-studente")
    knopen = [k for t in kaart.tabellen for k in tabel_knopen(t)]
    links = [r["refuri"] for k in knopen for r in k.findall(nodes.reference)]
    prijzen = _prijzen()
    verwacht = [
        prijzen[r["prijs_id"]]["bron_url"]
        for regels in _plan("zwangere-studente")["scenarios"].values()
        for r in regels
    ]
    assert links == verwacht


@pytest.mark.parametrize(
    "naam, melding",
    [
        ("bestaat-niet", "Kies uit"),
        ("../prijzen", "geen naam van een reis"),
        ("", "geen naam van een reis"),
    ],
)
def test_onbekende_reis_geeft_nederlandse_fout(naam, melding):
    with pytest.raises(DoorbraakFout, match=melding):
        maak_rekenkaart(naam)
