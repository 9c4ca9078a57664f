"""Book directive ``{leesbaarheidstabel}``: the readability figures of every page, made at build time.

The table is computed from the MyST sources with :mod:`calculators.taal.leesbaarheid` while the
book is built, so it always matches the pages. Each page name links to the page. A summary
line above the table gives the number of pages, how many pass, and the averages.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from calculators.kern.opmaak import getal
from calculators.taal.leesbaarheid import STIJL_YAML, laad_normen, meet_pagina, toc_paginas


def _cel(inhoud) -> nodes.entry:
    cel = nodes.entry()
    cel += inhoud if isinstance(inhoud, nodes.Node) else nodes.paragraph(text=str(inhoud))
    return cel


class LeesbaarheidstabelDirective(SphinxDirective):
    has_content = False

    def run(self):
        normen = laad_normen()
        self.env.note_dependency(str(STIJL_YAML))
        bron = self.env.srcdir
        metingen = []
        for naam, pad in toc_paginas(root=bron):
            if pad.suffix != ".md":
                continue
            self.env.note_dependency(str(pad))
            metingen.append(meet_pagina(pad, naam, normen))
        gemeten = [m for m in metingen if m.woorden >= normen.min_woorden and not m.vrijgesteld]
        goed = [
            m for m in gemeten if not m.problemen(normen.max_zinslengte, normen.min_flesch_douma, normen.min_woorden)
        ]
        samen = nodes.paragraph()
        if gemeten:
            gem_fd = sum(m.flesch_douma for m in gemeten) / len(gemeten)
            gem_zin = sum(m.gem_zinslengte for m in gemeten) / len(gemeten)
            samen += nodes.Text(
                f"Gemeten: {len(gemeten)} pagina's. Op B1-niveau: {len(goed)}. "
                f"Gemiddelde Flesch-Douma: {getal(gem_fd, 1)}. "
                f"Gemiddelde zinslengte: {getal(gem_zin, 1)} woorden."
            )
        tabel = nodes.table(classes=["leesbaarheid"])
        tabel += nodes.title(text="Leesbaarheid per pagina")
        groep = nodes.tgroup(cols=6)
        tabel += groep
        for breedte in (30, 10, 10, 12, 12, 12):
            groep += nodes.colspec(colwidth=breedte)
        kop = nodes.thead()
        rij = nodes.row()
        for tekst in ("Pagina", "Zinnen", "Woorden", "Woorden per zin", "Flesch-Douma", "Lange woorden"):
            rij += _cel(tekst)
        kop += rij
        groep += kop
        lijf = nodes.tbody()
        for m in metingen:
            rij = nodes.row()
            link = addnodes.pending_xref(
                "", refdomain="std", reftype="doc", reftarget="/" + m.pagina, refexplicit=True, refwarn=True
            )
            link += nodes.inline(text=m.titel or m.pagina)
            alinea = nodes.paragraph()
            alinea += link
            rij += _cel(alinea)
            rij += _cel(getal(m.zinnen, 0))
            rij += _cel(getal(m.woorden, 0))
            rij += _cel(getal(m.gem_zinslengte, 1))
            rij += _cel("vrijgesteld" if m.vrijgesteld else getal(m.flesch_douma, 1))
            rij += _cel(f"{getal(100 * m.lange_woorden, 1)}%")
            lijf += rij
        groep += lijf
        return [samen, tabel]


def setup(app):
    app.add_directive("leesbaarheidstabel", LeesbaarheidstabelDirective)
