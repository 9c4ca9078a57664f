"""Probe: does idle culling stop a preheated kernel just when a visitor gets it?

Voila keeps one preheated kernel per calculator and protects it from the idle culler while it
waits in the pool. When a visitor arrives, Voila takes the kernel out of the pool first and
the browser connects a moment later. If that kernel has been idle longer than
``cull_idle_timeout``, the culler may stop it in between: the page then never becomes usable.
In production this needs a calculator nobody opened for 15 minutes (the default timeout) and
a cull run in the few seconds of opening. Here we use a timeout of 8 s and a cull run every
2 s, so the window is easy to hit.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.gemeen import BRUIKBAAR_SELECTOR, KOPIE, chromium, log, nieuwe_context, server

POGINGEN = 3


def meet(root: Path = KOPIE) -> dict:
    """Without and with the proposed fix (bench/serverstart.py --cull-fix)."""
    zonder = _pogingen(root, False)
    try:
        met: int | None = _pogingen(root, True).count(False)
    except Exception as fout:  # the trial fix is ours, not the product's: report, keep going
        log(f"opruimen met fix lukte niet: {fout}")
        met = None
    return {
        "pogingen": POGINGEN,
        "niet_bruikbaar": zonder.count(False),
        "niet_bruikbaar_met_fix": met,
        "cull_seconden": 8,
        "cull_interval": 2,
    }


def _pogingen(root: Path, fix: bool) -> list[bool]:
    uitkomsten = []
    with server(root=root, cull_seconden=8, cull_interval=2, cull_fix=fix) as s, chromium() as browser:
        for i in range(POGINGEN):
            time.sleep(15)  # the preheated kernel is now idle longer than the timeout
            context = nieuwe_context(browser)
            try:
                page = context.new_page()
                page.goto(s.url + "/voila/render/prijzen.ipynb", wait_until="commit", timeout=30_000)
                page.wait_for_selector(BRUIKBAAR_SELECTOR, state="visible", timeout=25_000)
                uitkomsten.append(True)
            except Exception:
                uitkomsten.append(False)
            finally:
                context.close()
            log(
                f"opruimen{' met fix' if fix else ''}: poging {i + 1}: "
                f"{'bruikbaar' if uitkomsten[-1] else 'NIET bruikbaar'}"
            )
    return uitkomsten


if __name__ == "__main__":
    import json

    print(json.dumps(meet(), indent=2))
