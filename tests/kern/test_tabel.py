"""The one accessible table: same content in the book (docutils) and in widgets (Jinja2)."""

from __future__ import annotations

import re

import pytest
from docutils import nodes
from docutils.core import publish_from_doctree
from docutils.utils import new_document

from calculators.kern.boek import tabel_knopen
from calculators.kern.html import tabel_html
from calculators.kern.tabel import Link, cel, maak_tabel

AANVAL = "<script>alert(1)</script>\"'&"


def _voorbeeld():
    return maak_tabel(
        "Kosten <per> jaar",
        ["Scenario", "Bedrag"],
        [["huidig", "€ 1.234,56"], [cel("zie ", Link(AANVAL, "https://example.org/?a=1&b=<2>"), id="rij-2"), AANVAL]],
        rechts=frozenset({1}),
        rijkop=True,
    )


def _boek_html(knopen) -> str:
    doc = new_document("test")
    for k in knopen:
        doc += k
    return publish_from_doctree(doc, writer_name="html5").decode()


@pytest.mark.parametrize("teken", ["html", "boek"])
def test_tekst_wordt_ontsnapt_en_de_tabel_heeft_een_naam(teken):
    uit = tabel_html(_voorbeeld()) if teken == "html" else _boek_html(tabel_knopen(_voorbeeld()))
    assert "<script>" not in uit and "&lt;script&gt;" in uit
    assert "Kosten &lt;per&gt; jaar" in uit
    # a named, focusable scroll container, so a wide table is usable on a phone
    assert re.search(
        r'<div class="tabel-scroll(?: dbw-tabel-scroll)?" tabindex="0" role="region" aria-label="Kosten &lt;per&gt; jaar">',
        uit,
    )
    assert uit.count("<caption") == 1
    assert 'href="https://example.org/?a=1&amp;b=&lt;2&gt;"' in uit


def test_html_koppen_hebben_scope_en_bedragen_staan_rechts():
    uit = tabel_html(_voorbeeld())
    assert '<th scope="col">Scenario</th>' in uit
    assert '<th scope="col" class="bedrag">Bedrag</th>' in uit
    assert '<th scope="row">huidig</th>' in uit  # the first column names the row
    assert '<td class="bedrag">€ 1.234,56</td>' in uit
    assert 'id="rij-2"' in uit


def test_boek_tabel_is_een_echte_docutils_tabel():
    knopen = tabel_knopen(_voorbeeld())
    (tabel,) = [k for k in knopen if isinstance(k, nodes.table)]
    assert tabel.next_node(nodes.title).astext() == "Kosten <per> jaar"
    rijen = list(tabel.findall(nodes.row))
    assert [e.astext() for e in rijen[0].findall(nodes.entry)] == ["Scenario", "Bedrag"]
    assert "rij-2" in rijen[2].next_node(nodes.entry)["ids"]


def test_rij_met_verkeerd_aantal_cellen_wordt_geweigerd():
    with pytest.raises(ValueError, match="cellen"):
        maak_tabel("Fout", ["a", "b"], [["alleen één"]])


def test_voetregel_en_toegankelijke_linknaam():
    t = maak_tabel(
        "Kosten",
        ["Wat", "Bedrag"],
        [[cel("hulp ", Link("(bron)", "https://example.org", "Bron: CBS")), "€ 1"]],
        rechts=frozenset({1}),
        voet=[["Totaal", "€ 1"]],
    )
    uit = tabel_html(t)
    assert '<tfoot><tr><th scope="row">Totaal</th><td class="bedrag">€ 1</td></tr></tfoot>' in uit
    assert 'aria-label="Bron: CBS">(bron)</a>' in uit
    rijen = [k for k in tabel_knopen(t) if isinstance(k, nodes.table)][0].findall(nodes.row)
    assert [r["classes"] for r in rijen][-1] == ["totaal"]
