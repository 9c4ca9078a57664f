"""Shared widget building blocks: reading the page address in a preheated Voila kernel."""

from __future__ import annotations

import threading
from pathlib import Path

from calculators.kern.widget import na_het_verzoek


def test_in_een_voorverwarmde_kernel_wacht_de_cel_niet_op_het_adres(monkeypatch):
    """The notebook's last cell ends at once; the address is applied when the request comes.

    Before: the cell itself waited for the visitor, hit Voila's 60 s cell timeout in the pool
    and the visitor saw "Cell execution timed out" while ?casus= was ignored.
    """
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    verzoek = threading.Event()
    toegepast = []

    @na_het_verzoek
    def open_uit_adres(widget):
        assert verzoek.wait(10)  # stands in for voila.utils.wait_for_request
        toegepast.append(widget)

    draad = open_uit_adres("rekenhulp")
    assert draad is not None and draad.daemon
    assert toegepast == []  # the cell is done, the visitor has not come yet
    verzoek.set()
    draad.join(10)
    assert toegepast == ["rekenhulp"]


def test_buiten_een_voorverwarmde_kernel_gebeurt_het_meteen(monkeypatch):
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    toegepast = []

    @na_het_verzoek
    def open_uit_adres(widget):
        toegepast.append(widget)

    assert open_uit_adres("rekenhulp") is None
    assert toegepast == ["rekenhulp"]


def test_adres_wacht_een_keer_en_leest_daarna_elke_parameter(monkeypatch):
    """The plan reads ?casus= and ?artikel=; waiting for the request twice would block."""
    from calculators.kern import widget

    gewacht = []
    monkeypatch.setattr(widget, "wacht_op_verzoek", lambda: gewacht.append(1))
    monkeypatch.setattr(widget, "_VERZOEK_ER", threading.Event())
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("QUERY_STRING", "casus=eiwitrijke-yoghurt&artikel=Pw%2035&signalen=" + "a," * 100)
    assert widget.adres_parameter("casus") == "eiwitrijke-yoghurt"
    assert widget.adres_parameter("artikel") == "Pw 35"
    assert len(widget.adres_parameter("signalen")) == 80
    assert len(widget.adres_parameter("signalen", max_lengte=2000)) == 200
    assert gewacht == [1]


# A stand-in for Voila's request socket (voila/request_info_handler.py): it sends the
# visitor's request details as one JSON text to the kernel that connects with its id.
VOILA_SERVER = """
import json, sys, threading
from websockets.sync.server import serve

paden = []

def antwoord(ws):
    paden.append(ws.request.path)
    ws.send(json.dumps({"QUERY_STRING": "casus=eiwitrijke-yoghurt&artikel=Pw%2035", "SCRIPT_NAME": "/x"}))

server = serve(antwoord, "127.0.0.1", 0)
threading.Thread(target=server.serve_forever, daemon=True).start()
poort = server.socket.getsockname()[1]
"""


def _draai(code: str, tmp_path) -> dict:
    import json
    import os
    import subprocess
    import sys

    script = tmp_path / "kernel.py"
    script.write_text(VOILA_SERVER + code, encoding="utf-8")
    uit = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert uit.returncode == 0, uit.stderr[-2000:]
    return json.loads(uit.stdout.strip().splitlines()[-1])


def test_voorverwarmde_kernel_leest_het_adres_van_voilas_socket(tmp_path):
    """The details come over the websocket Voila's server offers at voila/query/<kernel id>."""
    uit = _draai(
        """
import os
os.environ.update(VOILA_PREHEAT="True", VOILA_APP_PORT=str(poort), VOILA_KERNEL_ID="k-123", VOILA_SERVER_URL="/")
from calculators.kern.widget import adres_parameter
print(json.dumps({"casus": adres_parameter("casus"), "artikel": adres_parameter("artikel"), "paden": paden}))
""",
        tmp_path,
    )
    assert uit == {"casus": "eiwitrijke-yoghurt", "artikel": "Pw 35", "paden": ["/voila/query/k-123"]}


def test_wachten_op_het_adres_laadt_jupyter_server_niet(tmp_path):
    """A preheated kernel is the visitor's kernel. voila.utils.wait_for_request pulled in
    jupyter_server, jupyterlab_server and nbconvert: about 50 MB more in every such kernel
    (130 MB against the goal of 120 MB). Our own client reads the same socket without them."""
    uit = _draai(
        """
import os
os.environ.update(VOILA_PREHEAT="True", VOILA_APP_PORT=str(poort), VOILA_KERNEL_ID="k-1")
from calculators.kern.widget import adres_parameter
adres_parameter("casus")
print(json.dumps(sorted(m for m in ("voila", "jupyter_server", "jupyterlab_server", "nbconvert") if m in sys.modules)))
""",
        tmp_path,
    )
    assert uit == []
