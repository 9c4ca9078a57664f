"""Dutch on every screen of the book: the theme's missing translations and the search words.

What Sphinx and the themes already translate into Dutch stays theirs. What they lack
(``Link to this heading``, ``Back to top``, ``light/dark``, the search count, ...) is in our
own catalogue ``calculators/taal/locale/nl/LC_MESSAGES/doorbraak.po``. The catalogue is
compiled with Babel at build time into the build folder (no binary in the repository) and
added as a fallback of Sphinx's own ``sphinx`` catalogue, so the theme templates and
Sphinx's writers find it with their usual ``_()``.

Build outputs (written into ``_static`` of the HTML build):

- ``doorbraak-vertalingen.js``: the ``#: js`` messages of the catalogue for the search page
  (Sphinx's ``translations.js`` lacks or leaves them empty);
- ``doorbraak-gegevens.js``: the synonym groups of ``data/synoniemen.yaml`` (for the book
  search and the static tables in ``book/_static/doorbraak.js``) and the example plans of
  ``data/reizen`` with their book page (offered by the static fallback of the cost
  calculator). Never retyped.

Internal pages (:data:`INTERNE_PAGINAS`) are kept out of the search index.

The search index and the browser must stem Dutch words the same way. Sphinx's search page
stems a query with its bundled JavaScript Dutch stemmer (Snowball's original Dutch algorithm),
but indexes pages through ``snowballstemmer``, which uses PyStemmer when it is installed (it is,
for the calculators' search): PyStemmer 3 made ``dutch`` a new algorithm ("gemeente" -> "meen",
while the browser makes "gemeent"), so most word forms were missed. The index therefore stems
with PyStemmer's ``dutch_porter``, the original algorithm that the browser uses
(:data:`ZOEKSTAMMER`).

This module is wired in through :data:`calculators.sphinx_ext.ONDERDELEN`; it only uses the
``app`` object it is given, so it imports no Sphinx module itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import Stemmer
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from calculators.kern.paden import DATA, ROOT
from calculators.kern.synoniemen import laad_synoniemen

CATALOGUS = Path(__file__).resolve().parent / "locale" / "nl" / "LC_MESSAGES" / "doorbraak.po"
TAAL = "nl"
# Pages for the makers of the book, not for its readers: not in the search.
INTERNE_PAGINAS = frozenset({"book/naslag/leesbaarheid", "book/naslag/links"})
# The Snowball algorithm of Sphinx's JavaScript Dutch stemmer (dutch-stemmer.js).
ZOEKSTAMMER = "dutch_porter"
VERTALINGEN_JS = "doorbraak-vertalingen.js"
GEGEVENS_JS = "doorbraak-gegevens.js"


def lees_catalogus(pad: Path = CATALOGUS) -> dict[str, tuple[str, bool]]:
    """Messages of the catalogue: msgid -> (Dutch text, also for JavaScript)."""
    with open(pad, "rb") as f:
        catalogus = read_po(f, locale=TAAL)
    uit: dict[str, tuple[str, bool]] = {}
    for m in catalogus:
        if not m.id or not m.string or not isinstance(m.id, str):
            continue
        js = any(bestand == "js" for bestand, _ in m.locations)
        uit[m.id] = (str(m.string), js)
    return uit


def compileer_catalogus(doel: Path, pad: Path = CATALOGUS, domein: str = "sphinx") -> Path:
    """Compile the ``.po`` catalogue to ``<doel>/nl/LC_MESSAGES/<domein>.mo``; return the ``.mo`` path."""
    with open(pad, "rb") as f:
        catalogus = read_po(f, locale=TAAL)
    mo = doel / TAAL / "LC_MESSAGES" / f"{domein}.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = mo.with_suffix(".mo.nieuw")
    with open(tijdelijk, "wb") as f:
        write_mo(f, catalogus)
    tijdelijk.replace(mo)  # atomic: another build may read it at the same time
    return mo


def vertalingen_js(pad: Path = CATALOGUS) -> str:
    """JavaScript that adds the catalogue's ``#: js`` messages to Sphinx's search translations."""
    berichten = {k: v for k, (v, js) in lees_catalogus(pad).items() if js}
    data = json.dumps(berichten, ensure_ascii=False, indent=1, sort_keys=True)
    return (
        "/* Gemaakt door calculators/taal/thema.py uit doorbraak.po: niet met de hand aanpassen. */\n"
        "(function () {\n"
        f"  var berichten = {data};\n"
        "  if (typeof Documentation !== 'undefined' && Documentation.TRANSLATIONS) {\n"
        "    Object.keys(berichten).forEach(function (k) { Documentation.TRANSLATIONS[k] = berichten[k]; });\n"
        "  }\n"
        "})();\n"
    )


def zoekwoorden() -> list[list[str]]:
    """The synonym groups of data/synoniemen.yaml, as lists of terms."""
    return [list(g.termen) for g in laad_synoniemen()]


def voorbeeldplannen(reizen: Path | None = None, boek: Path | None = None) -> list[dict[str, str]]:
    """The example plans of data/reizen that have a book page: title (the page's first heading) and page."""
    reizen = DATA / "reizen" if reizen is None else reizen
    boek = ROOT / "book" / "reizen" if boek is None else boek
    uit = []
    for plan in sorted(reizen.glob("*.json")):
        pagina = boek / f"{plan.stem}.md"
        if not pagina.is_file():
            continue
        kop = next((r[2:].strip() for r in pagina.read_text(encoding="utf-8").splitlines() if r.startswith("# ")), "")
        if kop:
            uit.append({"titel": kop, "pagina": f"book/reizen/{plan.stem}.html"})
    return uit


def gegevens_js(groepen: list[list[str]] | None = None, plannen: list[dict[str, str]] | None = None) -> str:
    """JavaScript with ``window.DOORBRAAK_SYNONIEMEN`` and ``window.DOORBRAAK_VOORBEELDPLANNEN``."""
    syn = json.dumps(zoekwoorden() if groepen is None else groepen, ensure_ascii=False)
    pl = json.dumps(voorbeeldplannen() if plannen is None else plannen, ensure_ascii=False)
    return (
        "/* Gemaakt door calculators/taal/thema.py uit data/synoniemen.yaml en data/reizen: "
        "niet met de hand aanpassen. */\n"
        f"window.DOORBRAAK_SYNONIEMEN = {syn};\n"
        f"window.DOORBRAAK_VOORBEELDPLANNEN = {pl};\n"
    )


# --- Sphinx wiring (only through the app object) ------------------------------------------


def _builder_inited(app: Any) -> None:
    if getattr(app.builder, "format", "") != "html":
        return
    app.add_js_file(VERTALINGEN_JS, priority=600)  # after Sphinx's translations.js (500)
    app.add_js_file(GEGEVENS_JS, priority=450)


def zoekstammer() -> Stemmer.Stemmer:
    """The Dutch stemmer for the book's search index: the same algorithm as the browser's."""
    return Stemmer.Stemmer(ZOEKSTAMMER)


def _zoekindex(app: Any, doctree: Any, docname: str) -> None:
    """Before a page is indexed: internal pages stay out, Dutch stems match the browser's."""
    if docname in INTERNE_PAGINAS:
        app.env.metadata.setdefault(docname, {})["nosearch"] = True
    taal = getattr(getattr(app.builder, "indexer", None), "lang", None)
    if taal is not None and getattr(taal, "lang", "") == TAAL and not getattr(taal, "doorbraak_stammer", False):
        taal.stemmer = zoekstammer()
        taal.doorbraak_stammer = True


def _alles_opnieuw(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Once after the stemmer changed: read every page again, so no page keeps old stems."""
    if getattr(env, "doorbraak_zoekstammer", None) == ZOEKSTAMMER:
        return []
    env.doorbraak_zoekstammer = ZOEKSTAMMER
    return sorted(set(env.found_docs) - set(added) - set(changed))


def _schrijf_statisch(app: Any, exception: BaseException | None) -> None:
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    statisch = Path(app.outdir) / "_static"
    statisch.mkdir(parents=True, exist_ok=True)
    (statisch / VERTALINGEN_JS).write_text(vertalingen_js(), encoding="utf-8")
    (statisch / GEGEVENS_JS).write_text(gegevens_js(), encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    doel = Path(app.doctreedir) / "doorbraak-locale"
    compileer_catalogus(doel)
    # A fallback of Sphinx's own Dutch catalogue: only what Sphinx and the theme lack.
    app.add_message_catalog("sphinx", str(doel))
    app.connect("builder-inited", _builder_inited)
    app.connect("doctree-resolved", _zoekindex)
    app.connect("env-get-outdated", _alles_opnieuw)
    app.connect("build-finished", _schrijf_statisch)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
