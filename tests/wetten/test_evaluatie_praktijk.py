"""The law search "Mag dit?" on real questions nobody on the project wrote.

data/evaluatie/wetvragen-praktijk.yaml: questions from rulings, ombudsman reports, Q&A and
policy rules, each with the articles its source names. Which questions are covered is
RECOMPUTED here from data/wetten (the ``buiten_bereik`` flag may be out of date while
articles are added). The index leaves out the rulings (data/uitspraken.yaml) a question was
taken from, so a question never finds the summary of its own source.

Targets (issue 16): top-3 >= 90 % and top-1 >= 75 % on the covered questions; on questions
outside the project the tool abstains in most cases, and on covered ones rarely.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pytest
from rapidfuzz import fuzz

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.paden import DATA
from calculators.kern.yamlbestand import lees_yaml
from calculators.wetten.artikelen import alle_artikelen, zoek_referentie
from calculators.wetten.zoeker import maak_index, zoek_wetten

PRAKTIJK = DATA / "evaluatie" / "wetvragen-praktijk.yaml"
OUD = DATA / "evaluatie" / "wetvragen.yaml"


@dataclass(frozen=True)
class Vraag:
    vraag: str
    verwacht: frozenset[str]  # articles of the source that exist in data/wetten (empty: out of coverage)
    ecli: str


def _bekend(ref: str) -> str | None:
    try:
        return zoek_referentie(ref).referentie
    except DoorbraakFout:
        return None


@lru_cache(maxsize=1)
def vragen() -> tuple[Vraag, ...]:
    ruw = lees_yaml(PRAKTIJK)["vragen"]
    uit = []
    for v in ruw:
        verwacht = frozenset(x for x in (_bekend(r) for r in v["artikelen"]) if x)
        uit.append(Vraag(v["vraag"], verwacht, str((v.get("bron") or {}).get("ecli") or "").upper()))
    return tuple(uit)


@dataclass
class Uitslag:
    n_binnen: int
    n_buiten: int
    top1: float
    top3: float
    onthouden_binnen: float
    onthouden_buiten: float
    top3_en_antwoord: float  # in the top 3 AND the tool did not abstain
    missers: list[tuple[str, list[str], list[str]]]


@lru_cache(maxsize=1)
def uitslag() -> Uitslag:
    artikelen = alle_artikelen()
    eclis = frozenset(v.ecli for v in vragen() if v.ecli)
    index = (artikelen, maak_index(artikelen, zonder_ecli=eclis))
    binnen = [v for v in vragen() if v.verwacht]
    buiten = [v for v in vragen() if not v.verwacht]
    r1 = r3 = r3a = ont_b = 0
    missers = []
    for v in binnen:
        u = zoek_wetten(v.vraag, top=3, index=index)
        gevonden = [t.artikel.referentie for t in u.treffers]
        r1 += bool(gevonden and gevonden[0] in v.verwacht)
        raak = bool(v.verwacht & set(gevonden))
        r3 += raak
        r3a += raak and not u.onthouden
        ont_b += u.onthouden
        if not raak:
            missers.append((v.vraag, sorted(v.verwacht), gevonden))
    ont_u = sum(zoek_wetten(v.vraag, top=3, index=index).onthouden for v in buiten)
    nb, nu = len(binnen), len(buiten)
    return Uitslag(nb, nu, r1 / nb, r3 / nb, ont_b / nb, ont_u / nu if nu else 0.0, r3a / nb, missers)


def _rapport(u: Uitslag, missers: bool = True) -> str:
    regels = [
        f"Praktijkset wetzoeker: {u.n_binnen} vragen binnen bereik, {u.n_buiten} erbuiten.",
        f"  top-1 {u.top1:.1%}, top-3 {u.top3:.1%} (top-3 zonder onthouding {u.top3_en_antwoord:.1%})",
        f"  onthoudt zich: {u.onthouden_buiten:.1%} buiten bereik, {u.onthouden_binnen:.1%} binnen bereik",
    ]
    if missers:
        regels += [f"  mis: {q!r}: verwacht {v}, gevonden {g}" for q, v, g in u.missers]
    return "\n".join(regels)


def test_set_is_groot_genoeg_en_bereik_is_berekend():
    assert len(vragen()) >= 100
    u = uitslag()
    assert u.n_binnen + u.n_buiten == len(vragen())
    # every covered question names at least one article that really exists
    assert all(zoek_referentie(r) for v in vragen() for r in v.verwacht)


# The targets of issue 16 (top-3 >= 90 %, top-1 >= 75 % on real questions). Both are reached
# (2 December 2026: top-3 91,2 %, top-1 75,2 % of 125 covered questions); the floor test below
# fails on any step back from today's figures.
VLOER_TOP3, VLOER_TOP1 = 0.912, 0.752


def test_top3_minstens_90_procent():
    u = uitslag()
    print("\n" + _rapport(u))
    assert u.top3 >= 0.90, _rapport(u)


def test_top1_minstens_75_procent():
    u = uitslag()
    assert u.top1 >= 0.75, _rapport(u, missers=False)


def test_top3_en_top1_gaan_niet_achteruit():
    u = uitslag()
    assert u.top3 >= VLOER_TOP3 and u.top1 >= VLOER_TOP1, _rapport(u)


def test_onthoudt_zich_meestal_buiten_bereik():
    u = uitslag()
    assert u.n_buiten > 0
    assert u.onthouden_buiten > 0.5, _rapport(u, missers=False)


def test_onthoudt_zich_zelden_binnen_bereik():
    u = uitslag()
    assert u.onthouden_binnen <= 0.10, _rapport(u, missers=False)


def _schoon(t: str) -> str:
    return " ".join(t.lower().replace("?", " ").replace(".", " ").replace(",", " ").split())


@pytest.mark.parametrize("bron", ["voorbeeldvragen", "oude set"])
def test_geen_evaluatievraag_is_bijna_een_kopie(bron):
    """Independence: no real question is a near-copy (rapidfuzz ratio >= 85) of a question the index knows."""
    if bron == "voorbeeldvragen":
        anderen = [_schoon(q) for a in alle_artikelen() for q in a.voorbeeldvragen]
    else:
        anderen = [_schoon(v["vraag"]) for v in lees_yaml(OUD)["vragen"]]
    kopieen = []
    for v in vragen():
        q = _schoon(v.vraag)
        beste = max(anderen, key=lambda x: fuzz.ratio(q, x))
        if fuzz.ratio(q, beste) >= 85:
            kopieen.append((v.vraag, beste))
    assert kopieen == []


def test_situaties_en_uitspraken_van_artikelen_zijn_geen_kopie_van_evaluatievragen():
    """Independence of the index: no B1 sentence or ruling summary is a near-copy of a real question."""
    zinnen = []
    for a in alle_artikelen():
        u = a.uitleg
        zinnen += [u.mogelijk, *u.voorwaarden, *u.misverstanden, *u.situaties]
    kopieen = [(v.vraag, z) for v in vragen() for z in zinnen if fuzz.ratio(_schoon(v.vraag), _schoon(z)) >= 85]
    assert kopieen == []


def test_vlag_buiten_bereik_klopt_met_de_artikelen():
    """The 'buiten_bereik' flag in the file says what data/wetten covers today (kept up to date)."""
    ruw = lees_yaml(PRAKTIJK)["vragen"]
    verkeerd = [
        (i, v["vraag"][:60])
        for i, (v, berekend) in enumerate(zip(ruw, vragen(), strict=True))
        if bool(v.get("buiten_bereik")) != (not berekend.verwacht)
    ]
    assert not verkeerd, f"zet buiten_bereik goed bij: {verkeerd}"
