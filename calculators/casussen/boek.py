"""The inspiration catalogue in the book: one generated page per case, an index table and costs.

- :func:`genereer` writes ``book/inspiratie/casussen/<id>.md`` for every case in
  ``data/casussen/`` (these pages are gitignored). Run it before a build with
  ``python -m calculators.casussen.boek``; the extension also runs it when the builder
  starts, so a plain ``jupyter-book build`` works too. Files are only rewritten when their
  content changes, and pages of removed cases are deleted.
- ``{casussen-index}`` (directive): the catalogue as a searchable, sortable table with a
  link to every case page (also the static fallback of the catalogue calculator).
- ``{casuskosten} <id>`` (directive): the case's cost lines and totals per scenario,
  computed from the price list at build time, with the price sources.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from calculators.casussen.catalogus import CASUSSEN, Casus, kosten_html, laad_casussen, leeftijd_tekst, startpunt_url
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import BOOK
from calculators.patronen.gegevens import Patronen, klein, laad_patronen
from calculators.plan.adres import plan_met_casus
from calculators.prijzen.prijslijst import PRIJZEN_CSV

MAP = Path("inspiratie") / "casussen"
KOP = "<!-- Deze pagina is gemaakt door calculators/casussen/boek.py uit data/casussen/. Wijzig de casus daar. -->"


def _e(t: object) -> str:
    return html.escape(str(t))


MARKDOWN_TEKENS = set("\\`*_{}[]()<>#+!|~&$:")


def _een_regel(tekst: str) -> str:
    """Free text from a case as one line of literal MyST text: markup is escaped, never executed."""
    return "".join("\\" + t if t in MARKDOWN_TEKENS else t for t in " ".join(str(tekst).split()))


def pagina(casus: Casus, p: Patronen) -> str:
    """The MyST source of one case page (B1 text from the case, links via the law role)."""
    cluster = p.cluster(casus.cluster) if casus.cluster else None
    knelpunt = p.knelpunt(casus.knelpunt)
    reis = p.reispatroon(casus.reispatroon)
    typen = ", ".join(klein(p.doorbraaktype(t).naam) for t in casus.doorbraak_typen)
    soort = "Illustratieve samengestelde casus" if casus.illustratief else "Echte casus, met toestemming"
    uitleg_soort = (
        "Deze casus is samengesteld uit situaties in de rapporten van Maatpact. Het gaat niet om één echt persoon."
        if casus.illustratief
        else "Deze casus is echt. De inwoner gaf toestemming. Details zijn weggelaten."
    )
    regels = [
        KOP,
        f"# {_een_regel(casus.titel)}",
        "",
        f"```{{admonition}} {soort}",
        ":class: note",
        uitleg_soort,
        "```",
        "",
        f"**Regio:** {casus.regio}. **Jaar:** {casus.jaar}. **Huishouden:** {casus.huishouden}. "
        f"**Leeftijd:** {leeftijd_tekst(casus.leeftijdsband)}.",
        "",
        "## Het probleem",
        "",
        _een_regel(casus.probleem),
        "",
        "## De doorbraak",
        "",
        _een_regel(casus.doorbraak),
        "",
        f"Soort doorbraak: {typen}.",
        "",
        "## Wettelijke basis",
        "",
        *[f"- {{artikel}}`{ref}`" for ref in casus.wettelijke_basis],
        "",
        "## Wat kost het?",
        "",
        f"```{{casuskosten}} {casus.id}",
        "```",
        "",
        "## Wat werkte",
        "",
        *[f"- {_een_regel(w)}" for w in casus.wat_werkte],
        "",
        "## De reis van het plan",
        "",
        f"**{reis.naam}.** {_een_regel(reis.uitleg)}",
        "",
        *(
            [f"Dit verhaal staat ook als voorbeeldreis in het boek: [lees de reis](../../reizen/{casus.reis}.md).", ""]
            if casus.reis
            else []
        ),
        "## Kenmerken",
        "",
        f"- Giftige cocktail: {klein(cluster.naam) if cluster else 'geen van de vier'}",
        f"- Knelpunt in het systeem: {klein(knelpunt.naam)}",
        "- Rubrieken:",
        *[f"  - {p.rubriek(r).naam}" for r in casus.rubrieken],
        f"- Domeinen: {', '.join(casus.domeinen)}",
        "",
        "## De les",
        "",
        _een_regel(casus.les),
        "",
        f'<p><a class="startpunt" href="{_e(startpunt_url(casus))}">Gebruik deze casus als startpunt in de rekenhulp</a></p>',
        f'<p><a class="startpunt" href="{_e(plan_met_casus(casus.id))}">Gebruik deze casus als startpunt voor je doorbraakplan</a></p>',
        "",
    ]
    return "\n".join(regels)


def genereer(book_dir: Path | str = BOOK, casussen: list[Casus] | None = None) -> list[Path]:
    """Write one page per case into ``<book_dir>/inspiratie/casussen/``; return the written paths.

    Unchanged pages are left alone; pages of cases that no longer exist are removed.
    """
    doel = Path(book_dir) / MAP
    doel.mkdir(parents=True, exist_ok=True)
    casussen = casussen if casussen is not None else laad_casussen()
    p = laad_patronen()
    geschreven, namen = [], set()
    for c in casussen:
        pad = doel / f"{c.id}.md"
        namen.add(pad.name)
        tekst = pagina(c, p)
        if not pad.exists() or pad.read_text(encoding="utf-8") != tekst:
            pad.write_text(tekst, encoding="utf-8")
        geschreven.append(pad)
    for oud in doel.glob("*.md"):
        if oud.name not in namen and oud.read_text(encoding="utf-8").startswith(KOP):
            oud.unlink()
    return geschreven


def index_html(casussen: list[Casus], p: Patronen, link) -> str:
    """The catalogue table; ``link(casus)`` gives the URL of a case page."""
    rijen = []
    for c in casussen:
        cluster = f"Cluster {p.cluster(c.cluster).nummer}" if c.cluster else "Geen"
        rijen.append(
            "<tr>"
            f'<td><a href="{_e(link(c))}">{_e(c.titel)}</a></td>'
            f"<td>{_e(cluster)}</td>"
            f"<td>{_e(p.knelpunt(c.knelpunt).naam)}</td>"
            f"<td>{_e(', '.join(p.doorbraaktype(t).naam for t in c.doorbraak_typen))}</td>"
            f"<td>{_e(', '.join(c.domeinen))}</td>"
            f"<td>{_e(', '.join(c.wettelijke_basis))}</td>"
            f"<td>{c.jaar}</td>"
            "</tr>"
        )
    koppen = ("Casus", "Giftige cocktail", "Knelpunt", "Soort doorbraak", "Domeinen", "Wettelijke basis", "Jaar")
    return (
        '<div class="doorzoekbare-tabel">'
        '<label class="tabel-zoek-label">Zoek in de tabel <input type="search" class="tabel-zoek" autocomplete="off"></label>'
        '<p class="tabel-aantal" role="status" aria-live="polite"></p>'
        '<div class="tabel-scroll" tabindex="0" role="region" aria-label="Inspiratiecatalogus">'
        f'<table class="sorteerbaar casustabel"><caption>Inspiratiecatalogus: {len(casussen)} casussen</caption><thead><tr>'
        + "".join(f'<th scope="col"><button type="button" class="sorteer">{k}</button></th>' for k in koppen)
        + "</tr></thead><tbody>"
        + "".join(rijen)
        + "</tbody></table></div></div>"
    )


class _CasusDirective(SphinxDirective):
    def _noteer(self) -> None:
        for pad in sorted(CASUSSEN.glob("*.yaml")):
            self.env.note_dependency(str(pad))
        self.env.note_dependency(str(PRIJZEN_CSV))


class CasussenIndexDirective(_CasusDirective):
    """``{casussen-index}``: the catalogue table with links to the case pages."""

    has_content = False

    def run(self):
        self._noteer()
        builder = self.env.app.builder
        van = self.env.docname
        basis = str(Path(BOOK.name) / MAP).replace("\\", "/")

        def link(c: Casus) -> str:
            try:
                return builder.get_relative_uri(van, f"{basis}/{c.id}")
            except Exception:  # noqa: BLE001 - non-HTML builders
                return f"{c.id}.html"

        return [nodes.raw("", index_html(laad_casussen(), laad_patronen(), link), format="html")]


class CasuskostenDirective(_CasusDirective):
    """``{casuskosten} <id>``: the cost table of one case."""

    required_arguments = 1
    has_content = False

    def run(self):
        self._noteer()
        ident = self.arguments[0].strip()
        casus = {c.id: c for c in laad_casussen()}.get(ident)
        if casus is None:
            raise self.error(f"Onbekende casus '{ident}' (niet in data/casussen/).")
        return [nodes.raw("", kosten_html(casus), format="html")]


def _bij_start(app) -> None:
    bron = Path(app.srcdir)
    if (bron / BOOK.name).is_dir():
        genereer(bron / BOOK.name)


def setup(app):
    app.add_directive("casussen-index", CasussenIndexDirective)
    app.add_directive("casuskosten", CasuskostenDirective)
    app.connect("builder-inited", _bij_start)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def main(argv: list[str] | None = None) -> int:
    """``python -m calculators.casussen.boek [book_dir]``: generate the case pages."""
    args = sys.argv[1:] if argv is None else argv
    try:
        paden = genereer(Path(args[0]) if args else BOOK)
    except DoorbraakFout as e:
        print(f"Fout: {e}", file=sys.stderr)
        return 2
    print(f"{len(paden)} casuspagina's gemaakt in {paden[0].parent if paden else BOOK / MAP}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
