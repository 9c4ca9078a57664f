"""B1 readability: every page of the book scores Flesch–Douma >= 60 and has short sentences."""

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.taal.leesbaarheid import laad_normen, meet_boek, meet_tekst, platte_tekst, tabel_tekst, zinnen


def test_korte_zinnen_met_korte_woorden_lezen_makkelijk():
    m = meet_tekst("Je helpt een gezin. Het gezin heeft geen huis. Je belt de woningcorporatie.")
    assert m.zinnen == 3
    assert m.woorden == 13
    assert m.gem_zinslengte == pytest.approx(13 / 3, abs=0.01)
    assert m.flesch_douma > 80


def test_lange_ambtelijke_zin_leest_moeilijk():
    zin = (
        "Indien de belanghebbende naar het oordeel van het college onvoldoende medewerking verleent "
        "aan de vaststelling van de rechtmatigheid van de verstrekte uitkering, kan het college "
        "besluiten tot herziening of intrekking van de desbetreffende beschikking."
    )
    m = meet_tekst(zin)
    assert m.zinnen == 1
    assert m.gem_zinslengte > 15
    assert m.flesch_douma < 60
    assert m.problemen(15, 60)


def test_flesch_douma_volgt_de_formule():
    # 206,835 - 0,93 * zinslengte - 77 * lettergrepen per woord
    m = meet_tekst("De kat zit op de mat.")  # 6 woorden, 6 lettergrepen, 1 zin
    assert m.flesch_douma == pytest.approx(206.835 - 0.93 * 6 - 77 * 1.0, abs=0.1)


def test_koppen_en_lijstjes_tellen_als_eigen_zin():
    tekst = platte_tekst("# Wat helpt\n\n- een goed plan\n- een maatwerkbudget\n\nDat is alles.\n")
    assert zinnen(tekst) == ["Wat helpt.", "een goed plan.", "een maatwerkbudget.", "Dat is alles."]


def test_code_gegevens_links_en_wetteksten_tellen_niet_mee():
    bron = textwrap.dedent("""\
        ---
        title: Proef
        ---
        # Proef

        Lees [de wet](https://wetten.overheid.nl/BWBR0015703/2026-07-01#Artikel52) goed.

        ```python
        print("dit is code met een heel lange regel zonder einde")
        ```

        ```{prijstabel}
        ```

        > 1 Iedere in Nederland woonachtige Nederlander die hier te lande in zodanige omstandigheden verkeert.

        Het kost {prijs}`huisuitzetting-kosten-verhuurder` volgens {artikel}`Pw 52`.
        """)
    tekst = platte_tekst(bron)
    assert "https" not in tekst and "print" not in tekst and "woonachtige" not in tekst
    assert "title" not in tekst
    assert zinnen(tekst) == ["Proef.", "Lees de wet goed.", "Het kost dit bedrag volgens dit artikel."]


def test_tekst_in_een_kader_en_de_terugval_van_een_rekenhulp_telt_wel_mee():
    bron = "```{note}\nDit is een tip.\n```\n\n````{rekenhulp} prijzen\n:titel: X\n\nZoek een prijs.\n````\n"
    assert zinnen(platte_tekst(bron)) == ["Dit is een tip.", "Zoek een prijs."]


def test_een_heel_korte_pagina_krijgt_geen_oordeel():
    m = meet_tekst("Een casus bijdragen.")
    assert m.flesch_douma < 60
    assert m.problemen(15, 60, min_woorden=20) == []
    assert m.problemen(15, 60, min_woorden=1)


def test_afkortingen_breken_de_zin_niet():
    assert len(zinnen("Denk aan bijv. een woning of o.a. een uitkering.")) == 1


def test_elke_pagina_van_het_boek_is_b1(capsys):
    normen = laad_normen()
    metingen = meet_boek(normen=normen)
    with capsys.disabled():
        print("\nLeesbaarheid per pagina (zin = gemiddelde zinslengte, FD = Flesch-Douma):")
        print(tabel_tekst(metingen))
    assert len(metingen) >= 40
    problemen = [
        p for m in metingen for p in m.problemen(normen.max_zinslengte, normen.min_flesch_douma, normen.min_woorden)
    ]
    assert not problemen, "Niet op B1-niveau:\n" + "\n".join(problemen)


MYST_STUKJES = st.lists(
    st.sampled_from(
        [
            "# Kop",
            "- punt",
            "1. punt",
            "```",
            "````{note}",
            "```{prijstabel}",
            ":::",
            ":titel: x",
            "> wet",
            "| a | b |",
            "|---|---|",
            "(doel)=",
            "<!-- x",
            "-->",
            "{prijs}`id`",
            "[a](https://x.nl)",
            "Zin.",
            "",
            "Een zin met *nadruk* en **vet**.",
            "---",
            "title: T",
            ": definitie",
            "ééé ÿ 🙂",
        ]
    ),
    max_size=30,
).map("\n".join)


@settings(max_examples=50, deadline=None)
@given(st.one_of(st.text(max_size=400), MYST_STUKJES))
def test_elke_tekst_geeft_een_meting_en_nooit_een_fout(bron):
    from calculators.taal.stijl import controleer_pagina

    m = meet_tekst(platte_tekst(bron))
    assert m.woorden >= 0 and m.zinnen >= 0
    if m.woorden:
        assert m.gem_zinslengte > 0 and m.langste_zin >= 1
    controleer_pagina(bron)


def _uitleg_per_wet():
    from calculators.wetten.artikelen import laad_wetten

    for wet in laad_wetten():
        delen = []
        for a in wet.artikelen:
            u = a.uitleg
            delen += [u.mogelijk, *u.voorwaarden, *u.misverstanden, *u.situaties]
        yield wet.afkorting, "\n".join(delen)


def test_de_uitleg_bij_de_wetsartikelen_is_b1():
    """The law pages show the B1 explanations through a directive; measure that text too (not the law text)."""
    normen = laad_normen()
    problemen = []
    for afkorting, tekst in _uitleg_per_wet():
        m = meet_tekst(tekst, pagina=f"uitleg {afkorting}")
        problemen += m.problemen(normen.max_zinslengte, normen.min_flesch_douma, normen.min_woorden)
    assert not problemen, "\n".join(problemen)
