"""Make user-supplied text safe for where it goes: a spreadsheet, a terminal, a UTF-8 file.

- :func:`neutraliseer` (CSV and Markdown exports): a cell that starts with ``= + - @``, a
  tab or a carriage return is a formula to Excel and LibreOffice (``=HYPERLINK(...)``,
  ``=cmd|' /C calc'!A0``). OWASP's advice: put a ``'`` in front, so it is shown as text.
  :func:`is_formule` tells an upload check which cells would be changed.
- :func:`voor_terminal` (CLI output): control characters (escape sequences that move the
  cursor, change the title or hide text; bidi overrides that reverse text) are written as
  visible ``\\u001b`` codes. A newline and a tab stay as they are.
- :func:`zonder_losse_surrogaten` / :func:`losse_surrogaat`: a lone UTF-16 surrogate
  (``\\ud800``, what JavaScript makes of half an emoji) cannot be written as UTF-8.
"""

from __future__ import annotations

import re
from typing import Any

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")

# C0 controls except tab and newline, DEL, C1 controls, and the bidi/invisible format
# characters that can make a terminal show something else than what is there.
_BESTURING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGAAT = re.compile("[\ud800-\udfff]")


def is_formule(tekst: Any) -> bool:
    """True when a spreadsheet would read this text cell as a formula."""
    return isinstance(tekst, str) and tekst.startswith(FORMULE_TEKENS)


def neutraliseer(tekst: Any) -> Any:
    """A text cell for a CSV or Markdown export: a leading ``'`` when it would be a formula.

    Numbers and other non-text values are returned unchanged.
    """
    if is_formule(tekst):
        return "'" + tekst
    return tekst


def voor_terminal(tekst: str) -> str:
    """Text for a terminal: control characters become visible ``\\u001b`` codes; lone
    surrogates become U+FFFD (they cannot be encoded)."""
    tekst = _BESTURING.sub(lambda m: f"\\u{ord(m.group()):04x}", tekst)
    return _SURROGAAT.sub("\ufffd", tekst)


def losse_surrogaat(tekst: str) -> int | None:
    """The index of the first lone surrogate in ``tekst``, or ``None``."""
    m = _SURROGAAT.search(tekst)
    return m.start() if m else None


def zonder_losse_surrogaten(tekst: str) -> str:
    """Replace lone surrogates by U+FFFD (the replacement character)."""
    return _SURROGAAT.sub("\ufffd", tekst)


class TerminalUitvoer:
    """A text stream that passes everything through :func:`voor_terminal` (for stdout/stderr)."""

    def __init__(self, stroom):
        self._stroom = stroom

    def write(self, tekst: str) -> int:
        self._stroom.write(voor_terminal(tekst))
        return len(tekst)

    def writelines(self, regels) -> None:
        for r in regels:
            self.write(r)

    def __getattr__(self, naam: str):
        return getattr(self._stroom, naam)
