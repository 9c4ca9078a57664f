"""Law search "Mag dit?": from an everyday question to the article that allows the solution.

Builds a :class:`~calculators.kern.zoeken.Zoekindex` over all articles in ``data/wetten`` (via
:mod:`calculators.wetten.artikelen`) with these fields and weights:

=========== ======= =========================================================
field       weight  content
=========== ======= =========================================================
titel       1.0     title, law name, abbreviation and article number
uitleg      1.6     B1 explanation: what it makes possible, conditions,
                    misunderstandings, situations
vragen      1.3     example questions stored with the article
uitspraken  1.0     B1 holdings of real rulings (data/uitspraken.yaml)
trefwoorden 1.0     remark (short summary), domeinen, geldstromen
tekst       1.0     the official text (all leden)
(n-grams)   0.2     character 4-grams of all words (weak fuzzy match)
(paren)     1.0     pairs of neighbouring content words (phrases)
=========== ======= =========================================================

The explanation weighs most because it is written in the words professionals use; the
official text stays important for legal terms. A query that is itself a reference
("Pw 52", "artikel 4:84 Awb") puts that article first.

On top of the field scores (issue 16, measured on data/evaluatie/wetvragen-praktijk.yaml):

- the best single unit of an article (a title, B1 sentence, situation, example question,
  ruling holding or lid) adds ZIN_GEWICHT x its own BM25 score, so a long article with one
  sentence that fits is not pushed down by its length;
- a synonym group adds the score of its best phrase only (SYNONIEM_MAX);
- the best HERORDEN_KANDIDATEN hits are re-ranked by score x dekking (share of the
  question's words in the article) x (1 + links from other articles) ** KERN_MACHT, times two
  priors from what the question names: x JEUGD_FACTOR for Jeugdwet articles when the question
  names no child, young person or parent; x WET_FACTOR for the articles of a law whose subject
  the question names ("schuldhulp", "bijstand", "jeugdhulp").

The "how sure" label keeps using the field score without the unit bonus: the scale it was
calibrated on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.indexcache import bewaard
from calculators.kern.opmaak import datum
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.synoniemen import laad_synoniemen
from calculators.kern.tekst import plat
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.yamlbestand import lees_yaml
from calculators.kern.zoeken import Vraaganalyse, Zoekindex, woorden_met_plek
from calculators.wetten.artikelen import (
    Artikel,
    Wet,
    alle_artikelen,
    citeerzin,
    laad_wetten,
    ontleed_referentie,
    planzin,
    zoek_referentie,
)
from calculators.wetten.uitspraken import uitspraken_bij
from calculators.wetten.wijzigingen import wijzigingen_bij

#: Weight of the field with the B1 holdings of real rulings about the article (data/uitspraken.yaml).
UITSPRAAK_GEWICHT = 1.0
GEWICHTEN: dict[str, float] = {
    "titel": 1.0,
    "uitleg": 1.6,
    "vragen": 1.3,
    "trefwoorden": 1.0,
    "tekst": 1.0,
    "uitspraken": UITSPRAAK_GEWICHT,
}
MAX_TOP = 100
#: Ranking method and weight of the character n-gram field (weak fuzzy match for word
#: forms); see zoeken.py. Chosen on the evaluation set, figures in tests/test_wetzoeker.py.
NGRAM_GEWICHT = 0.2
#: A synonym group adds the score of its best phrase only (see Zoekindex).
SYNONIEM_MAX = True
#: Words that carry no meaning in a question about the law (beyond the standard stop words):
#: light verbs, adverbs and the way professionals name the person they help. Generic Dutch.
VRAAG_STOPWOORDEN = frozenset(
    """
    krijgt krijgen kreeg gekregen gaat gaan ging gegaan komt komen kwam kwamen gekomen zegt zeggen
    zei zeiden gezegd steeds weer soms vaak nooit daarom daardoor daarna daarbij daarvoor sindsdien
    voortaan terwijl eigenlijk misschien bijvoorbeeld heel echt gewoon via net pas mevrouw meneer
    client clienten cliënt geldt gelden gold golden
    """.split()
)
#: A question that names the subject of a law ("schuldhulp", "jeugdhulp", "bijstand") gets that
#: law's articles x WET_FACTOR in the re-ranking (1: off). Word beginnings, after plat().
WET_FACTOR = 1.25
WET_WOORDEN: dict[str, tuple[str, ...]] = {
    "Wgs": ("schuldhulp", "schuldsanering", "schuldregeling"),
    "Jw": ("jeugdhulp", "jeugdwet", "jeugdzorg", "jeugdbescherming"),
    "Pw": ("bijstand", "participatiewet", "bijstandsuitkering"),
    "Wmo 2015": ("wmo", "maatwerkvoorziening", "maatschappelijke ondersteuning"),
    "Hvw 2014": ("urgentie", "huisvestingsvergunning", "huisvestingsverordening"),
    "Wlz": ("wlz", "langdurige zorg"),
    "Zvw": ("zorgverzekering", "zorgverzekeraar", "basisverzekering"),
}
#: Weight of the best single unit (sentence, situation, example question, lid) of an article.
ZIN_GEWICHT = 1.0
#: Central articles go up a little: x (1 + links from other articles) ** KERN_MACHT (0: off).
KERN_MACHT = 0.1
#: Weight of the field of neighbouring word pairs (phrases), see Zoekindex.
BIGRAM_GEWICHT = 1.0
#: Re-ranking: the best HERORDEN_KANDIDATEN hits are ordered by score x dekking ** DEKKING_MACHT
#: (0: by score alone).
HERORDEN_KANDIDATEN = 30
#: The fields whose words count for the re-ranking (None: all, including the official text).
DEKKING_VELDEN: tuple[str, ...] | None = None
DEKKING_MACHT = 1.0
#: The Jeugdwet is about children, young people under 18 (and some to 23) and their parents
#: (Jw 1.1, 'jeugdige'). A question without any word for them gets Jeugdwet articles x
#: JEUGD_FACTOR in the re-ranking (1: off), so "verhuizen" alone does not bring up Jw 2.7a.
JEUGD_FACTOR = 0.4
JEUGD_WOORDEN = frozenset(
    """
    kind kinderen kindje kinds jeugd jeugdige jeugdigen jeugdhulp jeugdzorg jeugdbescherming jongere
    jongeren jongen jongens meisje meisjes zoon zoons zoontje dochter dochters dochtertje ouder ouders
    moeder moeders vader vaders gezin gezinnen baby peuter peuters kleuter tiener tieners puber pubers
    pleegkind pleegzorg pleegouder pleegouders pleeggezin minderjarig minderjarige school scholier
    leerling leerlingen jarige zestienjarige zeventienjarige achttien achttienjarige
    """.split()
)


def document(a: Artikel, zonder_ecli: frozenset[str] = frozenset()) -> dict[str, str]:
    """The searchable fields of one article (see the table in the module docstring).

    ``zonder_ecli``: rulings left out of the index (the evaluation leaves out the rulings its
    own questions were taken from, so a question never finds its own source).
    """
    u = a.uitleg
    return {
        "titel": f"{a.titel}. {a.wetnaam} ({a.afkorting}) artikel {a.artikel}",
        "uitleg": "\n".join([u.mogelijk, *u.voorwaarden, *u.misverstanden, *u.situaties]),
        "vragen": "\n".join(a.voorbeeldvragen),
        "trefwoorden": "\n".join([a.opmerking, *a.domeinen, *a.geldstromen]),
        "tekst": a.tekst,
        "uitspraken": "\n".join(x.kern for x in uitspraken_bij(a) if x.ecli.upper() not in zonder_ecli),
    }


def zinnen(a: Artikel, zonder_ecli: frozenset[str] = frozenset(), met_vragen: bool = True) -> list[str]:
    """Short units of an article for the best-unit score: the title, every B1 sentence and
    situation, every example question, every ruling holding and every lid."""
    u = a.uitleg
    uit = [a.titel, *_zinnen_van(u.mogelijk), *u.voorwaarden, *u.misverstanden, *u.situaties]
    uit += a.voorbeeldvragen if met_vragen else []
    uit += [x.kern for x in uitspraken_bij(a) if x.ecli.upper() not in zonder_ecli]
    uit += [l.tekst for l in a.leden]
    return [z for z in uit if z.strip()]


def _zinnen_van(tekst: str) -> list[str]:
    """A text cut into sentences (at '.', '?' or '!' followed by a space)."""
    return [z for z in re.split(r"(?<=[.?!])\s+", tekst) if z.strip()]


def passages(a: Artikel) -> list[tuple[str, str]]:
    """The leden of an article as (number or '', text), for highlighting the best lid."""
    return [(l.nummer or "", l.tekst) for l in a.leden]


def maak_index(
    artikelen: Sequence[Artikel],
    kopieen: int = 1,
    ngram_gewicht: float = NGRAM_GEWICHT,
    zonder_ecli: frozenset[str] = frozenset(),
    gewichten: dict[str, float] | None = None,
    bewaren: bool = False,
) -> Zoekindex:
    """A search index over the articles (``kopieen`` > 1 only for the benchmark).

    ``bewaren``: load the index from (or keep it in) the folder of kept indexes, see
    :mod:`calculators.kern.indexcache`. Only the standard index is kept.
    """
    docs = [document(a, zonder_ecli) for a in artikelen] * kopieen
    stukken = [passages(a) for a in artikelen] * kopieen
    met_vragen = (gewichten or GEWICHTEN).get("vragen", 0) > 0  # no example questions without their field
    eenheden = [zinnen(a, zonder_ecli, met_vragen) for a in artikelen] * kopieen
    invoer: dict[str, Any] = {
        "documenten": docs,
        "gewichten": gewichten or GEWICHTEN,
        "synoniemen": laad_synoniemen(),
        "passages": stukken,
        "ngram_gewicht": ngram_gewicht,
        "synoniem_max": SYNONIEM_MAX,
        "stopwoorden": VRAAG_STOPWOORDEN,
        "zinnen": eenheden,
        "zin_gewicht": ZIN_GEWICHT,
        "bigram_gewicht": BIGRAM_GEWICHT,
    }
    if bewaren:
        return bewaard("wetten", invoer, lambda: Zoekindex(**invoer), Zoekindex)
    return Zoekindex(**invoer)


@lru_cache(maxsize=1)
def _standaard() -> tuple[tuple[Artikel, ...], Zoekindex]:
    artikelen = tuple(alle_artikelen())
    return artikelen, maak_index(artikelen, bewaren=True)


def wetindex() -> tuple[tuple[Artikel, ...], Zoekindex]:
    """All articles and their search index; built once per process."""
    return _standaard()


@dataclass
class WetTreffer:
    """One article in the result list."""

    artikel: Artikel
    score: float
    lid: str | None = None  # the lid that matches best (None: no numbered lid matched)
    lid_index: int | None = None  # position of that lid in artikel.leden
    direct: bool = False  # True when the query was a reference to this article
    dekking: float = 1.0  # share of the question's information in this article (0-1)
    buur: bool = False  # the question names a neighbouring law this article does not mention

    @property
    def zekerheid(self) -> str:
        """How sure the match is, in words: "past goed", "past misschien" or "twijfelachtig"."""
        z = zekerheid(self.score, self.dekking, self.direct)
        if self.buur and not self.direct:
            return TWIJFEL
        return z

    def als_dict(self) -> dict:
        a = self.artikel
        return {
            "referentie": a.referentie,
            "wet": a.wetnaam,
            "afkorting": a.afkorting,
            "artikel": a.artikel,
            "titel": a.titel,
            "geldig_vanaf": a.geldig_vanaf.isoformat(),
            "url": a.url,
            "score": round(self.score, 3),
            "zekerheid": self.zekerheid,
            "lid": self.lid,
            "mogelijk": a.uitleg.mogelijk,
            "domeinen": list(a.domeinen),
            "citeerzin": citeerzin(a),
            "plan_zin": planzin(a),
            "uitspraken": [u.als_dict() for u in uitspraken_bij(a)],
            "wijzigingen": [w.als_dict() for w in wijzigingen_bij(a)],
        }


@dataclass
class WetUitkomst:
    """Results (best first), notes for the user and the analysed query."""

    treffers: list[WetTreffer]
    meldingen: list[str] = field(default_factory=list)
    analyse: Vraaganalyse | None = None

    @property
    def onthouden(self) -> bool:
        """True when no article fits well enough: the tool says so instead of answering."""
        return not self.treffers or self.treffers[0].zekerheid == TWIJFEL

    def als_dict(self) -> dict:
        """The result for ``--json``: abstention, the note for the user and the hits."""
        return {
            "onthouden": self.onthouden,
            "melding": ONTHOUD_MELDING if self.onthouden else None,
            "meldingen": list(self.meldingen),
            "treffers": [t.als_dict() for t in self.treffers],
        }


# --- how sure is a match ----------------------------------------------------------------
# Calibrated on the project's own question set (data/evaluatie/wetvragen.yaml, 60) and the
# articles' example questions (330, searched in an index WITHOUT the example-question
# field, so they do not find themselves), NOT on the real-world set that is reported
# (tests/wetten/test_evaluatie_praktijk.py). Negatives: the same questions with their
# correct articles filtered out of the index. The abstention line is the one that abstains
# on the most negatives (21 %) while abstaining on at most 5 % of the positives (4.9 %);
# "past goed": most of the question is in the article and the score is at least the lower
# quartile of the positives (score 11; their median is 16).
# Score and dekking alone hardly separate a question about another law from a covered
# one; that is what BUREN (below) is for.
GOED, MISSCHIEN, TWIJFEL = "past goed", "past misschien", "twijfelachtig"
#: Below both: "twijfelachtig" (and when the best hit is, the tool abstains).
TWIJFEL_DEKKING = 0.675
TWIJFEL_SCORE = 9.0
#: "past goed": most of the question is in the article and the score is solid, or a very high score.
GOED_DEKKING = 0.8
GOED_SCORE = 11.0
GOED_SCORE_ALLEEN = 35.0
ONTHOUD_MELDING = (
    "Ik vind geen artikel dat goed past. Probeer andere woorden, of vraag het na bij een jurist "
    "of de afdeling juridische zaken van je gemeente."
)


#: Neighbouring laws whose articles are NOT in Doorbraakwijzer, by words that name their
#: subject, with where a professional can ask. A generic list of the schemes next to the
#: social domain (toeslagen, UWV and SVB benefits, civil tenancy and dismissal, attachment,
#: statutory debt rescheduling, childcare, student finance). When a question names one of
#: them and an article does not mention that subject itself, that match is "twijfelachtig"
#: and the tool says which law the question is about and where to ask.
BUREN: dict[str, tuple[str, str]] = {
    "huurtoeslag": ("de huurtoeslag (Awir en Wet op de huurtoeslag)", "Dienst Toeslagen"),
    "zorgtoeslag": ("de zorgtoeslag (Awir en Wet op de zorgtoeslag)", "Dienst Toeslagen"),
    "kinderopvangtoeslag": ("de kinderopvangtoeslag (Awir en Wet kinderopvang)", "Dienst Toeslagen"),
    "kindgebonden budget": ("het kindgebonden budget (Awir)", "Dienst Toeslagen"),
    "toeslagen": ("de toeslagen (Awir)", "Dienst Toeslagen"),
    "belastingdienst": ("de Belastingdienst (Awir of belastingwetten)", "de Belastingdienst"),
    "kinderdagverblijf": ("de kinderopvang (Wet kinderopvang)", "de gemeente of Dienst Toeslagen"),
    "kinderopvang": ("de kinderopvang (Wet kinderopvang)", "de gemeente of Dienst Toeslagen"),
    "kinderbijslag": ("de kinderbijslag (Algemene Kinderbijslagwet)", "de SVB"),
    "aow": ("de AOW (Algemene Ouderdomswet)", "de SVB"),
    "anw": ("de Anw (nabestaanden)", "de SVB"),
    "ww": ("de WW (Werkloosheidswet)", "het UWV"),
    "werkloosheidswet": ("de WW (Werkloosheidswet)", "het UWV"),
    "wia": ("de WIA (arbeidsongeschiktheid)", "het UWV"),
    "wajong": ("de Wajong", "het UWV"),
    "ziektewet": ("de Ziektewet", "het UWV"),
    "ontslag": ("het ontslagrecht (Burgerlijk Wetboek)", "een jurist of het Juridisch Loket"),
    "ontslagen": ("het ontslagrecht (Burgerlijk Wetboek)", "een jurist of het Juridisch Loket"),
    "kantonrechter": ("een zaak bij de kantonrechter (Burgerlijk Wetboek)", "een jurist of het Juridisch Loket"),
    "huurcontract": ("het huurrecht (Burgerlijk Wetboek)", "een jurist of het Juridisch Loket"),
    "huurovereenkomst": ("het huurrecht (Burgerlijk Wetboek)", "een jurist of het Juridisch Loket"),
    "huurcommissie": ("het huurrecht (Huurcommissie)", "de Huurcommissie"),
    "deurwaarder": (
        "beslag door een deurwaarder (Wetboek van Burgerlijke Rechtsvordering)",
        "een jurist of het Juridisch Loket",
    ),
    "wsnp": ("de wettelijke schuldsanering (Faillissementswet)", "een jurist of de schuldhulp van je gemeente"),
    "wettelijke schuldsanering": (
        "de wettelijke schuldsanering (Faillissementswet)",
        "een jurist of de schuldhulp van je gemeente",
    ),
    "faillissement": ("een faillissement (Faillissementswet)", "een jurist"),
    "studiefinanciering": ("de studiefinanciering (Wet studiefinanciering 2000)", "DUO"),
}


def buren_in(vraag: str) -> list[str]:
    """The neighbouring-law subjects (keys of BUREN) a question names, in order."""
    tekst = " " + " ".join(w for w, _, _ in woorden_met_plek(vraag)) + " "
    return [k for k in BUREN if f" {' '.join(w for w, _, _ in woorden_met_plek(k))} " in tekst]


def _noemt(artikel: Artikel, onderwerp: str) -> bool:
    """True when the article's text or B1 fields mention the subject itself."""
    u = artikel.uitleg
    alles = " ".join([artikel.tekst, u.mogelijk, *u.voorwaarden, *u.misverstanden, *u.situaties])
    woorden = " " + " ".join(w for w, _, _ in woorden_met_plek(alles)) + " "
    return f" {' '.join(w for w, _, _ in woorden_met_plek(onderwerp))} " in woorden


