"""Test of the example load balancer: bench/nginx-doorbraakwijzer.conf with Debian's nginx.

Starts two real servers on free loopback ports and nginx (from the example file, only the
ports changed) in front of them, then opens several calculator sessions through nginx.
Checked: every session becomes usable and answers to typing (so the kernel websocket reached
the process that owns the kernel), the sessions are spread over both processes, and the
route cookie is set. Skipped with a note when nginx is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bench.gemeen import (
    BRUIKBAAR_SELECTOR,
    KOPIE,
    ROOT,
    WERKMAP,
    Server,
    chromium,
    log,
    nieuwe_context,
    samenvatting,
    vrije_poort,
    wacht_op,
)
from bench.interactie import EEN_WIJZIGING, zoekteksten

VOORBEELD = ROOT / "bench" / "nginx-doorbraakwijzer.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def maak_config(map_: Path, poort: int, achter: list[int]) -> Path:
    """The example file with our ports, inside a minimal nginx main configuration."""
    tekst = VOORBEELD.read_text(encoding="utf-8")
    tekst = tekst.replace("listen 127.0.0.1:8080;", f"listen 127.0.0.1:{poort};")
    for oud, nieuw in zip((8001, 8002), achter, strict=False):
        tekst = tekst.replace(f"server 127.0.0.1:{oud} ", f"server 127.0.0.1:{nieuw} ")
    (map_ / "doorbraakwijzer.conf").write_text(tekst, encoding="utf-8")
    hoofd = map_ / "nginx.conf"
    hoofd.write_text(
        "worker_processes 1;\n"
        "daemon off;\n"
        f"pid {map_}/nginx.pid;\n"
        f"error_log {map_}/error.log warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"  access_log {map_}/access.log;\n"
        f"  client_body_temp_path {map_}/tmp-body;\n  proxy_temp_path {map_}/tmp-proxy;\n"
        f"  fastcgi_temp_path {map_}/tmp-fcgi;\n  uwsgi_temp_path {map_}/tmp-uwsgi;\n"
        f"  scgi_temp_path {map_}/tmp-scgi;\n"
        f"  include {map_}/doorbraakwijzer.conf;\n"
        "}\n",
        encoding="utf-8",
    )
    return hoofd


def meet(root: Path = KOPIE, sessies: int = 8, wijzigingen: int = 10) -> dict:
    if not Path(NGINX).exists():
        return {"overgeslagen": "nginx is niet geïnstalleerd (apt-get install nginx-light)"}
    map_ = WERKMAP / "nginx"
    shutil.rmtree(map_, ignore_errors=True)
    map_.mkdir(parents=True)
    servers = [Server(root=root, cull_seconden=300, cull_interval=30) for _ in range(2)]
    nginx = None
    try:
        for s in servers:
            s.start()
        poort = vrije_poort()
        conf = maak_config(map_, poort, [s.poort for s in servers])
        test = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(map_)], capture_output=True, text=True)
        if test.returncode != 0:
            return {"fout": "nginx -t keurt de configuratie af: " + test.stderr[-500:]}
        nginx = subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(map_)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{poort}"
        wacht_op(url + "/doorbraakwijzer/status.json", 30)
        voor = [len(s.kernels()) for s in servers]
        teksten = zoekteksten("prijzen", aantal=wijzigingen + 1)
        tijden, fouten, cookies = [], [], 0
        with chromium() as browser:
            contexten = []
            for _i in range(sessies):
                c = nieuwe_context(browser)
                p = c.new_page()
                p.goto(url + "/voila/render/prijzen.ipynb", wait_until="commit", timeout=60_000)
                contexten.append((c, p))
            for c, p in contexten:
                try:
                    p.wait_for_selector(BRUIKBAAR_SELECTOR, state="visible", timeout=120_000)
                    p.wait_for_timeout(300)
                    for t in teksten[:wijzigingen]:
                        r = p.evaluate(EEN_WIJZIGING, [t, 10_000, "status", 0, False])
                        (tijden.append(r["ms"]) if "ms" in r else fouten.append(r.get("fout", "?")))
                    if any(k["name"] == "dbw_route" for k in c.cookies()):
                        cookies += 1
                except Exception as fout:
                    fouten.append(f"{type(fout).__name__}")
            na = [len(s.kernels()) for s in servers]
            for c, _p in contexten:
                c.close()
        per_proces = [n - v for n, v in zip(na, voor, strict=False)]
        return {
            "sessies": sessies,
            "wijzigingen_per_sessie": wijzigingen,
            "interactie": samenvatting(tijden),
            "fouten": len(fouten),
            "fout_soorten": sorted(set(fouten)),
            "sessies_per_proces": per_proces,
            "cookie_gezet": cookies,
            "nginx": subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr.strip(),
            "geslaagd": not fouten and all(n > 0 for n in per_proces) and cookies == sessies,
        }
    finally:
        if nginx is not None:
            nginx.terminate()
            try:
                nginx.wait(timeout=10)
            except subprocess.TimeoutExpired:
                nginx.kill()
        for s in servers:
            s.stop()
        log("balans: klaar")


if __name__ == "__main__":
    import json

    print(json.dumps(meet(), indent=2))
