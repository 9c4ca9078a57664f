"""Privacy guard: what a contributor sees when a case text still points to a person."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators.kern.fouten import DoorbraakFout
from calculators.privacy.wacht import (
    Bevinding,
    controleer_casus,
    controleer_tekst,
    k_anonimiteit,
    laad_testset,
    laad_woordenlijst,
    leeftijdsband,
    lees_casus,
    meet_testset,
)

ROOT = Path(__file__).resolve().parents[2]
CASUSSEN = sorted(p for p in (ROOT / "data" / "casussen").glob("*.yaml") if not p.name.startswith("_"))


def soorten(tekst: str) -> list[str]:
    return [b.soort for b in controleer_tekst(tekst)]


def gevonden(tekst: str, stuk: str) -> list[Bevinding]:
    """Findings that overlap ``stuk`` in ``tekst``."""
    s = tekst.index(stuk)
    e = s + len(stuk)
    return [b for b in controleer_tekst(tekst) if b.begin < e and s < b.eind]


# --- the measured quality on our own test set -------------------------------------------


def test_testset_recall_en_vals_alarm(capsys):
    zinnen = laad_testset()
    met = [z for z in zinnen if z.identificatoren]
    assert len(zinnen) >= 40
    assert 0.4 <= len(met) / len(zinnen) <= 0.6, "ongeveer de helft met en de helft zonder gegevens"
    m = meet_testset(zinnen)
    with capsys.disabled():
        print(
            f"\nPrivacycontrole op {m.zinnen} zinnen ({m.zinnen_met} met, {m.zinnen_zonder} zonder gegevens): "
            f"recall {m.recall:.1%} ({m.gevonden}/{m.identificatoren}), "
            f"vals alarm {m.vals_positief:.1%} ({m.vals_alarm_zinnen}/{m.zinnen_zonder})"
        )
        for regel in m.gemist:
            print("  gemist:", regel)
        for regel in m.vals_alarm:
            print("  vals alarm:", regel)
    assert m.recall >= 0.95, m.gemist
    assert m.vals_positief <= 0.10, m.vals_alarm


# --- direct identifiers -------------------------------------------------------------------


def test_bsn_alleen_met_geldige_elfproef():
    assert "BSN" in soorten("Het BSN van de vader is 111222333.")
    assert "BSN" in soorten("Zijn burgerservicenummer is 1234.56.782.")
    # 123456789 fails the 11-proef: it is not a BSN (it may still be a long number).
    assert "BSN" not in soorten("Het nummer 123456789 staat op de brief.")


def test_iban_alleen_met_geldig_controlegetal():
    assert soorten("Het geld ging naar NL91 ABNA 0417 1643 00 van haar ex.") == ["IBAN"]
    assert "IBAN" in soorten("Rekening NL44RABO0123456789 stond op de aanmaning.")
    assert "IBAN" not in soorten("Rekening NL91 ABNA 0417 1643 01 stond op de aanmaning.")


def test_servicenummers_van_organisaties_zijn_geen_persoonsgegeven():
    from calculators.privacy.wacht import controleer_tekst

    tekst = "Bel het Juridisch Loket op 0800-8020 of de Belastingtelefoon 0800-0543, of 0900-1234567."
    assert [b for b in controleer_tekst(tekst) if b.soort == "telefoonnummer"] == []


@pytest.mark.parametrize(
    "tekst, stuk, soort",
    [
        ("Bel haar op 06-23456789 als het misgaat.", "06-23456789", "telefoonnummer"),
        ("Hij belde vanaf +31 6 12345678 naar het wijkteam.", "+31 6 12345678", "telefoonnummer"),
        ("Het vaste nummer is 013 - 1234567.", "013 - 1234567", "telefoonnummer"),
        ("Haar broer in België heeft +32 470 12 34 56.", "+32 470 12 34 56", "telefoonnummer"),
        ("Het nummer 0031 13 123 4567 staat op de brief.", "0031 13 123 4567", "telefoonnummer"),
        ("Mail naar k.devries@hotmail.com voor de stukken.", "k.devries@hotmail.com", "e-mailadres"),
        ("Ze verhuisde naar een kamer in 5038 KL.", "5038 KL", "postcode"),
        ("Het gezin woont op de Lindelaan 14.", "Lindelaan 14", "adres"),
        ("Ze woont op Molenweg 3a naast de school.", "Molenweg 3a", "adres"),
        ("Zijn bus met kenteken VF-123-K staat stil.", "VF-123-K", "kenteken"),
        ("De auto 12-ABC-3 is in beslag genomen.", "12-ABC-3", "kenteken"),
        ("In dossiernummer 2023/04518 staat het besluit.", "2023/04518", "dossiernummer"),
        ("Zijn zaaknummer bij de rechtbank is C/02/123456.", "C/02/123456", "dossiernummer"),
        ("Op 3 maart 2023 kwam de deurwaarder.", "3 maart 2023", "datum"),
        ("De brief van 15-03-2024 kwam te laat.", "15-03-2024", "datum"),
        ("Zij is geboren op 14-07-1986.", "14-07-1986", "geboortedatum"),
        ("Hij is geboren in 1979 en woont alleen.", "1979", "geboortedatum"),
        ("De familie El Amrani kreeg geen opvang.", "El Amrani", "naam"),
        ("Meneer Kowalski werkt in de kassen.", "Kowalski", "naam"),
        ("Mohammed slaapt op de bank bij een neef.", "Mohammed", "naam"),
        ("De 17-jarige zoon blijft thuis.", "17-jarige", "leeftijd"),
        ("Ze woont in Zwiggelte met haar kinderen.", "Zwiggelte", "klein dorp"),
        ("Het echtpaar woont in Tilburg.", "Tilburg", "plaatsnaam"),
        ("De vader is hoefsmid van beroep.", "hoefsmid", "beroep"),
        ("Het gezin houdt twee alpaca's in de tuin.", "alpaca's", "dier"),
    ],
)
def test_directe_en_zeldzame_gegevens_worden_gevonden(tekst, stuk, soort):
    treffers = gevonden(tekst, stuk)
    assert [b.soort for b in treffers] == [soort]


def test_bedrag_met_datum_is_herkenbaar_bedrag_alleen_niet():
    tekst = "Op 12 januari 2024 werd € 1.347,82 afgeschreven."
    assert [b.soort for b in gevonden(tekst, "€ 1.347,82")] == ["bedrag met datum"]
    assert soorten("In 2024 werd € 1.347,82 afgeschreven.") == []


@pytest.mark.parametrize(
    "tekst",
    [
        "Een vrouw van in de dertig met drie kinderen heeft een huurschuld.",
        "Op grond van artikel 2.3.5 van de Wmo 2015 kreeg zij hulp bij het huishouden.",
        "Artikel 4:84 van de Awb geeft ruimte om af te wijken.",
        "Het uurtarief is € 65,40 en de huur is 850 euro per maand.",
        "In 2023 liep de schuld op tot ruim 12.000 euro.",
        "Jongeren onder de 27 jaar krijgen eerst vier weken zoektijd.",
        "De gemeente en de woningcorporatie maakten samen een plan.",
        "De bakker uit de buurt en de visser op de markt hielpen mee.",
        "Het gezin woont in een kleine gemeente in Midden-Brabant.",
        "Een gezin in de Achterhoek wacht op een woning.",
        "De aanvraag werd in 2023 afgewezen.",
        "De inwoner had een hond en twee katten.",
        "Pas bij de deurwaarder kwam alles aan het licht.",
        "Ken je eigen regels, dan zie je meer ruimte.",
        "Artikel 4 (2) van de wet zegt iets over hem.",
        "Zij kreeg hulp via de Wmo (2) en de Jeugdwet (3).",
    ],
)
def test_gewone_casustekst_geeft_geen_vals_alarm(tekst):
    assert controleer_tekst(tekst) == []


# --- advice and places ------------------------------------------------------------------


def test_advies_stelt_een_herschrijving_voor_met_leeftijdsband():
    [b] = gevonden("Mevrouw Jansen (34) woont in een flat.", "Mevrouw Jansen")
    assert b.soort == "naam"
    assert "een vrouw van in de dertig" in b.advies
    assert "Mevrouw Jansen (34)" in b.advies


@pytest.mark.parametrize(
    "leeftijd, band",
    [(34, "van in de dertig"), (41, "van in de veertig"), (15, "een tiener"), (7, "een kind van de basisschool")],
)
def test_leeftijdsband(leeftijd, band):
    assert leeftijdsband(leeftijd) == band


def test_elke_bevinding_heeft_nederlands_advies_en_klopt_met_de_tekst():
    tekst = "Regel een.\nMeneer De Vries belde op 06-23456789 over zijn schuld."
    bevindingen = controleer_tekst(tekst)
    assert {b.soort for b in bevindingen} == {"naam", "telefoonnummer"}
    for b in bevindingen:
        assert tekst[b.begin : b.eind] == b.tekst
        assert b.advies and "TODO" not in b.advies
        assert set(b.als_dict()) == {"soort", "tekst", "positie", "advies"}
    telefoon = next(b for b in bevindingen if b.soort == "telefoonnummer")
    kolom = tekst.split("\n")[1].index("06-23456789") + 1
    assert telefoon.positie == f"regel 2, teken {kolom}"


def test_html_in_tekst_is_gewoon_tekst():
    bevindingen = controleer_tekst("<b onmouseover='x'>Meneer Kowalski</b> werkt hier.")
    assert [b.tekst for b in bevindingen if b.soort == "naam"] == ["Meneer Kowalski"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_elke_tekst_geeft_een_lijst_en_nooit_een_fout(tekst):
    bevindingen = controleer_tekst(tekst)
    assert isinstance(bevindingen, list)
    for b in bevindingen:
        assert 0 <= b.begin < b.eind <= len(tekst)
        assert tekst[b.begin : b.eind] == b.tekst


_WAARDEN = st.recursive(
    st.one_of(st.none(), st.integers(), st.booleans(), st.text(max_size=40), st.dates()),
    lambda kind: st.one_of(st.lists(kind, max_size=3), st.dictionaries(st.text(max_size=8), kind, max_size=3)),
    max_leaves=8,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["titel", "probleem", "jaar", "regio", "kosten", "x"]), _WAARDEN, max_size=5))
def test_elke_casusvorm_geeft_een_lijst_en_nooit_een_fout(casus):
    bevindingen = controleer_casus(casus)
    assert all(isinstance(b, Bevinding) and b.positie.startswith("veld '") for b in bevindingen)


def test_lege_tekst_geeft_niets():
    assert controleer_tekst("") == []
    assert controleer_tekst("   \n ") == []
    assert controleer_tekst(None) == []


def test_lange_tekst_vindt_wat_helemaal_aan_het_eind_staat():
    """A long text (about 200.000 characters) is checked to the end. Its speed is measured by
    `make bench`, not asserted here."""
    blok = (
        "Een moeder van in de dertig kreeg hulp van de gemeente. "
        "Op grond van artikel 2.3.5 van de Wmo 2015 kwam er begeleiding.\n"
    ) * 1700
    tekst = blok + "Meneer Kowalski belde op 06-23456789.\n"
    bevindingen = controleer_tekst(tekst)
    assert {b.soort for b in bevindingen} == {"naam", "telefoonnummer"}
    assert all(b.begin >= len(blok) for b in bevindingen)


def test_te_lange_tekst_geeft_nederlandse_melding():
    with pytest.raises(DoorbraakFout, match="te lang"):
        controleer_tekst("a" * 2_000_001)


# --- cases --------------------------------------------------------------------------------


def test_casus_noemt_het_veld_als_plaats():
    casus = {
        "id": "proef",
        "titel": "Huurschuld na scheiding",
        "regio": "Midden-Brabant",
        "jaar": 2022,
        "wettelijke_basis": ["Pw 52", "Wmo 2015 2.3.5"],
        "probleem": "De vader woont in een flat.\nMevrouw Jansen is zijn buurvrouw.",
        "wat_werkte": ["Snel handelen.", "Bellen met 06-23456789."],
    }
    bevindingen = controleer_casus(casus)
    assert [(b.soort, b.positie) for b in bevindingen] == [
        ("naam", "veld 'probleem', regel 2, teken 1"),
        ("telefoonnummer", "veld 'wat_werkte[2]', regel 1, teken 12"),
    ]


def test_casus_jaar_en_regio_volgen_hun_eigen_regel():
    import datetime

    bevindingen = controleer_casus({"jaar": datetime.date(2023, 3, 12), "regio": "Zwiggelte", "probleem": "Geen."})
    assert {(b.soort, b.veld) for b in bevindingen} == {("datum", "jaar"), ("klein dorp", "regio")}
    assert controleer_casus({"jaar": 2023, "regio": "Midden-Brabant", "probleem": "Geen."}) == []


@pytest.mark.parametrize(
    "inhoud, woorden",
    [
        ("", "leeg"),
        ("titel: [a\n  b: c", "geen geldige YAML"),
        ("- een\n- lijst\n", "geen casus"),
    ],
)
def test_onleesbare_casus_geeft_nederlandse_melding(tmp_path, inhoud, woorden):
    pad = tmp_path / "casus.yaml"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(DoorbraakFout) as fout:
        lees_casus(pad)
    assert woorden in str(fout.value) and "casus.yaml" in str(fout.value)


def test_binaire_casus_geeft_nederlandse_melding(tmp_path):
    pad = tmp_path / "casus.yaml"
    pad.write_bytes(b"\xff\xfe\x00\x01titel")
    with pytest.raises(DoorbraakFout, match="geen tekst"):
        controleer_casus(pad)


@pytest.mark.skipif(not CASUSSEN, reason="nog geen casussen in data/casussen/")
@pytest.mark.parametrize("pad", CASUSSEN, ids=lambda p: p.stem)
def test_de_privacycontrole_vindt_niets_in_de_catalogus(pad):
    bevindingen = controleer_casus(pad)
    assert bevindingen == [], "\n".join(f"{b.positie}: {b.soort} '{b.tekst}' — {b.advies}" for b in bevindingen)


@pytest.mark.skipif(not CASUSSEN, reason="nog geen casussen in data/casussen/")
def test_k_anonimiteit_van_de_catalogus_wordt_gemeld(capsys):
    casussen = [lees_casus(p) for p in CASUSSEN]
    r = k_anonimiteit(casussen, k=3)
    with capsys.disabled():
        print(
            f"\nk-anonimiteit van de catalogus ({len(casussen)} casussen, k=3, velden {', '.join(r.velden)}): "
            f"kleinste groep {r.kleinste}, {len(r.groepen)} groepen, {len(r.te_klein)} te klein"
        )
        for g in r.te_klein:
            print(f"  te klein ({g.aantal}): {g.omschrijving()} — {', '.join(g.casussen)}")
    assert sum(g.aantal for g in r.groepen) == len(casussen)


# --- k-anonymity --------------------------------------------------------------------------


def _c(i, regio, huishouden="alleenstaande", band="27 tot 40", cluster="cluster-1"):
    return {"id": f"c{i}", "regio": regio, "huishouden": huishouden, "leeftijdsband": band, "cluster": cluster}


def test_k_anonimiteit_vindt_de_zeldzame_combinatie():
    casussen = [_c(i, "Midden-Brabant") for i in range(3)] + [_c(i, "Achterhoek") for i in range(3, 6)]
    casussen.append(_c(6, "Achterhoek", band="55 tot AOW-leeftijd"))
    r = k_anonimiteit(casussen, k=3)
    assert not r.voldoet
    assert [g.casussen for g in r.te_klein] == [("c6",)]
    [b] = r.als_bevindingen()
    assert b.soort == "zeldzame combinatie" and "c6" in b.positie and "55 tot AOW-leeftijd" in b.tekst
    assert k_anonimiteit(casussen, k=1).voldoet


def test_k_anonimiteit_telt_ontbrekend_als_onbekend_en_lijsten_als_een_waarde():
    casussen = [{"id": "a", "domeinen": ["wonen", "schulden"]}, {"id": "b", "domeinen": ["schulden", "wonen"]}]
    r = k_anonimiteit(casussen, k=2, velden=["regio", "domeinen"])
    assert r.voldoet
    assert r.groepen[0].combinatie == (("regio", "onbekend"), ("domeinen", "schulden + wonen"))


def test_k_anonimiteit_weigert_k_nul():
    with pytest.raises(DoorbraakFout, match="k moet"):
        k_anonimiteit([], k=0)


# --- word lists ---------------------------------------------------------------------------


def test_alle_gegevensbestanden_van_de_controle_laden():
    from calculators.privacy.wacht import laad_privacy_gegevens

    aantallen = laad_privacy_gegevens()
    assert set(aantallen) == {
        "privacy/beroepen.yaml",
        "privacy/dieren.yaml",
        "privacy/gewone-woorden.yaml",
        "evaluatie/privacy-zinnen.yaml",
    }
    assert all(n > 0 for n in aantallen.values())


def test_kapotte_woordenlijst_noemt_bestand_en_record(tmp_path):
    pad = tmp_path / "beroepen.yaml"
    pad.write_text(
        "bron: eigen lijst\nwoorden:\n  - {woord: imker, algemeen: dieren}\n  - {woord: smid}\n", encoding="utf-8"
    )
    with pytest.raises(DoorbraakFout) as fout:
        laad_woordenlijst(pad)
    tekst = str(fout.value)
    assert "beroepen.yaml" in tekst and "rij 2" in tekst and "algemeen" in tekst


# --- widget -------------------------------------------------------------------------------


def test_widget_markeert_bevindingen_en_ontsnapt_html():
    from calculators.privacy.widget import PrivacyControle

    c = PrivacyControle()
    c.invoer.value = "<script>alert('x')</script>\nMeneer Kowalski belde op 06-23456789."
    bevindingen = c.controleer()
    assert [b.soort for b in bevindingen] == ["naam", "telefoonnummer"]
    uit = c.uitslag.value
    assert '<div role="status" aria-live="polite">' in uit
    assert "<script>" not in uit and "&lt;script&gt;" in uit
    assert '<mark title="naam">Meneer Kowalski</mark>' in uit
    assert "Haal het telefoonnummer weg." in uit
    assert "<caption>Gevonden punten en advies</caption>" in uit


def test_widget_voorbeeld_en_lege_invoer():
    from calculators.privacy.widget import PrivacyControle

    c = PrivacyControle()
    c.voorbeeld.click()
    assert "<mark" in c.uitslag.value and "gevonden" in c.uitslag.value
    c.wis.click()
    assert c.invoer.value == ""
    assert c.controleer() == []
    assert "Het vak is leeg" in c.uitslag.value


def test_widget_weigert_te_lange_tekst_met_uitleg():
    from calculators.privacy.widget import MAX_WIDGET_TEKENS, PrivacyControle

    c = PrivacyControle()
    c.invoer.value = "a " * (MAX_WIDGET_TEKENS // 2 + 1)
    assert c.controleer() == []
    assert "te lang" in c.uitslag.value


def test_widget_schone_tekst():
    from calculators.privacy.widget import PrivacyControle

    c = PrivacyControle()
    c.invoer.value = "Een vader van in de veertig kreeg hulp van de gemeente."
    assert c.controleer() == []
    assert "Niets gevonden" in c.uitslag.value


def test_widget_controleert_een_casusbestand_per_veld():
    from calculators.privacy.widget import PrivacyControle

    c = PrivacyControle()
    c.is_casus.value = True
    c.invoer.value = "titel: Huurschuld\nregio: Midden-Brabant\nprobleem: Meneer Kowalski kreeg een brief.\n"
    [b] = c.controleer()
    assert b.soort == "naam" and b.positie.startswith("veld 'probleem'")
    assert "veld 'probleem'" in html.unescape(c.uitslag.value)
    c.invoer.value = "titel: [kapot\n  b: c"
    assert c.controleer() == []
    assert "geen geldige YAML" in c.uitslag.value
