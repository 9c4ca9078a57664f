"""Book directives for the trainer kit: ``{casuskaarten}`` and ``{rekenkaart}``.

``{rekenkaart} <reis>`` renders the calculation card of an example journey from its plan file
``data/reizen/<reis>.json`` (loader :func:`calculators.rendement.model.lees_plan`): per scenario a
table with the current help, its quantity (hours, days, units), the price with unit, year and
source from the price list, and how often it counts. With ``:antwoorden:`` it shows the chance
and horizon from the plan file, and what the story says (``kosten.toelichting_kans`` of the case
whose ``reis`` is this journey). Nothing is copied by hand: change the plan file and the card
follows. Tables are the shared :class:`calculators.kern.tabel.Tabel` drawn as docutils nodes.

``{casuskaarten}``: printable case cards for training, made from data/casussen/.

Every case in the inspiration catalogue (loader :func:`calculators.casussen.catalogus.laad_casussen`)
becomes a card: the front holds the situation and the questions for the group, the back
(option ``:antwoorden:``) the doorbraak, the legal basis, the costs for one year computed
from the price list, and the lesson. Nothing is retyped: change the case file and the card
follows. Options: ``:antwoorden:`` (print the back), ``:cluster: cluster-1`` (only one cluster),
``:max: 8`` (at most this many cards), ``:kop: 3`` (heading level of the card titles).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import Decimal

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from calculators.kern.bestanden import lees_tekst
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import euro, getal
from calculators.kern.paden import DATA
from calculators.kern.tabel import Celwaarde, Link, Tabel, maak_tabel

REIZEN = DATA / "reizen"

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
    from calculators.casussen.catalogus import kans_zin, kosten_samenvatting, leeftijd_tekst

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
    voor.append(
        "<p><strong>Vragen voor de groep:</strong></p><ol>" + "".join(f"<li>{e(v)}</li>" for v in VRAGEN) + "</ol>"
    )
    if antwoorden:
        som = kosten_samenvatting(casus)
        kosten = "".join(f"<li>{e(SCENARIO[s])}: {e(euro(b))}</li>" for s, b in som.items())
        voor.append(
            '<div class="casuskaart-achterkant">'
            "<p><strong>De doorbraak:</strong> " + e(casus.doorbraak) + "</p>"
            "<p><strong>Wettelijke basis:</strong> " + e(", ".join(casus.wettelijke_basis)) + "</p>"
            "<p><strong>Kosten per jaar</strong> (uit de prijslijst):</p><ul>" + kosten + "</ul>"
            "<p>" + e(kans_zin(casus)) + "</p>"
            "<p><strong>De les:</strong> " + e(casus.les) + "</p></div>"
        )
    voor.append("</article>")
    return "".join(voor)


class CasuskaartenDirective(SphinxDirective):
    has_content = False
    option_spec = {
        "antwoorden": directives.flag,
        "cluster": directives.unchanged,
        "max": directives.positive_int,
        "kop": lambda x: directives.choice(x, ("2", "3", "4")),
    }

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


# --- rekenkaarten ----------------------------------------------------------------------------
STAPPEN = {"huidig": "Stap 2: de hulp die er nu is", "dreigend": "Stap 3: het dreigend scenario"}


def stap_naam(scenario: str) -> str:
    """'huidig' -> 'Stap 2: ...'; every doorbraak alternative is step 4."""
    if scenario in STAPPEN:
        return STAPPEN[scenario]
    return "Stap 4: de doorbraak" + (
        "" if scenario == "doorbraak" else f" ({scenario.removeprefix('doorbraak').strip()})"
    )


@dataclass(frozen=True)
class Rekenkaart:
    """What a card shows: one table per scenario, and the plan's chance and horizon with the story's reason."""

    reis: str
    plan_bestand: str
    tabellen: tuple[Tabel, ...]
    kans: Decimal
    horizon: int
    waarom: str  # the story's reason for the chance (from the case of this journey), or ""


def _aantal(d: Decimal) -> str:
    return getal(d, 0) if d == d.to_integral_value() else getal(d, 2)


def maak_rekenkaart(reis: str) -> Rekenkaart:
    """The card of journey ``reis`` from ``data/reizen/<reis>.json`` (Dutch DoorbraakFout on any problem)."""
    import json

    from calculators.casussen.catalogus import laad_casussen
    from calculators.prijzen.prijslijst import laad_prijzen, prijs_per_id
    from calculators.rendement.model import lees_plan, los_op

    if not reis or "/" in reis or "\\" in reis or reis.startswith("."):
        raise DoorbraakFout(
            f"'{reis}' is geen naam van een reis. Gebruik de naam van een bestand in data/reizen/, zonder .json."
        )
    pad = REIZEN / f"{reis}.json"
    if not pad.is_file():
        bestaand = ", ".join(sorted(p.stem for p in REIZEN.glob("*.json")))
        raise DoorbraakFout(f"De reis '{reis}' heeft geen planbestand in data/reizen/. Kies uit: {bestaand}.")
    try:
        data = json.loads(lees_tekst(pad, naam=pad.name))
    except ValueError as fout:
        raise DoorbraakFout(f"{pad.name} is geen geldige JSON ({fout}).") from fout
    prijzen = prijs_per_id(laad_prijzen())
    plan = lees_plan(data, prijzen, bestand=pad.name)
    naam = (plan.titel or reis).split(" (")[0]
    tabellen = []
    for scenario, regels in plan.scenarios.items():
        rijen: list[list[Celwaarde]] = []
        for regel in regels:
            r = los_op(regel, prijzen)
            if r.prijs is not None:
                prijs = f"{euro(r.bedrag)} {r.prijs.eenheid} ({r.prijs.jaar})"
                bron: Celwaarde = Link(r.prijs.bron_titel, r.prijs.bron_url)
            else:
                prijs, bron = euro(r.bedrag), "eigen bedrag in het plan, zonder bron"
            rijen.append(
                [r.omschrijving, _aantal(r.aantal), prijs, "elk jaar" if r.soort == "jaarlijks" else "één keer", bron]
            )
        tabellen.append(
            maak_tabel(
                f"{stap_naam(scenario)}: {naam}",
                ["Wat", "Aantal", "Prijs", "Hoe vaak", "Bron van de prijs"],
                rijen,
                rechts=frozenset({1, 2}),
                klassen=("rekenkaart",),
            )
        )
    waarom = next((" ".join(c.kosten.toelichting_kans.split()) for c in laad_casussen() if c.reis == reis), "")
    return Rekenkaart(reis, f"data/reizen/{reis}.json", tuple(tabellen), plan.kans_dreigend, plan.horizon_jaren, waarom)


def antwoord_zinnen(kaart: Rekenkaart) -> list[str]:
    """The answers' plain-Dutch lines: chance and horizon from the plan file, and what the story says."""
    jaren = "1 jaar" if kaart.horizon == 1 else f"{kaart.horizon} jaar"
    zinnen = [
        f"Het planbestand rekent met een kans van {getal(kaart.kans * 100, 0)} procent op het dreigend "
        f"scenario, over {jaren}."
    ]
    if kaart.waarom:
        zinnen.append(f"Wat zegt het verhaal? {kaart.waarom}")
    return zinnen


