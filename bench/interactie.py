"""Benchmark 2: interaction latency, from an input change to the updated output in the browser.

For each calculator (``/voila/render/<naam>.ipynb``) we take the first visible text field and
the live regions (``[role=status]``) of the widgets. One change = set a new text in the field
(the browser events ``input`` and ``change``, as when typing or leaving the field) and wait
until the text of a live region changes. The time is taken inside the page
(``performance.now()``, from the change to the DOM mutation that shows the new text).
If a calculator never changes a live region after a change (e.g. it needs a button), we
measure until any text of the output changes instead and say so (``modus: uitvoer``).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from bench.gemeen import (
    BRUIKBAAR_SELECTOR,
    KOPIE,
    chromium,
    env_getal,
    log,
    nieuwe_context,
    rekenhulpen,
    samenvatting,
    server,
    wacht_tot_rustig,
)

DOEL_P95_MS = 100.0

# An async JS function (tekst, timeoutMs, modus) -> ms or null. Defined once, used by the
# single-user measurement and by the concurrent sessions.
WIJZIG_JS = r"""async (tekst, timeoutMs, modus, index, knop) => {
  const zichtbaar = (el) => el.getClientRects().length > 0;
  const velden = [...document.querySelectorAll(
      '.jupyter-widgets input[type=text], .jupyter-widgets input:not([type]), .jupyter-widgets textarea')]
      .filter(zichtbaar).filter((el) => !el.disabled);
  if (!velden.length) return {fout: 'geen tekstveld'};
  const veld = velden[Math.min(index || 0, velden.length - 1)];
  const lees = modus === 'status'
    ? () => [...document.querySelectorAll('.jupyter-widgets [role=status]')].map((e) => e.textContent).join('\u0001')
    : () => [...document.querySelectorAll('.jp-OutputArea-output')].map((e) => e.innerText).join('\u0001');
  const voor = lees();
  if (veld.value === tekst) return {fout: 'zelfde tekst'};
  return await new Promise((klaar) => {
    let af = false;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (!af && lees() !== voor) { af = true; obs.disconnect(); klaar({ms: performance.now() - t0}); }
    });
    obs.observe(document.body, {subtree: true, childList: true, characterData: true});
    setTimeout(() => { if (!af) { af = true; obs.disconnect(); klaar({fout: 'geen verandering'}); } }, timeoutMs);
    veld.value = tekst;
    veld.dispatchEvent(new Event('input', {bubbles: true}));
    veld.dispatchEvent(new Event('change', {bubbles: true}));
    if (knop) {
      const knoppen = [...document.querySelectorAll('.jupyter-widgets button.mod-primary, .jupyter-widgets button')]
          .filter(zichtbaar).filter((b) => !b.disabled);
      if (knoppen.length) knoppen[0].click();
    }
  });
}"""

EEN_WIJZIGING = f"async ([tekst, timeoutMs, modus, index, knop]) => ({WIJZIG_JS})(tekst, timeoutMs, modus, index, knop)"
WAARDEN = """() => [...document.querySelectorAll(
      '.jupyter-widgets input[type=text], .jupyter-widgets input:not([type]), .jupyter-widgets textarea')]
      .filter((el) => el.getClientRects().length > 0).filter((el) => !el.disabled).map((el) => el.value)"""
MAX_VELDEN = 8


def zoekteksten(naam: str, root: Path = KOPIE, aantal: int = 60) -> list[str]:
    """Realistic, distinct inputs for a calculator, taken from the project's own data."""
    teksten: list[str] = []
    if naam == "wetten":
        try:
            import yaml

            data = yaml.safe_load((root / "data" / "evaluatie" / "wetvragen.yaml").read_text(encoding="utf-8"))
            teksten = [v["vraag"] for v in data.get("vragen", [])]
        except (OSError, KeyError, TypeError):
            teksten = []
    elif naam == "casussen":
        for pad in sorted((root / "data" / "casussen").glob("[!_]*.yaml")):
            teksten += [w for w in re.findall(r"[a-z]{5,}", pad.stem)]
    if len(teksten) < 10:
        import csv

        with open(root / "data" / "prijzen.csv", encoding="utf-8") as f:
            for rij in csv.DictReader(f):
                woorden = re.findall(r"[a-zà-ÿ]{4,}", rij.get("item", "").lower())
                teksten += woorden[:1] + ([" ".join(woorden[:2])] if len(woorden) > 1 else [])
    uniek = list(dict.fromkeys(t for t in teksten if t))
    # Repeat with a counter if there are too few, so consecutive inputs always differ.
    uit = uniek[:aantal]
    i = 0
    while len(uit) < aantal and uniek:
        uit.append(f"{uniek[i % len(uniek)]} {i // len(uniek) + 2}")
        i += 1
    return uit


