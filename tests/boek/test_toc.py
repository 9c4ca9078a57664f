"""The table of contents is the reader's map: every entry exists, and no page is left out."""

from pathlib import Path

from calculators.taal.leesbaarheid import toc_items, toc_paginas

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"

# Generated before the build from data/ (gitignored); covered by a glob in _toc.yml.
GEGENEREERD = ("book/inspiratie/casussen/",)


def _bestaat(naam: str) -> bool:
    return any((ROOT / (naam + s)).exists() for s in (".md", ".ipynb")) or (ROOT / naam).exists()


def test_elk_bestand_in_de_inhoudsopgave_bestaat():
    ontbreekt = [w for s, w in toc_items() if s == "file" and not _bestaat(w)]
    assert not ontbreekt, f"In _toc.yml maar niet in book/: {ontbreekt}"


def test_elke_glob_in_de_inhoudsopgave_vindt_paginas():
    leeg = [
        w
        for s, w in toc_items()
        if s == "glob"
        and not any(w.startswith(g) for g in GEGENEREERD)
        and not any(p.suffix == ".md" for p in ROOT.glob(w))
    ]
    assert not leeg, f"Deze globs in _toc.yml vinden geen pagina: {leeg}"


def test_elke_pagina_in_book_staat_in_de_inhoudsopgave():
    in_toc = {naam for naam, _ in toc_paginas()}
    los = []
    for pad in sorted(BOOK.rglob("*")):
        if pad.suffix not in (".md", ".ipynb") or "_static" in pad.parts or ".ipynb_checkpoints" in pad.parts:
            continue
        naam = pad.relative_to(ROOT).with_suffix("").as_posix()
        if naam not in in_toc:
            los.append(naam)
    assert not los, f"Deze pagina's staan niet in _toc.yml: {los}"


def test_geen_pagina_staat_twee_keer_in_de_inhoudsopgave():
    namen = [w.removesuffix(".md") for s, w in toc_items() if s == "file"]
    dubbel = sorted({n for n in namen if namen.count(n) > 1})
    assert not dubbel, f"Dubbel in _toc.yml: {dubbel}"


def test_de_negen_delen_staan_in_de_juiste_volgorde():
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    assert toc["root"] == "book/welkom"
    koppen = [d["caption"] for d in toc["parts"]]
    verwacht = [
        "Aan de slag",
        "De methode",
        "Er mag meer dan je denkt",
        "Maatwerkreizen",
        "Patronen en preventie",
        "Maatwerk organiseren",
        "Voor trainers",
        "Naslag",
    ]
    assert [k for k in koppen if k in verwacht] == verwacht
