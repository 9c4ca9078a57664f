"""Latency benchmark of the law search "Mag dit?" (calculators/wetzoeker.py).

Builds the search index over all articles multiplied 1, 10 and 100 times (synthetic
copies of the same articles) and times every question of the evaluation set
(data/evaluatie/wetvragen.yaml) several rounds. Prints build time and p50/p95/max per
query in milliseconds.

Run: ``.venv/bin/python -m bench.zoeken_wetten`` (or ``python bench/zoeken_wetten.py``).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from calculators.wetten import alle_artikelen  # noqa: E402
from calculators.wetzoeker import laad_evaluatie, maak_index  # noqa: E402

FACTOREN = (1, 10, 100)
RONDES = 5
TOP = 10


def percentiel(waarden: list[float], p: float) -> float:
    geordend = sorted(waarden)
    k = max(0, min(len(geordend) - 1, round(p / 100 * (len(geordend) - 1))))
    return geordend[k]


def meet(factor: int, artikelen, vragen: list[str]) -> dict:
    begin = time.perf_counter()
    index = maak_index(artikelen, kopieen=factor)
    bouw = time.perf_counter() - begin
    for v in vragen[:3]:  # warm-up (caches of stems and splits)
        index.zoek(v, top=TOP)
    tijden = []
    for _ in range(RONDES):
        for v in vragen:
            t0 = time.perf_counter()
            index.zoek(v, top=TOP)
            tijden.append((time.perf_counter() - t0) * 1000)
    return {
        "factor": factor,
        "documenten": index.n,
        "bouw_s": bouw,
        "metingen": len(tijden),
        "p50": statistics.median(tijden),
        "p95": percentiel(tijden, 95),
        "max": max(tijden),
    }


def main() -> int:
    artikelen = alle_artikelen()
    vragen = [v.vraag for v in laad_evaluatie()]
    print(f"Wetzoeker: {len(artikelen)} artikelen, {len(vragen)} vragen x {RONDES} rondes, top {TOP}")
    print(f"{'factor':>6} {'artikelen':>9} {'bouwen (s)':>10} {'p50 (ms)':>9} {'p95 (ms)':>9} {'max (ms)':>9}")
    for factor in FACTOREN:
        r = meet(factor, artikelen, vragen)
        print(f"{r['factor']:>6} {r['documenten']:>9} {r['bouw_s']:>10.2f} {r['p50']:>9.2f} {r['p95']:>9.2f} {r['max']:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
