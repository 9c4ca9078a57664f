"""Book directive ``{casuskaarten}``: printable case cards for training, made from data/casussen/.

Every case in the inspiration catalogue (loader :func:`calculators.casussen.catalogus.laad_casussen`)
becomes a card: the front holds the situation and the questions for the group, the back
(option ``:antwoorden:``) the doorbraak, the legal basis, the costs for one year computed
from the price list, and the lesson. Nothing is retyped: change the case file and the card
follows. Options: ``:antwoorden:`` (print the back), ``:cluster: cluster-1`` (only one cluster),
``:max: 8`` (at most this many cards), ``:kop: 3`` (heading level of the card titles).
"""

from __future__ import annotations

import html

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import euro

VRAGEN = (
    "Wat is het perspectief van het huishouden?",
    "Wat gebeurt er als niemand iets doet?",
    "Wat is de kleinste stap met het grootste effect?",
    "Welk wetsartikel maakt die stap mogelijk?",
)

SCENARIO = {"huidig": "Huidige situatie", "dreigend": "Dreigend scenario", "doorbraak": "Doorbraak"}


KAART_STIJL = "border:2px solid #555;border-radius:6px;padding:.75rem 1rem;margin:1rem 0;break-inside:avoid"


def kaart_html(casus, nummer: int, clusters: dict[str, str], antwoorden: bool, kop: int = 2) -> str:
    """The HTML of one card (front, and back when ``antwoorden``); ``kop`` is the heading level."""
    from calculators.casussen.catalogus import kosten_samenvatting, leeftijd_tekst

    e = html.escape
    soort = "Illustratieve samengestelde casus" if casus.illustratief else "Echte casus, met toestemming"
    cluster = clusters.get(casus.cluster or "", "")
    voor = [
        f'<article class="casuskaart" style="{KAART_STIJL}" aria-labelledby="kaart-{e(casus.id)}">',
        f'<p class="casuskaart-nummer" style="margin:0">Kaart {nummer}</p>',
        f'<h{kop} id="kaart-{e(casus.id)}" style="margin-top:0">{e(casus.titel)}</h{kop}>',
        f'<p class="casuskaart-soort">{e(soort)}</p>',
        f"<p><strong>Huishouden:</strong> {e(casus.huishouden)}, {e(leeftijd_tekst(casus.leeftijdsband))}. "
        f"<strong>Regio:</strong> {e(casus.regio)}.</p>",
    ]
    if cluster:
        voor.append(f"<p><strong>Giftige cocktail:</strong> {e(cluster)}</p>")
    voor.append(f"<p><strong>De situatie:</strong> {e(casus.probleem)}</p>")
    voor.append("<p><strong>Vragen voor de groep:</strong></p><ol>" + "".join(f"<li>{e(v)}</li>" for v in VRAGEN) + "</ol>")
    if antwoorden:
        som = kosten_samenvatting(casus)
        kosten = "".join(f"<li>{e(SCENARIO[s])}: {e(euro(b))}</li>" for s, b in som.items())
        voor.append(
            '<div class="casuskaart-achterkant">'
            "<p><strong>De doorbraak:</strong> " + e(casus.doorbraak) + "</p>"
            "<p><strong>Wettelijke basis:</strong> " + e(", ".join(casus.wettelijke_basis)) + "</p>"
            "<p><strong>Kosten in één jaar</strong> (prijslijst, kans 100%):</p><ul>" + kosten + "</ul>"
            "<p><strong>De les:</strong> " + e(casus.les) + "</p></div>"
        )
    voor.append("</article>")
    return "".join(voor)


class CasuskaartenDirective(SphinxDirective):
    has_content = False
    option_spec = {"antwoorden": directives.flag, "cluster": directives.unchanged, "max": directives.positive_int,
                   "kop": lambda x: directives.choice(x, ("2", "3", "4"))}

    def run(self):
        try:
            from calculators.casussen.catalogus import CASUSSEN, laad_casussen
            from calculators.patronen.gegevens import laad_clusters

            casussen = laad_casussen()
            clusters = {c.id: f"{c.nummer}. {c.naam}" for c in laad_clusters()}
        except (ImportError, DoorbraakFout) as fout:
            raise self.error(f"De casuskaarten kunnen niet gemaakt worden: {fout}") from fout
        self.env.note_dependency(str(CASUSSEN))
        for pad in sorted(CASUSSEN.glob("*.yaml")):
            self.env.note_dependency(str(pad))
        gekozen = self.options.get("cluster")
        if gekozen:
            casussen = [c for c in casussen if c.cluster == gekozen]
        casussen = casussen[: self.options.get("max", len(casussen))]
        if not casussen:
            raise self.error("Er zijn geen casussen voor deze kaarten.")
        antwoorden = "antwoorden" in self.options
        kop = int(self.options.get("kop", "2"))
        kaarten = "".join(kaart_html(c, i, clusters, antwoorden, kop) for i, c in enumerate(casussen, start=1))
        return [nodes.raw("", f'<div class="casuskaarten">{kaarten}</div>', format="html")]


def setup(app):
    app.add_directive("casuskaarten", CasuskaartenDirective)
    # book/_static/print.css: clean printing of every page (trainer kit, cards, forms).
    app.add_css_file("print.css", media="print")
