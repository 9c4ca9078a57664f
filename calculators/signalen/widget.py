"""Widget "Signalenwijzer": tick signals per group, see the picture, print the checklist, start a plan."""

from __future__ import annotations

import html

import ipywidgets as w

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.widget import downloadlink, live_gebied, melding, na_het_verzoek, stijl, zet_live
from calculators.signalen.afdruk import checklist_html
from calculators.signalen.gegevens import GROEPEN, Signaal, laad_signalen
from calculators.signalen.wijzer import Beeld, beeld, groep_naam


def _e(t: object) -> str:
    return html.escape(str(t))


def beeld_html(b: Beeld) -> str:
    """The picture as HTML (headings, lists, links to the book that open outside the frame)."""
    if not b.signalen:
        return (
            "<p>Nog geen signaal gekozen. Zet een vinkje bij wat je ziet of hoort. "
            "Dan zie je hier waar het huishouden staat en wat eerst moet.</p>"
        )
    aantal = "1 signaal" if len(b.signalen) == 1 else f"{len(b.signalen)} signalen"
    delen = [
        f"<p class='dbw-samenvatting'><strong>{aantal} gekozen.</strong></p>",
        "<h3>Waar staat het huishouden?</h3>",
    ]
    if b.woonfuik:
        wf = b.woonfuik
        delen.append(
            f"<p>Woonfuik, stap {wf['stap']} van {wf['van']}: <strong>{_e(wf['naam'])}</strong>. {_e(wf['uitleg'])}</p>"
        )
    else:
        delen.append("<p>Geen van deze signalen staat in de woonfuik.</p>")
    if b.clusters:
        delen.append(
            "<p>Dit lijkt op een giftige cocktail:</p><ul>"
            + "".join(
                f"<li>Cluster {c['nummer']}: {_e(c['naam'])}. Gezien: {_e(', '.join(c['gedekt']))}."
                + (f" Niet gezien: {_e(', '.join(c['ontbreekt']))}." if c["ontbreekt"] else "")
                + "</li>"
                for c in b.clusters
            )
            + "</ul>"
        )
    delen.append("<h3>Wat eerst?</h3>" + f"<p><strong>{_e(b.eerst['tekst'])}</strong></p>")
    if b.eerst["acties"]:
        delen.append("<ul>" + "".join(f"<li>{_e(a)}</li>" for a in b.eerst["acties"]) + "</ul>")
    delen.append("<h3>Drie vragen</h3><ol>")
    for v in b.vragen:
        hints = "".join(f"<br><span class='dbw-klein'>{_e(h['naam'])}: {_e(h['tekst'])}</span>" for h in v["hints"])
        delen.append(f"<li>{_e(v['vraag'])}{hints}</li>")
    delen.append("</ol>")
    if b.knelpunten:
        delen.append(
            "<h3>Let op knelpunten</h3><ul>"
            + "".join(f"<li>{_e(k['naam'])}: {_e(k['wat_helpt'])}</li>" for k in b.knelpunten)
            + "</ul>"
        )
    if b.artikelen:
        delen.append(
            "<h3>Artikelen die kunnen helpen</h3><p class='dbw-klein'>Eigen keuze van Doorbraakwijzer. "
            "Lees altijd de wettekst.</p><ul class='dbw-artikelen'>"
            + "".join(
                f"<li><a href='{_e(a['link'])}' target='_top'>{_e(a['referentie'])}: {_e(a['titel'])}</a></li>"
                for a in b.artikelen
            )
            + "</ul>"
        )
    if b.links:
        delen.append(
            "<h3>Lees meer</h3><ul>"
            + "".join(f"<li><a href='{_e(x['pad'])}' target='_top'>{_e(x['titel'])}</a></li>" for x in b.links)
            + "</ul>"
        )
    return "".join(delen)


