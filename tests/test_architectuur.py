"""The tree shows the architecture: a room per capability, adapters at the edge, a kernel below.

- Pure modules (everything but the adapters ``widget.py``, ``boek.py``, ``cli.py`` and the
  root adapters) never import ipywidgets, sphinx, docutils, voila or tornado.
- The shared kernel ``calculators/kern`` imports no capability.
- At most 12 modules at the top of ``calculators/``; no prefix-named modules (``boek_*``,
  ``cli_*``) at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parents[1] / "calculators"
UI_BIBLIOTHEKEN = {"ipywidgets", "sphinx", "docutils", "voila", "tornado", "jupyter_server"}
ADAPTERS = {"widget.py", "boek.py", "cli.py"}
ROOT_ADAPTERS = {"sphinx_ext.py", "naslag.py", "naslag_links.py"}


def _modules() -> list[Path]:
    return sorted(p for p in PAKKET.rglob("*.py") if "_gegevens" not in p.parts)


def _imports(pad: Path) -> set[str]:
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    namen: set[str] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen.update(a.name for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            namen.add(knoop.module)
    return namen


def _is_adapter(pad: Path) -> bool:
    rel = pad.relative_to(PAKKET)
    return pad.name in ADAPTERS or (len(rel.parts) == 1 and pad.name in ROOT_ADAPTERS) or rel.parts[0] == "server"


PUUR = [p for p in _modules() if not _is_adapter(p)]


def test_er_zijn_pure_modules_om_te_controleren():
    # Guards the rule below against a glob that finds nothing.
    namen = {str(p.relative_to(PAKKET)) for p in PUUR}
    assert {"kern/opmaak.py", "rendement/model.py", "wetten/zoeker.py", "prijzen/prijslijst.py"} <= namen


@pytest.mark.parametrize("pad", PUUR, ids=lambda p: str(p.relative_to(PAKKET)))
def test_pure_module_importeert_geen_ui_of_server(pad):
    fout = sorted(n for n in _imports(pad) if n.split(".")[0] in UI_BIBLIOTHEKEN)
    assert not fout, f"{pad.relative_to(PAKKET)} importeert {fout}: dat hoort in widget.py, boek.py of cli.py"


@pytest.mark.parametrize("pad", sorted((PAKKET / "kern").glob("*.py")), ids=lambda p: p.name)
def test_kern_importeert_geen_onderdeel(pad):
    onderdelen = {d.name for d in PAKKET.iterdir() if d.is_dir() and (d / "__init__.py").exists()} - {"kern"}
    fout = sorted(n for n in _imports(pad) if n.startswith("calculators.") and n.split(".")[1] in onderdelen)
    assert not fout, f"kern/{pad.name} importeert {fout}"


def test_bovenste_laag_is_klein_en_zonder_voorvoegsels():
    bovenaan = sorted(p.name for p in PAKKET.glob("*.py"))
    assert len(bovenaan) <= 12, bovenaan
    assert not [n for n in bovenaan if n.startswith(("boek_", "cli_", "widget_"))], bovenaan


def test_elk_onderdeel_heeft_dezelfde_vorm():
    """Adapters are named by their role, never by a prefix inside a capability folder."""
    for map_ in (d for d in PAKKET.iterdir() if d.is_dir() and (d / "__init__.py").exists()):
        for p in map_.glob("*.py"):
            assert not p.name.startswith(("boek_", "cli_", "widget_")), f"{map_.name}/{p.name}"
