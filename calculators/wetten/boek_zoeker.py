"""Book directive for the law lookup "Mag dit?": the static fallback table.

``{wetartikeltabel}`` (directive): every article in ``data/wetten`` as one row of a
sortable, searchable table (the search box and sort buttons work with the shared
``book/_static/doorbraak.js``). Columns: article (link to its place on the law page),
law, what it makes possible (B1), domeinen, version date and the official text on
wetten.overheid.nl. The links to the law pages use the same mechanism as the
``{artikel}`` role (:mod:`calculators.wetten.boek`), so they are resolved after all pages
are read. Nothing is typed twice: the table is generated from the data.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from calculators.kern.opmaak import datum
from calculators.wetten.artikelen import WETTEN_MAP, alle_artikelen
from calculators.wetten.boek import artikel_link
from calculators.wetten.zoeker import laatst_gecontroleerd

KOLOMMEN = ("Artikel", "Wet", "Wat kan hiermee?", "Domein", "Geldig vanaf", "Officiële tekst")


def _cel(*inhoud: nodes.Node) -> nodes.entry:
    cel = nodes.entry()
    alinea = nodes.paragraph()
    for deel in inhoud:
        alinea += deel
    cel += alinea
    return cel


class WetArtikelTabelDirective(SphinxDirective):
    """All law articles as a searchable, sortable table."""

    has_content = False

    def run(self):
        for pad in sorted(WETTEN_MAP.glob("*.yaml")):
            self.env.note_dependency(str(pad))
        tabel = nodes.table(classes=["sorteerbaar", "wettabel"])
        tabel += nodes.title("", "Alle wetsartikelen in Doorbraakwijzer")
        groep = nodes.tgroup(cols=len(KOLOMMEN))
        tabel += groep
        for breedte in (14, 14, 40, 10, 10, 12):
            groep += nodes.colspec(colwidth=breedte)
        kop = nodes.thead()
        rij = nodes.row()
        for k in KOLOMMEN:
            cel = nodes.entry()
            cel += nodes.raw("", f'<button type="button" class="sorteer">{k}</button>', format="html")
            rij += cel
        kop += rij
        groep += kop
        lichaam = nodes.tbody()
        for a in alle_artikelen():
            rij = nodes.row()
            rij += _cel(artikel_link(a, None, f"Artikel {a.artikel} {a.afkorting}"))
            rij += _cel(nodes.Text(a.wetnaam))
            rij += _cel(nodes.Text(a.uitleg.mogelijk))
            rij += _cel(nodes.Text(", ".join(a.domeinen)))
            rij += _cel(nodes.Text(datum(a.geldig_vanaf)))
            rij += _cel(nodes.reference("", f"Artikel {a.artikel} op wetten.overheid.nl", refuri=a.url, internal=False))
            lichaam += rij
        groep += lichaam
        open_ = nodes.raw(
            "",
            '<div class="doorzoekbare-tabel">'
            '<label class="tabel-zoek-label">Zoek in de tabel '
            '<input type="search" class="tabel-zoek" autocomplete="off"></label>'
            '<p class="tabel-aantal" role="status" aria-live="polite"></p>'
            '<div class="tabel-scroll" tabindex="0" role="region" aria-label="Wetsartikelen">',
            format="html",
        )
        sluit = nodes.raw("", "</div></div>", format="html")
        peil = nodes.paragraph("", laatst_gecontroleerd() + " Dit is geen juridisch advies.")
        return [peil, open_, tabel, sluit]


def setup(app):
    app.add_directive("wetartikeltabel", WetArtikelTabelDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