class Signalenwijzer:
    """State and widgets of the Signalenwijzer (one instance per calculator session)."""

    def __init__(self, signalen: list[Signaal] | None = None):
        self.signalen = list(signalen) if signalen is not None else laad_signalen()
        self.vinkjes: dict[str, w.Checkbox] = {}
        groepen = []
        for g in GROEPEN:
            vakjes = []
            for s in self.signalen:
                if s.groep != g:
                    continue
                v = w.Checkbox(value=False, description=s.tekst, indent=False, layout=w.Layout(width="100%"))
                v.add_class("dbw-vinkje")
                v.observe(lambda _c: self.ververs(), names="value")
                self.vinkjes[s.id] = v
                vakjes.append(v)
            box = w.VBox([w.HTML(f"<h3 class='dbw-groepkop'>{_e(groep_naam(g))}</h3>"), *vakjes])
            box.add_class("dbw-signaalgroep")
            groepen.append(box)
        self.wis = w.Button(description="Wis alle vinkjes", tooltip="Haal alle vinkjes weg en begin opnieuw")
        self.wis.on_click(lambda _b: self.zet([]))
        self.status = live_gebied()
        self.uitkomst = w.HTML()
        self.acties = w.HTML()
        self._stil = False
        self.widget = w.VBox(
            [
                stijl(),
                w.HTML(_CSS),
                w.HTML(
                    "<h2>Welke signalen zie je?</h2><p>Zet een vinkje bij wat je ziet of hoort aan de voordeur. "
                    "Het beeld hieronder past zich meteen aan.</p>"
                ),
                w.Box(groepen, layout=w.Layout(display="flex", flex_flow="row wrap")),
                self.wis,
                self.status,
                w.HTML("<h2>Het beeld</h2>"),
                self.uitkomst,
                self.acties,
            ]
        )
        self.widget.add_class("dbw-signalen")
        self.ververs()

    @property
    def gekozen(self) -> list[str]:
        return [i for i, v in self.vinkjes.items() if v.value]

    def zet(self, ids: list[str]) -> None:
        """Tick exactly these signals (unknown ids: Dutch message, nothing changes)."""
        onbekend = [i for i in ids if i not in self.vinkjes]
        if onbekend:
            zet_live(self.status, melding(f"Dit signaal bestaat niet: {', '.join(onbekend[:5])}."))
            return
        self._stil = True
        try:
            for i, v in self.vinkjes.items():
                v.value = i in ids
        finally:
            self._stil = False
        self.ververs()

    def ververs(self) -> None:
        if self._stil:
            return
        try:
            b = beeld(self.gekozen, self.signalen)
        except DoorbraakFout as fout:
            zet_live(self.status, melding(str(fout)))
            return
        n = len(b.signalen)
        zet_live(
            self.status, f"<p>{'Geen signaal' if n == 0 else ('1 signaal' if n == 1 else f'{n} signalen')} gekozen.</p>"
        )
        self.uitkomst.value = beeld_html(b)
        links = [
            downloadlink(
                checklist_html(self.gekozen),
                "signalenwijzer-checklist.html",
                "Download de checklist om te printen (A4)",
                mime="text/html",
            )
        ]
        if b.signalen:
            links.append(
                f"<a class='dbw-startplan' href='{_e(b.plan_adres)}' target='_top'>Start een plan met deze signalen</a>"
            )
        self.acties.value = "<p class='dbw-downloads'>" + " · ".join(links) + "</p>"


_CSS = (
    "<style>"
    ".dbw-signalen h2{font-size:1.3em;margin:1em 0 .3em}.dbw-signalen h3{font-size:1.1em;margin:.8em 0 .3em}"
    ".dbw-signaalgroep{flex:1 1 300px;min-width:0;margin:0 12px 8px 0}"
    ".dbw-signalen .widget-checkbox{height:auto !important;align-items:flex-start}"
    ".dbw-signalen .widget-checkbox label,.dbw-signalen .widget-checkbox .widget-label-basic"
    "{white-space:normal !important;overflow:visible !important;text-overflow:clip !important;"
    "height:auto !important;line-height:1.35;max-width:100%}"
    ".dbw-signalen .widget-checkbox input{width:20px;height:20px;flex:0 0 20px;margin:2px 8px 2px 0}"
    ".dbw-klein{font-size:14px;color:#333}.dbw-downloads a{margin-right:.5em}"
    "</style>"
)


def maak_signalen() -> w.Widget:
    """Build the Signalenwijzer (see :func:`open_uit_adres` for ``?signalen=``)."""
    wijzer = Signalenwijzer()
    wijzer.widget.wijzer = wijzer
    return wijzer.widget


@na_het_verzoek
def open_uit_adres(widget: w.Widget) -> None:
    """Tick the signals in the address (``?signalen=a,b``), for a link back from a plan."""
    from calculators.kern.widget import adres_parameter

    waarde = adres_parameter("signalen", max_lengte=2000)  # a list of ids is longer than one id
    ids = [x.strip() for x in waarde.split(",") if x.strip()]
    if ids:
        widget.wijzer.zet(ids[:100])
