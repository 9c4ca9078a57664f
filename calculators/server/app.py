"""One origin for the book and the calculators.

``python -m calculators.server.app`` starts Voila for the dashboards in
``calculators/dashboards/`` and, on the same host and port, serves the built book from
``_build/html``. A book page can then embed a calculator in an iframe without
cross-origin or framing problems.

What is exposed, on purpose:
- ``/`` and everything below: the static book (path traversal is refused by Tornado's
  StaticFileHandler; hidden files such as ``/.buildinfo`` are not served);
- ``/voila/render/<naam>.ipynb``: a calculator (sources stripped), at most ``--max-kernels``
  visitors at once (beyond that: a Dutch "busy" page, HTTP 503 with Retry-After);
- ``/voila/static``, ``/voila/labextensions``, the kernel websocket of a running
  calculator (Voila only lets widget messages through, never ``execute_request``; we also
  strip tracebacks and stderr, so no server path reaches the browser);
- ``/doorbraakwijzer/status.json``: tells a book page that the calculators run, and whether
  their preheated kernels are ready (``rekenhulpen_klaar``).
Not exposed: the notebook tree, the contents API, terminals, login/logout, starting kernels by REST.

Before anything starts, every data file is loaded through its loader
(:func:`calculators.gegevens.controleer_alle_gegevens`): a corrupt file stops the server
with exit code 2 and a Dutch message naming file, row and column.
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import html
import json
import logging
import os
import re
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import tornado.web

from calculators.kern.paden import BUILD_HTML, DASHBOARDS, ROOT

#: Our Jupyter data folder: the Voila template (lab without CDN links) and the kernel spec
#: of the calculators (``kernels/python3``: ipykernel without its debugger, see kernel.py).
JUPYTER_MAP = Path(__file__).resolve().parent / "jupyter"
SJABLOON = JUPYTER_MAP / "voila" / "templates" / "doorbraak"

CSP = "; ".join(
    [
        "default-src 'self'",
        # Voila's lab front end needs inline scripts (page config, widget state) but not eval.
        "script-src 'self' 'unsafe-inline' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        # 'self' also covers ws:/wss: to this host and port (CSP level 3), nothing else.
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "object-src 'none'",
        "base-uri 'self'",
    ]
)
PERMISSIONS_POLICY = ", ".join(
    f"{naam}=()"
    for naam in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "display-capture",
        "serial",
        "hid",
    )
)
BEVEILIGINGSKOPPEN = {
    "Content-Security-Policy": CSP,
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: Voila's static assets (JS, CSS, fonts) only change with a new Voila version.
STATISCH_CACHE_SECONDEN = 7 * 24 * 3600

#: Memory we plan per calculator kernel (measured: about 120 MB RSS, see bench/RESULTS.md).
MB_PER_KERNEL = 150
#: Kernels per core: kernels mostly wait for a reader; starting one costs about a core-second.
KERNELS_PER_KERN = 10
#: Seconds before the idle culler stops a kernel nobody is connected to (never-connected or
#: page closed without the shutdown call).
CULL_SECONDEN = 40
CULL_INTERVAL = 10
DRUK_WACHT_SECONDEN = 60

TEKST_DRUK = "Het is nu druk, probeer het over een minuut opnieuw."
TEKST_HERSTART = "De rekenhulp is opnieuw gestart. Laad de pagina opnieuw."
FOUTTEKSTEN = {
    400: "Dit adres klopt niet.",
    403: "Deze pagina mag je niet openen.",
    404: "Deze pagina bestaat niet.",
    405: "Dit kan op deze pagina niet.",
    503: TEKST_DRUK,
}


def foutpagina(status: int, uitleg: str | None = None) -> str:
    """A small Dutch error page (no scripts, no server details)."""
    kop = FOUTTEKSTEN.get(status, "Er ging iets mis. Probeer het later opnieuw.")
    extra = f"<p>{html.escape(uitleg)}</p>" if uitleg else ""
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{status} – Doorbraakwijzer</title></head><body><main>"
        f"<h1>{html.escape(kop)}</h1>{extra}"
        '<p><a href="/" target="_top">Naar de voorpagina van Doorbraakwijzer</a></p>'
        "</main></body></html>"
    )


def _meminfo_mb(veld: str) -> float | None:
    try:
        for regel in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if regel.startswith(veld + ":"):
                return int(regel.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def standaard_kernelgrens(geheugen_mb: float | None = None, kernen: int | None = None) -> int:
    """How many visitors may have a calculator open at once on this machine.

    The smaller of: half the memory divided by :data:`MB_PER_KERNEL`, and
    :data:`KERNELS_PER_KERN` per core. At least 2.
    """
    if geheugen_mb is None:
        geheugen_mb = _meminfo_mb("MemTotal") or 4096.0
    if kernen is None:
        kernen = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(2, min(int(geheugen_mb * 0.5 // MB_PER_KERNEL), KERNELS_PER_KERN * max(1, kernen)))


def _geheel_getal(naam: str, tekst: str, minimum: int) -> int:
    try:
        waarde = int(tekst)
    except ValueError:
        raise SystemExit(f"{naam} moet een geheel getal zijn, niet '{tekst}'.") from None
    if waarde < minimum:
        raise SystemExit(f"{naam} moet minstens {minimum} zijn, niet {waarde}.")
    return waarde


class Beveiligingskoppen(tornado.web.OutputTransform):
    """Adds the security headers to every HTTP response; long cache for Voila's static files."""

    def __init__(self, request):
        super().__init__(request)
        # Template files (CSS, fonts) carry a content hash in ?v=, so they may be kept long too.
        self._statisch = request.path.startswith(("/voila/static/", "/voila/labextensions/")) or (
            request.path.startswith("/voila/templates/") and "v=" in request.query
        )

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        for naam, waarde in BEVEILIGINGSKOPPEN.items():
            headers[naam] = waarde
        headers.pop("Server", None)
        if self._statisch and status_code == 200:
            headers["Cache-Control"] = f"public, max-age={STATISCH_CACHE_SECONDEN}"
        return status_code, headers, chunk


