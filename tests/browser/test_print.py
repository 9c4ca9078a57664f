"""Trainer pages print cleanly in Chromium: no navigation on paper, cards never split, a real PDF."""

import pytest

pytestmark = pytest.mark.browser

PRINTPAGINAS = ["trainers/kraak-de-casus", "trainers/casuskaarten", "trainers/antwoorden", "trainers/evaluatie"]


@pytest.mark.parametrize("pad", PRINTPAGINAS)
def test_trainerpagina_print_zonder_menu_en_met_hele_kaarten(pagina, statisch_url, pad):
    pagina.goto(f"{statisch_url}/book/{pad}.html")
    pagina.emulate_media(media="print")
    for menu in (".bd-sidebar-primary", ".bd-header", ".prev-next-area", ".bd-footer"):
        for el in pagina.locator(menu).all():
            assert not el.is_visible(), f"{menu} staat op papier"
    assert pagina.locator("h1").first.is_visible()
    kaarten = pagina.locator(".casuskaart")
    for i in range(kaarten.count()):
        breuk = kaarten.nth(i).evaluate("k => getComputedStyle(k).breakInside")
        assert breuk == "avoid"
    pdf = pagina.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000


def test_casuskaarten_komen_uit_de_casussen(pagina, statisch_url):
    from calculators.casussen.catalogus import laad_casussen

    pagina.goto(f"{statisch_url}/book/trainers/casuskaarten.html")
    titels = pagina.locator(".casuskaart h2").all_inner_texts()
    assert titels == [c.titel for c in laad_casussen()]
    assert pagina.locator(".casuskaart-achterkant").count() == 0
