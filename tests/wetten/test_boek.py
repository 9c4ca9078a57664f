"""Tests for the book role {artikel} and the directive {wetsartikelen} (calculators/wetten/boek.py).

A tiny Sphinx project is built in a temporary folder with only this extension, so the
test does not depend on the rest of the book.
"""

from __future__ import annotations

import html
import re
from io import StringIO
from pathlib import Path

import pytest

sphinx_app = pytest.importorskip("sphinx.application")

from sphinx.util.docutils import docutils_namespace  # noqa: E402

from calculators.kern.paden import BOOK  # noqa: E402
from calculators.wetten.artikelen import alle_artikelen, laad_wetten, zoek_referentie  # noqa: E402
from calculators.wetten.boek import linktekst, wettekst_html  # noqa: E402

CONF = """
extensions = ["myst_parser", "calculators.wetten.boek"]
language = "nl"
html_theme = "basic"
myst_enable_extensions = ["colon_fence"]
"""


def _bouw(tmp_path: Path, paginas: dict[str, str]) -> tuple[Path, str]:
    bron = tmp_path / "bron"
    (bron / "book" / "wetten").mkdir(parents=True)
    (bron / "conf.py").write_text(CONF, encoding="utf-8")
    toc = "\n".join(f"{naam}" for naam in paginas if naam != "index")
    paginas = dict(paginas)
    paginas["index"] = "# Start\n\n```{toctree}\n" + toc + "\n```\n\n" + paginas.get("index", "")
    for naam, tekst in paginas.items():
        pad = bron / f"{naam}.md"
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
    uit = tmp_path / "uit"
    waarschuwingen = StringIO()
    # docutils_namespace: undo the global node/role registrations afterwards, so a later
    # Sphinx build in the same test run does not warn "already registered".
    with docutils_namespace():
        app = sphinx_app.Sphinx(
            str(bron),
            str(bron),
            str(uit),
            str(tmp_path / "doctrees"),
            "html",
            status=None,
            warning=waarschuwingen,
            freshenv=True,
        )
        app.build()
    # Another test may have built Sphinx in this process without docutils_namespace(); the
    # resulting "already registered" notices are not about our pages.
    regels = [r for r in waarschuwingen.getvalue().splitlines() if "is already registered" not in r]
    return uit, "\n".join(regels)


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("boek")
    paginas = {
        f"book/wetten/{w.slug}": f"# {w.wet}\n\n```{{wetsartikelen}} {w.afkorting}\n```\n" for w in laad_wetten()
    }
    paginas["book/uitleg"] = (
        "# Uitleg\n\nZie {artikel}`Pw 52` en {artikel}`pw 18 lid 1` en {artikel}`Awb 4:84`.\n"
        "Lees ook {artikel}`de regel over voorrang <Woningwet 46>`.\n"
    )
    return _bouw(tmp, paginas)


def test_rol_maakt_link_naar_het_anker_op_de_wetpagina(gebouwd):
    uit, waarschuwingen = gebouwd
    assert "ERROR" not in waarschuwingen and "WARNING" not in waarschuwingen, waarschuwingen
    pagina = (uit / "book" / "uitleg.html").read_text(encoding="utf-8")
    assert 'href="wetten/participatiewet.html#artikel-pw-52"' in pagina
    assert ">artikel 52 Participatiewet<" in pagina
    assert ">artikel 18 lid 1 Participatiewet<" in pagina
    assert 'href="wetten/awb.html#artikel-awb-4-84"' in pagina
    assert re.search(r'href="wetten/woningwet.html#artikel-woningwet-46"[^>]*>de regel over voorrang<', pagina)


def test_directive_toont_elk_artikel_met_uitleg_en_officiele_tekst(gebouwd):
    uit, _ = gebouwd
    pagina = (uit / "book" / "wetten" / "participatiewet.html").read_text(encoding="utf-8")
    pagina = pagina.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')  # Sphinx smart quotes
    pw = next(w for w in laad_wetten() if w.afkorting == "Pw")
    for a in pw.artikelen:
        assert f'id="{a.anker}"' in pagina, a.referentie
        assert html.escape(a.uitleg.mogelijk, quote=False) in pagina, a.referentie
    assert pagina.count('<details class="wettekst"') == len(pw.artikelen)
    assert "Officiële tekst van artikel 52 (geldig vanaf 1 juli 2026)" in pagina
    assert 'href="https://wetten.overheid.nl/BWBR0015703/2026-07-01#Artikel52"' in pagina
    # related articles on the same page link to the anchor on that page
    pw18 = zoek_referentie("Pw 18")
    if pw18.gerelateerd:
        assert "wetsartikel-link" in pagina


