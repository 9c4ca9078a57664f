"""Start the real server for a benchmark, with a short idle-culling time.

``python bench/serverstart.py --port P [--pool N] [--cull S] [--cull-interval S]``, with
``PYTHONPATH`` set to the root of a repository (copy). It runs ``calculators.server.app.main``
unchanged; only the culling options in ``voila_argumenten`` are replaced, so the bench
measures the product as it is served.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Server voor de metingen.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pool", type=int, default=1)
    parser.add_argument("--cull", type=int, default=900, help="seconden tot een ongebruikte kernel stopt")
    parser.add_argument("--cull-interval", type=int, default=60)
    parser.add_argument(
        "--cull-fix", action="store_true", help="proef: markeer een kernel als actief zodra Voila hem uit de pool haalt"
    )
    args = parser.parse_args(argv)

    import calculators.server.app as server

    origineel = server.voila_argumenten
    # Traitlets refuses an option given twice: drop the culling options we replace.
    eigen = ("--MappingKernelManager.cull_idle_timeout=", "--MappingKernelManager.cull_interval=")

    def met_cull(poort: int, host: str, pool: int) -> list[str]:
        return [a for a in origineel(poort, host, pool) if not a.startswith(eigen)] + [
            f"--MappingKernelManager.cull_idle_timeout={args.cull}",
            f"--MappingKernelManager.cull_interval={args.cull_interval}",
        ]

    server.voila_argumenten = met_cull
    if args.cull_fix:
        _met_cull_fix(server)
    return server.main(["--port", str(args.port), "--host", "127.0.0.1", "--pool", str(args.pool)])


def _met_cull_fix(server) -> None:
    """Proposed fix, tried here only: a kernel taken from the pool counts as just used.

    Voila takes a preheated kernel out of its pool before the browser connects; until then
    the idle culler may stop it. Marking it active at that moment closes the window.
    """
    from jupyter_server._tz import utcnow

    origineel = server.maak_app

    def maak_app(*args, **kwargs):
        app = origineel(*args, **kwargs)
        instellingen = app.init_settings

        def init_settings():
            uitkomst = instellingen()  # Voila makes its kernel manager here
            km = app.kernel_manager
            ophalen = km.get_rendered_notebook

            async def get_rendered_notebook(*a, **kw):
                gevonden = await ophalen(*a, **kw)
                try:
                    km.get_kernel(gevonden[2]).last_activity = utcnow()
                except KeyError:
                    pass
                return gevonden

            km.get_rendered_notebook = get_rendered_notebook
            return uitkomst

        app.init_settings = init_settings
        return app

    server.maak_app = maak_app


if __name__ == "__main__":
    sys.exit(main())
