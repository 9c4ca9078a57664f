"""Every file in data/ passes its loader, and every price reference resolves.

Loaders of other parts are imported when they exist; a part that is not there yet is
skipped (not failed), so this file can grow with the project.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
import yaml

from calculators.kern.paden import BOOK, DATA
from calculators.prijzen.prijslijst import laad_prijzen

# (what, module, function): each function validates its whole data with default arguments.
LADERS = [
    ("prijzen.csv", "calculators.prijzen.prijslijst", "laad_prijzen"),
    ("cpi.csv", "calculators.prijzen.prijspeil", "laad_cpi"),
    ("vocabulaire.yaml", "calculators.kern.vocabulaire", "laad_vocabulaire"),
    ("sjablonen/eigen-tarieven.*", "calculators.prijzen.tarieven", None),
    ("wetten/", "calculators.wetten.artikelen", "laad_wetten"),
    ("patronen/", "calculators.patronen.gegevens", "laad_patronen"),
    ("casussen/", "calculators.casussen.catalogus", "laad_casussen"),
    ("synoniemen.yaml", "calculators.kern.synoniemen", "laad_synoniemen"),
    ("stijl.yaml", "calculators.taal.leesbaarheid", "laad_normen"),
    ("evaluatie/wetvragen.yaml", "calculators.wetten.zoeker", "laad_evaluatie"),
    ("voorbeelden/plan-voorbeeld.json", "calculators.rendement.export", "laad_voorbeeldplan"),
    ("privacy/", "calculators.privacy.wacht", "laad_privacy_gegevens"),
    ("verouderde-termen.yaml", "calculators.taal.termen", "laad_termen"),
]


def _functie(module: str, naam: str):
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError:
        pytest.skip(f"{module} bestaat nog niet")
    if not hasattr(mod, naam):
        pytest.skip(f"{module}.{naam} bestaat nog niet")
    return getattr(mod, naam)


@pytest.mark.parametrize("wat,module,functie", [l for l in LADERS if l[2]], ids=[l[0] for l in LADERS if l[2]])
def test_gegevens_laden_zonder_fouten(wat, module, functie):
    resultaat = _functie(module, functie)()
    assert resultaat, f"{wat}: de lader gaf niets terug"


def test_sjablonen_voor_eigen_tarieven_laden():
    from calculators.prijzen.tarieven import lees_tarieven

    for pad in sorted((DATA / "sjablonen").glob("eigen-tarieven.*")):
        assert lees_tarieven(pad), pad.name


def test_geen_dubbele_prijzen_en_elke_prijs_heeft_bron_en_jaar():
    prijzen = laad_prijzen()
    sleutels = [(p.item.lower(), p.eenheid, p.bedrag, p.jaar, p.bron_url) for p in prijzen]
    assert len(sleutels) == len(set(sleutels))
    assert all(p.bron_url and p.jaar for p in prijzen)


def _prijs_ids_in(waarde):
    if isinstance(waarde, dict):
        for k, v in waarde.items():
            if k == "prijs_id" and isinstance(v, str):
                yield v
            else:
                yield from _prijs_ids_in(v)
    elif isinstance(waarde, list):
        for v in waarde:
            yield from _prijs_ids_in(v)


def _bestanden_met_prijs_ids():
    for pad in sorted(DATA.rglob("*")):
        if pad.suffix in {".yaml", ".yml", ".json"} and pad.is_file():
            tekst = pad.read_text(encoding="utf-8")
            if "prijs_id" in tekst:
                yield pad, tekst


def test_elke_prijs_id_in_data_bestaat():
    bekend = {p.id for p in laad_prijzen()}
    onbekend = []
    for pad, tekst in _bestanden_met_prijs_ids():
        inhoud = json.loads(tekst) if pad.suffix == ".json" else yaml.safe_load(tekst)
        for ident in _prijs_ids_in(inhoud):
            if ident not in bekend:
                onbekend.append(f"{pad.relative_to(DATA)}: {ident}")
    assert not onbekend, "Deze prijs-ids staan niet in data/prijzen.csv:\n" + "\n".join(onbekend)


def test_elke_prijsrol_in_het_boek_bestaat():
    bekend = {p.id for p in laad_prijzen()}
    onbekend = []
    for pad in sorted(Path(BOOK).rglob("*.md")):
        for ident in re.findall(r"\{(?:prijs|bedrag)\}`([^`]+)`", pad.read_text(encoding="utf-8")):
            if ident.strip() not in bekend:
                onbekend.append(f"{pad.relative_to(BOOK)}: {ident}")
    assert not onbekend, "Deze prijs-ids in het boek bestaan niet:\n" + "\n".join(onbekend)


def test_data_readme_beschrijft_elk_bestand_op_het_hoogste_niveau():
    tekst = (DATA / "README.md").read_text(encoding="utf-8")
    for naam in ("prijzen.csv", "cpi.csv", "vocabulaire.yaml", "sjablonen/eigen-tarieven.csv"):
        assert f"`{naam}`" in tekst, naam
