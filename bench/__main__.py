"""``make bench`` = ``.venv/bin/python -m bench``: run all measurements, write bench/RESULTS.md.

Environment (all optional):
- ``BENCH_ALLEEN=zoeken,bouwen``: run only these parts (bouwen, zoeken, monitor, laadtijd, interactie,
  sessies, balans, opruimen, soak); the other parts keep their figures from the previous run
  (``bench/resultaten.json``, kept in git).
- ``BENCH_SESSIE_SECONDEN`` (60): duration per level of simultaneous sessions;
  ``BENCH_SESSIES`` ("10,20,30"): the levels.
- ``BENCH_SOAK=1``: also the soak test, ``BENCH_SOAK_MINUTEN`` (10) long.
- ``BENCH_KOUD_RONDES`` (1), ``BENCH_WARM_RONDES`` (3), ``BENCH_INTERACTIES`` (50),
  ``BENCH_ZOEK_RONDES`` (3), ``BENCH_BOUW_CLEAN_RONDES`` (1), ``BENCH_BOUW_INCR_RONDES`` (2).
Everything runs in a copy of the working tree in ``/tmp/dbw-bench/repo`` (``BENCH_WERKMAP``).
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback

from bench import rapport
from bench.gemeen import KOPIE, RESULTATEN, UITVOER, log, maak_kopie

ONDERDELEN = (
    "bouwen",
    "zoeken",
    "monitor",
    "kernelstart",
    "laadtijd",
    "interactie",
    "sessies",
    "balans",
    "opruimen",
    "soak",
)


def _gekozen() -> list[str]:
    alleen = [x.strip() for x in os.environ.get("BENCH_ALLEEN", "").split(",") if x.strip()]
    onbekend = [x for x in alleen if x not in ONDERDELEN]
    if onbekend:
        raise SystemExit(
            f"Onbekend onderdeel in BENCH_ALLEEN: {', '.join(onbekend)}. Kies uit: {', '.join(ONDERDELEN)}."
        )
    if alleen:
        return alleen
    return [o for o in ONDERDELEN if o != "soak" or os.environ.get("BENCH_SOAK") == "1"]


def _zorg_voor_boek() -> None:
    """The server parts need a built book in the copy; build it once if it is missing."""
    if not (KOPIE / "_build" / "html" / "index.html").exists():
        from bench.bouwen import bouw

        log("kopie maken en boek bouwen (niet gemeten)")
        maak_kopie(KOPIE)
        bouw(KOPIE)


def _bewaar(pad, resultaten: dict, naam: str | None) -> dict:
    """Write the results; parts measured meanwhile by another run (e.g. a soak run in the
    background with its own BENCH_WERKMAP) are kept: read the file again and merge."""
    UITVOER.mkdir(parents=True, exist_ok=True)
    if pad.exists():
        try:
            op_schijf = json.loads(pad.read_text(encoding="utf-8"))
        except ValueError:
            op_schijf = {}
        eigen = set(resultaten.get("eigen_onderdelen", []))
        for ander, waarde in op_schijf.get("onderdelen", {}).items():
            if ander not in eigen and ander != naam:
                resultaten["onderdelen"][ander] = waarde
    if naam:
        resultaten.setdefault("eigen_onderdelen", [])
        if naam not in resultaten["eigen_onderdelen"]:
            resultaten["eigen_onderdelen"].append(naam)
    pad.write_text(json.dumps(resultaten, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return resultaten


def main() -> int:
    gekozen = _gekozen()
    # Defaults chosen so that a run without soak stays near 15 minutes on 2 cores.
    for naam, waarde in (
        ("BENCH_WARM_RONDES", "3"),
        ("BENCH_INTERACTIES", "50"),
        ("BENCH_ZOEK_RONDES", "3"),
        ("BENCH_BOUW_INCR_RONDES", "2"),
    ):
        os.environ.setdefault(naam, waarde)
    vorige_pad = RESULTATEN
    for oud in UITVOER.glob("server-*.log"):  # logs of earlier runs
        oud.unlink()
    resultaten: dict = {}
    if os.environ.get("BENCH_ALLEEN") and vorige_pad.exists():
        resultaten = json.loads(vorige_pad.read_text(encoding="utf-8"))
    resultaten.setdefault("onderdelen", {})
    resultaten["eigen_onderdelen"] = []
    resultaten["omgeving"] = rapport.omgeving()
    resultaten["omgeving"]["belasting_begin"] = os.getloadavg()
    begin = time.monotonic()
    # Always measure the working tree as it is now: a copy left by an earlier run would
    # measure old code (the book is built again in the copy when a part needs it).
    log(f"kopie van de werkmap maken in {KOPIE}")
    maak_kopie(KOPIE)
    for naam in gekozen:
        log(f"onderdeel {naam}")
        t0 = time.monotonic()
        try:
            if naam == "bouwen":
                from bench import bouwen

                uitkomst = bouwen.meet(KOPIE)
            elif naam == "zoeken":
                from bench import zoeken

                uitkomst = zoeken.meet()
            elif naam == "kernelstart":
                from bench import kernelstart

                uitkomst = kernelstart.meet(KOPIE)
            elif naam == "monitor":
                from bench import monitor

                uitkomst = monitor.meet()
            else:
                _zorg_voor_boek()
                if naam == "laadtijd":
                    from bench import laadtijd

                    uitkomst = laadtijd.meet(KOPIE)
                elif naam == "interactie":
                    from bench import interactie

                    uitkomst = interactie.meet(KOPIE)
                elif naam == "sessies":
                    from bench import sessies

                    uitkomst = sessies.meet(KOPIE)
                elif naam == "soak":
                    from bench import sessies

                    uitkomst = sessies.soak(KOPIE)
                elif naam == "opruimen":
                    from bench import opruimen

                    uitkomst = opruimen.meet(KOPIE)
                else:
                    from bench import balans

                    uitkomst = balans.meet(KOPIE)
        except Exception as fout:  # one broken part must not hide the others
            traceback.print_exc()
            uitkomst = {"fout": f"{type(fout).__name__}: {str(fout)[:800]}"}
        uitkomst["duur_s"] = time.monotonic() - t0
        uitkomst["gemeten_op"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        resultaten["onderdelen"][naam] = uitkomst
        _bewaar(vorige_pad, resultaten, naam)
    resultaten["omgeving"]["belasting_eind"] = os.getloadavg()
    resultaten["omgeving"]["duur_s"] = time.monotonic() - begin
    resultaten["omgeving"]["onderdelen_deze_run"] = gekozen
    resultaten = _bewaar(vorige_pad, resultaten, None)
    pad = rapport.schrijf(resultaten)
    log(f"klaar in {time.monotonic() - begin:.0f} s; resultaten in {pad}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
