"""Generate book pages from data before the book is built: ``python -m calculators.bouw``.

:data:`GENERATOREN` lists every function ``genereer(book_dir)`` that writes pages; those
pages are not committed (see .gitignore) and always match ``data/``.
:data:`INDEXEN` lists the search indexes that are built here once and kept on disk
(:mod:`calculators.kern.indexcache`), so a calculator kernel loads them instead of building.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from calculators.casussen import boek as casussen_boek
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import BOOK

GENERATOREN: tuple[Callable[[Path], object], ...] = (casussen_boek.genereer,)


def _wetindex() -> object:
    from calculators.wetten.zoeker import wetindex

    return wetindex()


def _casusindex() -> object:
    from calculators.casussen.catalogus import standaard_zoeker

    return standaard_zoeker()


INDEXEN: tuple[Callable[[], object], ...] = (_wetindex, _casusindex)


def indexen_klaarzetten() -> None:
    """Build the kept search indexes (nothing happens when they are already there)."""
    for maak in INDEXEN:
        maak()


def genereer_alles(book_dir: Path = BOOK) -> list[str]:
    """Run every generator; return the names of the modules that generated pages."""
    gedaan = []
    for genereer in GENERATOREN:
        genereer(book_dir)
        gedaan.append(genereer.__module__)
    return gedaan


if __name__ == "__main__":
    try:
        genereer_alles()
        indexen_klaarzetten()
    except DoorbraakFout as fout:
        print(f"Fout bij het maken van pagina's: {fout}", file=sys.stderr)
        sys.exit(2)
