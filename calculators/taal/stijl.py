"""Writing-style check for everything a reader sees: no placeholders, no English, fixed terms.

The word lists live in ``data/stijl.yaml`` (schema :class:`Stijlgids`). :func:`controleer_tekst`
checks plain text; :func:`controleer_pagina` checks a MyST page after stripping what the
reader does not read as prose (code, data directives, URLs, quoted law texts; see
:func:`calculators.taal.leesbaarheid.platte_tekst`). Placeholders such as TODO are also searched
in the raw source (outside code blocks), because a forgotten TODO in a comment is still a
page that is not finished.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.yamlbestand import lees_yaml
from calculators.taal.leesbaarheid import STIJL_YAML, platte_tekst


class Woord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    woord: str = Field(min_length=1)
    advies: str = Field(min_length=1)


class Voorkeur(BaseModel):
    model_config = ConfigDict(extra="forbid")
    woord: str = Field(min_length=1)
    gebruik: str = Field(min_length=1)


class Stijlgids(BaseModel):
    """The contents of ``data/stijl.yaml``."""

    model_config = ConfigDict(extra="allow")  # 'leesbaarheid' is read by calculators.taal.leesbaarheid
    plaatshouders: list[Woord]
    engels: list[Woord]
    voorkeur: list[Voorkeur]


@dataclass(frozen=True)
class Bevinding:
    """One style problem: kind, the word found, where (line number in the text), advice."""

    soort: str  # 'plaatshouder' | 'engels' | 'voorkeur'
    woord: str
    regel: int
    advies: str

    def __str__(self) -> str:
        soorten = {"plaatshouder": "tekst is niet af", "engels": "Engels woord", "voorkeur": "ander woord"}
        return f"regel {self.regel}: {soorten[self.soort]} '{self.woord}' – {self.advies}"


def laad_stijl(pad: Path | None = None) -> Stijlgids:
    """Load and validate the style word lists (Dutch error naming file and field)."""
    pad = Path(pad or STIJL_YAML)
    return _laad(pad) if pad != STIJL_YAML else _standaard()


@lru_cache(maxsize=1)
def _standaard() -> Stijlgids:
    return _laad(STIJL_YAML)


def _laad(pad: Path) -> Stijlgids:
    try:
        gegevens = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True)
    except DoorbraakFout as fout:
        raise DoorbraakFout(f"{pad.name}: het bestand kan niet gelezen worden ({fout}).") from fout
    try:
        return Stijlgids.model_validate(gegevens or {})
    except ValidationError as fout:
        meldingen = pydantic_meldingen(fout, pad.name)
        raise DoorbraakFout(f"{pad.name} klopt niet.", meldingen) from fout


@lru_cache(maxsize=1024)
def _patroon(woord: str, hoofdletters: bool = False) -> re.Pattern:
    vlag = 0 if hoofdletters else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(woord)}(?![\w-])", vlag)


def controleer_tekst(tekst: str, stijl: Stijlgids | None = None) -> list[Bevinding]:
    """All style findings in plain text, in order of appearance."""
    stijl = stijl or laad_stijl()
    uit: list[Bevinding] = []
    for nr, regel in enumerate(tekst.split("\n"), start=1):
        for w in stijl.plaatshouders:
            # Upper-case markers (TODO, XXX) only count in capitals: 'xxx' can be part of a name.
            if _patroon(w.woord, hoofdletters=w.woord.isupper()).search(regel):
                uit.append(Bevinding("plaatshouder", w.woord, nr, w.advies))
        for w in stijl.engels:
            if _patroon(w.woord).search(regel):
                uit.append(Bevinding("engels", w.woord, nr, f"gebruik: {w.advies}"))
        for v in stijl.voorkeur:
            for gevonden in _patroon(v.woord).findall(regel):
                uit.append(Bevinding("voorkeur", gevonden, nr, f"gebruik '{v.gebruik}'"))
    return uit


def _zonder_code(bron: str) -> str:
    """The raw source without fenced code blocks (placeholders in code are code, not text)."""
    uit, in_code, marker = [], False, ""
    for regel in bron.split("\n"):
        m = re.match(r"^\s*(`{3,}|~{3,})(\{?[\w-]*\}?)", regel)
        if m and not in_code and m.group(2) in ("", "python", "json", "yaml", "bash", "text", "{code-block}", "{code}"):
            in_code, marker = True, m.group(1)
            uit.append("")
            continue
        if in_code and regel.strip().startswith(marker) and regel.strip() == regel.strip()[0] * len(regel.strip()):
            in_code = False
            uit.append("")
            continue
        uit.append("" if in_code else regel)
    return "\n".join(uit)


def controleer_pagina(bron: str, stijl: Stijlgids | None = None) -> list[Bevinding]:
    """Style findings of one MyST page: prose checks on the reader's text, placeholders on the source."""
    stijl = stijl or laad_stijl()
    bevindingen = controleer_tekst(platte_tekst(bron), stijl)
    alleen_plaats = Stijlgids(plaatshouders=stijl.plaatshouders, engels=[], voorkeur=[])
    gezien = {(b.soort, b.woord.lower()) for b in bevindingen}
    for b in controleer_tekst(_zonder_code(bron), alleen_plaats):
        if (b.soort, b.woord.lower()) not in gezien:
            bevindingen.append(b)
            gezien.add((b.soort, b.woord.lower()))
    return bevindingen