def getallen(start: str, aantal: int) -> list[str]:
    """Numbers near a numeric start value, each different from the one before."""
    try:
        basis = int(float(start.replace(".", "").replace(",", ".")))
    except ValueError:
        basis = 10
    if basis > 60:
        return [str(basis - 1 - (i % 50)) for i in range(aantal)]
    return [str(1 + (i % 19)) for i in range(aantal)]


def is_getal(tekst: str) -> bool:
    return bool(re.fullmatch(r"\s*[\d.,]+\s*", tekst or ""))


def kies_veld(page, naam: str, timeout_ms: int) -> tuple[int, str, bool, list[str]] | None:
    """The first text field whose change updates a live region (or, failing that, the output).

    If typing alone changes nothing, we also try typing plus a click on the main button
    (a calculator such as the privacy check works with a "Controleer" button).
    """
    waarden = page.evaluate(WAARDEN)
    for knop in (False, True):
        for modus in ("status", "uitvoer"):
            for index, begin in enumerate(waarden[:MAX_VELDEN]):
                teksten = getallen(begin, 3) if is_getal(begin) else zoekteksten(naam, aantal=3)
                gelukt = [page.evaluate(EEN_WIJZIGING, [t, timeout_ms, modus, index, knop]) for t in teksten[:2]]
                if any("ms" in g for g in gelukt):
                    return index, modus, knop, ["getallen" if is_getal(begin) else "woorden", begin]
    return None


def meet_rekenhulp(browser, url: str, naam: str, aantal: int, timeout_ms: int = 5000) -> dict:
    context = nieuwe_context(browser)
    try:
        page = context.new_page()
        page.goto(f"{url}/voila/render/{naam}.ipynb", wait_until="commit", timeout=60_000)
        page.wait_for_selector(BRUIKBAAR_SELECTOR, state="visible", timeout=60_000)
        page.wait_for_timeout(1000)
        gekozen = kies_veld(page, naam, 3000)
        if gekozen is None:
            return {"naam": naam, "overgeslagen": "geen tekstveld dat de uitkomst verandert"}
        index, modus, knop, (soort, begin) = gekozen
        teksten = getallen(begin, aantal + 3)[3:] if soort == "getallen" else zoekteksten(naam, aantal=aantal + 3)[3:]
        tijden, fouten = [], []
        for t in teksten[:aantal]:
            r = page.evaluate(EEN_WIJZIGING, [t, timeout_ms, modus, index, knop])
            (tijden.append(r["ms"]) if "ms" in r else fouten.append(r.get("fout", "?")))
            page.wait_for_timeout(150)
        return {
            "naam": naam,
            "modus": modus,
            "veld": index,
            "invoer": soort,
            "knop": knop,
            "fouten": len(fouten),
            "fout_soorten": sorted(set(fouten)),
            **samenvatting(tijden),
        }
    except Exception as fout:
        return {"naam": naam, "overgeslagen": f"{type(fout).__name__}: {str(fout).splitlines()[0][:200]}"}
    finally:
        context.close()


def meet(root: Path = KOPIE) -> dict:
    aantal = int(env_getal("BENCH_INTERACTIES", 60))
    uit = []
    with server(root=root, cull_seconden=180, cull_interval=20) as s, chromium() as browser:
        for naam in rekenhulpen(root):
            wacht_tot_rustig(s)
            r = meet_rekenhulp(browser, s.url, naam, aantal)
            uit.append(r)
            log(f"interactie {naam}: {r.get('p50', '-')} / {r.get('p95', '-')} ms {r.get('overgeslagen', '')}")
    return {"rekenhulpen": uit, "aantal": aantal, "doel_p95_ms": DOEL_P95_MS, "tijd": time.strftime("%H:%M")}


if __name__ == "__main__":
    import json

    print(json.dumps(meet(), indent=2))
