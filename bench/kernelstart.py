"""What a calculator kernel costs to start: import time, time to build the widget, and memory.

Each calculator's dashboard does ``from calculators.<x>.widget import maak_<x>`` and calls it.
We run those two steps in a fresh Python process (as a new kernel does, without the kernel
itself) and measure wall time and the process's RSS afterwards. This shows which lever pays:
imports, indexes built at every start, or the widgets of the first render.

Then once per calculator in a real ipykernel (started with jupyter_client, as the server does):
its RSS and USS after the notebook ran. That is the figure the goal "<= 120 MB per kernel"
is about.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.gemeen import KOPIE, PY, env_getal, log, mediaan

_MEET = r"""
import json, sys, time
t0 = time.perf_counter(); c0 = time.process_time()
code = compile(sys.argv[1], "<import>", "exec")
ns = {}
exec(code, ns)
t1 = time.perf_counter(); c1 = time.process_time()
exec(compile(sys.argv[2], "<bouw>", "exec"), ns)
t2 = time.perf_counter(); c2 = time.process_time()
# The peak of this process's own memory (VmHWM). Not ru_maxrss: Linux keeps that across
# fork and exec, so it reports the bench process's peak when that was larger.
rss = next(int(r.split()[1]) for r in open("/proc/self/status") if r.startswith("VmHWM:")) / 1024
print(json.dumps({"import_s": t1 - t0, "bouw_s": t2 - t1, "import_cpu_s": c1 - c0, "bouw_cpu_s": c2 - c1,
                  "rss_mb": rss}))
"""


def _cellen(notebook: Path) -> tuple[str, str]:
    cellen = [
        "".join(c["source"])
        for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "code"
    ]
    imports = "\n".join(c for c in cellen if c.lstrip().startswith(("from ", "import ")))
    rest = "\n".join(c for c in cellen if not c.lstrip().startswith(("from ", "import ")))
    return imports, rest


_ECHT = r"""
import json, sys
import psutil
from jupyter_client.manager import start_new_kernel

km, kc = start_new_kernel(kernel_name="python3")
try:
    msg_id = kc.execute(sys.argv[1])
    fout = None
    while True:
        m = kc.get_iopub_msg(timeout=240)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "error":
            fout = m["content"]["ename"]
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    info = psutil.Process(km.provisioner.process.pid).memory_full_info()
    print(json.dumps({"rss_mb": info.rss / 2**20, "uss_mb": info.uss / 2**20, "fout": fout}))
finally:
    km.shutdown_kernel(now=True)
"""


def _in_kernel(code: str, root: Path, omgeving: dict) -> dict:
    r = subprocess.run([PY, "-c", _ECHT, code], cwd=root, env=omgeving, capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        return {"fout": (r.stderr.strip().splitlines() or ["?"])[-1][:200]}
    return json.loads(r.stdout.strip().splitlines()[-1])


def meet(root: Path = KOPIE) -> dict:
    rondes = int(env_getal("BENCH_KERNELSTART_RONDES", 3))
    uit = []
    omgeving = dict(os.environ, PYTHONPATH=str(root), VOILA_PREHEAT="False")
    # The server's kernel spec (calculators/server/jupyter/kernels/python3: ipykernel without
    # debugpy), from the copy that is measured, as the server puts it on JUPYTER_PATH.
    omgeving["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(root / "calculators" / "server" / "jupyter"), os.environ.get("JUPYTER_PATH", "")) if p
    )
    for nb in sorted((root / "calculators" / "dashboards").glob("*.ipynb")):
        imports, rest = _cellen(nb)
        metingen = []
        for _ in range(rondes):
            r = subprocess.run(
                [PY, "-c", _MEET, imports, rest], cwd=root, env=omgeving, capture_output=True, text=True, timeout=300
            )
            if r.returncode != 0:
                metingen.append({"fout": r.stderr.strip().splitlines()[-1][:200] if r.stderr.strip() else "?"})
                break
            metingen.append(json.loads(r.stdout.strip().splitlines()[-1]))
        goed = [m for m in metingen if "fout" not in m]
        rij = {
            "naam": nb.stem,
            "import_s": mediaan([m["import_s"] for m in goed]),
            "bouw_s": mediaan([m["bouw_s"] for m in goed]),
            "import_cpu_s": mediaan([m["import_cpu_s"] for m in goed]),
            "bouw_cpu_s": mediaan([m["bouw_cpu_s"] for m in goed]),
            "rss_mb": mediaan([m["rss_mb"] for m in goed]),
            "fouten": [m["fout"] for m in metingen if "fout" in m],
        }
        echt = _in_kernel(imports + "\n" + rest, root, omgeving)
        rij["kernel_rss_mb"] = echt.get("rss_mb")
        rij["kernel_uss_mb"] = echt.get("uss_mb")
        if echt.get("fout"):
            rij["fouten"].append(f"in de kernel: {echt['fout']}")
        uit.append(rij)
        log(
            f"kernelstart {nb.stem}: import {rij['import_s']} s (cpu {rij['import_cpu_s']}), "
            f"bouwen {rij['bouw_s']} s (cpu {rij['bouw_cpu_s']}), {rij['rss_mb']} MB"
        )
    return {"rekenhulpen": uit, "rondes": rondes}


if __name__ == "__main__":
    print(json.dumps(meet(Path(sys.argv[1]) if len(sys.argv) > 1 else KOPIE), indent=2))
