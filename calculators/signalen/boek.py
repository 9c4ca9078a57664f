"""Book directive ``{signalenlijst}``: every signal of the Signalenwijzer, per group, from the data.

Each signal shows where it sits (woonfuik step or analysis) and its source in the reports,
quoted briefly; own additions are marked with their reason. Article references use the
``{artikel}`` role of the law pages, so they link to the article.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from calculators.patronen.gegevens import PATRONEN, laad_patronen
from calculators.signalen.gegevens import BESTAND, GROEPEN, laad_signalen, vakken
from calculators.signalen.wijzer import groep_naam

MATRIX_NAAM = {"woonfuik": "woonfuik", "geldproblemen": "geldproblemen", "ggz": "ggz", "jeugdzorg": "jeugdzorg"}


def _md(tekst: str) -> str:
    """Escape the characters MyST would read as markup in data text."""
    for teken in ("\\", "*", "_", "`", "[", "]", "<", ">", "{", "}", "|"):
        tekst = tekst.replace(teken, "\\" + teken)
    return " ".join(tekst.split())


def signalenlijst_regels() -> list[str]:
    """The MyST lines of the list (one section per group)."""
    p = laad_patronen()
    labels = vakken(p)
    regels: list[str] = []
    signalen = laad_signalen()
    for g in GROEPEN:
        lijst = [s for s in signalen if s.groep == g]
        regels += [f"### {groep_naam(g)}", ""]
        for s in lijst:
            plaats = "; ".join(f"{MATRIX_NAAM[pl.matrix]} {labels[pl.matrix][pl.vak]}" for pl in s.plaats)
            if s.eigen_toevoeging:
                bron = f"eigen toevoeging: {_md(s.reden or '')}"
            else:
                bron = "; ".join(f"{b.rapport}, {_md(b.deel)}: “{_md(b.citaat)}”" for b in s.bron)
            regels.append(f"- **{_md(s.tekst)}**  ")
            regels.append(f"  Plaats: {_md(plaats)}. Bron: {bron}.")
            if s.artikelen:
                regels[-1] += " Kan helpen: " + ", ".join(f"{{artikel}}`{a}`" for a in s.artikelen) + "."
        regels.append("")
    return regels


class SignalenlijstDirective(SphinxDirective):
    has_content = False

    def run(self):
        for pad in sorted(PATRONEN.glob("*.yaml")):
            self.env.note_dependency(str(pad))
        self.env.note_dependency(str(BESTAND))
        houder = nodes.container(classes=["signalenlijst"])
        self.state.nested_parse(StringList(signalenlijst_regels(), source=str(BESTAND)), self.content_offset, houder)
        return [houder]


def setup(app):
    app.add_directive("signalenlijst", SignalenlijstDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
