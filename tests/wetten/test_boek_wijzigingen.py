"""Every announced change and every real ruling appears on its article's section of the
built book (the whole book, as the reader gets it)."""

from __future__ import annotations

import html
import re

import pytest

from calculators.wetten.artikelen import zoek_referentie
from calculators.wetten.uitspraken import laad_uitspraken
from calculators.wetten.wijzigingen import laad_wijzigingen

pytestmark = pytest.mark.traag  # builds the whole book


def _sectie(pagina: str, anker: str) -> str:
    """HTML of one article's section on a law page (from its anchor to the next article)."""
    begin = pagina.find(f'id="{anker}"')
    assert begin >= 0, f"anker {anker} ontbreekt"
    volgende = re.search(r'<section[^>]*id="artikel-', pagina[begin + 10 :])
    return pagina[begin : begin + 10 + volgende.start()] if volgende else pagina[begin:]


def _pagina(boek_build, ref: str) -> tuple[str, str]:
    a = zoek_referentie(ref)
    pad = boek_build.html / "book" / "wetten" / f"{a.wet.slug}.html"
    return _sectie(pad.read_text(encoding="utf-8"), a.anker), a.referentie


def test_elke_wetswijziging_staat_bij_haar_artikelen(boek_build):
    assert boek_build.code == 0, boek_build.uitvoer[-3000:]
    wijzigingen = laad_wijzigingen()
    assert wijzigingen
    for wz in wijzigingen:
        for ref in wz.artikelen:
            sectie, _ = _pagina(boek_build, ref)
            assert html.escape(wz.titel, quote=False) in sectie, f"{wz.id} ontbreekt bij {ref}"
            assert wz.status_tekst in sectie
            assert html.escape(wz.url) in sectie


def test_elke_uitspraak_staat_bij_haar_artikelen(boek_build):
    assert boek_build.code == 0, boek_build.uitvoer[-3000:]
    for u in laad_uitspraken():
        for ref in u.artikelen:
            sectie, _ = _pagina(boek_build, ref)
            assert u.ecli in sectie, f"{u.ecli} ontbreekt bij {ref}"
