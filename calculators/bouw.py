"""Generate book pages from data before the book is built: ``python -m calculators.bouw``.

Every module ``calculators/boek_*.py`` that has a function ``genereer(book_dir)`` is
called; those pages are not committed (see .gitignore) and always match ``data/``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import calculators
from calculators.fouten import DoorbraakFout
from calculators.paden import BOOK


def genereer_alles() -> list[str]:
    """Run every generator; return the names of the modules that generated pages."""
    gedaan = []
    for info in sorted(pkgutil.iter_modules(calculators.__path__), key=lambda m: m.name):
        if info.name.startswith("boek_"):
            module = importlib.import_module(f"calculators.{info.name}")
            if hasattr(module, "genereer"):
                module.genereer(BOOK)
                gedaan.append(info.name)
    return gedaan


if __name__ == "__main__":
    try:
        genereer_alles()
    except DoorbraakFout as fout:
        print(f"Fout bij het maken van pagina's: {fout}", file=sys.stderr)
        sys.exit(2)
