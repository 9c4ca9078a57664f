"""Benchmark 1: time to usable, cold and warm, against a static book page (the floor).

"Usable" = the first widget a user can operate (text field, list or button, visible and not
disabled). The time is taken inside the page: ``performance.now()`` at the first animation
frame where that widget exists, i.e. milliseconds since the navigation started. For a book
page the widget is looked up inside the calculator's iframe. The floor is the static page's
``loadEventEnd`` (everything loaded).

- cold: the server is started anew for every measurement; we navigate as soon as it says its
  preheated calculators are ready (``rekenhulpen_klaar`` in status.json, the last line
  ``make serve`` prints); how long that took is recorded too;
- warm: one server; every page was visited once before; before each measurement we wait until
  the server and kernels are quiet (the preheated kernel is ready again). Every warm
  measurement uses a fresh browser context (empty cache), for every kind of page alike;
- second visit: as warm, but in one browser context per page that has visited the page
  before, so the browser cache holds the static files (as for a reader who has used the book
  before). No request routing here: Playwright turns the HTTP cache off when routing is on.
- slow line: as warm, on a line that Chromium slows down itself (DevTools network emulation:
  :data:`TRAGE_LIJN`), once with compression (what a browser asks for) and once without
  (``Accept-Encoding: identity``), with the bytes that came over the line. This shows what the
  server's gzip is worth for a reader outside the machine; on localhost it hardly matters.
"""

from __future__ import annotations

import time

from bench.gemeen import (
    BRUIKBAAR_SELECTOR,
    KOPIE,
    boekpagina_met,
    chromium,
    env_getal,
    log,
    mediaan,
    nieuwe_context,
    rekenhulpen,
    server,
    statische_pagina,
    verlaat,
    wacht_tot_rustig,
)

