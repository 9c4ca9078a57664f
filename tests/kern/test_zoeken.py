"""The generic ranking engine (calculators/kern/zoeken.py) on a small, hand-made collection."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.zoeken import MAX_TEKENS, SynoniemGroep, Zoekindex, stam, woorden_met_plek

DOCS = [
    {"titel": "Voorschot", "tekst": "Het college verleent bij wijze van voorschot bijstand binnen vier weken."},
    {
        "titel": "Bijzondere bijstand",
        "tekst": "Bijzondere bijstand voor noodzakelijke kosten, zoals een huurachterstand.",
    },
    {
        "titel": "Beleidsregels",
        "tekst": "Het bestuursorgaan kan afwijken van een beleidsregel bij bijzondere omstandigheden.",
    },
    {
        "titel": "Persoonsgebonden budget",
        "tekst": "Op verzoek verstrekt het college een persoonsgebonden budget voor hulp thuis.",
    },
    {"titel": "Woningaanpassing", "tekst": "Een traplift of andere aanpassing van de woning van de cliënt."},
]
PASSAGES = [
    [("1", "Het college verleent bijstand."), ("2", "Bij wijze van voorschot binnen vier weken.")],
    [("", "Bijzondere bijstand voor noodzakelijke kosten.")],
    [("", "Afwijken van een beleidsregel.")],
    [("1", "Persoonsgebonden budget."), ("2", "Hulp thuis.")],
    [("", "Een traplift.")],
]
SYNONIEMEN = [
    SynoniemGroep(("voorschot", "alvast betalen")),
    SynoniemGroep(("pgb", "persoonsgebonden budget")),
    SynoniemGroep(("ontruiming", "huisuitzetting", "huurachterstand")),
]


@pytest.fixture(scope="module")
def index() -> Zoekindex:
    return Zoekindex(DOCS, {"titel": 2.0, "tekst": 1.0}, SYNONIEMEN, PASSAGES)


def eerste(index: Zoekindex, vraag: str) -> int:
    uitkomst = index.zoek(vraag, top=3)
    assert uitkomst.treffers, f"geen resultaat voor {vraag!r}"
    return uitkomst.treffers[0].index


def test_gewone_woorden_vinden_het_juiste_document(index):
    assert eerste(index, "voorschot op de bijstand") == 0
    assert eerste(index, "traplift") == 4


def test_meervoud_en_enkelvoud_maken_niet_uit(index):
    assert eerste(index, "beleidsregels") == 2
    assert eerste(index, "voorschotten") == 0


def test_synoniem_uit_de_lijst_vindt_het_document(index):
    assert eerste(index, "pgb") == 3
    assert eerste(index, "mag ik alvast betalen?") == 0


def test_synoniem_van_meer_woorden_moet_als_geheel_voorkomen(index):
    # "alvast" alone is not the phrase "alvast betalen": no expansion to "voorschot"
    analyse = index.analyseer("alvast iets regelen")
    assert stam("voorschot") not in analyse.synoniemen


def test_typefout_wordt_verbeterd_en_gemeld(index):
    uitkomst = index.zoek("huurachterstnd", top=3)
    assert uitkomst.treffers[0].index == 1
    assert uitkomst.analyse.correcties == {"huurachterstnd": "huurachterstand"}
    assert any("huurachterstand" in m for m in uitkomst.analyse.meldingen)


def test_kort_onbekend_woord_wordt_niet_verbeterd_naar_ander_woord(index):
    # 'kopen' is no typo of a longer word: leave it alone
    assert index.corrigeer("kopen") is None


def test_samengesteld_woord_wordt_gesplitst(index):
    assert index.splits("huurachterstand") == ()  # 'huur' and 'achterstand' are not both in the collection
    groter = Zoekindex(DOCS + [{"titel": "Huur", "tekst": "De huur en een achterstand."}], {"titel": 1, "tekst": 1})
    assert groter.splits("huurachterstand") == ("huur", "achterstand")
    assert groter.splits("beleidsregel") == ()  # 'beleid' is not in the collection on its own


def test_deel_van_samenstelling_vindt_document():
    docs = [
        {"tekst": "Een vergoeding voor de huurachterstand."},
        {"tekst": "Regels voor de achterstand."},
        {"tekst": "De huur van de woning."},
    ]
    index = Zoekindex(docs, {"tekst": 1})
    uitkomst = index.zoek("huurschuld", top=3)  # 'huur' + 'schuld': only 'huur' is known
    assert uitkomst.treffers and {docs[t.index]["tekst"] for t in uitkomst.treffers} >= {docs[2]["tekst"]}


def test_filter_laat_alleen_gekozen_documenten_toe(index):
    import numpy as np

    masker = np.array([False, True, False, False, False])
    uitkomst = index.zoek("voorschot bijstand", top=5, filter=masker)
    assert [t.index for t in uitkomst.treffers] == [1]


def test_beste_passage_en_markering(index):
    analyse = index.analyseer("voorschot")
    assert index.beste_passage(0, analyse) == 1
    tekst = "Bij wijze van voorschot binnen vier weken."
    posities = index.markeer_posities(tekst, analyse)
    assert [tekst[b:e] for b, e in posities] == ["voorschot"]


def test_woorden_met_plek_houdt_artikelnummers_heel():
    assert [w for w, _, _ in woorden_met_plek("Awb 4:84 en Wmo 2.3.5, Cliënt")] == [
        "awb",
        "4:84",
        "en",
        "wmo",
        "2.3.5",
        "client",
    ]


@pytest.mark.parametrize("vraag", ["", "   ", "?!?", "... ---", "<>", "de het een"])
def test_vraag_zonder_zoekwoorden_geeft_nederlandse_fout(index, vraag):
    with pytest.raises(DoorbraakFout) as fout:
        index.zoek(vraag)
    assert str(fout.value)[:1].isupper() and "Traceback" not in str(fout.value)


def test_lange_vraag_wordt_ingekort_met_melding(index):
    uitkomst = index.zoek("voorschot " * 1000, top=2)  # 10.000 characters
    assert uitkomst.treffers[0].index == 0
    assert any(str(MAX_TEKENS) in m for m in uitkomst.analyse.meldingen)


def test_html_in_vraag_is_gewoon_tekst(index):
    uitkomst = index.zoek("<script>alert('pgb')</script>", top=2)
    assert uitkomst.treffers[0].index == 3


def test_lege_collectie_geeft_lege_lijst():
    index = Zoekindex([], {"tekst": 1})
    assert index.zoek("bijstand").treffers == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_elke_tekst_geeft_lijst_of_nederlandse_fout(index, vraag):
    try:
        uitkomst = index.zoek(vraag, top=5)
    except DoorbraakFout:
        return
    assert len(uitkomst.treffers) <= 5
    scores = [t.score for t in uitkomst.treffers]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)


def test_zuinige_lemmalijst_geeft_dezelfde_lemmas_als_de_volledige():
    """The search reads simplemma's dictionary as a stream (low_memory): same lemma for every word in data/."""
    import re

    import simplemma

    from calculators.kern.paden import DATA

    woorden = set()
    for pad in DATA.rglob("*.yaml"):
        woorden |= {w.lower() for w in re.findall(r"[^\W\d_]+", pad.read_text(encoding="utf-8"))}
    assert len(woorden) > 3000
    verschil = [
        w
        for w in sorted(woorden)
        if simplemma.lemmatize(w, lang="nl") != simplemma.lemmatize(w, lang="nl", low_memory=True)
    ]
    assert verschil == []
