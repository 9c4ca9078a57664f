"""Help texts of the plan builder, read from the book (never retyped).

Each step of the method has a page in ``book/methode/``. The help text of a section is the
first paragraph of that page (or of one named section of it), so the book and the plan
builder always say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import BOOK


@dataclass(frozen=True)
class Stap:
    """One section of the plan builder: its key, heading, book page and help text."""

    sleutel: str
    kop: str
    pagina: str  # path under book/, without .md
    hulp: str


# (key, heading in the builder, book page, section heading on that page or None = first paragraph)
STAPPEN: tuple[tuple[str, str, str, str | None], ...] = (
    ("perspectief", "Stap 1: het perspectief van het huishouden", "methode/stap-1-perspectief", None),
    ("huidige_situatie", "Stap 2: de huidige situatie", "methode/stap-2-huidige-situatie", None),
    ("dreigend_scenario", "Stap 3: het dreigend scenario", "methode/stap-3-dreigend-scenario", None),
    ("doorbraak", "Stap 4: de doorbraak", "methode/stap-4-doorbraak", None),
    ("legitimiteit", "Stap 5: legitimiteit", "methode/stap-5-legitimiteit", None),
    ("rendement", "Stap 6: rendement", "methode/stap-6-rendement", None),
    ("betrokkenheid", "Betrokken: wie doet mee?", "methode/waardendriehoek", "Betrokken"),
    ("knelpunten", "Knelpunten in het systeem", "patronen/systeemknelpunten", None),
    ("besluit", "Het besluit", "methode/doorbraakmethode", "Je hoeft het niet alleen te doen"),
)

_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_NADRUK = re.compile(r"(\*\*|\*|_)(.+?)\1")


def _alinea(regels: list[str]) -> str:
    """The first paragraph in these lines, as plain text (links and emphasis removed)."""
    alinea: list[str] = []
    for regel in regels:
        r = regel.strip()
        if not r:
            if alinea:
                break
            continue
        if r.startswith(("#", ":::", "```", "{", "-", "|", ">")) or re.match(r"\d+\.", r):
            if alinea:
                break
            continue
        alinea.append(r)
    tekst = " ".join(alinea)
    tekst = _LINK.sub(r"\1", tekst)
    return _NADRUK.sub(r"\2", tekst)


def hulptekst(pagina: str, sectie: str | None = None) -> str:
    """The first paragraph of ``book/<pagina>.md`` (or of its ``## sectie``)."""
    pad = BOOK / f"{pagina}.md"
    try:
        regels = pad.read_text(encoding="utf-8").splitlines()
    except OSError:
        raise DoorbraakFout(f"De boekpagina {pagina}.md ontbreekt. De hulptekst komt uit die pagina.") from None
    if sectie is not None:
        koppen = [i for i, r in enumerate(regels) if r.strip().lstrip("#").strip() == sectie and r.startswith("#")]
        if not koppen:
            raise DoorbraakFout(f"De boekpagina {pagina}.md heeft geen kopje '{sectie}'.")
        regels = regels[koppen[0] + 1 :]
    else:
        start = next((i for i, r in enumerate(regels) if r.startswith("# ")), -1)
        regels = regels[start + 1 :]
    tekst = _alinea(regels)
    if not tekst:
        raise DoorbraakFout(f"De boekpagina {pagina}.md begint niet met een alinea.")
    return tekst


@lru_cache(maxsize=1)
def stappen() -> tuple[Stap, ...]:
    """All sections of the plan builder in method order, with their help texts."""
    return tuple(Stap(s, kop, pagina, hulptekst(pagina, sectie)) for s, kop, pagina, sectie in STAPPEN)
