"""One origin for the book and the calculators.

``python -m calculators.server.app`` starts Voila for the dashboards in
``calculators/dashboards/`` and, on the same host and port, serves the built book from
``_build/html``. A book page can then embed a calculator in an iframe without
cross-origin or framing problems.

What is exposed, on purpose:
- ``/`` and everything below: the static book (path traversal is refused by Tornado's
  StaticFileHandler);
- ``/voila/render/<naam>.ipynb``: a calculator (sources stripped);
- ``/voila/static``, ``/voila/labextensions``, the kernel websocket of a running
  calculator (Voila only lets widget messages through, never ``execute_request``);
- ``/doorbraakwijzer/status.json``: tells a book page that the calculators run.
Not exposed: the notebook tree, the contents API, terminals, starting kernels by REST.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import signal
import sys
from pathlib import Path

import tornado.web

from calculators.kern.paden import BUILD_HTML, DASHBOARDS, ROOT

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self' ws: wss:",
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "object-src 'none'",
        "base-uri 'self'",
    ]
)
BEVEILIGINGSKOPPEN = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class Beveiligingskoppen(tornado.web.OutputTransform):
    """Adds the security headers to every HTTP response."""

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        for naam, waarde in BEVEILIGINGSKOPPEN.items():
            headers[naam] = waarde
        headers.pop("Server", None)
        return status_code, headers, chunk


class BoekHandler(tornado.web.StaticFileHandler):
    """Serves the built book; a folder gets its index.html; unknown paths get a Dutch 404."""

    def write_error(self, status_code: int, **kwargs) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        tekst = {404: "Deze pagina bestaat niet.", 403: "Deze pagina mag je niet openen."}.get(
            status_code, "Er ging iets mis."
        )
        self.finish(
            '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
            f"<title>{status_code} – Doorbraakwijzer</title></head><body><main>"
            f"<h1>{tekst}</h1><p><a href=\"/\">Naar de voorpagina van Doorbraakwijzer</a></p>"
            "</main></body></html>"
        )


class StatusHandler(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps({"rekenserver": True}))


# Voila routes we do not want: the notebook tree and the contents API.
_WEG = (re.compile(r"/voila/tree"), re.compile(r"/voila/api/contents"))


def maak_app():
    """The Voila application with the book on the same origin (voila imported here, lazily)."""
    from voila.app import Voila

    class DoorbraakVoila(Voila):
        """Voila with the book on the same origin and without the notebook tree."""

        name = "doorbraakwijzer"
        boek_map = str(BUILD_HTML)

        def init_settings(self):
            settings = super().init_settings()
            settings["transforms"] = [Beveiligingskoppen]
            settings["xsrf_cookies"] = False
            self._markeer_opgehaalde_kernel_actief()
            return settings

        def _markeer_opgehaalde_kernel_actief(self):
            """A kernel taken from the preheated pool counts as just used.

            Voila takes a preheated kernel out of its pool before the browser connects. If that
            kernel had been idle longer than cull_idle_timeout, the culler could stop it in
            those seconds and the visitor would never get a working calculator (found and
            measured by bench/opruimen.py). Marking it active when it leaves the pool closes
            that window.
            """
            from jupyter_server._tz import utcnow

            km = self.kernel_manager
            ophalen = getattr(km, "get_rendered_notebook", None)
            if ophalen is None:  # no preheating
                return

            async def get_rendered_notebook(*args, **kwargs):
                gevonden = await ophalen(*args, **kwargs)
                try:
                    km.get_kernel(gevonden[2]).last_activity = utcnow()
                except (KeyError, IndexError, TypeError):
                    pass
                return gevonden

            km.get_rendered_notebook = get_rendered_notebook

        def stop(self):
            """Shut down every kernel (pool included) before Voila removes its files."""
            try:
                self.ioloop.run_sync(lambda: self.kernel_manager.shutdown_all(now=True), timeout=15)
            except Exception:  # already gone or timed out: nothing more to clean up
                pass
            super().stop()

        def init_handlers(self):
            handlers = []
            for h in super().init_handlers():
                patroon = h[0]
                if patroon.rstrip("/") == self.server_url.rstrip("/") or any(w.search(patroon) for w in _WEG):
                    continue
                handlers.append(h)
            handlers.append((r"/doorbraakwijzer/status\.json", StatusHandler))
            handlers.append((r"/(.*)", BoekHandler, {"path": self.boek_map, "default_filename": "index.html"}))
            return handlers

    return DoorbraakVoila()


def voila_argumenten(poort: int, host: str, pool: int) -> list[str]:
    """Command-line configuration for Voila (documented in the README)."""
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
        "--VoilaConfiguration.file_allowlist=[]",
        "--VoilaExecutor.timeout=60",
        "--MappingKernelManager.cull_idle_timeout=900",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
        "--Voila.log_level=ERROR",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start het handboek met rekenhulpen.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--pool", type=int, default=int(os.environ.get("POOL", "1")))
    args = parser.parse_args(argv)
    if not (BUILD_HTML / "index.html").exists():
        print("Het handboek is nog niet gebouwd. Gebruik 'make serve'.", file=sys.stderr)
        return 2
    print(f"Doorbraakwijzer draait op http://{args.host}:{args.port}/  (stoppen: Ctrl-C)", flush=True)
    # The calculator kernels import the package from the repository.
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    # Our Voila template (calculators/server/jupyter/voila/templates/doorbraak): lab without CDN links.
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(Path(__file__).resolve().parent / "jupyter"), os.environ.get("JUPYTER_PATH", "")) if p)
    app = maak_app()
    logging.getLogger("tornado.general").setLevel(logging.ERROR)  # "closed stream" noise at shutdown
    try:
        app.initialize(voila_argumenten(args.port, args.host, args.pool))
        # Ctrl-C / SIGTERM stop the event loop from outside any task, so nothing half-done
        # raises KeyboardInterrupt; stop() then shuts the kernels down.
        signal.signal(signal.SIGINT, app._handle_signal_stop)
        signal.signal(signal.SIGTERM, app._handle_signal_stop)
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
