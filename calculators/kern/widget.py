"""Small building blocks shared by the calculator widgets."""

from __future__ import annotations

import base64
import functools
import html
import os
import threading
from collections.abc import Callable
from typing import Any

import ipywidgets as w

ALLE = "Alle"


def live_gebied(inhoud_html: str = "") -> w.HTML:
    """An HTML widget whose content screen readers announce (aria-live)."""
    veld = w.HTML()
    zet_live(veld, inhoud_html)
    return veld


def zet_live(veld: w.HTML, inhoud_html: str) -> None:
    veld.value = f'<div role="status" aria-live="polite">{inhoud_html}</div>'


def melding(tekst: str, soort: str = "fout") -> str:
    """Escaped Dutch message as HTML (soort: fout, info, ok)."""
    return f'<p class="melding melding-{soort}">{html.escape(tekst)}</p>'


def keuzes(namen: list[str]) -> list[tuple[str, str]]:
    """Dropdown options with 'Alle' first (value '' means: no filter)."""
    return [(ALLE, "")] + [(n, n) for n in namen]


def downloadlink(tekst: str, bestandsnaam: str, label: str, mime: str = "text/csv") -> str:
    """An HTML link that downloads ``tekst`` as a file (UTF-8 with BOM for Excel)."""
    data = base64.b64encode(("\ufeff" + tekst).encode("utf-8")).decode("ascii")
    return (
        f'<a class="downloadlink" download="{html.escape(bestandsnaam)}" '
        f'href="data:{mime};charset=utf-8;base64,{data}">{html.escape(label)}</a>'
    )


def stijl() -> w.HTML:
    """Shared CSS for the calculators: visible focus, readable sizes, responsive layout."""
    return w.HTML(
        "<style>"
        ":root{--dbw-blauw:#0b4f8a;}"
        ".jupyter-widgets :focus-visible,.widget-button:focus-visible,input:focus-visible,select:focus-visible,"
        "button:focus-visible,a:focus-visible,.widget-container input.widget-input:focus,"
        ".jupyter-widgets input:focus,.jupyter-widgets textarea:focus,.jupyter-widgets select:focus,"
        ".jupyter-widgets input[type=date]:focus-within"
        "{outline:3px solid #b35900 !important;outline-offset:2px;box-shadow:0 0 0 3px #b35900 !important;}"
        ".widget-label,.widget-label-basic,.jupyter-widgets{font-size:16px;color:#1a1a1a;}"
        ".dbw-tabel{border-collapse:collapse;width:100%;font-size:15px;}"
        ".dbw-tabel th,.dbw-tabel td{border-bottom:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;}"
        ".dbw-tabel td.bedrag,.dbw-tabel th.bedrag{text-align:right;white-space:nowrap;}"
        ".dbw-tabel caption{text-align:left;font-weight:bold;padding:4px 0;}"
        ".dbw-tabel-scroll{overflow-x:auto;max-width:100%;}"
        ".melding-fout{color:#a00000;font-weight:bold;}.melding-ok{color:#0a5c0a;}"
        ".dbw-rij{border-bottom:1px solid #ddd;padding:4px 0;}"
        ".jupyter-widgets a,.dbw-rij a{color:#0b4f8a;text-decoration:underline;}"
        # A button as wide as its text (ipywidgets gives every button 148 px and cuts the rest
        # off with "…"): "Maak een Excel-bestand" must be readable, also at 360 px.
        ".widget-button,.widget-upload{min-height:36px;width:auto;"
        "min-width:var(--jp-widgets-inline-width-short,148px);max-width:100%;flex:0 0 auto;}"
        ".widget-vbox>.widget-button,.widget-vbox>.widget-upload{align-self:flex-start;}"
        "@media (max-width:600px){.widget-button,.widget-upload{white-space:normal;height:auto;}}"
        "button.mod-primary,.jupyter-button.mod-primary{background:#0b4f8a !important;color:#fff !important;}"
        "@media (max-width:600px){.widget-hbox{flex-wrap:wrap;}.widget-text,.widget-dropdown{width:100% !important;}"
        # On a phone a long label goes above its field, so the field keeps a usable width on screen.
        ".widget-inline-hbox{flex-wrap:wrap;}"
        ".widget-inline-hbox>.widget-label{width:100% !important;max-width:100% !important;white-space:normal;}"
        ".widget-inline-hbox>input,.widget-inline-hbox>select,.widget-inline-hbox>textarea{min-width:6em;flex:1 1 auto;}}"
        "</style>"
    )


