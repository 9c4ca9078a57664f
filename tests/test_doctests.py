"""The examples in docstrings (``>>>``) are run, so an example that no longer holds fails."""

from __future__ import annotations

import doctest
import importlib

import pytest
from conftest import ROOT

MODULES = sorted(
    ".".join(p.relative_to(ROOT).with_suffix("").parts)
    for p in (ROOT / "calculators").rglob("*.py")
    if ">>> " in p.read_text(encoding="utf-8")
)


def test_er_zijn_voorbeelden():
    assert "calculators.kern.yamlbestand" in MODULES


@pytest.mark.parametrize("naam", MODULES)
def test_voorbeelden_kloppen(naam):
    uitslag = doctest.testmod(importlib.import_module(naam), optionflags=doctest.ELLIPSIS)
    assert uitslag.attempted > 0
    assert uitslag.failed == 0
