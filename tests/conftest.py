"""Shared fixtures: the built book, the running server and a headless Chromium page."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Kept search indexes (calculators/kern/indexcache.py) of this test run go to a fresh folder
# that the pytest-xdist workers, the test server and its kernels share; never to ~/.cache.
# The process that made the folder removes it when it ends.
if "DOORBRAAK_CACHE" not in os.environ:
    os.environ["DOORBRAAK_CACHE"] = tempfile.mkdtemp(prefix="dbw-zoekindex-")
    atexit.register(shutil.rmtree, os.environ["DOORBRAAK_CACHE"], ignore_errors=True)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTEN = ROOT / "tests" / "artefacten"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    """Everything in tests/browser/ is a browser test, whether or not the file says so."""
    for item in items:
        if "browser" in Path(str(item.fspath)).parts and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BoekBouw(NamedTuple):
    """The outcome of one book build: exit code, output and the folder with the HTML."""

    code: int
    uitvoer: str
    html: Path


def _bouw_boek(uit: Path) -> BoekBouw:
    stappen = [
        [sys.executable, "-m", "calculators.bouw"],
        [
            str(Path(sys.executable).parent / "jupyter-book"),
            "build",
            ".",
            "-W",
            "-n",
            "--keep-going",
            "--path-output",
            str(uit),
        ],
    ]
    uitvoer = []
    html = uit / "_build" / "html"
    for stap in stappen:
        r = subprocess.run(stap, cwd=ROOT, capture_output=True, text=True, timeout=900)
        uitvoer.append(r.stdout + r.stderr)
        if r.returncode != 0:
            return BoekBouw(r.returncode, "\n".join(uitvoer), html)
    return BoekBouw(0, "\n".join(uitvoer), html)


@pytest.fixture(scope="session")
def boek_build(request, tmp_path_factory):
    """Build the book once per test session, as `make book-strikt` does, into a temporary
    folder (tests never write into the repository's ``_build``).

    With pytest-xdist (``make test`` runs two workers) the first worker that needs the book
    builds it under a lock in the temporary folder the workers share; the others wait and
    use that build. ``calculators.bouw`` writes generated pages into the repository, so two
    builds at the same time would get in each other's way.

    Returns ``BoekBouw(code, uitvoer, html)``; ``boek_build[0]`` is the exit code.
    """
    if not hasattr(request.config, "workerinput"):
        return _bouw_boek(tmp_path_factory.mktemp("boek"))
    import fcntl

    gedeeld = tmp_path_factory.getbasetemp().parent
    with open(gedeeld / "boek.lock", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        verslag = gedeeld / "boek.json"
        if verslag.exists():
            d = json.loads(verslag.read_text(encoding="utf-8"))
            return BoekBouw(d["code"], d["uitvoer"], Path(d["html"]))
        b = _bouw_boek(gedeeld / "boek")
        verslag.write_text(json.dumps({"code": b.code, "uitvoer": b.uitvoer, "html": str(b.html)}), encoding="utf-8")
        return b


def wacht_op(url: str, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} antwoordt niet binnen {seconden} s")


def wacht_op_klaar(url: str, seconden: float = 240) -> None:
    """Wait until the server says its preheated calculators are ready (as `make serve` ends)."""
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            with urllib.request.urlopen(url + "/doorbraakwijzer/status.json", timeout=2) as r:
                if json.loads(r.read()).get("rekenhulpen_klaar"):
                    return
        except (OSError, ValueError):
            pass
        time.sleep(0.5)
    # Not fatal: the tests then wait for their calculator themselves.


@pytest.fixture(scope="session")
def server_url(boek_build, tmp_path_factory):
    """The real server (book + Voila on one origin), started as `make serve` does.

    Its output goes to a file (a pipe nobody reads would fill up and stop the server).
    """
    if not (boek_build.html / "index.html").exists():
        pytest.fail("Het boek is niet gebouwd:\n" + boek_build.uitvoer[-3000:])
    poort = vrije_poort()
    logpad = tmp_path_factory.mktemp("server") / "server.log"
    log = open(logpad, "w", encoding="utf-8")  # noqa: SIM115
    proces = subprocess.Popen(
        [sys.executable, "-m", "calculators.server", "--port", str(poort)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        # A high kernel cap: Playwright drops the shutdown call of a page with request routing
        # when it closes, so visitor kernels of earlier tests live until they are culled
        # (40-50 s). With the default cap, sized to the machine, a small CI machine would then
        # serve the "druk" page to a later test. The cap itself is tested with MAX_KERNELS=1
        # (tests/browser/test_server_belasting.py).
        # INFO: the server output says which kernel was culled or taken from the pool (for
        # the diagnosis of a failed test, :func:`diagnose`).
        env={
            **os.environ,
            "DOORBRAAK_BOEK": str(boek_build.html),
            "MAX_KERNELS": "60",
            "DOORBRAAK_LOGNIVEAU": "INFO",
        },
    )
    url = f"http://127.0.0.1:{poort}"
    # For the diagnosis of a failed wait (:func:`diagnose`). In the environment, not in a module
    # global: pytest loads this file as its own module, the tests import it again as "conftest".
    os.environ[f"DBW_SERVERLOG_{poort}"] = str(logpad)
    try:
        wacht_op(url + "/doorbraakwijzer/status.json")
        wacht_op_klaar(url)
        yield url
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()
        log.close()


@pytest.fixture(scope="session")
def statisch_url(boek_build):
    """The built book as plain static files, without the calculator server."""
    poort = vrije_poort()
    proces = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(poort), "--bind", "127.0.0.1", "--directory", str(boek_build.html)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{poort}"
    try:
        wacht_op(url + "/index.html")
        yield url
    finally:
        proces.terminate()
        proces.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    uitkomst = yield
    rapport = uitkomst.get_result()
    setattr(item, f"rapport_{rapport.when}", rapport)


def nieuwe_pagina(browser, breedte: int = 1280, hoogte: int = 900):
    """A page in a fresh context (empty cache, Dutch locale); returns (context, page).

    Requests to any host other than 127.0.0.1 are refused and recorded in ``page.extern``:
    the book and the calculators must work without internet.
    """
    context = browser.new_context(viewport={"width": breedte, "height": hoogte}, locale="nl-NL")
    page = context.new_page()
    page.extern = []
    volg_de_pagina(page)

    def route(r):
        host = r.request.url.split("/")[2] if "://" in r.request.url else ""
        if r.request.url.startswith(("data:", "blob:")) or host.startswith(("127.0.0.1", "localhost")):
            r.continue_()
        else:
            page.extern.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return context, page


def bewaar_schermafdruk(page, naam: str) -> None:
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=str(ARTEFACTEN / f"{naam}.png"), full_page=True)
    except Exception:
        pass


@pytest.fixture
def pagina(browser, request):
    """A fresh page (see :func:`nieuwe_pagina`); a screenshot is saved in tests/artefacten/
    when the test fails."""
    context, page = nieuwe_pagina(browser)
    yield page
    rapport = getattr(request.node, "rapport_call", None)
    if rapport is not None and rapport.failed:
        bewaar_schermafdruk(page, request.node.name)
    context.close()


AXE_OPTIES = (
    "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']}"
)


def _ernstig(violations: list[dict]) -> list[dict]:
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def axe_overtredingen(page, frame=None) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules); return violations of impact serious/critical."""
    doel = frame or page
    doel.add_script_tag(path=str(AXE))
    resultaat = doel.evaluate(f"async () => await axe.run(document, {AXE_OPTIES})")
    return _ernstig(resultaat["violations"])


def start_axe(page) -> None:
    """Start axe-core in the page and return at once: several pages (each its own renderer
    process) can then run it at the same time. Collect with :func:`axe_uitslag`."""
    page.add_script_tag(path=str(AXE))
    page.evaluate(
        "() => { window.__axeUit = null; axe.run(document, " + AXE_OPTIES + ")"
        ".then(r => { window.__axeUit = {v: r.violations}; }, e => { window.__axeUit = {fout: String(e)}; }); }"
    )


def axe_uitslag(page, timeout: float = 60_000) -> list[dict]:
    """The serious/critical violations of the run :func:`start_axe` started."""
    uit = page.wait_for_function("() => window.__axeUit", polling=50, timeout=timeout).json_value()
    if "fout" in uit:
        raise AssertionError(f"axe-core liep vast: {uit['fout']}")
    return _ernstig(uit["v"])


def diagnose(page, antwoord=None) -> str:
    """What a failed wait for a calculator saw: the HTTP status, the text on screen, the end
    of the server's output. A timeout alone does not say whether the page was the "druk"
    page, a Dutch error or a kernel that never answered."""
    regels = []
    if antwoord is not None:
        regels.append(f"HTTP {antwoord.status} voor {antwoord.url}")
    try:
        tekst = page.evaluate("() => document.body ? document.body.innerText : ''")
        regels.append("Op het scherm: " + " ".join(tekst.split())[:800])
    except Exception as e:  # the page itself is gone
        regels.append(f"Pagina niet leesbaar: {e}")
    for frame in page.frames[1:]:  # an embedded calculator: what its own page showed
        try:
            staat = frame.evaluate(
                "() => ({tekst: document.body ? document.body.innerText : '',"
                " cellen: document.querySelectorAll('.jp-Cell').length,"
                " zonder_uitvoer: document.querySelectorAll('.jp-Cell.jp-mod-noOutputs').length,"
                " widgets: document.querySelectorAll('.jupyter-widgets').length})"
            )
            regels.append(
                f"In de rekenhulp {frame.url}: {staat['cellen']} cellen, {staat['zonder_uitvoer']} zonder"
                f" uitvoer, {staat['widgets']} widgets; tekst: " + " ".join(staat["tekst"].split())[:300]
            )
        except Exception as e:
            regels.append(f"Rekenhulp {frame.url} niet leesbaar: {e}")
    if gebeurd := getattr(page, "gebeurd", None):
        regels.append("In de browser (laatste):\n" + "\n".join(gebeurd))
    if (open_verzoeken := getattr(page, "open_verzoeken", None)) is not None:
        regels.append("Nog geen antwoord op: " + (", ".join(sorted(open_verzoeken)[:15]) or "niets"))
    poort = page.url.split("/")[2].rsplit(":", 1)[-1] if page.url.count("/") >= 2 else ""
    pad = Path(os.environ.get(f"DBW_SERVERLOG_{poort}", "/nonexistent"))
    if pad.is_file():
        staart = pad.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        regels.append("Einde van de serveruitvoer:\n" + ("\n".join(staart) or "(leeg)"))
    return "\n".join(regels)


def volg_de_pagina(page) -> None:
    """Keep the last console lines, script errors and failed requests of a page, and the
    requests still without an answer, for :func:`diagnose`."""
    import collections

    page.gebeurd = collections.deque(maxlen=25)
    page.open_verzoeken = set()
    page.on("console", lambda m: page.gebeurd.append(f"console {m.type}: {m.text[:200]}"))
    page.on("pageerror", lambda e: page.gebeurd.append(f"scriptfout: {str(e)[:200]}"))

    def mislukt(r):
        page.open_verzoeken.discard(r.url)
        page.gebeurd.append(f"verzoek mislukt: {r.url} ({r.failure})")

    page.on("request", lambda r: page.open_verzoeken.add(r.url))
    page.on("requestfinished", lambda r: page.open_verzoeken.discard(r.url))
    page.on("requestfailed", mislukt)


# How long a test waits for a calculator's widgets. Not a speed requirement (make bench
# measures speed): on a loaded CI machine (a full run took three times as long as on a quiet
# one) a calculator that starts fine took more than 60 s, and the test failed on the wait.
REKENHULP_WACHT_MS = 120_000


def open_rekenhulp(page, url: str, timeout: float = REKENHULP_WACHT_MS):
    """Open a calculator page and wait until its widgets are on screen.

    When they do not come, the assertion says what was there instead (:func:`diagnose`)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    antwoord = page.goto(url, timeout=timeout)
    try:
        page.locator(".jupyter-widgets").first.wait_for(timeout=timeout)
    except PlaywrightTimeout:
        raise AssertionError(
            f"geen rekenhulp op {url} binnen {timeout / 1000:.0f} s\n" + diagnose(page, antwoord)
        ) from None
    return antwoord


def wacht_op_rekenhulp(page, naam: str, timeout: float = REKENHULP_WACHT_MS):
    """Wait until the embedded calculator's widgets are on screen; return its Frame.

    A calculator starts only when the reader reaches it (book/_static/doorbraak.js): scroll
    to it first, as a reader does."""
    page.wait_for_selector(f'.rekenhulp[data-rekenhulp="{naam}"]', state="attached", timeout=timeout)
    page.locator(f'.rekenhulp[data-rekenhulp="{naam}"]').scroll_into_view_if_needed(timeout=timeout)
    page.wait_for_selector(f'.rekenhulp[data-rekenhulp="{naam}"] iframe', timeout=timeout)
    frame = page.frame_locator(f'.rekenhulp[data-rekenhulp="{naam}"] iframe')
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        frame.locator(".jupyter-widgets").first.wait_for(timeout=timeout)
    except PlaywrightTimeout:
        raise AssertionError(
            f"rekenhulp {naam} niet op het scherm binnen {timeout / 1000:.0f} s\n" + diagnose(page)
        ) from None
    return frame


# Timing is measured by the benchmarks (make bench), not by tests: no hypothesis deadlines
# on this shared, noisy machine.
from hypothesis import settings as _hyp_settings  # noqa: E402

_hyp_settings.register_profile("doorbraakwijzer", deadline=None)
_hyp_settings.load_profile("doorbraakwijzer")
