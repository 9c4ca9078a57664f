"""Book directives for the page "Over de gegevens": lists generated from data/, never retyped.

- ``{gegevens-bestanden}``: every file and folder in data/ with its size in records.
- ``{gegevens-prijzen}``: the price list in numbers: per reliability grade, per geldstroom,
  and every source with its number of prices and years.
- ``{gegevens-cpi}``: the CPI series with its source per year.
- ``{gegevens-wetten}``: per law the number of articles, the version date and a link.
- ``{gegevens-patronen}``: the reports the patterns come from.

Each directive renders the shared accessible table (:mod:`calculators.kern.tabel`) as
docutils nodes. Registered in ``calculators/sphinx_ext.py``.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from calculators.kern.boek import tabel_knopen
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import datum, getal
from calculators.kern.paden import DATA
from calculators.kern.tabel import Celwaarde, Link, maak_tabel
from calculators.kern.yamlbestand import lees_yaml

SOORT = {".csv": "tabel (CSV)", ".yaml": "YAML", ".yml": "YAML", ".json": "JSON", ".xlsx": "Excel", ".md": "uitleg"}


def _tabel(
    bijschrift: str, koppen: list[str], rijen: Sequence[Sequence[Celwaarde]], rechts: frozenset[int] = frozenset()
) -> list[nodes.Node]:
    return tabel_knopen(maak_tabel(bijschrift, koppen, rijen, rechts=rechts))


def _link(titel: str, url: str) -> Celwaarde:
    return Link(titel, url) if url else titel


def _jaren(jaren: list[int]) -> str:
    a, b = min(jaren), max(jaren)
    return str(a) if a == b else f"{a} tot en met {b}"


def _aantal(n: int, enkel: str, meer: str) -> str:
    return f"{n} {enkel if n == 1 else meer}"


def _omvang(pad: Path) -> str:
    """Size in words a reader understands: number of rows or records."""
    try:
        if pad.suffix == ".csv":
            with pad.open(encoding="utf-8-sig", newline="") as f:
                n = max(0, sum(1 for _ in csv.reader(f)) - 1)
            return _aantal(n, "regel", "regels")
        if pad.suffix in (".yaml", ".yml"):
            inhoud = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True)
        elif pad.suffix == ".json":
            inhoud = json.loads(pad.read_text(encoding="utf-8"))
        else:
            return "1 bestand"
    except (OSError, ValueError, DoorbraakFout):
        return "niet te lezen"
    if isinstance(inhoud, (list, dict)):
        return _aantal(len(inhoud), "onderdeel", "onderdelen")
    return "1 onderdeel"


def bestanden_rijen(data: Path = DATA) -> list[list[str]]:
    """One row per file in data/ and one per folder (with its number of files)."""
    rijen = []
    for pad in sorted(data.iterdir(), key=lambda p: p.name):
        if pad.name.startswith((".", "_")) or pad.name == "README.md":
            continue
        if pad.is_dir():
            bestanden = [p for p in pad.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))]
            soorten = sorted({SOORT.get(p.suffix, p.suffix.lstrip(".")) for p in bestanden})
            rijen.append([f"{pad.name}/", ", ".join(soorten), _aantal(len(bestanden), "bestand", "bestanden")])
        elif pad.is_file():
            rijen.append([pad.name, SOORT.get(pad.suffix, pad.suffix.lstrip(".")), _omvang(pad)])
    return rijen


class GegevensBestanden(SphinxDirective):
    has_content = False

    def run(self):
        self.env.note_dependency(str(DATA / "README.md"))
        return _tabel("Bestanden in de map data", ["Bestand of map", "Soort", "Omvang"], bestanden_rijen())


class GegevensPrijzen(SphinxDirective):
    has_content = False

    def run(self):
        from calculators.prijzen.prijslijst import PRIJZEN_CSV, laad_prijzen

        self.env.note_dependency(str(PRIJZEN_CSV))
        prijzen = laad_prijzen()
        graad = Counter(p.betrouwbaarheid for p in prijzen)
        stroom = Counter(p.geldstroom for p in prijzen)
        jaren = [p.jaar for p in prijzen]
        bronnen: dict[tuple[str, str], list] = defaultdict(list)
        for p in prijzen:
            bronnen[(p.bron_titel, p.bron_url)].append(p)

        return [
            nodes.paragraph(
                "",
                f"In de prijslijst staan {len(prijzen)} prijzen uit {len(bronnen)} bronnen. "
                f"Het prijspeil loopt van {min(jaren)} tot en met {max(jaren)}.",
            ),
            *_tabel(
                "Prijzen per betrouwbaarheid",
                ["Betrouwbaarheid", "Aantal prijzen"],
                [[g, str(graad.get(g, 0))] for g in ("sterk", "redelijk", "zwak")],
                rechts=frozenset({1}),
            ),
            *_tabel(
                "Prijzen per geldstroom",
                ["Geldstroom", "Aantal prijzen"],
                [[s, str(n)] for s, n in sorted(stroom.items(), key=lambda x: (-x[1], x[0]))],
                rechts=frozenset({1}),
            ),
            *_tabel(
                "Bronnen van de prijslijst",
                ["Bron", "Aantal prijzen", "Prijspeil", "Betrouwbaarheid"],
                [
                    [
                        _link(titel, url),
                        str(len(ps)),
                        _jaren([p.jaar for p in ps]),
                        ", ".join(sorted({p.betrouwbaarheid for p in ps})),
                    ]
                    for (titel, url), ps in sorted(bronnen.items(), key=lambda x: x[0][0].lower())
                ],
                rechts=frozenset({1}),
            ),
        ]


class GegevensCpi(SphinxDirective):
    has_content = False

    def run(self):
        from calculators.prijzen.prijspeil import CPI_CSV, laad_cpi

        self.env.note_dependency(str(CPI_CSV))
        reeks = laad_cpi()
        rijen = [
            [
                str(j),
                getal(r.cpi, 1),
                "eigen berekening" if r.afgeleid == "ja" else "CBS",
                _link(r.bron_titel, str(r.bron_url)),
            ]
            for j, r in reeks.items()
        ]
        return _tabel(
            "Prijsindex per jaar (1900 is 100)", ["Jaar", "Index", "Herkomst", "Bron"], rijen, rechts=frozenset({1})
        )


class GegevensWetten(SphinxDirective):
    """Per law: number of articles, version date and a link to that version."""

    has_content = False

    def run(self):
        from calculators.wetten.artikelen import WETTEN_MAP, laad_wetten

        for pad in sorted(WETTEN_MAP.glob("*.yaml")):
            self.env.note_dependency(str(pad))
        rijen = [
            [_link(f"{w.wet} ({w.afkorting})", w.url), str(len(w.artikelen)), datum(w.geldig_vanaf)]
            for w in laad_wetten()
        ]
        return _tabel(
            "Wetsartikelen per wet", ["Wet", "Aantal artikelen", "Geldig vanaf"], rijen, rechts=frozenset({1})
        )


class GegevensPatronen(SphinxDirective):
    """The reports the patterns (rubrieken, clusters, knelpunten) come from."""

    has_content = False

    def run(self):
        from calculators.patronen.gegevens import PATRONEN, laad_bronnen

        self.env.note_dependency(str(PATRONEN / "bronnen.yaml"))
        rijen = [[b.titel, b.uitgever, str(b.jaar)] for b in laad_bronnen()]
        return _tabel("Bronnen van de patronen", ["Titel", "Uitgever", "Jaar"], rijen)


def setup(app):
    app.add_directive("gegevens-bestanden", GegevensBestanden)
    app.add_directive("gegevens-prijzen", GegevensPrijzen)
    app.add_directive("gegevens-cpi", GegevensCpi)
    app.add_directive("gegevens-wetten", GegevensWetten)
    app.add_directive("gegevens-patronen", GegevensPatronen)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
