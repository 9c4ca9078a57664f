"""Latency benchmark of the law search "Mag dit?" (calculators/wetten/zoeker.py).

Builds the search index over all articles multiplied 1, 10 and 100 times (synthetic
copies of the same articles) and times every question of the evaluation set
(data/evaluatie/wetvragen.yaml) and of the real-world set (wetvragen-praktijk.yaml)
several rounds through the whole lookup (zoek_wetten: ranking, best lid, "how sure"). Prints build time and p50/p95/max per
query in milliseconds.

Run: ``.venv/bin/python bench/zoeken_wetten.py`` (add ``--alle`` to also time the other
ranking method).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from calculators.kern.paden import DATA  # noqa: E402
from calculators.kern.yamlbestand import lees_yaml  # noqa: E402
from calculators.wetten.artikelen import alle_artikelen  # noqa: E402
from calculators.wetten.zoeker import laad_evaluatie, maak_index, zoek_wetten  # noqa: E402

FACTOREN = (1, 10, 100)
RONDES = 5
TOP = 10


def percentiel(waarden: list[float], p: float) -> float:
    geordend = sorted(waarden)
    k = max(0, min(len(geordend) - 1, round(p / 100 * (len(geordend) - 1))))
    return geordend[k]


def meet(factor: int, artikelen, vragen: list[str]) -> dict:
    """Wall-clock and CPU time per query (CPU time is not disturbed by other processes)."""
    begin = time.perf_counter()
    index = maak_index(artikelen, kopieen=factor)
    bouw = time.perf_counter() - begin
    paar = (list(artikelen) * factor, index)
    for v in vragen[:3]:  # warm-up (caches of stems and splits)
        zoek_wetten(v, top=TOP, index=paar)
    tijden, cpu = [], []
    for _ in range(RONDES):
        for v in vragen:
            t0, c0 = time.perf_counter(), time.process_time()
            zoek_wetten(v, top=TOP, index=paar)  # the whole lookup: ranking, best lid, "how sure"
            tijden.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    return {
        "factor": factor,
        "documenten": index.n,
        "bouw_s": bouw,
        "metingen": len(tijden),
        "p50": statistics.median(tijden),
        "p95": percentiel(tijden, 95),
        "max": max(tijden),
        "cpu_p50": statistics.median(cpu),
        "cpu_p95": percentiel(cpu, 95),
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    artikelen = alle_artikelen()
    vragen = [v.vraag for v in laad_evaluatie()]
    praktijk = DATA / "evaluatie" / "wetvragen-praktijk.yaml"
    if praktijk.exists():  # the real questions are longer: time them too
        vragen += [v["vraag"] for v in lees_yaml(praktijk)["vragen"]]
    print(f"Wetzoeker: {len(artikelen)} artikelen, {len(vragen)} vragen x {RONDES} rondes, top {TOP}")
    print("Tijd per vraag in ms; 'cpu' telt alleen rekentijd van dit proces (niet verstoord door andere processen).")
    print(
        f"{'factor':>6} {'artikelen':>9} {'bouwen (s)':>10} {'p50':>7} {'p95':>7} {'max':>7}"
        f" {'cpu p50':>8} {'cpu p95':>8}"
    )
    for factor in FACTOREN:
        r = meet(factor, artikelen, vragen)
        print(
            f"{r['factor']:>6} {r['documenten']:>9} {r['bouw_s']:>10.2f} {r['p50']:>7.2f}"
            f" {r['p95']:>7.2f} {r['max']:>7.2f} {r['cpu_p50']:>8.2f} {r['cpu_p95']:>8.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
