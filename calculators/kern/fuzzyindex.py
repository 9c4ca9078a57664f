"""A small fuzzy word index for short texts (price names, labels).

Every text is split into words. For a query, each query word is compared with every
distinct word in the index (rapidfuzz ``ratio``, plus a bonus when one word is part of
the other, for Dutch compounds); a text scores the mean over the query words of its
best-matching word. The work per query grows with the vocabulary, not with the number
of texts, so it stays fast when the data grows.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from calculators.kern.tekst import plat

MIN_DEELWOORD = 4
#: A long word that only looks like another long word ("ondertoezichtstelling" and
#: "onderbewindstelling", ratio 80) is a different word, not a typo: below this similarity
#: a word of LANG_WOORD letters or more counts for LANG_FACTOR of its score.
LANG_WOORD = 8
#: Words this short (abbreviations) only match exactly.
KORT_WOORD = 3
LANG_DREMPEL = 85.0
LANG_FACTOR = 0.7


@lru_cache(maxsize=50_000)
def normaliseer(tekst: str) -> str:
    """Lower case, no accents, only letters, digits and single spaces."""
    return plat(tekst)


def woorden(tekst: str) -> list[str]:
    return [w for w in normaliseer(tekst).split() if len(w) > 1 or w.isdigit()]


class FuzzyIndex:
    """Index over texts with an optional second, less weighted field."""

    def __init__(self, namen: list[str], teksten: list[str] | None = None, tekst_gewicht: float = 0.85):
        self.n = len(namen)
        self.tekst_gewicht = tekst_gewicht
        # Identical (name, text) rows are scored once and copied back (self._terug).
        rijen_sleutels = list(zip(namen, teksten if teksten is not None else [""] * len(namen), strict=True))
        uniek: dict[tuple[str, str], int] = {}
        self._terug = np.array([uniek.setdefault(k, len(uniek)) for k in rijen_sleutels], dtype=np.int64)
        namen = [k[0] for k in uniek]
        teksten = [k[1] for k in uniek] if teksten is not None else None
        velden = [namen] + ([teksten] if teksten is not None else [])
        vocab: dict[str, int] = {}
        self._matrices = []
        for veld in velden:
            rijen = [[vocab.setdefault(w, len(vocab)) for w in woorden(t)] for t in veld]
            breedte = max((len(r) for r in rijen), default=0) or 1
            m = np.full((len(rijen), breedte), -1, dtype=np.int32)
            for i, r in enumerate(rijen):
                m[i, : len(r)] = r
            self._matrices.append(m)
        self.vocab = list(vocab)
        self._cache: dict[str, np.ndarray] = {}

    def _woord_scores(self, woord: str) -> np.ndarray:
        scores = (
            process.cdist([woord], self.vocab, scorer=fuzz.ratio, dtype=np.float32)[0]
            if self.vocab
            else np.zeros(0, np.float32)
        )
        if len(woord) <= KORT_WOORD:  # an abbreviation ("ho", "bw") is not a typo of "hbo"
            scores = np.where(scores < 100.0, 0.0, scores).astype(np.float32)
        elif len(woord) >= LANG_WOORD:
            scores = np.where(scores < LANG_DREMPEL, scores * LANG_FACTOR, scores).astype(np.float32)
        if len(woord) >= MIN_DEELWOORD:
            for j, v in enumerate(self.vocab):
                # query word is part of a compound ("uitzetting" in "huisuitzetting"), or a
                # long index word is most of the query word ("bijstand" in "bijstandsnorm")
                if (len(v) >= MIN_DEELWOORD and woord in v) or (v in woord and len(v) >= 0.6 * len(woord)):
                    kort, lang = sorted((len(woord), len(v)))
                    scores[j] = max(scores[j], 85.0 + 15.0 * kort / lang)
        # index -1 (padding) maps to the appended 0
        return np.append(scores, np.float32(0.0))

    def scores(self, vraag: str) -> np.ndarray:
        """Score (0-100) of every text for the query."""
        qw = list(dict.fromkeys(woorden(vraag)))[:20]
        if not qw or self.n == 0:
            return np.zeros(self.n, dtype=np.float32)
        totaal = np.zeros(len(self._matrices[0]), dtype=np.float32)
        for w in qw:
            totaal += self._woord_beste(w)
        return (totaal / len(qw))[self._terug]

    def _woord_beste(self, woord: str) -> np.ndarray:
        """Per text the score of its best-matching word for ``woord`` (cached: synonym
        variants of one query share most of their words)."""
        bekend = self._cache.get(woord)
        if bekend is not None:
            return bekend
        s = self._woord_scores(woord)
        beste = s[self._matrices[0]].max(axis=1)
        if len(self._matrices) > 1:
            beste = np.maximum(beste, self.tekst_gewicht * s[self._matrices[1]].max(axis=1))
        if len(self._cache) > 2000:
            self._cache.clear()
        self._cache[woord] = beste
        return beste

    def zoek(
        self, vraag: str, top: int = 10, drempel: float = 70.0, varianten: list[str] | None = None
    ) -> list[tuple[int, float]]:
        """Indices and scores of the best texts, best first (ties keep file order).

        ``varianten``: other wordings of the query (synonyms); a text scores the best of
        the query and 0.95 × each variant.
        """
        s = self.beste_scores(vraag, varianten)
        return self.top(s, top, drempel)

    def beste_scores(self, vraag: str, varianten: list[str] | None = None) -> np.ndarray:
        """Score of every text: the best of the query and 0.95 x each variant."""
        s = self.scores(vraag)
        for variant in varianten or []:
            s = np.maximum(s, np.float32(0.95) * self.scores(variant))
        return s

    @staticmethod
    def top(s: np.ndarray, top: int, drempel: float, rang: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The ``top`` indices with score >= ``drempel``, best first (ties keep file order).

        ``rang``: another array to order by (for example the score plus a bonus); the
        returned score is always ``s``.
        """
        orde = s if rang is None else rang
        kandidaten = np.nonzero(s >= drempel)[0]
        if len(kandidaten) > top:
            # stable: best first, file order within equal values
            kandidaten = kandidaten[np.lexsort((kandidaten, -orde[kandidaten]))][:top]
        volgorde = sorted(kandidaten.tolist(), key=lambda i: (-float(orde[i]), i))
        return [(i, round(float(s[i]), 1)) for i in volgorde[:top]]


def synoniem_varianten(vraag: str, groepen: list[tuple[str, ...]], maximum: int = 12) -> list[str]:
    """The query with each synonym phrase it contains replaced by the others of its group."""
    q = f" {normaliseer(vraag)} "
    uit: list[str] = []
    for groep in groepen:
        termen = [normaliseer(t) for t in groep]
        for t in termen:
            if t and f" {t} " in q:
                for ander in termen:
                    if ander != t:
                        variant = q.replace(f" {t} ", f" {ander} ").strip()
                        if variant not in uit:
                            uit.append(variant)
    return uit[:maximum]
