"""Price level: amounts from old sources shown in today's prices, with the CBS CPI."""

from decimal import Decimal

import pytest

from calculators.kern.fouten import DoorbraakFout
from calculators.prijzen.prijslijst import laad_prijzen, prijs_per_id
from calculators.prijzen.prijspeil import indexeer, jaren, laad_cpi, op_prijspeil, probeer_op_prijspeil


def test_reeks_is_compleet_en_heeft_bronnen():
    reeks = laad_cpi()
    eerste, laatste = jaren(reeks)
    assert eerste <= 2012 and laatste >= 2025
    assert list(reeks) == list(range(eerste, laatste + 1))
    assert all(str(r.bron_url).startswith("https://") for r in reeks.values())


def test_indexeren_volgt_de_cbs_cijfers():
    # CBS 71905ned: 2015 = 2.790,8 and 2019 = 2.962,7 (1900 = 100)
    verwacht = (Decimal(1000) * Decimal("2962.7") / Decimal("2790.8")).quantize(Decimal("0.01"))
    assert indexeer(1000, 2015, 2019) == verwacht


def test_afgeleide_jaren_volgen_de_officiele_inflatie():
    # CBS: inflatie 2022 was 10,0%; 2024 was 3,3%. The index is stored with one decimal,
    # so a few cents of rounding on 1.000 euro are allowed.
    assert abs(indexeer(1000, 2021, 2022) - Decimal("1100.00")) <= Decimal("0.10")
    assert abs(indexeer(1000, 2023, 2024) - Decimal("1033.00")) <= Decimal("0.10")


def test_cbs_reeks_2015_is_100_benadert_de_afleiding():
    # CBS 83136NED: CPI 2022 (2015 = 100) = 121,43. The derived series may differ by rounding only.
    assert abs(indexeer(100, 2015, 2022) - Decimal("121.43")) < Decimal("0.2")


def test_heen_en_terug_geeft_hetzelfde_bedrag():
    assert abs(indexeer(indexeer(5000, 2013, 2025), 2025, 2013) - 5000) <= Decimal("0.01")


def test_zelfde_jaar_verandert_niets():
    assert indexeer(Decimal("123.45"), 2020, 2020) == Decimal("123.45")


@pytest.mark.parametrize("van,naar", [(1980, 2020), (2020, 2099), (2026, 2025)])
def test_buiten_de_reeks_is_een_nederlandse_fout(van, naar):
    with pytest.raises(DoorbraakFout) as e:
        indexeer(100, van, naar)
    tekst = str(e.value)
    assert "prijsindex" in tekst and "Kies een jaar" in tekst


def test_prijs_op_prijspeil_toont_origineel_en_nieuw_bedrag_ook_voor_een_bereik():
    p = prijs_per_id(laad_prijzen())["huisuitzetting-kosten-verhuurder"]  # 5.000–10.000, prijspeil 2014
    op = op_prijspeil(p, 2025)
    assert op.origineel == p.bedrag
    assert op.bedrag > p.bedrag
    assert op.bedrag_laag == indexeer(p.bedrag_laag, p.jaar, 2025)
    assert op.bedrag_hoog == indexeer(p.bedrag_hoog, p.jaar, 2025)
    d = op.als_dict()
    assert d["bedrag"] == float(p.bedrag) and d["prijspeil"] == 2025


def test_probeer_geeft_none_voor_een_prijs_zonder_index():
    p = prijs_per_id(laad_prijzen())["wettelijk-minimumloon-per-uur-21-per-1-1-2026"]
    assert probeer_op_prijspeil(p, 2025) is None


def test_kapot_cpi_bestand_noemt_rij_en_kolom(tmp_path):
    pad = tmp_path / "cpi.csv"
    pad.write_text(
        "jaar,cpi,jaarmutatie,afgeleid,bron_titel,bron_url,opmerking\n"
        "2020,100,,nee,CBS,https://www.cbs.nl/,\n"
        "2021,honderd,,nee,CBS,https://www.cbs.nl/,\n",
        encoding="utf-8",
    )
    with pytest.raises(DoorbraakFout) as e:
        laad_cpi(pad)
    [m] = e.value.meldingen
    assert (m.rij, m.kolom) == (3, "cpi")


def test_gat_in_de_reeks_wordt_gemeld(tmp_path):
    pad = tmp_path / "cpi.csv"
    pad.write_text(
        "jaar,cpi,jaarmutatie,afgeleid,bron_titel,bron_url,opmerking\n"
        "2020,100,,nee,CBS,https://www.cbs.nl/,\n"
        "2022,104,,nee,CBS,https://www.cbs.nl/,\n",
        encoding="utf-8",
    )
    with pytest.raises(DoorbraakFout, match="2021"):
        laad_cpi(pad)


def test_peil_tekst_voor_de_lezer():
    from calculators.kern.opmaak import euro
    from calculators.prijzen.prijspeil import peil_tekst

    per_id = prijs_per_id(laad_prijzen())
    p = per_id["huisuitzetting-kosten-verhuurder"]
    tekst = peil_tekst(p, 2025)
    assert tekst.startswith("in prijzen van 2025: ")
    assert euro(indexeer(p.bedrag, p.jaar, 2025)) in tekst
    assert euro(indexeer(p.bedrag_laag, p.jaar, 2025)) in tekst  # the range is shown too
    assert peil_tekst(p, p.jaar) == f"al in prijzen van {p.jaar}"
    assert "niet om te rekenen" in peil_tekst(per_id["wettelijk-minimumloon-per-uur-21-per-1-1-2026"], 2025)
