"""Every dashboard notebook runs without error output, and stays thin."""

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
DASHBOARDS = sorted((ROOT / "calculators" / "dashboards").glob("*.ipynb"))


@pytest.mark.traag  # runs every notebook in a kernel
@pytest.mark.parametrize("pad", DASHBOARDS, ids=lambda p: p.stem)
def test_dashboard_draait_zonder_fouten(pad):
    nb = nbformat.read(pad, as_version=4)
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(pad.parent)}}).execute()
    fouten = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("output_type") == "error" or o.get("name") == "stderr"
    ]
    assert not fouten, fouten
    widgets = [
        o
        for c in nb.cells
        for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert widgets, "het dashboard toont geen widget"


@pytest.mark.parametrize("pad", DASHBOARDS, ids=lambda p: p.stem)
def test_dashboard_is_dun(pad):
    nb = nbformat.read(pad, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) <= 3
    assert sum(len(c.source.splitlines()) for c in code) <= 6, "logica hoort in calculators/, niet in het notebook"
