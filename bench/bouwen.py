"""Benchmark 4: building the book, clean and incremental, in a copy of the repository.

Measured exactly as ``make book`` does it: first ``python -m calculators.bouw`` (generated
pages), then ``jupyter-book build .``. The build runs in a copy (``/tmp/dbw-bench/repo``) so
the bench never touches ``/work/main/_build`` while others use it.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from bench.gemeen import KOPIE, PY, env_getal, log, maak_kopie, mediaan

JUPYTER_BOOK = str(Path(PY).parent / "jupyter-book")
DOEL_CLEAN = 90.0
DOEL_INCREMENTEEL = 15.0


def _stap(cmd: list[str], root: Path) -> float:
    begin = time.perf_counter()
    r = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=1200)
    duur = time.perf_counter() - begin
    if r.returncode != 0:
        raise RuntimeError(f"'{' '.join(cmd)}' mislukte (code {r.returncode}):\n{(r.stdout + r.stderr)[-2000:]}")
    return duur


def bouw(root: Path) -> dict:
    """One build as `make book`: generated pages, then the book. Seconds per step."""
    genereer = _stap([PY, "-m", "calculators.bouw"], root)
    boek = _stap([JUPYTER_BOOK, "build", ".", "--quiet"], root)
    return {"genereren": genereer, "jupyter_book": boek, "totaal": genereer + boek}


def wijzig_pagina(root: Path) -> str:
    """Change one book page (append an empty line) the way an author would."""
    pagina = root / "book" / "welkom.md"
    tekst = pagina.read_text(encoding="utf-8")
    pagina.write_text(tekst + "\n", encoding="utf-8")
    return pagina.relative_to(root).as_posix()


def meet(root: Path = KOPIE) -> dict:
    """Clean build(s) in a fresh copy, then incremental builds after changing one page."""
    rondes_clean = int(env_getal("BENCH_BOUW_CLEAN_RONDES", 1))
    rondes_incr = int(env_getal("BENCH_BOUW_INCR_RONDES", 3))
    clean = []
    for i in range(rondes_clean):
        log(f"boek bouwen: schone bouw {i + 1}/{rondes_clean} (kopie in {root})")
        maak_kopie(root)
        clean.append(bouw(root))
    incrementeel = []
    pagina = ""
    for i in range(rondes_incr):
        pagina = wijzig_pagina(root)
        log(f"boek bouwen: na wijziging van {pagina} ({i + 1}/{rondes_incr})")
        incrementeel.append(bouw(root))
    # Incremental without the generator step, to show what the generator costs.
    alleen_boek = []
    for _ in range(rondes_incr):
        wijzig_pagina(root)
        alleen_boek.append(_stap([JUPYTER_BOOK, "build", ".", "--quiet"], root))
    pagina_aantal = sum(1 for _ in (root / "_build" / "html").rglob("*.html"))
    return {
        "clean": clean,
        "incrementeel": incrementeel,
        "incrementeel_zonder_genereren": alleen_boek,
        "clean_mediaan": mediaan([c["totaal"] for c in clean]),
        "incrementeel_mediaan": mediaan([c["totaal"] for c in incrementeel]),
        "incrementeel_zonder_genereren_mediaan": mediaan(alleen_boek),
        "gewijzigde_pagina": pagina,
        "html_bestanden": pagina_aantal,
        "commando": f"{PY} -m calculators.bouw && {JUPYTER_BOOK} build . --quiet  (in {root})",
        "doel_clean": DOEL_CLEAN,
        "doel_incrementeel": DOEL_INCREMENTEEL,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(meet(), indent=2))
