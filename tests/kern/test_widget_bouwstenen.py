"""Shared widget building blocks: reading the page address in a preheated Voila kernel."""

from __future__ import annotations

import threading

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
