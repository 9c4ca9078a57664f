"""The server's pure parts: kernel cap, kernel message filter, Dutch cell errors, data check at start."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculators.server import app

ROOT = Path(__file__).resolve().parents[2]


# --- kernel cap --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "geheugen_mb, kernen, verwacht",
    [
        (24_064, 2, 20),  # this machine: 2 cores limit it (10 per core)
        (1_024, 8, 3),  # little memory: 512 MB / 150 MB = 3
        (200, 1, 2),  # never fewer than 2
        (64_000, 16, 160),
    ],
)
def test_kernelgrens_past_bij_de_machine(geheugen_mb, kernen, verwacht):
    assert app.standaard_kernelgrens(geheugen_mb, kernen) == verwacht


def test_kernelgrens_van_de_opdrachtregel_moet_een_getal_zijn():
    with pytest.raises(SystemExit, match="geheel getal"):
        app._geheel_getal("--max-kernels", "veel", 1)
    with pytest.raises(SystemExit, match="minstens 1"):
        app._geheel_getal("--max-kernels", "0", 1)
    assert app._geheel_getal("--max-kernels", "7", 1) == 7


# --- what the kernel websocket passes on ---------------------------------------------------

PAD = "/work/main/calculators/prijzen/widget.py"


def _v1(msg_type: str, content: dict, kanaal: str = "iopub") -> bytes:
    from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1

    delen = [json.dumps({"msg_type": msg_type, "msg_id": "1"}).encode(), b"{}", b"{}", json.dumps(content).encode()]
    return serialize_msg_to_ws_v1(delen, kanaal)


def _inhoud_v1(bericht: bytes) -> dict:
    from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

    _, delen = deserialize_msg_from_ws_v1(bericht)
    return json.loads(delen[3])


FOUT = {
    "ename": "ValueError",
    "evalue": f"kapot in {PAD}",
    "traceback": [f'File "{PAD}", line 12, in zoek', "ValueError: kapot"],
}


def test_traceback_met_serverpad_gaat_niet_naar_de_browser_v1():
    uit = app.filter_kernelbericht(_v1("error", FOUT))
    assert isinstance(uit, bytes)
    assert b"/work/main" not in uit and b"line 12" not in uit
    assert "niet uitrekenen" in _inhoud_v1(uit)["evalue"]


def test_traceback_met_serverpad_gaat_niet_naar_de_browser_json():
    tekst = json.dumps({"header": {"msg_type": "error"}, "content": FOUT, "channel": "iopub"})
    uit = app.filter_kernelbericht(tekst)
    assert isinstance(uit, str) and "/work/main" not in uit
    assert json.loads(uit)["channel"] == "iopub"


def test_execute_reply_met_fout_verliest_traceback():
    inhoud = {"status": "error", "execution_count": 3, **FOUT}
    uit = _inhoud_v1(app.filter_kernelbericht(_v1("execute_reply", inhoud, "shell")))
    assert uit["status"] == "error" and uit["execution_count"] == 3
    assert PAD not in json.dumps(uit)


def test_stderr_gaat_niet_naar_de_browser():
    assert app.filter_kernelbericht(_v1("stream", {"name": "stderr", "text": f"{PAD}:3: DeprecationWarning"})) is None
    tekst = json.dumps({"header": {"msg_type": "stream"}, "content": {"name": "stderr", "text": PAD}})
    assert app.filter_kernelbericht(tekst) is None


def test_widgetberichten_blijven_ongewijzigd():
    bericht = _v1("comm_msg", {"comm_id": "abc", "data": {"method": "update", "state": {"value": "x"}}})
    assert app.filter_kernelbericht(bericht) == bericht
    stdout = _v1("stream", {"name": "stdout", "text": "hallo"})
    assert app.filter_kernelbericht(stdout) == stdout


def test_onleesbaar_binair_bericht_wordt_niet_doorgegeven():
    assert app.filter_kernelbericht(b"\x05\x00\x00") is None


# --- cell errors in Dutch ----------------------------------------------------------------


def _cel(ename: str, evalue: str) -> dict:
    return {
        "cell_type": "code",
        "execution_count": 2,
        "outputs": [{"output_type": "error", "ename": ename, "evalue": evalue, "traceback": [f"File {PAD}"]}],
    }


def test_doorbraakfout_in_een_cel_blijft_nederlands():
    from voila.execute import VoilaExecutor

    app._installeer_nederlandse_celfouten()
    tekst = "bestand prijzen.csv, rij 3, kolom 'bedrag': vul een bedrag in."
    cel = VoilaExecutor.strip_code_cell_errors(None, _cel("DoorbraakFout", tekst))
    uitvoer = cel["outputs"][0]
    assert uitvoer["traceback"] == [tekst]
    assert "There was an error" not in json.dumps(cel) and PAD not in json.dumps(cel)


def test_andere_fout_in_een_cel_wordt_een_nederlandse_zin():
    from voila.execute import VoilaExecutor

    app._installeer_nederlandse_celfouten()
    cel = VoilaExecutor.strip_code_cell_errors(None, _cel("KeyError", "'bedrag'"))
    tekst = json.dumps(cel)
    assert "kan nu niet starten" in tekst
    assert "There was an error" not in tekst and "KeyError" not in tekst and PAD not in tekst


# --- data checked at server start ----------------------------------------------------------


def test_alle_gegevens_zijn_in_orde():
    from calculators.gegevens import LADERS, controleer_alle_gegevens

    sjablonen = len(list((ROOT / "data" / "sjablonen").glob("eigen-tarieven.*")))
    assert controleer_alle_gegevens() == len(LADERS) + sjablonen


def test_server_start_niet_met_kapotte_prijslijst(tmp_path):
    """A copy of the package with a bad amount in row 2 of prijzen.csv: exit 2, Dutch, file/row/column."""
    kopie = tmp_path / "repo"
    shutil.copytree(ROOT / "calculators", kopie / "calculators", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", kopie / "data")
    prijzen = kopie / "data" / "prijzen.csv"
    regels = prijzen.read_text(encoding="utf-8").splitlines(keepends=True)
    kop = regels[0].rstrip("\n").split(",")
    kolom = kop.index("bedrag")
    # The first data row has quoted fields with commas: change the amount in the header order
    # through the csv module, so exactly that one cell is wrong.
    import csv
    import io

    rijen = list(csv.reader(io.StringIO(prijzen.read_text(encoding="utf-8"))))
    rijen[1][kolom] = "heel duur"
    uit = io.StringIO()
    csv.writer(uit, lineterminator="\n").writerows(rijen)
    prijzen.write_text(uit.getvalue(), encoding="utf-8")
    boek = tmp_path / "html"
    boek.mkdir()
    (boek / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    omgeving = {**os.environ, "PYTHONPATH": str(kopie), "DOORBRAAK_BOEK": str(boek)}
    try:
        r = subprocess.run(
            [sys.executable, "-m", "calculators.server", "--port", "0"],
            cwd=kopie,
            env=omgeving,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("De server startte met een kapotte prijslijst (hij stopte niet met code 2).")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "prijzen.csv" in r.stderr and "rij 2" in r.stderr and "bedrag" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "draait op" not in r.stdout


def test_klaarstaande_kernels_tellen_niet_mee_voor_de_grens():
    """3 kernels in the pools (one of them still starting) and 2 of visitors: 2 count."""
    from types import SimpleNamespace

    klasse = type(app.maak_app(5))
    km = SimpleNamespace(
        _pools={"prijzen.ipynb": [object(), object()], "wetten.ipynb": [object()]},
        list_kernel_ids=lambda: ["p1", "p2", "w1", "bezoeker1", "bezoeker2"],
    )
    assert klasse.bezette_kernels(SimpleNamespace(kernel_manager=km)) == 2
    leeg = SimpleNamespace(_pools={"prijzen.ipynb": [object()]}, list_kernel_ids=lambda: [])
    assert klasse.bezette_kernels(SimpleNamespace(kernel_manager=leeg)) == 0


# --- "klaar" once the preheated kernels have run their notebooks -------------------------


def test_klaar_pas_als_elke_voorverwarmde_rekenhulp_gedraaid_heeft(monkeypatch):
    """The status says 'klaar' only after the last notebook has run; a broken kernel is skipped."""
    import asyncio
    from types import SimpleNamespace

    monkeypatch.setitem(app._KLAAR, "na_seconden", None)

    async def scenario():
        klaar_render = asyncio.Event()

        async def kernel(render):
            return {"task": asyncio.ensure_future(render())}

        async def snel():
            return "html"

        async def traag():
            await klaar_render.wait()
            return "html"

        async def kapot():
            raise RuntimeError("kernel start niet")

        km = SimpleNamespace(
            _pools={
                "prijzen.ipynb": [asyncio.ensure_future(kernel(snel))],
                "wetten.ipynb": [asyncio.ensure_future(kernel(traag)), asyncio.ensure_future(kapot())],
            }
        )
        wachter = asyncio.ensure_future(app.wacht_op_voorverwarmen(km, begin=0.0))
        await asyncio.sleep(0.05)
        nog_niet = (wachter.done(), app._KLAAR["na_seconden"])
        klaar_render.set()
        aantal = await asyncio.wait_for(wachter, 5)
        return nog_niet, aantal

    # In its own thread: after the browser tests, Playwright's event loop runs in this one.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as draad:
        (klaar_voor_de_tijd, seconden_voor_de_tijd), aantal = draad.submit(asyncio.run, scenario()).result()
    assert klaar_voor_de_tijd is False and seconden_voor_de_tijd is None
    assert aantal == 2
    assert app._KLAAR["na_seconden"] is not None


def test_klaarmelding_is_nederlands():
    assert app.klaar_melding(3.4, 8) == "De 8 rekenhulpen staan klaar (na 3 seconden)."


def test_rekenhulpkernel_heeft_geen_debugger(monkeypatch):
    """The kernel the server starts for a calculator (our kernel spec on JUPYTER_PATH) is
    ipykernel without debugpy: it does not offer debugging, which Jupyter's own python3
    spec does on this machine."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import start_new_kernel

    from calculators.server.app import jupyter_pad

    eigen = KernelSpecManager(kernel_dirs=[str(app.JUPYTER_MAP / "kernels")]).get_kernel_spec("python3")
    assert eigen.argv[:3] == ["python", "-m", "calculators.server.kernel"]
    monkeypatch.setenv("PYTHONPATH", str(ROOT))

    def kenmerken() -> list[str]:
        km, kc = start_new_kernel(kernel_name="python3", startup_timeout=120)
        try:
            kc.kernel_info()
            return kc.get_shell_msg(timeout=60)["content"].get("supported_features", [])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    monkeypatch.delenv("JUPYTER_PATH", raising=False)
    assert "debugger" in kenmerken()  # the check itself can see a debugger
    monkeypatch.setenv("JUPYTER_PATH", jupyter_pad({}))
    assert "debugger" not in kenmerken()