def zekerheid(score: float, dekking: float, direct: bool = False) -> str:
    """The words for how sure a match is (see the calibration note above)."""
    if direct:
        return GOED
    if dekking < TWIJFEL_DEKKING and score < TWIJFEL_SCORE:
        return TWIJFEL
    if (dekking >= GOED_DEKKING and score >= GOED_SCORE) or score >= GOED_SCORE_ALLEEN:
        return GOED
    return MISSCHIEN


def wet_namen() -> list[str]:
    """Abbreviations of all laws, in file order (for filters)."""
    return [w.afkorting for w in laad_wetten()]


def kies_wet(naam: str) -> Wet:
    """The law for an abbreviation or name (case and spaces do not matter)."""
    sleutel = " ".join(str(naam).split()).lower()
    for w in laad_wetten():
        namen = {w.afkorting.lower(), w.wet.lower(), w.afkorting.replace(" ", "").lower()}
        namen |= {re.sub(r"\s+\d{4}$", "", n) for n in namen}  # "Wmo" for "Wmo 2015"
        if sleutel in namen:
            return w
    raise DoorbraakFout(f"Onbekende wet '{naam}'. Kies uit: {', '.join(wet_namen())}.")


def controleer_domein(domein: str) -> str:
    namen = laad_vocabulaire().domein_namen
    if domein not in namen:
        raise DoorbraakFout(f"Onbekend domein '{domein}'. Kies uit: {', '.join(namen)}.")
    return domein


