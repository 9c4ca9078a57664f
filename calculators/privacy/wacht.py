"""Privacy guard: find what makes a case description traceable to a person.

A case may only enter the catalogue (``data/casussen/``) when nobody can recognise the
inwoner in it. This module finds two kinds of problems:

- **Direct identifiers** in free text: person names ("mevrouw X", "de familie Y", Dutch
  and non-Dutch names), BSN (11-proef, python-stdnum), IBAN (checksum, schwifty), phone
  numbers, e-mail addresses, postcodes, street addresses, exact dates and dates of birth,
  exact ages combined with other details, licence plates (RDW sidecodes), case numbers.
  Names, places, dates, ages and phone numbers come from ``deduce`` (Dutch
  de-identification, https://github.com/vmenger/deduce); validators and patterns add the rest.
- **Rare details** (indirect identification): a named small village, an unusual
  profession, a specific animal, an exact amount together with a date.
  Over the controlled fields of many cases, :func:`k_anonimiteit` checks that every
  combination (region, household type, age band, cluster) occurs at least ``k`` times.

Every finding is a :class:`Bevinding` with a suggested rewrite in plain Dutch.
All functions are pure apart from the cached deduce instance; they never raise on odd
text (any string gives a list of findings). Unreadable files raise
:class:`~calculators.kern.fouten.DoorbraakFout` with a Dutch message.

deduce builds its lookup tables locally the first time (no download). We build a small
variant without the 150 000 street names and the 48 000 care institutions: street
addresses are found with deduce's street pattern and our own pattern, which makes
loading take under a second instead of ten.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import logging
import os
import pickle
import re
import shutil
import sys
import tempfile
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

import phonenumbers
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calculators.kern.bestanden import STDIN, lees_tekst
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import getal
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.yamlbestand import laad_yaml, lees_yaml

PRIVACY_DATA = DATA / "privacy"
BEROEPEN_YAML = PRIVACY_DATA / "beroepen.yaml"
DIEREN_YAML = PRIVACY_DATA / "dieren.yaml"
GEWONE_WOORDEN_YAML = PRIVACY_DATA / "gewone-woorden.yaml"

#: Largest text we check in one go (characters). Larger input is refused with a message.
MAX_TEKENS = 2_000_000
CASUS_LIMIET = 1_000_000  # bytes of one case file (a case is a page of text)
#: Chunk size for deduce: long texts are split at line ends into pieces of about this size.
BLOK_TEKENS = 20_000

# --------------------------------------------------------------------------------------
# Findings
# --------------------------------------------------------------------------------------

#: Kinds of findings, most specific first (used to choose between overlapping findings).
SOORTEN: tuple[str, ...] = (
    "BSN",
    "IBAN",
    "e-mailadres",
    "telefoonnummer",
    "kenteken",
    "dossiernummer",
    "postcode",
    "geboortedatum",
    "datum",
    "adres",
    "naam",
    "leeftijd",
    "instelling",
    "klein dorp",
    "plaatsnaam",
    "nummer",
    "bedrag met datum",
    "beroep",
    "dier",
    "zeldzame combinatie",
)
_RANG = {s: i for i, s in enumerate(SOORTEN)}


@dataclass(frozen=True)
class Bevinding:
    """One privacy problem: what kind, the text found, where, and how to rewrite it.

    ``positie`` is a readable place such as ``"regel 2, teken 14"`` or
    ``"veld 'probleem', regel 1, teken 5"``. ``begin``/``eind`` are character offsets in
    the checked text (for highlighting); ``veld`` is the case field, if any.
    """

    soort: str
    tekst: str
    positie: str
    advies: str
    begin: int = field(default=0, compare=False)
    eind: int = field(default=0, compare=False)
    veld: str | None = field(default=None, compare=False)

    def als_dict(self) -> dict[str, str]:
        """The four public fields, as printed by ``--json``."""
        return {"soort": self.soort, "tekst": self.tekst, "positie": self.positie, "advies": self.advies}


@dataclass(frozen=True)
class _Kandidaat:
    soort: str
    begin: int
    eind: int
    advies: str


# --------------------------------------------------------------------------------------
# Word lists (data/privacy/*.yaml)
# --------------------------------------------------------------------------------------


class _Woord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    woord: str = Field(min_length=2)
    vormen: list[str] = Field(default_factory=list)
    algemeen: str = Field(min_length=2)


class _Woordenlijst(BaseModel):
    model_config = ConfigDict(extra="forbid")
    bron: str = Field(min_length=5)
    woorden: list[_Woord] = Field(min_length=1)


def laad_woordenlijst(pad: Path) -> _Woordenlijst:
    """Load and validate a word list; a Dutch DoorbraakFout names file, record and field."""
    naam = _toon_pad(pad)
    ruw = lees_yaml(pad, f"Het bestand {naam}", leeg_mag=True)
    if not isinstance(ruw, dict):
        raise DoorbraakFout(f"Het bestand {naam} moet beginnen met 'bron:' en 'woorden:'.")
    try:
        lijst = _Woordenlijst.model_validate(ruw)
    except ValidationError as e:
        meldingen = pydantic_meldingen(e, naam)
        for m in meldingen:  # "woorden.3.algemeen" → record 4
            if m.kolom and m.kolom.startswith("woorden."):
                delen = m.kolom.split(".")
                if len(delen) > 1 and delen[1].isdigit():
                    m.rij = int(delen[1]) + 1
                    m.kolom = ".".join(delen[2:]) or None
        raise DoorbraakFout(f"De woordenlijst {naam} klopt niet.", meldingen) from None
    dubbel = [w for w, n in Counter(w.woord.lower() for w in lijst.woorden).items() if n > 1]
    if dubbel:
        raise DoorbraakFout(f"De woordenlijst {naam} noemt deze woorden twee keer: {', '.join(dubbel)}.")
    return lijst


@functools.cache
def _woord_patroon(pad: Path) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over all words (with plural forms) and a map form → general wording."""
    lijst = laad_woordenlijst(pad)
    algemeen: dict[str, str] = {}
    for w in lijst.woorden:
        for vorm in [w.woord, *w.vormen]:
            algemeen[vorm.lower()] = w.algemeen
    vormen = sorted(algemeen, key=len, reverse=True)
    patroon = re.compile(r"(?<![\w-])(" + "|".join(re.escape(v) for v in vormen) + r")(?![\w-])", re.IGNORECASE)
    return patroon, algemeen


# --------------------------------------------------------------------------------------
# deduce: built locally, without street and institution lists
# --------------------------------------------------------------------------------------

_DEDUCE_SLOT = threading.Lock()


