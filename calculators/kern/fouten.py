"""Errors with a Dutch message for the user.

Every error a user can cause (bad file, bad number, unknown id) is raised as
:class:`DoorbraakFout` with a message in plain Dutch that names where the problem is.
Widgets and the CLI show ``str(fout)``; they never show a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Melding:
    """One problem in user input: where it is and what is wrong (Dutch)."""

    tekst: str
    bestand: str | None = None
    rij: int | None = None
    kolom: str | None = None

    def __str__(self) -> str:
        plek = []
        if self.bestand:
            plek.append(f"bestand {self.bestand}")
        if self.rij is not None:
            plek.append(f"rij {self.rij}")
        if self.kolom:
            plek.append(f"kolom '{self.kolom}'")
        return (", ".join(plek) + ": " if plek else "") + self.tekst


class DoorbraakFout(Exception):
    """A problem the user can fix. ``str()`` is a complete Dutch message."""

    def __init__(self, tekst: str, meldingen: Sequence[Melding] | None = None):
        self.meldingen: list[Melding] = list(meldingen or [])
        if self.meldingen:
            regels = "\n".join(f"- {m}" for m in self.meldingen[:50])
            extra = len(self.meldingen) - 50
            if extra > 0:
                regels += f"\n- en nog {extra} andere fouten"
            tekst = f"{tekst}\n{regels}"
        super().__init__(tekst)


@dataclass
class Resultaat:
    """Helper for functions that collect several problems before failing."""

    meldingen: list[Melding] = field(default_factory=list)

    def fout(self, tekst: str, **plek) -> None:
        self.meldingen.append(Melding(tekst, **plek))

    def controleer(self, kop: str) -> None:
        if self.meldingen:
            raise DoorbraakFout(kop, self.meldingen)
