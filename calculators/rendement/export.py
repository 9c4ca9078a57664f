"""Save and load a plan (JSON) and a printable summary (Markdown, HTML print view).

The JSON format is the plan file the CLI reads (documented in the book, page
"Het planbestand"). Numbers are written exactly as their Decimal value, so
``lees_json(schrijf_json(plan)) == plan`` and the text itself round-trips too.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import datum, euro, getal
from calculators.kern.paden import DATA
from calculators.kern.veilig import losse_surrogaat, neutraliseer, zonder_losse_surrogaten
from calculators.prijzen.prijslijst import Prijs
from calculators.rendement.model import (
    NIETS_DOEN,
    Plan,
    Regel,
    Uitkomst,
    _index,
    bereken,
    gevoeligheid,
    lees_plan,
    los_op,
    maand_tekst,
    procent,
    uitleg,
)

MAX_BESTAND = 2_000_000  # tekens; een plan is veel kleiner
VOORBEELDPLAN = DATA / "voorbeelden" / "plan-voorbeeld.json"


def regel_als_dict(regel: Regel) -> dict[str, Any]:
    """A line as a JSON-ready dict; empty fields are left out."""
    d: dict[str, Any] = {}
    if regel.omschrijving:
        d["omschrijving"] = regel.omschrijving
    if regel.prijs_id:
        d["prijs_id"] = regel.prijs_id
    if regel.bedrag is not None:
        d["bedrag"] = regel.bedrag
    d["aantal"] = regel.aantal
    if regel.soort:
        d["soort"] = regel.soort
    if regel.geldstroom:
        d["geldstroom"] = regel.geldstroom
    return d


def plan_als_dict(plan: Plan) -> dict[str, Any]:
    """The plan as a dict with Decimals (use :func:`schrijf_json` to get text)."""
    d: dict[str, Any] = {}
    if plan.titel:
        d["titel"] = plan.titel
    d["horizon_jaren"] = plan.horizon_jaren
    d["kans_dreigend"] = plan.kans_dreigend
    d["discontovoet"] = plan.discontovoet
    d["scenarios"] = {s: [regel_als_dict(r) for r in regels] for s, regels in plan.scenarios.items()}
    return d


def _json_exact(waarde: Any) -> str:
    """JSON text in which every Decimal is written as an exact JSON number."""
    merk = f"@@getal-{uuid.uuid4().hex}-"
    getallen: list[str] = []

    def vervang(v: Any) -> Any:
        if isinstance(v, Decimal):
            getallen.append(_getal_tekst(v))
            return f"{merk}{len(getallen) - 1}@@"
        if isinstance(v, dict):
            return {k: vervang(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [vervang(x) for x in v]
        return v

    tekst = json.dumps(vervang(waarde), ensure_ascii=False, indent=2)
    for i, g in enumerate(getallen):
        tekst = tekst.replace(f'"{merk}{i}@@"', g, 1)
    # a lone surrogate typed in the browser (half an emoji) cannot be saved as UTF-8; the
    # browser shows it as U+FFFD, so the file does too (the download matches the screen)
    return zonder_losse_surrogaten(tekst) + "\n"


def _getal_tekst(d: Decimal) -> str:
    """A Decimal as JSON number text, without exponent when that is short."""
    tekst = format(d, "f")
    return tekst if len(tekst) <= 40 else str(d)


def schrijf_json(plan: Plan) -> str:
    """The plan as JSON text (UTF-8, readable, exact numbers)."""
    return _json_exact(plan_als_dict(plan))


def _geen_constante(naam: str):
    raise ValueError(f"'{naam}' is geen getal")


def lees_json(
    tekst: str | bytes, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None, bestand: str | None = "plan.json"
) -> Plan:
    """Read a plan from JSON text. Every problem becomes a :class:`DoorbraakFout` in Dutch."""
    naam = bestand or "het plan"
    if isinstance(tekst, bytes):
        try:
            tekst = tekst.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DoorbraakFout(f"Het bestand {naam} is geen tekstbestand (UTF-8). Kies een JSON-bestand.") from None
    tekst = tekst.lstrip("\ufeff")
    if len(tekst) > MAX_BESTAND:
        raise DoorbraakFout(f"Het bestand {naam} is te groot voor een plan.")
    if not tekst.strip():
        raise DoorbraakFout(f"Het bestand {naam} is leeg. Kies een planbestand (JSON).")
    try:
        data = json.loads(tekst, parse_float=Decimal, parse_int=Decimal, parse_constant=_geen_constante)
    except RecursionError:
        raise DoorbraakFout(f"Het bestand {naam} is te diep genest. Dit is geen planbestand.") from None
    except (json.JSONDecodeError, ValueError) as e:
        if isinstance(e, json.JSONDecodeError):
            plek = f" Kijk bij regel {e.lineno}, teken {e.colno}."
        else:
            plek = ""
        raise DoorbraakFout(f"Het bestand {naam} is geen geldige JSON.{plek}") from None
    _controleer_tekens(data, naam)
    return lees_plan(data, prijzen, bestand=bestand)


def _controleer_tekens(waarde: Any, naam: str, plek: str = "") -> None:
    """Refuse lone surrogates (``\ud800``: half an emoji, as JavaScript cuts it). They cannot
    be written as UTF-8, so the plan could not be saved or printed; refuse before loading."""
    if isinstance(waarde, str):
        if losse_surrogaat(waarde) is not None:
            waar = f" bij '{plek}'" if plek else ""
            raise DoorbraakFout(
                f"Het bestand {naam} bevat{waar} een kapot teken (een half emoji-teken, \\ud800 tot \\udfff). "
                "Haal dat teken weg of typ het opnieuw, en laad het plan dan opnieuw."
            )
    elif isinstance(waarde, dict):
        for k, v in waarde.items():
            _controleer_tekens(k, naam, plek)
            _controleer_tekens(v, naam, f"{plek}.{k}" if plek else str(k))
    elif isinstance(waarde, list):
        for i, v in enumerate(waarde):
            _controleer_tekens(v, naam, f"{plek}.{i + 1}")


def laad_voorbeeldplan(
    pad: Path | str | None = None, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None
) -> Plan:
    """Load the worked example (data/voorbeelden/plan-voorbeeld.json) or another plan file."""
    bestand = Path(pad) if pad is not None else VOORBEELDPLAN
    try:
        tekst = bestand.read_bytes()
    except OSError:
        raise DoorbraakFout(f"Het planbestand {bestand.name} kan niet gelezen worden.") from None
    return lees_json(tekst, prijzen, bestand=bestand.name)


# --- printable summary ---------------------------------------------------------------


def _md(tekst: str) -> str:
    """Escape text for a Markdown table cell; a formula start (= + - @) gets a ' in front."""
    return (
        str(neutraliseer(str(tekst))).replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ")
    )