#: Files worth compressing (text); fonts and images are compressed already.
GZIP_SOORTEN = (".js", ".mjs", ".css", ".html", ".json", ".svg", ".map", ".txt", ".xml", ".ttf", ".otf")
GZIP_MIN_BYTES = 1024
GZIP_MAX_BYTES = 20 * 2**20
#: Compressed copies, by (path, size, mtime): each file is compressed once per process, so a
#: new visitor costs no compression time (Voila's front end is about 4.7 MB in 91 files).
_GZIP_CACHE: dict[tuple[str, int, int], bytes] = {}


class Gecomprimeerd(tornado.web.StaticFileHandler):
    """Mixin for static files: gzip for browsers that accept it, compressed once and kept.

    Only whole-file requests of text files between 1 KB and 20 MB; a Range request gets
    the file as it is. ``Vary: Accept-Encoding`` tells caches that the two forms differ.
    """

    _gzip: bytes | None = None

    def set_extra_headers(self, path: str) -> None:
        super().set_extra_headers(path)
        self.set_header("Vary", "Accept-Encoding")
        self._gzip = self._gecomprimeerd()
        if self._gzip is not None:
            self.set_header("Content-Encoding", "gzip")
            gzip_inhoud = self._gzip

            def inhoud(abspath: str, start: int | None = None, end: int | None = None) -> Iterator[bytes]:
                yield gzip_inhoud

            # An instance attribute: the class method stays as it is for Tornado's version hash.
            self.get_content = inhoud  # type: ignore[method-assign,assignment]

    def get_content_size(self) -> int:
        return len(self._gzip) if self._gzip is not None else super().get_content_size()

    def _gecomprimeerd(self) -> bytes | None:
        if "gzip" not in self.request.headers.get("Accept-Encoding", "") or "Range" in self.request.headers:
            return None
        return gzip_kopie(self.absolute_path or "")


def gzip_kopie(pad: str) -> bytes | None:
    """The kept gzip form of a text file between 1 KB and 20 MB (made once); else None.

    Keyed by (absolute path, size, mtime): a rebuilt file is never served from an old copy."""
    import gzip

    if not pad.lower().endswith(GZIP_SOORTEN):
        return None
    st = os.stat(pad)
    if not GZIP_MIN_BYTES <= st.st_size <= GZIP_MAX_BYTES:
        return None
    sleutel = (pad, st.st_size, st.st_mtime_ns)
    if sleutel not in _GZIP_CACHE:
        with open(pad, "rb") as f:
            _GZIP_CACHE[sleutel] = gzip.compress(f.read(), compresslevel=6, mtime=0)
    return _GZIP_CACHE[sleutel]


