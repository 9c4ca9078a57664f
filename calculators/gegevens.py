"""Check every data file at once: the server does this before it starts.

Each data file in ``data/`` has one loader with a schema. :func:`controleer_alle_gegevens`
runs all of them and collects the problems, so a corrupt file stops the server with a Dutch
message that names the file, row and column, instead of a calculator that fails later with
an English error in the browser.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.paden import DATA

#: (what, module, function): the loader of every data file (the same list as in
#: tests/test_data_validatie.py). The function is called without arguments.
LADERS: tuple[tuple[str, str, str], ...] = (
    ("prijzen.csv", "calculators.prijzen.prijslijst", "laad_prijzen"),
    ("cpi.csv", "calculators.prijzen.prijspeil", "laad_cpi"),
    ("vocabulaire.yaml", "calculators.kern.vocabulaire", "laad_vocabulaire"),
    ("wetten/", "calculators.wetten.artikelen", "laad_wetten"),
    ("patronen/", "calculators.patronen.gegevens", "laad_patronen"),
    ("casussen/", "calculators.casussen.catalogus", "laad_casussen"),
    ("synoniemen.yaml", "calculators.kern.synoniemen", "laad_synoniemen"),
    ("stijl.yaml", "calculators.taal.leesbaarheid", "laad_normen"),
    ("voorbeelden/plan-voorbeeld.json", "calculators.rendement.export", "laad_voorbeeldplan"),
    ("privacy/", "calculators.privacy.wacht", "laad_privacy_gegevens"),
)


def _sjablonen(data: Path) -> list[tuple[str, Callable[[], object]]]:
    """The templates for own tariff files: each must load with the tariff reader."""
    from calculators.prijzen.tarieven import lees_tarieven

    return [
        (f"sjablonen/{pad.name}", partial(lees_tarieven, pad))
        for pad in sorted((data / "sjablonen").glob("eigen-tarieven.*"))
    ]


def _laad(module: str, functie: str) -> object:
    return getattr(importlib.import_module(module), functie)()


def _wis_caches() -> None:
    """Loaders cache their result (lru_cache): start from the files as they are now."""
    import functools
    import sys

    for naam, module in list(sys.modules.items()):
        if not naam.startswith("calculators.") or module is None:
            continue
        for waarde in list(vars(module).values()):
            if isinstance(waarde, functools._lru_cache_wrapper):
                waarde.cache_clear()


def controleer_alle_gegevens(data: Path = DATA) -> int:
    """Load every data file through its loader; return how many were checked.

    Raises :class:`DoorbraakFout` with one line per file that does not load (the loader's own
    Dutch message names the row and column). Errors that are not ``DoorbraakFout`` (a bug in
    a loader, or a file that cannot be read) are reported as well, in Dutch, naming the file.
    """
    taken: list[tuple[str, Callable[[], object]]] = []
    for wat, module, functie in LADERS:
        taken.append((wat, partial(_laad, module, functie)))
    taken += _sjablonen(data)
    _wis_caches()
    meldingen: list[Melding] = []
    for wat, laad in taken:
        try:
            if not laad():
                meldingen.append(Melding("het bestand is leeg of er staat niets bruikbaars in.", bestand=wat))
        except DoorbraakFout as fout:
            meldingen.append(Melding(str(fout), bestand=wat))
        except OSError as fout:
            meldingen.append(Melding(f"het bestand kan niet gelezen worden ({fout.strerror or fout}).", bestand=wat))
        except Exception as fout:  # a loader bug must still name the file, never a traceback
            meldingen.append(Melding(f"het bestand kan niet geladen worden ({type(fout).__name__}).", bestand=wat))
    if meldingen:
        raise DoorbraakFout(
            "De rekenhulpen kunnen niet starten, omdat niet alle gegevens in orde zijn. "
            "Herstel het bestand en start opnieuw.",
            meldingen,
        )
    return len(taken)
