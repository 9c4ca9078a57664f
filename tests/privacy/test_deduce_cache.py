"""deduce's name, place and disease lists: loaded smaller, and still the same lists.

The privacy calculator's kernel is the heaviest one; most of it is deduce's lookup tries.
How much smaller is measured by ``make bench`` (kernel memory), not here; these tests check
the two things that make it smaller, and that nothing is lost on the way.
"""

from __future__ import annotations

import pickle
import pickletools
from collections.abc import Iterator
from typing import Any

import pytest

from calculators.privacy import wacht


def _paden(trie: Any, voor: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if trie.is_terminal:
        yield voor
    for token, kind in trie.children.items():
        yield from _paden(kind, (*voor, token))


@pytest.fixture(scope="module")
def cachebestand():
    wacht._deduce()
    return wacht._deduce_cachemap() / "cache" / "lookup_structs.pickle"


def test_cache_heeft_geen_memo_zodat_het_laden_niets_vasthoudt(cachebestand):
    opcodes = {op.name for op, _arg, _pos in pickletools.genops(cachebestand.read_bytes())}
    assert not opcodes & {"MEMOIZE", "PUT", "BINPUT", "LONG_BINPUT"}


def test_geladen_tries_delen_een_lege_tabel_voor_alle_bladeren():
    structuren = wacht._deduce().lookup_structs
    bladeren = []

    def verzamel(trie: Any) -> None:
        if not trie.children:
            bladeren.append(trie.children)
        for kind in trie.children.values():
            verzamel(kind)

    verzamel(structuren["first_name"])
    assert len(bladeren) > 1000
    assert len({id(t) for t in bladeren}) == 1
    with pytest.raises(TypeError):  # read-only: an add_item would fail loudly
        bladeren[0]["x"] = None


def test_zelfde_namen_plaatsen_en_ziektes_als_met_gewoon_pickle(cachebestand):
    with cachebestand.open("rb") as f:
        gewoon = pickle.load(f)["lookup_structs"]
    compact = wacht._deduce().lookup_structs
    for naam in ("first_name", "surname", "placename", "hospital", "eponymous_disease"):
        assert sorted(_paden(compact[naam])) == sorted(_paden(gewoon[naam])), naam
        pijplijn = [type(m).__name__ for m in compact[naam].matching_pipeline or []]
        assert pijplijn == [type(m).__name__ for m in gewoon[naam].matching_pipeline or []], naam


def test_vindt_nog_steeds_namen_plaatsen_en_laat_een_ziektenaam_staan():
    tekst = "Jan de Vries woont in Zwiggelte. Hij heeft de ziekte van Parkinson."
    soorten = {(b.soort, tekst[b.begin : b.eind]) for b in wacht.controleer_tekst(tekst)}
    assert ("naam", "Jan de Vries") in soorten
    assert any(stuk == "Zwiggelte" for _s, stuk in soorten)
    assert not any("Parkinson" in stuk for _s, stuk in soorten)


def test_beschadigde_cache_wordt_opnieuw_gebouwd_en_namen_worden_nog_gevonden(tmp_path, monkeypatch):
    """A cache cut in half must not make the guard silently find nothing."""
    monkeypatch.setenv("DOORBRAAK_CACHE", str(tmp_path))
    wacht._deduce.cache_clear()
    try:
        wacht._deduce()
        pad = wacht._deduce_cachemap() / "cache" / "lookup_structs.pickle"
        inhoud = pad.read_bytes()
        pad.write_bytes(inhoud[: len(inhoud) // 2])
        wacht._deduce.cache_clear()
        tekst = "Jan de Vries woont in Zwiggelte."
        soorten = {(b.soort, tekst[b.begin : b.eind]) for b in wacht.controleer_tekst(tekst)}
        assert ("naam", "Jan de Vries") in soorten
        assert len(pad.read_bytes()) == len(inhoud)
    finally:
        wacht._deduce.cache_clear()
