"""Widget "Monitor": upload plan files or a zip, see the views as bars with a table beside each,
filter by period and domein, download Excel. Without an upload it shows the demo folder.

Everything happens in this calculator session: the files are read in memory and never stored.
"""

from __future__ import annotations

import base64
import html
from decimal import Decimal

import ipywidgets as w

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.html import tabel_html
from calculators.kern.opmaak import euro
from calculators.kern.paden import DATA
from calculators.kern.tabel import maak_tabel
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.widget import keuzes, live_gebied, melding, stijl, zet_live
from calculators.monitor.export import schrijf_xlsx
from calculators.monitor.lezer import Gelezen, lees_map, lees_plannen, lees_uploads
from calculators.monitor.overzicht import Filters, Overzicht, maak_overzicht

DEMO = DATA / "voorbeelden" / "monitor-demo"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KLEUR = "#0b4f8a"
KLEUR_DOORBRAAK = "#1b7a3a"
KNELPUNT_NAMEN = {"geen-toegang": "Geen toegang", "mismatch": "Mismatch vraag en aanbod", "catch-22": "Catch 22"}


def _e(t: object) -> str:
    return html.escape(str(t))


def staven(titel: str, rijen: list[tuple[str, float, str]], kleur: str = KLEUR) -> str:
    """Horizontal bars (decoration, hidden from screen readers: the table beside says the same)."""
    if not rijen:
        return ""
    hoogst = max((abs(x) for _n, x, _t in rijen), default=0) or 1
    regels = "".join(
        f"<div class='dbw-staaf-rij'><span class='dbw-staaf-label'>{_e(n)}</span>"
        f"<span class='dbw-staaf' style='width:{max(1.0, 100 * abs(x) / hoogst):.1f}%;background:{kleur}'></span>"
        f"<span class='dbw-staaf-waarde'>{_e(t)}</span></div>"
        for n, x, t in rijen
    )
    return f"<div class='dbw-staven' aria-hidden='true'><p class='dbw-klein'>{_e(titel)}</p>{regels}</div>"


def tabel(bijschrift: str, koppen: list[str], rijen: list[list[str]], rechts_vanaf: int = 1) -> str:
    """The shared accessible table (a focusable scroll region, so keyboard users can scroll it)."""
    return tabel_html(
        maak_tabel(bijschrift, koppen, rijen, rechts=frozenset(range(rechts_vanaf, len(koppen))), rijkop=True)
    )


def _blok(kop: str, grafiek: str, tabel_html: str, leeg: str) -> str:
    if not tabel_html:
        return f"<h3>{_e(kop)}</h3><p>{_e(leeg)}</p>"
    return f"<section class='dbw-blok'><h3>{_e(kop)}</h3><div class='dbw-grafiek'>{grafiek}{tabel_html}</div></section>"


