"""Shared helpers for the benchmarks: statistics, a copy of the repository, the server, Chromium.

Everything here is bounded: every wait has a deadline, every process we start is stopped by
its own id (never by name).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
UITVOER = ROOT / "bench" / "uitvoer"
#: The raw figures behind RESULTS.md, kept in git: a run of some parts (BENCH_ALLEEN) in a
#: fresh clone keeps the figures of the other parts instead of losing them.
RESULTATEN = ROOT / "bench" / "resultaten.json"
WERKMAP = Path(os.environ.get("BENCH_WERKMAP", "/tmp/dbw-bench"))
KOPIE = WERKMAP / "repo"
# The kept search indexes of the measured copy (calculators/kern/indexcache.py), not the
# developer's ~/.cache: the book build of the copy makes them, its servers and kernels use them.
os.environ.setdefault("DOORBRAAK_CACHE", str(WERKMAP / "zoekindex"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
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

# The first widget a user can operate: a text field, a list or a button that is enabled.
BRUIKBAAR_SELECTOR = (
    ".jupyter-widgets input:not([disabled]), .jupyter-widgets select:not([disabled]), "
    ".jupyter-widgets textarea:not([disabled]), .jupyter-widgets button:not([disabled])"
)


def env_getal(naam: str, standaard: float) -> float:
    """A number from the environment (e.g. BENCH_SESSIE_SECONDEN), or the default."""
    waarde = os.environ.get(naam, "").strip()
    if not waarde:
        return standaard
    try:
        return float(waarde)
    except ValueError:
        raise SystemExit(f"{naam} moet een getal zijn, niet '{waarde}'.") from None


def log(tekst: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {tekst}", flush=True)


# --- statistics ----------------------------------------------------------------------------


def samenvatting(waarden: Sequence[float]) -> dict:
    """n, median, p95, min and max of a list of numbers (empty list: only n=0)."""
    if not waarden:
        return {"n": 0}
    a = np.asarray(waarden, dtype=float)
    return {
        "n": int(a.size),
        "p50": float(np.percentile(a, 50)),
        "p95": float(np.percentile(a, 95)),
        "min": float(a.min()),
        "max": float(a.max()),
    }


def mediaan(waarden: Sequence[float]) -> float | None:
    return float(np.median(waarden)) if len(waarden) else None


# --- repository copy -----------------------------------------------------------------------


def repo_bestanden(bron: Path = ROOT) -> list[str]:
    """Tracked plus untracked, not ignored files of the working tree (no .venv, _build, ...)."""
    uit = subprocess.run(
        ["git", "-C", str(bron), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    return [p for p in uit.split("\0") if p and (bron / p).is_file()]


def maak_kopie(doel: Path = KOPIE, bron: Path = ROOT) -> Path:
    """A fresh copy of the working tree in ``doel`` (so the bench never touches /work/main/_build)."""
    if doel.exists():
        shutil.rmtree(doel)
    doel.mkdir(parents=True)
    for pad in repo_bestanden(bron):
        (doel / pad).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(bron / pad, doel / pad)
    return doel


# --- server --------------------------------------------------------------------------------


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wacht_op(url: str, seconden: float = 90, proces: subprocess.Popen | None = None) -> float:
    """Wait until ``url`` answers 200; return the seconds it took."""
    begin = time.monotonic()
    einde = begin + seconden
    while time.monotonic() < einde:
        if proces is not None and proces.poll() is not None:
            raise RuntimeError(f"de server stopte meteen (code {proces.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return time.monotonic() - begin
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} antwoordt niet binnen {seconden} s")


_GESTART: list[Server] = []


def _ruim_op() -> None:
    """Stop every server this bench started (also after an error or Ctrl-C)."""
    for s in list(_GESTART):
        with contextlib.suppress(Exception):
            s.stop()


atexit.register(_ruim_op)
with contextlib.suppress(ValueError):  # only possible in the main thread
    signal.signal(signal.SIGTERM, lambda *_a: sys.exit(143))


@dataclass
class Server:
    """The real server (book + Voila), started from ``root`` with the bench launcher."""

    root: Path = KOPIE
    poort: int = 0
    pool: int = 1
    cull_seconden: int = 900
    cull_interval: int = 60
    cull_fix: bool = False
    proces: subprocess.Popen | None = None
    opstarttijd: float = 0.0
    logbestand: Path | None = None
    _log: object = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}"

    def start(self) -> Server:
        if not self.poort:
            self.poort = vrije_poort()
        UITVOER.mkdir(parents=True, exist_ok=True)
        self.logbestand = UITVOER / f"server-{self.poort}.log"
        self._log = open(self.logbestand, "w", encoding="utf-8")
        omgeving = dict(os.environ, PYTHONPATH=str(self.root))
        self.proces = subprocess.Popen(
            [
                PY,
                str(ROOT / "bench" / "serverstart.py"),
                "--port",
                str(self.poort),
                "--pool",
                str(self.pool),
                "--cull",
                str(self.cull_seconden),
                "--cull-interval",
                str(self.cull_interval),
            ]
            + (["--cull-fix"] if self.cull_fix else []),
            cwd=self.root,
            env=omgeving,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _GESTART.append(self)
        try:
            self.opstarttijd = wacht_op(self.url + "/doorbraakwijzer/status.json", proces=self.proces)
        except RuntimeError as fout:
            self.stop()
            staart = self.logbestand.read_text(encoding="utf-8", errors="replace")[-1500:]
            raise RuntimeError(f"{fout}; log {self.logbestand}:\n{staart}") from None
        return self

    def wacht_op_klaar(self, seconden: float = 300) -> float | None:
        """Wait until the server says its preheated calculators are ready (the last line of
        ``make serve``); return the server's own count of seconds since it started, or None."""
        einde = time.monotonic() + seconden
        while time.monotonic() < einde:
            try:
                with urllib.request.urlopen(self.url + "/doorbraakwijzer/status.json", timeout=2) as r:
                    staat = json.loads(r.read())
                if staat.get("rekenhulpen_klaar"):
                    return float(staat.get("klaar_na_s") or 0.0)
            except (OSError, ValueError):
                pass
            time.sleep(0.25)
        return None

    def kernels(self) -> list:
        """The kernel processes (children of this server)."""
        import psutil

        if self.proces is None:
            return []
        try:
            kinderen = psutil.Process(self.proces.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        uit = []
        for k in kinderen:
            try:
                # ipykernel's own launcher, or ours (calculators/server/kernel.py)
                if any("ipykernel" in d or d == "calculators.server.kernel" for d in k.cmdline()):
                    uit.append(k)
            except psutil.Error:
                pass
        return uit

    def geheugen(self) -> dict:
        """RSS/USS in MB of the server and of each kernel."""
        import psutil

        def mb(p) -> tuple[float, float]:
            try:
                info = p.memory_full_info()
                return info.rss / 2**20, info.uss / 2**20
            except psutil.Error:
                return 0.0, 0.0

        server_rss, server_uss = mb(psutil.Process(self.proces.pid)) if self.proces else (0.0, 0.0)
        processen = self.kernels()
        kernels = [mb(k) for k in processen]
        return {
            "server_rss": server_rss,
            "server_uss": server_uss,
            "kernel_pid": [k.pid for k in processen],
            "kernel_rss": [r for r, _ in kernels],
            "kernel_uss": [u for _, u in kernels],
        }

    def stop(self) -> None:
        import psutil

        if self.proces is None:
            return
        try:
            kinderen = psutil.Process(self.proces.pid).children(recursive=True)
        except psutil.Error:
            kinderen = []
        self.proces.send_signal(signal.SIGINT)
        try:
            self.proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proces.terminate()
            try:
                self.proces.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait(timeout=10)
        # Kernels we started through this server and that outlived it: stop them by id.
        for k in kinderen:
            with contextlib.suppress(psutil.Error):
                k.wait(timeout=5)
            with contextlib.suppress(psutil.Error):
                if k.is_running():
                    k.kill()
        self.proces = None
        if self in _GESTART:
            _GESTART.remove(self)
        if self._log:
            self._log.close()
            self._log = None


@contextlib.contextmanager
def server(**opties) -> Iterator[Server]:
    s = Server(**opties).start()
    try:
        yield s
    finally:
        s.stop()


# --- browser -------------------------------------------------------------------------------


@contextlib.contextmanager
def chromium(extra_args: Sequence[str] = ()) -> Iterator[object]:
    """A headless Debian Chromium (Playwright, sync API)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_ARGS, *extra_args])
        try:
            yield b
        finally:
            b.close()


def chromium_versie() -> str:
    try:
        uit = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30)
        return uit.stdout.strip() or "onbekend"
    except (OSError, subprocess.TimeoutExpired):
        return "onbekend"


def verlaat(page) -> None:
    """Leave a page as a reader who closes the tab: it unloads and sends its kernel shutdown
    call (navigator.sendBeacon), so the kernel stops at once instead of waiting for culling.
    Playwright drops the requests of an unloading page while request routing is on, so
    routing is switched off first (about:blank makes no request of its own)."""
    with contextlib.suppress(Exception):
        page.context.unroute("**/*")
    with contextlib.suppress(Exception):
        page.goto("about:blank", timeout=5_000)


def nieuwe_context(browser):
    """A fresh browser context (empty cache) that only talks to 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")

    def route(r):
        url = r.request.url
        host = url.split("/")[2] if "://" in url else ""
        if url.startswith(("data:", "blob:")) or host.startswith(("127.0.0.1", "localhost")):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    return context


# --- discovery -----------------------------------------------------------------------------


def rekenhulpen(root: Path = KOPIE) -> list[str]:
    """Names of the calculators: every dashboard notebook."""
    return sorted(p.stem for p in (root / "calculators" / "dashboards").glob("*.ipynb"))


def boekpagina_met(naam: str, root: Path = KOPIE) -> str | None:
    """Path (from the site root) of the first built book page that embeds calculator ``naam``."""
    html = root / "_build" / "html"
    teken = f'data-rekenhulp="{naam}"'
    for pad in sorted(html.rglob("*.html")):
        if "_static" in pad.parts or "_sources" in pad.parts:
            continue
        try:
            if teken in pad.read_text(encoding="utf-8", errors="replace"):
                return "/" + pad.relative_to(html).as_posix()
        except OSError:
            continue
    return None


def statische_pagina(root: Path = KOPIE) -> str:
    """A built book page without a calculator (the floor): the welcome page if it has none."""
    html = root / "_build" / "html"
    kandidaten = [html / "book" / "welkom.html", *sorted(html.rglob("book/**/*.html"))]
    for pad in kandidaten:
        if pad.exists() and "data-rekenhulp=" not in pad.read_text(encoding="utf-8", errors="replace"):
            return "/" + pad.relative_to(html).as_posix()
    raise RuntimeError("Geen boekpagina zonder rekenhulp gevonden.")


def schrijf_json(naam: str, data: object) -> Path:
    UITVOER.mkdir(parents=True, exist_ok=True)
    pad = UITVOER / f"{naam}.json"
    pad.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return pad


def wacht_tot_rustig(s: Server, drempel_procent: float = 20.0, max_seconden: float = 10.0) -> float:
    """Wait until no process of the server (server or kernel) is busy, e.g. preheating; bounded.

    Idle kernels each use a little CPU; so we look at the busiest process, not at the sum.
    """
    import psutil

    begin = time.monotonic()
    while time.monotonic() - begin < max_seconden:
        try:
            procs = [psutil.Process(s.proces.pid), *psutil.Process(s.proces.pid).children(recursive=True)]
        except (psutil.Error, AttributeError):
            return time.monotonic() - begin
        for p in procs:
            with contextlib.suppress(psutil.Error):
                p.cpu_percent(None)
        time.sleep(0.5)
        hoogste = 0.0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                hoogste = max(hoogste, p.cpu_percent(None))
        if hoogste < drempel_procent:
            break
    return time.monotonic() - begin
