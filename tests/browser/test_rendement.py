"""The cost calculator "Wat levert het op?" in Chromium, in the book and without a server."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import wacht_op_rekenhulp

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser


def csv_bedrag(ident: str) -> Decimal:
    """The amount of one price, read straight from the CSV (not through the code under test)."""
    with open(ROOT / "data" / "prijzen.csv", encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            if rij["id"] == ident:
                return Decimal(rij["bedrag"])
    raise AssertionError(f"prijs {ident} staat niet in data/prijzen.csv")


def _voorbeeld_netto_a() -> str:
    """Netto of plan A in the example, computed from the CSV (see the hand calculation above)."""
    from calculators.kern.opmaak import euro

    b = csv_bedrag
    jaarlijks_nu = 104 * b("begeleiding-thuis-referentieprijs") + 52 * b("ambulante-jeugdhulp-regulier-hbo")
    huidig = 2 * jaarlijks_nu
    dreigend = b("huisuitzetting-kosten-verhuurder") + 2 * (
        b("maatschappelijke-opvang-plek") + 730 * b("jeugdhulp-verblijf-24-uur-jeugd-opvoedhulp")
    )
    doorbraak = (
        6 * b("huur-corporatiewoning-gemiddeld")
        + b("beschermingsbewind-aanvangswerkzaamheden-1-persoon")
        + 2 * (12 * b("beschermingsbewind-1-persoon-problematische-schulden") + jaarlijks_nu)
    )
    return euro(Decimal("0.5") * huidig + Decimal("0.5") * dreigend - doorbraak)


def test_browser_rekenhulp_in_het_boek(pagina, server_url):
    pagina.goto(server_url + "/book/rekenhulpen/wat-levert-het-op.html")
    frame = wacht_op_rekenhulp(pagina, "rendement")
    frame.get_by_role("button", name="Laad het voorbeeld").click()
    uitleg = frame.locator("[aria-live] .dbw-uitleg")
    uitleg.get_by_text(_voorbeeld_netto_a(), exact=False).wait_for(timeout=20_000)
    assert "Als niets verandert" in uitleg.inner_text()
    # A wrong chance: a message next to the field, the result stays.
    kans = frame.get_by_label("Kans dat het misgaat, in procent (0 tot 100)")
    kans.fill("150")
    kans.press("Enter")
    frame.get_by_text("Vul een getal van 0 tot 100 in").wait_for(timeout=10_000)
    assert _voorbeeld_netto_a() in uitleg.inner_text()
    # A lower chance lowers what the plan saves.
    kans.fill("100")
    kans.press("Enter")
    frame.get_by_text("Je rekent met 100% kans").wait_for(timeout=10_000)
    assert _voorbeeld_netto_a() not in uitleg.inner_text()
    # "0,5" is ambiguous: the calculator asks instead of counting 0,5 %.
    kans.fill("0,5")
    kans.press("Enter")
    frame.get_by_text("Bedoel je 50 %?").wait_for(timeout=10_000)
    assert frame.get_by_role("link", name="Download je plan (JSON)").is_visible()
    assert not pagina.extern, pagina.extern


@pytest.mark.parametrize("breedte", [1366, 360])
def test_browser_horizon_is_leesbaar(pagina, server_url, breedte):
    pagina.set_viewport_size({"width": breedte, "height": 900})
    pagina.goto(server_url + "/book/rekenhulpen/wat-levert-het-op.html")
    frame = wacht_op_rekenhulp(pagina, "rendement")
    horizon = frame.get_by_label("Over hoeveel jaar reken je (horizon)")
    horizon.select_option(label="3 jaar")
    frame.get_by_text("over 3 jaar", exact=False).first.wait_for(timeout=10_000)
    # The chosen text fits in the box: the select is wider than the text it shows.
    maat = horizon.evaluate("""s => {
        const c = document.createElement('canvas').getContext('2d');
        c.font = getComputedStyle(s).font;
        return {box: s.clientWidth, tekst: c.measureText(s.options[s.selectedIndex].text).width};
    }""")
    assert maat["box"] >= maat["tekst"] + 20, maat
    assert horizon.bounding_box()["width"] >= 80


def test_browser_zonder_rekenserver_toont_het_voorbeeld(pagina, statisch_url):
    pagina.goto(statisch_url + "/book/rekenhulpen/wat-levert-het-op.html")
    pagina.locator(".rekenhulp-status").get_by_text("rekenserver niet draait").wait_for(timeout=10_000)
    terugval = pagina.locator(".rekenhulp-fallback")
    assert terugval.get_by_text("Uitkomst over 2 jaar").is_visible()
    assert _voorbeeld_netto_a() in terugval.inner_text()