def _deduce_cachemap() -> Path:
    import deduce

    versie = getattr(deduce, "__version__", "x")
    basis = os.environ.get("DOORBRAAK_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "doorbraakwijzer" / f"deduce-licht2-{versie}"


def _bouw_lookup_map(doel: Path) -> None:
    """Copy deduce's lookup lists without streets and care institutions to ``doel``."""
    import deduce

    bron = Path(deduce.__file__).parent / "data" / "lookup" / "src"
    tijdelijk = Path(tempfile.mkdtemp(prefix="deduce-", dir=doel.parent))
    shutil.copytree(bron, tijdelijk / "src", ignore=shutil.ignore_patterns("__pycache__"))
    straat = tijdelijk / "src" / "locations" / "lst_street"
    for naam in ("streets_bag.txt", "exceptions.txt"):
        (straat / naam).unlink(missing_ok=True)
    (straat / "items.txt").write_text("", encoding="utf-8")
    (tijdelijk / "src" / "institutions" / "lst_healthcare_institution" / "items.txt").write_text("", encoding="utf-8")
    # Build the lookup structures inside the temporary folder, then move it in place:
    # two processes that start at the same time never read a half-written cache.
    with _stil():
        from deduce import Deduce

        Deduce(lookup_data_path=tijdelijk, cache_path=tijdelijk)
    _zonder_memo(tijdelijk / "cache" / "lookup_structs.pickle")
    try:
        os.replace(tijdelijk, doel)
    except OSError:  # another process was first
        shutil.rmtree(tijdelijk, ignore_errors=True)


def _zonder_memo(pad: Path) -> None:
    """Write deduce's cache again without pickle's memo ("fast" mode), same content.

    An unpickler keeps every object it has seen in its memo until the load ends: for
    deduce's tries that is about 90,000 state and child dicts that are no longer needed,
    about 28 MB at its peak. Freed afterwards, that memory mostly stays with the process.
    Without memo entries (no shared or cyclic objects in these tables) each state dict
    is freed as soon as its node is built. The file is about twice as large (8 MB).
    """
    with pad.open("rb") as bestand:
        inhoud = pickle.load(bestand)
    tijdelijk = pad.with_suffix(".nieuw")
    with tijdelijk.open("wb") as bestand:
        schrijver = pickle.Pickler(bestand, protocol=pickle.HIGHEST_PROTOCOL)
        schrijver.fast = True
        schrijver.dump(inhoud)
    os.replace(tijdelijk, pad)


@contextlib.contextmanager
def _stil():
    logger = logging.getLogger()
    oud = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(oud)


@functools.lru_cache(maxsize=1)
def _deduce():
    """The shared deduce instance (built once per process, about one second)."""
    from deduce import Deduce

    with _DEDUCE_SLOT:
        doel = _deduce_cachemap()
        try:
            doel.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            doel = Path(tempfile.gettempdir()) / "doorbraakwijzer" / doel.name
            doel.parent.mkdir(parents=True, exist_ok=True)
        if not (doel / "cache" / "lookup_structs.pickle").exists():
            _bouw_lookup_map(doel)
        try:
            with _stil(), _compacte_tries():
                return Deduce(lookup_data_path=doel, cache_path=doel)
        except Exception:  # a damaged cache (disk error, a copy cut short): build it once more
            shutil.rmtree(doel, ignore_errors=True)
            _bouw_lookup_map(doel)
            with _stil(), _compacte_tries():
                return Deduce(lookup_data_path=doel, cache_path=doel)


#: The one child table of every leaf of a compact trie: empty and read-only, so that a
#: (never expected) ``add_item`` on a loaded trie fails loudly instead of changing all leaves.
_GEEN_KINDEREN: Any = MappingProxyType({})


@functools.lru_cache(maxsize=1)
def _compacte_trie_klasse() -> type:
    """deduce's ``LookupTrie`` with a ``__setstate__`` that keeps a loaded node small.

    Unpickling a plain object fills its ``__dict__``; in CPython 3.11+ that costs a
    separate dict per node, while attributes set one by one stay inline. deduce's name,
    place and disease tries have about 89,000 nodes, 77,000 of them leaves with an empty
    child table of their own. Setting the three attributes, sharing one read-only empty
    table and interning the tokens keeps the same trie (same lookups) in about 11 MB less
    of Python objects. Together with the cache written by :func:`_zonder_memo`, loading
    deduce costs about 23 MB instead of 49 MB (``make bench`` measures the kernels).
    """
    from docdeid.ds.lookup import LookupTrie

    class CompacteTrie(LookupTrie):
        def __setstate__(self, staat: dict[str, Any]) -> None:
            kinderen = staat.get("children") or {}
            self.matching_pipeline = staat.get("matching_pipeline")
            self.children = {sys.intern(k): v for k, v in kinderen.items()} if kinderen else _GEEN_KINDEREN
            self.is_terminal = staat.get("is_terminal", False)

    CompacteTrie.__qualname__ = CompacteTrie.__name__ = "LookupTrie"
    return CompacteTrie


class _CompacteUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("docdeid.ds.lookup", "LookupTrie"):
            return _compacte_trie_klasse()
        return super().find_class(module, name)


class _CompactePickle:
    """Stands in for the ``pickle`` module inside ``deduce.lookup_structs`` while it loads."""

    def __getattr__(self, naam: str) -> Any:
        return getattr(pickle, naam)

    @staticmethod
    def load(bestand: Any) -> Any:
        return _CompacteUnpickler(bestand).load()


@contextlib.contextmanager
def _compacte_tries():
    """Load deduce's cached lookup structures with :class:`_CompacteUnpickler`.

    Only deduce's own cache file in our cache folder is read this way (the same file
    ``pickle.load`` would read). Without ``deduce.lookup_structs.pickle`` (another deduce
    version) deduce loads as usual.
    """
    import deduce.lookup_structs as ls

    if getattr(ls, "pickle", None) is not pickle:
        yield
        return
    ls.pickle = _CompactePickle()
    try:
        yield
    finally:
        ls.pickle = pickle


def warm_op() -> None:
    """Load deduce and the word lists now (for example in a background thread)."""
    try:
        _deduce()
        _plaatsnamen()
        _gewone_woorden()
    except Exception:  # a later check reports any real problem
        pass


@functools.lru_cache(maxsize=1)
def _plaatsnamen() -> dict[str, set[str]]:
    """Place names from deduce's lists: municipalities, villages, provinces and regions."""
    import deduce

    basis = Path(deduce.__file__).parent / "data" / "lookup" / "src" / "locations" / "lst_placename"

    def lees(sub: str) -> set[str]:
        pad = basis / sub / "items.txt"
        items = {r.strip() for r in pad.read_text(encoding="utf-8").splitlines() if r.strip()}
        uitz = basis / sub / "exceptions.txt"
        if uitz.exists():
            items -= {r.strip() for r in uitz.read_text(encoding="utf-8").splitlines() if r.strip()}
        return items

    return {
        "gemeente": lees("lst_municipality"),
        "woonplaats": lees("lst_residence"),
        "provincie": lees("lst_province"),
        "regio": lees("lst_region"),
    }


#: Countries that are also the name of a small Dutch place: treated as a region.
_LANDEN = frozenset(
    {
        "Polen",
        "Turkije",
        "Marokko",
        "Syrië",
        "Eritrea",
        "Somalië",
        "Afghanistan",
        "Irak",
        "Iran",
        "Oekraïne",
        "Roemenië",
        "Bulgarije",
        "Suriname",
        "Curaçao",
        "Aruba",
        "België",
        "Duitsland",
        "Frankrijk",
        "Spanje",
        "Italië",
        "Portugal",
        "China",
        "India",
        "Indonesië",
        "Ghana",
        "Nigeria",
        "Egypte",
        "Jemen",
    }
)


def soort_plaats(naam: str) -> str | None:
    """'regio' (province or region: fine), 'gemeente', 'dorp' (a place that is not a
    municipality) or None (unknown)."""
    lijsten = _plaatsnamen()
    naam = naam.strip()
    if naam in _LANDEN:
        return "regio"
    if naam in lijsten["provincie"] or naam in lijsten["regio"]:
        return "regio"
    if naam in lijsten["gemeente"]:
        return "gemeente"
    if naam in lijsten["woonplaats"]:
        return "dorp"
    return None


# --------------------------------------------------------------------------------------
# Patterns and validators
# --------------------------------------------------------------------------------------

_MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_MAAND_KORT = "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
_RE_DATUM_CIJFERS = re.compile(
    r"(?<![\w.,/-])(0?[1-9]|[12]\d|3[01])([-/.])(0?[1-9]|1[0-2])\2((?:19|20)?\d{2})(?![\w/-]|[.,]\d)"
)
_RE_DATUM_ISO = re.compile(r"(?<![\w.-])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\w-])")
_RE_DATUM_WOORD = re.compile(
    rf"(?<![\w.,])(0?[1-9]|[12]\d|3[01])(?:e|ste|de)?\s+({_MAANDEN}|(?:{_MAAND_KORT})\.?)(?:\s+((?:19|20)\d{{2}}))?(?![\w])",
    re.IGNORECASE,
)
_RE_GEBOREN = re.compile(r"(geboren|geb\.|geboortedatum|geboortejaar)\W{0,3}(\w+\W+){0,3}$", re.IGNORECASE)
_RE_GEBOORTEJAAR = re.compile(r"\b(?:geboren\s+in|geboortejaar\s*:?)\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_RE_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w])")
#: Phone numbers are found with ``phonenumbers`` (Dutch and international formats).
_GEEN_PERSOONLIJK_NUMMER = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
}


