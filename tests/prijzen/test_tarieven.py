"""Local tariffs as a municipality really has them: Excel exports, typos, and whole-file rejection."""

from decimal import Decimal
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import euro, getal
from calculators.kern.paden import DATA
from calculators.prijzen.prijslijst import laad_prijzen, prijs_per_id, zoek_prijzen
from calculators.prijzen.tarieven import combineer, lees_tarieven

BOM = b"\xef\xbb\xbf"
LANDELIJK_ID = "huishoudelijke-hulp-thuis-referentieprijs"


def csv_bytes(regels: list[str], *, codering="utf-8", bom=True, eol="\r\n") -> bytes:
    data = eol.join(regels).encode(codering) + eol.encode(codering)
    return (BOM if bom else b"") + data


def xlsx_bytes(rijen: list[list]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for rij in rijen:
        ws.append(rij)
    uit = BytesIO()
    wb.save(uit)
    return uit.getvalue()


# --- what Dutch Excel writes ------------------------------------------------------------


def test_excel_csv_met_puntkomma_bom_decimale_komma_en_euroteken():
    data = csv_bytes(
        [
            "id;item;eenheid;bedrag;jaar;geldstroom;bron",
            ";Woonbegeleiding;per uur;€ 1.234,56;2026;Wmo;Contract 2026",
            ";Dagbesteding licht;per dagdeel;48,10;2026;wmo;",
        ]
    )
    prijzen = lees_tarieven(data, "eigen.csv")
    assert [p.bedrag for p in prijzen] == [Decimal("1234.56"), Decimal("48.10")]
    assert all(p.lokaal for p in prijzen)
    assert prijzen[0].bron_titel == "Contract 2026"
    assert prijzen[1].geldstroom == "Wmo"  # case of the geldstroom does not matter


def test_windows_1252_zonder_bom_wordt_goed_gelezen():
    data = csv_bytes(
        [
            "id;item;eenheid;bedrag;jaar;geldstroom",
            ";Cliëntondersteuning café-overleg;per uur;€ 80,00;2025;Wmo",
        ],
        codering="cp1252",
        bom=False,
    )
    [p] = lees_tarieven(data, "export.csv")
    assert p.item == "Cliëntondersteuning café-overleg"
    assert p.bedrag == Decimal("80.00")


def test_kommagescheiden_met_decimale_punt_werkt_ook():
    data = csv_bytes(
        [
            "id,item,eenheid,bedrag,jaar,geldstroom",
            ",Budgetcursus,per traject,450.00,2024,Schuldhulpverlening",
            ',Beschermd wonen plek,per jaar,"45.000,00",2024,Wmo',
        ],
        bom=False,
        eol="\n",
    )
    prijzen = lees_tarieven(data, "lijst.csv")
    assert [p.bedrag for p in prijzen] == [Decimal("450.00"), Decimal("45000.00")]


def test_kolomnamen_mogen_anders_geschreven_zijn():
    data = csv_bytes(
        [
            " ID ; Item;EENHEID; Bedrag (€) ;Jaar;Geld stroom;Bron",
            ";Maatjesproject;per jaar;1.500;2026;Wmo;",
        ]
    )
    [p] = lees_tarieven(data, "x.csv")
    assert p.bedrag == Decimal("1500")
    assert p.eenheid == "per jaar"


def test_lege_regels_aan_het_eind_worden_overgeslagen():
    data = csv_bytes(
        [
            "id;item;eenheid;bedrag;jaar;geldstroom",
            ";Maatjesproject;per jaar;1.500;2026;Wmo",
            ";;;;;",
            ";;;;;",
        ]
    )
    assert len(lees_tarieven(data, "x.csv")) == 1


def test_xlsx_met_getallen_en_tekst():
    data = xlsx_bytes(
        [
            ["id", "item", "eenheid", "bedrag", "jaar", "geldstroom", "bron"],
            [LANDELIJK_ID, None, None, 35.5, 2026, None, "https://www.example.nl/tarieven"],
            [None, "Nieuwe voorziening", "uur", "€ 60,00", 2026, "Wmo", None],
        ]
    )
    prijzen = lees_tarieven(data, "tarieven.xlsx")
    assert prijzen[0].id == LANDELIJK_ID
    assert prijzen[0].bedrag == Decimal("35.5")
    assert prijzen[0].bron_url == "https://www.example.nl/tarieven"
    assert prijzen[1].eenheid == "per uur"  # "uur" is read as "per uur"
    assert prijzen[1].bedrag == Decimal("60.00")


def test_vervangen_neemt_lege_velden_over_van_de_landelijke_prijs():
    landelijk = prijs_per_id(laad_prijzen())[LANDELIJK_ID]
    data = csv_bytes(["id;item;eenheid;bedrag;jaar;geldstroom", f"{LANDELIJK_ID};;;35,00;2026;"])
    [p] = lees_tarieven(data, "x.csv")
    assert (p.item, p.eenheid, p.geldstroom, p.domein) == (
        landelijk.item,
        landelijk.eenheid,
        landelijk.geldstroom,
        landelijk.domein,
    )
    assert p.bedrag == Decimal("35.00") and p.jaar == 2026


def test_nieuwe_items_krijgen_stabiele_lokale_ids():
    data = csv_bytes(
        [
            "item;eenheid;bedrag;jaar;geldstroom",
            "Woonbegeleiding;per uur;60;2026;Wmo",
            "Woonbegeleiding;per uur;70;2026;Wmo",
        ]
    )
    eerste = [p.id for p in lees_tarieven(data, "x.csv")]
    tweede = [p.id for p in lees_tarieven(data, "x.csv")]
    assert eerste == tweede
    assert len(set(eerste)) == 2
    assert all(i.startswith("lokaal-woonbegeleiding") for i in eerste)


# --- broken files: everything is rejected, the message says where ------------------------


def fout_van(data: bytes, naam="eigen.csv") -> DoorbraakFout:
    with pytest.raises(DoorbraakFout) as e:
        lees_tarieven(data, naam)
    return e.value


def test_verkeerd_getal_in_rij_3_noemt_rij_3_en_kolom_bedrag():
    data = csv_bytes(
        [
            "id;item;eenheid;bedrag;jaar;geldstroom",
            ";Goed item;per uur;50,00;2026;Wmo",
            ";Fout item;per uur;vijftig;2026;Wmo",
        ]
    )
    fout = fout_van(data)
    [m] = fout.meldingen
    assert m.rij == 3 and m.kolom == "bedrag"
    assert "rij 3" in str(fout) and "bedrag" in str(fout)
    assert "Traceback" not in str(fout)


def test_xlsx_fout_noemt_de_excel_rij():
    data = xlsx_bytes(
        [
            ["item", "eenheid", "bedrag", "jaar", "geldstroom"],
            ["Goed", "per uur", 10, 2026, "Wmo"],
            ["Goed", "per uur", 10, 2026, "Wmo"],
            ["Fout", "per uur", 10, "volgend jaar", "Wmo"],
        ]
    )
    [m] = fout_van(data, "t.xlsx").meldingen
    assert (m.rij, m.kolom) == (4, "jaar")


def test_alle_fouten_tegelijk_en_niets_half_geladen():
    data = csv_bytes(
        [
            "id;item;eenheid;bedrag;jaar;geldstroom",
            ";Goed item;per uur;50,00;2026;Wmo",
            "bestaat-niet;Iets;per uur;50,00;2026;Wmo",
            ";Iets;per maan;50,00;2026;Wmo",
            ";Iets;per uur;1,234.56;2026;Wmo",
            ";Iets;per uur;-5;2026;Wmo",
            ";Iets;per uur;5;26;Wmo",
            ";Iets;per uur;5;2026;Gemeente",
        ]
    )
    fout = fout_van(data)
    plekken = {(m.rij, m.kolom) for m in fout.meldingen}
    assert plekken == {(3, "id"), (4, "eenheid"), (5, "bedrag"), (6, "bedrag"), (7, "jaar"), (8, "geldstroom")}
    assert "niets geladen" in str(fout)


def test_ontbrekende_kolom_wordt_genoemd():
    fout = fout_van(csv_bytes(["item;eenheid;jaar;geldstroom", "A;per uur;2026;Wmo"]))
    assert "bedrag" in str(fout)


def test_dubbel_vervangen_id_is_een_fout():
    data = csv_bytes(
        [
            "id;item;eenheid;bedrag;jaar;geldstroom",
            f"{LANDELIJK_ID};;;35;2026;",
            f"{LANDELIJK_ID};;;36;2026;",
        ]
    )
    [m] = fout_van(data).meldingen
    assert (m.rij, m.kolom) == (3, "id")


@pytest.mark.parametrize(
    "data,naam",
    [
        (b"", "leeg.csv"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "oud.xls"),
        (b"PK\x03\x04 kapot", "kapot.xlsx"),
        (b"\x00\x01\x02" * 10, "binair.csv"),
    ],
)
def test_onleesbare_bestanden_geven_een_nederlandse_melding(data, naam):
    fout = fout_van(data, naam)
    assert naam in str(fout)


def test_te_groot_bestand_wordt_geweigerd():
    fout = fout_van(b"item;eenheid;bedrag;jaar;geldstroom\r\n" + b"x" * 5_100_000)
    assert "te groot" in str(fout)


# --- combining ---------------------------------------------------------------------------


def test_combineer_vervangt_op_id_en_vult_aan():
    landelijk = laad_prijzen()
    data = csv_bytes(
        [
            "id;item;eenheid;bedrag;jaar;geldstroom",
            f"{LANDELIJK_ID};;;35,00;2026;",
            ";Maatjesproject;per jaar;1.500;2026;Wmo",
        ]
    )
    samen = combineer(landelijk, lees_tarieven(data, "x.csv"))
    assert len(samen) == len(landelijk) + 1
    per_id = prijs_per_id(samen)
    assert per_id[LANDELIJK_ID].bedrag == Decimal("35.00") and per_id[LANDELIJK_ID].lokaal
    # same place in the list as the national price
    assert [p.id for p in samen].index(LANDELIJK_ID) == [p.id for p in landelijk].index(LANDELIJK_ID)
    assert samen[-1].item == "Maatjesproject"
    # the search finds the local item
    assert zoek_prijzen("maatjes", samen)[0].prijs.item == "Maatjesproject"


def test_sjablonen_zijn_geldig_en_gelijk():
    uit_csv = lees_tarieven(DATA / "sjablonen" / "eigen-tarieven.csv")
    uit_xlsx = lees_tarieven(DATA / "sjablonen" / "eigen-tarieven.xlsx")
    assert [(p.id, p.bedrag, p.eenheid, p.jaar, p.geldstroom) for p in uit_csv] == [
        (p.id, p.bedrag, p.eenheid, p.jaar, p.geldstroom) for p in uit_xlsx
    ]
    assert len(uit_csv) >= 2
    assert any(not p.id.startswith("lokaal-") for p in uit_csv)  # shows how to override
    assert any(p.id.startswith("lokaal-") for p in uit_csv)  # and how to add


# --- property: any amount written the Dutch way comes back exactly ----------------------


@settings(max_examples=30, deadline=None)
@given(
    st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["getal", "euro"]),
    st.sampled_from(["utf-8-sig", "cp1252"]),
)
def test_elk_nederlands_geschreven_bedrag_komt_exact_terug(bedrag, vorm, codering):
    tekst = getal(bedrag) if vorm == "getal" else euro(bedrag)
    regels = ["item;eenheid;bedrag;jaar;geldstroom", f"Proef;per uur;{tekst};2026;Wmo"]
    data = ("\r\n".join(regels) + "\r\n").encode(codering, errors="strict")
    [p] = lees_tarieven(data, "proef.csv")
    assert p.bedrag == bedrag