def overzicht_html(o: Overzicht) -> str:
    """All views, each as bars with a table beside it."""
    delen = []
    n = o.aantal_plannen
    gem = "geen" if o.maatwerkbudget_gemiddeld is None else euro(o.maatwerkbudget_gemiddeld)
    delen.append(
        f"<p class='dbw-uitleg'>{n} {'plan' if n == 1 else 'plannen'} geteld. "
        f"Maatwerkbudget: {_e(euro(o.maatwerkbudget_totaal))} in totaal, gemiddeld {_e(gem)} "
        f"per plan met een budget ({len(o.maatwerkbudget_per_plan)}).</p>"
    )
    wet_rijen = [[a, str(x)] for a, x in o.wetten]
    delen.append(
        _blok(
            "Meest gebruikte wetsartikelen",
            staven("Aantal plannen per artikel", [(a, x, str(x)) for a, x in o.wetten]),
            tabel("Wetsartikelen: in hoeveel plannen (top 10)", ["Artikel", "Aantal plannen"], wet_rijen)
            if wet_rijen
            else "",
            "Geen van de plannen noemt een wetsartikel.",
        )
    )
    dom = list(o.domeinen.items())
    delen.append(
        _blok(
            "Domeinen",
            staven("Aantal plannen per domein", [(d, x, str(x)) for d, x in dom]),
            tabel("Domeinen: in hoeveel plannen", ["Domein", "Aantal plannen"], [[d, str(x)] for d, x in dom])
            if dom
            else "",
            "Geen van de plannen noemt een domein.",
        )
    )
    geld = list(o.per_geldstroom.items())
    if geld:
        grafiek = staven(
            "Niets doen: kosten per geldstroom", [(g, float(r["niets_doen"]), euro(r["niets_doen"])) for g, r in geld]
        ) + staven(
            "Doorbraak: kosten per geldstroom",
            [(g, float(r["doorbraak"]), euro(r["doorbraak"])) for g, r in geld],
            KLEUR_DOORBRAAK,
        )
        rijen = [
            [g, euro(r["huidig"]), euro(r["dreigend"]), euro(r["niets_doen"]), euro(r["doorbraak"])] for g, r in geld
        ]
        totaal = {
            k: sum((r[k] for _g, r in geld), Decimal(0)) for k in ("huidig", "dreigend", "niets_doen", "doorbraak")
        }
        rijen.append(["Totaal", *(euro(totaal[k]) for k in ("huidig", "dreigend", "niets_doen", "doorbraak"))])
        delen.append(
            _blok(
                "Kosten per geldstroom",
                grafiek,
                tabel(
                    "Kosten per geldstroom, opgeteld over de plannen (elk plan met eigen kans en horizon)",
                    ["Geldstroom", "Huidig", "Dreigend", "Niets doen", "Doorbraak"],
                    rijen,
                ),
                "",
            )
        )
    else:
        delen.append(
            _blok("Kosten per geldstroom", "", "", "Geen plan heeft de drie scenario's huidig, dreigend en doorbraak.")
        )
    kn = list(o.knelpunten.items())
    delen.append(
        _blok(
            "Knelpunten",
            staven("Aantal knelpunten per soort", [(KNELPUNT_NAMEN.get(s, s), x, str(x)) for s, x in kn]),
            tabel("Knelpunten per soort", ["Soort", "Aantal"], [[KNELPUNT_NAMEN.get(s, s), str(x)] for s, x in kn])
            if kn
            else "",
            "Geen van de plannen noemt een knelpunt.",
        )
    )
    if o.knelpunten_per_organisatie:
        soorten = list(KNELPUNT_NAMEN)
        rijen = [[org, *(str(r.get(s, 0)) for s in soorten)] for org, r in o.knelpunten_per_organisatie.items()]
        delen.append(
            "<h3>Knelpunten per organisatie</h3>"
            + tabel(
                "Knelpunten per organisatie: het volume voor een werktafel",
                ["Organisatie", *KNELPUNT_NAMEN.values()],
                rijen,
            )
        )
    if o.maatwerkbudget_per_plan:
        delen.append(
            "<details><summary>Maatwerkbudget per plan</summary>"
            + tabel(
                "Maatwerkbudget per plan",
                ["Plan (bestand)", "Maatwerkbudget"],
                [[b, euro(x)] for b, x in o.maatwerkbudget_per_plan.items()],
            )
            + "</details>"
        )
    return "".join(delen)


def meldingen_html(o: Overzicht) -> str:
    delen = []
    if o.ongeldig:
        delen.append(
            f"<h3>Niet geteld: {len(o.ongeldig)} {'bestand' if len(o.ongeldig) == 1 else 'bestanden'}</h3><ul>"
            + "".join(
                f"<li><strong>{_e(b)}</strong>: {_e(m.splitlines()[0])}"
                + (
                    f"<br><span class='dbw-klein'>{_e(' '.join(m.splitlines()[1:4]))}</span>"
                    if len(m.splitlines()) > 1
                    else ""
                )
                + "</li>"
                for b, m in o.ongeldig[:200]
            )
            + "</ul>"
        )
        if len(o.ongeldig) > 200:
            delen.append(f"<p>En nog {len(o.ongeldig) - 200} bestanden. De Excel-download noemt ze allemaal.</p>")
    if o.waarschuwingen:
        delen.append(
            "<h3>Let op: misschien persoonsgegevens</h3><ul>"
            + "".join(f"<li>{_e(x.tekst())}</li>" for x in o.waarschuwingen[:200])
            + "</ul>"
        )
    if o.buiten_filter:
        delen.append(
            f"<p class='dbw-klein'>{o.buiten_filter} plannen vallen buiten het filter. "
            "Plannen zonder datum tellen niet mee als je een periode kiest.</p>"
        )
    return "".join(delen)