def vul_gzip_cache(mappen: list[str]) -> int:
    """Compress the text files of these folders now (in a thread at server start), so the
    first visitor after ``make serve`` does not wait for it; return how many were new."""
    voor = len(_GZIP_CACHE)
    for map_ in mappen:
        for wortel, _mappen, bestanden in os.walk(map_):
            for naam in bestanden:
                pad = os.path.abspath(os.path.join(wortel, naam))
                if os.path.islink(pad):
                    continue
                try:
                    gzip_kopie(pad)
                except OSError:  # gone or unreadable: compressed on request, or not at all
                    continue
    return len(_GZIP_CACHE) - voor


class NederlandseFouten(tornado.web.RequestHandler):
    """Mixin: every HTML error page in Dutch, without server details."""

    def write_error(self, status_code: int, **kwargs) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(foutpagina(status_code))


class BoekHandler(NederlandseFouten, Gecomprimeerd):
    """Serves the built book; a folder gets its index.html; unknown paths get a Dutch 404.

    Hidden files and folders (``.buildinfo``, ``.doctrees``) and paths with a NUL byte are
    never served.
    """

    def parse_url_path(self, url_path: str) -> str:
        if "\x00" in url_path or any(deel.startswith(".") for deel in url_path.split("/") if deel):
            raise tornado.web.HTTPError(404)
        return super().parse_url_path(url_path)


#: Background tasks we start (a reference keeps them from being garbage-collected).
_taken: set[asyncio.Task] = set()
#: Seconds from the start until every preheated calculator had run its notebook (None: not yet).
_KLAAR: dict[str, float | None] = {"na_seconden": None}


