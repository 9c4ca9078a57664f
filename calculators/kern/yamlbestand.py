"""The one way to read YAML: user text and the files in data/ alike.

:class:`BegrensdeLader` is PyYAML's ``SafeLoader`` (no Python objects) that

- refuses anchors (``&a``) and aliases (``*a``): an alias bomb of a few hundred bytes
  would otherwise unfold into billions of nodes. No file in data/ uses them, so the
  data files follow the same rule;
- stops after ``max_knopen`` nodes and at a nesting depth of ``max_diepte``.

Speed: when PyYAML has libyaml, :func:`laad_yaml` first walks the *events* of the C parser
(no node tree, so an alias bomb cannot unfold) with the same three checks, and then lets the
C loader build the data: about ten times faster than the pure-Python composer, which matters
because every calculator kernel reads data/ when it starts. Any problem the fast path sees
is parsed again by :class:`BegrensdeLader`, so messages (wording, line, column) are the same
with or without libyaml.

:func:`laad_yaml` parses text, :func:`lees_yaml` a file (through the bounded reader of
:mod:`calculators.kern.bestanden`). Every problem becomes one
:class:`~calculators.kern.fouten.DoorbraakFout` in Dutch:
"<naam> is geen geldige YAML (regel 3): hier mist een dubbele punt (teken 5)."
"""

from __future__ import annotations

import os
from typing import Any

import yaml

from calculators.kern.bestanden import decodeer, lees_bytes, toon_naam
from calculators.kern.fouten import DoorbraakFout

# User input (a case pasted in the privacy check, a new case file): small.
GEBRUIKER_LIMIET = 1_000_000  # bytes
GEBRUIKER_KNOPEN = 20_000
# Files in data/ (the largest law file has some thousands of nodes).
DATA_LIMIET = 5_000_000
DATA_KNOPEN = 1_000_000
MAX_DIEPTE = 60

_VERTAALD = {
    "mapping values are not allowed here": "hier staat een dubbele punt die niet mag",
    "found character '\\t' that cannot start any token": "hier staat een tab; gebruik spaties",
    "could not find expected ':'": "hier mist een dubbele punt",
    "expected <block end>, but found '-'": "hier klopt het inspringen niet",
    "expected <block end>, but found '<block mapping start>'": "hier klopt het inspringen niet",
    "expected <block end>, but found '<block sequence start>'": "hier klopt het inspringen niet",
    "expected ',' or ']', but got '<stream end>'": "hier mist een sluithaak ]",
    "expected ',' or '}', but got '<stream end>'": "hier mist een sluithaak }",
    "found unexpected end of stream": "de tekst houdt midden in een waarde op (mist er een aanhalingsteken?)",
    "found unknown escape character": "hier staat een \\ die niet mag",
    "found duplicate anchor; first occurrence": "hier staat een verwijzing (&), die mag niet",
    "found undefined alias": "hier staat een verwijzing (*), die mag niet",
}


class _Geweigerd(yaml.YAMLError):
    """A YAML text we refuse on purpose; ``uitleg`` is Dutch."""

    def __init__(self, uitleg: str, mark):
        super().__init__(uitleg)
        self.uitleg = uitleg
        self.problem_mark = mark


