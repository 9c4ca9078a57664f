"""Readability of the book pages, measured the Dutch way (B1 check).

For every page we strip what a reader does not read as prose (front matter, code blocks,
the raw content of data directives, option lines, URLs, HTML, quoted law texts) and measure
the rest:

- ``gem_zinslengte``: average number of words per sentence;
- ``flesch_douma``: the Flesch–Douma reading ease, ``206,835 − 0,93 × zinslengte − 77 ×
  lettergrepen per woord``. The three constants and the Dutch syllable counter (pyphen,
  ``nl``) come from textstat's Dutch settings. We split the sentences ourselves, because
  textstat only splits on ``.!?`` and would glue every heading and list item to the next
  sentence;
- ``lange_woorden``: the share of words with four or more syllables (report only).

The thresholds and the pages that are exempt (official law texts) live in ``data/stijl.yaml``
under ``leesbaarheid``. A maintained Dutch LiNT implementation exists on PyPI (``lint-ii``),
but it needs the spaCy model ``nl_core_news_lg``, which is not distributed through PyPI;
therefore it is not used here.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import textstat
import yaml
from sphinx_external_toc.parsing import GlobItem, MalformedError, SiteMap, UrlItem, parse_toc_yaml

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import DATA, ROOT
from calculators.kern.yamlbestand import lees_yaml

STIJL_YAML = DATA / "stijl.yaml"
TOC_YAML = ROOT / "_toc.yml"

# Directives whose body is prose that the reader sees. All other directives (data tables,
# diagrams, code) are left out of the measurement.
PROZA_DIRECTIEVEN = {
    "note",
    "tip",
    "hint",
    "important",
    "warning",
    "caution",
    "attention",
    "danger",
    "error",
    "seealso",
    "admonition",
    "dropdown",
    "rekenhulp",
    "topic",
    "sidebar",
    "margin",
    "epigraph",
    "card",
    "div",
    "container",
    "only",
}

# Abbreviations that end with a dot but do not end a sentence.
_AFKORTINGEN = (
    "bijv.",
    "bv.",
    "o.a.",
    "d.w.z.",
    "m.a.w.",
    "art.",
    "nr.",
    "enz.",
    "i.p.v.",
    "t.o.v.",
    "z.s.m.",
    "ca.",
    "jl.",
    "e.d.",
    "mr.",
    "dr.",
    "blz.",
    "pag.",
    "incl.",
    "excl.",
)

_ROL = re.compile(r"\{([\w:-]+)\}`([^`]*)`")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"<?(https?://|mailto:|www\.)\S+>?")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_WOORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,}|:{3,})\s*(\{([\w:-]+)\})?(.*)$")
_LIJST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_KOP = re.compile(r"^\s*#{1,6}\s+")
_TARGET = re.compile(r"^\s*\(([^)]+)\)=\s*$")
_OPTIE = re.compile(r"^\s*:[\w-]+:.*$")
_EINDE = re.compile(r"[.!?:;]$")


@dataclass(frozen=True)
class Meting:
    """The readability figures of one page (or text)."""

    pagina: str
    titel: str
    zinnen: int
    woorden: int
    gem_zinslengte: float
    lettergrepen_per_woord: float
    flesch_douma: float
    lange_woorden: float  # share 0..1 of words with 4+ syllables
    langste_zin: int
    vrijgesteld: bool = False

    def problemen(self, max_zinslengte: float, min_flesch_douma: float, min_woorden: int = 1) -> list[str]:
        """Dutch descriptions of what is wrong with this page; empty when it passes.

        Pages with fewer than ``min_woorden`` words are not judged (a score needs text).
        """
        if self.vrijgesteld or self.woorden < max(1, min_woorden):
            return []
        uit = []
        if self.gem_zinslengte > max_zinslengte:
            uit.append(
                f"{self.pagina}: gemiddeld {self.gem_zinslengte:.1f} woorden per zin (maximaal {max_zinslengte:g})"
            )
        if self.flesch_douma < min_flesch_douma:
            uit.append(f"{self.pagina}: Flesch-Douma {self.flesch_douma:.1f} (minimaal {min_flesch_douma:g})")
        return uit


@dataclass(frozen=True)
class Normen:
    """Thresholds and exemptions from ``data/stijl.yaml`` (section ``leesbaarheid``)."""

    max_zinslengte: float
    min_flesch_douma: float
    vrijgesteld: tuple[str, ...]
    min_woorden: int = 20  # shorter pages are reported, not judged: too few words for a score

    def is_vrijgesteld(self, pagina: str) -> bool:
        return any(fnmatch.fnmatch(pagina, p) for p in self.vrijgesteld)


def laad_normen(pad: Path | None = None) -> Normen:
    """Read the readability thresholds; Dutch error naming the file and field when wrong."""
    pad = Path(pad or STIJL_YAML)
    try:
        gegevens = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True) or {}
    except DoorbraakFout as fout:
        raise DoorbraakFout(f"{pad.name}: het bestand kan niet gelezen worden ({fout}).") from fout
    deel = gegevens.get("leesbaarheid")
    if not isinstance(deel, dict):
        raise DoorbraakFout(f"{pad.name}: het onderdeel 'leesbaarheid' ontbreekt.")
    try:
        return Normen(
            max_zinslengte=float(deel["max_zinslengte"]),
            min_flesch_douma=float(deel["min_flesch_douma"]),
            vrijgesteld=tuple(str(p) for p in deel.get("vrijgesteld") or []),
            min_woorden=int(deel.get("min_woorden", 20)),
        )
    except (KeyError, TypeError, ValueError) as fout:
        raise DoorbraakFout(f"{pad.name}, onderdeel 'leesbaarheid': veld {fout} ontbreekt of is geen getal.") from fout


# --- from MyST source to plain prose ------------------------------------------------------


def _rol_tekst(match: re.Match) -> str:
    rol, inhoud = match.group(1), match.group(2)
    if rol in ("prijs", "bedrag", "rendement"):
        return "dit bedrag"
    if rol == "artikel":
        return "dit artikel"
    # {doc}`tekst <doel>` and {ref}`tekst <doel>`: keep the visible text.
    zichtbaar = re.sub(r"\s*<[^>]*>\s*$", "", inhoud)
    return zichtbaar if zichtbaar else inhoud


def _schoon_regel(regel: str) -> str:
    regel = _ROL.sub(_rol_tekst, regel)
    regel = _LINK.sub(lambda m: m.group(1), regel)
    regel = _URL.sub("", regel)
    regel = _HTML_TAG.sub(" ", regel)
    regel = regel.replace("**", "").replace("__", "").replace("`", "")
    regel = re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", regel)
    regel = regel.replace("\u00a0", " ")
    return re.sub(r"\s+", " ", regel).strip()


def platte_tekst(myst: str) -> str:
    """The prose of a MyST page, one block (paragraph, heading, list item, row) per line.

    Every block ends with sentence punctuation, so a heading or list item counts as one sentence.
    """
    tekst = _HTML_COMMENT.sub("", myst.replace("\r\n", "\n"))
    regels = tekst.split("\n")
    # Front matter.
    if regels and regels[0].strip() == "---":
        for i in range(1, len(regels)):
            if regels[i].strip() == "---":
                regels = regels[i + 1 :]
                break
    blokken: list[str] = []
    huidig: list[str] = []

    def sluit() -> None:
        if huidig:
            blok = " ".join(d for d in huidig if d)
            if blok:
                blokken.append(blok if _EINDE.search(blok) else blok + ".")
            huidig.clear()

    # Stack of open fences: (marker, keep_body)
    stapel: list[tuple[str, bool]] = []
    for ruw in regels:
        m = _FENCE.match(ruw)
        if m:
            marker = m.group(2)
            if (
                stapel
                and marker[0] == stapel[-1][0][0]
                and len(marker) >= len(stapel[-1][0])
                and not m.group(3)
                and not m.group(5).strip()
            ):
                sluit()
                stapel.pop()
                continue
            naam = m.group(4)
            buiten_zichtbaar = all(b for _, b in stapel)
            bewaar = buiten_zichtbaar and naam is not None and naam in PROZA_DIRECTIEVEN
            sluit()
            stapel.append((marker, bewaar))
            if bewaar and naam in ("admonition", "dropdown") and m.group(5).strip():
                huidig.append(_schoon_regel(m.group(5)))
                sluit()
            continue
        if stapel and not all(b for _, b in stapel):
            continue
        regel = ruw.rstrip()
        if not regel.strip():
            sluit()
            continue
        if stapel and _OPTIE.match(regel):
            continue
        if _TARGET.match(regel) or regel.lstrip().startswith(">"):
            # Targets are invisible; block quotes hold quoted (law) texts.
            sluit()
            continue
        if re.match(r"^\s*\|?\s*:?-{3,}", regel) or re.match(r"^\s*(-{3,}|\*{3,}|_{3,})\s*$", regel):
            continue
        if regel.lstrip().startswith("|"):
            sluit()
            cellen = [_schoon_regel(c) for c in regel.strip().strip("|").split("|")]
            huidig.append(", ".join(c for c in cellen if c))
            sluit()
            continue
        if _KOP.match(regel) or _LIJST.match(regel):
            sluit()
            huidig.append(_schoon_regel(_KOP.sub("", _LIJST.sub("", regel))))
            if _KOP.match(regel):
                sluit()
            continue
        if regel.lstrip().startswith(": "):  # definition list
            sluit()
            huidig.append(_schoon_regel(regel.lstrip()[2:]))
            continue
        huidig.append(_schoon_regel(regel))
    sluit()
    return "\n".join(b for b in blokken if _WOORD.search(b))


def zinnen(tekst: str) -> list[str]:
    """Split plain text into sentences (on . ! ? and line ends, not after abbreviations)."""
    uit: list[str] = []
    for regel in tekst.split("\n"):
        beschermd = regel
        for afk in _AFKORTINGEN:
            beschermd = re.sub(rf"(?i)(?<!\w){re.escape(afk)}", afk.replace(".", "\x00"), beschermd)
        for deel in re.split(r"(?<=[.!?])\s+(?=[^\s])", beschermd):
            deel = deel.replace("\x00", ".").strip()
            if _WOORD.search(deel):
                uit.append(deel)
    return uit


def woorden(tekst: str) -> list[str]:
    return _WOORD.findall(tekst)


@lru_cache(maxsize=20000)
def _lettergrepen(woord: str) -> int:
    textstat.set_lang("nl")
    return max(1, textstat.syllable_count(woord))


def _constanten() -> tuple[float, float, float]:
    from textstat.backend.utils.constants import LANG_CONFIGS

    nl = LANG_CONFIGS["nl"]
    return nl["fre_base"], nl["fre_sentence_length"], nl["fre_syll_per_word"]


def meet_tekst(tekst: str, pagina: str = "", titel: str = "", vrijgesteld: bool = False) -> Meting:
    """Measure plain text (see :func:`platte_tekst`)."""
    lijst = zinnen(tekst)
    per_zin = [len(woorden(z)) for z in lijst]
    alle = [w for z in lijst for w in woorden(z)]
    n_woorden = len(alle)
    if n_woorden == 0:
        return Meting(pagina, titel, 0, 0, 0.0, 0.0, 0.0, 0.0, 0, vrijgesteld)
    grepen = [_lettergrepen(w.lower()) for w in alle]
    asl = n_woorden / len(lijst)
    asw = sum(grepen) / n_woorden
    basis, zin_gewicht, greep_gewicht = _constanten()
    fd = basis - zin_gewicht * asl - greep_gewicht * asw
    lang = sum(1 for g in grepen if g >= 4) / n_woorden
    return Meting(
        pagina,
        titel,
        len(lijst),
        n_woorden,
        round(asl, 2),
        round(asw, 3),
        round(fd, 1),
        round(lang, 3),
        max(per_zin),
        vrijgesteld,
    )


def titel_van(myst: str, standaard: str = "") -> str:
    """The first heading of a MyST page (or the front-matter title)."""
    m = re.search(r"^title:\s*(.+)$", myst, re.M) if myst.startswith("---") else None
    if m:
        return m.group(1).strip().strip("'\"")
    m = re.search(r"^#\s+(.+?)\s*$", myst, re.M)
    return _schoon_regel(m.group(1)) if m else standaard


def meet_pagina(pad: Path, pagina: str | None = None, normen: Normen | None = None) -> Meting:
    """Measure one MyST page file. ``pagina`` is its name in the table of contents."""
    pad = Path(pad)
    pagina = pagina or pad.stem
    bron = pad.read_text(encoding="utf-8")
    vrij = normen.is_vrijgesteld(pagina) if normen else False
    return meet_tekst(platte_tekst(bron), pagina, titel_van(bron, pagina), vrij)


# --- the table of contents -----------------------------------------------------------------


def _toc_items(kaart: SiteMap) -> list[tuple[str, str]]:
    """All ('file'|'glob', value) entries of a parsed ``_toc.yml``, in reading order."""
    uit: list[tuple[str, str]] = []

    def loop(naam: str) -> None:
        uit.append(("file", naam))
        document = kaart[naam]
        for boom in document.subtrees if document else []:
            for item in boom.items:
                if isinstance(item, GlobItem):
                    uit.append(("glob", str(item)))
                elif isinstance(item, UrlItem):
                    continue
                else:
                    loop(str(item))

    loop(kaart.root.docname)
    return uit


def _zonder_suffix(pad: str) -> str:
    return re.sub(r"\.(md|ipynb|rst)$", "", pad)


def toc_items(toc: Path | None = None) -> list[tuple[str, str]]:
    """The ('file'|'glob', name) entries of ``_toc.yml`` in reading order."""
    toc = Path(toc or TOC_YAML)
    try:
        return _toc_items(parse_toc_yaml(toc))
    except (MalformedError, OSError, yaml.YAMLError) as fout:
        raise DoorbraakFout(f"{toc.name}: de inhoudsopgave kan niet gelezen worden ({fout}).") from fout


def toc_paginas(toc: Path | None = None, root: Path | None = None) -> list[tuple[str, Path]]:
    """Every page of the book in reading order: (docname, source file), globs expanded.

    A ``file`` entry whose source does not exist is skipped here (``tests/test_toc.py`` reports it).
    """
    root = Path(root or ROOT)
    gezien: set[str] = set()
    uit: list[tuple[str, Path]] = []
    for soort, waarde in toc_items(toc):
        if soort == "file":
            naam = _zonder_suffix(waarde)
            for suffix in (".md", ".ipynb"):
                pad = root / (naam + suffix)
                if pad.exists() and naam not in gezien:
                    gezien.add(naam)
                    uit.append((naam, pad))
                    break
        else:
            for pad in sorted(root.glob(waarde)):
                if pad.suffix in (".md", ".ipynb") and pad.is_file():
                    naam = _zonder_suffix(pad.relative_to(root).as_posix())
                    if naam not in gezien:
                        gezien.add(naam)
                        uit.append((naam, pad))
    return uit


def meet_boek(toc: Path | None = None, root: Path | None = None, normen: Normen | None = None) -> list[Meting]:
    """Measure every Markdown page of the book, in reading order."""
    normen = normen or laad_normen()
    return [meet_pagina(pad, naam, normen) for naam, pad in toc_paginas(toc, root) if pad.suffix == ".md"]


def tabel_tekst(metingen: list[Meting]) -> str:
    """A plain-text table of the measurements (for the test output)."""
    regels = [f"{'pagina':<48} {'zinnen':>6} {'woorden':>7} {'zin':>5} {'FD':>6} {'lang%':>6}"]
    for m in metingen:
        teken = " (vrijgesteld)" if m.vrijgesteld else ""
        regels.append(
            f"{m.pagina:<48} {m.zinnen:>6} {m.woorden:>7} {m.gem_zinslengte:>5.1f} "
            f"{m.flesch_douma:>6.1f} {100 * m.lange_woorden:>6.1f}{teken}"
        )
    return "\n".join(regels)