def filter_masker(artikelen: Sequence[Artikel], domein: str | None = None, wet: str | None = None) -> np.ndarray | None:
    """Boolean mask over the articles for the filters (None: no filter). Checks the values."""
    if not domein and not wet:
        return None
    masker = np.ones(len(artikelen), dtype=bool)
    if domein:
        controleer_domein(domein)
        masker &= np.array([domein in a.domeinen for a in artikelen], dtype=bool)
    if wet:
        gekozen = kies_wet(wet)
        masker &= np.array([a.wet is gekozen for a in artikelen], dtype=bool)
    return masker


def _referentie(vraag: str) -> tuple[Artikel, str | None] | None:
    """The article a query refers to ("Pw 52", "artikel 4:84 Awb"), or None."""
    if not any(c.isdigit() for c in vraag) or len(vraag) > 80:
        return None
    try:
        return ontleed_referentie(vraag)
    except DoorbraakFout:
        return None


def gaat_over_jeugd(vraag: str) -> bool:
    """True when the question names a child, a young person, a parent or the youth services.

    >>> gaat_over_jeugd("Zoon van 17 krijgt geen hulp meer"), gaat_over_jeugd("scootmobiel na verhuizing")
    (True, False)
    """
    return any(w in JEUGD_WOORDEN for w in plat(vraag).split())


