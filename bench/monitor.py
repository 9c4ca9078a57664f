"""Benchmark of the Monitor: 1,000 plan files in a folder, read and added up (goal: ≤ 5 s).

Makes 1,000 plan files from the demo folder (data/voorbeelden/monitor-demo, cycled, each with its own
name and date) in a temporary folder, then times

- ``cli``: the whole command ``python -m calculators monitor MAP --json`` in a new process
  (start-up, imports and the privacy guard's warm-up included) — this is the figure the goal is about;
- ``lezen``, ``plannen``, ``overzicht``: the parts inside one process (reading the files, validating
  them with the plan model, the figures with and without the privacy guard).

Run alone: ``.venv/bin/python -m bench.monitor`` (``BENCH_MONITOR_RONDES``, default 3).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "voorbeelden" / "monitor-demo"
AANTAL = 1_000
DOEL_S = 5.0


def _zinnen(plannen: list[dict]) -> list[str]:
    velden = ("perspectief", "huidige_situatie", "dreigend_scenario", "doorbraak")
    return sorted({z.strip() + "." for p in plannen for v in velden for z in p.get(v, "").split(".") if z.strip()})


def maak_map(doel: Path, aantal: int = AANTAL) -> Path:
    """1,000 plans; their story fields are unique per plan (three sentences out of the demo's pool),
    so the privacy guard cannot reuse earlier results; cost line descriptions repeat, as in practice."""
    plannen = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEMO.rglob("*.json"))]
    zinnen = _zinnen(plannen)
    n = len(zinnen)
    for i in range(aantal):
        plan = dict(plannen[i % len(plannen)])
        if "perspectief" in plan:
            for j, veld in enumerate(("perspectief", "huidige_situatie", "dreigend_scenario", "doorbraak")):
                a, b, c = i % n, (i // n + j + 1) % n, (i * 7 + j * 3 + 2) % n
                plan[veld] = " ".join((zinnen[a], zinnen[b], zinnen[c]))
        if "datum" in plan:
            plan["datum"] = f"20{25 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        sub = doel / f"team-{i % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"plan-{i:04d}.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return doel


def _binnen(map_: Path, privacy: bool) -> dict[str, float]:
    from calculators.monitor.lezer import lees_map, lees_plannen
    from calculators.monitor.overzicht import maak_overzicht

    t0 = time.perf_counter()
    invoer = lees_map(map_)
    t1 = time.perf_counter()
    gelezen = lees_plannen(invoer)
    t2 = time.perf_counter()
    o = maak_overzicht(gelezen.plannen, gelezen.ongeldig, privacy=privacy)
    t3 = time.perf_counter()
    assert o.aantal_plannen == AANTAL and not o.ongeldig
    return {"lezen_s": t1 - t0, "plannen_s": t2 - t1, "overzicht_s": t3 - t2, "totaal_s": t3 - t0}


def meet() -> dict:
    rondes = int(os.environ.get("BENCH_MONITOR_RONDES", "3"))
    with tempfile.TemporaryDirectory(prefix="dbw-monitor-") as tmp:
        map_ = maak_map(Path(tmp) / "plannen")
        cli, cpu = [], []
        for _ in range(rondes):
            t0 = time.perf_counter()
            voor = resource.getrusage(resource.RUSAGE_CHILDREN)
            r = subprocess.run(
                [sys.executable, "-m", "calculators", "monitor", str(map_), "--json"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=600,
            )
            cli.append(time.perf_counter() - t0)
            na = resource.getrusage(resource.RUSAGE_CHILDREN)
            # CPU time (user + system) of the command: hardly disturbed by other processes on a shared machine.
            cpu.append((na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime))
            if r.returncode != 0:
                raise RuntimeError(r.stderr[-500:])
            assert json.loads(r.stdout)["aantal_plannen"] == AANTAL
        from calculators.privacy.wacht import warm_op

        warm_op()
        met = [_binnen(map_, True) for _ in range(rondes)]
        zonder = [_binnen(map_, False) for _ in range(rondes)]

    def med(rijen: list[dict], k: str) -> float:
        return statistics.median(r[k] for r in rijen)

    return {
        "aantal": AANTAL,
        "rondes": rondes,
        "doel_s": DOEL_S,
        "cli_s": statistics.median(cli),
        "cli_max_s": max(cli),
        "cli_cpu_s": statistics.median(cpu),
        "belasting": os.getloadavg(),
        "lezen_s": med(met, "lezen_s"),
        "plannen_s": med(met, "plannen_s"),
        "overzicht_met_privacy_s": med(met, "overzicht_s"),
        "overzicht_zonder_privacy_s": med(zonder, "overzicht_s"),
        "binnen_met_privacy_s": med(met, "totaal_s"),
        "binnen_zonder_privacy_s": med(zonder, "totaal_s"),
    }


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(meet(), indent=2))
