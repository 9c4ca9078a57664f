"""The privacy check on the contribution page, as a contributor uses it, in headless Chromium."""

import pytest
from conftest import axe_overtredingen, wacht_op_rekenhulp

pytestmark = pytest.mark.browser

PAGINA = "/book/inspiratie/bijdragen.html"


def test_plak_tekst_en_zie_gemarkeerde_punten_met_advies(pagina, server_url):
    pagina.goto(server_url + PAGINA)
    frame = wacht_op_rekenhulp(pagina, "privacy")
    vak = frame.get_by_label("Jouw tekst")
    vak.fill("<b>Mevrouw Jansen (34)</b> woont aan de Lindelaan 14. Bel 06-23456789.")
    frame.get_by_role("button", name="Controleer").click()
    status = frame.locator('[role="status"]').filter(has_text="gevonden").first
    status.wait_for(timeout=30_000)
    gemarkeerd = frame.locator(".dbw-tekst mark").all_inner_texts()
    assert "Mevrouw Jansen (34)" in gemarkeerd
    assert "06-23456789" in gemarkeerd
    # the pasted HTML is shown as text, not rendered
    assert "<b>" in frame.locator(".dbw-tekst").inner_text()
    assert frame.get_by_text("een vrouw van in de dertig", exact=False).first.is_visible()
    assert not pagina.extern, pagina.extern


def test_schone_tekst_geeft_niets_gevonden(pagina, server_url):
    pagina.goto(server_url + PAGINA)
    frame = wacht_op_rekenhulp(pagina, "privacy")
    frame.get_by_label("Jouw tekst").fill("Een vader van in de veertig kreeg hulp op grond van artikel 2.3.5.")
    frame.get_by_role("button", name="Controleer").click()
    frame.get_by_text("Niets gevonden", exact=False).wait_for(timeout=30_000)


def test_uitslag_van_de_controle_is_toegankelijk(pagina, server_url):
    # The whole page is checked by test_browser_toegankelijkheid; here the result view.
    pagina.goto(server_url + PAGINA)
    wacht_op_rekenhulp(pagina, "privacy")
    frame = pagina.locator('.rekenhulp[data-rekenhulp="privacy"] iframe').element_handle().content_frame()
    frame.get_by_role("button", name="Probeer een voorbeeld").click()
    frame.locator('[role="status"]').filter(has_text="gevonden").first.wait_for(timeout=30_000)
    assert axe_overtredingen(pagina, frame) == []


def test_zonder_rekenserver_staat_de_uitleg_over_de_opdrachtregel_er(pagina, statisch_url):
    pagina.goto(statisch_url + PAGINA)
    pagina.locator(".rekenhulp-status").get_by_text("rekenserver niet draait").wait_for(timeout=10_000)
    assert pagina.get_by_text("python -m calculators privacy", exact=False).first.is_visible()
    assert pagina.locator("table.privacymeting").count() == 2