def genoemde_wetten(vraag: str) -> frozenset[str]:
    """The laws whose subject the question names (see :data:`WET_WOORDEN`).

    >>> sorted(genoemde_wetten("Schuldhulp geweigerd, ze krijgt bijzondere bijstand"))
    ['Pw', 'Wgs']
    """
    tekst = " " + plat(vraag) + " "
    return frozenset(w for w, begin in WET_WOORDEN.items() if any(f" {b}" in tekst for b in begin))


def _kerngewichten(artikelen: Sequence[Artikel]) -> list[float]:
    """Per article (1 + the number of other articles that name it under 'gerelateerd') ** KERN_MACHT.

    A central article (Wmo 2015 2.3.5, Awb 3:4, Pw 18) is the answer to more questions than a
    side rule next to it; the links in the data say which articles are central.
    """
    sleutel = (id(artikelen), len(artikelen), KERN_MACHT)
    if _KERN_CACHE.get("sleutel") != sleutel:
        telling: dict[str, int] = {}
        for a in {x.referentie: x for x in artikelen}.values():
            for ref in a.gerelateerd:
                try:
                    r = zoek_referentie(ref).referentie
                except DoorbraakFout:
                    continue
                if r != a.referentie:
                    telling[r] = telling.get(r, 0) + 1
        _KERN_CACHE["sleutel"] = sleutel
        _KERN_CACHE["gewichten"] = [(1 + telling.get(a.referentie, 0)) ** KERN_MACHT for a in artikelen]
    return _KERN_CACHE["gewichten"]


