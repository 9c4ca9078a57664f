"""The inspiration catalogue in headless Chromium: live search, detail, static fallback, case pages."""

import pytest
from conftest import AXE, open_rekenhulp, wacht_op_rekenhulp

from calculators.casussen.catalogus import laad_casussen

pytestmark = pytest.mark.browser


def test_zoeken_bekijken_en_startpunt(pagina, server_url):
    pagina.goto(server_url + "/book/inspiratie/index.html")
    frame = wacht_op_rekenhulp(pagina, "casussen")
    frame.get_by_label("Zoekwoorden").fill("yohgurt")  # typo on purpose
    frame.locator("[role=status]").get_by_text("1 casus gevonden").wait_for(timeout=20_000)
    frame.get_by_role("button", name="Bekijk").first.click()
    frame.get_by_role("heading", name="Een bakje yoghurt dat in geen enkel vakje past").wait_for(timeout=15_000)
    # Two starting points: the costs in "Wat levert het op?" and a new doorbraakplan.
    kosten = frame.get_by_role("link", name="Gebruik als startpunt: open de kosten", exact=False)
    assert kosten.get_attribute("href") == "/book/rekenhulpen/wat-levert-het-op.html?casus=eiwitrijke-yoghurt"
    plan = frame.get_by_role("link", name="Gebruik als startpunt voor je doorbraakplan", exact=False)
    assert plan.get_attribute("href") == "/book/rekenhulpen/doorbraakplan.html?casus=eiwitrijke-yoghurt"
    wet = frame.get_by_role("link", name="artikel 35 Participatiewet")
    assert wet.get_attribute("href").endswith("/book/wetten/participatiewet.html#artikel-pw-35")
    frame.get_by_role("button", name="Terug naar de lijst").click()
    frame.get_by_role("button", name="Bekijk").first.wait_for(timeout=10_000)
    assert not pagina.extern, pagina.extern


def test_filter_op_cluster(pagina, server_url):
    open_rekenhulp(pagina, server_url + "/voila/render/casussen.ipynb")
    pagina.get_by_label("Giftige cocktail").select_option(label="Cluster 3: Schulden, wonen en kinderen")
    aantal = sum(1 for c in laad_casussen() if c.cluster == "cluster-3")
    pagina.locator("[role=status]").get_by_text(f"{aantal} casussen gevonden").wait_for(timeout=20_000)
    assert pagina.get_by_role("button", name="Bekijk").count() == aantal


def test_html_in_zoekvraag_wordt_niet_uitgevoerd(pagina, server_url):
    open_rekenhulp(pagina, server_url + "/voila/render/casussen.ipynb")
    pagina.get_by_label("Zoekwoorden").fill("<img src=x onerror=\"document.title='fout'\"> schulden")
    pagina.locator("[role=status]").get_by_text("<img", exact=False).wait_for(timeout=20_000)
    assert pagina.locator("img[src=x]").count() == 0
    assert pagina.title() != "fout"


def test_zonder_rekenserver_tabel_en_casuspagina(pagina, statisch_url):
    pagina.goto(statisch_url + "/book/inspiratie/index.html")
    assert pagina.locator(".casustabel tbody tr").count() == len(laad_casussen())
    pagina.locator(".casustabel").get_by_role(
        "link", name="Een moeder wacht maanden op een keuring van het UWV"
    ).click()
    pagina.wait_for_url("**/casussen/moeder-wacht-op-uwv-keuring.html")
    assert pagina.locator("table.casuskosten tfoot tr").count() == 3
    assert pagina.get_by_text("Illustratieve samengestelde casus").first.is_visible()
    # Only the page content is ours; the theme's side menu is checked in test_browser_toegankelijkheid.py.
    pagina.add_script_tag(path=str(AXE))
    uitkomst = pagina.evaluate("""async () => await axe.run(document.querySelector('main'), {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
    ernstig = [(v["id"], v["help"]) for v in uitkomst["violations"] if v["impact"] in ("serious", "critical")]
    assert ernstig == []


def test_axe_geen_ernstige_overtredingen_in_catalogus(pagina, server_url):
    open_rekenhulp(pagina, server_url + "/voila/render/casussen.ipynb")
    pagina.get_by_label("Zoekwoorden").fill("huurachterstand")
    pagina.get_by_role("button", name="Bekijk").first.click()
    pagina.get_by_role("button", name="Terug naar de lijst").wait_for(timeout=15_000)
    pagina.add_script_tag(path=str(AXE))
    uitkomst = pagina.evaluate("""async () => await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
    ernstig = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in uitkomst["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert ernstig == []
