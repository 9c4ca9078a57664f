"""The Monitor in headless Chromium: demo on start, upload a zip, filter, Excel link, axe at 1366 and 360 px."""

import io
import json
import zipfile

import pytest
from conftest import ROOT, axe_overtredingen, open_rekenhulp

pytestmark = pytest.mark.browser

DEMO = ROOT / "data" / "voorbeelden" / "monitor-demo"
PLANNEN = {
    p.relative_to(DEMO).as_posix(): json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEMO.rglob("*.json"))
}


def open_monitor(pagina, server_url):
    open_rekenhulp(pagina, f"{server_url}/voila/render/monitor.ipynb")
    pagina.locator("[role=status]").get_by_text(f"{len(PLANNEN)} plannen geteld").wait_for(timeout=90_000)


def test_voorbeeldmap_upload_en_filter(pagina, server_url, tmp_path):
    open_monitor(pagina, server_url)
    assert pagina.get_by_role("table").count() >= 5
    assert pagina.get_by_role("link", name="Download het overzicht als Excel-bestand").count() == 0
    pagina.get_by_role("button", name="Maak een Excel-bestand").click()
    excel = pagina.get_by_role("link", name="Download het overzicht als Excel-bestand")
    excel.wait_for(timeout=30_000)
    assert excel.get_attribute("href").startswith(
        "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,"
    )

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam in PLANNEN:
            zf.writestr(f"team/{naam}", (DEMO / naam).read_bytes())
        zf.writestr("team/kapot.json", "{ dit is geen plan")
    pad = tmp_path / "plannen.zip"
    pad.write_bytes(buf.getvalue())
    with pagina.expect_file_chooser() as kiezer:
        pagina.get_by_role("button", name="Kies plannen of een zip", exact=False).click()
    kiezer.value.set_files(str(pad))
    pagina.locator("[role=status]").get_by_text(f"{len(PLANNEN)} plannen geteld, 1 niet geteld").wait_for(
        timeout=60_000
    )
    assert pagina.get_by_text("plannen.zip/team/kapot.json").count() == 1

    pagina.get_by_label("Domein", exact=True).select_option("wonen")
    verwacht = sum(1 for p in PLANNEN.values() if "wonen" in p.get("domeinen", []))
    pagina.locator("[role=status]").get_by_text(f"{verwacht} plannen geteld", exact=False).wait_for(timeout=30_000)
    assert not pagina.extern, pagina.extern


@pytest.mark.parametrize("breedte", [1366, 360])
def test_axe_en_geen_horizontaal_scrollen(pagina, server_url, breedte):
    pagina.set_viewport_size({"width": breedte, "height": 900})
    open_monitor(pagina, server_url)
    assert axe_overtredingen(pagina) == []
    assert pagina.evaluate("() => document.documentElement.scrollWidth") <= breedte + 1


def test_toetsenbord_bereikt_upload_en_filters(pagina, server_url):
    open_monitor(pagina, server_url)
    bereikt = []
    for _ in range(30):
        pagina.keyboard.press("Tab")
        bereikt.append(
            pagina.evaluate(
                "() => (document.activeElement.textContent || '').trim().slice(0, 40) + '|' + (document.activeElement.tagName)"
            )
        )
    assert any("Kies plannen of een zip" in b for b in bereikt), bereikt
    assert any(b.endswith("|SELECT") for b in bereikt), bereikt


def test_boekpagina_zonder_rekenserver(pagina, statisch_url):
    pagina.goto(statisch_url + "/book/organiseren/monitor-rekenhulp.html")
    assert pagina.get_by_role("heading", name="Rekenhulp Monitor").count() >= 1
    assert pagina.get_by_text("python -m calculators monitor MAP", exact=False).count() >= 1