_KERN_CACHE: dict = {}


def zoek_wetten(
    vraag: str,
    top: int = 10,
    domein: str | None = None,
    wet: str | None = None,
    index: tuple[Sequence[Artikel], Zoekindex] | None = None,
) -> WetUitkomst:
    """The articles that best answer a question, best first.

    ``domein``: only articles with this domein (see data/vocabulaire.yaml).
    ``wet``: only articles of this law (abbreviation such as ``Pw`` or the full name).
    Raises :class:`DoorbraakFout` (Dutch) for an empty question, a question without words
    or an unknown filter value. ``index``: another (articles, index) pair, for comparisons.
    """
    if not isinstance(top, int) or top < 1 or top > MAX_TOP:
        raise DoorbraakFout(f"Het aantal resultaten moet tussen 1 en {MAX_TOP} liggen.")
    artikelen, zoekindex = index if index is not None else wetindex()
    artikelen = tuple(artikelen)
    masker = filter_masker(artikelen, domein, wet)
    ref = _referentie(vraag) if isinstance(vraag, str) else None
    if ref is not None:
        a, lid = ref
        if masker is None or masker[artikelen.index(a)]:
            lid_index = next((i for i, l in enumerate(a.leden) if lid and l.nummer == lid), None)
            return WetUitkomst([WetTreffer(a, 1.0, lid, lid_index, direct=True)], [], None)
    uitkomst = zoekindex.zoek(vraag, top=max(top, HERORDEN_KANDIDATEN), filter=masker)
    # Re-rank the candidates: an article that holds more of the question's words (dekking,
    # IDF-weighted) goes up; one that matches a single word very often goes down.
    kandidaten = [
        (t, zoekindex.dekking(t.index, uitkomst.analyse, DEKKING_VELDEN) if DEKKING_MACHT else 1.0)
        for t in uitkomst.treffers
    ]
    # Priors: central articles up, definition articles down, and the Jeugdwet down when the
    # question is not about a child, a young person or a parent.
    kern = _kerngewichten(artikelen)
    jeugd = 1.0 if JEUGD_FACTOR == 1 or gaat_over_jeugd(vraag) else JEUGD_FACTOR
    genoemd = genoemde_wetten(vraag) if WET_FACTOR != 1 else frozenset()

    def voorrang(i: int) -> float:
        wet = artikelen[i].afkorting
        return kern[i] * (jeugd if wet == "Jw" else 1.0) * (WET_FACTOR if wet in genoemd else 1.0)

    kandidaten.sort(key=lambda x: (-x[0].score * x[1] ** DEKKING_MACHT * voorrang(x[0].index), x[0].index))
    buren = buren_in(vraag)
    treffers = []
    for t, _ in kandidaten[:top]:
        dekking = zoekindex.dekking(t.index, uitkomst.analyse)
        a = artikelen[t.index]
        j = zoekindex.beste_passage(t.index, uitkomst.analyse)
        lid = a.leden[j].nummer if j is not None else None
        buur = any(not _noemt(a, b) for b in buren)
        # the "how sure" label keeps the scale it was calibrated on (without the best-unit bonus)
        score = t.basis if t.basis is not None else t.score
        treffers.append(WetTreffer(a, score, lid, j, dekking=dekking, buur=buur))
    meldingen = list(uitkomst.analyse.meldingen)
    for b in buren:
        # say where to ask when the best article does not cover that subject, or fits too badly
        if treffers and (not _noemt(treffers[0].artikel, b) or treffers[0].zekerheid == TWIJFEL):
            onderwerp, waar = BUREN[b]
            meldingen.append(
                f"Je vraag gaat ook over {onderwerp}. Die regels staan niet in Doorbraakwijzer. "
                f"Vraag het na bij {waar}."
            )
    if not treffers:
        meldingen.append("Ik vond geen artikel dat past. Probeer andere of minder woorden, of zet een filter uit.")
    return WetUitkomst(treffers, meldingen, uitkomst.analyse)


