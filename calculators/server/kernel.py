"""The kernel of a calculator: ipykernel without its debugger.

Voila starts every calculator in the kernel named in its notebook (``python3``). The
server puts ``calculators/server/jupyter`` first on ``JUPYTER_PATH``; its
``kernels/python3/kernel.json`` starts this module instead of ``ipykernel_launcher``.

What changes: ipykernel loads the debugger (debugpy) when it can import it. A visitor's
kernel never needs a debugger, and debugpy costs about 8 MB of memory in every kernel
(``bench/kernelstart.py`` measures it). With ``debugpy`` marked as absent, ipykernel
reports ``debugger: false`` and answers no debug requests. Everything else is ipykernel's
own launcher.
"""

from __future__ import annotations

import sys


def main() -> None:
    # A None entry makes `import debugpy` raise ImportError: ipykernel then runs without it.
    sys.modules["debugpy"] = None  # type: ignore[assignment]
    from ipykernel.kernelapp import launch_new_instance

    launch_new_instance()


if __name__ == "__main__":
    main()
