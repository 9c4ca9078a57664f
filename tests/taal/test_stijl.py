"""Writing style: no unfinished text, no English, and the fixed words (inwoner) on every page."""

import pytest

from calculators.kern.fouten import DoorbraakFout
from calculators.taal.leesbaarheid import toc_paginas
from calculators.taal.stijl import controleer_pagina, controleer_tekst, laad_stijl


def soorten(tekst):
    return [(b.soort, b.woord.lower()) for b in controleer_tekst(tekst)]


def test_schone_tekst_heeft_geen_bevindingen():
    assert controleer_tekst("Je helpt de inwoner met een passende woning.") == []


def test_todo_en_proeftekst_worden_gevonden():
    assert ("plaatshouder", "todo") in soorten("TODO: dit nog schrijven")
    assert ("plaatshouder", "lorem ipsum") in soorten("Lorem ipsum dolor sit amet.")
    assert ("plaatshouder", "uitleg volgt") in soorten("Uitleg volgt.")


def test_engelse_woorden_worden_gevonden_met_een_alternatief():
    bevindingen = controleer_tekst("We denken out-of-the-box en vragen feedback.")
    assert {b.woord.lower() for b in bevindingen} == {"out-of-the-box", "feedback"}
    assert all(b.soort == "engels" and b.advies for b in bevindingen)


def test_burger_en_client_worden_inwoner():
    bevindingen = controleer_tekst("De burger en de cliënt wachten.")
    assert [(b.woord, b.advies) for b in bevindingen] == [
        ("burger", "gebruik 'inwoner'"),
        ("cliënt", "gebruik 'inwoner'"),
    ]


def test_samenstellingen_zijn_geen_treffer():
    # 'cliëntondersteuning' is a Wmo term and 'burgerzaken' a department: not about the resident.
    assert controleer_tekst("Vraag cliëntondersteuning aan of bel burgerzaken.") == []


def test_todo_in_een_verborgen_opmerking_telt_ook():
    bron = "# Pagina\n\n<!-- TODO later afmaken -->\nDe tekst.\n"
    assert [b.woord for b in controleer_pagina(bron)] == ["TODO"]


def test_code_telt_niet_mee():
    bron = "# Pagina\n\n```python\nx = 'the TODO and feedback'\n```\n\nDe tekst.\n"
    assert controleer_pagina(bron) == []


def test_kapotte_woordenlijst_geeft_een_nederlandse_fout(tmp_path):
    pad = tmp_path / "stijl.yaml"
    pad.write_text("plaatshouders:\n  - woord: TODO\nengels: []\nvoorkeur: []\n", encoding="utf-8")
    with pytest.raises(DoorbraakFout) as fout:
        laad_stijl(pad)
    assert "stijl.yaml" in str(fout.value) + " ".join(str(m) for m in fout.value.meldingen)


def test_elke_pagina_van_het_boek_volgt_de_schrijfwijzer():
    fouten = []
    for naam, pad in toc_paginas():
        if pad.suffix != ".md":
            continue
        for b in controleer_pagina(pad.read_text(encoding="utf-8")):
            fouten.append(f"{naam}: {b}")
    assert not fouten, "Schrijfwijzer:\n" + "\n".join(fouten)


def test_de_uitleg_bij_de_wetsartikelen_volgt_de_schrijfwijzer():
    from calculators.wetten.artikelen import laad_wetten

    fouten = []
    for wet in laad_wetten():
        for a in wet.artikelen:
            u = a.uitleg
            for b in controleer_tekst("\n".join([u.mogelijk, *u.voorwaarden, *u.misverstanden, *u.situaties])):
                fouten.append(f"{wet.afkorting} {a.artikel}: {b}")
    assert not fouten, "\n".join(fouten)