def xlsx_link(o: Overzicht, naam: str = "monitor-doorbraakwijzer.xlsx") -> str:
    data = base64.b64encode(schrijf_xlsx(o)).decode("ascii")
    return (
        f"<a class='downloadlink' download='{_e(naam)}' href='data:{XLSX};base64,{data}'>"
        "Download het overzicht als Excel-bestand</a>"
    )


class Monitor:
    """State and widgets of the Monitor (one instance per calculator session)."""

    def __init__(self):
        stijl_veld = {"description_width": "initial"}
        self.upload = w.FileUpload(
            accept=".json,.zip",
            multiple=True,
            description="Kies plannen of een zip",
            tooltip="Kies een of meer planbestanden (JSON) of een zip-bestand",
        )
        self.upload.observe(lambda _c: self._laad_upload(), names="value")
        self.demo = w.Button(description="Toon de voorbeeldmap", tooltip="Laat de acht voorbeeldplannen weer zien")
        self.demo.on_click(lambda _b: self.laad_demo())
        self.domein = w.Dropdown(
            description="Domein", options=keuzes(laad_vocabulaire().domein_namen), style=stijl_veld
        )
        self.van = w.DatePicker(description="Vanaf datum", style=stijl_veld)
        self.tot = w.DatePicker(description="Tot en met datum", style=stijl_veld)
        for veld in (self.domein, self.van, self.tot):
            veld.observe(lambda _c: self.ververs(), names="value")
        self.status = live_gebied()
        self.bron = w.HTML()
        self.meldingen = w.HTML()
        self.uitkomst = w.HTML()
        self.download = w.HTML()
        # The Excel file is made when asked for: openpyxl then only loads in a kernel whose
        # reader wants the file (about 20 MB less per kernel). A new filter or upload removes
        # the link, so a download never differs from the screen.
        self.maak_excel = w.Button(
            description="Maak een Excel-bestand",
            tooltip="Maak een Excel-bestand van het overzicht zoals het nu op het scherm staat",
        )
        self.maak_excel.on_click(lambda _b: self.excel_klaarzetten())
        self.gelezen = Gelezen({}, [])
        #: The demo folder holds composites without personal data (tests/monitor checks that the
        #: privacy guard finds nothing in it), so it is not checked again: the guard's name lists
        #: then load only when a reader uploads own plans (about 50 MB less per kernel).
        self.is_demo = False
        self.privacy_cache: dict[str, list[str]] = {}
        self.widget = w.VBox(
            [
                stijl(),
                w.HTML(_CSS),
                w.HTML(
                    "<h2>Plannen kiezen</h2><p>Kies planbestanden (JSON) of één zip-bestand. Ze blijven op deze "
                    "computer: de monitor leest ze alleen in het geheugen en bewaart niets.</p>"
                ),
                w.HBox([self.upload, self.demo], layout=w.Layout(flex_flow="row wrap")),
                self.bron,
                w.HTML("<h2>Filteren</h2>"),
                w.HBox([self.van, self.tot, self.domein], layout=w.Layout(flex_flow="row wrap")),
                self.status,
                w.HTML("<h2>Overzicht</h2>"),
                self.uitkomst,
                w.HBox([self.maak_excel, self.download], layout=w.Layout(flex_flow="row wrap", align_items="center")),
                self.meldingen,
            ]
        )
        self.widget.add_class("dbw-monitor")
        self.laad_demo()

    def laad_demo(self) -> None:
        self.gelezen = lees_plannen(lees_map(DEMO))
        self.is_demo = True
        self.bron.value = (
            "<p class='dbw-klein'>Je ziet nu de <strong>voorbeeldmap</strong>: acht samengestelde "
            "plannen, geen echte huishoudens.</p>"
        )
        self.ververs()

    def excel_klaarzetten(self) -> None:
        """Make the Excel file of the overview on the screen and show its download link."""
        self.download.value = "<p class='dbw-downloads'>" + xlsx_link(self.overzicht) + "</p>"
        zet_live(self.status, "<p>Het Excel-bestand staat klaar. Gebruik de link naast de knop.</p>")

    def laad_bestanden(self, bestanden: list[tuple[str, bytes]]) -> None:
        """Read uploaded files (name, bytes); on a Dutch error nothing changes."""
        try:
            invoer = lees_uploads(bestanden)
        except DoorbraakFout as fout:
            zet_live(self.status, melding(str(fout)))
            return
        self.gelezen = lees_plannen(invoer)
        self.is_demo = False
        n = len(bestanden)
        self.bron.value = (
            f"<p class='dbw-klein'>Je ziet nu je eigen {n} {'bestand' if n == 1 else 'bestanden'}. "
            "Niets is opgeslagen.</p>"
        )
        self.ververs()

    def _laad_upload(self) -> None:
        waarde = self.upload.value
        if not waarde:
            return
        bestanden = [(str(f["name"]), bytes(f["content"])) for f in waarde]
        self.laad_bestanden(bestanden)

    def filters(self) -> Filters:
        return Filters(van=self.van.value, tot=self.tot.value, domein=self.domein.value or None)

    def ververs(self) -> None:
        f = self.filters()
        if f.van and f.tot and f.van > f.tot:
            zet_live(self.status, melding("De begindatum ligt na de einddatum. Kies een begindatum vóór de einddatum."))
            return
        o = maak_overzicht(
            self.gelezen.plannen,
            self.gelezen.ongeldig,
            filters=f,
            privacy=not self.is_demo,
            privacy_cache=self.privacy_cache,
        )
        self.overzicht = o
        self.uitkomst.value = overzicht_html(o)
        self.meldingen.value = meldingen_html(o)
        self.download.value = ""  # an Excel file of the previous overview would differ from the screen
        # The status goes last: when it is announced, the overview, the
        # messages and the download it speaks of are already on the screen.
        zet_live(
            self.status,
            f"<p>{o.aantal_plannen} {'plan' if o.aantal_plannen == 1 else 'plannen'} geteld"
            + (f", {len(o.ongeldig)} niet geteld" if o.ongeldig else "")
            + ".</p>",
        )


