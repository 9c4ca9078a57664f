"""Text normalisation shared by every search and matcher: one place, one rule.

>>> zonder_accenten("Cliënt één ß")
'client een ss'
>>> plat("Begeleiding (individueel) – 2026")
'begeleiding individueel 2026'
"""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not split into a base letter and a mark.
_EXTRA = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "ł": "l", "đ": "d"})


def zonder_accenten(tekst: str) -> str:
    """Lower case, accents removed ('Cliënt' -> 'client'); other characters stay."""
    tekst = unicodedata.normalize("NFKD", str(tekst).translate(_EXTRA))
    return "".join(c for c in tekst if not unicodedata.combining(c)).lower()


def plat(tekst: str, scheiding: str = " ") -> str:
    """Lower case, no accents, only letters and digits, separated by ``scheiding``."""
    return re.sub(r"[^a-z0-9]+", scheiding, zonder_accenten(tekst).encode("ascii", "ignore").decode()).strip(scheiding)