class StatusHandler(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        klaar = _KLAAR["na_seconden"]
        self.finish(json.dumps({"rekenserver": True, "rekenhulpen_klaar": klaar is not None, "klaar_na_s": klaar}))


def klaar_melding(seconden: float, aantal: int) -> str:
    """The line ``make serve`` ends with once the calculators can be used.

    >>> klaar_melding(14.26, 8)
    'De 8 rekenhulpen staan klaar (na 14 seconden).'
    """
    return f"De {aantal} rekenhulpen staan klaar (na {round(seconden)} seconden)."


async def wacht_op_voorverwarmen(kernel_manager, begin: float) -> int:
    """Wait until every preheated kernel has started and run its notebook; return how many.

    Voila's pool holds one task per kernel; its result holds the render task, which ends
    when the notebook has run. A kernel that fails to start does not stop the others (its
    visitor gets Voila's own message later). Until this returns, a first visitor waits for
    a kernel that is still starting, so ``make serve`` only says "klaar" afterwards.
    """
    klaar = 0
    for pool in list(getattr(kernel_manager, "_pools", {}).values()):
        for item in list(pool):
            try:
                inhoud = await asyncio.shield(item)
                await asyncio.shield(inhoud["task"])
                klaar += 1
            except Exception:  # noqa: BLE001 - one broken kernel must not hide the others
                continue
    _KLAAR["na_seconden"] = time.monotonic() - begin
    return klaar


# Voila routes we do not want: the notebook tree, the contents API, login and logout (no
# accounts here; /logout gave a 500).
_WEG = (re.compile(r"/voila/tree"), re.compile(r"/voila/api/contents"), re.compile(r"^/?log(in|out)"))

#: Set by a render request for the duration of that request: has it got its kernel yet?
_BEZOEK: contextvars.ContextVar[dict | None] = contextvars.ContextVar("doorbraak_bezoek", default=None)


def _veilig_bericht(msg_type: str, content: dict) -> dict | None:
    """The content the browser may see for a kernel message; ``None``: do not send it.

    Tracebacks and error values can hold server paths and code: an error reaches the browser
    as a Dutch sentence only. Output on stderr (warnings with file names) is not sent.
    """
    if msg_type == "error":
        return {
            "ename": "Fout",
            "evalue": "De rekenhulp kon dit niet uitrekenen.",
            "traceback": ["De rekenhulp kon dit niet uitrekenen. Controleer wat je invulde."],
        }
    if msg_type == "execute_reply" and content.get("status") == "error":
        return {
            **{k: v for k, v in content.items() if k not in ("traceback", "evalue", "ename")},
            "ename": "Fout",
            "evalue": "",
            "traceback": [],
        }
    if msg_type == "stream" and content.get("name") == "stderr":
        return None
    return content


def filter_kernelbericht(bericht: bytes | str | dict) -> bytes | str | dict | None:
    """Apply :func:`_veilig_bericht` to a websocket message (v1 binary, JSON text or dict)."""
    from jupyter_server.services.kernels.connection.base import (
        deserialize_msg_from_ws_v1,
        serialize_msg_to_ws_v1,
    )

    if isinstance(bericht, bytes):
        try:
            kanaal, delen = deserialize_msg_from_ws_v1(bericht)
            kop = json.loads(delen[0])
            soort = kop.get("msg_type", "")
            if soort not in ("error", "execute_reply", "stream"):
                return bericht
            inhoud = _veilig_bericht(soort, json.loads(delen[3]))
        except (ValueError, IndexError, UnicodeDecodeError):
            return None  # unreadable: do not pass on what we cannot check
        if inhoud is None:
            return None
        delen = [*delen[:3], json.dumps(inhoud).encode("utf-8"), *delen[4:]]
        return serialize_msg_to_ws_v1(delen, kanaal)
    gegevens = bericht
    if isinstance(bericht, str):
        try:
            gegevens = json.loads(bericht)
        except ValueError:
            return None
    if not isinstance(gegevens, dict):
        return bericht
    soort = (gegevens.get("header") or {}).get("msg_type", "")
    if soort not in ("error", "execute_reply", "stream"):
        return bericht
    inhoud = _veilig_bericht(soort, gegevens.get("content") or {})
    if inhoud is None:
        return None
    gegevens = {**gegevens, "content": inhoud}
    return json.dumps(gegevens) if isinstance(bericht, str) else gegevens


def _fout_in_cel(uitvoer: dict) -> None:
    """Replace a cell error (Voila's English 'There was an error…') by a Dutch message.

    A ``DoorbraakFout`` carries a complete Dutch message for the user; anything else becomes
    a general Dutch sentence (details stay in the server log).
    """
    if uitvoer.get("ename") == "DoorbraakFout" and uitvoer.get("evalue"):
        tekst = str(uitvoer["evalue"])
    else:
        tekst = "De rekenhulp kan nu niet starten. Probeer het later opnieuw."
    uitvoer["ename"] = "Fout"
    uitvoer["evalue"] = tekst
    uitvoer["traceback"] = [tekst]


def _installeer_nederlandse_celfouten() -> None:
    """Voila strips cell errors into an English text; keep our Dutch DoorbraakFout instead."""
    from voila.execute import VoilaExecutor

    if getattr(VoilaExecutor, "_doorbraak", False):
        return

    def strip_code_cell_errors(self, cell):
        if cell.get("cell_type") != "code":
            return cell
        for uitvoer in cell.get("outputs", []):
            if uitvoer.get("output_type") == "error":
                _fout_in_cel(uitvoer)
        return cell

    VoilaExecutor.strip_code_cell_errors = strip_code_cell_errors
    VoilaExecutor._doorbraak = True


def maak_app(max_kernels: int | None = None):
    """The Voila application with the book on the same origin (voila imported here, lazily)."""
    import jinja2
    from jupyter_server.base.handlers import JupyterHandler
    from voila.app import Voila
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

    _installeer_nederlandse_celfouten()
    grens = max_kernels or standaard_kernelgrens()

    class DoorbraakVoila(Voila):
        """Voila with the book on the same origin and without the notebook tree."""

        name = "doorbraakwijzer"
        boek_map = str(BUILD_HTML)
        kernelgrens = grens

        def init_settings(self):
            settings = super().init_settings()
            settings["transforms"] = [Beveiligingskoppen]
            # XSRF stays on: the page's shutdown-on-close call sends the _xsrf cookie back.
            settings["xsrf_cookies"] = True
            settings["xsrf_cookie_kwargs"] = {"samesite": "Strict", "path": "/"}
            self.identity_provider.cookie_options = {"samesite": "Strict"}
            # Error pages of Jupyter handlers: our Dutch templates first.
            oud = settings["jinja2_env"]
            settings["jinja2_env"] = oud.overlay(
                loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(SJABLOON)), oud.loader])
            )
            self._bezoeken: set[int] = set()
            self._markeer_opgehaalde_kernel_actief()
            return settings

        def bezette_kernels(self) -> int:
            """Kernels of visitors: all kernels minus those that belong to the preheated pools.

            A pool entry that is still starting counts as pool too (its kernel may already be
            registered): otherwise a refilling pool would take visitor places, and on a busy
            machine, where preheating takes minutes, nobody would get in.
            """
            km = self.kernel_manager
            in_pool = sum(len(pool) for pool in getattr(km, "_pools", {}).values())
            alle = set(km.list_kernel_ids()) | set(getattr(km, "_pending_kernels", {}) or {})
            return max(0, len(alle) - in_pool)

        def markeer_actief(self, kernel_id: str | None) -> None:
            """The idle clock of a visitor's kernel starts again: when it leaves the pool, and
            when its page has been sent. The browser then has the full culling time to connect
            its websocket, however long rendering took on a busy machine."""
            from jupyter_server._tz import utcnow

            if not kernel_id:
                return
            try:
                self.kernel_manager.get_kernel(kernel_id).last_activity = utcnow()
            except (KeyError, TypeError):
                pass

        def _markeer_opgehaalde_kernel_actief(self):
            """A kernel taken from the preheated pool counts as just used.

            Voila takes a preheated kernel out of its pool before the browser connects. If that
            kernel had been idle longer than cull_idle_timeout, the culler could stop it in
            those seconds and the visitor would never get a working calculator (found and
            measured by bench/opruimen.py). Marking it active when it leaves the pool closes
            that window. It also tells the kernel cap that this request has its kernel.
            """

            km = self.kernel_manager
            ophalen = getattr(km, "get_rendered_notebook", None)
            if ophalen is not None:

                async def get_rendered_notebook(*args, **kwargs):
                    gevonden = await ophalen(*args, **kwargs)
                    bezoek = _BEZOEK.get()
                    if bezoek is not None:
                        bezoek["kernel"] = True
                        bezoek["kernel_id"] = gevonden[2]
                    self.markeer_actief(gevonden[2])
                    return gevonden

                km.get_rendered_notebook = get_rendered_notebook
            starten = km.start_kernel

            async def start_kernel(*args, **kwargs):
                # Marked only once the kernel is registered: until then the request itself
                # holds its place under the cap (a starting kernel is not listed yet).
                bezoek = _BEZOEK.get()
                kernel_id = await starten(*args, **kwargs)
                if bezoek is not None:
                    bezoek["kernel"] = True
                    if not bezoek.get("kernel_id"):
                        bezoek["kernel_id"] = kernel_id
                return kernel_id

            km.start_kernel = start_kernel

        def stop(self):
            """Shut down every kernel (pool included) before Voila removes its files."""
            try:
                self.ioloop.run_sync(lambda: self.kernel_manager.shutdown_all(now=True), timeout=15)
            except Exception:  # already gone or timed out: nothing more to clean up
                pass
            super().stop()

        def init_handlers(self):
            app = self
            wachtend: list[dict] = []
            app.gzip_mappen: list[str] = []  # Voila's static folders, compressed at the start

            class RekenhulpHandler(TornadoVoilaHandler):
                """A calculator page, within the kernel cap; the _xsrf cookie is set here."""

                async def get(self, path=None):
                    bezig = sum(1 for b in wachtend if not b["kernel"])
                    if app.bezette_kernels() + bezig >= app.kernelgrens:
                        self.set_status(503)
                        self.set_header("Retry-After", str(DRUK_WACHT_SECONDEN))
                        self.set_header("Content-Type", "text/html; charset=utf-8")
                        self.set_header("Cache-Control", "no-store")
                        self.finish(foutpagina(503))
                        return
                    self.xsrf_token  # noqa: B018 - sets the _xsrf cookie the shutdown call needs
                    bezoek = {"kernel": False}
                    wachtend.append(bezoek)
                    token = _BEZOEK.set(bezoek)
                    try:
                        await super().get(path)
                    finally:
                        _BEZOEK.reset(token)
                        wachtend.remove(bezoek)
                        app.markeer_actief(bezoek.get("kernel_id"))

            class VeiligeKernelWebsocket(VoilaKernelWebsocketHandler):
                """The kernel websocket without tracebacks or stderr for the browser."""

                def write_message(self, message, binary=False):
                    veilig = filter_kernelbericht(message)
                    if veilig is None:
                        return None
                    return super().write_message(veilig, binary)

            vervang = {TornadoVoilaHandler: RekenhulpHandler, VoilaKernelWebsocketHandler: VeiligeKernelWebsocket}
            handlers = []
            for h in super().init_handlers():
                patroon = h[0]
                if patroon.rstrip("/") == self.server_url.rstrip("/") or any(w.search(patroon) for w in _WEG):
                    continue
                klasse = vervang.get(h[1], h[1])
                if not issubclass(klasse, JupyterHandler) and issubclass(klasse, tornado.web.RequestHandler):
                    klasse = _met_nederlandse_fouten(klasse)
                elif issubclass(klasse, tornado.web.StaticFileHandler) and not issubclass(klasse, Gecomprimeerd):
                    # Jupyter's own static handlers (labextensions, template files): gzip too.
                    klasse = type(klasse.__name__, (Gecomprimeerd, klasse), {})
                handlers.append((h[0], klasse, *h[2:]))
                if issubclass(klasse, Gecomprimeerd) and len(h) > 2 and isinstance(h[2], dict):
                    for sleutel in ("path", "paths"):
                        waarde = h[2].get(sleutel)
                        app.gzip_mappen += [waarde] if isinstance(waarde, str) else list(waarde or [])
            # Voila's front end (about 4.7 MB) compressed in the background while kernels preheat.
            import threading

            threading.Thread(target=vul_gzip_cache, args=(list(app.gzip_mappen),), name="gzip", daemon=True).start()
            handlers.append((r"/doorbraakwijzer/status\.json", StatusHandler))
            handlers.append((r"/(.*)", BoekHandler, {"path": self.boek_map, "default_filename": "index.html"}))
            return handlers

    return DoorbraakVoila()