def _is_servicenummer(tekst: str) -> bool:
    """True for an organisation's service number (0800, 0900, ...), which is not personal data."""
    try:
        nummer = phonenumbers.parse(tekst, "NL")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(nummer) in _GEEN_PERSOONLIJK_NUMMER


_RE_BSN = re.compile(r"(?<![\w€.,])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\w]|[.,]\d)")
_RE_IBAN = re.compile(r"(?<![\w])([A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?)(?![\w])")
_RE_POSTCODE = re.compile(r"(?<![\w€.,])([1-9]\d{3})\s?([A-Z]{2})(?![\w])")
_RE_LANG_GETAL = re.compile(r"(?<![\w€.,])\d{7,}(?![\w]|[.,]\d)")
_STRAAT_EIND = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|markt|park|erf|veld|baan|ring"
    "|allee|wal|burg|akker|hoek|plantsoen|boulevard|kwartier|haven|oord|wijk"
)
_RE_ADRES = re.compile(
    rf"(?<![\w-])([A-Z][\w'-]*(?:\s[A-Z][\w'-]*){{0,2}}(?:{_STRAAT_EIND}))\s+(\d{{1,4}})(?:\s?[a-zA-Z](?![\w]))?(?:-\d{{1,3}})?(?![\w]|[.,]\d)"
)
_RE_STRAAT_LOS = re.compile(
    rf"\b(?:aan|in|op|naar|bij|uit|van)\s+(?:de|het)\s+([A-Z][\w'-]*(?:{_STRAAT_EIND}))(?![\w])"
)
_RE_DOSSIER = re.compile(
    r"\b((?:dossier|zaak|cliënt|client|klant|registratie|referentie|aanvraag|beschikkings|polis|kenmerk|"
    r"document|paspoort|identiteitskaart)[- ]?(?:nummer|nr\.?|kenmerk|id)?|kenmerk|ons kenmerk|uw kenmerk)"
    r"(?:\s*:|(?:\s+[a-zëï]+){0,5}?)\s*((?=[A-Za-z0-9/.\-]*\d)[A-Za-z0-9][A-Za-z0-9/.\-]{3,}[A-Za-z0-9])",
    re.IGNORECASE,
)
#: Structured reference numbers such as "C/02/123456" or "ZK-2023-88123".
_RE_KENMERK = re.compile(r"(?<![\w/-])[A-Z]{1,4}[/-]\d{2,}(?:[/-]\d{2,})+(?![\w/-])")
# Official RDW sidecodes 1–14 (hyphens required: how plates are written in text).
_SIDECODES = [
    r"[A-Z]{2}-\d{2}-\d{2}",
    r"\d{2}-\d{2}-[A-Z]{2}",
    r"\d{2}-[A-Z]{2}-\d{2}",
    r"[A-Z]{2}-\d{2}-[A-Z]{2}",
    r"[A-Z]{2}-[A-Z]{2}-\d{2}",
    r"\d{2}-[A-Z]{2}-[A-Z]{2}",
    r"\d{2}-[A-Z]{3}-\d",
    r"\d-[A-Z]{3}-\d{2}",
    r"[A-Z]{2}-\d{3}-[A-Z]",
    r"[A-Z]-\d{3}-[A-Z]{2}",
    r"[A-Z]{3}-\d{2}-[A-Z]",
    r"[A-Z]-\d{2}-[A-Z]{3}",
    r"\d-[A-Z]{2}-\d{3}",
    r"\d{3}-[A-Z]{2}-\d",
]
_RE_KENTEKEN = re.compile(r"(?<![\w-])(?:" + "|".join(_SIDECODES) + r")(?![\w-])")
_RE_NAAM_TITEL = re.compile(
    r"\b((?i:mevrouw|mevr\.|mw\.|meneer|mijnheer|dhr\.|de heer|familie|gezin|echtpaar|weduwe|weduwnaar|juffrouw|meester|dokter|dr\.|oom|tante|opa|oma))"
    r"\s+((?:(?:van|de|der|den|ter|ten|te|el|al|ben|bin|da|dos|du|le|la|von|'t|in 't)\s+)*"
    r"[A-ZÀ-Ý][\w'\-]+(?:\s+[A-ZÀ-Ý][\w'\-]+)?)",
)
_PERSOON = (
    r"(?:moeder|vader|ouder|vrouw|man|zoon|dochter|kind|jongen|meisje|jongere|tiener|broer|zus|opa|oma|"
    r"weduwe|weduwnaar|inwoner|inwoonster|cliënt|client|bewoner|mevrouw|meneer|hij|zij|ze|stiefvader|"
    r"stiefmoeder|stiefzoon|stiefdochter|pleegkind|pleegzoon|pleegdochter|partner|echtgenoot|echtgenote|"
    r"student|leerling|huurder|alleenstaande|vluchteling|statushouder|oudste|jongste)"
)
_RE_LEEFTIJD = re.compile(
    r"(?<![\w,.€])(\d{1,3})\s*jaar\s+oud\b|"
    r"(?<![\w,.€])(\d{1,3})(?:-|\s)?jarige?\b|"
    r"\(\s*(\d{1,3})\s*(?:jaar|jr\.?)?\s*\)|"
    rf"\b{_PERSOON}\s+(?:is|was|werd|wordt)\s+(?:nu\s+|pas\s+|net\s+)?(\d{{1,3}})(?:\s+jaar)?\b(?!\s+(?:geleden|lang|later|eerder|getrouwd|samen|werkloos|ziek|bezig|aan|in|op|bij))|"
    rf"\b{_PERSOON}\s+van\s+(\d{{1,3}})(?:\s+jaar\b|(?=\s*[,.;:)!?]|\s+(?:en|met|die|is|was|uit|heeft|had|woont|kreeg|kwam|krijgt)\b|\s*$))|"
    r"\bleeftijd(?:\s+van)?\s*:?\s*(\d{1,3})\b",
    re.IGNORECASE,
)
#: A capitalised word right after a family or neighbour word: "haar zus Noor", "de buurman, Wojciech,".
_RE_RELATIE_NAAM = re.compile(
    r"\b(?i:zoon|dochter|zus|zuster|broer|buurman|buurvrouw|buurjongen|buurmeisje|vriend|vriendin|partner|ex|"
    r"ex-man|ex-vrouw|ex-partner|moeder|vader|tante|oom|neef|nicht|opa|oma|stiefvader|stiefmoeder|stiefzoon|"
    r"stiefdochter|pleegzoon|pleegdochter|huisgenoot|kamergenoot|echtgenoot|echtgenote|vrouw|man|kind)"
    r"(?:\s*,)?\s+([A-ZÀ-Ý][a-zà-ÿıçşğ'\-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿıçşğ'\-]+)?)"
)
#: Law names and abbreviations: "Wmo (2)" is a reference, not an age.
_WETTEN = frozenset(
    {
        "wmo",
        "pw",
        "awb",
        "jw",
        "wgs",
        "wlz",
        "zvw",
        "hvw",
        "jeugdwet",
        "participatiewet",
        "huisvestingswet",
        "woningwet",
        "zorgverzekeringswet",
        "artikel",
        "lid",
        "wet",
        "bijlage",
        "hoofdstuk",
        "paragraaf",
    }
)
_RE_HAAKJE_LEEFTIJD = re.compile(r"\s*\(\s*(\d{1,3})\s*(?:jaar|jr\.?)?\s*\)")
_RE_VOOR_HAAKJE = re.compile(rf"(?:(?<![\w-])[A-ZÀ-Ý][\w'-]+|(?i:\b{_PERSOON}))\s*$")
_RE_BAND_VOOR = re.compile(
    r"(onder de|boven de|tot|vanaf|tot en met|t/m|ouder dan|jonger dan|tussen|en|of|max(?:imaal)?|minimaal|min\.?|"
    r"leeftijdsgrens van|grens van|na|binnen|na ruim|ruim|bijna|over|al|sinds|afgelopen|periode van|termijn van|"
    r"duur van|meer dan|minder dan|per|elke|iedere|om de)\s*$",
    re.IGNORECASE,
)
_PERSOONSWOORDEN = re.compile(
    r"\b(moeder|vader|ouder|ouders|vrouw|man|zoon|dochter|kind|kinderen|jongen|meisje|jongere|tiener|baby|"
    r"broer|zus|opa|oma|weduwe|weduwnaar|inwoner|inwoonster|cliënt|client|bewoner|mevrouw|meneer|hij|zij|ze|"
    r"hem|haar|zijn|gezin|stiefvader|stiefmoeder|pleegkind|partner|echtgenoot|echtgenote|student|leerling|"
    r"werkt|woont|heeft|kreeg|kwam)\b",
    re.IGNORECASE,
)
_RE_BEDRAG = re.compile(
    r"(?:€\s?|EUR\s?)\d{1,3}(?:\.\d{3})*(?:,\d{1,2}|,-)?|\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?\s?(?:euro|EUR)\b",
    re.IGNORECASE,
)
_RE_ZIN = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")