#: A modest mobile or busy office line: 10 Mbit/s down, 5 up, 40 ms extra round trip.
TRAGE_LIJN = {"offline": False, "latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 5e6 / 8}
MBIT_TRAAG = 10

DOEL_WARM_FACTOR = 1.5
DOEL_KOUD_MS = 3000.0

_JS_VOILA = """(sel) => {
  for (const el of document.querySelectorAll(sel)) {
    if (el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden') return performance.now();
  }
  return false;
}"""

_JS_BOEK = """([naam, sel]) => {
  const b = document.querySelector(`.rekenhulp[data-rekenhulp="${naam}"]`);
  if (!b) return false;
  const f = b.querySelector('iframe');
  if (!f) {
    /* The calculator starts when the reader gets there: go there at once, as a reader who
       opens the page for the calculator does. */
    if (!b.dataset.benchGescrold && b.querySelector('.rekenhulp-start')) {
      b.dataset.benchGescrold = '1';
      b.scrollIntoView({block: 'start'});
    }
    return false;
  }
  let d = null;
  try { d = f.contentDocument; } catch (e) { return false; }
  if (!d) return false;
  for (const el of d.querySelectorAll(sel)) {
    if (el.getClientRects().length && d.defaultView.getComputedStyle(el).visibility !== 'hidden') return performance.now();
  }
  return false;
}"""


_JS_BYTES = """() => {
  const alles = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  for (const f of document.querySelectorAll('iframe')) {
    try { alles.push(...f.contentWindow.performance.getEntriesByType('navigation'),
                     ...f.contentWindow.performance.getEntriesByType('resource')); } catch (e) {}
  }
  return [alles.reduce((a, e) => a + (e.transferSize || 0), 0), alles.reduce((a, e) => a + (e.decodedBodySize || 0), 0)];
}"""


def meet_pagina(
    browser,
    basis: str,
    soort: str,
    naam: str | None,
    pad: str,
    timeout_s: float = 40,
    context=None,
    lijn: dict | None = None,
    zonder_compressie: bool = False,
    bytes_uit: dict | None = None,
) -> float:
    """Milliseconds from navigation start to usable (static: to loadEventEnd).

    Without ``context`` a fresh one (empty cache) is used and closed; with one, only the page is.
    ``lijn``: DevTools network conditions (:data:`TRAGE_LIJN`); ``zonder_compressie``: the
    browser asks for no compression; ``bytes_uit`` gets the bytes over the line and unpacked.
    """
    eigen = context is None
    context = nieuwe_context(browser) if eigen else context
    page = None
    try:
        page = context.new_page()
        if lijn is not None or zonder_compressie:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            if lijn is not None:
                cdp.send("Network.emulateNetworkConditions", lijn)
            if zonder_compressie:
                cdp.send("Network.setExtraHTTPHeaders", {"headers": {"Accept-Encoding": "identity"}})
        if soort == "statisch":
            page.goto(basis + pad, wait_until="load", timeout=timeout_s * 1000)
            if bytes_uit is not None:
                bytes_uit["lijn"], bytes_uit["uitgepakt"] = page.evaluate(_JS_BYTES)
            return float(page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd"))
        page.goto(basis + pad, wait_until="commit", timeout=timeout_s * 1000)
        if soort == "voila":
            h = page.wait_for_function(_JS_VOILA, arg=BRUIKBAAR_SELECTOR, polling="raf", timeout=timeout_s * 1000)
        else:
            h = page.wait_for_function(
                _JS_BOEK, arg=[naam, BRUIKBAAR_SELECTOR], polling="raf", timeout=timeout_s * 1000
            )
        if bytes_uit is not None:
            bytes_uit["lijn"], bytes_uit["uitgepakt"] = page.evaluate(_JS_BYTES)
        return float(h.json_value())
    finally:
        if page is not None:
            verlaat(page)  # the kernel stops as when a reader closes the tab
        if eigen:
            context.close()
        elif page is not None:
            page.close()


def doelen(root=KOPIE) -> list[dict]:
    uit = [{"soort": "statisch", "naam": None, "pad": statische_pagina(root)}]
    for naam in rekenhulpen(root):
        uit.append({"soort": "voila", "naam": naam, "pad": f"/voila/render/{naam}.ipynb"})
        boek = boekpagina_met(naam, root)
        if boek:
            uit.append({"soort": "boek", "naam": naam, "pad": boek})
    return uit


def _probeer(browser, basis, d, context=None) -> tuple[float | None, str | None]:
    try:
        return meet_pagina(browser, basis, d["soort"], d["naam"], d["pad"], context=context), None
    except Exception as fout:  # a page that does not become usable counts as a failure
        return None, f"{type(fout).__name__}: {str(fout).splitlines()[0][:200]}"


def meet(root=KOPIE) -> dict:
    rondes_koud = int(env_getal("BENCH_KOUD_RONDES", 1))
    rondes_warm = int(env_getal("BENCH_WARM_RONDES", 5))
    lijst = doelen(root)
    for d in lijst:
        d.update({"koud_ms": [], "warm_ms": [], "cache_ms": [], "fouten": [], "server_opstart_s": [], "klaar_s": []})
    with chromium() as browser:
        for _r in range(rondes_koud):
            for d in lijst:
                with server(root=root, cull_seconden=180, cull_interval=20) as s:
                    klaar = s.wacht_op_klaar()
                    if klaar is not None:
                        d["klaar_s"].append(klaar)
                    t, fout = _probeer(browser, s.url, d)
                    d["server_opstart_s"].append(s.opstarttijd)
                    (d["koud_ms"].append(t) if t is not None else d["fouten"].append(f"koud: {fout}"))
                    log(f"koud {d['soort']} {d['naam'] or ''}: {t if t is None else round(t)} ms")
        with server(root=root, cull_seconden=180, cull_interval=20) as s:
            for d in lijst:  # one visit each first, not counted
                _probeer(browser, s.url, d)
            for _r in range(rondes_warm):
                for d in lijst:
                    wacht_tot_rustig(s)
                    t, fout = _probeer(browser, s.url, d)
                    (d["warm_ms"].append(t) if t is not None else d["fouten"].append(f"warm: {fout}"))
            log("warme metingen klaar")
            for d in lijst:  # second visits: one context per page keeps its cache
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
                try:
                    _probeer(browser, s.url, d, context=context)  # fills the cache, not counted
                    for _r in range(rondes_warm):
                        wacht_tot_rustig(s)
                        t, fout = _probeer(browser, s.url, d, context=context)
                        (d["cache_ms"].append(t) if t is not None else d["fouten"].append(f"tweede bezoek: {fout}"))
                finally:
                    context.close()
            log("tweede bezoeken klaar")
            for d in lijst:  # slow line: with and without compression, fresh context each time
                d["traag"] = {}
                for vorm, zonder in (("gzip", False), ("zonder", True)):
                    wacht_tot_rustig(s)
                    b: dict = {}
                    try:
                        t = meet_pagina(
                            browser,
                            s.url,
                            d["soort"],
                            d["naam"],
                            d["pad"],
                            timeout_s=120,
                            lijn=TRAGE_LIJN,
                            zonder_compressie=zonder,
                            bytes_uit=b,
                        )
                    except Exception as fout:  # a page that does not become usable counts as a failure
                        d["fouten"].append(f"trage lijn ({vorm}): {type(fout).__name__}")
                        t = None
                    d["traag"][vorm] = {"ms": t, "lijn_bytes": b.get("lijn"), "uitgepakt_bytes": b.get("uitgepakt")}
                log(f"trage lijn {d['soort']} {d['naam'] or ''}: {d['traag']}")
    vloer = mediaan(lijst[0]["warm_ms"])
    vloer_cache = mediaan(lijst[0]["cache_ms"])
    for d in lijst:
        d["koud_mediaan"] = mediaan(d["koud_ms"])
        d["warm_mediaan"] = mediaan(d["warm_ms"])
        d["cache_mediaan"] = mediaan(d["cache_ms"])
        d["klaar_mediaan_s"] = mediaan(d["klaar_s"])
        d["factor_warm"] = (d["warm_mediaan"] / vloer) if (vloer and d["warm_mediaan"]) else None
        d["factor_cache"] = (d["cache_mediaan"] / vloer_cache) if (vloer_cache and d["cache_mediaan"]) else None
    return {
        "pagina's": lijst,
        "vloer_ms": vloer,
        "vloer_cache_ms": vloer_cache,
        "rondes_koud": rondes_koud,
        "rondes_warm": rondes_warm,
        "doel_warm_factor": DOEL_WARM_FACTOR,
        "doel_koud_ms": DOEL_KOUD_MS,
        "trage_lijn_mbit": MBIT_TRAAG,
        "trage_lijn_latency_ms": TRAGE_LIJN["latency"],
        "tijd": time.strftime("%H:%M"),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(meet(), indent=2))
