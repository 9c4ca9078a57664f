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


def test_adres_wacht_een_keer_en_leest_daarna_elke_parameter(monkeypatch):
    """The plan reads ?casus= and ?artikel=; waiting for the request twice would block."""
    import sys
    import types

    from calculators.kern import widget

    gewacht = []
    nep = types.ModuleType("voila.utils")
    nep.wait_for_request = lambda: gewacht.append(1)
    monkeypatch.setitem(sys.modules, "voila.utils", nep)
    monkeypatch.setattr(widget, "_VERZOEK_ER", threading.Event())
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("QUERY_STRING", "casus=eiwitrijke-yoghurt&artikel=Pw%2035&signalen=" + "a," * 100)
    assert widget.adres_parameter("casus") == "eiwitrijke-yoghurt"
    assert widget.adres_parameter("artikel") == "Pw 35"
    assert len(widget.adres_parameter("signalen")) == 80
    assert len(widget.adres_parameter("signalen", max_lengte=2000)) == 200
    assert gewacht == [1]