_TIENTALLEN = {
    2: "twintig",
    3: "dertig",
    4: "veertig",
    5: "vijftig",
    6: "zestig",
    7: "zeventig",
    8: "tachtig",
    9: "negentig",
}


def leeftijdsband(leeftijd: int) -> str:
    """A readable age band: 34 → 'van in de dertig', 8 → 'een kind van de basisschool'."""
    if leeftijd < 4:
        return "een peuter of baby"
    if leeftijd < 12:
        return "een kind van de basisschool"
    if leeftijd < 18:
        return "een tiener"
    if leeftijd < 20:
        return "net volwassen"
    if leeftijd >= 100:
        return "van boven de negentig"
    return f"van in de {_TIENTALLEN[leeftijd // 10]}"


def _persoon_met_band(titel: str, leeftijd: int | None) -> str:
    titel = titel.lower()
    if titel in ("mevrouw", "mevr.", "mw.", "weduwe", "juffrouw", "tante", "oma"):
        wie = "een vrouw"
    elif titel in ("meneer", "mijnheer", "dhr.", "de heer", "oom", "opa"):
        wie = "een man"
    elif titel in ("familie", "gezin", "echtpaar"):
        wie = "een gezin"
    else:
        wie = "een inwoner"
    if leeftijd is None or wie == "een gezin":
        return wie
    band = leeftijdsband(leeftijd)
    if band.startswith("van "):
        return f"{wie} {band}"
    return band


# --------------------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------------------


def _advies(soort: str, tekst: str) -> str:
    t = tekst.strip()
    kort = t if len(t) <= 60 else t[:57] + "…"
    vaste = {
        "BSN": "Haal het BSN weg. Een casus heeft nooit een BSN nodig.",
        "IBAN": "Haal het rekeningnummer weg. Schrijf bijvoorbeeld 'zijn bankrekening'.",
        "e-mailadres": "Haal het e-mailadres weg. Het hoort niet in een casus.",
        "telefoonnummer": "Haal het telefoonnummer weg. Het hoort niet in een casus.",
        "kenteken": "Haal het kenteken weg. Schrijf bijvoorbeeld 'zijn auto'.",
        "dossiernummer": "Haal het nummer weg. Een casus heeft geen dossiernummer nodig.",
        "nummer": f"Haal het nummer '{kort}' weg. Het kan naar een persoon wijzen.",
        "postcode": "Haal de postcode weg. Noem alleen de regio.",
        "adres": f"Haal het adres '{kort}' weg. Schrijf bijvoorbeeld 'een huurhuis in de wijk'.",
        "geboortedatum": "Haal de geboortedatum weg. Schrijf een leeftijd in brede stappen, zoals 'van in de dertig'.",
        "naam": f"Schrijf een rol in plaats van '{kort}'. Bijvoorbeeld 'een moeder' of 'de inwoner'.",
        "instelling": f"Noem het soort hulp in plaats van '{kort}'. Bijvoorbeeld 'het ziekenhuis'.",
        "plaatsnaam": f"Noem de regio in plaats van '{kort}'. Bijvoorbeeld 'een gemeente in Midden-Brabant'.",
        "klein dorp": f"In '{kort}' is iemand snel herkenbaar. Schrijf 'een dorp in de regio'.",
        "bedrag met datum": f"Een precies bedrag met een datum is terug te vinden. Rond '{kort}' af en noem alleen het jaar.",
    }
    if soort in vaste:
        return vaste[soort]
    if soort == "datum":
        jaar = re.search(r"(?:19|20)\d{2}", t)
        if jaar:
            return f"Schrijf '{jaar.group(0)}' in plaats van '{kort}'. Noem alleen het jaar of de maand."
        return f"Schrijf 'in het voorjaar' of 'die maand' in plaats van '{kort}'. Noem geen precieze dag."
    if soort == "leeftijd":
        getal = re.search(r"\d{1,3}", t)
        if getal:
            band = leeftijdsband(int(getal.group(0)))
            voorbeeld = f"'{band}'" if band.startswith("van ") else f"'{band}'"
            return f"Schrijf {voorbeeld} in plaats van '{kort}'. Een precieze leeftijd maakt iemand herkenbaar."
        return "Schrijf een leeftijd in brede stappen, zoals 'van in de dertig'."
    return f"Maak '{kort}' algemener of haal het weg."


