"""Excel export of the Monitor (pandas + openpyxl): one sheet per view, Dutch headers, euro formats.

Ready to paste into a raadsinformatiebrief: amounts are numbers with a euro format (not text), so
Excel can still add them up. The workbook holds only the figures and file names, no plan text.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pandas as pd

from calculators.monitor.overzicht import Overzicht

EURO = '"€" #,##0.00'
GETAL = "#,##0"
GELDSTROOM_KOPPEN = {"huidig": "Huidig", "dreigend": "Dreigend", "niets_doen": "Niets doen", "doorbraak": "Doorbraak"}


def _f(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def bladen(o: Overzicht) -> dict[str, pd.DataFrame]:
    """The sheets as DataFrames (name → table), in workbook order."""
    samenvatting = pd.DataFrame(
        [
            ("Aantal plannen", o.aantal_plannen),
            ("Ongeldige bestanden (niet geteld)", len(o.ongeldig)),
            ("Plannen met een maatwerkbudget", len(o.maatwerkbudget_per_plan)),
            ("Maatwerkbudget totaal", _f(o.maatwerkbudget_totaal)),
            ("Maatwerkbudget gemiddeld per plan met budget", _f(o.maatwerkbudget_gemiddeld)),
            ("Plannen met een waarschuwing over privacy", len(o.waarschuwingen)),
        ],
        columns=["Onderdeel", "Waarde"],
    )
    return {
        "Samenvatting": samenvatting,
        "Wetten": pd.DataFrame(o.wetten, columns=["Artikel", "Aantal plannen"]),
        "Domeinen": pd.DataFrame(list(o.domeinen.items()), columns=["Domein", "Aantal plannen"]),
        "Maatwerkbudget": pd.DataFrame(
            [(b, float(x)) for b, x in o.maatwerkbudget_per_plan.items()], columns=["Plan (bestand)", "Maatwerkbudget"]
        ),
        "Per geldstroom": pd.DataFrame(
            [(g, *(float(r[k]) for k in GELDSTROOM_KOPPEN)) for g, r in o.per_geldstroom.items()],
            columns=["Geldstroom", *GELDSTROOM_KOPPEN.values()],
        ),
        "Knelpunten": pd.DataFrame(list(o.knelpunten.items()), columns=["Soort knelpunt", "Aantal"]),
        "Knelpunten per organisatie": pd.DataFrame(
            [(org, s, n) for org, rij in o.knelpunten_per_organisatie.items() for s, n in rij.items()],
            columns=["Organisatie", "Soort knelpunt", "Aantal"],
        ),
        "Ongeldige bestanden": pd.DataFrame(o.ongeldig, columns=["Bestand", "Melding"]),
    }


def _euro_kolommen(naam: str, df: pd.DataFrame) -> list[int]:
    if naam == "Maatwerkbudget":
        return [1]
    if naam == "Per geldstroom":
        return list(range(1, df.shape[1]))
    return []


def schrijf_xlsx(o: Overzicht) -> bytes:
    """The workbook as bytes."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as schrijver:
        for naam, df in bladen(o).items():
            df.to_excel(schrijver, sheet_name=naam, index=False)
            blad = schrijver.sheets[naam]
            euro = _euro_kolommen(naam, df)
            for j, kolom in enumerate(df.columns):
                breedte = max([len(str(kolom))] + [len(str(v)) for v in df[kolom].head(200)]) + 2
                blad.column_dimensions[blad.cell(row=1, column=j + 1).column_letter].width = min(max(breedte, 10), 80)
                for i in range(len(df)):
                    cel = blad.cell(row=i + 2, column=j + 1)
                    if j in euro:
                        cel.number_format = EURO
                    elif isinstance(cel.value, int | float) and naam != "Samenvatting":
                        cel.number_format = GETAL
            if naam == "Samenvatting":
                for i, onderdeel in enumerate(df["Onderdeel"]):
                    blad.cell(row=i + 2, column=2).number_format = (
                        EURO if "budget" in onderdeel.lower() and "Plannen" not in onderdeel else GETAL
                    )
            blad.freeze_panes = "A2"
    return buf.getvalue()
