from calculators.kern.fuzzyindex import FuzzyIndex, normaliseer

TEKSTEN = [
    "Huisuitzetting kosten verhuurder",
    "Hulp bij het huishouden",
    "Pleegvergoeding jonge kinderen",
    "Verpleegdag ziekenhuis",
    "Bijstandsnorm alleenstaande",
]


def test_normaliseer_haalt_accenten_en_tekens_weg():
    assert normaliseer("Één café — Überhaupt!") == "een cafe uberhaupt"


def test_tikfout_en_deel_van_samenstelling_vinden_toch():
    idx = FuzzyIndex(TEKSTEN)
    assert idx.zoek("huisuitzeting")[0][0] == 0
    assert idx.zoek("uitzetting")[0][0] == 0
    assert idx.zoek("bijstand")[0][0] == 4


def test_onzin_vindt_niets():
    idx = FuzzyIndex(TEKSTEN)
    assert idx.zoek("yoghurt") == []
    assert idx.zoek("") == []
    assert idx.zoek("!!!") == []


def test_kort_woord_in_lange_vraag_telt_niet_als_treffer():
    # "zorg" zit in "pleegzorg", maar dat maakt "Hulp bij het huishouden" geen treffer
    idx = FuzzyIndex(["Zorg thuis", "Pleegvergoeding"])
    assert all(i != 0 for i, _ in idx.zoek("pleegzorg"))


def test_lege_index():
    assert FuzzyIndex([]).zoek("iets") == []


def test_synoniemen_maken_varianten_van_de_vraag():
    from calculators.kern.fuzzyindex import synoniem_varianten

    groepen = [("ontruiming", "huisuitzetting"), ("pgb", "persoonsgebonden budget")]
    assert synoniem_varianten("Ontruiming voorkomen", groepen) == ["huisuitzetting voorkomen"]
    assert "persoonsgebonden budget aanvragen" in synoniem_varianten("pgb aanvragen", groepen)
    assert synoniem_varianten("niets hiervan", groepen) == []


def test_synoniem_vindt_prijs_met_ander_woord():
    idx = FuzzyIndex(["Huisuitzetting kosten verhuurder", "Hulp bij het huishouden"])
    assert idx.zoek("ontruiming") == []
    assert idx.zoek("ontruiming", varianten=["huisuitzetting"])[0][0] == 0