_CSS = (
    "<style>"
    ".dbw-monitor h2{font-size:1.3em;margin:1em 0 .3em}.dbw-monitor h3{font-size:1.1em;margin:.8em 0 .3em}"
    ".dbw-grafiek{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}"
    ".dbw-grafiek>*{min-width:0;max-width:100%}"
    ".dbw-monitor .widget-html,.dbw-monitor .widget-html-content{min-width:0;max-width:100%;flex-shrink:1}"
    ".dbw-staven{flex:1 1 260px}.dbw-grafiek>.dbw-tabel-scroll{flex:1 1 320px}"
    ".dbw-staaf-rij{display:flex;align-items:center;gap:6px;margin:2px 0}"
    ".dbw-staaf-label{flex:0 0 9em;font-size:14px;overflow-wrap:anywhere}"
    ".dbw-staaf{display:inline-block;height:16px;min-width:2px;flex:0 1 auto;max-width:60%}"
    ".dbw-staaf-waarde{font-size:14px;white-space:nowrap}"
    ".dbw-tabel-scroll{overflow-x:auto;max-width:100%}.dbw-tabel caption{text-align:left;font-weight:bold;padding:4px 0}"
    ".dbw-uitleg{font-size:1.1em;font-weight:bold}.dbw-klein{font-size:14px;color:#333}"
    "</style>"
)


def maak_monitor() -> w.Widget:
    """Build the Monitor calculator (shows the demo folder until files are uploaded)."""
    m = Monitor()
    m.widget.monitor = m
    return m.widget
