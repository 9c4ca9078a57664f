"""Book directive ``{privacymeting}``: the measured quality of the privacy guard.

Computed at build time from ``data/evaluatie/privacy-zinnen.yaml`` (recall and false
alarms) and ``data/casussen/`` (findings per case and k-anonymity), so the page never
shows a typed number.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from calculators.kern.boek import tabel_knopen
from calculators.kern.opmaak import getal
from calculators.kern.paden import DATA
from calculators.kern.tabel import maak_tabel
from calculators.privacy.wacht import TESTSET_YAML, controleer_casus, k_anonimiteit, lees_casus, meet_testset


def _procent(waarde: float) -> str:
    return f"{getal(waarde * 100, 1)} procent"


def meting_knopen(k: int = 3) -> list[nodes.Node]:
    """Two small tables: the test set result and the catalogue check."""
    m = meet_testset()
    rijen = [
        ("Zinnen in de testset", str(m.zinnen)),
        ("Zinnen met persoonsgegevens", str(m.zinnen_met)),
        ("Zinnen zonder persoonsgegevens", str(m.zinnen_zonder)),
        ("Gegevens die de controle moet vinden", str(m.identificatoren)),
        ("Gevonden (recall)", f"{m.gevonden} ({_procent(m.recall)})"),
        ("Zinnen met vals alarm", f"{m.vals_alarm_zinnen} ({_procent(m.vals_positief)})"),
    ]
    tabel1 = _tabel("Hoe goed vindt de controle persoonsgegevens?", rijen)

    paden = sorted(p for p in (DATA / "casussen").glob("*.yaml") if not p.name.startswith("_"))
    casussen = [lees_casus(p) for p in paden]
    met_punten = sum(1 for p in paden if controleer_casus(p))
    r = k_anonimiteit(casussen, k=k)
    rijen2 = [
        ("Casussen in de catalogus", str(len(casussen))),
        ("Casussen waarin de controle iets vindt", str(met_punten)),
        (f"Combinaties die minder dan {k} keer voorkomen", str(len(r.te_klein))),
        ("Kleinste groep", str(r.kleinste)),
    ]
    tabel2 = _tabel("Controle van de catalogus", rijen2)
    return tabel1 + tabel2


def _tabel(titel: str, rijen: list[tuple[str, str]]) -> list[nodes.Node]:
    return tabel_knopen(
        maak_tabel(
            titel,
            ["Wat", "Uitkomst"],
            [list(r) for r in rijen],
            rijkop=True,
            rechts=frozenset({1}),
            klassen=("privacymeting",),
        )
    )


class PrivacyMetingDirective(SphinxDirective):
    """``{privacymeting}`` with option ``:k:`` (default 3)."""

    has_content = False
    option_spec = {"k": directives.positive_int}

    def run(self):
        self.env.note_dependency(str(TESTSET_YAML))
        for pad in (DATA / "casussen").glob("*.yaml"):
            self.env.note_dependency(str(pad))
        return meting_knopen(self.options.get("k", 3))


def setup(app):
    app.add_directive("privacymeting", PrivacyMetingDirective)
