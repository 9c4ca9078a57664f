"""Book adapter of the shared table: a :class:`~calculators.kern.tabel.Tabel` as docutils nodes.

Sphinx writes the table itself (caption, ``<th>`` headings, escaping); we only add a named
scroll container so a wide table stays usable on a phone.
"""

from __future__ import annotations

import html

from docutils import nodes

from calculators.kern.tabel import Cel, Celwaarde, Link, Tabel, delen


def _alinea(waarde: Celwaarde) -> nodes.paragraph:
    alinea = nodes.paragraph()
    for deel in delen(waarde):
        if isinstance(deel, Link):
            alinea += nodes.reference("", deel.tekst, refuri=deel.url, internal=False)
        else:
            alinea += nodes.Text(deel)
    return alinea


def tabel_knopen(tabel: Tabel) -> list[nodes.Node]:
    """The table as docutils nodes, wrapped in a scroll region named after its caption."""
    knoop = nodes.table(classes=["dbw-tabel", *tabel.klassen, *(["sorteerbaar"] if tabel.sorteerbaar else [])])
    knoop += nodes.title("", tabel.bijschrift)
    groep = nodes.tgroup(cols=len(tabel.koppen))
    knoop += groep
    for i in range(len(tabel.koppen)):
        groep += nodes.colspec(colwidth=1, stub=1 if (tabel.rijkop and i == 0) else 0)
    kop = nodes.thead()
    rij = nodes.row()
    for i, tekst in enumerate(tabel.koppen):
        cel = nodes.entry(classes=["bedrag"] if tabel.is_rechts(i) else [])
        if tabel.sorteerbaar:
            cel += nodes.raw("", f'<button type="button" class="sorteer">{html.escape(tekst)}</button>', format="html")
        else:
            cel += nodes.paragraph("", tekst)
        rij += cel
    kop += rij
    groep += kop
    lijf = nodes.tbody()
    regels = [(r, False) for r in tabel.rijen] + [(r, True) for r in tabel.voet]
    for rij_waarden, is_totaal in regels:
        rij = nodes.row(classes=["totaal"] if is_totaal else [])
        for i, waarde in enumerate(rij_waarden):
            cel = nodes.entry(classes=["bedrag"] if tabel.is_rechts(i) else [])
            if isinstance(waarde, Cel) and waarde.id:
                cel["ids"].append(waarde.id)
            cel += _alinea(waarde)
            rij += cel
        lijf += rij
    groep += lijf
    open_ = nodes.raw(
        "",
        f'<div class="tabel-scroll" tabindex="0" role="region" aria-label="{html.escape(tabel.bijschrift)}">',
        format="html",
    )
    return [open_, knoop, nodes.raw("", "</div>", format="html")]
