"""Kernel cap, culling and lazy frames: no visitor can make the server start kernels without end."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import ROOT, vrije_poort, wacht_op

pytestmark = pytest.mark.browser


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=90) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.fixture
def kleine_server(boek_build, tmp_path):
    """A server that allows one visitor at a time (MAX_KERNELS=1); its output goes to a file."""
    poort = vrije_poort()
    log = open(tmp_path / "server.log", "w", encoding="utf-8")  # noqa: SIM115
    proces = subprocess.Popen(
        [sys.executable, "-m", "calculators.server", "--port", str(poort)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "DOORBRAAK_BOEK": str(boek_build.html), "MAX_KERNELS": "1", "POOL": "0"},
    )
    url = f"http://127.0.0.1:{poort}"
    try:
        wacht_op(url + "/doorbraakwijzer/status.json", 120)
        yield url
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()
        log.close()


def test_boven_de_grens_een_nederlandse_drukpagina_en_opruimen_binnen_een_minuut(kleine_server):
    import re

    status, _, body = get(kleine_server + "/voila/render/prijzen.ipynb")
    assert status == 200
    kernel_id = re.search(rb'"kernelId":\s*"([0-9a-f-]{36})"', body).group(1).decode()
    # The first visitor never connects; a second one is beyond the cap.
    status, koppen, body = get(kleine_server + "/voila/render/rendement.ipynb")
    assert status == 503
    assert koppen.get("Retry-After") == "60"
    tekst = body.decode("utf-8")
    assert "Het is nu druk, probeer het over een minuut opnieuw." in tekst and 'lang="nl"' in tekst
    # The never-connected kernel is culled within a minute (40 s idle, checked every 10 s).
    begin = time.monotonic()
    while time.monotonic() - begin < 90 and get(f"{kleine_server}/api/kernels/{kernel_id}")[0] == 200:
        time.sleep(2)
    duur = time.monotonic() - begin
    assert get(f"{kleine_server}/api/kernels/{kernel_id}")[0] == 404, "de ongebruikte kernel draait na 90 s nog"
    assert duur <= 62, f"opgeruimd na {duur:.0f} s"
    # Then there is room again.
    status, _, _ = get(kleine_server + "/voila/render/rendement.ipynb")
    assert status == 200


PAGINA = "/book/rekenhulpen/wat-levert-het-op.html"


def test_rekenhulp_start_pas_als_de_lezer_er_is(server_url, pagina):
    pagina.set_viewport_size({"width": 1366, "height": 700})
    pagina.goto(server_url + PAGINA)
    blok = pagina.locator('.rekenhulp[data-rekenhulp="rendement"]')
    blok.locator(".rekenhulp-start").wait_for(timeout=20_000)
    boven = pagina.evaluate("() => document.querySelector('.rekenhulp').getBoundingClientRect().top")
    assert boven > 700 + 300, "de rekenhulp staat op deze pagina te hoog voor deze test"
    time.sleep(2)
    assert pagina.locator("iframe.rekenhulp-frame").count() == 0, "de rekenhulp startte zonder lezer"
    blok.scroll_into_view_if_needed()
    pagina.locator("iframe.rekenhulp-frame").wait_for(timeout=20_000)


def test_rekenhulp_start_met_de_knop(server_url, pagina):
    pagina.set_viewport_size({"width": 1366, "height": 700})
    pagina.goto(server_url + PAGINA)
    knop = pagina.get_by_role("button", name="Open de rekenhulp")
    knop.wait_for(timeout=20_000)
    knop.dispatch_event("click")  # without scrolling first
    pagina.locator("iframe.rekenhulp-frame").wait_for(state="attached", timeout=20_000)


def _boekpaginas(html):
    gezien = {}
    for pad in sorted(html.rglob("*.html")):
        if "_static" in pad.parts or "_sources" in pad.parts:
            continue
        tekst = pad.read_text(encoding="utf-8", errors="replace")
        for deel in tekst.split('data-rekenhulp="')[1:]:
            naam = deel.split('"', 1)[0]
            gezien.setdefault(naam, "/" + pad.relative_to(html).as_posix())
    return sorted(gezien.items())


def test_elke_rekenhulp_groeit_mee_met_de_inhoud(server_url, pagina, boek_build):
    """No inner scrollbar: the frame is as high as what the calculator shows (rendement is
    much higher than its starting height of 1400 px; it stayed at 1400 px)."""
    from conftest import wacht_op_rekenhulp

    paginas = _boekpaginas(boek_build.html)
    assert len(paginas) >= 5
    for naam, pad in paginas:
        pagina.goto(server_url + pad)
        wacht_op_rekenhulp(pagina, naam, timeout=180_000)  # plan starts slowly under load
        kiezer = f'.rekenhulp[data-rekenhulp="{naam}"] iframe'
        meting = """(k) => { const f = document.querySelector(k); const d = f.contentDocument;
            const cellen = [...d.querySelectorAll('.jp-Cell')].map(c => c.getBoundingClientRect())
              .filter(r => r.height > 0);
            const inhoud = Math.max(...cellen.map(r => r.bottom)) - Math.min(...cellen.map(r => r.top));
            return {frame: f.getBoundingClientRect().height, binnen: d.scrollingElement.scrollHeight,
                    zicht: d.scrollingElement.clientHeight, inhoud: inhoud}; }"""
        einde = time.monotonic() + 20
        while True:
            m = pagina.evaluate(meting, kiezer)
            goed = m["binnen"] <= m["zicht"] + 2 and m["frame"] <= m["inhoud"] + 150
            if goed or time.monotonic() > einde:
                break
            time.sleep(0.5)
        assert m["binnen"] <= m["zicht"] + 2, f"{naam}: schuifbalk in de rekenhulp ({m})"
        assert m["frame"] <= m["inhoud"] + 150, f"{naam}: rekenhulp veel hoger dan de inhoud ({m})"
        if naam == "rendement":
            assert m["frame"] > 1400, m
