"""A generic ranking engine for short Dutch documents with several fields.

Used by the law lookup ("Mag dit?", :mod:`calculators.wetten.zoeker`) and reusable for other
collections (for example the case catalogue). How a query is answered:

1. **Analysis** (:meth:`Zoekindex.analyseer`): the query is cut into words (accents removed,
   lower case), common Dutch function words are dropped and every word is reduced to its
   dictionary form (simplemma) and then to its stem with the classic Dutch Snowball stemmer
   (PyStemmer). Unknown words are corrected to the
   nearest word in the index with rapidfuzz (typo tolerance). Dutch compounds are split
   into known parts ("huurachterstand" -> "huur" + "achterstand"), in documents and in
   queries alike. Phrases from the curated synonym list (``data/synoniemen.yaml``) expand
   the query with the other members of their group ("pgb" -> "persoonsgebonden budget").
2. **Ranking** (:meth:`Zoekindex.scores`): one BM25 index (bm25s) per field; the score of
   a document is the weighted sum of its field scores.
   Optionally an extra field of character 4-grams gives a weak fuzzy match for word forms
   the stemmer does not join ("verhuist" / "verhuizing"). Expansion terms (synonyms,
   compound parts) count for a fraction of a typed word.
3. **Explanation**: :meth:`Zoekindex.beste_passage` picks the passage (for laws: the lid)
   that matches best, and :func:`markeer_posities` gives the character spans to highlight.

The index is built once per collection; a query costs a few sparse column sums per field
and term weight, so it stays fast when the collection grows (see ``bench/zoeken_wetten.py``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial

import bm25s
import numpy as np
import Stemmer
from rapidfuzz import fuzz, process

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.tekst import zonder_accenten

#: Longest query (in characters) that is analysed; longer queries are cut (with a note).
MAX_TEKENS = 500
#: BM25 parameters (bm25s defaults).
BM25_K1 = 1.5
BM25_B = 0.75
#: At most this many different words of a query are used.
MAX_WOORDEN = 40
#: Weight of an expansion term (synonym) compared with a word the user typed.
GEWICHT_SYNONIEM = 0.7
#: Weight of a compound part compared with a word the user typed.
GEWICHT_DEELWOORD = 0.35
#: Shortest part of a compound that is recognised ("huur" in "huurschuld").
MIN_DEEL = 4
#: Shortest word that is corrected for typos, and the minimal similarity (0-100).
MIN_CORRECTIE_LENGTE = 5
CORRECTIE_DREMPEL = 80.0
#: Reduce a word to its dictionary form (simplemma) before Snowball stemming, so irregular
#: forms meet: 'woonde' -> 'wonen', 'betaalt' -> 'betalen', 'kinderen' -> 'kind'.
#: On since the switch to the classic Snowball stemmer (STEMMER below), which does not strip
#: "ge-" itself: the lemma joins participles to their verb ('geweigerd' -> 'weigeren',
#: 'afgewezen' -> 'afwijzen'). Measured in tests/wetten/test_evaluatie_praktijk.py (issue 16).
LEMMA = True
#: Snowball algorithm (PyStemmer). PyStemmer 3 made "dutch" the newer stemmer that strips "ge-"
#: everywhere: "begeleiding" -> "beleid", "gemeente" -> "meen", "gezin" -> "zin". "dutch_porter" is
#: the classic Snowball Dutch stemmer, which keeps those words apart.
STEMMER = "dutch_porter"
#: Length of the character n-grams (only used when ``ngram_gewicht`` > 0).
NGRAM = 4
NGRAM_VELD = "#ngram"
BIGRAM_VELD = "#bigram"
#: Linking sounds between parts of a Dutch compound ("beleid-s-regel", "ouder-en-bijdrage").
TUSSENKLANKEN = ("", "s", "e", "en")

# Dutch function words (Snowball stop word list, plus question words). They carry no
# meaning for the search and would only add noise.
STOPWOORDEN = frozenset(
    """
    aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
    iets ik in is ja je jij jou jouw jullie kan kon kunnen maar me meer men met mij mijn moet
    moeten na naar niet niets nog nu of om omdat ons onze ook op over reeds te tegen toch toen tot
    u uit uw van veel voor waar wanneer want waren was wat we wel welk welke werd wezen wie wij wil
    willen wordt worden zal ze zei zelf zich zij zijn zo zonder zou zouden mag mogen graag hoeveel
    waarom zoals iemand elk elke ieder iedere per dient deze hen ze zeker even
    """.split()
)

#: Particles of Dutch separable verbs. In a query "af te wijken" or "in te vullen" also searches
#: for the joined verb ("afwijken", "invullen") when the collection knows it.
SCHEIDBARE_DEELTJES = frozenset(
    "aan af bij door in mee na om op over terug toe uit vast voor weg samen tegemoet".split()
)

_WOORD = re.compile(r"\d+(?:[.:]\d+)*[^\W\d_]?|[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=200_000)
def normaliseer_woord(woord: str) -> str:
    """Lower case without accents: 'Cliënt' -> 'client'."""
    return zonder_accenten(woord)


def woorden_met_plek(tekst: str) -> list[tuple[str, int, int]]:
    """Words of a text as (normalised word, start, end); start/end index the original text.

    Numbers with dots or colons stay one word, so article numbers like ``2.3.5`` or
    ``4:84`` can be found.
    """
    return list(_woorden_met_plek(str(tekst)))


@lru_cache(maxsize=20_000)
def _woorden_met_plek(tekst: str) -> tuple[tuple[str, int, int], ...]:
    uit = []
    for m in _WOORD.finditer(tekst):
        w = normaliseer_woord(m.group())
        if w:
            uit.append((w, m.start(), m.end()))
    return tuple(uit)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer(STEMMER)


@lru_cache(maxsize=200_000)
def stam(woord: str) -> str:
    """Dutch Snowball stem of a normalised word ('uitkeringen' -> 'uitker')."""
    if woord[:1].isdigit():
        return woord
    lemmatiseer = _lemmatiseerder() if LEMMA else None
    if lemmatiseer is not None:
        # simplemma writes separable verbs with an underscore: 'afgewezen' -> 'af_wijzen'
        lemma = normaliseer_woord(lemmatiseer(woord, lang="nl")).replace("_", "")
        if lemma and lemma.isalpha():
            woord = lemma
    return _stemmer().stemWord(woord)


@lru_cache(maxsize=1)
def _lemmatiseerder():
    """simplemma.lemmatize, or None when simplemma is not installed (requirements.txt has it).

    With ``low_memory=True`` simplemma reads its compressed Dutch dictionary as a stream
    instead of unpacking it into a dict: the same lemmas (checked for every word in data/,
    tests/kern/test_zoeken.py), about 65 MB less per calculator kernel and faster to start.
    """
    try:
        import simplemma
    except ImportError:  # pragma: no cover - an install without requirements.txt
        return None
    return partial(simplemma.lemmatize, low_memory=True)


@lru_cache(maxsize=200_000)
def ngrammen(woord: str) -> tuple[str, ...]:
    """Character n-grams of a word with boundary marks, as separate tokens ('#<ver', ...)."""
    if len(woord) < NGRAM + 1 or not woord.isalpha():
        return ()
    w = f"<{woord}>"
    return tuple("#" + w[i : i + NGRAM] for i in range(len(w) - NGRAM + 1))


def is_inhoudswoord(woord: str) -> bool:
    """True for words that carry meaning (no function word, not a single letter)."""
    if woord in STOPWOORDEN:
        return False
    return len(woord) > 1 or woord.isdigit()


@dataclass(frozen=True)
class SynoniemGroep:
    """Phrases that mean the same for the search, e.g. ('pgb', 'persoonsgebonden budget')."""

    termen: tuple[str, ...]


@dataclass
class Vraaganalyse:
    """What the engine made of a query; shown to the user as notes where useful."""

    vraag: str
    termen: list[str]  # stems the user typed (after typo correction)
    synoniemen: list[str]  # stems added from the synonym list
    delen: list[str]  # stems of compound parts
    correcties: dict[str, str] = field(default_factory=dict)  # typed word -> corrected word
    meldingen: list[str] = field(default_factory=list)  # Dutch notes for the user
    synoniem_gewicht: dict[str, float] = field(default_factory=dict)  # weight per synonym stem
    markeer: set[str] = field(default_factory=set)  # stems worth highlighting in a text
    ngrammen: dict[str, float] = field(default_factory=dict)  # character n-grams and weights
    #: Per synonym group that matched: its other phrases, each as {stem: weight} (typed stems left out).
    groepen: list[list[dict[str, float]]] = field(default_factory=list)

    @property
    def alle_termen(self) -> set[str]:
        return set(self.termen) | set(self.synoniemen) | set(self.delen)

    def gewichten(self) -> dict[str, float]:
        """Weight of every search term: typed words 1, synonyms and compound parts less."""
        uit = dict(self.ngrammen)
        uit.update({d: GEWICHT_DEELWOORD for d in self.delen})
        for s in self.synoniemen:
            uit[s] = max(uit.get(s, 0.0), self.synoniem_gewicht.get(s, GEWICHT_SYNONIEM))
        uit.update({t: 1.0 for t in self.termen})
        return uit


@dataclass(frozen=True)
class Treffer:
    """One document in a result list."""

    index: int
    score: float
    #: The score without the best-unit bonus (``zin_gewicht``): the scale the "how sure"
    #: labels are calibrated on. Equal to ``score`` when the index has no units.
    basis: float | None = None


@dataclass
class Zoekuitkomst:
    """Result list (best first) plus the analysis of the query."""

    treffers: list[Treffer]
    analyse: Vraaganalyse


class Zoekindex:
    """BM25 index over documents with weighted fields, Dutch stemming and synonyms.

    ``documenten``: one mapping per document from field name to text.
    ``gewichten``: weight per field name; fields without a weight are ignored.
    ``synoniemen``: groups of phrases that expand each other in a query.
    ``passages``: per document a list of (label, text) pieces, for :meth:`beste_passage`.
    """

    def __init__(
        self,
        documenten: Sequence[Mapping[str, str]],
        gewichten: Mapping[str, float],
        synoniemen: Iterable[SynoniemGroep] = (),
        passages: Sequence[Sequence[tuple[str, str]]] | None = None,
        ngram_gewicht: float = 0.0,
        synoniem_max: bool = False,
        stopwoorden: Iterable[str] = (),
        zinnen: Sequence[Sequence[str]] | None = None,
        zin_gewicht: float = 0.0,
        bigram_gewicht: float = 0.0,
    ):
        self.n = len(documenten)
        #: True: a synonym group adds the score of its BEST phrase, not the sum of all its
        #: phrases (a group of five phrases then no longer weighs five times a typed word).
        self.synoniem_max = bool(synoniem_max)
        #: Function words left out of documents and queries: the standard list plus ``stopwoorden``.
        self._stop = STOPWOORDEN | {normaliseer_woord(w) for w in stopwoorden}
        self.gewichten = {k: float(v) for k, v in gewichten.items() if v > 0}
        groepen = list(synoniemen)

        # 1. Surface words of the collection (and of the synonym list): the vocabulary
        #    for typo correction and for splitting compounds.
        ruwe_velden: dict[str, list[list[str]]] = {}
        oppervlak: set[str] = set()
        for veld in self.gewichten:
            rijen = []
            for doc in documenten:
                ws = [w for w, _, _ in woorden_met_plek(doc.get(veld, "") or "") if self._inhoud(w)]
                rijen.append(ws)
                oppervlak.update(ws)
            ruwe_velden[veld] = rijen
        for g in groepen:
            for t in g.termen:
                oppervlak.update(w for w, _, _ in woorden_met_plek(t) if self._inhoud(w))
        self._oppervlak = sorted(w for w in oppervlak if not w[:1].isdigit())
        self._deel_stammen = {stam(w) for w in self._oppervlak if len(w) >= MIN_DEEL}
        self._deel_woorden = {w for w in self._oppervlak if len(w) >= MIN_DEEL}
        self._splits: dict[str, tuple[str, ...]] = {}
        self._termen_cache: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._tekst_cache: dict[str, frozenset[str]] = {}

        # 2. Tokens per field (stems plus compound parts), then the ranking structure.
        veld_tokens: dict[str, list[list[str]]] = {}
        df: dict[str, int] = {}
        doc_termen: list[set[str]] = [set() for _ in range(self.n)]
        self._veld_stammen: dict[str, list[frozenset[str]]] = {}
        for veld, rijen in ruwe_velden.items():
            tokens: list[list[str]] = []
            for i, ws in enumerate(rijen):
                doc_tokens = self._document_tokens(ws)
                tokens.append(doc_tokens)
                doc_termen[i].update(doc_tokens)
            self._veld_stammen[veld] = [frozenset(t) for t in tokens]
            if any(tokens):  # an empty field (e.g. no example questions yet) adds nothing
                veld_tokens[veld] = tokens
        self.ngram_gewicht = float(ngram_gewicht)
        if self.ngram_gewicht > 0 and self.n:
            # Character n-grams of all words as one extra field: a weak, fuzzy match for word
            # forms the stemmer does not join ("verhuist" / "verhuizing") and for compounds.
            grams = [
                [g for rijen in ruwe_velden.values() for w in rijen[i] for g in ngrammen(w)] for i in range(self.n)
            ]
            for i, doc_grams in enumerate(grams):
                doc_termen[i].update(doc_grams)
            veld_tokens[NGRAM_VELD] = grams
            self.gewichten[NGRAM_VELD] = self.ngram_gewicht
        self.bigram_gewicht = float(bigram_gewicht)
        if self.bigram_gewicht > 0 and self.n:
            # Pairs of neighbouring content words ("bijzondere bijstand", "beslissing (op) bezwaar")
            # as one extra field: a phrase in the question that is also a phrase in the document.
            paren = [
                [p for rijen in ruwe_velden.values() for p in _bigrammen([stam(w) for w in rijen[i]])]
                for i in range(self.n)
            ]
            for i, doc_paren in enumerate(paren):
                doc_termen[i].update(doc_paren)
            veld_tokens[BIGRAM_VELD] = paren
            self.gewichten[BIGRAM_VELD] = self.bigram_gewicht
        for termen in doc_termen:
            for t in termen:
                df[t] = df.get(t, 0) + 1
        # Stems per document (without n-grams), for :meth:`dekking`.
        self._doc_stammen = [frozenset(t for t in termen if not t.startswith("#")) for termen in doc_termen]
        self._idf = {t: math.log(1 + (self.n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        # the weight of a word the collection does not know, for dekking(): the median IDF of the
        # words and character n-grams (word pairs left out), computed once
        zonder_paren = [v for t, v in self._idf.items() if "_" not in t]
        self._idf_onbekend = float(np.median(zonder_paren)) if zonder_paren else 1.0

        self._bekende_stammen = set(df)
        self._indexen: dict[str, bm25s.BM25] = {}
        for veld, tokens in veld_tokens.items():
            index = bm25s.BM25(k1=BM25_K1, b=BM25_B)
            index.index(tokens, show_progress=False)
            self._indexen[veld] = index

        # 3. Synonym phrases: all their words as stems (to match the query, function words
        #    included, so "hoeveel bijstand" only matches that phrase), and the stems to add
        #    to a query (content words and their compound parts).
        self._synoniemen: list[list[tuple[tuple[str, ...], tuple[str, ...]]]] = []
        for g in groepen:
            frasen = []
            for t in g.termen:
                ws = [w for w, _, _ in woorden_met_plek(t)]
                patroon = tuple(stam(w) for w in ws)
                toevoegen = tuple(dict.fromkeys(x for w in ws if self._inhoud(w) for x in self._met_delen(w)))
                if patroon and toevoegen:
                    frasen.append((patroon, toevoegen))
            if len(frasen) > 1:
                self._synoniemen.append(frasen)
        self._synoniem_stammen = {x for frasen in self._synoniemen for p, _ in frasen for x in p}

        # 3b. Short units per document (a sentence, a situation, a lid): the best unit adds
        #     ``zin_gewicht`` x its BM25 score. A long document with one unit that fits the
        #     query well is then not pushed down by its length.
        self.zin_gewicht = float(zin_gewicht) if zinnen is not None else 0.0
        self._zin_index: bm25s.BM25 | None = None
        if self.zin_gewicht > 0 and zinnen is not None and self.n:
            zin_tokens: list[list[str]] = []
            zin_doc: list[int] = []
            for nr, eenheden in enumerate(zinnen):
                for zin in eenheden:
                    zin_woorden = [w for w, _, _ in woorden_met_plek(zin) if self._inhoud(w)]
                    zin_termen = self._document_tokens(zin_woorden)
                    if zin_termen:
                        zin_tokens.append(zin_termen)
                        zin_doc.append(nr)
            if zin_tokens:
                self._zin_index = bm25s.BM25(k1=BM25_K1, b=BM25_B)
                self._zin_index.index(zin_tokens, show_progress=False)
                per_zin = np.asarray(zin_doc, dtype=np.int64)
                # units are stored document by document: the start of each document's run
                self._zin_starts = np.flatnonzero(np.r_[True, per_zin[1:] != per_zin[:-1]])
                self._zin_docs = per_zin[self._zin_starts]

        # 4. Passages (e.g. the leden of an article), pre-analysed for highlighting.
        self._passages: list[list[tuple[str, set[str]]]] = []
        for stukken in passages or [[] for _ in range(self.n)]:
            self._passages.append([(label, self.tekst_termen(tekst)) for label, tekst in stukken])

    # ----------------------------------------------------------------- analysis
    def _inhoud(self, woord: str) -> bool:
        """True for words that carry meaning here (see :func:`is_inhoudswoord`)."""
        if woord in self._stop:
            return False
        return len(woord) > 1 or woord.isdigit()

    def _scheidbare_werkwoorden(self, woorden: Sequence[str]) -> list[str]:
        """Joined separable verbs the collection knows: 'af (te) wijken' -> 'afwijken'."""
        uit = []
        for i, w in enumerate(woorden[:-1]):
            if w not in SCHEIDBARE_DEELTJES:
                continue
            j = i + 2 if woorden[i + 1] == "te" and i + 2 < len(woorden) else i + 1
            rest = woorden[j]
            if not rest.isalpha() or rest in SCHEIDBARE_DEELTJES or rest in STOPWOORDEN:
                continue
            samen = w + rest
            if stam(samen) in self._bekende_stammen:
                uit.append(samen)
        return uit

    def splits(self, woord: str) -> tuple[str, ...]:
        """Known parts of a Dutch compound, as normalised words; () if none.

        'huurachterstand' -> ('huur', 'achterstand'); 'beleidsregel' -> ('beleid', 'regel').
        Every part has at least ``MIN_DEEL`` letters and occurs in the collection.
        """
        if woord in self._splits:
            return self._splits[woord]
        uit: tuple[str, ...] = ()
        if len(woord) >= 2 * MIN_DEEL and woord.isalpha():
            uit = self._splits_rec(woord, diepte=0) or ()
        self._splits[woord] = uit
        return uit

    def _bekend_deel(self, deel: str) -> bool:
        return (
            len(deel) >= MIN_DEEL
            and deel not in STOPWOORDEN
            and (deel in self._deel_woorden or stam(deel) in self._deel_stammen)
        )

    def _splits_rec(self, woord: str, diepte: int) -> tuple[str, ...] | None:
        if diepte > 2:
            return None
        # Longest known head first: 'schuldhulpverlening' -> 'schuldhulp' + 'verlening'.
        for eind in range(len(woord) - MIN_DEEL, MIN_DEEL - 1, -1):
            kop = woord[:eind]
            if not self._bekend_deel(kop):
                continue
            for tk in TUSSENKLANKEN:
                if not woord.startswith(tk, eind):
                    continue
                rest = woord[eind + len(tk) :]
                if len(rest) < MIN_DEEL:
                    continue
                if self._bekend_deel(rest):
                    return (kop, rest)
                verder = self._splits_rec(rest, diepte + 1)
                if verder:
                    return (kop, *verder)
        return None

    def losse_delen(self, woord: str) -> tuple[str, ...]:
        """For an unknown compound: its longest known first part and last part.

        'huurschuld' -> ('huur', 'schuld') when both occur, ('huur',) when only 'huur' does.
        """
        if len(woord) < 2 * MIN_DEEL or not woord.isalpha():
            return ()
        kop = next(
            (woord[:e] for e in range(len(woord) - MIN_DEEL, MIN_DEEL - 1, -1) if self._bekend_deel(woord[:e])), None
        )
        staart = next(
            (woord[b:] for b in range(MIN_DEEL, len(woord) - MIN_DEEL + 1) if self._bekend_deel(woord[b:])), None
        )
        return tuple(d for d in dict.fromkeys((kop, staart)) if d)

    def _woord_termen(self, woord: str) -> tuple[str, list[str]]:
        """Stem of a word and the stems of its compound parts."""
        bekend = self._termen_cache.get(woord)
        if bekend is None:
            s = stam(woord)
            bekend = (s, tuple(d for d in (stam(x) for x in self.splits(woord)) if d != s))
            self._termen_cache[woord] = bekend
        return bekend[0], list(bekend[1])

    def _met_delen(self, woord: str) -> list[str]:
        s, delen = self._woord_termen(woord)
        return [s, *delen]

    def _document_tokens(self, woorden: list[str]) -> list[str]:
        tokens = []
        for w in woorden:
            s, delen = self._woord_termen(w)
            tokens.append(s)
            tokens.extend(delen)
        return tokens

    def tekst_termen(self, tekst: str) -> set[str]:
        """All stems (and compound-part stems) of a text."""
        bekend = self._tekst_cache.get(tekst)
        if bekend is None:
            bekend = frozenset(self._document_tokens([w for w, _, _ in woorden_met_plek(tekst) if self._inhoud(w)]))
            self._tekst_cache[tekst] = bekend
        return set(bekend)

    def corrigeer(self, woord: str) -> str | None:
        """Nearest known word for an unknown word (typo), or None."""
        if len(woord) < MIN_CORRECTIE_LENGTE or not self._oppervlak or woord[:1].isdigit():
            return None
        # Only words of about the same length: a typo, not a different word ("kopen" is
        # not "inkopen").
        marge = max(1, len(woord) // 6)
        kandidaten = process.extract(
            woord, self._oppervlak, scorer=fuzz.ratio, score_cutoff=CORRECTIE_DREMPEL, limit=10
        )
        for kandidaat, _score, _ in kandidaten:
            if abs(len(kandidaat) - len(woord)) <= marge:
                return kandidaat
        return None

    def analyseer(self, vraag: str) -> Vraaganalyse:
        """Turn a query into search terms. Raises DoorbraakFout when nothing is left."""
        if not isinstance(vraag, str):
            raise DoorbraakFout("De vraag moet tekst zijn.")
        meldingen: list[str] = []
        tekst = vraag.strip()
        if not tekst:
            raise DoorbraakFout("Typ eerst een vraag of een paar woorden.")
        if len(tekst) > MAX_TEKENS:
            knip = tekst.rfind(" ", 0, MAX_TEKENS + 1)  # cut between words, not inside one
            tekst = tekst[: knip if knip > 0 else MAX_TEKENS]
            meldingen.append(f"Je vraag is erg lang. Ik gebruik alleen de eerste {MAX_TEKENS} tekens.")
        woorden = [w for w, _, _ in woorden_met_plek(tekst)]
        if not woorden:
            raise DoorbraakFout("Ik vind geen woorden in je vraag. Typ een vraag of een paar woorden.")
        inhoud = list(dict.fromkeys(w for w in woorden if self._inhoud(w)))
        inhoud += [w for w in self._scheidbare_werkwoorden(woorden) if w not in inhoud]
        if not inhoud:
            raise DoorbraakFout(
                "Je vraag bevat alleen heel gewone woorden. Noem waar het om gaat, bijvoorbeeld: voorschot bijstand."
            )
        if len(inhoud) > MAX_WOORDEN:
            inhoud = inhoud[:MAX_WOORDEN]
            if not meldingen:
                meldingen.append(f"Je vraag heeft veel woorden. Ik gebruik de eerste {MAX_WOORDEN}.")

        correcties: dict[str, str] = {}
        termen: list[str] = []
        delen: list[str] = []
        for w in inhoud:
            s, ds = self._woord_termen(w)
            if s not in self._bekende_stammen and not ds and s not in self._synoniem_stammen:
                beter = self.corrigeer(w)
                if beter and beter != w:
                    correcties[w] = beter
                    s, ds = self._woord_termen(beter)
                else:
                    ds = [stam(d) for d in self.losse_delen(w)]
            termen.append(s)
            delen.extend(ds)
        if correcties:
            lijst = ", ".join(f"'{v}' in plaats van '{k}'" for k, v in correcties.items())
            meldingen.append(f"Ik heb gezocht op {lijst}.")

        # Synonyms: a multi-word phrase must occur as a run in the query (all words, with
        # typos corrected); a one-word phrase may also match a compound part.
        reeks = [stam(correcties.get(w, w)) for w in woorden]
        los = set(termen) | set(delen)
        # A phrase of n words adds each word with 1/n of the synonym weight, so "eerste maand"
        # does not count as two strong words. One-word synonyms are also highlighted.
        gewicht: dict[str, float] = {}
        markeer = set(termen)
        gezien = set(termen)
        groepen: list[list[dict[str, float]]] = []
        for frasen in self._synoniemen:
            if any((len(p) == 1 and p[0] in los) or (len(p) > 1 and _bevat_reeks(reeks, p)) for p, _ in frasen):
                groep = []
                for patroon, toevoegen in frasen:
                    n_woorden = max(1, sum(1 for x in patroon if x in toevoegen))
                    for x in toevoegen:
                        gewicht[x] = max(gewicht.get(x, 0.0), GEWICHT_SYNONIEM / n_woorden)
                    if n_woorden == 1:
                        markeer.update(toevoegen)
                    # compound parts of a phrase word count as parts, not as whole words
                    fraas = {
                        x: GEWICHT_SYNONIEM / n_woorden * (1.0 if x in patroon else GEWICHT_DEELWOORD)
                        for x in toevoegen
                        if x not in gezien
                    }
                    if fraas and not all(x in gezien for x in patroon if x in toevoegen):
                        groep.append(fraas)
                if groep:
                    groepen.append(groep)
        synoniemen = [s for s in gewicht if s not in gezien]
        delen = [d for d in dict.fromkeys(delen) if d not in gezien and d not in gewicht]
        grams: dict[str, float] = {}
        if self.bigram_gewicht > 0:
            inhoud_reeks = [stam(correcties.get(w, w)) for w in woorden if self._inhoud(w)]
            grams.update(dict.fromkeys(_bigrammen(inhoud_reeks), 1.0))
        if self.ngram_gewicht > 0:
            for w in inhoud:
                gs = ngrammen(correcties.get(w, w))
                for g in gs:
                    grams[g] = grams.get(g, 0.0) + 1.0 / len(gs)
        return Vraaganalyse(
            vraag,
            list(dict.fromkeys(termen)),
            synoniemen,
            delen,
            correcties,
            meldingen,
            {s: gewicht[s] for s in synoniemen},
            markeer,
            grams,
            groepen,
        )

    # ------------------------------------------------------------------ ranking
    def scores(self, analyse: Vraaganalyse) -> np.ndarray:
        """Score of every document for an analysed query (0 = no match)."""
        basis, zin = self._scores_delen(analyse)
        return basis if zin is None else basis + self.zin_gewicht * zin

    def _scores_delen(self, analyse: Vraaganalyse) -> tuple[np.ndarray, np.ndarray | None]:
        """The field score of every document, and the best-unit score (None without units)."""
        totaal = np.zeros(self.n, dtype=np.float32)
        if self.n == 0:
            return totaal, None
        gewichten = analyse.gewichten()
        if self.synoniem_max and analyse.groepen:
            in_groep = {t for groep in analyse.groepen for fraas in groep for t in fraas}
            gewichten = {t: g for t, g in gewichten.items() if t not in in_groep or t in analyse.termen}
            totaal += self._groep_scores(analyse.groepen)
        per_gewicht: dict[float, list[str]] = {}
        for term, g in gewichten.items():
            per_gewicht.setdefault(g, []).append(term)
        for veld, index in self._indexen.items():
            for g, termen in per_gewicht.items():
                bekend = [t for t in termen if t and t in index.vocab_dict]
                if bekend:
                    totaal += (self.gewichten[veld] * g) * index.get_scores(bekend)
        return totaal, (self._zin_scores(analyse) if self._zin_index is not None else None)

    def _zin_scores(self, analyse: Vraaganalyse) -> np.ndarray:
        """Per document the BM25 score of its best unit (see ``zinnen``)."""
        index = self._zin_index
        assert index is not None
        per_gewicht: dict[float, list[str]] = {}
        for term, g in analyse.gewichten().items():
            if not term.startswith("#") and term in index.vocab_dict:
                per_gewicht.setdefault(g, []).append(term)
        zin: np.ndarray | None = None
        for g, termen in per_gewicht.items():
            s = g * index.get_scores(termen)
            zin = s if zin is None else zin + s
        uit = np.zeros(self.n, dtype=np.float32)
        if zin is not None:
            uit[self._zin_docs] = np.maximum.reduceat(zin, self._zin_starts)
        return uit

    def _term_scores(self, term: str) -> np.ndarray:
        """Weighted sum over the fields of the BM25 score of one term."""
        uit = np.zeros(self.n, dtype=np.float32)
        for veld, index in self._indexen.items():
            if term in index.vocab_dict:
                uit += self.gewichten[veld] * index.get_scores([term])
        return uit

    def _groep_scores(self, groepen: list[list[dict[str, float]]]) -> np.ndarray:
        """Per synonym group the score of its best phrase, summed over the groups."""
        totaal = np.zeros(self.n, dtype=np.float32)
        cache: dict[str, np.ndarray] = {}
        for groep in groepen:
            beste = np.zeros(self.n, dtype=np.float32)
            for fraas in groep:
                s = np.zeros(self.n, dtype=np.float32)
                for t, g in fraas.items():
                    if t not in cache:
                        cache[t] = self._term_scores(t)
                    s += g * cache[t]
                np.maximum(beste, s, out=beste)
            totaal += beste
        return totaal

    def zoek(self, vraag: str, top: int = 10, filter: np.ndarray | None = None) -> Zoekuitkomst:
        """Best documents for a query, best first; ``filter`` is a boolean mask or None.

        Raises :class:`DoorbraakFout` with a Dutch message for a query without words.
        """
        if top < 1:
            raise DoorbraakFout("Vraag om minstens één resultaat.")
        analyse = self.analyseer(vraag)
        basis, zin = self._scores_delen(analyse)
        s = basis if zin is None else basis + self.zin_gewicht * zin
        if filter is not None:
            s = np.where(filter, s, 0.0)
        kandidaten = np.nonzero(s > 0)[0]
        if len(kandidaten) > top:
            deel = np.argpartition(-s[kandidaten], top - 1)[:top]
            kandidaten = kandidaten[deel]
        volgorde = sorted(kandidaten.tolist(), key=lambda i: (-float(s[i]), i))
        return Zoekuitkomst(
            [Treffer(i, round(float(s[i]), 4), round(float(basis[i]), 4)) for i in volgorde[:top]], analyse
        )

    def idf(self, term: str) -> float:
        return self._idf.get(term, 0.0)

    def dekking(self, index: int, analyse: Vraaganalyse, velden: Iterable[str] | None = None) -> float:
        """Share (0-1) of the query's information that document ``index`` contains.

        Every typed word weighs its IDF; a word the collection does not know at all weighs
        the highest IDF (it is probably about something the collection does not cover). A
        word counts fully when its stem is in the document, for half when only a synonym
        or one of its compound parts is. This is the basis of the "how sure" label.
        ``velden``: count only the words in these fields (default: all fields).
        """
        termen = list(dict.fromkeys(analyse.termen))
        if not termen or index >= len(self._doc_stammen):
            return 0.0
        if velden is None:
            doc = self._doc_stammen[index]
        else:
            doc = frozenset().union(*(self._veld_stammen[v][index] for v in velden if v in self._veld_stammen))
        hoogste = self._idf_onbekend
        extra = set(analyse.synoniemen) | set(analyse.delen)
        totaal = gedekt = 0.0
        for t in termen:
            g = self._idf.get(t, hoogste)
            totaal += g
            if t in doc:
                gedekt += g
            elif t in self._idf and (doc & extra):
                gedekt += 0.5 * g
        return gedekt / totaal if totaal else 0.0

    def beste_passage(self, index: int, analyse: Vraaganalyse) -> int | None:
        """Position of the passage of document ``index`` that matches the query best."""
        beste, beste_score = None, 0.0
        gewichten = analyse.gewichten()
        for j, (_label, termen) in enumerate(self._passages[index] if index < len(self._passages) else []):
            score = sum(g * self.idf(t) for t, g in gewichten.items() if t in termen)
            if score > beste_score + 1e-9:
                beste, beste_score = j, score
        return beste

    def markeer_posities(self, tekst: str, analyse: Vraaganalyse) -> list[tuple[int, int]]:
        """Character spans (start, end) in ``tekst`` of the words that match the query."""
        gezocht = analyse.markeer or set(analyse.termen)
        uit = []
        for w, begin, eind in woorden_met_plek(tekst):
            if not self._inhoud(w):
                continue
            s, delen = self._woord_termen(w)
            if s in gezocht or gezocht & set(delen):
                uit.append((begin, eind))
        return uit


def _bigrammen(stammen: Sequence[str]) -> list[str]:
    """Neighbouring pairs of stems as tokens ('#bijzonder_bijstand'); numbers are left out."""
    paren = zip(stammen[:-1], stammen[1:], strict=True)
    return [f"#{a}_{b}" for a, b in paren if a[:1].isalpha() and b[:1].isalpha() and a != b]


def _bevat_reeks(reeks: Sequence[str], deel: tuple[str, ...]) -> bool:
    """True if ``deel`` occurs as a contiguous run in ``reeks``."""
    n = len(deel)
    if n == 1:
        return deel[0] in reeks
    return any(tuple(reeks[i : i + n]) == deel for i in range(len(reeks) - n + 1))