def test_titelregel_boven_de_tabel_wordt_overgeslagen_en_rijnummers_kloppen():
    data = xlsx_bytes(
        [
            ["Tarieven Wmo gemeente 2026"],
            [],
            ["id", "item", "eenheid", "bedrag", "jaar", "geldstroom"],
            [None, "Goed", "per uur", 10, 2026, "Wmo"],
            [None, "Fout", "per uur", "#WAARDE!", 2026, "Wmo"],
        ]
    )
    [m] = fout_van(data, "t.xlsx").meldingen
    assert (m.rij, m.kolom) == (5, "bedrag")  # the row number Excel shows


def test_tariefrij_is_een_pydantic_model_met_nederlandse_meldingen_per_kolom():
    from pydantic import ValidationError

    from calculators.kern.vocabulaire import laad_vocabulaire
    from calculators.prijzen.prijslijst import laad_prijzen, prijs_per_id
    from calculators.prijzen.tarieven import TariefRij

    context = {"landelijk": prijs_per_id(laad_prijzen()), "voc": laad_vocabulaire()}
    # A row that replaces a national price takes its empty fields from that price.
    rij = TariefRij.model_validate(
        {"id": "begeleiding-thuis-referentieprijs", "bedrag": "70,00", "jaar": "2026"}, context=context
    )
    import csv

    with open(DATA / "prijzen.csv", encoding="utf-8") as f:
        landelijk = next(r for r in csv.DictReader(f) if r["id"] == "begeleiding-thuis-referentieprijs")
    assert (rij.item, rij.eenheid, rij.geldstroom, rij.bedrag) == (
        landelijk["item"],
        landelijk["eenheid"],
        landelijk["geldstroom"],
        Decimal("70.00"),
    )
    # Every wrong field is named, in Dutch, in one go.
    with pytest.raises(ValidationError) as fout:
        TariefRij.model_validate(
            {"item": "Iets", "eenheid": "per eeuw", "bedrag": "1,234.56", "jaar": "26", "geldstroom": "Onbekend"},
            context=context,
        )
    per_kolom = {e["loc"][0]: e["msg"] for e in fout.value.errors()}
    assert set(per_kolom) == {"eenheid", "bedrag", "jaar", "geldstroom"}
    assert per_kolom["eenheid"].startswith("onbekende eenheid 'per eeuw'")
    assert "geen jaar" in per_kolom["jaar"] and "kies uit" in per_kolom["geldstroom"]
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        TariefRij.model_validate({"item": "x", "kolom_die_niet_bestaat": 1}, context=context)
