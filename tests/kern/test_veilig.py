"""Formula neutraliser and terminal escaping (kern.veilig), issue 14 items 4 and 9."""

from __future__ import annotations

import pytest

from calculators.kern.veilig import is_formule, losse_surrogaat, neutraliseer, voor_terminal


@pytest.mark.parametrize(
    "tekst", ['=HYPERLINK("http://x","klik")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_formules_krijgen_een_apostrof(tekst):
    assert is_formule(tekst)
    assert neutraliseer(tekst) == "'" + tekst


@pytest.mark.parametrize("waarde", ["Wooncoach", "1 = 1", "", 12, None])
def test_gewone_waarden_blijven_gelijk(waarde):
    assert neutraliseer(waarde) == waarde


def test_besturingstekens_worden_zichtbaar():
    tekst = "\x1b]0;gehackt\x07\x1b[2JSchuld\u202eabc\x9b31m\r"
    uit = voor_terminal(tekst + "\nvolgende regel\tmet tab")
    assert "\x1b" not in uit and "\x07" not in uit and "\u202e" not in uit and "\x9b" not in uit and "\r" not in uit
    assert "\\u001b]0;gehackt\\u0007\\u001b[2JSchuld\\u202eabc\\u009b31m\\u000d" in uit
    assert uit.endswith("\nvolgende regel\tmet tab")


def test_losse_surrogaat():
    assert losse_surrogaat("Plan \ud800 B") == 5
    assert losse_surrogaat("Plan 😀") is None
    assert "\ud800" not in voor_terminal("a\ud800")