class BegrensdeLader(yaml.SafeLoader):
    """SafeLoader without anchors/aliases and with a node and depth limit."""

    max_knopen = GEBRUIKER_KNOPEN
    max_diepte = MAX_DIEPTE

    def __init__(self, stream):
        super().__init__(stream)
        self._knopen = 0
        self._diepte = 0

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML API
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Geweigerd(
                "hier staat een verwijzing (*). Verwijzingen mogen niet; schrijf de waarde zelf uit", event.start_mark
            )
        if getattr(event, "anchor", None) is not None:
            raise _Geweigerd(
                "hier staat een anker (&). Ankers en verwijzingen mogen niet; schrijf de waarde zelf uit",
                event.start_mark,
            )
        self._knopen += 1
        if self._knopen > self.max_knopen:
            raise _Geweigerd(f"de tekst heeft te veel onderdelen (meer dan {self.max_knopen})", event.start_mark)
        self._diepte += 1
        try:
            if self._diepte > self.max_diepte:
                raise _Geweigerd(f"de tekst is te diep genest (meer dan {self.max_diepte} niveaus)", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._diepte -= 1


def _lader(max_knopen: int) -> type[BegrensdeLader]:
    return type("BegrensdeLader", (BegrensdeLader,), {"max_knopen": max_knopen})


def yaml_plek(fout: Exception) -> str:
    """Where and what is wrong in Dutch: " (regel 3): hier mist een dubbele punt (teken 5)"."""
    if isinstance(fout, _Geweigerd):
        uitleg = fout.uitleg
    else:
        ruw = getattr(fout, "problem", None) or ""
        uitleg = _VERTAALD.get(ruw) or next(
            (v for k, v in _VERTAALD.items() if ruw.startswith(k)),
            "de opbouw klopt niet (kijk naar inspringen en dubbele punten)",
        )
    plek = getattr(fout, "problem_mark", None)
    if plek is not None:
        return f" (regel {plek.line + 1}): {uitleg} (teken {plek.column + 1})."
    return f": {uitleg}."


_SNEL = getattr(yaml, "__with_libyaml__", False)


def _snel_laden(tekst: str, max_knopen: int) -> tuple[bool, Any]:
    """(True, data) when the C parser finds nothing to refuse; (False, None) otherwise.

    Checks the events the way :class:`BegrensdeLader` checks nodes: no alias, no anchor, at
    most ``max_knopen`` nodes, at most ``MAX_DIEPTE`` levels. Only then does the C loader
    build the data (there are no aliases, so the tree is as large as the text).
    """
    knopen = diepte = 0
    try:
        for ev in yaml.parse(tekst, Loader=yaml.CSafeLoader):
            if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None) is not None:
                return False, None
            if isinstance(ev, yaml.NodeEvent):
                knopen += 1
                if knopen > max_knopen:
                    return False, None
            if isinstance(ev, yaml.CollectionStartEvent):
                diepte += 1
                if diepte >= MAX_DIEPTE:
                    return False, None
            elif isinstance(ev, yaml.CollectionEndEvent):
                diepte -= 1
        return True, yaml.load(tekst, Loader=yaml.CSafeLoader)  # noqa: S506 - the C SafeLoader
    except (yaml.YAMLError, RecursionError):
        return False, None


def laad_yaml(
    tekst: str, naam: str = "Je tekst", *, max_knopen: int = GEBRUIKER_KNOPEN, limiet: int = GEBRUIKER_LIMIET
) -> Any:
    """Parse YAML text. ``naam`` names the source in messages ("Het bestand x.yaml").

    >>> laad_yaml("a: 1")
    {'a': 1}
    >>> laad_yaml("[&x 1, *x]")
    Traceback (most recent call last):
    ...
    calculators.kern.fouten.DoorbraakFout: Je tekst is geen geldige YAML (regel 1): hier staat een anker (&). Ankers en verwijzingen mogen niet; schrijf de waarde zelf uit (teken 2).
    """
    if len(tekst) > limiet:
        raise DoorbraakFout(f"{naam} is te lang voor een YAML-tekst (meer dan {limiet} tekens).")
    if _SNEL:
        gelukt, data = _snel_laden(tekst, max_knopen)
        if gelukt:
            return data
    try:
        return yaml.load(tekst, Loader=_lader(max_knopen))  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        raise DoorbraakFout(f"{naam} is geen geldige YAML{yaml_plek(e)}") from None
    except RecursionError:
        raise DoorbraakFout(f"{naam} is geen geldige YAML: de tekst is te diep genest.") from None


def lees_yaml(
    pad: str | os.PathLike[str], naam: str | None = None, *, data: bool = True, leeg_mag: bool = False
) -> Any:
    """Read a YAML file through the bounded reader.

    ``data=True`` for the files in data/ (larger limits), ``False`` for files a user gives.
    An empty file is a Dutch error unless ``leeg_mag`` (then ``None`` is returned).
    """
    wie = naam or toon_naam(pad)
    limiet = DATA_LIMIET if data else GEBRUIKER_LIMIET
    tekst = decodeer(lees_bytes(pad, limiet=limiet, naam=wie), wie)
    if not tekst.strip():
        if leeg_mag:
            return None
        raise DoorbraakFout(f"{wie} is leeg.")
    return laad_yaml(tekst, wie, max_knopen=DATA_KNOPEN if data else GEBRUIKER_KNOPEN, limiet=limiet)
