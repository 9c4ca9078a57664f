"""The maatschappelijke prijslijst: trustworthy rows, forgiving search, a basket that adds up."""

import csv
import re
from decimal import Decimal
from io import StringIO

import pytest

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.prijzen.prijslijst import (
    KOLOMMEN,
    MandRegel,
    laad_prijzen,
    mand_als_csv,
    mand_totalen,
    prijs_per_id,
    zoek_prijzen,
)

ENGELS = re.compile(r"\b(the|used|one|municipality|average|tariff|single|range|midpoint|source|own)\b", re.I)


@pytest.fixture(scope="module")
def prijzen():
    return laad_prijzen()


def test_elke_prijs_heeft_bron_jaar_en_uitleg_bij_de_betrouwbaarheid(prijzen):
    assert len(prijzen) >= 100
    for p in prijzen:
        assert p.bron_url.startswith(("http://", "https://")), p.id
        assert 1990 <= p.jaar <= 2100, p.id
        assert p.betrouwbaarheid in {"sterk", "redelijk", "zwak"}, p.id
        assert len(p.betrouwbaarheid_reden) > 20, p.id


def test_ids_zijn_uniek_en_zonder_volgnummer(prijzen):
    ids = [p.id for p in prijzen]
    assert len(ids) == len(set(ids))
    # duplicates got a meaningful id, not "-2"
    assert not [i for i in ids if re.search(r"-\d$", i) and not re.search(r"-(19|20)\d\d$", i)]


def test_dubbele_namen_hebben_een_onderscheidend_id(prijzen):
    assert {"hulp-bij-het-huishouden-westerveld-2023", "hulp-bij-het-huishouden-meerinzicht-2023"} <= {
        p.id for p in prijzen
    }


def test_bereik_staat_als_laag_en_hoog_met_het_midden_als_bedrag(prijzen):
    met_bereik = [p for p in prijzen if p.bedrag_laag is not None]
    assert met_bereik
    for p in met_bereik:
        assert p.bedrag_laag <= p.bedrag <= p.bedrag_hoog
        assert abs((p.bedrag_laag + p.bedrag_hoog) / 2 - p.bedrag) <= Decimal("0.01"), p.id
    # every remark that names a range has the range stored
    for p in prijzen:
        if re.search(r"bereik \d", p.opmerking):
            assert p.bedrag_laag is not None, p.id


def test_opmerkingen_zijn_nederlands(prijzen):
    assert not [p.id for p in prijzen if ENGELS.search(p.opmerking)]


def test_betrouwbaarheid_volgt_de_regels(prijzen):
    per_id = prijs_per_id(prijzen)
    # statutory national figure
    assert per_id["pleegvergoeding-0-t-m-8-jaar"].betrouwbaarheid == "sterk"
    assert per_id["buitengerechtelijke-incassokosten-minimum"].betrouwbaarheid == "sterk"
    # one municipality's tariff
    assert per_id["hulp-bij-het-huishouden-westerveld-2023"].betrouwbaarheid == "redelijk"
    # news article / old study
    assert per_id["politie-inzet-per-agent"].betrouwbaarheid == "zwak"
    assert per_id["bijstandsuitkering-kosten-gemeente-gemiddeld"].betrouwbaarheid == "zwak"
    # every Zorginstituut reference price is strong, every blog-based figure weak
    for p in prijzen:
        if "zorginstituutnederland.nl" in p.bron_url:
            assert p.betrouwbaarheid == "sterk", p.id
        if "blogspot" in p.bron_url or "bijstandsblues" in p.bron_url:
            assert p.betrouwbaarheid == "zwak", p.id


def test_geldstroom_en_domein_komen_uit_de_vaste_lijst(prijzen):
    voc = laad_vocabulaire()
    for p in prijzen:
        assert p.geldstroom in voc.geldstroom_namen
        assert p.domein in voc.domein_namen


def test_zoeken_vergeeft_typfouten_en_samenstellingen(prijzen):
    assert zoek_prijzen("huisuitzeting", prijzen)[0].prijs.item.startswith("Huisuitzetting")
    assert any("nachtopvang" in t.prijs.id for t in zoek_prijzen("opvang nacht", prijzen))


def test_zoeken_met_filter(prijzen):
    treffers = zoek_prijzen("", prijzen, geldstroom="Jeugdwet", top=500)
    assert treffers and all(t.prijs.geldstroom == "Jeugdwet" for t in treffers)


def test_mand_telt_per_geldstroom(prijzen):
    per_id = prijs_per_id(prijzen)
    a = per_id["hulp-bij-het-huishouden-westerveld-2023"]  # Wmo, 32,40 per uur
    b = per_id["pleegvergoeding-0-t-m-8-jaar"]  # Jeugdwet, 23,32 per dag
    totalen = mand_totalen([MandRegel(a, Decimal(10)), MandRegel(b, Decimal(30))])
    assert totalen == {"Wmo": a.bedrag * 10, "Jeugdwet": b.bedrag * 30}
    with pytest.raises(DoorbraakFout):
        mand_totalen([MandRegel(a, Decimal(-1))])


