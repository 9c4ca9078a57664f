"""The server exposes the book and the calculators, and nothing that runs code."""

import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser  # needs the running server


def get(url, methode="GET", data=None):
    req = urllib.request.Request(url, method=methode, data=data)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_beveiligingskoppen(server_url):
    status, koppen, _ = get(server_url + "/book/welkom.html")
    assert status == 200
    assert koppen["X-Content-Type-Options"] == "nosniff"
    assert koppen["Referrer-Policy"]
    assert "frame-ancestors 'self'" in koppen["Content-Security-Policy"]


@pytest.mark.parametrize("pad", [
    "/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
    "/book/..%2f..%2f..%2fMakefile", "/%2e%2e%2f%2e%2e%2fREADME.md",
])
def test_padtraversal_wordt_geweigerd(server_url, pad):
    status, _, body = get(server_url + pad)
    assert status in (400, 403, 404)
    assert b"root:" not in body and b"make serve" not in body


@pytest.mark.parametrize("pad, methode", [
    ("/api/contents", "GET"), ("/voila/api/contents", "GET"), ("/voila/tree", "GET"),
    ("/api/terminals", "GET"), ("/api/terminals", "POST"), ("/api/kernels", "POST"),
    ("/api/kernels", "GET"), ("/api/sessions", "POST"),
    ("/voila/files/prijzen.ipynb", "GET"), ("/prijzen.ipynb", "GET"),
    ("/voila/files/../prijslijst.py", "GET"),
])
def test_jupyter_api_en_broncode_zijn_dicht(server_url, pad, methode):
    status, _, body = get(server_url + pad, methode, b"{}" if methode == "POST" else None)
    assert status in (403, 404, 405), (pad, status)
    assert b"maak_prijzen" not in body and b'"cells"' not in body


def test_notebookbron_staat_niet_in_de_rekenhulp(server_url):
    status, _, body = get(server_url + "/voila/render/prijzen.ipynb")
    assert status == 200
    assert b"from calculators.prijzen.widget import" not in body


def test_kernel_voert_geen_code_uit(server_url, pagina, tmp_path):
    """Open a calculator, then send execute_request over its own kernel websocket."""
    doel = Path("/tmp") / f"doorbraakwijzer-aanval-{uuid.uuid4().hex}"
    pagina.goto(server_url + "/voila/render/prijzen.ipynb")
    pagina.locator(".jupyter-widgets").first.wait_for(timeout=60_000)
    html = pagina.content()
    import re

    kernel_id = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html) or re.search(r"kernel_id=([0-9a-f-]{36})", html) \
        or re.search(r'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})', html)
    assert kernel_id, "geen kernel-id gevonden in de pagina"
    ws_url = server_url.replace("http", "ws") + f"/api/kernels/{kernel_id.group(1)}/channels"
    code = f"open({str(doel)!r}, 'w').write('x')"
    antwoord = pagina.evaluate(
        """async ([url, code]) => new Promise((resolve) => {
            const ws = new WebSocket(url);
            const msgs = [];
            ws.onopen = () => {
              msgs.push('open');
              const id = crypto.randomUUID();
              ws.send(JSON.stringify({header: {msg_id: id, msg_type: 'execute_request', username: '',
                 session: crypto.randomUUID(), date: new Date().toISOString(), version: '5.3'},
                 parent_header: {}, metadata: {}, channel: 'shell',
                 content: {code: code, silent: false, store_history: false, user_expressions: {},
                           allow_stdin: false, stop_on_error: true}}));
              setTimeout(() => { ws.close(); resolve(msgs); }, 3000);
            };
            ws.onmessage = (e) => msgs.push(typeof e.data === 'string' ? JSON.parse(e.data).msg_type : 'binary');
            ws.onerror = () => resolve(['fout']);
        })""",
        [ws_url, code],
    )
    assert "open" in antwoord, f"de websocket van de rekenhulp ging niet open: {antwoord}"
    assert not doel.exists(), "execute_request heeft code uitgevoerd!"
    assert "execute_reply" not in antwoord


def test_rekenhulp_laadt_niets_van_een_cdn(server_url):
    import re

    _, _, body = get(server_url + "/voila/render/prijzen.ipynb")
    extern = re.findall(rb'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', body)
    assert not extern, extern
