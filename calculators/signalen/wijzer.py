"""The Signalenwijzer's logic: from ticked signals to a picture of the household.

For the chosen signals :func:`beeld` gives

- ``woonfuik``: the furthest step of the woonfuik the signals touch (where the household stands),
- ``plaatsen``: every place in the woonfuik or the analyses (geldproblemen, ggz, jeugdzorg),
- ``clusters``: the giftige cocktails the combination resembles (at least two ingredients),
- ``vragen``: the three questions of the analyse ("Is dit het kernprobleem? Is het een gevolg
  van een ander probleem? Staat het een oplossing in de weg?"), with the hints the analyses give,
- ``eerst``: what to do first — "Bestaanszekerheid éérst": money and a roof come first,
- ``artikelen``: the articles that can help (references the law lookup resolves),
- ``knelpunten`` and ``links`` to the book pages.

Pure functions; no UI library. Unknown ids raise :class:`DoorbraakFout` in Dutch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from calculators.kern.fouten import DoorbraakFout
from calculators.patronen.gegevens import Patronen, laad_patronen
from calculators.signalen.gegevens import GROEP_NAMEN, GROEPEN, Signaal, laad_signalen, vakken

MAX_SIGNALEN = 100
BESTAANSZEKERHEID = ("inkomen", "schulden", "wonen")
PLAN_ADRES = "/voila/render/plan.ipynb"
BOEK = "/book"
VRAGEN = (
    "Is dit het kernprobleem?",
    "Is het een gevolg van een ander probleem?",
    "Staat het een oplossing voor een ander probleem in de weg?",
)
# Which of the three questions a place in an analysis speaks to (index into VRAGEN).
VRAAG_VAN_VAK: dict[tuple[str, str], int] = {
    ("ggz", "oorzaak"): 0,
    ("ggz", "gevolg"): 1,
    ("ggz", "staat-oplossing-in-de-weg"): 2,
    ("geldproblemen", "verergert-andere-problemen"): 0,
    ("jeugdzorg", "symptoombestrijding"): 1,
    ("jeugdzorg", "stelsel-functioneert"): 2,
    ("jeugdzorg", "aanbod-ontbreekt"): 2,
}
PAGINA_VAN_MATRIX = {
    "woonfuik": ("De woonfuik", f"{BOEK}/patronen/woonfuik.html"),
    "geldproblemen": ("Vroeg signaleren", f"{BOEK}/patronen/vroegsignalering.html"),
    "ggz": ("Psychische problemen", f"{BOEK}/patronen/ggz.html"),
    "jeugdzorg": ("Jeugdzorg", f"{BOEK}/patronen/jeugdzorg.html"),
}
PAGINA_CLUSTERS = ("Giftige cocktails", f"{BOEK}/patronen/giftige-cocktails.html")
PAGINA_KNELPUNTEN = ("Knelpunten in het systeem", f"{BOEK}/patronen/systeemknelpunten.html")
EERST_TEKST = "Bestaanszekerheid eerst. Regel eerst geld en een dak boven het hoofd. Daarna komt de rest."
EERST_VRAAG = "Vraag ook naar geld en wonen. Bestaanszekerheid gaat voor: een inkomen en een dak boven het hoofd."


@dataclass
class Beeld:
    """The picture for a set of chosen signals (see the module docstring)."""

    signalen: list[Signaal]
    woonfuik: dict[str, Any] | None
    plaatsen: list[dict[str, Any]]
    clusters: list[dict[str, Any]]
    vragen: list[dict[str, Any]]
    eerst: dict[str, Any]
    artikelen: list[dict[str, str]]
    knelpunten: list[dict[str, str]]
    links: list[dict[str, str]]
    plan_adres: str = ""
    groepen: dict[str, list[str]] = field(default_factory=dict)

    def als_json(self) -> dict[str, Any]:
        return {
            "signalen": [s.id for s in self.signalen],
            "groepen": self.groepen,
            "woonfuik": self.woonfuik,
            "plaatsen": self.plaatsen,
            "clusters": self.clusters,
            "vragen": self.vragen,
            "eerst": self.eerst,
            "artikelen": self.artikelen,
            "knelpunten": self.knelpunten,
            "links": self.links,
            "plan": self.plan_adres,
        }


def kies(ids: Iterable[str], signalen: list[Signaal] | None = None) -> list[Signaal]:
    """The signals for ``ids`` in data order (duplicates once). Unknown ids: one Dutch error naming them."""
    alle = signalen if signalen is not None else laad_signalen()
    per_id = {s.id: s for s in alle}
    gevraagd = [str(i).strip() for i in ids if str(i).strip()]
    if len(gevraagd) > MAX_SIGNALEN:
        raise DoorbraakFout(f"Te veel signalen: kies er hoogstens {MAX_SIGNALEN}.")
    onbekend = [i for i in dict.fromkeys(gevraagd) if i not in per_id]
    if onbekend:
        namen = ", ".join(f"'{i[:60]}'" for i in onbekend[:10])
        raise DoorbraakFout(
            f"Dit signaal bestaat niet: {namen}. Bekijk de lijst met: python -m calculators signalen --lijst"
        )
    gekozen = set(gevraagd)
    return [s for s in alle if s.id in gekozen]


def is_bestaanszekerheid(s: Signaal) -> bool:
    """Money or housing: the domein is inkomen, schulden or wonen, or the signal sits in the money analysis."""
    return s.domein in BESTAANSZEKERHEID or any(p.matrix == "geldproblemen" for p in s.plaats)


def artikel_info(ref: str) -> dict[str, str]:
    """Reference, title and book link of an article the law lookup knows."""
    from calculators.wetten.artikelen import zoek_referentie

    a = zoek_referentie(ref)
    return {
        "referentie": a.referentie,
        "titel": a.titel,
        "wet": a.wet.wet,
        "link": f"{BOEK}/wetten/{a.wet.slug}.html#{a.anker}",
    }


def plan_adres(ids: Iterable[str]) -> str:
    """Link to the plan builder with the chosen signals: ``/voila/render/plan.ipynb?signalen=a,b``."""
    lijst = ",".join(ids)
    return f"{PLAN_ADRES}?signalen={quote(lijst, safe=',-')}" if lijst else PLAN_ADRES


def _woonfuik(gekozen: list[Signaal], p: Patronen) -> dict[str, Any] | None:
    stappen = sorted({int(pl.vak) for s in gekozen for pl in s.plaats if pl.matrix == "woonfuik"})
    if not stappen:
        return None
    verst = {st.nummer: st for st in p.woonfuik.stappen}[stappen[-1]]
    return {
        "stap": verst.nummer,
        "van": len(p.woonfuik.stappen),
        "naam": verst.naam,
        "uitleg": verst.uitleg,
        "wat_kun_je_doen": verst.wat_kun_je_doen,
        "stappen": stappen,
    }


def _plaatsen(gekozen: list[Signaal], p: Patronen) -> list[dict[str, Any]]:
    labels = vakken(p)
    volgorde = {m: list(v) for m, v in labels.items()}
    per: dict[tuple[str, str], list[str]] = {}
    for s in gekozen:
        for pl in s.plaats:
            per.setdefault((pl.matrix, pl.vak), []).append(s.id)
    sleutels = sorted(per, key=lambda k: (list(labels).index(k[0]), volgorde[k[0]].index(k[1])))
    return [{"matrix": m, "vak": v, "label": labels[m][v], "signalen": per[(m, v)]} for m, v in sleutels]


def _clusters(gekozen: list[Signaal], p: Patronen) -> list[dict[str, Any]]:
    ingredienten = {i for s in gekozen for i in s.ingredienten}
    uit: list[dict[str, Any]] = []
    for c in p.clusters:
        namen = list(dict.fromkeys(i.naam for i in c.ingredienten))
        gedekt = [n for n in namen if n in ingredienten]
        if len(gedekt) >= 2:
            uit.append(
                {
                    "id": c.id,
                    "nummer": c.nummer,
                    "naam": c.naam,
                    "gedekt": gedekt,
                    "ontbreekt": [n for n in namen if n not in ingredienten],
                    "doorbraken": [p.doorbraaktype(d).naam for d in c.doorbraken],
                }
            )
    uit.sort(
        key=lambda c: (-len(c["gedekt"]) / (len(c["gedekt"]) + len(c["ontbreekt"])), -len(c["gedekt"]), c["nummer"])
    )
    return uit


def _vragen(gekozen: list[Signaal], p: Patronen) -> list[dict[str, Any]]:
    soorten = {("ggz", s.id): s for s in p.ggz.soorten}
    soorten |= {("jeugdzorg", s.id): s for s in p.jeugdzorg.soorten}
    soorten |= {("geldproblemen", s.id): s for s in p.geldproblemen.soorten}
    hints: list[list[dict[str, Any]]] = [[] for _ in VRAGEN]
    gezien: set[tuple[str, str]] = set()
    for s in gekozen:
        for pl in s.plaats:
            sleutel = (pl.matrix, pl.vak)
            if sleutel not in VRAAG_VAN_VAK:
                continue
            if sleutel in gezien:
                next(h for h in hints[VRAAG_VAN_VAK[sleutel]] if h["vak"] == pl.vak)["signalen"].append(s.id)
                continue
            gezien.add(sleutel)
            soort = soorten[sleutel]
            tekst = " ".join(soort.uitleg.split())
            if pl.matrix == "jeugdzorg":
                tekst += " " + " ".join(p.jeugdzorg.vraag.split())
            hints[VRAAG_VAN_VAK[sleutel]].append(
                {"matrix": pl.matrix, "vak": pl.vak, "naam": soort.naam, "tekst": tekst, "signalen": [s.id]}
            )
    return [{"vraag": v, "hints": hints[i]} for i, v in enumerate(VRAGEN)]


def _eerst(gekozen: list[Signaal], p: Patronen, woonfuik: dict[str, Any] | None) -> dict[str, Any]:
    geld_wonen = [s.id for s in gekozen if is_bestaanszekerheid(s)]
    acties: list[str] = []
    if woonfuik is not None:
        stappen = {st.nummer: st for st in p.woonfuik.stappen}
        acties.append(stappen[woonfuik["stap"]].wat_kun_je_doen)
    geldsoorten = {s.id: s for s in p.geldproblemen.soorten}
    for s in gekozen:
        for pl in s.plaats:
            if pl.matrix == "geldproblemen":
                tekst = geldsoorten[pl.vak].doorbraak
                if tekst and tekst not in acties:
                    acties.append(tekst)
    if any(s.groep == "ggz" or any(pl.matrix == "ggz" for pl in s.plaats) for s in gekozen):
        acties.extend(x for x in p.ggz.lessen[:2] if x not in acties)
    return {
        "bestaanszekerheid": bool(geld_wonen),
        "tekst": EERST_TEKST if geld_wonen else EERST_VRAAG,
        "signalen": geld_wonen,
        "acties": acties,
    }


def beeld(ids: Iterable[str], signalen: list[Signaal] | None = None, patronen: Patronen | None = None) -> Beeld:
    """The picture for the chosen signal ids (see the module docstring)."""
    p = patronen or laad_patronen()
    gekozen = kies(ids, signalen)
    woonfuik = _woonfuik(gekozen, p)
    artikelen: list[dict[str, str]] = []
    for ref in dict.fromkeys(a for s in gekozen for a in s.artikelen):
        info = artikel_info(ref)
        if info["referentie"] not in {a["referentie"] for a in artikelen}:
            artikelen.append(info)
    knelpunten = [
        {"id": k.id, "naam": k.naam, "wat_helpt": k.wat_helpt}
        for k in p.knelpunten
        if any(s.knelpunt == k.id for s in gekozen)
    ]
    clusters = _clusters(gekozen, p)
    links = []
    for m, (titel, pad) in PAGINA_VAN_MATRIX.items():
        if any(pl.matrix == m for s in gekozen for pl in s.plaats):
            links.append({"titel": titel, "pad": pad})
    if clusters:
        links.append({"titel": PAGINA_CLUSTERS[0], "pad": PAGINA_CLUSTERS[1]})
    if knelpunten:
        links.append({"titel": PAGINA_KNELPUNTEN[0], "pad": PAGINA_KNELPUNTEN[1]})
    groepen = {g: [s.id for s in gekozen if s.groep == g] for g in GROEPEN}
    return Beeld(
        signalen=gekozen,
        woonfuik=woonfuik,
        plaatsen=_plaatsen(gekozen, p),
        clusters=clusters,
        vragen=_vragen(gekozen, p),
        eerst=_eerst(gekozen, p, woonfuik),
        artikelen=artikelen,
        knelpunten=knelpunten,
        links=links,
        plan_adres=plan_adres(s.id for s in gekozen),
        groepen={g: v for g, v in groepen.items() if v},
    )


def lijst_json(signalen: list[Signaal] | None = None, patronen: Patronen | None = None) -> list[dict[str, Any]]:
    """Every signal as a plain dict (for ``--lijst --json``), with the labels of its places."""
    p = patronen or laad_patronen()
    labels = vakken(p)
    uit = []
    for s in signalen if signalen is not None else laad_signalen():
        uit.append(
            {
                "id": s.id,
                "tekst": s.tekst,
                "groep": s.groep,
                "domein": s.domein,
                "plaats": [{"matrix": pl.matrix, "vak": pl.vak, "label": labels[pl.matrix][pl.vak]} for pl in s.plaats],
                "ingredienten": list(s.ingredienten),
                "knelpunt": s.knelpunt,
                "artikelen": list(s.artikelen),
                "bron": [b.model_dump() for b in s.bron],
                "eigen_toevoeging": s.eigen_toevoeging,
                "reden": s.reden,
            }
        )
    return uit


def groep_naam(groep: str) -> str:
    return GROEP_NAMEN[groep]
