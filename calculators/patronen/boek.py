"""Book directives that show the pattern data (data/patronen/) with simple diagrams.

- ``{clusters}``: the four giftige cocktails — an ingredient matrix (a real table, so screen
  readers can read it) plus one card per cluster with doorbraken, laws, articles and knelpunten.
- ``{knelpunten}``: the three kinds of system bottleneck with causes, examples and what helps.
- ``{woonfuik}``: the road to eviction as an inline SVG funnel, with the steps as an ordered
  list (the text alternative) and the signals per step.
- ``{rubrieken}``: the indicators with their herkomst, and a count per domein in our own list (no chart).
- ``{ggz}``, ``{jeugdzorg}``, ``{geldproblemen}``: the three-way analyses as cards.
- ``{reispatronen}``: journey patterns, the 16-of-100 bar and the helping factors.

Everything is generated from the data at build time; nothing is typed into the pages.
Article references are rendered with the ``{artikel}`` role of :mod:`calculators.wetten.boek`.
Own additions (``eigen_toevoeging``) are marked on the page.
"""

from __future__ import annotations

import html

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from calculators.kern.boek import tabel_knopen
from calculators.kern.tabel import cel, maak_tabel
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.patronen.gegevens import HERKOMST, PATRONEN, klein, laad_patronen

EIGEN = "(eigen toevoeging)"
_VERBORGEN = 'style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap"'
JA = f'<span aria-hidden="true">●</span><span {_VERBORGEN}>ja</span>'
KAART_STIJL = (
    'style="border:1px solid #ccc;border-left:6px solid #0b4f8a;border-radius:4px;padding:0.3em 1em;margin:1em 0"'
)
CEL_STIJL = "text-align:center;border:1px solid #ccc;padding:4px 10px"
KOLOMMEN_STIJL = 'style="display:grid;grid-template-columns:repeat(auto-fit,minmax(15em,1fr));gap:0 1em"'
NEE = f"<span {_VERBORGEN}>nee</span>"


def _e(tekst: object) -> str:
    return html.escape(str(tekst))


class _PatroonDirective(SphinxDirective):
    has_content = False
    required_arguments = 0

    def _noteer(self) -> None:
        for pad in sorted(PATRONEN.glob("*.yaml")):
            self.env.note_dependency(str(pad))

    def myst(self, regels: list[str]) -> list[nodes.Node]:
        """Parse generated MyST lines (roles included) into nodes."""
        houder = nodes.container()
        self.state.nested_parse(StringList(regels, source="data/patronen"), self.content_offset, houder)
        return list(houder.children)

    @staticmethod
    def raw(tekst: str) -> nodes.raw:
        return nodes.raw("", tekst, format="html")

    def run(self):
        self._noteer()
        return self.bouw(laad_patronen())

    def bouw(self, p):  # pragma: no cover - overridden
        raise NotImplementedError


# --- clusters -----------------------------------------------------------------------------
def ingredienten_matrix(p) -> tuple[list[str], list[list[bool]]]:
    """Rows (ingredient names in first-seen order) × clusters: True where it is an ingredient."""
    namen: list[str] = []
    for c in p.clusters:
        for i in c.ingredienten:
            if i.naam not in namen:
                namen.append(i.naam)
    return namen, [[any(i.naam == n for i in c.ingredienten) for c in p.clusters] for n in namen]


