"""The pattern data in data/patronen/: complete, sourced, linked, and clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.patronen.gegevens import (
    PATRONEN,
    artikel_bestaat,
    laad_clusters,
    laad_knelpunten,
    laad_patronen,
    laad_rubrieken,
)


@pytest.fixture(scope="module")
def p():
    return laad_patronen()


def test_de_vier_giftige_cocktails_uit_het_rapport(p):
    # Bron: update, tabel "Verdieping in de 4 clusters".
    assert [c.nummer for c in p.clusters] == [1, 2, 3, 4]
    ingredienten = {c.nummer: {i.naam for i in c.ingredienten} for c in p.clusters}
    assert {"GGZ", "Woonproblematiek", "Kinderen"} <= ingredienten[1]
    assert ingredienten[2] == {"Jeugdzorg", "Woonproblematiek", "Kinderen"}
    assert ingredienten[3] == {"Schulden", "Woonproblematiek", "Kinderen"}
    assert ingredienten[4] == {"GGZ", "Woonproblematiek", "Geen uitkering"}
    # Woonproblematiek is an ingredient of every cocktail.
    assert all("Woonproblematiek" in s for s in ingredienten.values())


def test_knelpunten_per_cluster_zoals_in_de_tabel(p):
    knel = {c.nummer: set(c.knelpunten) for c in p.clusters}
    assert knel == {
        1: {"geen-toegang", "mismatch", "catch-22"},
        2: {"mismatch"},
        3: {"geen-toegang"},
        4: {"geen-toegang", "catch-22"},
    }


def test_wetten_per_cluster_zoals_in_de_tabel(p):
    wetten = {c.nummer: set(c.wetten) for c in p.clusters}
    assert wetten[3] == {"Woningwet", "Wgs", "Jeugdwet", "Participatiewet"}
    assert wetten[4] == {"Participatiewet", "Wmo"}


def test_drie_soorten_knelpunten_met_voorbeelden(p):
    assert {k.id for k in p.knelpunten} == {"geen-toegang", "mismatch", "catch-22"}
    catch = p.knelpunt("catch-22")
    assert any("woonadres" in v for v in catch.voorbeelden)


def test_ggz_en_jeugdzorg_hebben_drie_soorten(p):
    assert [s.naam for s in p.ggz.soorten] == ["Oorzaak", "Gevolg", "Staat een oplossing in de weg"]
    assert {s.id for s in p.jeugdzorg.soorten} == {"stelsel-functioneert", "aanbod-ontbreekt", "symptoombestrijding"}
    assert "helft" in p.jeugdzorg.kerncijfer


def test_rubrieken_uit_het_rapport_zijn_er(p):
    namen = {r.naam.lower() for r in p.rubrieken}
    for voorbeeld in ("geen postadres", "verslavingsprobleem", "fraudevordering", "geen startkwalificatie"):
        assert voorbeeld in namen
    assert len(p.rubrieken) >= 40


def test_elke_rubriek_heeft_een_domein_uit_de_vocabulaire(p):
    domeinen = set(laad_vocabulaire().domein_namen)
    assert {r.domein for r in p.rubrieken} <= domeinen


def test_elke_regel_heeft_een_bron_of_is_eigen_toevoeging(p):
    for r in p.rubrieken:
        assert r.bron or r.eigen_toevoeging, r.id
    # The woonfuik steps are our own ordering of the text: they must say so.
    assert all(s.eigen_toevoeging for s in p.woonfuik.stappen)


def test_woonfuik_eindigt_in_huisuitzetting_en_signalen_zijn_rubrieken(p):
    assert p.woonfuik.stappen[-1].naam == "Huisuitzetting"
    ids = {r.id for r in p.rubrieken}
    assert all(sig in ids for s in p.woonfuik.stappen for sig in s.signalen)
    assert {v.id for v in p.woonfuik.varianten} == {"rood", "oranje"}


def test_reispatronen_uit_het_onderzoek(p):
    ids = {x.id for x in p.reispatronen.patronen}
    assert {"kastje-naar-de-muur", "afwijzing-op-een-grond", "pas-beweging-bij-crisis", "professionals-oneens"} <= ids
    assert "16" in p.reispatronen.basis and "84" in p.reispatronen.basis


def test_artikelen_bij_clusters_bestaan(p):
    for c in p.clusters:
        for a in c.artikelen:
            assert artikel_bestaat(a), a


def test_onbekend_artikel_bestaat_niet():
    assert not artikel_bestaat("Pw 9999")
    assert artikel_bestaat("pw 52")


def test_herkomst_van_de_rubrieken_vier_uit_de_rapporten(p):
    """The reports name four rubrieken; the rest is inferred from their text, or our own."""
    uit_rapport = {r.naam.lower() for r in p.rubrieken if r.herkomst == "rapport"}
    assert uit_rapport == {"geen postadres", "verslavingsprobleem", "fraudevordering", "geen startkwalificatie"}
    assert {r.id for r in p.rubrieken if r.herkomst == "eigen"} == {r.id for r in p.rubrieken if r.eigen_toevoeging}
    ruw = yaml.safe_load((PATRONEN / "rubrieken.yaml").read_text(encoding="utf-8"))["rubrieken"]
    assert all(r["herkomst"] in ("rapport", "afgeleid", "eigen") for r in ruw)  # in the file, not a default


def _rubriek(**extra) -> dict:
    return {"id": "x", "naam": "X", "domein": "wonen", "uitleg": "Iets.", "bron": ["analyse"]} | extra


@pytest.mark.parametrize(
    "rubriek, melding",
    [
        (_rubriek(), "rubrieken.0.herkomst"),
        (_rubriek(herkomst="verzonnen"), "rubrieken.0.herkomst"),
        (_rubriek(herkomst="eigen"), "eigen_toevoeging: true"),
        (_rubriek(herkomst="rapport", bron=[], eigen_toevoeging=True), "herkomst: eigen"),
    ],
)
def test_herkomst_is_verplicht_en_past_bij_bron(tmp_path, rubriek, melding):
    pad = tmp_path / "rubrieken.yaml"
    pad.write_text(yaml.safe_dump({"rubrieken": [rubriek]}), encoding="utf-8")
    with pytest.raises(DoorbraakFout) as e:
        laad_rubrieken(pad)
    assert "rubrieken.yaml" in str(e.value) and melding in str(e.value)


def test_rubriekentabel_toont_herkomst_en_geen_grafiek(p):
    from docutils import nodes

    from calculators.patronen.boek import RubriekenDirective

    knopen = RubriekenDirective.bouw(RubriekenDirective, p)
    tabellen = [k for k in knopen if isinstance(k, nodes.table)]
    assert not any("balk" in k.astext() for k in knopen if isinstance(k, nodes.raw))  # no chart
    titels = [t.next_node(nodes.title).astext() for t in tabellen]
    assert titels[0].startswith("Aantal rubrieken per domein in onze eigen lijst")

    def rijen(tabel) -> list[list[nodes.entry]]:
        return [list(r.findall(nodes.entry)) for r in tabel.findall(nodes.row)][1:]

    labels = {
        "rapport": "Genoemd in de rapporten",
        "afgeleid": "Afgeleid uit de rapporten",
        "eigen": "Eigen toevoeging",
    }
    per_id = {r[0]["ids"][0]: r for r in rijen(tabellen[1]) if r[0]["ids"]}
    for r in p.rubrieken:
        assert per_id[f"rubriek-{r.id}"][2].astext() == labels[r.herkomst], r.id
    # the count per domein: rubrieken in our list, and how many of those the reports name
    tellingen = {r[0].astext(): (r[1].astext(), r[2].astext()) for r in rijen(tabellen[0])}
    for d in {r.domein for r in p.rubrieken}:
        lijst = [r for r in p.rubrieken if r.domein == d]
        genoemd = len([r for r in lijst if r.herkomst == "rapport"])
        assert tellingen[d] == (str(len(lijst)), str(genoemd)), d


# --- bad input ----------------------------------------------------------------------------
def _kopie(tmp_path: Path) -> Path:
    doel = tmp_path / "patronen"
    shutil.copytree(PATRONEN, doel)
    return doel


def test_leeg_bestand_geeft_nederlandse_melding(tmp_path):
    pad = tmp_path / "rubrieken.yaml"
    pad.write_text("", encoding="utf-8")
    with pytest.raises(DoorbraakFout, match="rubrieken.yaml is leeg"):
        laad_rubrieken(pad)


def test_kapotte_yaml_noemt_regel(tmp_path):
    pad = tmp_path / "knelpunten.yaml"
    pad.write_text("knelpunten:\n  - id: a\n   naam: [b\n", encoding="utf-8")
    with pytest.raises(DoorbraakFout, match=r"geen geldige YAML \(regel \d+\)"):
        laad_knelpunten(pad)


def test_onbekend_domein_noemt_bestand_record_en_veld(tmp_path):
    pad = tmp_path / "rubrieken.yaml"
    pad.write_text(
        yaml.safe_dump(
            {
                "rubrieken": [
                    {
                        "id": "x",
                        "naam": "X",
                        "domein": "sport",
                        "uitleg": "Iets.",
                        "bron": ["update"],
                        "herkomst": "afgeleid",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(DoorbraakFout) as e:
        laad_rubrieken(pad)
    assert "rubrieken.yaml" in str(e.value) and "rubrieken.0.domein" in str(e.value) and "sport" in str(e.value)


def test_dubbele_id_wordt_geweigerd(tmp_path):
    m = _kopie(tmp_path)
    ruw = yaml.safe_load((m / "clusters.yaml").read_text(encoding="utf-8"))
    ruw["clusters"][1]["id"] = ruw["clusters"][0]["id"]
    (m / "clusters.yaml").write_text(yaml.safe_dump(ruw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DoorbraakFout, match="dubbele id 'cluster-1'"):
        laad_clusters(m / "clusters.yaml")


def test_zonder_bron_en_niet_eigen_wordt_geweigerd(tmp_path):
    pad = tmp_path / "rubrieken.yaml"
    pad.write_text(
        yaml.safe_dump(
            {
                "rubrieken": [
                    {"id": "x", "naam": "X", "domein": "wonen", "uitleg": "Iets.", "bron": [], "herkomst": "afgeleid"}
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(DoorbraakFout, match="eigen_toevoeging"):
        laad_rubrieken(pad)


def test_verwijzing_naar_onbekend_artikel_in_cluster(tmp_path):
    m = _kopie(tmp_path)
    ruw = yaml.safe_load((m / "clusters.yaml").read_text(encoding="utf-8"))
    ruw["clusters"][0]["artikelen"].append("Pw 999")
    (m / "clusters.yaml").write_text(yaml.safe_dump(ruw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DoorbraakFout, match="Pw 999"):
        laad_patronen(m)


def test_signaal_dat_geen_rubriek_is(tmp_path):
    m = _kopie(tmp_path)
    ruw = yaml.safe_load((m / "woonfuik.yaml").read_text(encoding="utf-8"))
    ruw["stappen"][0]["signalen"].append("bestaat-niet")
    (m / "woonfuik.yaml").write_text(yaml.safe_dump(ruw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DoorbraakFout, match="onbekende rubriek 'bestaat-niet'"):
        laad_patronen(m)


def test_ontbrekend_bestand(tmp_path):
    with pytest.raises(DoorbraakFout, match="ontbreekt"):
        laad_patronen(tmp_path)


# --- book diagrams (pure functions; the Sphinx build is tested in test_casussen.py) ---------
def test_woonfuik_svg_heeft_tekstalternatief_en_alle_stappen(p):
    from calculators.patronen.boek import fuik_svg

    svg = fuik_svg([(s.nummer, s.naam) for s in p.woonfuik.stappen], "De woonfuik")
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert svg.count("<polygon") == len(p.woonfuik.stappen)
    for s in p.woonfuik.stappen:
        assert s.naam in svg


def test_woonfuik_svg_ontsnapt_tekst():
    from calculators.patronen.boek import fuik_svg

    svg = fuik_svg([(1, "<script>x</script>"), (2, "B & C")], "T")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "B &amp; C" in svg


def test_ingredienten_matrix_klopt_met_de_tabel(p):
    from calculators.patronen.boek import ingredienten_matrix

    namen, matrix = ingredienten_matrix(p)
    rij = dict(zip(namen, matrix, strict=True))
    assert rij["Woonproblematiek"] == [True, True, True, True]
    assert rij["Schulden"] == [False, False, True, False]
    assert rij["Geen uitkering"] == [False, False, False, True]


def test_rubrieken_per_domein_telt_alles(p):
    from calculators.patronen.boek import rubrieken_per_domein

    groepen = rubrieken_per_domein(p)
    assert sum(len(l) for _, l in groepen) == len(p.rubrieken)
    assert [d for d, _ in groepen] == [d for d in laad_vocabulaire().domein_namen if d in {x for x, _ in groepen}]


def test_klein_houdt_eigennamen_en_afkortingen():
    from calculators.patronen.gegevens import klein

    assert klein("Spreekt weinig Nederlands") == "spreekt weinig Nederlands"
    assert klein("Participatiewet-uitkering") == "Participatiewet-uitkering"
    assert klein("ADHD na scheiding") == "ADHD na scheiding"
    assert klein("Geen toegang") == "geen toegang"