def _met_nederlandse_fouten(klasse: type) -> type:
    """A subclass of a (static file) handler: Dutch error pages, and a 404 (not a 500) for
    a path it cannot parse (``/voila/templates/x`` crashed Voila's template handler)."""

    def parse_url_path(self, url_path):
        if "\x00" in url_path:
            raise tornado.web.HTTPError(404)
        try:
            return klasse.parse_url_path(self, url_path)
        except (ValueError, AssertionError, IndexError):
            raise tornado.web.HTTPError(404) from None

    basis = (
        (NederlandseFouten, Gecomprimeerd, klasse)
        if issubclass(klasse, tornado.web.StaticFileHandler)
        else (NederlandseFouten, klasse)
    )
    return type(klasse.__name__, basis, {"parse_url_path": parse_url_path})


#: Seconds a notebook cell may run, and wait for its output after its reply.
CEL_SECONDEN = 60


#: The JupyterLab front-end plugins a calculator page loads (ipywidgets 8 in Voila).
FRONTEND_PLUGINS = ("@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8")


def voila_argumenten(poort: int, host: str, pool: int) -> list[str]:
    """Command-line configuration for Voila; the reason for each choice is next to it."""
    return [
        str(DASHBOARDS),
        f"--port={poort}",
        f"--Voila.ip={host}",
        "--no-browser",
        "--Voila.port_retries=0",
        "--VoilaConfiguration.template=doorbraak",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.preheat_kernel=True",
        f"--VoilaConfiguration.default_pool_size={pool}",
        f"--VoilaExecutor.timeout={CEL_SECONDEN}",
        # After a cell's reply, nbclient waits only 4 s for its output (display_data) and
        # then goes on without it: on a busy machine (many calculators starting at once) the
        # page then came without its widgets. Wait as long as a cell may run.
        f"--VoilaExecutor.iopub_timeout={CEL_SECONDEN}",
        "--VoilaExecutor.cell_error_instruction=",
        "--VoilaExecutor.cell_timeout_instruction=Laad de pagina opnieuw.",
        # A kernel nobody is connected to (page closed, or never opened) stops within a minute;
        # a connected reader keeps it (cull_connected=False).
        f"--MappingKernelManager.cull_idle_timeout={CULL_SECONDEN}",
        f"--MappingKernelManager.cull_interval={CULL_INTERVAL}",
        "--MappingKernelManager.cull_connected=False",
        # Kernels talk to the server over Unix sockets in Voila's private connection folder,
        # not over TCP ports on 127.0.0.1. With TCP, jupyter_client picks free ports, frees
        # them and lets the kernel bind them: a second server process on the same machine
        # (the nginx set-up, or two test workers) could take a port in between, and the
        # kernel died with "Address already in use" while the page kept saying "De
        # rekenhulp wordt geladen". A socket file cannot be taken by another process, and
        # no other local user can reach it.
        "--KernelManager.transport=ipc",
        # Quiet by default; DOORBRAAK_LOGNIVEAU=INFO shows pool use and culling (the tests do).
        f"--Voila.log_level={logniveau()}",
    ]


