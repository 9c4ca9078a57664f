"""Sphinx extension: the book reads its facts from data/ through these roles and directives.

- ``{rekenhulp} naam`` (directive): embeds the live calculator ``calculators/dashboards/<naam>.ipynb``
  (served by Voila on the same origin) in an iframe. Its body is the static fallback shown
  when no calculator server runs (for example a table generated from data/).

Each capability adds its own roles and directives in its ``boek.py`` with ``setup(app)``;
:data:`ONDERDELEN` lists them explicitly (as sphinx-design registers its parts), so
``_config.yml`` names only this extension.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

import calculators
from calculators import naslag, naslag_links
from calculators.casussen import boek as casussen_boek
from calculators.kern.paden import DASHBOARDS, ROOT
from calculators.patronen import boek as patronen_boek
from calculators.plan import boek as plan_boek
from calculators.prijzen import boek as prijzen_boek
from calculators.privacy import boek as privacy_boek
from calculators.rendement import boek as rendement_boek
from calculators.signalen import boek as signalen_boek
from calculators.taal import boek as taal_boek
from calculators.taal import thema as taal_thema
from calculators.trainers import boek as trainers_boek
from calculators.wetten import boek as wetten_boek

# Every part of the book that adds roles or directives, each with ``setup(app)``.
ONDERDELEN = (
    prijzen_boek,
    wetten_boek,
    rendement_boek,
    plan_boek,
    casussen_boek,
    trainers_boek,
    patronen_boek,
    signalen_boek,
    privacy_boek,
    taal_boek,
    taal_thema,
    naslag,
    naslag_links,
)


class RekenhulpDirective(SphinxDirective):
    """Live calculator in an iframe, with a static fallback (the directive body)."""

    required_arguments = 1
    has_content = True
    option_spec = {"titel": directives.unchanged, "hoogte": directives.positive_int}

    def run(self):
        naam = self.arguments[0]
        dashboard = str(DASHBOARDS / f"{naam}.ipynb")
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


def numfig_uit_config(pad: Path | None = None) -> bool:
    """The book's own choice for numbered figures and tables: ``sphinx.config.numfig`` in
    ``_config.yml`` (False when it is not set)."""
    import yaml

    conf = yaml.safe_load((pad or ROOT / "_config.yml").read_text(encoding="utf-8")) or {}
    return bool(((conf.get("sphinx") or {}).get("config") or {}).get("numfig", False))


def _geen_nummers(app, config) -> None:
    """No "Tabel 33" before a caption unless ``_config.yml`` asks for numbers.

    ``_config.yml`` says ``numfig: false``, but Jupyter Book's LaTeX helper
    (sphinx_jupyterbook_latex) sets ``numfig = True`` for every builder when the config is
    read. This handler runs after it and puts the book's own choice back (read from
    ``_config.yml``, so it is set in one place). Without it a page with three tables showed
    "Tabel 33" to "Tabel 35", numbered across the whole book.
    """
    config.numfig = numfig_uit_config()


def setup(app):
    app.connect("config-inited", _geen_nummers, priority=900)
    app.add_directive("rekenhulp", RekenhulpDirective)
    for onderdeel in ONDERDELEN:
        onderdeel.setup(app)
    return {"version": calculators.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