@functools.lru_cache(maxsize=1)
def _gewone_woorden() -> frozenset[str]:
    """Common Dutch words that are also names: deduce's whitelists plus our own list."""
    import deduce

    basis = Path(deduce.__file__).parent / "data" / "lookup" / "src" / "whitelist"
    woorden: set[str] = set()
    for sub in ("lst_common_word", "lst_stop_word"):
        pad = basis / sub / "items.txt"
        if pad.exists():
            woorden |= {r.strip().lower() for r in pad.read_text(encoding="utf-8").splitlines() if r.strip()}
    woorden |= {w.woord.lower() for w in laad_woordenlijst(GEWONE_WOORDEN_YAML).woorden}
    return frozenset(woorden)


def _gewoon_woord_aan_zinbegin(tekst: str, begin: int, stuk: str) -> bool:
    """True for one capitalised common word at the start of a sentence ("Pas", "Ken")."""
    if " " in stuk.strip() or stuk.strip().lower() not in _gewone_woorden():
        return False
    voor = tekst[:begin].rstrip(" \t\"'(")
    return not voor or voor[-1] in ".!?:;\n-•*>"


def _deduce_kandidaten(tekst: str, begin: int) -> list[_Kandidaat]:
    resultaat: list[_Kandidaat] = []
    try:
        doc = _deduce().deidentify(tekst)
    except Exception:  # deduce must never stop the guard; the patterns still run
        return resultaat
    for a in doc.annotations:
        tag = a.tag.lower()
        s, e = a.start_char + begin, a.end_char + begin
        stuk = a.text
        if "persoon" in tag or "patient" in tag or "naam" in tag:
            soort = "naam"
            if _gewoon_woord_aan_zinbegin(tekst, a.start_char, stuk):
                continue  # "Pas bij de deurwaarder…": a word, not a name
            kern = re.sub(r"^(?:[a-z']+\s+)+", "", stuk)
            voor = tekst[max(0, a.start_char - 12) : a.start_char]
            if re.search(r"\b(?i:het)\s+$", voor):
                continue  # "het Rode Kruis": 'het' never comes before a person's name
            if " " not in kern and (
                re.search(r"\b(?:het|de|een|dit|deze|die|dat|onze|ons)\s+$", voor)
                or re.match(r"(?:van\s+)?(?:het|de)\s", stuk)
            ):
                continue  # "het Rijk", "de Kraak": a thing, not a person
        elif tag == "bsn":
            soort = "BSN"
        elif "telefoon" in tag:
            if _is_servicenummer(stuk):
                continue
            soort = "telefoonnummer"
        elif "email" in tag:
            soort = "e-mailadres"
        elif tag == "datum":
            soort = "datum"
        elif tag == "leeftijd":
            soort = "leeftijd"
        elif tag == "id":
            soort = "nummer"
        elif tag in ("ziekenhuis", "zorginstelling", "instelling"):
            soort = "instelling"
        elif "locatie" in tag or "straat" in tag:
            if any(ch.isdigit() for ch in stuk):
                soort = "postcode" if _RE_POSTCODE.fullmatch(stuk.strip()) else "adres"
            else:
                if _gewoon_woord_aan_zinbegin(tekst, a.start_char, stuk):
                    continue  # "Leg het uit…": a word, not a village
                plaats = soort_plaats(stuk)
                if plaats == "regio":
                    continue
                soort = "klein dorp" if plaats == "dorp" else "plaatsnaam"
        else:  # url and anything else: not a personal detail in a case text
            continue
        resultaat.append(_Kandidaat(soort, s, e, ""))
    return resultaat


