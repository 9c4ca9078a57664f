"""Start the real server for a benchmark, with a short idle-culling time.

``python -m bench.serverstart --port P [--pool N] [--cull S] [--cull-interval S]``, run from
the root of a repository (copy). It uses exactly the configuration of
``calculators.server`` (``voila_argumenten``) and only appends the culling settings, so the
bench measures the product as it is served.
"""

from __future__ import annotations

import argparse
import os
import sys

from calculators.paden import BUILD_HTML, ROOT
from calculators.server import DoorbraakVoila, voila_argumenten


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Server voor de metingen.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pool", type=int, default=1)
    parser.add_argument("--cull", type=int, default=900, help="seconden tot een ongebruikte kernel stopt")
    parser.add_argument("--cull-interval", type=int, default=60)
    args = parser.parse_args(argv)
    if not (BUILD_HTML / "index.html").exists():
        print(f"Het handboek is niet gebouwd in {BUILD_HTML}.", file=sys.stderr)
        return 2
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    # Traitlets refuses an option given twice: drop the culling options we replace.
    eigen = ("--MappingKernelManager.cull_idle_timeout=", "--MappingKernelManager.cull_interval=")
    argumenten = [a for a in voila_argumenten(args.port, "127.0.0.1", args.pool) if not a.startswith(eigen)] + [
        f"--MappingKernelManager.cull_idle_timeout={args.cull}",
        f"--MappingKernelManager.cull_interval={args.cull_interval}",
    ]
    app = DoorbraakVoila()
    try:
        app.initialize(argumenten)
        app.start()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
