"""Book adapter of the prices: the price table and the ``{prijs}``/``{bedrag}`` roles.

- ``{prijstabel}`` (directive): the whole price list as a sortable, searchable table.
- ``{prijs}`id``` (role): one price from data/prijzen.csv, as "€ 1.234,56 per jaar (prijspeil 2024)".
- ``{bedrag}`id``` (role): only the amount of that price.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.util.docutils import SphinxDirective, SphinxRole

from calculators.kern.opmaak import euro
from calculators.prijzen.prijslijst import PRIJZEN_CSV, laad_prijzen, prijs_per_id


class PrijsTabelDirective(SphinxDirective):
    """The full price list as an HTML table (sortable and searchable with book/_static JS)."""

    has_content = False

    def run(self):
        self.env.note_dependency(str(PRIJZEN_CSV))
        rijen = []
        for p in laad_prijzen():
            rijen.append(
                "<tr>"
                f'<td id="prijs-{html.escape(p.id)}">{html.escape(p.item)}</td>'
                f"<td>{html.escape(p.eenheid)}</td>"
                f'<td data-sort="{p.bedrag}" class="bedrag">{html.escape(euro(p.bedrag))}</td>'
                f"<td>{p.jaar}</td>"
                f"<td>{html.escape(p.geldstroom)}</td>"
                f"<td>{html.escape(p.domein)}</td>"
                f"<td>{html.escape(p.betrouwbaarheid)}</td>"
                f'<td><a href="{html.escape(p.bron_url)}" rel="noopener">{html.escape(p.bron_titel)}</a></td>'
                "</tr>"
            )
        tabel = (
            '<div class="doorzoekbare-tabel">'
            '<label class="tabel-zoek-label">Zoek in de tabel '
            '<input type="search" class="tabel-zoek" autocomplete="off"></label>'
            '<p class="tabel-aantal" role="status" aria-live="polite"></p>'
            '<div class="tabel-scroll" tabindex="0" role="region" aria-label="Prijslijst">'
            '<table class="sorteerbaar prijstabel"><caption>Maatschappelijke prijslijst</caption>'
            "<thead><tr>"
            + "".join(
                f'<th scope="col"><button type="button" class="sorteer">{k}</button></th>'
                for k in ("Item", "Eenheid", "Bedrag", "Prijspeil", "Geldstroom", "Domein", "Betrouwbaarheid", "Bron")
            )
            + "</tr></thead><tbody>"
            + "".join(rijen)
            + "</tbody></table></div></div>"
        )
        return [nodes.raw("", tabel, format="html")]


def _prijs(env, ident: str):
    env.note_dependency(str(PRIJZEN_CSV))
    return prijs_per_id(laad_prijzen()).get(ident)


class PrijsRole(SphinxRole):
    """``{prijs}`id``` → "€ 7.500,00 eenmalig (prijspeil 2014)"."""

    alleen_bedrag = False

    def run(self):
        p = _prijs(self.env, self.text.strip())
        if p is None:
            msg = self.inliner.reporter.error(
                f"Onbekende prijs-id '{self.text}' (niet in data/prijzen.csv).", line=self.lineno
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        tekst = euro(p.bedrag) if self.alleen_bedrag else f"{euro(p.bedrag)} {p.eenheid} (prijspeil {p.jaar})"
        return [nodes.inline(self.rawtext, tekst, classes=["prijs"])], []


class BedragRole(PrijsRole):
    alleen_bedrag = True


def setup(app) -> None:
    app.add_directive("prijstabel", PrijsTabelDirective)
    app.add_role("prijs", PrijsRole())
    app.add_role("bedrag", BedragRole())