class RekenkaartDirective(SphinxDirective):
    """``{rekenkaart} <reis>``: the cost lines of a journey's plan file; ``:antwoorden:`` for the answers."""

    required_arguments = 1
    has_content = False
    option_spec = {"antwoorden": directives.flag}

    def run(self):
        from calculators.kern.boek import tabel_knopen
        from calculators.prijzen.prijslijst import PRIJZEN_CSV

        reis = self.arguments[0].strip()
        try:
            kaart = maak_rekenkaart(reis)
        except DoorbraakFout as fout:
            raise self.error(f"De rekenkaart '{reis}' kan niet gemaakt worden: {fout}") from fout
        self.env.note_dependency(str(REIZEN / f"{reis}.json"))
        self.env.note_dependency(str(PRIJZEN_CSV))
        for pad in sorted((DATA / "casussen").glob("*.yaml")):
            self.env.note_dependency(str(pad))
        if "antwoorden" in self.options:
            return [nodes.paragraph("", z) for z in antwoord_zinnen(kaart)]
        uit: list[nodes.Node] = []
        for tabel in kaart.tabellen:
            uit += tabel_knopen(tabel)
        # plain text, not a code literal: on a phone it must wrap (at the hyphens)
        uit.append(nodes.paragraph("", f"Planbestand: {reis}.json, in de map data/reizen."))
        return uit


def setup(app):
    app.add_directive("casuskaarten", CasuskaartenDirective)
    app.add_directive("rekenkaart", RekenkaartDirective)
    # book/_static/print.css: clean printing of every page (trainer kit, cards, forms).
    app.add_css_file("print.css", media="print")