class ClustersDirective(_PatroonDirective):
    """The four giftige cocktails."""

    def bouw(self, p):
        namen, matrix = ingredienten_matrix(p)
        kop = "".join(f'<th scope="col" style="{CEL_STIJL}">Cluster {c.nummer}</th>' for c in p.clusters)
        rijen = "".join(
            f'<tr><th scope="row" style="text-align:left;border:1px solid #ccc;padding:4px 10px">{_e(n)}</th>'
            + "".join(
                f'<td class="matrix-cel{" matrix-ja" if ja else ""}" style="{CEL_STIJL}{";background:#f4b183" if ja else ""}">'
                f"{JA if ja else NEE}</td>"
                for ja in rij
            )
            + "</tr>"
            for n, rij in zip(namen, matrix, strict=True)
        )
        tabel = (
            '<div class="tabel-scroll" tabindex="0" role="region" aria-label="Ingrediënten per cluster">'
            '<table class="patroon-matrix" style="border-collapse:collapse;margin:1em 0"><caption>Welke problemen zitten in welke giftige cocktail?</caption>'
            f'<thead><tr><th scope="col">Ingrediënt</th>{kop}</tr></thead><tbody>{rijen}</tbody></table></div>'
        )
        uit: list[nodes.Node] = [self.raw(tabel)]
        typen = {d.id: d.naam for d in p.doorbraaktypen}
        knel = {k.id: k.naam for k in p.knelpunten}
        for c in p.clusters:
            regels = [
                f"**Cluster {c.nummer}: {c.naam}**",
                "",
                c.uitleg.strip(),
                "",
                "- Ingrediënten: " + ", ".join(i.naam for i in c.ingredienten),
                "- Typische doorbraken: " + ", ".join(typen[d] for d in c.doorbraken),
                "- Wetten die de doorbraak steunen: " + ", ".join(c.wetten),
            ]
            if c.artikelen:
                regels.append(
                    "- Artikelen om mee te beginnen: "
                    + ", ".join(f"{{artikel}}`{a}`" for a in c.artikelen)
                    + (f" {EIGEN}" if c.artikelen_eigen_toevoeging else "")
                )
            regels.append("- Knelpunten in het systeem: " + ", ".join(knel[k] for k in c.knelpunten))
            uit.append(self.raw(f'<div class="patroon-kaart" id="cluster-{c.nummer}" {KAART_STIJL}>'))
            uit += self.myst(regels)
            uit.append(self.raw("</div>"))
        return uit


# --- knelpunten ---------------------------------------------------------------------------
class KnelpuntenDirective(_PatroonDirective):
    """The three kinds of system bottleneck."""

    def bouw(self, p):
        uit: list[nodes.Node] = []
        for k in p.knelpunten:
            regels = [f"**{k.naam}: {klein(k.kort)}**", "", " ".join(k.uitleg.split()), ""]
            if k.oorzaken:
                regels += ["Oorzaken:", ""] + [f"- {o}" for o in k.oorzaken] + [""]
            regels += ["Voorbeelden:", ""] + [f"- {v}" for v in k.voorbeelden] + ["", f"Wat helpt: {k.wat_helpt}"]
            uit.append(self.raw(f'<div class="patroon-kaart" id="knelpunt-{_e(k.id)}" {KAART_STIJL}>'))
            uit += self.myst(regels)
            uit.append(self.raw("</div>"))
        return uit


# --- woonfuik -----------------------------------------------------------------------------
def fuik_svg(stappen: list[tuple[int, str]], titel: str, breedte: int = 640) -> str:
    """An inline SVG funnel: one band per step, narrowing towards the end.

    ``role="img"`` with ``<title>``/``<desc>``; the ordered list next to it is the full
    text alternative.
    """
    n = len(stappen)
    hoogte_band, marge = 46, 6
    hoogte = n * (hoogte_band + marge)
    delen = []
    for i, (nummer, naam) in enumerate(stappen):
        boven = breedte * (1 - 0.55 * i / n)
        onder = breedte * (1 - 0.55 * (i + 1) / n)
        y = i * (hoogte_band + marge)
        xb, xo = (breedte - boven) / 2, (breedte - onder) / 2
        punten = f"{xb:.0f},{y} {xb + boven:.0f},{y} {xo + onder:.0f},{y + hoogte_band} {xo:.0f},{y + hoogte_band}"
        kleur = "#f4b183" if i < n - 1 else "#c00000"
        tekstkleur = "#1a1a1a" if i < n - 1 else "#ffffff"
        delen.append(
            f'<polygon points="{punten}" fill="{kleur}" stroke="#7f3f00" stroke-width="1"/>'
            f'<text x="{breedte / 2:.0f}" y="{y + hoogte_band / 2 + 6:.0f}" text-anchor="middle" '
            f'font-size="17" fill="{tekstkleur}">{nummer}. {_e(naam)}</text>'
        )
    beschrijving = "; ".join(f"{n_}. {_e(s)}" for n_, s in stappen)
    return (
        f'<svg class="woonfuik-svg" viewBox="0 0 {breedte} {hoogte}" width="100%" style="max-width:{breedte}px" '
        f'role="img" aria-labelledby="woonfuik-titel woonfuik-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="woonfuik-titel">{_e(titel)}</title><desc id="woonfuik-desc">{beschrijving}</desc>'
        + "".join(delen)
        + "</svg>"
    )


