"""Our Dutch catalogue for the theme (calculators/taal/thema.py) and the generated search data."""

from __future__ import annotations

import gettext
import json
from pathlib import Path

import pydata_sphinx_theme
import sphinx
import yaml
from babel.messages.pofile import read_po

from calculators.taal import thema

ROOT = Path(__file__).resolve().parents[2]
SPHINX_LOCALE = Path(sphinx.__file__).parent / "locale"
PYDATA_POT = Path(pydata_sphinx_theme.__file__).parent / "locale" / "sphinx.pot"

# Messages the book shows that neither Sphinx nor the themes translate into Dutch.
ZICHTBAAR = [
    "Link to this heading",
    "Link to this table",
    "Back to top",
    "light/dark",
    "next page",
    "previous page",
    "Skip to main content",
    "Section Navigation",
    "Version warning",
]


def vertaler(tmp_path: Path) -> gettext.GNUTranslations:
    """Sphinx's Dutch catalogue with ours as fallback, as the build sets it up."""
    thema.compileer_catalogus(tmp_path)
    t = gettext.translation("sphinx", str(SPHINX_LOCALE), languages=["nl"])
    t.add_fallback(gettext.translation("sphinx", str(tmp_path), languages=["nl"]))
    return t


def test_elke_tekst_van_het_thema_is_nederlands(tmp_path):
    t = vertaler(tmp_path)
    with open(PYDATA_POT, "rb") as f:
        ids = [m.id for m in read_po(f) if m.id and isinstance(m.id, str)]
    assert len(ids) > 20
    engels = [i for i in ids if t.gettext(i) == i]
    assert engels == []


def test_zichtbare_teksten_vertaald(tmp_path):
    t = vertaler(tmp_path)
    vertaald = {i: t.gettext(i) for i in ZICHTBAAR}
    assert vertaald["Link to this heading"] == "Link naar dit kopje"
    assert vertaald["Back to top"] == "Naar boven"
    assert all(v != i for i, v in vertaald.items()), vertaald


def test_placeholders_blijven_staan():
    """A translation keeps every %(name)s and ${name} of its message, or the theme breaks."""
    import re

    for msgid, (tekst, _) in thema.lees_catalogus().items():
        delen = set(re.findall(r"%\(\w+\)s|\$\{\w+\}", msgid))
        assert delen == set(re.findall(r"%\(\w+\)s|\$\{\w+\}", tekst)), msgid


def test_zoekpagina_krijgt_aantal_en_nederlandse_meldingen():
    js = thema.vertalingen_js()
    berichten = json.loads(js[js.index("{", js.index("berichten")) : js.index("};") + 1])
    assert (
        berichten["Search finished, found ${resultCount} page(s) matching the search query."]
        == "${resultCount} pagina's gevonden."
    )
    assert "Link to this heading" not in berichten  # only the search page's own messages


def test_synoniemen_komen_uit_de_gegevens():
    bron = yaml.safe_load((ROOT / "data" / "synoniemen.yaml").read_text(encoding="utf-8"))
    verwacht = [[" ".join(t.split()) for t in g["termen"]] for g in bron["groepen"]]
    js = thema.gegevens_js()
    regel = next(r for r in js.splitlines() if r.startswith("window.DOORBRAAK_SYNONIEMEN"))
    assert json.loads(regel.split("=", 1)[1].rstrip(";")) == verwacht


def test_voorbeeldplannen_hebben_een_boekpagina():
    plannen = thema.voorbeeldplannen()
    stammen = sorted(p.stem for p in (ROOT / "data" / "reizen").glob("*.json"))
    assert sorted(Path(p["pagina"]).stem for p in plannen) == [
        s for s in stammen if (ROOT / "book" / "reizen" / f"{s}.md").exists()
    ]
    for p in plannen:
        bron = (ROOT / Path(p["pagina"]).with_suffix(".md")).read_text(encoding="utf-8")
        assert f"# {p['titel']}\n" in bron