@pytest.mark.parametrize(
    ("waarde", "verwacht"), [("", "ERROR"), ("info", "INFO"), ("veel", "ERROR"), (" debug ", "DEBUG")]
)
def test_logniveau_stil_tenzij_gevraagd(monkeypatch, waarde, verwacht):
    monkeypatch.setenv("DOORBRAAK_LOGNIVEAU", waarde)
    assert f"--Voila.log_level={verwacht}" in app.voila_argumenten(8000, "127.0.0.1", 1)


def test_gzip_vooraf_alleen_tekstbestanden_en_een_keer(tmp_path):
    """At server start Voila's static files are compressed ahead; text only, each file once."""
    import gzip

    groot = tmp_path / "a" / "voila.js"
    groot.parent.mkdir()
    groot.write_text("var x = 1;\n" * 2000, encoding="utf-8")
    (tmp_path / "a" / "klein.js").write_text("x", encoding="utf-8")  # under 1 KB: not worth it
    (tmp_path / "a" / "plaatje.png").write_bytes(b"\x89PNG" + bytes(5000))  # compressed already
    assert app.vul_gzip_cache([str(tmp_path)]) == 1
    st = groot.stat()
    inhoud = app._GZIP_CACHE[(os.path.abspath(groot), st.st_size, st.st_mtime_ns)]
    assert gzip.decompress(inhoud) == groot.read_bytes()
    assert app.vul_gzip_cache([str(tmp_path)]) == 0  # kept, not compressed again