class WoonfuikDirective(_PatroonDirective):
    """The woonfuik: funnel diagram plus the steps with signals (text alternative)."""

    def bouw(self, p):
        w = p.woonfuik
        rubr = {r.id: r.naam for r in p.rubrieken}
        uit: list[nodes.Node] = self.myst([f"Basis: {w.basis}"])
        uit.append(
            self.raw(
                '<figure class="woonfuik">'
                + fuik_svg([(s.nummer, s.naam) for s in w.stappen], w.naam)
                + f"<figcaption>{_e(w.naam)}: van levensgebeurtenis tot huisuitzetting. "
                "De stappen staan hieronder ook als lijst.</figcaption></figure>"
            )
        )
        regels = []
        for s in w.stappen:
            regels.append(f"{s.nummer}. **{s.naam}.** {s.uitleg}")
            regels.append(f"   Signalen: {', '.join(klein(rubr[x]) for x in s.signalen)}.")
            regels.append(f"   Wat kun je doen? {s.wat_kun_je_doen}")
        uit += self.myst(regels)
        varianten = ["Er zijn twee fuiken:", ""] + [
            f"- **{v.naam}.** {v.vraag} Eindpunt: {klein(v.eindpunt)}." for v in w.varianten
        ]
        uit += self.myst(
            varianten
            + [
                "",
                f"**De les.** {' '.join(w.les.split())}",
                "",
                "*De volgorde van de stappen is onze samenvatting van de rapporten. "
                "De signalen komen uit de rapporten.*",
            ]
        )
        return uit


# --- rubrieken ----------------------------------------------------------------------------
def rubrieken_per_domein(p) -> list[tuple[str, list]]:
    """Domeinen in vocabulary order, each with its rubrieken (empty domeinen left out)."""
    uit = []
    for d in laad_vocabulaire().domein_namen:
        lijst = [r for r in p.rubrieken if r.domein == d]
        if lijst:
            uit.append((d, lijst))
    return uit


class RubriekenDirective(_PatroonDirective):
    """All rubrieken with their herkomst (report, inferred, own), and counts in our own list.

    No chart: the counts describe our own list, not data of the region.
    """

    def bouw(self, p):
        groepen = rubrieken_per_domein(p)
        aantal = maak_tabel(
            "Aantal rubrieken per domein in onze eigen lijst (geen gegevens van de regio)",
            ["Domein", "In onze lijst", "Waarvan genoemd in de rapporten"],
            [[d, str(len(l)), str(sum(r.herkomst == "rapport" for r in l))] for d, l in groepen],
            rechts=frozenset({1, 2}),
            rijkop=True,
        )
        lijst = maak_tabel(
            "Rubrieken om een situatie te beschrijven, met hun herkomst",
            ["Rubriek", "Domein", "Herkomst", "Wat betekent het?"],
            [[cel(r.naam, id=f"rubriek-{r.id}"), d, HERKOMST[r.herkomst], r.uitleg] for d, l in groepen for r in l],
            klassen=("rubrieken",),
        )
        return [*tabel_knopen(aantal), *tabel_knopen(lijst)]


