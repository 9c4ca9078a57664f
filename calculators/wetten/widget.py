"""Widget "Mag dit?": find the law article that makes a solution possible.

Type a question (or only choose a domein, a law or a situation to browse). Each result
shows the law and article with its version date and a link to wetten.overheid.nl, the B1
explanation, conditions, misunderstandings, the official text (folded, best lid
highlighted), related articles and a ready-made citation sentence to copy.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as w

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import datum
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.widget import ALLE, keuzes, live_gebied, melding, stijl, zet_live
from calculators.kern.zoeken import Vraaganalyse
from calculators.plan.adres import plan_met_artikel
from calculators.wetten.artikelen import Artikel, laad_wetten, planzin, zoek_referentie
from calculators.wetten.uitspraken import uitspraken_bij
from calculators.wetten.wijzigingen import wijzigingen_bij
from calculators.wetten.zoeker import (
    GOED,
    ONTHOUD_MELDING,
    TWIJFEL,
    WetTreffer,
    filter_masker,
    laatst_gecontroleerd,
    situaties,
    wetindex,
    zoek_wetten,
)

AANTAL_RESULTATEN = 8

_CSS = (
    "<style>"
    ".dbw-wet{border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:10px 0;}"
    ".dbw-wet h3{margin:0 0 4px 0;font-size:18px;}"
    ".dbw-wet .dbw-klein{font-size:14px;color:#333;}"
    ".dbw-wet details{margin:6px 0;}"
    ".dbw-wet summary{cursor:pointer;color:#0b4f8a;font-weight:bold;}"
    ".dbw-lid{margin:4px 0;padding:2px 6px;}"
    ".dbw-lid-beste{border-left:4px solid #b35900;background:#fff6e5;}"
    ".dbw-wet mark{background:#ffe08a;color:#000;}"
    ".dbw-zin{width:100%;max-width:640px;font-size:15px;padding:4px;box-sizing:border-box;}"
    ".dbw-kopieer{margin-left:6px;min-height:32px;}"
    ".dbw-advies{border-left:4px solid #0b4f8a;padding:4px 10px;background:#eef4fa;}"
    ".dbw-zeker{display:inline-block;padding:0 6px;border-radius:4px;font-size:14px;font-weight:bold;}"
    ".dbw-zeker-goed{background:#e3f1e3;color:#1d5c1d;}"
    ".dbw-zeker-misschien{background:#fff3cd;color:#5c4400;}"
    ".dbw-zeker-twijfel{background:#f8e1e1;color:#7a1c1c;}"
    ".dbw-wijziging{border-left:4px solid #7a1c1c;padding:4px 10px;background:#fdf0f0;}"
    "</style>"
)


# Copy the citation sentence; without clipboard access the text is selected for Ctrl+C.
# The message goes to the status span after the button, so screen readers hear it.
_KOPIEER_JS = (
    "var z=this.dataset.zin,s=this.nextElementSibling,i=document.getElementById('{zin_id}');"
    "function kies(){{i.focus();i.select();s.textContent='De zin is geselecteerd. Kopieer met Ctrl+C.';}}"
    "if(navigator.clipboard){{navigator.clipboard.writeText(z).then(function(){{"
    "s.textContent='De zin is gekopieerd.';}},kies);}}else{{kies();}}"
)


def markeer_html(tekst: str, posities: Sequence[tuple[int, int]]) -> str:
    """Escaped text with ``<mark>`` around the given character spans."""
    uit, vorige = [], 0
    for begin, eind in sorted(posities):
        if begin < vorige:
            continue
        uit.append(html.escape(tekst[vorige:begin]))
        uit.append(f"<mark>{html.escape(tekst[begin:eind])}</mark>")
        vorige = eind
    uit.append(html.escape(tekst[vorige:]))
    return "".join(uit).replace("\n", "<br>")


def _lijst(kop: str, items: Sequence[str]) -> str:
    if not items:
        return ""
    return (
        f"<p><strong>{html.escape(kop)}</strong></p><ul>"
        + "".join(f"<li>{html.escape(i)}</li>" for i in items)
        + "</ul>"
    )


def _gerelateerd(a: Artikel) -> str:
    regels = []
    for ref in a.gerelateerd:
        try:
            r = zoek_referentie(ref)
        except DoorbraakFout:
            continue
        regels.append(
            f"<li><a href='{html.escape(r.url)}' target='_blank' rel='noopener'>"
            f"Artikel {html.escape(r.artikel)} {html.escape(r.wetnaam)}</a>: {html.escape(r.uitleg.mogelijk)}</li>"
        )
    return "<p><strong>Hoort hierbij</strong></p><ul>" + "".join(regels) + "</ul>" if regels else ""


def aantal_artikelen(n: int) -> str:
    """ "1 artikel", "2 artikelen"."""
    return f"{n} artikel" if n == 1 else f"{n} artikelen"


def zekerheid_html(t: WetTreffer) -> str:
    """The "how sure" label in words (never a raw score)."""
    klasse = {GOED: "goed", TWIJFEL: "twijfel"}.get(t.zekerheid, "misschien")
    return f"<span class='dbw-zeker dbw-zeker-{klasse}'>{html.escape(t.zekerheid.capitalize())}</span>"


def uitspraken_html(a: Artikel) -> str:
    """Real rulings about the article, each with court, date, ECLI, holding and source."""
    lijst = uitspraken_bij(a)
    if not lijst:
        return ""
    regels = "".join(
        f"<li><strong>{html.escape(u.instantie)}, {html.escape(datum(u.datum))}</strong> "
        f"(<a href='{html.escape(u.rechtspraak_url)}' target='_blank' rel='noopener'>{html.escape(u.ecli)}</a>): "
        f"{html.escape(u.kern)} <a href='{html.escape(u.bron_url)}' target='_blank' rel='noopener'>Bron</a></li>"
        for u in lijst
    )
    return f"<p><strong>Uitspraken van de rechter</strong></p><ul>{regels}</ul>"


def wijzigingen_html(a: Artikel) -> str:
    """Announced changes of the article: what, from when, status, remark and source."""
    blokken = []
    for wz in wijzigingen_bij(a):
        opm = f"<br>{html.escape(wz.opmerking)}" if wz.opmerking else ""
        blokken.append(
            "<div class='dbw-wijziging'>"
            f"<p><strong>Wetswijziging: {html.escape(wz.titel)}</strong> ({html.escape(wz.vanaf)}; "
            f"status: {html.escape(wz.status_tekst)})<br>{html.escape(wz.wat)}{opm}<br>"
            f"<a href='{html.escape(wz.url)}' target='_blank' rel='noopener'>Bron: {html.escape(wz.bron)}</a> "
            f"· gecontroleerd op {html.escape(datum(wz.gecontroleerd))}</p></div>"
        )
    return "".join(blokken)


def artikel_html(t: WetTreffer, analyse: Vraaganalyse | None, nummer: int) -> str:
    """One result as escaped HTML (see the module docstring for what it shows)."""
    a = t.artikel
    _, index = wetindex()
    leden = []
    for j, lid in enumerate(a.leden):
        posities = index.markeer_posities(lid.tekst, analyse) if analyse is not None else []
        beste = j == t.lid_index
        kop = f"<strong>Lid {html.escape(lid.nummer)}</strong> " if lid.nummer else ""
        extra = " <em>(past het best bij je vraag)</em>" if beste and lid.nummer else ""
        klasse = "dbw-lid dbw-lid-beste" if beste else "dbw-lid"
        leden.append(f"<div class='{klasse}'>{kop}{markeer_html(lid.tekst, posities)}{extra}</div>")
    samenvatting = "Officiële wettekst"
    if t.lid:
        samenvatting += f" (lid {html.escape(t.lid)} past het best)"
    zin = planzin(a)
    ref = a.referentie + (f" lid {t.lid}" if t.direct and t.lid else "")
    zin_id = f"dbw-zin-{nummer}"
    return (
        "<article class='dbw-wet'>"
        f"<h3>{nummer}. Artikel {html.escape(a.artikel)} {html.escape(a.wetnaam)}</h3>"
        + (f"<p>{zekerheid_html(t)}</p>" if analyse is not None or t.direct else "")
        + wijzigingen_html(a)
        + f"<p class='dbw-klein'>{html.escape(a.titel)} · geldig vanaf {html.escape(datum(a.geldig_vanaf))} · "
        f"<a href='{html.escape(a.url)}' target='_blank' rel='noopener'>Lees op wetten.overheid.nl</a></p>"
        f"<p><strong>Wat kan hiermee?</strong> {html.escape(a.uitleg.mogelijk)}</p>"
        + (
            f"<p class='dbw-klein'><strong>Herkomst van de tekst:</strong> {html.escape(a.herkomst)}</p>"
            if getattr(a, "herkomst", "")
            else ""
        )
        + _lijst("Voorwaarden", a.uitleg.voorwaarden)
        + _lijst("Let op, veel mensen denken dit", a.uitleg.misverstanden)
        + f"<details><summary>{samenvatting}</summary>{''.join(leden)}"
        + (f"<p class='dbw-klein'>Opmerking bij deze tekst: {html.escape(a.opmerking)}</p>" if a.opmerking else "")
        + "</details>"
        + uitspraken_html(a)
        + _gerelateerd(a)
        + f"<p><label for='{zin_id}'><strong>Zin voor je plan</strong></label><br>"
        f"<textarea id='{zin_id}' class='dbw-zin' rows='4' readonly onfocus='this.select()'>"
        f"{html.escape(zin)}</textarea><br>"
        f"<button type='button' class='dbw-kopieer' data-zin='{html.escape(zin, quote=True)}' "
        f'onclick="{_KOPIEER_JS.format(zin_id=zin_id)}">Kopieer zin</button>'
        "<span class='dbw-klein' role='status' aria-live='polite'></span></p>"
        f"<p><a class='dbw-zet-in-plan' href='{html.escape(plan_met_artikel(ref))}' target='_blank' rel='noopener'>"
        f"Zet {html.escape(ref)} in mijn plan (nieuw tabblad)</a></p>"
        "</article>"
    )


class WettenZoeker:
    """State and widgets of the law lookup (one per calculator session)."""

    def __init__(self) -> None:
        voc = laad_vocabulaire()
        self.artikelen, _ = wetindex()
        self.vraag = w.Text(
            description="Je vraag",
            placeholder="bijvoorbeeld: kan ik alvast een maand bijstand geven?",
            continuous_update=False,
            layout=w.Layout(width="100%", max_width="640px"),
            style={"description_width": "initial"},
        )
        self.knop = w.Button(description="Zoek", button_style="primary", tooltip="Zoek artikelen bij je vraag")
        self.domein = w.Dropdown(
            description="Domein", options=keuzes(voc.domein_namen), style={"description_width": "initial"}
        )
        self.wet = w.Dropdown(
            description="Wet",
            options=[(ALLE, "")] + [(f"{x.afkorting}: {x.wet}", x.afkorting) for x in laad_wetten()],
            style={"description_width": "initial"},
        )
        self.situaties = situaties()
        self.situatie = w.Dropdown(
            description="Of kies een situatie",
            options=[("Geen keuze", "")] + [(s.naam, s.id) for s in self.situaties],
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", max_width="640px"),
        )
        self.status = live_gebied()
        self.resultaten = w.HTML()
        self.vraag.observe(lambda _c: self.zoek(), names="value")
        self.knop.on_click(lambda _b: self.zoek())
        for veld in (self.domein, self.wet):
            veld.observe(lambda _c: self.zoek(), names="value")
        self.situatie.observe(lambda _c: self._kies_situatie(), names="value")

        peil = laatst_gecontroleerd()
        kop = w.HTML(
            _CSS + "<h2>Mag dit? Zoek het wetsartikel</h2>"
            "<p>Typ je vraag in gewone woorden. Je ziet welk artikel je oplossing mogelijk maakt.</p>"
            "<p class='dbw-advies'><strong>Dit is geen juridisch advies.</strong> "
            f"{html.escape(peil)} Controleer de tekst altijd op wetten.overheid.nl.</p>"
        )
        delen: list[w.Widget] = [stijl(), kop, w.HBox([self.vraag, self.knop]), w.HBox([self.domein, self.wet])]
        if self.situaties:
            delen.append(self.situatie)
        delen += [self.status, self.resultaten]
        self.widget = w.VBox(delen)
        self.widget.add_class("dbw-wetten")
        self.zoek()

    # ----------------------------------------------------------------------------
    def zoek(self) -> None:
        vraag = (self.vraag.value or "").strip()
        domein, wet = self.domein.value or None, self.wet.value or None
        if not vraag:
            self._blader(domein, wet)
            return
        try:
            uitkomst = zoek_wetten(vraag, top=AANTAL_RESULTATEN, domein=domein, wet=wet)
        except DoorbraakFout as e:
            zet_live(self.status, melding(str(e)))
            self.resultaten.value = ""
            return
        notities = "".join(melding(m, "info") for m in uitkomst.meldingen)
        if uitkomst.onthouden:
            # Honest: no confident answers when nothing fits well; weak candidates stay folded.
            zet_live(self.status, notities + melding(f"Je zocht op '{vraag[:80]}'. {ONTHOUD_MELDING}", "info"))
            zwak = "".join(artikel_html(t, uitkomst.analyse, i) for i, t in enumerate(uitkomst.treffers[:3], start=1))
            self.resultaten.value = (
                f"<details><summary>Toon toch {aantal_artikelen(len(uitkomst.treffers[:3]))} dat maar een beetje "
                f"past</summary>{zwak}</details>"
                if zwak
                else ""
            )
            return
        beste = uitkomst.treffers[0]
        tekst = (
            f"{aantal_artikelen(len(uitkomst.treffers))} gevonden voor '{vraag[:80]}'. "
            f"Het beste: artikel {beste.artikel.artikel} {beste.artikel.wetnaam} ({beste.zekerheid})."
        )
        zet_live(self.status, notities + melding(tekst, "ok"))
        self.resultaten.value = "".join(
            artikel_html(t, uitkomst.analyse, i) for i, t in enumerate(uitkomst.treffers, start=1)
        )

    def _blader(self, domein: str | None, wet: str | None) -> None:
        """Without a question: all articles for the chosen domein and/or law."""
        masker = filter_masker(self.artikelen, domein, wet)
        if masker is None:  # no domein and no law chosen
            zet_live(self.status, melding("Typ een vraag, of kies een domein, een wet of een situatie.", "info"))
            self.resultaten.value = ""
            return
        gekozen = [a for a, ja in zip(self.artikelen, masker, strict=True) if ja]
        self._toon_lijst(gekozen, "bij je keuze")

    def _kies_situatie(self) -> None:
        s = next((x for x in self.situaties if x.id == self.situatie.value), None)
        if s is None:
            self.zoek()
            return
        self._toon_lijst(list(s.artikelen), f"bij de situatie '{s.naam}'", s.uitleg)

    def _toon_lijst(self, artikelen: list[Artikel], waarbij: str, uitleg: str = "") -> None:
        tekst = f"{aantal_artikelen(len(artikelen))} {waarbij}."
        zet_live(self.status, melding(tekst, "ok" if artikelen else "info"))
        inleiding = f"<p>{html.escape(uitleg)}</p>" if uitleg else ""
        self.resultaten.value = inleiding + "".join(
            artikel_html(WetTreffer(a, 0.0), None, i) for i, a in enumerate(artikelen, start=1)
        )


def maak_wetten() -> w.Widget:
    """Build the "Mag dit?" law lookup widget."""
    return WettenZoeker().widget