def gebruikte_prijzen(plan: Plan, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None) -> list[Prijs]:
    """The prices the plan uses, each once, in order of first use."""
    index = _index(prijzen)
    gezien: dict[str, Prijs] = {}
    for regels in plan.scenarios.values():
        for r in regels:
            if r.prijs_id and r.prijs_id in index:
                gezien.setdefault(r.prijs_id, index[r.prijs_id])
    return list(gezien.values())


TITEL_STANDAARD = "Wat levert het op?"


def samenvatting_markdown(
    plan: Plan, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None, op: _dt.date | None = None
) -> str:
    """A printable summary (Markdown) for the case file, with the sources of every price.

    ``op`` is the date printed under the title (default: today).
    """
    index = _index(prijzen)
    u = bereken(plan, index)
    g = gevoeligheid(plan, index)
    uit: list[str] = []
    uit.append(f"# {_md(plan.titel) if plan.titel else TITEL_STANDAARD}")
    uit.append("")
    uit.append(f"Rendementsberekening gemaakt met Doorbraakwijzer op {datum(op or _dt.date.today())}.")
    uit.append("")
    uit.append(uitleg(u))
    uit.append("")
    uit.append("## Uitgangspunten")
    uit.append("")
    uit.append(f"- Kans dat het dreigend scenario gebeurt: {procent(plan.kans_dreigend)}")
    uit.append(f"- Horizon: {plan.horizon_jaren} jaar")
    uit.append(f"- Discontovoet: {procent(plan.discontovoet)} per jaar")
    uit.append("")
    uit.append("## Uitkomst")
    uit.append("")
    uit.append("| Scenario | Kosten |")
    uit.append("|---|---:|")
    for s, b in u.totaal.items():
        uit.append(f"| {_md(s)} | {euro(b)} |")
    uit.append(f"| niets doen (verwacht) | {euro(u.niets_doen)} |")
    uit.append("")
    uit.append("| Plan | Scheelt | Terugverdiend |")
    uit.append("|---|---:|---|")
    for d, b in u.netto.items():
        uit.append(f"| {_md(d)} | {euro(b)} | {maand_tekst(u.break_even_maand[d], u.horizon_jaren)} |")
    uit.append("")
    uit.append("## Per geldstroom")
    uit.append("")
    kolommen = [*u.totaal, NIETS_DOEN]
    koppen = [_md(k.replace("_", " ")) for k in kolommen] + [f"Scheelt bij {_md(d)}" for d in u.alternatieven]
    uit.append("| Geldstroom | " + " | ".join(koppen) + " |")
    uit.append("|---|" + "---:|" * len(koppen))
    for geld, rij in u.per_geldstroom.items():
        cellen = [euro(rij[k]) for k in kolommen] + [euro(u.netto_per_geldstroom[geld][d]) for d in u.alternatieven]
        uit.append(f"| {_md(geld)} | " + " | ".join(cellen) + " |")
    uit.append("")
    uit.append(
        "Scheelt: wat deze geldstroom bespaart met het plan. Een negatief bedrag betekent: "
        "deze geldstroom betaalt meer."
    )
    uit.append("")
    uit.append("## Als de kans of de horizon anders is")
    uit.append("")
    for d, tabel in g.netto.items():
        uit.append(f"Wat '{_md(d)}' scheelt bij een andere kans (rijen) en horizon (kolommen):")
        uit.append("")
        uit.append("| Kans | " + " | ".join(f"{h} jaar" for h in g.horizonnen) + " |")
        uit.append("|---|" + "---:|" * len(g.horizonnen))
        for kans in g.kansen:
            uit.append(f"| {procent(kans)} | " + " | ".join(euro(tabel[(kans, h)]) for h in g.horizonnen) + " |")
        uit.append("")
    uit.append("## Alle regels")
    uit.append("")
    uit.append("| Scenario | Regel | Bedrag | Aantal | Soort | Geldstroom | Bron |")
    uit.append("|---|---|---:|---:|---|---|---|")
    for s, regels in plan.scenarios.items():
        for r in regels:
            rp = los_op(r, index)
            bron = f"prijslijst: {_md(rp.prijs.id)}" if rp.prijs else "eigen bedrag"
            if rp.prijs and r.bedrag is not None:
                bron += " (eigen bedrag)"
            uit.append(
                f"| {_md(s)} | {_md(rp.omschrijving)} | {euro(rp.bedrag)} | {getal(rp.aantal, 4)} | "
                f"{rp.soort} | {_md(rp.geldstroom)} | {bron} |"
            )
    uit.append("")
    uit.append("## Bronnen van de prijzen")
    uit.append("")
    gebruikt = gebruikte_prijzen(plan, index)
    if not gebruikt:
        uit.append("Dit plan gebruikt alleen eigen bedragen.")
    for p in gebruikt:
        lokaal = " Lokaal tarief." if p.lokaal else ""
        uit.append(
            f"- **{_md(p.item)}** ({_md(p.id)}): {euro(p.bedrag)} {_md(p.eenheid)}, prijspeil {p.jaar}, "
            f"betrouwbaarheid {_md(p.betrouwbaarheid)}.{lokaal} Bron: [{_md(p.bron_titel)}]({p.bron_url})"
        )
    uit.append("")
    uit.append("Let op: dit is een schatting, geen zekerheid. Prijzen zijn niet geïndexeerd.")
    uit.append("")
    return zonder_losse_surrogaten("\n".join(uit))


