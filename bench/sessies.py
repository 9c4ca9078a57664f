"""Benchmarks 5 and 6: simultaneous sessions of the price calculator, and the soak test.

Every session is a separate browser context (own cookies, own kernel) in one headless
Chromium. All sessions open the calculator at the same moment (the workshop at 9:00). Then
every session types a new query in "Zoekwoorden" about every 2 seconds (with jitter) and
measures, inside its page, the time until the live region shows the new result (the same
measurement as benchmark 2). Python only samples memory meanwhile.

Errors = a session that does not become usable, a change without an updated result within
10 s, a script error in the page, or a kernel websocket that closes before the end.
After the sessions close we count the kernels left, then wait for idle culling.
The server runs with a short culling time (``--cull``) so the bench can see culling happen.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.gemeen import (
    KOPIE,
    Server,
    chromium,
    env_getal,
    log,
    samenvatting,
    server,
    verlaat,
)
from bench.interactie import WIJZIG_JS, zoekteksten

DOEL_P95_MS = 300.0
DOEL_MB_PER_KERNEL = 120.0
DOEL_GROEI_PROCENT = 10.0
# The product's own culling times (calculators/server/app.py CULL_SECONDEN, CULL_INTERVAL).
CULL_SECONDEN = 40
CULL_INTERVAL = 10
# Client-side timers of a page in the background must not be slowed down by Chromium.
EXTRA_ARGS = [
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]

START_LUS = f"""([teksten, intervalMs, timeoutMs]) => {{
  const wijzig = {WIJZIG_JS};
  window.__dbw = {{metingen: [], fouten: [], stop: false}};
  let i = Math.floor(Math.random() * teksten.length);
  const stap = async () => {{
    if (window.__dbw.stop) return;
    let t = teksten[i++ % teksten.length];
    const r = await wijzig(t, timeoutMs, 'status', 0, false);
    if (r.ms !== undefined) window.__dbw.metingen.push(r.ms);
    else if (r.fout !== 'zelfde tekst') window.__dbw.fouten.push(r.fout);
    setTimeout(stap, intervalMs * (0.75 + Math.random() * 0.5));
  }};
  setTimeout(stap, Math.random() * intervalMs);
  return true;
}}"""

KLAAR_JS = """() => {
  for (const el of document.querySelectorAll('.jupyter-widgets input[type=text]'))
    if (el.getClientRects().length && !el.disabled) return performance.now();
  return false;
}"""


def _geheugen_monster(s: Server, monsters: list[dict]) -> None:
    g = s.geheugen()
    g["t"] = time.monotonic()
    monsters.append(g)


def draai(s: Server, browser, aantal: int, seconden: float, interval_ms: int = 2000) -> dict:
    """Open ``aantal`` sessions at once, drive them for ``seconden``, close them; return figures."""
    teksten = zoekteksten("prijzen", aantal=80)
    voor = {k.pid for k in s.kernels()}  # the preheated kernels, one per calculator
    kernels_voor = len(voor)
    monsters: list[dict] = []
    _geheugen_monster(s, monsters)
    sessies = []
    fouten: list[str] = []
    for _ in range(aantal):
        context = browser.new_context(viewport={"width": 1100, "height": 800}, locale="nl-NL")
        page = context.new_page()
        info = {"context": context, "page": page, "ws_dicht": 0, "script_fouten": 0, "klaar_ms": None}

        def bij_ws(ws, info=info):
            if "/channels" in ws.url:
                ws.on("close", lambda _w, info=info: info.__setitem__("ws_dicht", info["ws_dicht"] + 1))

        page.on("websocket", bij_ws)
        page.on("pageerror", lambda _e, info=info: info.__setitem__("script_fouten", info["script_fouten"] + 1))
        sessies.append(info)
    # Everybody opens the calculator at (almost) the same moment.
    druk = 0
    for info in sessies:
        try:
            antwoord = info["page"].goto(s.url + "/voila/render/prijzen.ipynb", wait_until="commit", timeout=60_000)
        except Exception as fout:
            fouten.append(f"openen mislukt: {type(fout).__name__}")
            info["kapot"] = True
            continue
        if antwoord is not None and antwoord.status == 503:
            # Beyond the kernel cap: the Dutch "druk" page (with Retry-After) is the answer.
            info["druk"] = True
            druk += 1
        elif antwoord is None or antwoord.status != 200:
            fouten.append(f"HTTP {antwoord.status if antwoord else '?'}")
            info["kapot"] = True
    # One deadline for all sessions together (not 120 s per session one after the other).
    deadline = time.monotonic() + 180
    for info in sessies:
        if info.get("druk") or info.get("kapot"):
            if info.get("druk"):
                try:
                    tekst = info["page"].inner_text("h1", timeout=10_000)
                    if "druk" not in tekst:
                        fouten.append("503 zonder Nederlandse drukpagina")
                except Exception as fout:
                    fouten.append(f"drukpagina: {type(fout).__name__}")
            continue
        try:
            rest = max(1.0, deadline - time.monotonic())
            h = info["page"].wait_for_function(KLAAR_JS, polling="raf", timeout=rest * 1000)
            info["klaar_ms"] = float(h.json_value())
            info["page"].evaluate(START_LUS, [teksten, interval_ms, 10_000])
        except Exception as fout:
            # What the page shows then: the Dutch notice that the kernel was gone before the
            # browser connected, or still the loading text.
            try:
                melding = info["page"].locator("#doorbraak-herstart").count() > 0
                laden = info["page"].locator("#loading").count() > 0
                scherm = " ".join(info["page"].evaluate("() => document.body.innerText").split())[:50]
            except Exception:
                melding = laden = False
                scherm = "?"
            wat = (
                "kernel al opgeruimd"
                if melding
                else ("nog aan het laden" if laden else f"{type(fout).__name__}, op het scherm: '{scherm}'")
            )
            fouten.append(f"niet bruikbaar: {wat}")
            info["kapot"] = True
    _geheugen_monster(s, monsters)
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        time.sleep(min(5.0, max(0.0, einde - time.monotonic())))
        _geheugen_monster(s, monsters)
    metingen: list[float] = []
    for info in sessies:
        if info.get("kapot") or info.get("druk"):
            continue
        try:
            data = info["page"].evaluate("() => { window.__dbw.stop = true; return window.__dbw; }")
            metingen += data["metingen"]
            fouten += [f"wijziging: {f}" for f in data["fouten"]]
        except Exception as fout:
            fouten.append(f"sessie kwijt: {type(fout).__name__}")
        if info["ws_dicht"]:
            fouten.append("websocket dicht")
        fouten += ["scriptfout"] * info["script_fouten"]
    # Memory per kernel: the largest value each kernel reached while the sessions ran.
    piek_rss = max((max(m["kernel_rss"], default=0) for m in monsters), default=0)
    piek_uss = max((max(m["kernel_uss"], default=0) for m in monsters), default=0)

    def piek(sleutel: str, van_sessie: bool) -> float:
        # Kernels started for the sessions (not there before) or the preheated ones.
        return max(
            (
                x
                for m in monsters
                for pid, x in zip(m["kernel_pid"], m[sleutel], strict=True)
                if (pid not in voor) == van_sessie
            ),
            default=0.0,
        )

    laatste = monsters[-1]
    kernels_tijdens = len(laatste["kernel_rss"])
    for info in sessies:
        verlaat(info["page"])  # as a reader closes the tab: the page asks for its kernel to stop
        info["context"].close()
    time.sleep(3)
    kernels_na_sluiten = len(s.kernels())
    # Idle culling: wait until the kernels of the sessions are gone (bounded).
    begin = time.monotonic()
    grens = CULL_SECONDEN + 3 * CULL_INTERVAL + 20
    while time.monotonic() - begin < grens and len(s.kernels()) > kernels_voor:
        time.sleep(2)
    kernels_na_cull = len(s.kernels())
    opgeruimd_na = time.monotonic() - begin + 3
    klaar = [i["klaar_ms"] for i in sessies if i["klaar_ms"] is not None]
    return {
        "sessies": aantal,
        "seconden": seconden,
        "druk_pagina": druk,
        "open": aantal - druk - sum(1 for i in sessies if i.get("kapot")),
        "interactie": samenvatting(metingen),
        "fouten": len(fouten),
        "fout_soorten": sorted(set(fouten)),
        "bruikbaar_na_openen_ms": samenvatting(klaar),
        "kernels_voor": kernels_voor,
        "kernels_tijdens": kernels_tijdens,
        "kernel_rss_mediaan_mb": samenvatting(laatste["kernel_rss"]).get("p50"),
        "kernel_rss_piek_mb": piek_rss,
        "kernel_uss_mediaan_mb": samenvatting(laatste["kernel_uss"]).get("p50"),
        "kernel_uss_piek_mb": piek_uss,
        # The same split in kernels of the sessions (the price calculator) and the preheated
        # kernels of all calculators (the heaviest is often another calculator than prijzen).
        "sessie_rss_piek_mb": piek("kernel_rss", True),
        "sessie_uss_piek_mb": piek("kernel_uss", True),
        "pool_rss_piek_mb": piek("kernel_rss", False),
        "pool_uss_piek_mb": piek("kernel_uss", False),
        "server_rss_mb": laatste["server_rss"],
        "totaal_rss_mb": laatste["server_rss"] + sum(laatste["kernel_rss"]),
        "totaal_uss_mb": laatste["server_uss"] + sum(laatste["kernel_uss"]),
        "kernels_na_sluiten": kernels_na_sluiten,
        "kernels_na_cull": kernels_na_cull,
        "cull_na_s": opgeruimd_na if kernels_na_cull <= kernels_voor else None,
        "monsters": [
            {
                "t": round(m["t"] - monsters[0]["t"], 1),
                "totaal_rss": round(m["server_rss"] + sum(m["kernel_rss"]), 1),
                "totaal_uss": round(m["server_uss"] + sum(m["kernel_uss"]), 1),
                "kernels": len(m["kernel_rss"]),
            }
            for m in monsters
        ],
    }


def meet(root: Path = KOPIE) -> dict:
    seconden = env_getal("BENCH_SESSIE_SECONDEN", 60)
    niveaus = [int(x) for x in env_getalreeks("BENCH_SESSIES", "20,50")]
    uit = []
    for n in niveaus:
        log(f"{n} sessies tegelijk, {seconden:.0f} s")
        with (
            server(root=root, cull_seconden=CULL_SECONDEN, cull_interval=CULL_INTERVAL) as s,
            chromium(extra_args=EXTRA_ARGS) as browser,
        ):
            r = draai(s, browser, n, seconden)
        uit.append(r)
        log(
            f"{n} sessies: p95 {r['interactie'].get('p95', 0):.0f} ms, fouten {r['fouten']}, "
            f"kernels na cull {r['kernels_na_cull']}"
        )
    return {
        "niveaus": uit,
        "doel_p95_ms": DOEL_P95_MS,
        "doel_mb_per_kernel": DOEL_MB_PER_KERNEL,
        "cull_seconden": CULL_SECONDEN,
        "cull_interval": CULL_INTERVAL,
    }


def soak(root: Path = KOPIE) -> dict:
    """20 sessions for BENCH_SOAK_MINUTEN (default 60): memory growth and errors."""
    minuten = env_getal("BENCH_SOAK_MINUTEN", 60)
    log(f"duurtest: 20 sessies, {minuten:.0f} minuten")
    with (
        server(root=root, cull_seconden=CULL_SECONDEN, cull_interval=CULL_INTERVAL) as s,
        chromium(extra_args=EXTRA_ARGS) as browser,
    ):
        r = draai(s, browser, 20, minuten * 60)
    # Growth: from the first sample after one minute of use (all kernels warm) to the last.
    monsters = r["monsters"]
    start = next((m for m in monsters if m["t"] >= monsters[1]["t"] + 60), monsters[1]) if len(monsters) > 2 else None
    eind = monsters[-1]
    groei = None
    if start and start["totaal_uss"]:
        groei = 100.0 * (eind["totaal_uss"] - start["totaal_uss"]) / start["totaal_uss"]
    r.update(
        {
            "minuten": minuten,
            "groei_procent": groei,
            "start_monster": start,
            "eind_monster": eind,
            "doel_groei_procent": DOEL_GROEI_PROCENT,
        }
    )
    return r


def env_getalreeks(naam: str, standaard: str) -> list[str]:
    import os

    return [x.strip() for x in (os.environ.get(naam) or standaard).split(",") if x.strip()]