#: Set once the visitor's request has arrived in this (preheated) kernel.
_VERZOEK_ER = threading.Event()


def _voorverwarmd() -> bool:
    """True in a kernel that Voila started before any visitor asked for the page."""
    return os.environ.get("VOILA_PREHEAT", "False") == "True"


def na_het_verzoek(functie: Callable[..., Any]) -> Callable[..., threading.Thread | None]:
    """Decorator for a notebook's last cell that reads the page address (``?casus=...``).

    In a kernel that Voila preheats, the address is only known when a visitor asks for the
    page, so :func:`adres_parameter` waits. Waiting inside the cell would block the notebook:
    after ``VoilaExecutor.timeout`` (60 s) the visitor would see Voila's English "Cell
    execution timed out" under the calculator and the address would be ignored. So in a
    preheated kernel the function runs in a background thread: the cell ends at once (the
    calculator is ready), and the thread applies the address as soon as the visitor's
    request arrives. Outside a preheated kernel the function simply runs.
    """

    @functools.wraps(functie)
    def start(*args: Any, **kwargs: Any) -> threading.Thread | None:
        if not _voorverwarmd():
            functie(*args, **kwargs)
            return None
        draad = threading.Thread(target=functie, args=args, kwargs=kwargs, name="doorbraak-adres", daemon=True)
        draad.start()
        return draad

    return start


def adres_parameter(naam: str, max_lengte: int = 80) -> str:
    """A parameter from the page address (``?casus=...``), also in a preheated Voila kernel.

    Voila preheats kernels before anyone asks for the page; the address is only known
    once the request comes in. :func:`wacht_op_verzoek` waits for it, only in a preheated
    kernel and only once per kernel, so several parameters can be read. Call it from a
    function decorated with :func:`na_het_verzoek`, in the notebook's last cell, after the
    widget is built and shown.
    """
    from urllib.parse import parse_qs

    if _voorverwarmd() and not _VERZOEK_ER.is_set():
        try:
            wacht_op_verzoek()
            _VERZOEK_ER.set()  # waiting a second time would block: the request came once
        except Exception:  # the request info is unavailable
            pass
    waarden = parse_qs(os.environ.get("QUERY_STRING", "")).get(naam) or [""]
    return waarden[0].strip()[:max_lengte]


def verzoek_adres(omgeving: dict[str, str] | None = None) -> str:
    """Where a preheated kernel hears of its visitor: Voila's ``voila/query/<kernel id>`` socket.

    Built from the variables Voila gives the kernel, as ``voila.utils.wait_for_request`` does.

    >>> verzoek_adres({"VOILA_APP_PORT": "8000", "VOILA_KERNEL_ID": "abc"})
    'ws://127.0.0.1:8000/voila/query/abc'
    """
    o = os.environ if omgeving is None else omgeving
    protocol = o.get("VOILA_WS_PROTOCOL", "ws")
    ip = o.get("VOILA_APP_IP", "127.0.0.1")
    poort = o.get("VOILA_APP_PORT", "8866")
    basis = o.get("VOILA_WS_BASE_URL", o.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{ip}:{poort}{basis}voila/query/{o.get('VOILA_KERNEL_ID', '')}"


def wacht_op_verzoek(adres: str | None = None) -> None:
    """Wait for the visitor's request and put its details (``QUERY_STRING`` ...) in the environment.

    What ``voila.utils.wait_for_request`` does, without importing ``voila.utils``: that module
    pulls in jupyter_server, jupyterlab_server and nbconvert, about 50 MB in every preheated
    kernel (a visitor's kernel is the preheated one). Voila's server sends the request details
    as one JSON text over a websocket; the small synchronous client of ``websockets`` reads it.
    """
    import json

    from websockets.sync.client import connect

    with connect(adres or verzoek_adres(), open_timeout=5) as ws:
        bericht = ws.recv()
    gegevens = json.loads(bericht)
    if isinstance(gegevens, dict):
        for sleutel, waarde in gegevens.items():
            if isinstance(sleutel, str) and isinstance(waarde, str):
                os.environ[sleutel] = waarde
