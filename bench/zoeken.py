"""Benchmark 3: search latency at 1x, 10x and 100x today's data (synthetic copies).

- price search: ``calculators.prijzen.prijslijst.zoek_prijzen`` over a list of copies of the prices
  (each copy gets its own id); queries are words from the price names;
- law search: ``bench.zoeken_wetten.meet``, which times the whole lookup (``zoek_wetten``) for
  the questions of ``data/evaluatie/wetvragen.yaml`` and ``wetvragen-praktijk.yaml`` on
  ``calculators.wetten.zoeker.maak_index``;
- case search: ``calculators.casussen.catalogus.CasusZoeker`` over copies of the catalogue; queries are
  words from the case titles.

The first query on a new list also builds the index; that time is reported separately
(``eerste_ms``), the p50/p95 are over the later queries.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Sequence

from bench.gemeen import env_getal, log, samenvatting

FACTOREN = (1, 10, 100)
DOEL_P95_MS = 50.0


def _zoekwoorden(teksten: Sequence[str], aantal: int = 40) -> list[str]:
    """Distinct queries of one or two words taken from real names (no invented terms)."""
    woorden: list[str] = []
    for t in teksten:
        delen = [w for w in re.findall(r"[a-zà-ÿ]{4,}", t.lower())]
        if delen:
            woorden.append(delen[0])
        if len(delen) >= 2:
            woorden.append(" ".join(delen[:2]))
    uniek = list(dict.fromkeys(woorden))
    return uniek[:aantal]


def _tijden(zoek: Callable[[str], object], vragen: Sequence[str], rondes: int) -> tuple[float, list[float]]:
    t0 = time.perf_counter()
    zoek(vragen[0])
    eerste = (time.perf_counter() - t0) * 1000
    tijden = []
    for _ in range(rondes):
        for v in vragen:
            t0 = time.perf_counter()
            zoek(v)
            tijden.append((time.perf_counter() - t0) * 1000)
    return eerste, tijden


def prijzen(rondes: int) -> list[dict]:
    from calculators.prijzen.prijslijst import laad_prijzen, zoek_prijzen

    basis = laad_prijzen()
    vragen = _zoekwoorden([p.item for p in basis])
    uit = []
    for f in FACTOREN:
        lijst = [dataclasses.replace(p, id=f"{p.id}-k{i}") for i in range(f) for p in basis]
        eerste, tijden = _tijden(lambda v, lijst=lijst: zoek_prijzen(v, lijst, top=10), vragen, rondes)
        uit.append({"factor": f, "documenten": len(lijst), "eerste_ms": eerste, **samenvatting(tijden)})
        log(f"prijzen x{f}: p95 {uit[-1]['p95']:.1f} ms")
    return uit


def wetten(rondes: int) -> list[dict]:
    from bench import zoeken_wetten
    from calculators.kern.paden import DATA
    from calculators.kern.yamlbestand import lees_yaml
    from calculators.wetten.artikelen import alle_artikelen
    from calculators.wetten.zoeker import laad_evaluatie

    artikelen = alle_artikelen()
    vragen = [v.vraag for v in laad_evaluatie()]
    praktijk = DATA / "evaluatie" / "wetvragen-praktijk.yaml"
    if praktijk.exists():  # the real questions are longer; time them too
        vragen += [v["vraag"] for v in lees_yaml(praktijk)["vragen"]]
    zoeken_wetten.RONDES = rondes
    uit = []
    for f in FACTOREN:
        r = zoeken_wetten.meet(f, artikelen, vragen)
        uit.append(
            {
                "factor": f,
                "documenten": r["documenten"],
                "bouw_ms": r["bouw_s"] * 1000,
                "n": r["metingen"],
                "p50": r["p50"],
                "p95": r["p95"],
                "max": r["max"],
            }
        )
        log(f"wetten x{f}: p95 {r['p95']:.1f} ms")
    return uit


def casussen(rondes: int) -> list[dict]:
    from calculators.casussen.catalogus import CasusZoeker, laad_casussen

    basis = laad_casussen()
    vragen = _zoekwoorden([c.titel for c in basis])
    uit = []
    for f in FACTOREN:
        t0 = time.perf_counter()
        zoeker = CasusZoeker(list(basis) * f)
        bouw = (time.perf_counter() - t0) * 1000
        eerste, tijden = _tijden(lambda v, zoeker=zoeker: zoeker.zoek(v, top=10), vragen, rondes)
        uit.append(
            {
                "factor": f,
                "documenten": len(zoeker.casussen),
                "bouw_ms": bouw,
                "eerste_ms": eerste,
                **samenvatting(tijden),
            }
        )
        log(f"casussen x{f}: p95 {uit[-1]['p95']:.1f} ms")
    return uit


def meet() -> dict:
    rondes = int(env_getal("BENCH_ZOEK_RONDES", 5))
    resultaat: dict = {"doel_p95_ms": DOEL_P95_MS, "rondes": rondes}
    for naam, functie in (("prijzen", prijzen), ("wetten", wetten), ("casussen", casussen)):
        try:
            resultaat[naam] = functie(rondes)
        except Exception as fout:  # a search that is missing or broken: report it, keep going
            resultaat[naam] = {"fout": f"{type(fout).__name__}: {fout}"}
            log(f"{naam}: overgeslagen ({fout})")
    return resultaat


if __name__ == "__main__":
    import json

    print(json.dumps(meet(), indent=2))
