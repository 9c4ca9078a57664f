"""Sphinx extension: the book reads its facts from data/ through these roles and directives.

- ``{rekenhulp} naam`` (directive): embeds the live calculator ``calculators/dashboards/<naam>.ipynb``
  (served by Voila on the same origin) in an iframe. Its body is the static fallback shown
  when no calculator server runs (for example a table generated from data/).
- ``{prijstabel}`` (directive): the whole price list as a sortable, searchable table.
- ``{prijs}`id``` (role): one price from data/prijzen.csv, as "€ 1.234,56 per jaar (prijspeil 2024)".
- ``{bedrag}`id``` (role): only the amount of that price.

Other modules named ``calculators/boek_*.py`` add their own roles and directives: each
has ``setup(app)`` and is loaded from here, so ``_config.yml`` lists only this extension.
"""

from __future__ import annotations

import html
import importlib
import pkgutil

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

import calculators
from calculators.opmaak import euro
from calculators.prijslijst import laad_prijzen, prijs_per_id


class RekenhulpDirective(SphinxDirective):
    """Live calculator in an iframe, with a static fallback (the directive body)."""

    required_arguments = 1
    has_content = True
    option_spec = {"titel": directives.unchanged, "hoogte": directives.positive_int}

    def run(self):
        naam = self.arguments[0]
        dashboard = calculators.__path__[0] + f"/dashboards/{naam}.ipynb"
        import os

        if not os.path.exists(dashboard):
            raise self.error(f"Rekenhulp '{naam}' bestaat niet: {dashboard} ontbreekt.")
        titel = self.options.get("titel", naam)
        hoogte = self.options.get("hoogte", 800)
        # The iframe src is relative to the site root: the page computes it with the
        # content root so the book also works under a sub-path.
        boven = html.escape(f"/voila/render/{naam}.ipynb")
        kop = nodes.raw(
            "",
            f'<div class="rekenhulp" data-rekenhulp="{html.escape(naam)}" data-src="{boven}" '
            f'data-hoogte="{hoogte}" data-titel="{html.escape(titel)}">'
            f'<p class="rekenhulp-status" role="status" aria-live="polite">De rekenhulp wordt geladen…</p>'
            f'<div class="rekenhulp-fallback">',
            format="html",
        )
        inhoud = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, inhoud)
        staart = nodes.raw("", "</div></div>", format="html")
        return [kop, *inhoud.children, staart]


class PrijsTabelDirective(SphinxDirective):
    """The full price list as an HTML table (sortable and searchable with book/_static JS)."""

    has_content = False

    def run(self):
        self.env.note_dependency(str(calculators.prijslijst.PRIJZEN_CSV))
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
    env.note_dependency(str(calculators.prijslijst.PRIJZEN_CSV))
    return prijs_per_id(laad_prijzen()).get(ident)


class PrijsRole(SphinxRole):
    """``{prijs}`id``` → "€ 7.500,00 eenmalig (prijspeil 2014)"."""

    alleen_bedrag = False

    def run(self):
        p = _prijs(self.env, self.text.strip())
        if p is None:
            msg = self.inliner.reporter.error(f"Onbekende prijs-id '{self.text}' (niet in data/prijzen.csv).", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        tekst = euro(p.bedrag) if self.alleen_bedrag else f"{euro(p.bedrag)} {p.eenheid} (prijspeil {p.jaar})"
        return [nodes.inline(self.rawtext, tekst, classes=["prijs"])], []


class BedragRole(PrijsRole):
    alleen_bedrag = True


def setup(app):
    app.add_directive("rekenhulp", RekenhulpDirective)
    app.add_directive("prijstabel", PrijsTabelDirective)
    app.add_role("prijs", PrijsRole())
    app.add_role("bedrag", BedragRole())
    for info in sorted(pkgutil.iter_modules(calculators.__path__), key=lambda m: m.name):
        if info.name.startswith("boek_"):
            importlib.import_module(f"calculators.{info.name}").setup(app)
    return {"version": calculators.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