# --- ggz, jeugdzorg, geldproblemen --------------------------------------------------------
class _DrieSoortenDirective(_PatroonDirective):
    onderdeel = ""

    def bouw(self, p):
        a = getattr(p, self.onderdeel)
        uit: list[nodes.Node] = self.myst([f"Basis: {a.basis}"])
        uit.append(self.raw(f'<div class="patroon-kolommen" {KOLOMMEN_STIJL}>'))
        for s in a.soorten:
            regels = [f"**{(s.code + ' ') if s.code else ''}{s.naam}**", "", " ".join(s.uitleg.split())]
            if s.voorbeeld:
                regels += ["", f"*Voorbeeld:* {' '.join(s.voorbeeld.split())}"]
            if s.oorzaken:
                namen = {r.id: r.naam for r in p.rubrieken}
                regels += ["", "Oorzaken: " + ", ".join(klein(namen[o]) for o in s.oorzaken) + "."]
            if s.gevolgen:
                regels += ["", "Gevolgen: " + ", ".join(klein(g) for g in s.gevolgen) + "."]
            if s.aanpak:
                regels += ["", f"**Aanpak:** {s.aanpak}"]
            if s.doorbraak:
                regels += ["", f"**Doorbraak:** {s.doorbraak}"]
            uit.append(self.raw(f'<div class="patroon-kaart" id="{self.onderdeel}-{_e(s.id)}" {KAART_STIJL}>'))
            uit += self.myst(regels)
            uit.append(self.raw("</div>"))
        uit.append(self.raw("</div>"))
        return uit + self.extra(a)

    def extra(self, a) -> list[nodes.Node]:
        return []


class GgzDirective(_DrieSoortenDirective):
    onderdeel = "ggz"

    def extra(self, a):
        return self.myst(["Wat leer je hiervan?", ""] + [f"- {l}" for l in a.lessen])


class JeugdzorgDirective(_DrieSoortenDirective):
    onderdeel = "jeugdzorg"

    def extra(self, a):
        return self.myst([f"**{a.kerncijfer}**", "", " ".join(a.vraag.split())])


class GeldproblemenDirective(_DrieSoortenDirective):
    onderdeel = "geldproblemen"


# --- reispatronen -------------------------------------------------------------------------
class ReispatronenDirective(_PatroonDirective):
    """Journey patterns with a 16-of-100 bar (and its text) and the helping factors."""

    def bouw(self, p):
        r = p.reispatronen
        balk = (
            '<div class="reis-balk" role="img" aria-label="Van de 100 maatwerkreizen gingen er 16 vanzelf en 84 niet.">'
            '<span style="display:inline-block;width:16%;background:#0a5c0a;color:#fff;padding:2px 4px">16 vanzelf</span>'
            '<span style="display:inline-block;width:84%;background:#f4b183;padding:2px 4px;box-sizing:border-box">84 niet</span>'
            "</div><p>Van de 100 maatwerkreizen gingen er 16 vanzelf. In 84 reizen niet.</p>"
        )
        uit: list[nodes.Node] = [self.raw(balk)]
        regels = []
        for x in r.patronen:
            vb = f" *Bijvoorbeeld:* {x.voorbeeld}" + (f" {EIGEN}" if x.voorbeeld_eigen_toevoeging else "")
            regels.append(f"- **{x.naam}.** {' '.join(x.uitleg.split())}{vb}")
        uit += self.myst(regels)
        uit += self.myst(["", "Wat helpt wél?", ""] + [f"- **{h.naam}.** {h.uitleg}" for h in r.helpende_factoren])
        return uit


def setup(app):
    app.add_directive("clusters", ClustersDirective)
    app.add_directive("knelpunten", KnelpuntenDirective)
    app.add_directive("woonfuik", WoonfuikDirective)
    app.add_directive("rubrieken", RubriekenDirective)
    app.add_directive("ggz", GgzDirective)
    app.add_directive("jeugdzorg", JeugdzorgDirective)
    app.add_directive("geldproblemen", GeldproblemenDirective)
    app.add_directive("reispatronen", ReispatronenDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