# Print layout: A4, every table fits the page width (long words and links wrap, amounts never do).
AFDRUK_CSS = (
    "@page{size:A4;margin:15mm}"
    "body{font-family:sans-serif;max-width:50em;margin:2em auto;color:#1a1a1a;line-height:1.5}"
    "table{border-collapse:collapse;margin:1em 0;width:100%;table-layout:auto}"
    "th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;overflow-wrap:anywhere}"
    "td[style*='right']{white-space:nowrap;overflow-wrap:normal}"
    "a{overflow-wrap:anywhere}"
    "@media print{body{margin:0;max-width:none;font-size:10pt}table{font-size:9pt;page-break-inside:auto}"
    "tr{page-break-inside:avoid}thead{display:table-header-group}a{color:#000}}"
)


def samenvatting_html(
    plan: Plan, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None, op: _dt.date | None = None
) -> str:
    """The summary as a stand-alone HTML page, ready to print (or save as PDF in the browser)."""
    from markdown_it import MarkdownIt

    md = samenvatting_markdown(plan, prijzen, op)
    lichaam = MarkdownIt("commonmark", {"html": False}).enable("table").render(md)
    titel = html.escape(zonder_losse_surrogaten(plan.titel or TITEL_STANDAARD))
    return (
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{titel}</title>"
        f"<style>{AFDRUK_CSS}</style>"
        f"</head><body>{lichaam}</body></html>"
    )


def uitkomst_tekst(u: Uitkomst) -> str:
    """Plain text lines for the CLI (without --json)."""
    regels = [uitleg(u), ""]
    regels.append(
        f"Kans dreigend scenario: {procent(u.kans_dreigend)}; horizon: {u.horizon_jaren} jaar; "
        f"discontovoet: {procent(u.discontovoet)}."
    )
    for s, b in u.totaal.items():
        regels.append(f"  {s}: {euro(b)}")
    regels.append(f"  niets doen (verwacht): {euro(u.niets_doen)}")
    for d, b in u.netto.items():
        regels.append(f"  {d} scheelt: {euro(b)}. {maand_tekst(u.break_even_maand[d], u.horizon_jaren)}")
    regels.append("")
    regels.append("Per geldstroom (niets doen → plan):")
    for g, rij in u.per_geldstroom.items():
        delen = "; ".join(f"{d} {euro(rij[d])}" for d in u.netto)
        regels.append(f"  {g}: niets doen {euro(rij[NIETS_DOEN])}; {delen}")
    return "\n".join(regels)