def test_cel_wacht_op_haar_uitvoer_zo_lang_als_ze_mag_rekenen():
    """Under load a calculator page came without its widgets: nbclient waited only 4 s (its
    default iopub_timeout) for a cell's display output after the cell's reply, then went on
    without it. The executor Voila builds from our configuration waits as long as a cell
    may run."""
    import nbformat
    from traitlets.config.loader import KVArgParseConfigLoader
    from voila.execute import VoilaExecutor

    argumenten = [a for a in app.voila_argumenten(8000, "127.0.0.1", 1) if a.startswith("--VoilaExecutor.")]
    config = KVArgParseConfigLoader(argv=argumenten).load_config()
    uitvoerder = VoilaExecutor(nbformat.v4.new_notebook(), km=None, config=config)
    assert uitvoerder.iopub_timeout >= 30
    assert uitvoerder.iopub_timeout == uitvoerder.timeout


def test_kernels_praten_via_unix_sockets_niet_via_tcp_poorten(tmp_path):
    """A kernel of a test run died with "Address already in use": jupyter_client picks a free
    TCP port, frees it, and lets the kernel bind it, so a second server process can take it in
    between. The kernel manager our configuration builds uses Unix sockets instead: its
    connection file names no TCP port, and the socket files live in the connection folder."""
    import json

    from jupyter_client.manager import KernelManager
    from traitlets.config.loader import KVArgParseConfigLoader

    argumenten = [a for a in app.voila_argumenten(8000, "127.0.0.1", 1) if a.startswith("--KernelManager.")]
    config = KVArgParseConfigLoader(argv=argumenten).load_config()
    km = KernelManager(config=config, connection_file=str(tmp_path / "kernel-x.json"))
    km.write_connection_file()
    verbinding = json.loads((tmp_path / "kernel-x.json").read_text(encoding="utf-8"))
    assert verbinding["transport"] == "ipc"
    assert verbinding["ip"].startswith(str(tmp_path))
