"""Signalenwijzer: the data (sources, links, articles), the picture, the CLI, the checklist and the widget.

Expected values are computed from the raw YAML (plain yaml.safe_load), not through the code under test.
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from calculators.cli import main
from calculators.kern.fouten import DoorbraakFout
from calculators.signalen import afdruk
from calculators.signalen.gegevens import laad_signalen
from calculators.signalen.wijzer import beeld, plan_adres
from calculators.wetten.artikelen import zoek_referentie

ROOT = Path(__file__).resolve().parents[2]
PATRONEN = ROOT / "data" / "patronen"
RUW = yaml.safe_load((PATRONEN / "signalen.yaml").read_text(encoding="utf-8"))["signalen"]
PER_ID = {s["id"]: s for s in RUW}


def ruw(naam: str):
    return yaml.safe_load((PATRONEN / naam).read_text(encoding="utf-8"))


# --- data ------------------------------------------------------------------------------


def test_minstens_dertig_signalen_in_alle_groepen():
    assert len(laad_signalen()) == len(RUW) >= 30
    groepen = Counter(s["groep"] for s in RUW)
    assert set(groepen) == {"woonfuik", "geld", "ggz", "jeugd", "levensgebeurtenis"}
    assert min(groepen.values()) >= 3, groepen


def test_levensgebeurtenissen_uit_de_rapporten_zitten_erin():
    teksten = " ".join(s["tekst"].lower() for s in RUW if s["groep"] == "levensgebeurtenis")
    for woord in ("geboren", "uit elkaar", "overleden", "baan"):
        assert woord in teksten, woord


def test_elk_signaal_heeft_een_bron_met_citaat_of_is_een_eigen_toevoeging_met_reden():
    bronnen = {b["id"] for b in ruw("bronnen.yaml")["bronnen"]}
    for s in RUW:
        if s.get("eigen_toevoeging"):
            assert len(s.get("reden", "")) > 20, s["id"]
        else:
            assert s["bron"], s["id"]
            for b in s["bron"]:
                assert b["rapport"] in bronnen and b["deel"].strip() and len(b["citaat"]) >= 3, s["id"]


def test_elk_artikel_bij_een_signaal_kent_de_wetzoeker():
    refs = sorted({a for s in RUW for a in s["artikelen"]})
    assert len(refs) >= 15
    for ref in refs:
        artikel = zoek_referentie(ref)
        assert artikel.referentie.replace(" ", "").lower() == ref.replace(" ", "").lower()


def test_elke_plaats_bestaat_in_de_woonfuik_of_de_analyse():
    bestaand = {
        "woonfuik": {str(s["nummer"]) for s in ruw("woonfuik.yaml")["stappen"]},
        "geldproblemen": {s["id"] for s in ruw("geldproblemen.yaml")["soorten"]},
        "ggz": {s["id"] for s in ruw("ggz.yaml")["soorten"]},
        "jeugdzorg": {s["id"] for s in ruw("jeugdzorg.yaml")["soorten"]},
    }
    rubrieken = {r["id"] for r in ruw("rubrieken.yaml")["rubrieken"]}
    ingredienten = {i["naam"] for c in ruw("clusters.yaml")["clusters"] for i in c["ingredienten"]}
    for s in RUW:
        for p in s["plaats"]:
            assert p["vak"] in bestaand[p["matrix"]], (s["id"], p)
        assert s.get("rubriek") is None or s["rubriek"] in rubrieken, s["id"]
        assert set(s["ingredienten"]) <= ingredienten, s["id"]


def _schrijf(tmp_path, signalen) -> Path:
    pad = tmp_path / "signalen.yaml"
    pad.write_text(yaml.safe_dump({"signalen": signalen}, allow_unicode=True), encoding="utf-8")
    return pad


def test_fout_bestand_geeft_nederlandse_melding_met_signaal_en_veld(tmp_path):
    s = dict(RUW[0])
    s["plaats"] = [{"matrix": "woonfuik", "vak": "9"}]
    s["artikelen"] = ["Pw 9999"]
    with pytest.raises(DoorbraakFout) as e:
        laad_signalen(_schrijf(tmp_path, [s]))
    tekst = str(e.value)
    assert f"signaal '{s['id']}'" in tekst and "vak '9' bestaat niet in woonfuik" in tekst
    assert "wetsartikel 'Pw 9999' bestaat niet" in tekst and "signalen.0.plaats" in tekst


def test_signaal_zonder_bron_en_zonder_eigen_toevoeging_wordt_geweigerd(tmp_path):
    s = {k: v for k, v in RUW[0].items() if k != "bron"}
    with pytest.raises(DoorbraakFout) as e:
        laad_signalen(_schrijf(tmp_path, [s]))
    assert "noem een bron" in str(e.value)
    s["eigen_toevoeging"] = True
    with pytest.raises(DoorbraakFout) as e:
        laad_signalen(_schrijf(tmp_path, [s]))
    assert "reden" in str(e.value)


# --- the picture -------------------------------------------------------------------------


def test_woonfuikstap_is_de_verste_stap_van_de_gekozen_signalen():
    ids = ["geboorte-kind", "schulden-groeien", "huurachterstand"]
    verwacht = max(int(p["vak"]) for i in ids for p in PER_ID[i]["plaats"] if p["matrix"] == "woonfuik")
    stappen = {s["nummer"]: s for s in ruw("woonfuik.yaml")["stappen"]}
    b = beeld(ids)
    assert b.woonfuik["stap"] == verwacht == 5
    assert b.woonfuik["naam"] == stappen[verwacht]["naam"]
    assert beeld(["angst-kost-werk"]).woonfuik is None


def test_schulden_wonen_en_kinderen_lijkt_op_cluster_3():
    ids = ["huurachterstand", "kinderen-en-geldzorgen"]
    gekozen = {i for x in ids for i in PER_ID[x]["ingredienten"]}
    clusters = ruw("clusters.yaml")["clusters"]
    volledig = [c["id"] for c in clusters if {i["naam"] for i in c["ingredienten"]} <= gekozen]
    b = beeld(ids)
    assert volledig == ["cluster-3"]
    assert b.clusters[0]["id"] == "cluster-3" and b.clusters[0]["ontbreekt"] == []
    # Every cluster shown shares at least two ingredients with the choice.
    for c in b.clusters:
        assert len(c["gedekt"]) >= 2


def test_bestaanszekerheid_eerst_bij_geld_en_wonen():
    b = beeld(["te-weinig-om-van-te-leven"])
    assert b.eerst["bestaanszekerheid"] is True
    assert b.eerst["signalen"] == ["te-weinig-om-van-te-leven"]
    assert "Bestaanszekerheid eerst" in b.eerst["tekst"]
    doorbraak = {s["id"]: s.get("doorbraak") for s in ruw("geldproblemen.yaml")["soorten"]}
    assert doorbraak["ontoereikende-draagkracht"] in b.eerst["acties"]


def test_zonder_geld_of_wonen_vraagt_de_wijzer_ernaar():
    b = beeld(["angst-kost-werk"])
    assert b.eerst["bestaanszekerheid"] is False
    assert "Vraag ook naar geld en wonen" in b.eerst["tekst"]
    assert ruw("ggz.yaml")["lessen"][0] in b.eerst["acties"]


def test_drie_vragen_met_hint_uit_de_ggz_analyse():
    b = beeld(["depressie-of-psychose"])
    assert [v["vraag"] for v in b.vragen] == [
        "Is dit het kernprobleem?",
        "Is het een gevolg van een ander probleem?",
        "Staat het een oplossing voor een ander probleem in de weg?",
    ]
    gevolg = {s["id"]: s for s in ruw("ggz.yaml")["soorten"]}["gevolg"]
    assert [h["naam"] for h in b.vragen[1]["hints"]] == [gevolg["naam"]]
    assert b.vragen[0]["hints"] == [] and b.vragen[2]["hints"] == []


def test_artikelen_zijn_uniek_en_in_volgorde_met_link_naar_het_boek():
    ids = ["huurachterstand", "dreigende-huisuitzetting"]
    verwacht = list(dict.fromkeys(a for i in ids for a in PER_ID[i]["artikelen"]))
    b = beeld(ids)
    assert [a["referentie"] for a in b.artikelen] == verwacht
    wgs4 = next(a for a in b.artikelen if a["referentie"] == "Wgs 4")
    assert wgs4["link"].startswith("/book/wetten/") and "#" in wgs4["link"]


def test_links_naar_boekpaginas_bestaan():
    b = beeld([s["id"] for s in RUW])
    assert len(b.links) >= 5
    for link in b.links:
        assert (ROOT / link["pad"].lstrip("/").replace(".html", ".md")).exists(), link


def test_plan_link_met_de_gekozen_signalen():
    assert (
        plan_adres(["baanverlies", "huurachterstand"])
        == "/voila/render/plan.ipynb?signalen=baanverlies,huurachterstand"
    )
    assert beeld(["huurachterstand", "baanverlies"]).plan_adres.endswith("?signalen=baanverlies,huurachterstand")


def test_onbekend_signaal_geeft_nederlandse_fout():
    with pytest.raises(DoorbraakFout) as e:
        beeld(["baanverlies", "bestaat-niet"])
    assert "Dit signaal bestaat niet: 'bestaat-niet'" in str(e.value)


# --- CLI ---------------------------------------------------------------------------------


def test_cli_lijst_json_geeft_alle_signalen(capsys):
    assert main(["signalen", "--lijst", "--json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in uit] == [s["id"] for s in RUW]
    assert all(s["plaats"] and "label" in s["plaats"][0] for s in uit)


def test_cli_lijst_als_tekst_noemt_elk_signaal(capsys):
    assert main(["signalen", "--lijst"]) == 0
    uit = capsys.readouterr().out
    for s in RUW:
        assert f"{s['id']}: {s['tekst']}" in uit


def test_cli_beeld_json_sleutels(capsys):
    assert main(["signalen", "baanverlies", "huurachterstand", "--json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    for sleutel in ("woonfuik", "clusters", "vragen", "eerst", "artikelen", "links", "plan"):
        assert sleutel in uit
    assert uit["woonfuik"]["stap"] == 5
    assert {"Wgs 3", "Pw 52"} <= {a["referentie"] for a in uit["artikelen"]}


def test_cli_onbekend_id_exit_2_in_het_nederlands(capsys):
    assert main(["signalen", "huurachterstand", "kapot"]) == 2
    uit = capsys.readouterr()
    assert "Dit signaal bestaat niet: 'kapot'" in uit.err and "Traceback" not in uit.err
    assert uit.out == ""


def test_cli_zonder_ids_exit_2(capsys):
    assert main(["signalen"]) == 2
    assert "--lijst" in capsys.readouterr().err


# --- checklist ---------------------------------------------------------------------------


def test_checklist_bevat_elk_signaal_en_markeert_de_gekozen():
    ids = ["baanverlies", "huurachterstand", "scheiding"]
    h = afdruk.checklist_html(ids)
    assert h.count("☒") == len(ids)
    assert h.count("☐") == len(RUW) - len(ids)
    for s in RUW:
        assert s["tekst"] in h
    assert "@page" in h and "A4" in h and '<html lang="nl">' in h


def test_checklist_sjabloon_escapet_tekst():
    sjabloon = afdruk._omgeving().get_template(afdruk.SJABLOON)
    h = sjabloon.render(
        datum="1 juli 2026",
        groepen=[{"naam": "<i>g</i>", "signalen": [{"tekst": "<script>alert(1)</script>", "gekozen": True}]}],
        woonfuik=None,
        clusters_kort=[],
        eerst={"tekst": "<b>x</b>", "acties": []},
        vragen=[],
        artikelen=[],
        meer_artikelen=0,
    )
    assert "<script>" not in h and "&lt;script&gt;" in h and "&lt;b&gt;x&lt;/b&gt;" in h


# --- book --------------------------------------------------------------------------------


def test_boeklijst_toont_elk_signaal_met_bron():
    from calculators.signalen.boek import signalenlijst_regels

    regels = signalenlijst_regels()
    tekst = "\n".join(regels)
    assert sum(1 for r in regels if r.startswith("- **")) == len(RUW)
    eigen = [s for s in RUW if s.get("eigen_toevoeging")]
    assert tekst.count("eigen toevoeging:") == len(eigen)
    assert "{artikel}`Wgs 4`" in tekst


# --- widget ------------------------------------------------------------------------------


def _download(html: str) -> str:
    data = re.search(r'href="data:text/html;charset=utf-8;base64,([^"]+)"', html).group(1)
    return base64.b64decode(data).decode("utf-8").lstrip("\ufeff")


def test_widget_vinkjes_veranderen_het_beeld_en_de_download():
    from calculators.signalen.widget import maak_signalen

    widget = maak_signalen()
    wijzer = widget.wijzer
    assert len(wijzer.vinkjes) == len(RUW)
    assert "Nog geen signaal gekozen" in wijzer.uitkomst.value
    wijzer.vinkjes["huurachterstand"].value = True
    wijzer.vinkjes["kinderen-en-geldzorgen"].value = True
    assert "stap 5 van 6" in wijzer.uitkomst.value
    assert "Cluster 3" in wijzer.uitkomst.value
    assert "2 signalen gekozen" in wijzer.status.value
    download = _download(wijzer.acties.value)
    assert download.count("☒") == 2 and PER_ID["huurachterstand"]["tekst"] in download
    assert "/voila/render/plan.ipynb?signalen=huurachterstand,kinderen-en-geldzorgen" in wijzer.acties.value
    wijzer.zet([])
    assert "Nog geen signaal gekozen" in wijzer.uitkomst.value
    assert "plan.ipynb" not in wijzer.acties.value


def test_widget_onbekend_signaal_uit_adres_geeft_melding():
    from calculators.signalen.widget import maak_signalen

    wijzer = maak_signalen().wijzer
    wijzer.zet(["<b>kapot</b>"])
    assert "Dit signaal bestaat niet" in wijzer.status.value and "<b>kapot" not in wijzer.status.value
    assert not wijzer.gekozen
