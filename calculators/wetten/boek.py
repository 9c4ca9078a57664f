"""Book role and directive for law articles (data/wetten/*.yaml).

- ``{artikel}`Pw 52``` (role): a link "artikel 52 Participatiewet" to the article on its law
  page. A lid is allowed: ``{artikel}`Pw 18 lid 1```, and your own link text:
  ``{artikel}`de voorschotregel <Pw 52>```. An unknown reference is a Sphinx
  error, so a build with ``-W`` fails.
- ``{wetsartikelen} Pw`` (directive): all articles of one law, each with a heading and
  anchor (see :func:`calculators.wetten.artikelen.artikel_anker`), the B1 explanation, conditions,
  misunderstandings, situations, related articles as links, example questions and the
  official text in a foldable ``<details class="wettekst">`` block with the version date
  and a link to wetten.overheid.nl.

The directive remembers on which page each law is shown; role links are resolved after
all pages are read, so a link works from any page. Without a directive for that law the
link points to ``book/wetten/<slug>`` (the page name convention).
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import datum
from calculators.wetten.artikelen import WETTEN_MAP, Artikel, alle_artikelen, laad_wetten, ontleed_referentie
from calculators.wetten.uitspraken import UITSPRAKEN_YAML, uitspraken_bij
from calculators.wetten.wijzigingen import WIJZIGINGEN_YAML, wijzigingen_bij
from calculators.wetten.zoeker import laatst_gecontroleerd

logger = logging.getLogger(__name__)

_ENV_SLEUTEL = "doorbraak_wetpaginas"


def linktekst(artikel: Artikel, lid: str | None = None) -> str:
    """The visible text of a link: ``"artikel 18 lid 1 Participatiewet"``."""
    tekst = f"artikel {artikel.artikel}"
    if lid:
        tekst += f" lid {lid}"
    return f"{tekst} {artikel.wet.wet}"


def artikel_link(artikel: Artikel, lid: str | None, tekst: str | None = None) -> nodes.reference:
    node = nodes.reference(
        "",
        tekst or linktekst(artikel, lid),
        internal=True,
        refuri="#" + artikel.anker,
        reftitle=artikel.titel,
        classes=["wetsartikel-link"],
    )
    node["doorbraak_afkorting"] = artikel.wet.afkorting
    node["doorbraak_slug"] = artikel.wet.slug
    node["doorbraak_anker"] = artikel.anker
    return node


def _noteer_afhankelijkheid(env) -> None:
    for pad in sorted(WETTEN_MAP.glob("*.yaml")):
        env.note_dependency(str(pad))
    for pad in (UITSPRAKEN_YAML, WIJZIGINGEN_YAML):
        if pad.exists():
            env.note_dependency(str(pad))


_EIGEN_TEKST = re.compile(r"^(?P<tekst>.+?)\s*<(?P<ref>[^<>]+)>\s*$", re.S)


class ArtikelRole(SphinxRole):
    """``{artikel}`Pw 52``` → link "artikel 52 Participatiewet".

    With your own link text: ``{artikel}`de voorschotregel <Pw 52>```.
    """

    def run(self):
        _noteer_afhankelijkheid(self.env)
        ref, tekst = self.text, None
        m = _EIGEN_TEKST.match(self.text)
        if m:
            ref, tekst = m.group("ref"), " ".join(m.group("tekst").split())
        try:
            artikel, lid = ontleed_referentie(ref)
        except DoorbraakFout as e:
            msg = self.inliner.reporter.error(f"Onbekend wetsartikel '{ref}': {e}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [artikel_link(artikel, lid, tekst)], []


def _lijst(items: list[str]) -> nodes.bullet_list:
    lijst = nodes.bullet_list()
    for tekst in items:
        lijst += nodes.list_item("", nodes.paragraph(text=tekst))
    return lijst


def _kopje(tekst: str) -> nodes.paragraph:
    p = nodes.paragraph(classes=["wetsartikel-kopje"])
    p += nodes.strong(text=tekst)
    return p


def wettekst_html(artikel: Artikel) -> str:
    """The official text as a foldable HTML block (all text escaped)."""
    regels = []
    for lid in artikel.leden:
        delen = lid.tekst.split("\n")
        binnen = "<br>".join(html.escape(d) for d in delen)
        if lid.nummer is None:
            regels.append(f"<p>{binnen}</p>")
        else:
            regels.append(f'<p><span class="lidnummer">{html.escape(lid.nummer)}</span> {binnen}</p>')
    versie = datum(artikel.wet.geldig_vanaf)
    extra = ""
    if not artikel.volledig:
        extra += "<p><em>Dit is een deel van het artikel. Lees het hele artikel op wetten.overheid.nl.</em></p>"
    if artikel.opmerking:
        extra += f'<p class="wettekst-opmerking"><small>Opmerking bij deze tekst: {html.escape(artikel.opmerking)}</small></p>'
    if artikel.herkomst:
        extra += (
            '<p class="wettekst-herkomst"><em>Deze tekst is nog niet extra gecontroleerd. '
            "Kijk voor de zekerheid op wetten.overheid.nl.</em><br>"
            f"<small>Herkomst: {html.escape(artikel.herkomst)}</small></p>"
        )

    return (
        f'<details class="wettekst" lang="nl">'
        f"<summary>Officiële tekst van artikel {html.escape(artikel.artikel)} (geldig vanaf {html.escape(versie)})</summary>"
        f'<div class="wettekst-inhoud">{"".join(regels)}{extra}'
        f'<p class="wettekst-bron"><a href="{html.escape(artikel.url)}" rel="noopener">'
        f"Lees artikel {html.escape(artikel.artikel)} op wetten.overheid.nl</a></p></div></details>"
    )


def _link(tekst: str, url: str) -> nodes.reference:
    return nodes.reference("", tekst, refuri=url, internal=False)


def wijzigingen_nodes(artikel: Artikel) -> list[nodes.Node]:
    """Announced changes of the article: what, from when, status, remark and source."""
    uit: list[nodes.Node] = []
    for wz in wijzigingen_bij(artikel):
        blok = nodes.container(classes=["wetswijziging"])
        kop = nodes.paragraph()
        kop += nodes.strong(text=f"Wetswijziging: {wz.titel}")
        kop += nodes.Text(f" ({wz.vanaf}; status: {wz.status_tekst})")
        blok += kop
        blok += nodes.paragraph(text=wz.wat)
        if wz.opmerking:
            blok += nodes.paragraph(text=wz.opmerking)
        bron = nodes.paragraph()
        bron += nodes.Text("Bron: ")
        bron += _link(wz.bron, wz.url)
        bron += nodes.Text(f" (gecontroleerd op {datum(wz.gecontroleerd)})")
        blok += bron
        uit.append(blok)
    return uit


def uitspraken_nodes(artikel: Artikel) -> list[nodes.Node]:
    """Real rulings about the article: court, date, ECLI (link), holding and where it was read."""
    lijst = uitspraken_bij(artikel)
    if not lijst:
        return []
    ul = nodes.bullet_list(classes=["uitspraken"])
    for u in lijst:
        p = nodes.paragraph()
        p += nodes.strong(text=f"{u.instantie}, {datum(u.datum)}")
        p += nodes.Text(" (")
        p += _link(u.ecli, u.rechtspraak_url)
        p += nodes.Text(f"): {u.kern} ")
        p += _link("Bron", u.bron_url)
        ul += nodes.list_item("", p)
    return [_kopje("Uitspraken van de rechter"), ul]


def artikel_sectie(artikel: Artikel, document) -> nodes.section:
    """One article as a section with anchor, explanation and official text."""
    sectie = nodes.section(ids=[artikel.anker], names=[artikel.anker], classes=["wetsartikel"])
    sectie += nodes.title(text=f"Artikel {artikel.artikel}: {artikel.titel}")
    u = artikel.uitleg
    sectie += wijzigingen_nodes(artikel)
    sectie += _kopje("Dit mag wél")
    sectie += nodes.paragraph(text=u.mogelijk)
    if u.voorwaarden:
        sectie += _kopje("Voorwaarden")
        sectie += _lijst(u.voorwaarden)
    if u.misverstanden:
        sectie += _kopje("Misverstanden")
        sectie += _lijst(u.misverstanden)
    if u.situaties:
        sectie += _kopje("Hier helpt het artikel")
        sectie += _lijst(u.situaties)
    if artikel.voorbeeldvragen:
        sectie += _kopje("Vragen die hierbij passen")
        sectie += _lijst(artikel.voorbeeldvragen)
    sectie += uitspraken_nodes(artikel)
    if artikel.gerelateerd:
        sectie += _kopje("Zie ook")
        lijst = nodes.bullet_list()
        for ref in artikel.gerelateerd:
            ander, lid = ontleed_referentie(ref)
            p = nodes.paragraph()
            p += artikel_link(ander, lid)
            p += nodes.Text(f": {ander.titel}")
            lijst += nodes.list_item("", p)
        sectie += lijst
    sectie += nodes.raw("", wettekst_html(artikel), format="html")
    return sectie


class WetsartikelenDirective(SphinxDirective):
    """``{wetsartikelen} <afkorting>``: all articles of one law."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False

    def run(self):
        _noteer_afhankelijkheid(self.env)
        gevraagd = " ".join(self.arguments[0].split()).lower()
        wet = next((w for w in laad_wetten() if w.afkorting.lower() == gevraagd or w.slug == gevraagd), None)
        if wet is None:
            bekend = ", ".join(w.afkorting for w in laad_wetten())
            raise self.error(f"Onbekende wet '{self.arguments[0]}'. Kies uit: {bekend}.")
        paginas = getattr(self.env, _ENV_SLEUTEL, None)
        if paginas is None:
            paginas = {}
            setattr(self.env, _ENV_SLEUTEL, paginas)
        paginas[wet.afkorting] = self.env.docname
        kop = nodes.raw(
            "",
            f'<p class="wet-versie">Tekst van de {html.escape(wet.wet)} zoals die geldt vanaf '
            f'{html.escape(datum(wet.geldig_vanaf))}. <a href="{html.escape(wet.url)}" rel="noopener">'
            f"Bekijk de hele wet op wetten.overheid.nl</a>.</p>",
            format="html",
        )
        return [kop, *[artikel_sectie(a, self.state.document) for a in wet.artikelen]]


