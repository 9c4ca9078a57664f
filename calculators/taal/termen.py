"""Stale names and phrases (``data/verouderde-termen.yaml``): loader, schema and a scanner.

Every entry names an old term (``oud``), what to write now (``nieuw``), since when (``sinds``),
the source (``bron``) and, in words, when the old term is still right (``let_op``). The
machine-readable rules that go with ``let_op`` are:

- ``alleen_met``: the old term is only wrong when its paragraph (Markdown) or line (YAML, CSV)
  also holds one of these words, e.g. 'Belastingdienst' only next to 'toeslag' (words in these
  three lists match case-insensitively, also inside a longer word: 'toeslag' in 'huurtoeslag');
- ``goed_met``: a line holding one of these words or phrases is right, e.g. 'heette' in a
  sentence about the past;
- ``goed_op_pagina``: a file holding one of these is right, e.g. 'Ons Pact' on a page that says
  it is the state of 2022;
- ``uitzonderingen``: files or folders (paths from the project root) where the old term may stay,
  each with a reason (a quoted source title, an evaluation set in a user's words).

:func:`zoek_in_tekst` finds the stale terms in one text, :func:`zoek_in_bestanden` in many files;
each :class:`Vondst` names the file, the line and what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import DATA, ROOT
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.yamlbestand import lees_yaml

TERMEN_YAML = DATA / "verouderde-termen.yaml"


class _Basis(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Uitzondering(_Basis):
    """A file or folder (path from the project root) where the old term may stay, and why."""

    pad: str = Field(min_length=1, max_length=200)
    reden: str = Field(min_length=5, max_length=300)


class Term(_Basis):
    """One stale term."""

    oud: str = Field(min_length=2, max_length=120)
    nieuw: str = Field(min_length=2, max_length=300)
    sinds: str = Field(min_length=4, max_length=120)
    bron: str = Field(min_length=5, max_length=500)
    let_op: str = Field(default="", max_length=600)
    alleen_met: list[str] = Field(default_factory=list)
    goed_met: list[str] = Field(default_factory=list)
    goed_op_pagina: list[str] = Field(default_factory=list)
    uitzonderingen: list[Uitzondering] = Field(default_factory=list)

    @model_validator(mode="after")
    def _woorden_niet_leeg(self):
        for veld in ("alleen_met", "goed_met", "goed_op_pagina"):
            if any(not w.strip() for w in getattr(self, veld)):
                raise ValueError(f"{veld} bevat een leeg woord")
        return self


class Termenlijst(_Basis):
    termen: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _uniek(self):
        gezien: set[str] = set()
        for t in self.termen:
            if t.oud.lower() in gezien:
                raise ValueError(f"de term '{t.oud}' staat er twee keer in")
            gezien.add(t.oud.lower())
        return self


def laad_termen(pad: Path | str | None = None) -> list[Term]:
    """Load and validate the stale-term list (Dutch error naming file and field)."""
    pad = Path(pad) if pad is not None else TERMEN_YAML
    return list(_laad(pad)) if pad != TERMEN_YAML else list(_standaard())


@lru_cache(maxsize=1)
def _standaard() -> tuple[Term, ...]:
    return _laad(TERMEN_YAML)


def _laad(pad: Path) -> tuple[Term, ...]:
    gegevens = lees_yaml(pad, f"Het bestand {pad.name}")
    if not isinstance(gegevens, dict):
        raise DoorbraakFout(f"{pad.name} klopt niet: bovenaan hoort 'termen:' met daaronder een lijst.")
    try:
        return tuple(Termenlijst.model_validate(gegevens).termen)
    except ValidationError as fout:
        raise DoorbraakFout(f"{pad.name} klopt niet.", pydantic_meldingen(fout, pad.name)) from fout


# --- scanning -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Vondst:
    """One stale term in a file: where, which term, the line, and what to write instead."""

    bestand: str
    regel: int
    oud: str
    nieuw: str
    tekst: str

    def __str__(self) -> str:
        return (
            f"{self.bestand}, regel {self.regel}: '{self.oud}' is verouderd; schrijf: {self.nieuw} ({self.tekst[:160]})"
        )


@lru_cache(maxsize=512)
def _woord(w: str) -> re.Pattern:
    """A word or phrase, case-insensitive, also inside a longer word ('toeslag' matches 'huurtoeslag')."""
    return re.compile(re.escape(w), re.IGNORECASE)


def _term(t: str) -> re.Pattern:
    return re.compile(rf"(?<![\w/.-]){re.escape(t)}(?![\w/-])", re.IGNORECASE)


def _bevat(tekst: str, woorden: Iterable[str]) -> bool:
    return any(_woord(w).search(tekst) for w in woorden)


def _alinea(regels: list[str], i: int) -> str:
    """The paragraph around line i: the lines up to the nearest blank line on either side."""
    begin, eind = i, i
    while begin > 0 and regels[begin - 1].strip():
        begin -= 1
    while eind + 1 < len(regels) and regels[eind + 1].strip():
        eind += 1
    return " ".join(regels[begin : eind + 1])


def _uitgezonderd(t: Term, bestand: str) -> bool:
    return any(bestand == u.pad or bestand.startswith(u.pad.rstrip("/") + "/") for u in t.uitzonderingen)


def zoek_in_tekst(tekst: str, bestand: str, termen: list[Term] | None = None) -> list[Vondst]:
    """Stale terms in one text. ``bestand`` is the path from the project root (for exceptions)."""
    termen = termen if termen is not None else laad_termen()
    regels = tekst.split("\n")
    markdown = bestand.endswith(".md")
    uit: list[Vondst] = []
    for t in termen:
        if _uitgezonderd(t, bestand) or (t.goed_op_pagina and _bevat(tekst, t.goed_op_pagina)):
            continue
        patroon = _term(t.oud)
        for i, regel in enumerate(regels):
            if not patroon.search(regel):
                continue
            if t.alleen_met and not _bevat(_alinea(regels, i) if markdown else regel, t.alleen_met):
                continue
            if t.goed_met and _bevat(regel, t.goed_met):
                continue
            uit.append(Vondst(bestand, i + 1, t.oud, t.nieuw, regel.strip()))
    return uit


def zoek_in_bestanden(paden: Iterable[Path], termen: list[Term] | None = None, root: Path = ROOT) -> list[Vondst]:
    """Stale terms in the given files (paths reported from ``root``)."""
    termen = termen if termen is not None else laad_termen()
    uit: list[Vondst] = []
    for pad in paden:
        naam = pad.resolve().relative_to(root.resolve()).as_posix()
        uit += zoek_in_tekst(pad.read_text(encoding="utf-8"), naam, termen)
    return uit
