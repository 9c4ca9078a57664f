"""Where things live: the repository in a checkout, or the package in an installed wheel.

In a checkout ``data/`` and ``book/`` sit at the repository root. An installed wheel
carries a copy of ``data/`` inside the package (``calculators/_gegevens``, see
``pyproject.toml``), so the CLI finds its facts without ``PYTHONPATH`` tricks.
"""

from __future__ import annotations

import os
from pathlib import Path

PAKKET = Path(__file__).resolve().parent.parent
ROOT = PAKKET.parent
DATA = ROOT / "data" if (ROOT / "data" / "vocabulaire.yaml").exists() else PAKKET / "_gegevens"
BOOK = ROOT / "book"
DASHBOARDS = PAKKET / "dashboards"
#: The built book; ``DOORBRAAK_BOEK`` points elsewhere (the tests build into a temporary folder).
BUILD_HTML = Path(os.environ.get("DOORBRAAK_BOEK") or ROOT / "_build" / "html")
