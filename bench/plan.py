"""Benchmark of the doorbraakplan (issue 12): check and print the example plan.

Times, as a new process each (start-up, imports and the privacy guard's warm-up included):

- ``controleer``: ``python -m calculators plan controleer data/voorbeelden/doorbraakplan-voorbeeld.json --json``;
- ``afdruk_html``, ``afdruk_pdf``, ``afdruk_docx``: ``python -m calculators plan afdruk ... -o plan.<ext>``;

and inside one warm process: reading + validating, the completeness check (with the privacy guard),
building the print and laying it out as HTML, PDF and Word. Also reports the PDF's page count.

Run alone: ``.venv/bin/python -m bench.plan`` (``BENCH_PLAN_RONDES``, default 3). Not yet part of
``make bench`` (registering it needs a line in bench/__main__.py and bench/rapport.py).
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOORBEELD = ROOT / "data" / "voorbeelden" / "doorbraakplan-voorbeeld.json"


def _proces(args: list[str]) -> float:
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "calculators", "plan", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    duur = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-500:])
    return duur


def meet() -> dict:
    rondes = int(os.environ.get("BENCH_PLAN_RONDES", "3"))
    uit: dict = {"rondes": rondes, "belasting": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="dbw-plan-") as tmp:
        uit["controleer_s"] = statistics.median(
            _proces(["controleer", str(VOORBEELD), "--json"]) for _ in range(rondes)
        )
        for ext in ("html", "pdf", "docx"):
            doel = Path(tmp) / f"plan.{ext}"
            uit[f"afdruk_{ext}_s"] = statistics.median(
                _proces(["afdruk", str(VOORBEELD), "-o", str(doel)]) for _ in range(rondes)
            )

    from calculators.plan.afdruk import als_docx, als_html, als_pdf, maak_afdruk
    from calculators.plan.controle import volledigheid
    from calculators.plan.model import lees_planbestand
    from calculators.privacy.wacht import warm_op

    warm_op()
    lees_planbestand(VOORBEELD)  # price list and law data cached

    def tijd(f) -> tuple[float, object]:
        t0 = time.perf_counter()
        waarde = f()
        return time.perf_counter() - t0, waarde

    binnen: dict[str, list[float]] = {k: [] for k in ("lezen", "controle", "opbouw", "html", "pdf", "docx")}
    pdf = b""
    for _ in range(rondes):
        t, plan = tijd(lambda: lees_planbestand(VOORBEELD))
        binnen["lezen"].append(t)
        binnen["controle"].append(tijd(lambda plan=plan: volledigheid(plan))[0])
        t, afdruk = tijd(lambda plan=plan: maak_afdruk(plan))
        binnen["opbouw"].append(t)
        binnen["html"].append(tijd(lambda afdruk=afdruk: als_html(afdruk))[0])
        t, pdf = tijd(lambda afdruk=afdruk: als_pdf(afdruk))
        binnen["pdf"].append(t)
        binnen["docx"].append(tijd(lambda afdruk=afdruk: als_docx(afdruk))[0])
    for k, v in binnen.items():
        uit[f"warm_{k}_s"] = statistics.median(v)
    import pypdf

    uit["pdf_paginas"] = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return uit


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(meet(), indent=2))
