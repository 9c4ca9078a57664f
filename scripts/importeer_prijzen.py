"""One-off import of the sourced reference price list into data/prijzen.csv.

Kept so that anyone can see how data/prijzen.csv was first derived from
shared/reference/prijzen/prijzen.csv (102 rows). After the import, data/prijzen.csv is
the single source of truth and is edited by hand; do not re-run this over edits.

Usage: python scripts/importeer_prijzen.py ../shared/reference/prijzen/prijzen.csv
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata

STERK_ITEMS = (
    "Bijstandsnorm",
    "Wettelijk minimumloon",
    "Zorgtoeslag",
    "Beschermingsbewind",
    "Griffierecht",
    "Standaardpremie",
    "Verplicht eigen risico",
    "Wmo abonnementstarief",
    "Individuele begeleiding Wlz-pgb",
    "Bestuursrechtelijke premie",
    "Bestuurlijke boete",
    "Pleegvergoeding",
)
STERK_DOMEINEN = ("zorginstituutnederland.nl", "officielebekendmakingen.nl", "wetten.overheid.nl")
REDELIJK_DOMEINEN = (
    "gemeente",
    "noordwijk.nl",
    "lokaleregelgeving.overheid.nl",
    "repository.officiele-overheidspublicaties.nl",
    "meerinzicht.nl",
    "drimmelen.nl",
    "jaarverslag.nvvk.nl",
    "rijksoverheid.nl",
    "rpsw.nl",
)


def slug(tekst: str) -> str:
    tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    tekst = re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-")
    return re.sub(r"-+", "-", tekst)[:60].strip("-")


def betrouwbaarheid(rij: dict) -> tuple[str, str]:
    url, item = rij["bron_url"], rij["item"]
    if item.startswith(STERK_ITEMS) or any(d in url for d in STERK_DOMEINEN):
        if "zorginstituutnederland" in url:
            return "sterk", "Landelijke referentieprijs uit de Kostenhandleiding van het Zorginstituut."
        return "sterk", "Landelijk of wettelijk vastgesteld bedrag."
    if any(d in url for d in REDELIJK_DOMEINEN):
        return (
            "redelijk",
            "Tarief of cijfer van één gemeente, regio of landelijke organisatie; lokaal kan het anders zijn.",
        )
    return "zwak", "Schatting uit een nieuwsbericht, blog of oude studie; alleen als indicatie gebruiken."


def main(bron: str, doel: str = "data/prijzen.csv") -> None:
    rijen = list(csv.DictReader(open(bron, encoding="utf-8")))
    uit, gezien = [], set()
    for r in rijen:
        basis = slug(r["item"])
        ident, n = basis, 2
        while ident in gezien:
            ident, n = f"{basis}-{n}", n + 1
        gezien.add(ident)
        laag = hoog = ""
        m = re.search(r"range\s+([\d.]+)\s*-\s*([\d.]+)", r["opmerking"])
        if m:
            laag, hoog = m.group(1), m.group(2)
        grade, reden = betrouwbaarheid(r)
        uit.append(
            {
                "id": ident,
                "item": r["item"],
                "omschrijving": r["omschrijving"],
                "eenheid": r["eenheid"],
                "bedrag": r["bedrag_eur"],
                "bedrag_laag": laag,
                "bedrag_hoog": hoog,
                "jaar": r["jaar"],
                "geldstroom": "Schuldhulpverlening" if r["geldstroom"] == "Wgs" else r["geldstroom"],
                "domein": r["domein"],
                "bron_titel": r["bron_titel"],
                "bron_url": r["bron_url"],
                "betrouwbaarheid": grade,
                "betrouwbaarheid_reden": reden,
                "opmerking": r["opmerking"],
            }
        )
    with open(doel, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(uit[0]))
        w.writeheader()
        w.writerows(uit)
    print(f"{len(uit)} rijen geschreven naar {doel}")


if __name__ == "__main__":
    main(*sys.argv[1:])