def test_mand_als_csv_opent_in_nederlandse_excel(prijzen):
    a = prijs_per_id(prijzen)["hulp-bij-het-huishouden-westerveld-2023"]
    tekst = mand_als_csv([MandRegel(a, Decimal("2.5"))])
    rijen = list(csv.reader(StringIO(tekst), delimiter=";"))
    assert rijen[0][:3] == ["item", "eenheid", "bedrag"]
    assert rijen[1][3] == "2,5"  # decimal comma


def test_kapot_prijsbestand_wordt_helemaal_geweigerd(tmp_path):
    goed = {k: "" for k in KOLOMMEN} | {
        "id": "a",
        "item": "A",
        "eenheid": "per uur",
        "bedrag": "10",
        "jaar": "2024",
        "geldstroom": "Wmo",
        "domein": "zorg",
        "bron_titel": "Bron",
        "bron_url": "https://example.nl/",
        "betrouwbaarheid": "zwak",
        "betrouwbaarheid_reden": "Reden.",
    }
    fout = goed | {"id": "b", "item": "B", "bedrag": "tien"}
    pad = tmp_path / "prijzen.csv"
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=KOLOMMEN)
        w.writeheader()
        w.writerows([goed, fout])
    with pytest.raises(DoorbraakFout) as e:
        laad_prijzen(pad)
    [m] = e.value.meldingen
    assert (m.rij, m.kolom) == (3, "bedrag")


# --- search as professionals type it (issue 16) ------------------------------------------


def test_eenheidwoord_is_geen_zoekwoord_maar_een_voorkeur():
    from calculators.prijzen.prijslijst import zoek_prijs_uitkomst

    u = zoek_prijs_uitkomst("beschermd wonen per jaar", top=3)
    assert u.eenheid == "per jaar" and u.zoekwoorden == "beschermd wonen"
    assert u.treffers and "beschermd wonen" in u.treffers[0].prijs.item.lower()
    assert all("bijstandsnorm" not in t.prijs.item.lower() for t in u.treffers)


def test_andere_eenheid_wordt_omgerekend_en_gemarkeerd():
    from calculators.prijzen.prijslijst import zoek_prijs_uitkomst

    u = zoek_prijs_uitkomst("pleegvergoeding per jaar", top=3)
    t = next(t for t in u.treffers if t.prijs.eenheid == "per dag")
    assert t.gevraagde_eenheid == "per jaar"
    assert t.omgerekend == t.prijs.bedrag * 365
    d = t.als_dict()
    assert d["omgerekend"]["eenheid"] == "per jaar" and d["omgerekend"]["van_eenheid"] == "per dag"


def test_uur_wordt_nooit_naar_jaar_omgerekend():
    from calculators.prijzen.prijslijst import zoek_prijs_uitkomst

    u = zoek_prijs_uitkomst("hulp bij het huishouden per jaar", top=3)
    assert u.treffers and all(t.omgerekend is None for t in u.treffers if t.prijs.eenheid == "per uur")


def test_afkorting_uit_de_synoniemenlijst():
    from calculators.prijzen.prijslijst import zoek_prijs_uitkomst

    gevonden = [t.prijs.item.lower() for t in zoek_prijs_uitkomst("hbh", top=3).treffers]
    assert gevonden and all("huishoud" in g for g in gevonden)


def test_niets_gevonden_geeft_suggesties():
    from calculators.prijzen.prijslijst import zoek_prijs_uitkomst

    u = zoek_prijs_uitkomst("dagbestedng kwantumcomputer", top=3)
    assert u.niets_gevonden
    assert u.suggesties and len(u.suggesties) <= 3


def test_meervoud():
    from calculators.prijzen.prijslijst import aantal_prijzen

    assert aantal_prijzen(1) == "1 prijs"
    assert aantal_prijzen(2) == "2 prijzen"
    assert aantal_prijzen(0) == "0 prijzen"


def test_synoniemenlijst_weigert_term_in_twee_groepen(tmp_path):
    from calculators.prijzen.synoniemen import laad_prijs_synoniemen

    pad = tmp_path / "s.yaml"
    pad.write_text(
        "groepen:\n  - termen: [hh, huishoudelijke hulp]\n    bron: x\n  - termen: [HH, hulp thuis]\n    bron: y\n",
        encoding="utf-8",
    )
    with pytest.raises(DoorbraakFout) as fout:
        laad_prijs_synoniemen(pad)
    assert "groep 1" in str(fout.value) and "rij 2" in str(fout.value)


def test_synoniemenlijst_meldt_ontbrekende_bron_met_groepnummer(tmp_path):
    from calculators.prijzen.synoniemen import laad_prijs_synoniemen

    pad = tmp_path / "s.yaml"
    pad.write_text("groepen:\n  - termen: [a b, c d]\n    bron: x\n  - termen: [e f, g h]\n", encoding="utf-8")
    with pytest.raises(DoorbraakFout) as fout:
        laad_prijs_synoniemen(pad)
    assert "rij 2" in str(fout.value) and "bron" in str(fout.value)