def laatst_gecontroleerd() -> str:
    """Dutch sentence that says how current the law texts are, taken from the data.

    Uses a ``gecontroleerd`` date on the law files when they have one; otherwise the
    newest version date (``geldig_vanaf``) of the texts.
    """
    wetten = laad_wetten()
    gecontroleerd = [d for d in (getattr(w, "gecontroleerd", None) for w in wetten) if d]
    if gecontroleerd:
        return f"De wetteksten zijn voor het laatst gecontroleerd op {datum(max(gecontroleerd))}."
    nieuwste = max(w.geldig_vanaf for w in wetten)
    zin = f"De wetteksten zijn de versies die gelden vanaf {datum(nieuwste)} of eerder."
    opgehaald = [d for d in (getattr(a, "opgehaald", None) for w in wetten for a in w.artikelen) if d]
    if opgehaald:
        zin += f" Een paar artikelen zijn later toegevoegd, op {datum(max(opgehaald))}."
    return zin


@dataclass(frozen=True)
class Situatie:
    """A situation to browse by: a cluster or a bottleneck from data/patronen."""

    id: str
    naam: str
    uitleg: str
    artikelen: tuple[Artikel, ...]


@lru_cache(maxsize=1)
def situaties() -> tuple[Situatie, ...]:
    """Situations from data/patronen (via calculators.patronen.gegevens), each with its articles.

    Clusters name their articles; for a bottleneck (knelpunt) the articles are found by
    searching with its description and examples. Empty when data/patronen is missing.
    """
    try:
        from calculators.patronen.gegevens import laad_clusters, laad_knelpunten

        clusters, knelpunten = laad_clusters(), laad_knelpunten()
    except (ImportError, DoorbraakFout):
        return ()
    uit = []
    for c in clusters:
        artikelen = []
        for ref in c.artikelen:
            try:
                artikelen.append(zoek_referentie(ref))
            except DoorbraakFout:
                continue
        uit.append(Situatie(c.id, f"Cluster {c.nummer}: {c.naam}", " ".join(c.uitleg.split()), tuple(artikelen)))
    for k in knelpunten:
        vraag = " ".join([k.kort, k.uitleg, *k.voorbeelden, k.wat_helpt])
        try:
            gevonden = tuple(t.artikel for t in zoek_wetten(vraag, top=5).treffers)
        except DoorbraakFout:
            gevonden = ()
        uit.append(Situatie(k.id, f"Knelpunt: {k.naam}", " ".join(k.uitleg.split()), gevonden))
    return tuple(uit)