def logniveau() -> str:
    """Voila's log level: ``DOORBRAAK_LOGNIVEAU`` (DEBUG, INFO, WARNING, ERROR), else ERROR."""
    niveau = os.environ.get("DOORBRAAK_LOGNIVEAU", "").strip().upper()
    return niveau if niveau in {"DEBUG", "INFO", "WARNING", "ERROR"} else "ERROR"


def jupyter_pad(omgeving: dict[str, str] | None = None) -> str:
    """``JUPYTER_PATH`` with our data folder first (its template and kernel spec win)."""
    eerder = (omgeving if omgeving is not None else os.environ).get("JUPYTER_PATH", "")
    return os.pathsep.join(p for p in (str(JUPYTER_MAP), eerder) if p)


def controleer_gegevens() -> int:
    """Exit code 0 when every data file loads; otherwise 2 with the Dutch message on stderr."""
    from calculators.gegevens import controleer_alle_gegevens
    from calculators.kern.fouten import DoorbraakFout

    try:
        controleer_alle_gegevens()
    except DoorbraakFout as fout:
        print(fout, file=sys.stderr, flush=True)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start het handboek met rekenhulpen.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--pool", type=int, default=int(os.environ.get("POOL", "1")))
    parser.add_argument(
        "--max-kernels",
        default=os.environ.get("MAX_KERNELS", ""),
        help="hoeveel bezoekers tegelijk een rekenhulp open mogen hebben "
        f"(standaard op deze machine: {standaard_kernelgrens()})",
    )
    args = parser.parse_args(argv)
    grens = _geheel_getal("--max-kernels", args.max_kernels, 1) if str(args.max_kernels).strip() else None
    if not (BUILD_HTML / "index.html").exists():
        print("Het handboek is nog niet gebouwd. Gebruik 'make serve'.", file=sys.stderr)
        return 2
    code = controleer_gegevens()
    if code:
        return code
    begin = time.monotonic()
    app = maak_app(grens)
    print(
        f"Doorbraakwijzer draait op http://{args.host}:{args.port}/  (stoppen: Ctrl-C; "
        f"tot {app.kernelgrens} bezoekers tegelijk). De rekenhulpen worden klaargezet...",
        flush=True,
    )
    # The calculator kernels import the package from the repository.
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    os.environ["JUPYTER_PATH"] = jupyter_pad()
    logging.getLogger("tornado.general").setLevel(logging.ERROR)  # "closed stream" noise at shutdown
    # No file of the dashboards folder is served under /voila/files (set here and not on the
    # command line: traitlets warns about list values given there).
    app.config.VoilaConfiguration.file_allowlist = []
    # Only the two widget managers run in a calculator page. The third front-end plugin
    # installed with Voila, jupyterlab_pygments, colours source code, and the pages show no
    # code: it cost a bundle and two chunks per page. A plugin installed later (pip) does
    # not end up in the calculators unnoticed.
    app.config.VoilaConfiguration.extension_allowlist = list(FRONTEND_PLUGINS)
    try:
        app.initialize(voila_argumenten(args.port, args.host, args.pool))
        # Ctrl-C / SIGTERM stop the event loop from outside any task, so nothing half-done
        # raises KeyboardInterrupt; stop() then shuts the kernels down.
        signal.signal(signal.SIGINT, app._handle_signal_stop)
        signal.signal(signal.SIGTERM, app._handle_signal_stop)

        async def meld_klaar() -> None:
            aantal = await wacht_op_voorverwarmen(app.kernel_manager, begin)
            if aantal:
                print(klaar_melding(time.monotonic() - begin, aantal), flush=True)

        # Voila's pool tasks live on this loop too; they run once app.start() starts it.
        _taken.add(asyncio.get_event_loop().create_task(meld_klaar()))
        app.start()
    except KeyboardInterrupt:
        pass
    print("Doorbraakwijzer is gestopt.", flush=True)
    return 0


def start() -> int:
    """Run :func:`main`; Ctrl-C while starting up still ends quietly."""
    try:
        return main()
    except KeyboardInterrupt:
        print("Doorbraakwijzer is gestopt.", flush=True)
        return 0


if __name__ == "__main__":
    sys.exit(start())
