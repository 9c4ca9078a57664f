"""Generate book pages from data before the book is built: ``python -m calculators.bouw``.

:data:`GENERATOREN` lists every function ``genereer(book_dir)`` that writes pages; those
pages are not committed (see .gitignore) and always match ``data/``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from calculators.casussen import boek as casussen_boek
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import BOOK

GENERATOREN: tuple[Callable[[Path], object], ...] = (casussen_boek.genereer,)


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
    except DoorbraakFout as fout:
        print(f"Fout bij het maken van pagina's: {fout}", file=sys.stderr)
        sys.exit(2)