# --- evaluation ------------------------------------------------------------------------

EVALUATIE_YAML = DATA / "evaluatie" / "wetvragen.yaml"


class Evaluatievraag(BaseModel):
    """One question of the evaluation set with the articles that answer it."""

    model_config = ConfigDict(extra="forbid")
    vraag: str = Field(min_length=1)
    artikelen: list[str] = Field(min_length=1)
    bron: str = Field(min_length=1)


class Evaluatieset(BaseModel):
    model_config = ConfigDict(extra="forbid")
    vragen: list[Evaluatievraag] = Field(min_length=1)


def laad_evaluatie(pad: Path | None = None) -> list[Evaluatievraag]:
    """Load data/evaluatie/wetvragen.yaml; every reference must exist in data/wetten."""
    pad = Path(pad) if pad is not None else EVALUATIE_YAML
    try:
        ruw = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True)
        lijst = Evaluatieset.model_validate(ruw)
    except ValidationError as e:
        meldingen = pydantic_meldingen(e, pad.name)
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet.", meldingen) from None
    fouten = []
    for i, v in enumerate(lijst.vragen, start=1):
        for ref in v.artikelen:
            try:
                zoek_referentie(ref)
            except DoorbraakFout as e:
                fouten.append(Melding(str(e), bestand=pad.name, rij=i, kolom="artikelen"))
    if fouten:
        raise DoorbraakFout(
            f"Het bestand {pad.name} verwijst naar onbekende artikelen (rij = nummer van de vraag).", fouten
        )
    return lijst.vragen


@dataclass
class Evaluatie:
    """Hit rates on the evaluation set and the questions that missed the top 3."""

    aantal: int
    top1: float
    top3: float
    missers: list[tuple[str, list[str], list[str]]]  # question, expected, top-3 found


def evalueer(
    vragen: Sequence[Evaluatievraag] | None = None, index: tuple[Sequence[Artikel], Zoekindex] | None = None
) -> Evaluatie:
    """Top-1 and top-3 hit rate: a hit when one of the expected articles is in first place / top 3.

    ``index``: evaluate another index (for example with other weights) instead of the default.
    """
    vragen = list(vragen) if vragen is not None else laad_evaluatie()
    raak1 = raak3 = 0
    missers = []
    for v in vragen:
        verwacht = {zoek_referentie(r).referentie for r in v.artikelen}
        gevonden = [t.artikel.referentie for t in zoek_wetten(v.vraag, top=3, index=index).treffers]
        raak1 += bool(gevonden[:1] and gevonden[0] in verwacht)
        if verwacht & set(gevonden):
            raak3 += 1
        else:
            missers.append((v.vraag, sorted(verwacht), gevonden))
    n = len(vragen)
    return Evaluatie(n, raak1 / n, raak3 / n, missers)