def _blokken(tekst: str) -> Iterable[tuple[int, str]]:
    """Split long text at line ends into pieces of about BLOK_TEKENS characters."""
    start = 0
    n = len(tekst)
    while start < n:
        eind = min(start + BLOK_TEKENS, n)
        if eind < n:
            knip = tekst.rfind("\n", start + BLOK_TEKENS // 2, eind)
            if knip == -1:
                knip = tekst.rfind(" ", start + BLOK_TEKENS // 2, eind)
            if knip != -1:
                eind = knip + 1
        yield start, tekst[start:eind]
        start = eind


def _is_leeftijd_in_context(tekst: str, s: int, e: int) -> bool:
    """An exact age counts when the sentence also says who it is or other details."""
    voor = tekst[max(0, s - 30) : s]
    if _RE_BAND_VOOR.search(voor):
        return False
    zin_begin = max(tekst.rfind(".", 0, s), tekst.rfind("\n", 0, s)) + 1
    zin_eind_kand = [i for i in (tekst.find(".", e), tekst.find("\n", e)) if i != -1]
    zin_eind = min(zin_eind_kand) if zin_eind_kand else len(tekst)
    zin = tekst[zin_begin:s] + " " + tekst[e:zin_eind]
    return bool(_PERSOONSWOORDEN.search(zin) or re.search(r"[A-Z][a-z]+", tekst[max(zin_begin, s - 25) : s]))


def _patroon_kandidaten(tekst: str) -> list[_Kandidaat]:
    uit: list[_Kandidaat] = []

    def voeg(soort: str, s: int, e: int, advies: str = "") -> None:
        uit.append(_Kandidaat(soort, s, e, advies))

    for m in _RE_EMAIL.finditer(tekst):
        voeg("e-mailadres", m.start(), m.end())
    for m in _RE_IBAN.finditer(tekst):
        from schwifty import IBAN

        try:
            IBAN(m.group(1))
            voeg("IBAN", m.start(1), m.end(1))
        except Exception:
            if m.group(1).startswith("NL") and len(re.sub(r"\s", "", m.group(1))) == 18:
                voeg("nummer", m.start(1), m.end(1))
    for m in _RE_BSN.finditer(tekst):
        from stdnum.nl import bsn

        if bsn.is_valid(m.group(1)):
            voeg("BSN", m.start(1), m.end(1))
    for treffer in phonenumbers.PhoneNumberMatcher(tekst, "NL", leniency=phonenumbers.Leniency.VALID):
        # Service numbers of organisations (0800, 0900, ...) are not personal data.
        if phonenumbers.number_type(treffer.number) not in _GEEN_PERSOONLIJK_NUMMER:  # not a service number
            voeg("telefoonnummer", treffer.start, treffer.end)
    for m in _RE_KENTEKEN.finditer(tekst):
        voeg("kenteken", m.start(), m.end())
    for m in _RE_DOSSIER.finditer(tekst):
        nummer = m.group(2)
        cijfers = sum(c.isdigit() for c in nummer)
        gemengd = bool(re.search(r"[A-Za-z/-]", nummer)) and cijfers >= 3
        if re.fullmatch(r"(?:19|20)\d\d[-/](?:19|20)?\d\d", nummer):
            continue
        if (
            (cijfers >= 5 or gemengd)
            and not _RE_BEDRAG.fullmatch(nummer)
            and not re.fullmatch(r"[\d.,]+", nummer.rstrip("."))
            or cijfers >= 7
        ):
            voeg("dossiernummer", m.start(2), m.end(2))
    for m in _RE_KENMERK.finditer(tekst):
        voeg("dossiernummer", m.start(), m.end())
    for m in _RE_POSTCODE.finditer(tekst):
        from stdnum.nl import postcode

        if postcode.is_valid(m.group(0)):
            voeg("postcode", m.start(), m.end())
    for m in _RE_LANG_GETAL.finditer(tekst):
        voeg("nummer", m.start(), m.end())
    for regex in (_RE_DATUM_CIJFERS, _RE_DATUM_ISO, _RE_DATUM_WOORD):
        for m in regex.finditer(tekst):
            voeg("datum", m.start(), m.end())
    for m in _RE_GEBOORTEJAAR.finditer(tekst):
        voeg(
            "geboortedatum",
            m.start(1),
            m.end(1),
            f"Het geboortejaar '{m.group(1)}' is bijna een precieze leeftijd. "
            "Schrijf een leeftijd in brede stappen, zoals 'van in de dertig'.",
        )
    for m in _RE_ADRES.finditer(tekst):
        if soort_plaats(m.group(1)) is None:
            voeg("adres", m.start(), m.end())
    for m in _RE_STRAAT_LOS.finditer(tekst):
        if soort_plaats(m.group(1)) is None:
            voeg("adres", m.start(1), m.end(1))
    for m in _RE_NAAM_TITEL.finditer(tekst):
        titel = m.group(1)
        naam = m.group(2)
        if naam.split()[0].lower() in {"het", "een", "die", "dat", "deze"}:
            continue
        plaats = soort_plaats(naam)
        if plaats is not None and titel.lower() not in ("mevrouw", "meneer", "familie", "de heer", "mijnheer"):
            continue
        eind = m.end()
        leeftijd = None
        na = _RE_HAAKJE_LEEFTIJD.match(tekst, eind)
        if na:
            leeftijd = int(na.group(1))
            eind = na.end()
        vervang = _persoon_met_band(titel, leeftijd)
        stuk = tekst[m.start() : eind]
        advies = f"Schrijf '{vervang}' in plaats van '{stuk}'. Gebruik geen namen, ook geen verzonnen namen."
        voeg("naam", m.start(), eind, advies)
    for m in _RE_LEEFTIJD.finditer(tekst):
        groep = next(i for i in range(1, 7) if m.group(i) is not None)
        getal = int(m.group(groep))
        if not 0 < getal < 115:
            continue
        if groep == 3:
            voor = _RE_VOOR_HAAKJE.search(tekst[max(0, m.start() - 40) : m.start()])
            if not voor or voor.group(0).strip().lower() in _WETTEN:
                continue  # "(2)" after a law or in a list: not an age
        begin = m.start() if groep <= 3 else m.start(groep)
        if _is_leeftijd_in_context(tekst, begin, m.end()):
            voeg("leeftijd", begin, m.end())
    for m in _RE_RELATIE_NAAM.finditer(tekst):
        naam = m.group(1)
        eerste = naam.split()[0]
        if eerste.lower() in _gewone_woorden() or soort_plaats(eerste) is not None or soort_plaats(naam) is not None:
            continue
        voeg("naam", m.start(1), m.end(1))
    beroep, beroep_alg = _woord_patroon(BEROEPEN_YAML)
    for m in beroep.finditer(tekst):
        alg = beroep_alg[m.group(1).lower()]
        voeg(
            "beroep",
            m.start(),
            m.end(),
            f"'{m.group(1)}' is een beroep dat weinig mensen hebben. Schrijf bijvoorbeeld '{alg}'.",
        )
    dier, dier_alg = _woord_patroon(DIEREN_YAML)
    for m in dier.finditer(tekst):
        alg = dier_alg[m.group(1).lower()]
        voeg(
            "dier",
            m.start(),
            m.end(),
            f"Een dier als '{m.group(1)}' valt op in de buurt. Schrijf bijvoorbeeld '{alg}'.",
        )
    return uit


def _bedrag_met_datum(tekst: str, datums: list[_Kandidaat]) -> list[_Kandidaat]:
    """Exact amounts in a sentence that also has an exact date."""
    if not datums:
        return []
    uit = []
    begins = sorted(d.begin for d in datums)
    for zin in _RE_ZIN.finditer(tekst):
        s, e = zin.start(), zin.end()
        i = bisect.bisect_left(begins, s)
        if s == e or i == len(begins) or begins[i] >= e:
            continue
        for m in _RE_BEDRAG.finditer(tekst, s, e):
            uit.append(_Kandidaat("bedrag met datum", m.start(), m.end(), ""))
    return uit


def _positie(regelstarts: list[int], begin: int) -> str:
    """'regel R, teken T' (both from 1); ``regelstarts`` are the offsets where lines begin."""
    regel = bisect.bisect_right(regelstarts, begin)
    kolom = begin - regelstarts[regel - 1] + 1
    return f"regel {regel}, teken {kolom}"


def controleer_tekst(tekst: Any, veld: str | None = None) -> list[Bevinding]:
    """Check a free text and return every finding, in reading order.

    Never raises on odd text: ``None`` or non-text is treated as text (``str()``),
    control characters and HTML are just characters. Texts above ``MAX_TEKENS``
    raise DoorbraakFout (too large to check quickly).
    ``veld`` (a case field name) is put in front of each ``positie``.
    """
    if tekst is None:
        return []
    if not isinstance(tekst, str):
        tekst = str(tekst)
    if not tekst.strip():
        return []
    if len(tekst) > MAX_TEKENS:
        raise DoorbraakFout(
            f"De tekst is te lang: {getal(len(tekst), 0)} tekens. De grens is {getal(MAX_TEKENS, 0)} tekens. "
            "Controleer de tekst in delen."
        )
    kandidaten: list[_Kandidaat] = []
    for start, blok in _blokken(tekst):
        kandidaten.extend(_deduce_kandidaten(blok, start))
    kandidaten.extend(_patroon_kandidaten(tekst))

    # Date of birth: a date close after "geboren".
    herzien = []
    for k in kandidaten:
        if k.soort == "datum" and _RE_GEBOREN.search(tekst[max(0, k.begin - 40) : k.begin]):
            k = _Kandidaat("geboortedatum", k.begin, k.eind, k.advies)
        if k.soort == "leeftijd" and not _is_leeftijd_in_context(tekst, k.begin, k.eind):
            continue
        herzien.append(k)
    kandidaten = herzien
    kandidaten.extend(_bedrag_met_datum(tekst, [k for k in kandidaten if k.soort in ("datum", "geboortedatum")]))

    # Overlap: most specific kind first, then the longest span; custom advice wins.
    kandidaten.sort(key=lambda k: (_RANG.get(k.soort, 99), -(k.eind - k.begin), 0 if k.advies else 1))
    # The chosen spans never overlap, so a sorted list of starts finds a clash in log time.
    gekozen: list[_Kandidaat] = []
    starts: list[int] = []
    for k in kandidaten:
        if k.eind <= k.begin:
            continue
        i = bisect.bisect_left(starts, k.begin)
        if i > 0 and gekozen[i - 1].eind > k.begin:
            continue
        if i < len(gekozen) and gekozen[i].begin < k.eind:
            continue
        starts.insert(i, k.begin)
        gekozen.insert(i, k)
    voor = f"veld '{veld}', " if veld else ""
    regelstarts = [0] + [m.end() for m in re.finditer("\n", tekst)]
    return [
        Bevinding(
            soort=k.soort,
            tekst=tekst[k.begin : k.eind],
            positie=voor + _positie(regelstarts, k.begin),
            advies=k.advies or _advies(k.soort, tekst[k.begin : k.eind]),
            begin=k.begin,
            eind=k.eind,
            veld=veld,
        )
        for k in gekozen
    ]


# --------------------------------------------------------------------------------------
# Cases (YAML)
# --------------------------------------------------------------------------------------

#: Fields with codes or references, not free text: skipped by the text check.
CODEVELDEN = frozenset(
    {
        "id",
        "cluster",
        "rubrieken",
        "domeinen",
        "wettelijke_basis",
        "knelpunt",
        "soort",
        "huishouden",
        "leeftijdsband",
        "prijs",
        "prijs_id",
        "aantal",
        "geldstroom",
        "plan",
        "url",
        "bron_url",
        "type_doorbraak",
        "doorbraaktype",
        "reispatroon_id",
    }
)


def _toon_pad(pad: Path | str) -> str:
    pad = Path(pad)
    try:
        return str(pad.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(pad)


def lees_casus(pad: Path | str) -> dict[str, Any]:
    """Read one case YAML file; empty, broken or non-mapping files give a Dutch DoorbraakFout.

    ``-`` reads the case from standard input. The file is read through the bounded reader
    (regular files only, at most :data:`CASUS_LIMIET` bytes)."""
    naam = "De invoer" if str(pad) == STDIN else f"Het bestand {_toon_pad(pad)}"
    return lees_casus_tekst(lees_tekst(pad, limiet=CASUS_LIMIET, naam=naam), naam)


def lees_casus_tekst(ruw_tekst: str, wat: str = "Je tekst") -> dict[str, Any]:
    """Parse a case from YAML text; ``wat`` names the source in messages ("Het bestand x.yaml").

    Anchors and aliases are refused and the size and number of nodes are capped
    (:mod:`calculators.kern.yamlbestand`): an alias bomb is refused at once."""
    if not ruw_tekst.strip():
        raise DoorbraakFout(f"{wat} is leeg. Er is niets te controleren.")
    data = laad_yaml(ruw_tekst, wat, limiet=CASUS_LIMIET)
    if not isinstance(data, dict):
        raise DoorbraakFout(f"{wat} is geen casus: er staan geen velden in (zoals 'titel:').")
    return data


def _velden(waarde: Any, pad: str) -> Iterable[tuple[str, str, Any]]:
    """Yield (field path, last key, value) for every leaf value."""
    if isinstance(waarde, Mapping):
        for k, v in waarde.items():
            sleutel = str(k)
            yield from _velden(v, f"{pad}.{sleutel}" if pad else sleutel)
    elif isinstance(waarde, (list, tuple)):
        for i, v in enumerate(waarde):
            yield from _velden(v, f"{pad}[{i + 1}]")
    else:
        laatste = re.sub(r"\[\d+\]$", "", pad.rsplit(".", 1)[-1])
        yield pad, laatste, waarde


def controleer_casus(pad_of_dict: Path | str | Mapping[str, Any]) -> list[Bevinding]:
    """Check every free-text field of a case (a YAML file path or an already loaded dict).

    Each finding's ``positie`` names the field, for example ``veld 'probleem', regel 1, teken 5``.
    Controlled fields are checked for their own rules: ``jaar`` must be a year, not a
    date; ``regio`` must not be a municipality or village name.
    """
    if isinstance(pad_of_dict, Mapping):
        data = dict(pad_of_dict)
    else:
        data = lees_casus(pad_of_dict)
    bevindingen: list[Bevinding] = []
    for pad, sleutel, waarde in _velden(data, ""):
        if sleutel in CODEVELDEN:
            continue
        if sleutel == "jaar":
            if isinstance(waarde, (date, datetime)) or (
                isinstance(waarde, str) and not re.fullmatch(r"\s*(19|20)\d{2}\s*", waarde)
            ):
                tekst = str(waarde)
                bevindingen.append(
                    Bevinding(
                        "datum",
                        tekst,
                        f"veld '{pad}'",
                        f"Schrijf alleen het jaar in plaats van '{tekst}'.",
                        0,
                        len(tekst),
                        pad,
                    )
                )
            continue
        if sleutel == "regio" and isinstance(waarde, str):
            plaats = soort_plaats(waarde)
            if plaats in ("gemeente", "dorp"):
                soort = "klein dorp" if plaats == "dorp" else "plaatsnaam"
                bevindingen.append(
                    Bevinding(
                        soort,
                        waarde,
                        f"veld '{pad}'",
                        f"Schrijf een regio in plaats van de plaats '{waarde}'. Bijvoorbeeld 'Midden-Brabant'.",
                        0,
                        len(waarde),
                        pad,
                    )
                )
                continue
        if isinstance(waarde, (date, datetime)):
            tekst = str(waarde)
            bevindingen.append(Bevinding("datum", tekst, f"veld '{pad}'", _advies("datum", tekst), 0, len(tekst), pad))
            continue
        if isinstance(waarde, str):
            bevindingen.extend(controleer_tekst(waarde, veld=pad))
    return bevindingen


# --------------------------------------------------------------------------------------
# k-anonymity over the controlled fields
# --------------------------------------------------------------------------------------

STANDAARD_VELDEN: tuple[str, ...] = ("regio", "huishouden", "leeftijdsband", "cluster")


@dataclass(frozen=True)
class Groep:
    """One combination of controlled values and the cases that have it."""

    combinatie: tuple[tuple[str, str], ...]
    casussen: tuple[str, ...]

    @property
    def aantal(self) -> int:
        return len(self.casussen)

    def omschrijving(self) -> str:
        return ", ".join(f"{v}: {w}" for v, w in self.combinatie)


@dataclass(frozen=True)
class KResultaat:
    """Result of :func:`k_anonimiteit`: all groups and those smaller than ``k``."""

    k: int
    velden: tuple[str, ...]
    groepen: tuple[Groep, ...]

    @property
    def te_klein(self) -> tuple[Groep, ...]:
        return tuple(g for g in self.groepen if g.aantal < self.k)

    @property
    def voldoet(self) -> bool:
        return not self.te_klein

    @property
    def kleinste(self) -> int:
        return min((g.aantal for g in self.groepen), default=0)

    def als_bevindingen(self) -> list[Bevinding]:
        uit = []
        for g in self.te_klein:
            namen = ", ".join(g.casussen)
            uit.append(
                Bevinding(
                    "zeldzame combinatie",
                    g.omschrijving(),
                    f"casussen {namen}",
                    f"Deze combinatie komt {g.aantal} keer voor, minder dan {self.k} keer. "
                    "Maak de regio breder of kies een ruimere leeftijdsband.",
                )
            )
        return uit


def _waarde(casus: Any, veld: str) -> str:
    if isinstance(casus, Mapping):
        w = casus.get(veld)
    else:
        w = getattr(casus, veld, None)
    if w is None or (isinstance(w, str) and not w.strip()):
        return "onbekend"
    if isinstance(w, (list, tuple, set)):
        return " + ".join(sorted(str(x) for x in w)) or "onbekend"
    return str(getattr(w, "value", w)).strip()


def _casus_id(casus: Any, i: int) -> str:
    for sleutel in ("id", "titel"):
        w = casus.get(sleutel) if isinstance(casus, Mapping) else getattr(casus, sleutel, None)
        if w:
            return str(w)
    return f"casus {i + 1}"


def k_anonimiteit(casussen: Sequence[Any], k: int = 3, velden: Sequence[str] = STANDAARD_VELDEN) -> KResultaat:
    """Check that every combination of ``velden`` occurs at least ``k`` times.

    ``casussen``: dicts or objects (pydantic models) with those fields. A missing value
    counts as 'onbekend'; a list value (for example several domains) as one combined value.
    """
    if k < 1:
        raise DoorbraakFout("k moet 1 of meer zijn.")
    if not velden:
        raise DoorbraakFout("Noem minstens één veld voor de k-anonimiteit.")
    groepen: dict[tuple[tuple[str, str], ...], list[str]] = defaultdict(list)
    for i, c in enumerate(casussen):
        sleutel = tuple((v, _waarde(c, v)) for v in velden)
        groepen[sleutel].append(_casus_id(c, i))
    lijst = tuple(sorted((Groep(s, tuple(ids)) for s, ids in groepen.items()), key=lambda g: (g.aantal, g.combinatie)))
    return KResultaat(k=k, velden=tuple(velden), groepen=lijst)


def bevindingen_als_dicts(bevindingen: Iterable[Bevinding]) -> list[dict[str, str]]:
    """Findings as plain dicts with ``soort``, ``tekst``, ``positie`` and ``advies``."""
    return [b.als_dict() for b in bevindingen]


__all__ = [
    "Bevinding",
    "Groep",
    "KResultaat",
    "controleer_tekst",
    "controleer_casus",
    "k_anonimiteit",
    "lees_casus",
    "lees_casus_tekst",
    "leeftijdsband",
    "soort_plaats",
    "laad_woordenlijst",
    "bevindingen_als_dicts",
    "SOORTEN",
    "STANDAARD_VELDEN",
    "meet_testset",
    "laad_testset",
    "warm_op",
]


# --------------------------------------------------------------------------------------
# Test set: recall and false positives (data/evaluatie/privacy-zinnen.yaml)
# --------------------------------------------------------------------------------------

TESTSET_YAML = DATA / "evaluatie" / "privacy-zinnen.yaml"


class _Identificator(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tekst: str = Field(min_length=1)
    soort: str = Field(min_length=2)


class _Testzin(BaseModel):
    model_config = ConfigDict(extra="forbid")
    zin: str = Field(min_length=5)
    identificatoren: list[_Identificator]


class _Testset(BaseModel):
    model_config = ConfigDict(extra="forbid")
    bron: str = Field(min_length=5)
    zinnen: list[_Testzin] = Field(min_length=1)


def laad_testset(pad: Path = TESTSET_YAML) -> list[_Testzin]:
    """Load the evaluation sentences; each identifier must occur in its sentence."""
    naam = _toon_pad(pad)
    ruw = lees_yaml(pad, f"Het bestand {naam}", leeg_mag=True)
    try:
        testset = _Testset.model_validate(ruw)
    except ValidationError as e:
        raise DoorbraakFout(f"De testset {naam} klopt niet.", pydantic_meldingen(e, naam)) from None
    fouten = []
    for i, z in enumerate(testset.zinnen, start=1):
        for ident in z.identificatoren:
            if ident.tekst not in z.zin:
                fouten.append(f"zin {i}: '{ident.tekst}' staat niet in de zin")
            if ident.soort not in SOORTEN:
                fouten.append(f"zin {i}: onbekende soort '{ident.soort}'")
    if fouten:
        raise DoorbraakFout(f"De testset {naam} klopt niet: " + "; ".join(fouten))
    return testset.zinnen


@dataclass(frozen=True)
class Meting:
    """Recall over the identifiers and false-positive rate over the clean sentences."""

    zinnen: int
    zinnen_met: int
    zinnen_zonder: int
    identificatoren: int
    gevonden: int
    vals_alarm_zinnen: int
    gemist: tuple[str, ...]
    vals_alarm: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.gevonden / self.identificatoren if self.identificatoren else 1.0

    @property
    def vals_positief(self) -> float:
        return self.vals_alarm_zinnen / self.zinnen_zonder if self.zinnen_zonder else 0.0


def meet_testset(zinnen: Sequence[_Testzin] | None = None) -> Meting:
    """Run the guard over the test set. An identifier counts as found when a finding overlaps it;
    a sentence without identifiers counts as a false alarm when it gets any finding."""
    zinnen = list(zinnen if zinnen is not None else laad_testset())
    totaal = gevonden = alarm = 0
    gemist: list[str] = []
    vals: list[str] = []
    met = 0
    for z in zinnen:
        bevindingen = controleer_tekst(z.zin)
        if not z.identificatoren:
            if bevindingen:
                alarm += 1
                vals.append(f"{z.zin} → " + ", ".join(f"{b.soort} '{b.tekst}'" for b in bevindingen))
            continue
        met += 1
        for ident in z.identificatoren:
            totaal += 1
            s = z.zin.index(ident.tekst)
            e = s + len(ident.tekst)
            if any(b.begin < e and s < b.eind for b in bevindingen):
                gevonden += 1
            else:
                gemist.append(f"{ident.soort} '{ident.tekst}' in: {z.zin}")
    return Meting(len(zinnen), met, len(zinnen) - met, totaal, gevonden, alarm, tuple(gemist), tuple(vals))


def laad_privacy_gegevens() -> dict[str, int]:
    """Validate every data file of the guard; returns the number of records per file."""
    return {
        "privacy/beroepen.yaml": len(laad_woordenlijst(BEROEPEN_YAML).woorden),
        "privacy/dieren.yaml": len(laad_woordenlijst(DIEREN_YAML).woorden),
        "privacy/gewone-woorden.yaml": len(laad_woordenlijst(GEWONE_WOORDEN_YAML).woorden),
        "evaluatie/privacy-zinnen.yaml": len(laad_testset()),
    }
