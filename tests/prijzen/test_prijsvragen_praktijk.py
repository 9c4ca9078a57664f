"""The price search "Wat kost het?" on real lookups (data/evaluatie/prijsvragen-praktijk.yaml).

Each lookup is a service name as a real tariff list writes it, sometimes with a unit. A
lookup fits when one of its ``prijs_ids`` is in the top 3. Lookups with ``prijs_ids: []``
(the list really does not have it) must say "niets gevonden" and offer suggestions; they
are counted separately. Target (issue 16): >= 90 % fitting top-3.
"""

from __future__ import annotations

from functools import lru_cache

from calculators.kern.paden import DATA
from calculators.kern.yamlbestand import lees_yaml
from calculators.prijzen.eenheden import lees_eenheid
from calculators.prijzen.prijslijst import laad_prijzen, zoek_prijs_uitkomst

SET = DATA / "evaluatie" / "prijsvragen-praktijk.yaml"


@lru_cache(maxsize=1)
def vragen() -> list[dict]:
    return lees_yaml(SET)["vragen"]


def test_alle_verwachte_ids_bestaan():
    ids = {p.id for p in laad_prijzen()}
    onbekend = [(v["zoekterm"], i) for v in vragen() for i in v["prijs_ids"] if i not in ids]
    assert onbekend == []
    assert len(vragen()) >= 40


def test_minstens_90_procent_passend_in_de_top_3():
    met = [v for v in vragen() if v["prijs_ids"]]
    missers = []
    for v in met:
        gevonden = [t.prijs.id for t in zoek_prijs_uitkomst(v["zoekterm"], top=3).treffers]
        if not set(gevonden) & set(v["prijs_ids"]):
            missers.append((v["zoekterm"], v["prijs_ids"][:2], gevonden))
    raak = 1 - len(missers) / len(met)
    print(f"\nPrijszoeker praktijkset: {len(met) - len(missers)}/{len(met)} = {raak:.1%} passend in de top 3")
    for m in missers:
        print(f"  mis: {m}")
    assert raak >= 0.90, missers


def test_zonder_passende_rij_niets_gevonden_met_suggesties():
    zonder = [v for v in vragen() if not v["prijs_ids"]]
    assert zonder
    fout = []
    for v in zonder:
        u = zoek_prijs_uitkomst(v["zoekterm"], top=3)
        if not (u.niets_gevonden and u.suggesties):
            fout.append((v["zoekterm"], [t.prijs.id for t in u.treffers], len(u.suggesties)))
    goed = len(zonder) - len(fout)
    print(f"\nZonder passende rij: {goed}/{len(zonder)} zeggen 'niets gevonden' met suggesties")
    for f in fout:
        print(f"  mis: {f}")
    assert goed / len(zonder) >= 0.75, fout


def test_eenheid_in_de_set_wordt_herkend():
    """The unit the set notes for a lookup is the unit the search reads from it."""
    namen = {
        "jaar": "per jaar",
        "maand": "per maand",
        "week": "per week",
        "dag": "per dag",
        "etmaal": "per etmaal",
        "dagdeel": "per dagdeel",
        "uur": "per uur",
        "traject": "per traject",
        "eenmalig": "eenmalig",
    }
    verkeerd = [
        (v["zoekterm"], v["eenheid"], lees_eenheid(v["zoekterm"]).eenheid)
        for v in vragen()
        if (namen.get(v["eenheid"]) if v["eenheid"] else None) != lees_eenheid(v["zoekterm"]).eenheid
    ]
    assert verkeerd == []
