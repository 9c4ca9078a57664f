"""Where things live in the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BOOK = ROOT / "book"
DASHBOARDS = ROOT / "calculators" / "dashboards"
BUILD_HTML = ROOT / "_build" / "html"