def _purge(app, env, docname):
    paginas = getattr(env, _ENV_SLEUTEL, None)
    if paginas:
        for afk in [a for a, d in paginas.items() if d == docname]:
            del paginas[afk]


def _merge(app, env, docnames, other):
    andere = getattr(other, _ENV_SLEUTEL, {}) or {}
    paginas = getattr(env, _ENV_SLEUTEL, None)
    if paginas is None:
        paginas = {}
        setattr(env, _ENV_SLEUTEL, paginas)
    for afk, doc in andere.items():
        if doc in docnames:
            paginas[afk] = doc


def doelpagina(env, afkorting: str, slug: str) -> str | None:
    """The document that shows this law, or None when no page shows it."""
    paginas = getattr(env, _ENV_SLEUTEL, {}) or {}
    if afkorting in paginas:
        return paginas[afkorting]
    standaard = f"book/wetten/{slug}"
    return standaard if standaard in env.all_docs else None


def _los_links_op(app, doctree, docname):
    for node in doctree.findall(nodes.reference):
        if "doorbraak_afkorting" not in node:
            continue
        doel = doelpagina(app.env, node["doorbraak_afkorting"], node["doorbraak_slug"])
        anker = node["doorbraak_anker"]
        if doel is None:
            logger.warning(
                f"Er is geen pagina met de artikelen van {node['doorbraak_afkorting']} "
                f"(verwacht: book/wetten/{node['doorbraak_slug']}.md met de opdracht wetsartikelen).",
                location=docname,
            )
            continue
        if doel == docname:
            node["refuri"] = "#" + anker
        else:
            try:
                node["refuri"] = app.builder.get_relative_uri(docname, doel) + "#" + anker
            except Exception:  # builders without URIs (e.g. linkcheck) keep the anchor
                node["refuri"] = "#" + anker


# --- the static fallback table of "Mag dit?" ------------------------------------------
# ``{wetartikeltabel}``: every article in ``data/wetten`` as one row of a sortable,
# searchable table (book/_static/doorbraak.js): article (link to its place on the law
# page), law, what it makes possible (B1), domeinen, version date, official text.

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
    app.add_role("artikel", ArtikelRole())
    app.add_directive("wetsartikelen", WetsartikelenDirective)
    app.add_directive("wetartikeltabel", WetArtikelTabelDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-resolved", _los_links_op)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