def test_onbekende_referentie_of_wet_geeft_een_fout_in_de_bouw(tmp_path):
    _, waarschuwingen = _bouw(
        tmp_path,
        {
            "book/wetten/x": "# X\n\n```{wetsartikelen} Xyz\n```\n",
            "book/fout": "# Fout\n\nZie {artikel}`Pw 12`.\n",
        },
    )
    assert "Onbekend wetsartikel 'Pw 12'" in waarschuwingen
    assert "Onbekende wet 'Xyz'" in waarschuwingen
    assert "ERROR" in waarschuwingen


def test_wettekst_is_html_veilig_en_compleet():
    for a in alle_artikelen():
        blok = wettekst_html(a)
        zichtbaar = html.unescape(re.sub(r"<[^>]+>", "\n", blok))
        for lid in a.leden:
            for regel in lid.tekst.split("\n"):
                assert regel in zichtbaar, a.referentie
        assert "<script" not in blok


def test_linktekst():
    assert linktekst(zoek_referentie("Pw 52")) == "artikel 52 Participatiewet"
    assert (
        linktekst(zoek_referentie("Wmo 2015 2.3.5"), "5")
        == "artikel 2.3.5 lid 5 Wet maatschappelijke ondersteuning 2015"
    )


def test_elke_wet_heeft_een_pagina_met_de_directive():
    for w in laad_wetten():
        pad = BOOK / "wetten" / f"{w.slug}.md"
        assert pad.exists(), pad
        assert re.search(
            r"```\{wetsartikelen\}\s+" + re.escape(w.afkorting) + r"\s*\n", pad.read_text(encoding="utf-8")
        )
    index = (BOOK / "wetten" / "index.md").read_text(encoding="utf-8")
    for w in laad_wetten():
        assert f"({w.slug}.md)" in index


def test_extra_artikel_toont_zijn_herkomst_en_deel_van_artikel():
    blok = wettekst_html(zoek_referentie("Woningwet 46"))
    assert "nog niet extra gecontroleerd" in blok
    assert "regelrecht-corpus" in blok and "7376e4e17fb2f289c563555ac7e0811e31308729" in blok
    assert "Dit is een deel van het artikel" in blok
    assert "nog niet extra gecontroleerd" not in wettekst_html(zoek_referentie("Pw 52"))
    assert 'href="https://wetten.overheid.nl/BWBR0005537/2026-07-01#Artikel484"' in wettekst_html(
        zoek_referentie("Awb 4:84")
    )


def test_wijziging_en_uitspraak_staan_in_de_sectie_van_het_artikel(gebouwd):
    from calculators.wetten.uitspraken import laad_uitspraken
    from calculators.wetten.wijzigingen import laad_wijzigingen

    uit, _ = gebouwd
    for wz in laad_wijzigingen():
        for ref in wz.artikelen:
            a = zoek_referentie(ref)
            pagina = (uit / "book" / "wetten" / f"{a.wet.slug}.html").read_text(encoding="utf-8")
            begin = pagina.index(f'id="{a.anker}"')
            eind = pagina.find('id="artikel-', begin + 10)
            sectie = pagina[begin : eind if eind > 0 else None]
            assert html.escape(wz.titel, quote=False) in sectie and wz.status_tekst in sectie, (wz.id, ref)
    for u in laad_uitspraken():
        for ref in u.artikelen:
            a = zoek_referentie(ref)
            pagina = (uit / "book" / "wetten" / f"{a.wet.slug}.html").read_text(encoding="utf-8")
            begin = pagina.index(f'id="{a.anker}"')
            eind = pagina.find('id="artikel-', begin + 10)
            assert u.ecli in pagina[begin : eind if eind > 0 else None], (u.ecli, ref)
