"""Book directive for the costs of an example plan, computed with the rendement model.

``{plankosten} data/reizen/yoghurt.json`` reads a plan file in the rendement JSON format
(:func:`calculators.rendement.lees_plan`), computes it with :func:`calculators.rendement.bereken`
and shows: a table of every cost line per scenario (with the price and its source), the total
per scenario, the expected cost of doing nothing, the difference per doorbraak, and the plain
Dutch explanation of :func:`calculators.rendement.uitleg`. No amount is typed into the page.

Options: ``:regels:`` (show the cost lines; default on), ``:titel:`` (table caption).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from calculators.fouten import DoorbraakFout
from calculators.opmaak import euro, getal
from calculators.paden import ROOT
from calculators.prijslijst import laad_prijzen, prijs_per_id

SCENARIO_NAMEN = {"huidig": "Huidige situatie", "dreigend": "Dreigend scenario", "doorbraak": "Doorbraak"}


def scenario_naam(s: str) -> str:
    """Reader-facing name of a scenario ('doorbraak B' → 'Doorbraak B')."""
    return SCENARIO_NAMEN.get(s, s[:1].upper() + s[1:])


def lees_planbestand(pad: Path):
    """Read and validate a plan file; Dutch DoorbraakFout naming the file when it is wrong."""
    from calculators.rendement import lees_plan

    try:
        ruw = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as fout:
        raise DoorbraakFout(f"{pad.name}: het planbestand kan niet gelezen worden ({fout}).") from fout
    return lees_plan(ruw, bestand=pad.name)


def plankosten_html(pad: Path, regels: bool = True, titel: str = "") -> str:
    """The HTML of the cost table of one plan file (see module docstring)."""
    from calculators.rendement import bereken, los_op, uitleg

    plan = lees_planbestand(pad)
    prijzen = prijs_per_id(laad_prijzen())
    uitkomst = bereken(plan, prijzen)
    delen = ['<div class="plankosten">']
    kop = html.escape(titel or plan.titel or "Kosten")
    if regels:
        rijen = []
        for scenario, lijst in plan.scenarios.items():
            for regel in lijst:
                r = los_op(regel, prijzen)
                prijs = r.prijs
                bron = (f'<a href="{html.escape(prijs.bron_url)}" rel="noopener">{html.escape(prijs.bron_titel)}</a>'
                        f" ({prijs.jaar}, {html.escape(prijs.betrouwbaarheid)})" if prijs else "eigen bedrag")
                eenheid = f" {html.escape(prijs.eenheid)}" if prijs else ""
                rijen.append(
                    "<tr>"
                    f"<td>{html.escape(scenario_naam(scenario))}</td>"
                    f"<td>{html.escape(r.omschrijving)}</td>"
                    f'<td class="getal">{html.escape(getal(r.aantal, 2))}</td>'
                    f'<td class="bedrag">{html.escape(euro(r.bedrag))}{eenheid}</td>'
                    f"<td>{html.escape(r.soort)}</td>"
                    f"<td>{html.escape(r.geldstroom)}</td>"
                    f"<td>{bron}</td>"
                    "</tr>"
                )
        delen.append(
            f'<div class="tabel-scroll" tabindex="0" role="region" aria-label="Kostenregels: {kop}">'
            f'<table class="plankosten-regels"><caption>Kostenregels: {kop}</caption><thead><tr>'
            + "".join(f'<th scope="col">{k}</th>' for k in
                      ("Scenario", "Wat", "Aantal", "Prijs", "Soort", "Wie betaalt", "Bron"))
            + "</tr></thead><tbody>" + "".join(rijen) + "</tbody></table></div>"
        )
    jaren = "1 jaar" if uitkomst.horizon_jaren == 1 else f"{uitkomst.horizon_jaren} jaar"
    totaal_rijen = [
        f'<tr><th scope="row">{html.escape(scenario_naam(s))}</th><td class="bedrag">{html.escape(euro(b))}</td></tr>'
        for s, b in uitkomst.totaal.items()
    ]
    totaal_rijen.append(
        f'<tr><th scope="row">Niets doen (verwachting)</th><td class="bedrag">{html.escape(euro(uitkomst.niets_doen))}</td></tr>'
    )
    for d, b in uitkomst.netto.items():
        totaal_rijen.append(
            f'<tr class="verschil"><th scope="row">Verschil: niets doen min {html.escape(scenario_naam(d).lower())}</th>'
            f'<td class="bedrag">{html.escape(euro(b))}</td></tr>'
        )
    kans = getal(uitkomst.kans_dreigend * 100, 0)
    delen.append(
        f'<table class="plankosten-totaal"><caption>Totaal over {jaren}, kans op het dreigend scenario {kans}%</caption>'
        '<thead><tr><th scope="col">Scenario</th><th scope="col">Kosten</th></tr></thead><tbody>'
        + "".join(totaal_rijen) + "</tbody></table>"
    )
    delen.append(f'<p class="plankosten-uitleg">{html.escape(uitleg(uitkomst))}</p></div>')
    return "".join(delen)


class PlankostenDirective(SphinxDirective):
    """``{plankosten} data/reizen/naam.json``: the computed costs of an example plan."""

    required_arguments = 1
    has_content = False
    option_spec = {"regels": directives.unchanged, "titel": directives.unchanged}

    def run(self):
        pad = (ROOT / self.arguments[0]).resolve()
        if not pad.is_file() or ROOT not in pad.parents:
            raise self.error(f"Planbestand '{self.arguments[0]}' bestaat niet.")
        self.env.note_dependency(str(pad))
        from calculators.prijslijst import PRIJZEN_CSV

        self.env.note_dependency(str(PRIJZEN_CSV))
        toon_regels = self.options.get("regels", "ja").strip().lower() not in ("nee", "uit", "0")
        try:
            inhoud = plankosten_html(pad, toon_regels, self.options.get("titel", ""))
        except DoorbraakFout as fout:
            raise self.error(str(fout)) from fout
        return [nodes.raw("", inhoud, format="html")]


def setup(app):
    app.add_directive("plankosten", PlankostenDirective)
