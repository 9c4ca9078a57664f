"""Widget "Wat levert het op?": the rendementsberekening, line by line.

All arithmetic lives in :mod:`calculators.rendement.model`; this module only keeps the
state of the form, checks each field as it is typed and shows the result.
"""

from __future__ import annotations

import base64
import html
from decimal import Decimal

import ipywidgets as w

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import MAX_BEDRAG, euro, getal, lees_bedrag
from calculators.kern.opmaak import lees_getal as kern_lees_getal
from calculators.kern.widget import live_gebied, melding, na_het_verzoek, stijl, zet_live
from calculators.prijzen.prijslijst import Prijs, laad_prijzen, prijs_per_id, zoek_prijzen
from calculators.prijzen.tarieven import combineer, lees_tarieven
from calculators.rendement.export import (
    VOORBEELDPLAN,
    lees_json,
    samenvatting_html,
    samenvatting_markdown,
    schrijf_json,
)
from calculators.rendement.model import (
    MAX_SCENARIOS,
    NIETS_DOEN,
    Plan,
    Regel,
    Uitkomst,
    bereken,
    controleer_aantal,
    controleer_bedrag,
    controleer_discontovoet,
    controleer_kans,
    geldstroom_namen,
    gevoeligheid,
    maand_tekst,
    procent,
    uitleg,
)

SOORT_KEUZES = [("elk jaar", "jaarlijks"), ("één keer", "eenmalig")]
KLEUREN = {"huidig": "#5a5a5a", "dreigend": "#a00000", NIETS_DOEN: "#b35900"}
KLEUREN_DOORBRAAK = ["#0b4f8a", "#0a5c0a", "#5b2a86", "#00606b", "#7a4b00", "#333399", "#6b2a2a"]
LETTERS = "BCDEFGHIJ"
STIJL = {"description_width": "initial"}

UITLEG_SCENARIO = {
    "huidig": "Wat de hulp nu kost, als alles blijft zoals het is.",
    "dreigend": "Wat het kost als het misgaat. Bijvoorbeeld een huisuitzetting of opvang.",
}


def naam_tekst(scenario: str) -> str:
    """Scenario name as the user reads it."""
    return "niets doen (verwacht)" if scenario == NIETS_DOEN else scenario


def _data_link(tekst: str, bestandsnaam: str, label: str, mime: str) -> str:
    data = base64.b64encode(tekst.encode("utf-8")).decode("ascii")
    return (
        f'<a class="downloadlink" download="{html.escape(bestandsnaam)}" '
        f'href="data:{mime};charset=utf-8;base64,{data}">{html.escape(label)}</a>'
    )


def lees_getal(tekst: str, veld: str) -> Decimal:
    """A number typed by a Dutch user (``1,5`` or ``1.250``): the one strict parser of
    :mod:`calculators.kern.opmaak` (refuses 1e6, 1,234.56, 1.2.3 with a Dutch hint), at most 100 miljoen."""
    return kern_lees_getal(tekst, veld, maximum=MAX_BEDRAG)


def lees_procent(tekst: str, veld: str) -> Decimal:
    """A percentage typed on screen, as a fraction (``50`` → 0,5).

    A value between 0 and 1 with decimals (``0,5``) is ambiguous: it may mean 50 % written
    as a fraction. It is refused with the question; ``0,5 %`` (with the sign) is accepted.
    """
    ruw = str(tekst or "").strip()
    met_teken = ruw.endswith("%")
    waarde = lees_getal(ruw.rstrip("%").strip(), veld)
    if not met_teken and 0 < waarde < 1:
        bedoeld = getal(waarde * 100, 2)
        raise DoorbraakFout(
            f"Je typte {getal(waarde, 4)}. Bedoel je {bedoeld} %? Typ dan {bedoeld}. "
            f"Bedoel je echt {getal(waarde, 4)} %? Typ dan {getal(waarde, 4)} %"
        )
    return waarde / 100


# How a yearly line counts a price in another unit: (aantal per jaar or None = ask, label of Aantal).
PER_JAAR: dict[str, tuple[Decimal | None, str]] = {
    "per jaar": (Decimal(1), "Aantal jaren per jaar"),
    "per maand": (Decimal(12), "Maanden per jaar"),
    "per week": (Decimal(52), "Weken per jaar"),
    "per dag": (None, "Dagen per jaar"),
    "per etmaal": (None, "Etmalen per jaar"),
    "per nacht": (None, "Nachten per jaar"),
    "per dagdeel": (None, "Dagdelen per jaar"),
    "per uur": (None, "Uren per jaar"),
    "per consult": (None, "Consulten per jaar"),
    "per traject": (None, "Trajecten per jaar"),
    "per stuk": (None, "Aantal per jaar"),
}


def aantal_label(eenheid: str | None, soort: str) -> str:
    """The label of the Aantal field: says what one unit is (``Maanden per jaar``)."""
    if not eenheid or eenheid == "eenmalig":
        return "Aantal"
    label = PER_JAAR.get(eenheid, (None, "Aantal"))[1]
    if soort == "eenmalig":
        return "Aantal " + label.split(" per ")[0].lower().replace("aantal ", "") + " (één keer)"
    return label


def start_aantal(prijs: Prijs) -> tuple[Decimal, str]:
    """Aantal for a newly added price line, and the sentence that shows the conversion or asks for it."""
    if prijs.eenheid == "eenmalig":
        return Decimal(1), ""
    aantal, label = PER_JAAR.get(prijs.eenheid, (None, "Aantal"))
    if prijs.eenheid == "per jaar":
        return Decimal(1), ""
    if aantal is not None:
        return aantal, (
            f"Deze prijs is {prijs.eenheid}. Omgerekend: {getal(aantal)} × {euro(prijs.bedrag)} "
            f"= {euro(aantal * prijs.bedrag)} per jaar. Klopt dat niet? Pas '{label}' aan."
        )
    eenheid = label.split(" per ")[0].lower()
    return Decimal(1), (
        f"Deze prijs is {prijs.eenheid}. Hoeveel {eenheid} per jaar? Vul dat in bij '{label}'. Nu reken ik met 1."
    )


def kleur(scenario: str, volgorde: list[str]) -> str:
    if scenario in KLEUREN:
        return KLEUREN[scenario]
    alts = [s for s in volgorde if s.startswith("doorbraak")]
    i = alts.index(scenario) if scenario in alts else 0
    return KLEUREN_DOORBRAAK[i % len(KLEUREN_DOORBRAAK)]


def staven_html(titel: str, rijen: list[tuple[str, Decimal, str]]) -> str:
    """Horizontal HTML bars (hidden for screen readers) next to a table with the same numbers."""
    grootste = max((b for _, b, _ in rijen), default=Decimal(0))
    staven = []
    for label, bedrag, kleurcode in rijen:
        breedte = 0 if grootste <= 0 or bedrag <= 0 else max(1, int(bedrag / grootste * 100))
        staven.append(
            f"<div class='dbw-staaf-rij'><span class='dbw-staaf-label'>{html.escape(label)}</span>"
            f"<span class='dbw-staaf' style='width:{breedte}%;background:{kleurcode}'></span></div>"
        )
    tabel = "".join(
        f"<tr><th scope='row'>{html.escape(label)}</th><td class='bedrag'>{html.escape(euro(b))}</td></tr>"
        for label, b, _ in rijen
    )
    return (
        "<div class='dbw-grafiek'>"
        f"<div class='dbw-staven' aria-hidden='true'>{''.join(staven)}</div>"
        f"<table class='dbw-tabel'><caption>{html.escape(titel)}</caption>"
        "<thead><tr><th scope='col'>Scenario</th><th scope='col' class='bedrag'>Kosten</th></tr></thead>"
        f"<tbody>{tabel}</tbody></table></div>"
    )


def geldstroom_html(u: Uitkomst, volgorde: list[str]) -> str:
    """Per geldstroom: bars for niets doen and each plan, and a table with all figures."""
    kolommen = [NIETS_DOEN, *u.alternatieven]
    grootste = max((rij[k] for rij in u.per_geldstroom.values() for k in kolommen), default=Decimal(0))
    blokken = []
    for g, rij in u.per_geldstroom.items():
        staven = []
        for k in kolommen:
            b = rij[k]
            breedte = 0 if grootste <= 0 or b <= 0 else max(1, int(b / grootste * 100))
            staven.append(
                f"<div class='dbw-staaf-rij'><span class='dbw-staaf-label'>{html.escape(naam_tekst(k))}</span>"
                f"<span class='dbw-staaf' style='width:{breedte}%;background:{kleur(k, volgorde)}'></span></div>"
            )
        blokken.append(f"<div class='dbw-groep'><strong>{html.escape(g)}</strong>{''.join(staven)}</div>")
    kop = "".join(f"<th scope='col' class='bedrag'>{html.escape(naam_tekst(k))}</th>" for k in [*u.totaal, NIETS_DOEN])
    kop += "".join(f"<th scope='col' class='bedrag'>Scheelt bij {html.escape(d)}</th>" for d in u.alternatieven)
    rijen = []
    for g, rij in u.per_geldstroom.items():
        cellen = "".join(f"<td class='bedrag'>{html.escape(euro(rij[k]))}</td>" for k in [*u.totaal, NIETS_DOEN])
        cellen += "".join(
            f"<td class='bedrag'>{html.escape(euro(u.netto_per_geldstroom[g][d]))}</td>" for d in u.alternatieven
        )
        rijen.append(f"<tr><th scope='row'>{html.escape(g)}</th>{cellen}</tr>")
    if not rijen:
        return "<p>Nog geen regels. Voeg een regel toe om de geldstromen te zien.</p>"
    return (
        "<div class='dbw-grafiek'>"
        f"<div class='dbw-staven' aria-hidden='true'>{''.join(blokken)}</div>"
        "<div class='dbw-tabel-scroll' tabindex='0' role='region' aria-label='Kosten per geldstroom'>"
        "<table class='dbw-tabel'><caption>Kosten per geldstroom. Een negatief verschil betekent: "
        "deze geldstroom betaalt meer.</caption>"
        f"<thead><tr><th scope='col'>Geldstroom</th>{kop}</tr></thead><tbody>{''.join(rijen)}</tbody></table>"
        "</div></div>"
    )


def gevoeligheid_html(plan: Plan, prijzen: dict[str, Prijs]) -> str:
    """Per plan: what it saves for other chances (rows) and horizons (columns)."""
    g = gevoeligheid(plan, prijzen)
    delen = []
    for d, tabel in g.netto.items():
        kop = "".join(f"<th scope='col' class='bedrag'>{h} jaar</th>" for h in g.horizonnen)
        rijen = []
        for p in g.kansen:
            cellen = []
            for h in g.horizonnen:
                b = tabel[(p, h)]
                eigen = p == plan.kans_dreigend and h == plan.horizon_jaren
                inhoud = html.escape(euro(b))
                cellen.append(f"<td class='bedrag'>{'<strong>' + inhoud + '</strong>' if eigen else inhoud}</td>")
            rijen.append(f"<tr><th scope='row'>{html.escape(procent(p))}</th>{''.join(cellen)}</tr>")
        delen.append(
            "<div class='dbw-tabel-scroll' tabindex='0' role='region' "
            f"aria-label='Gevoeligheid van {html.escape(d)}'>"
            f"<table class='dbw-tabel'><caption>Wat '{html.escape(d)}' scheelt. Rijen: kans. "
            "Kolommen: horizon. Vet: jouw keuze.</caption>"
            f"<thead><tr><th scope='col'>Kans</th>{kop}</tr></thead><tbody>{''.join(rijen)}</tbody></table></div>"
        )
    return "".join(delen)


class RegelRij:
    """The fields of one cost line. ``regel`` is always the last valid version."""

    def __init__(self, rekenhulp: Rendement, scenario: str, regel: Regel, vraag: str = ""):
        self.rekenhulp = rekenhulp
        self.vraag = vraag  # the conversion question shown until the user sets the count
        self.scenario = scenario
        self.regel = regel
        prijs = rekenhulp.prijzen.get(regel.prijs_id) if regel.prijs_id else None
        self.prijs = prijs
        bedrag = regel.bedrag if regel.bedrag is not None else (prijs.bedrag if prijs else Decimal(0))
        soort = regel.soort or (("eenmalig" if prijs.eenheid == "eenmalig" else "jaarlijks") if prijs else "jaarlijks")
        geldstroom = regel.geldstroom or (prijs.geldstroom if prijs else geldstroom_namen()[0])

        self.omschrijving = w.Text(
            value=regel.omschrijving or (prijs.item if prijs else ""),
            description="Omschrijving",
            style=STIJL,
            continuous_update=False,
            layout=w.Layout(flex="1 1 auto", min_width="240px"),
        )
        self.bedrag = w.Text(
            value=getal(bedrag),
            description="Bedrag in euro",
            style=STIJL,
            continuous_update=False,
            layout=w.Layout(width="220px"),
        )
        self.aantal = w.Text(
            value=getal(regel.aantal, 4),
            description=aantal_label(prijs.eenheid if prijs else None, soort),
            style=STIJL,
            continuous_update=False,
            layout=w.Layout(width="auto", max_width="260px"),
        )
        self.omrekening = w.HTML()
        self.soort = w.Dropdown(options=SOORT_KEUZES, value=soort, description="Hoe vaak", style=STIJL)
        self.geldstroom = w.Dropdown(
            options=geldstroom_namen(), value=geldstroom, description="Wie betaalt", style=STIJL
        )
        self.weg = w.Button(description="Verwijder regel", tooltip="Haal deze regel weg", layout=w.Layout(width="auto"))
        self.fout = w.HTML()
        bron = ""
        if prijs:
            bron = (
                f"<span class='dbw-klein'>Uit de prijslijst: {html.escape(euro(prijs.bedrag))} "
                f"{html.escape(prijs.eenheid)}, prijspeil {prijs.jaar}. "
                f"<a href='{html.escape(prijs.bron_url)}' target='_blank' rel='noopener'>"
                f"Bron: {html.escape(prijs.bron_titel)}</a></span>"
            )
        self.bron = w.HTML(bron)

        self.omschrijving.observe(lambda _c: self._zet("omschrijving"), names="value")
        self.bedrag.observe(lambda _c: self._zet("bedrag"), names="value")
        self.aantal.observe(lambda _c: self._zet("aantal"), names="value")
        self.soort.observe(lambda _c: self._zet("soort"), names="value")
        self.geldstroom.observe(lambda _c: self._zet("geldstroom"), names="value")
        self.weg.on_click(lambda _b: rekenhulp.verwijder_regel(self))

        self.widget = w.VBox(
            [
                w.HBox([self.omschrijving, self.weg], layout=w.Layout(align_items="center", flex_flow="row wrap")),
                w.HBox([self.bedrag, self.aantal, self.soort, self.geldstroom], layout=w.Layout(flex_flow="row wrap")),
                self.omrekening,
                self.bron,
                self.fout,
            ]
        )
        self.widget.add_class("dbw-rij")
        self.fouten: dict[str, str] = {}
        self._toon_omrekening()

    def _toon_omrekening(self) -> None:
        """For a price in another unit: the count × price sum, visibly (and the question, if any)."""
        prijs = self.prijs
        if prijs is None or prijs.eenheid in ("eenmalig", "per jaar"):
            self.omrekening.value = ""
            return
        r = self.regel
        bedrag = r.bedrag if r.bedrag is not None else prijs.bedrag
        soort = r.soort or "jaarlijks"
        self.aantal.description = aantal_label(prijs.eenheid, soort)
        wanneer = "per jaar" if soort == "jaarlijks" else "één keer"
        som = f"Rekensom: {getal(r.aantal, 4)} × {euro(bedrag)} {prijs.eenheid} = {euro(r.aantal * bedrag)} {wanneer}."
        tekst = f"{self.vraag} {som}" if self.vraag else som
        self.omrekening.value = f"<p class='dbw-omrekening'>{html.escape(tekst)}</p>"

    def _zet(self, veld: str) -> None:
        r = self.regel
        try:
            if veld == "omschrijving":
                tekst = (self.omschrijving.value or "").strip()[:200]
                r = Regel(tekst, r.bedrag, r.prijs_id, r.aantal, r.soort, r.geldstroom)
            elif veld == "bedrag":
                leeg = not (self.bedrag.value or "").strip()
                if leeg and self.prijs:
                    r = Regel(r.omschrijving, None, r.prijs_id, r.aantal, r.soort, r.geldstroom)
                else:
                    bedrag: Decimal | None = controleer_bedrag(lees_bedrag(self.bedrag.value, "bedrag"))
                    if self.prijs and bedrag == self.prijs.bedrag and r.bedrag is None:
                        bedrag = None  # unchanged: keep following the price list
                    r = Regel(r.omschrijving, bedrag, r.prijs_id, r.aantal, r.soort, r.geldstroom)
            elif veld == "aantal":
                aantal = controleer_aantal(lees_getal(self.aantal.value, "aantal"))
                r = Regel(r.omschrijving, r.bedrag, r.prijs_id, aantal, r.soort, r.geldstroom)
                self.vraag = ""
            elif veld == "soort":
                r = Regel(r.omschrijving, r.bedrag, r.prijs_id, r.aantal, self.soort.value, r.geldstroom)
            elif veld == "geldstroom":
                r = Regel(r.omschrijving, r.bedrag, r.prijs_id, r.aantal, r.soort, self.geldstroom.value)
        except DoorbraakFout as e:
            tekst = str(e).rstrip(".")
            tekst = tekst[:1].lower() + tekst[1:]
            self.fouten[veld] = f"{_VELDNAAM.get(veld, veld)}: {tekst}. De regel rekent nog met de vorige waarde."
            self._toon_fouten()
            return
        self.fouten.pop(veld, None)
        self._toon_fouten()
        self.regel = r
        self._toon_omrekening()
        self.rekenhulp.herbereken()

    def _toon_fouten(self) -> None:
        meldingen = "".join(melding(t) for t in self.fouten.values())
        self.fout.value = f'<div role="alert">{meldingen}</div>' if self.fouten else ""


_VELDNAAM = {"bedrag": "Bedrag", "aantal": "Aantal", "omschrijving": "Omschrijving"}


class Rendement:
    """State and widgets of the calculator (one instance per session)."""

    def __init__(self, prijzen: list[Prijs] | None = None, plan: Plan | None = None):
        self.nationaal: list[Prijs] = list(prijzen if prijzen is not None else laad_prijzen())
        self.prijzen: dict[str, Prijs] = prijs_per_id(self.nationaal)
        self.prijslijst = list(self.nationaal)
        self.rijen: dict[str, list[RegelRij]] = {}
        self.titel = ""
        self.kans_waarde = Decimal(1)
        self.horizon_waarde = 1
        self.disconto_waarde = Decimal(0)
        self._stil = False

        # Parameters
        self.kans = w.Text(
            value="100",
            description="Kans dat het misgaat, in procent (0 tot 100)",
            style=STIJL,
            continuous_update=False,
            layout=w.Layout(width="100%", max_width="420px"),
        )
        self.kans_fout = w.HTML()
        self.horizon = w.Dropdown(
            options=[("1 jaar", 1)] + [(f"{h} jaar", h) for h in range(2, 11)],
            value=1,
            description="Over hoeveel jaar reken je (horizon)",
            style=STIJL,
            layout=w.Layout(width="100%", max_width="420px"),
        )
        self.horizon.add_class("dbw-horizon")
        self.disconto = w.Text(
            value="0",
            description="Discontovoet, in procent per jaar (0 tot 20)",
            style=STIJL,
            continuous_update=False,
            layout=w.Layout(width="100%", max_width="420px"),
        )
        self.disconto_fout = w.HTML()
        self.kans.observe(lambda _c: self._zet_kans(), names="value")
        self.horizon.observe(lambda _c: self._zet_horizon(), names="value")
        self.disconto.observe(lambda _c: self._zet_disconto(), names="value")

        # Adding lines
        self.doel = w.Dropdown(description="Voeg toe aan", style=STIJL)
        self.zoek = w.Text(
            description="Zoek in de prijslijst",
            placeholder="bijvoorbeeld: opvang",
            style=STIJL,
            layout=w.Layout(width="100%", max_width="520px"),
        )
        self.keuze = w.Dropdown(
            description="Kies een prijs", style=STIJL, layout=w.Layout(width="100%", max_width="720px")
        )
        self.zoek_status = live_gebied()
        self.voeg_prijs = w.Button(
            description="Voeg prijs toe",
            button_style="primary",
            layout=w.Layout(width="auto"),
            tooltip="Voeg de gekozen prijs toe als regel",
        )
        self.voeg_eigen = w.Button(
            description="Voeg eigen bedrag toe",
            layout=w.Layout(width="auto"),
            tooltip="Voeg een regel toe met een bedrag dat je zelf invult",
        )
        self.voeg_alt = w.Button(
            description="Nog een doorbraak toevoegen",
            layout=w.Layout(width="auto"),
            tooltip="Vergelijk een tweede oplossing, bijvoorbeeld doorbraak B",
        )
        self.kopieer_alt = w.Button(
            description="Nog een doorbraak, met dezelfde regels",
            layout=w.Layout(width="auto"),
            tooltip="Begin een nieuwe oplossing met een kopie van de regels van de vorige",
        )
        self.kopieer_alt.on_click(lambda _b: self._voeg_alternatief_toe(kopie=True))
        self.toevoeg_fout = w.HTML()
        self.zoek.observe(lambda _c: self._zoek(), names="value")
        self.voeg_prijs.on_click(lambda _b: self._voeg_prijs_toe())
        self.voeg_eigen.on_click(lambda _b: self._voeg_eigen_toe())
        self.voeg_alt.on_click(lambda _b: self._voeg_alternatief_toe())

        # Scenarios
        self.scenario_box = w.VBox()

        # Results
        self.uitleg = live_gebied()
        self.totalen = w.HTML()
        self.per_geldstroom = w.HTML()
        self.gevoelig = w.HTML()

        # Save and load
        self.upload = w.FileUpload(
            accept=".json,application/json",
            multiple=False,
            description="Plan laden (JSON)",
            layout=w.Layout(width="auto"),
        )
        self.upload.observe(lambda _c: self._laad_upload(), names="value")
        self.laad_voorbeeld = w.Button(
            description="Laad het voorbeeld", layout=w.Layout(width="auto"), tooltip="Laad het uitgewerkte voorbeeld"
        )
        self.laad_voorbeeld.on_click(lambda _b: self._laad_tekst(VOORBEELDPLAN.read_bytes(), VOORBEELDPLAN.name))
        self.leeg = w.Button(
            description="Begin opnieuw", layout=w.Layout(width="auto"), tooltip="Maak alle scenario's leeg"
        )
        self.leeg.on_click(lambda _b: self.zet_plan(Plan(scenarios={"huidig": (), "dreigend": (), "doorbraak": ()})))
        self.laad_status = live_gebied()
        self.downloads = w.HTML()
        self.tarieven = w.FileUpload(
            accept=".csv,.xlsx", multiple=False, description="Eigen tarieven laden", layout=w.Layout(width="auto")
        )
        self.tarieven.tooltip = "Laad je eigen tarievenlijst (CSV uit Excel of .xlsx)"
        self.tarieven.observe(lambda _c: self._laad_tarieven(), names="value")
        self.tarieven_status = live_gebied()

        self.widget = w.VBox(
            [
                stijl(),
                w.HTML(_CSS),
                w.HTML(
                    "<h2>1. Kies je uitgangspunten</h2>"
                    "<p>Hoe groot is de kans dat het misgaat? Over hoeveel jaar reken je?</p>"
                ),
                w.HBox([self.kans, self.kans_fout], layout=w.Layout(flex_flow="row wrap", align_items="center")),
                self.horizon,
                w.HBox(
                    [self.disconto, self.disconto_fout], layout=w.Layout(flex_flow="row wrap", align_items="center")
                ),
                w.HTML(
                    "<h2>2. Zet de kosten in de scenario's</h2>"
                    "<p>Zoek een prijs of vul zelf een bedrag in. Kies bij elke regel hoe vaak en wie betaalt.</p>"
                ),
                w.HTML(
                    "<p>Heeft jouw gemeente eigen tarieven? Laad ze hier. "
                    "Ze gaan dan voor de landelijke prijslijst.</p>"
                ),
                self.tarieven,
                self.tarieven_status,
                self.doel,
                self.zoek,
                self.zoek_status,
                self.keuze,
                w.HBox(
                    [self.voeg_prijs, self.voeg_eigen, self.voeg_alt, self.kopieer_alt],
                    layout=w.Layout(flex_flow="row wrap"),
                ),
                self.toevoeg_fout,
                self.scenario_box,
                w.HTML("<h2>3. Wat levert het op?</h2>"),
                self.uitleg,
                self.totalen,
                w.HTML("<h3>Wie betaalt en wie bespaart?</h3>"),
                self.per_geldstroom,
                w.HTML(
                    "<h3>Als de kans of de horizon anders is</h3>"
                    "<p>Eén getal is geen zekerheid. Kijk wat het plan scheelt bij een andere kans of horizon.</p>"
                ),
                self.gevoelig,
                w.HTML(
                    "<h2>4. Bewaar je werk</h2>"
                    "<p>Download je plan als JSON. Later laad je het weer in. "
                    "De samenvatting kun je bij het dossier doen.</p>"
                ),
                self.downloads,
                w.HBox([self.upload, self.laad_voorbeeld, self.leeg], layout=w.Layout(flex_flow="row wrap")),
                self.laad_status,
            ]
        )
        self.widget.add_class("dbw-rendement")
        self._zoek()
        self.zet_plan(plan or Plan(scenarios={"huidig": (), "dreigend": (), "doorbraak": ()}))

    # --- state ------------------------------------------------------------------------
    def plan(self) -> Plan:
        """The plan as it is now on screen (only valid values)."""
        return Plan(
            scenarios={s: tuple(r.regel for r in rijen) for s, rijen in self.rijen.items()},
            horizon_jaren=self.horizon_waarde,
            kans_dreigend=self.kans_waarde,
            discontovoet=self.disconto_waarde,
            titel=self.titel,
        )

    def zet_plan(self, plan: Plan) -> None:
        """Show a whole plan (after loading a file)."""
        self._stil = True
        try:
            self.titel = plan.titel
            self.kans_waarde = plan.kans_dreigend
            self.horizon_waarde = plan.horizon_jaren
            self.disconto_waarde = plan.discontovoet
            self.kans.value = getal(plan.kans_dreigend * 100, 2)
            self.kans_fout.value = ""
            self.horizon.value = plan.horizon_jaren
            self.disconto.value = getal(plan.discontovoet * 100, 2)
            self.disconto_fout.value = ""
            self.rijen = {s: [RegelRij(self, s, r) for r in regels] for s, regels in plan.scenarios.items()}
        finally:
            self._stil = False
        self._bouw_scenarios()
        self.herbereken()

    def _zet_kans(self) -> None:
        if self._stil:
            return
        try:
            fractie = lees_procent(self.kans.value, "kans")
            try:
                p = controleer_kans(fractie)
            except DoorbraakFout:
                raise DoorbraakFout(
                    "Vul een getal van 0 tot 100 in, bijvoorbeeld 50. Hoogstens 2 cijfers achter de komma"
                ) from None
        except DoorbraakFout as e:
            uitleg_fout = f"{str(e).rstrip('.')}. Ik reken nog met {procent(self.kans_waarde)}."
            self.kans_fout.value = f'<div role="alert">{melding(uitleg_fout)}</div>'
            return
        self.kans_fout.value = ""
        self.kans_waarde = p
        self.herbereken()

    def _zet_horizon(self) -> None:
        if self._stil:
            return
        self.horizon_waarde = int(self.horizon.value)
        self.herbereken()

    def _zet_disconto(self) -> None:
        if self._stil:
            return
        try:
            fractie = lees_procent(self.disconto.value, "discontovoet")
            try:
                r = controleer_discontovoet(fractie)
            except DoorbraakFout:
                raise DoorbraakFout(
                    "Vul een getal van 0 tot 20 in, bijvoorbeeld 3. Hoogstens 2 cijfers achter de komma"
                ) from None
        except DoorbraakFout as e:
            tekst = str(e).rstrip(".")
            uitleg_fout = f"{tekst}. Ik reken nog met {procent(self.disconto_waarde)}."
            self.disconto_fout.value = f'<div role="alert">{melding(uitleg_fout)}</div>'
            return
        self.disconto_fout.value = ""
        self.disconto_waarde = r
        self.herbereken()

    # --- scenarios --------------------------------------------------------------------
    def _bouw_scenarios(self) -> None:
        blokken = []
        for s, rijen in self.rijen.items():
            kop = [
                w.HTML(
                    f"<h3>Scenario: {html.escape(s)}</h3>"
                    f"<p>{html.escape(UITLEG_SCENARIO.get(s, 'Wat het plan kost. Tel alle hulp mee.'))}</p>"
                )
            ]
            if s.startswith("doorbraak") and s != "doorbraak":
                weg = w.Button(
                    description=f"Verwijder {s}",
                    tooltip=f"Haal het alternatief '{s}' weg",
                    layout=w.Layout(width="auto"),
                )
                weg.on_click(lambda _b, s=s: self._verwijder_alternatief(s))
                kop.append(weg)
            inhoud = [r.widget for r in rijen] or [w.HTML("<p>Nog geen regels.</p>")]
            blok = w.VBox([*kop, *inhoud])
            blok.add_class("dbw-scenario")
            blokken.append(blok)
        self.scenario_box.children = blokken
        huidig = self.doel.value
        self.doel.options = list(self.rijen)
        self.doel.value = huidig if huidig in self.rijen else next(iter(self.rijen), None)
        self.voeg_alt.disabled = len(self.rijen) >= MAX_SCENARIOS
        self.kopieer_alt.disabled = len(self.rijen) >= MAX_SCENARIOS

    def _voeg_alternatief_toe(self, kopie: bool = False) -> None:
        """A new alternative, empty or (kopie) with the lines of the last alternative."""
        for letter in LETTERS:
            naam = f"doorbraak {letter}"
            if naam not in self.rijen:
                break
        else:
            return
        if len(self.rijen) >= MAX_SCENARIOS:
            return
        vorige = [s for s in self.rijen if s.startswith("doorbraak")]
        bron = self.rijen[vorige[-1]] if kopie and vorige else []
        self.rijen[naam] = [RegelRij(self, naam, r.regel) for r in bron]
        self._bouw_scenarios()
        self.doel.value = naam
        self.herbereken()

    def _verwijder_alternatief(self, naam: str) -> None:
        self.rijen.pop(naam, None)
        self._bouw_scenarios()
        self.herbereken()

    def verwijder_regel(self, rij: RegelRij) -> None:
        lijst = self.rijen.get(rij.scenario, [])
        if rij in lijst:
            lijst.remove(rij)
        self._bouw_scenarios()
        self.herbereken()

    # --- adding lines -----------------------------------------------------------------
    def _zoek(self) -> None:
        vraag = self.zoek.value or ""
        treffers = zoek_prijzen(vraag, self.prijslijst, top=15)
        self.keuze.options = [
            (f"{t.prijs.item} — {euro(t.prijs.bedrag)} {t.prijs.eenheid} ({t.prijs.geldstroom})", t.prijs.id)
            for t in treffers
        ]
        if not vraag.strip():
            tekst = "Typ een paar woorden om te zoeken."
        elif treffers:
            tekst = f"{len(treffers)} prijzen gevonden. Kies er een in de lijst."
        else:
            tekst = "Geen prijzen gevonden. Probeer andere woorden of vul zelf een bedrag in."
        zet_live(self.zoek_status, html.escape(tekst))

    def _nieuwe_regel(self, regel: Regel, vraag: str = "") -> None:
        s = self.doel.value
        if s not in self.rijen:
            self.toevoeg_fout.value = melding("Kies eerst een scenario.")
            return
        self.toevoeg_fout.value = ""
        self.rijen[s].append(RegelRij(self, s, regel, vraag))
        self._bouw_scenarios()
        self.herbereken()

    def _voeg_prijs_toe(self) -> None:
        ident = self.keuze.value
        if not ident or ident not in self.prijzen:
            self.toevoeg_fout.value = melding("Zoek en kies eerst een prijs.")
            return
        prijs = self.prijzen[ident]
        aantal, zin = start_aantal(prijs)
        self._nieuwe_regel(Regel(prijs_id=ident, aantal=aantal), zin)
        if zin:
            zet_live(self.zoek_status, html.escape(zin))

    def _voeg_eigen_toe(self) -> None:
        self._nieuwe_regel(
            Regel(
                omschrijving="Eigen bedrag",
                bedrag=Decimal(0),
                aantal=Decimal(1),
                soort="jaarlijks",
                geldstroom=geldstroom_namen()[0],
            )
        )

    # --- load -------------------------------------------------------------------------
    def _laad_tarieven(self) -> None:
        waarde = self.tarieven.value
        if not waarde:
            return
        bestand = waarde[0]
        naam = str(bestand.get("name", "tarieven.csv"))
        inhoud = bytes(bestand.get("content", b""))
        self.tarieven.value = ()
        try:
            lokaal = lees_tarieven(inhoud, naam, nationaal=self.nationaal)
        except DoorbraakFout as e:
            regels = str(e).splitlines()
            lijst = "".join(f"<li>{html.escape(r.lstrip('- '))}</li>" for r in regels[1:11])
            zet_live(
                self.tarieven_status,
                melding(regels[0] + " Je rekent nog met de vorige prijzen.")
                + (f"<ul class='melding-fout'>{lijst}</ul>" if lijst else ""),
            )
            return
        plan = self.plan()
        gecombineerd = combineer(self.nationaal, lokaal)
        self.prijzen = prijs_per_id(gecombineerd)
        self.prijslijst = gecombineerd
        self._zoek()
        self.zet_plan(plan)
        zet_live(
            self.tarieven_status,
            melding(f"{len(lokaal)} eigen tarieven geladen uit {naam}. De regels rekenen nu met deze tarieven.", "ok"),
        )

    def _laad_upload(self) -> None:
        waarde = self.upload.value
        if not waarde:
            return
        bestand = waarde[0]
        inhoud = bytes(bestand.get("content", b""))
        naam = str(bestand.get("name", "plan.json"))
        self.upload.value = ()  # the same file can be loaded again later
        self._laad_tekst(inhoud, naam)

    def _laad_tekst(self, inhoud: str | bytes, naam: str) -> None:
        try:
            plan = lees_json(inhoud, self.prijzen, bestand=naam)
        except DoorbraakFout as e:
            regels = str(e).splitlines()
            lijst = "".join(f"<li>{html.escape(r.lstrip('- '))}</li>" for r in regels[1:11])
            zet_live(
                self.laad_status,
                melding(regels[0] + " Je plan op het scherm blijft zoals het was.")
                + (f"<ul class='melding-fout'>{lijst}</ul>" if lijst else ""),
            )
            return
        self.zet_plan(plan)
        zet_live(self.laad_status, melding(f"Het plan uit {naam} is geladen.", "ok"))

    # --- results ----------------------------------------------------------------------
    def herbereken(self) -> None:
        if self._stil:
            return
        plan = self.plan()
        try:
            u = bereken(plan, self.prijzen)
        except DoorbraakFout as e:
            zet_live(self.uitleg, melding(str(e)))
            return
        volgorde = list(plan.scenarios)
        if not any(plan.scenarios.values()):
            zet_live(
                self.uitleg,
                "<p class='dbw-uitleg'>Nog geen kosten ingevuld. "
                "Voeg regels toe aan de scenario's. Of kies 'Laad het voorbeeld'.</p>",
            )
        else:
            self._toon_uitleg(plan, u)
        self._toon_rest(plan, u, volgorde)

    def _toon_uitleg(self, plan: Plan, u: Uitkomst) -> None:
        zinnen = [uitleg(u)] + [
            (f"{d}: " if len(u.alternatieven) > 1 else "") + maand_tekst(u.break_even_maand[d], u.horizon_jaren)
            for d in u.alternatieven
        ]
        voorwaarde = (
            f"Je rekent met {procent(plan.kans_dreigend)} kans dat het misgaat, over {plan.horizon_jaren} jaar."
        )
        zet_live(
            self.uitleg,
            "<p class='dbw-uitleg'>"
            + "<br>".join(html.escape(z) for z in zinnen)
            + f"</p><p class='dbw-klein'>{html.escape(voorwaarde)}</p>",
        )

    def _toon_rest(self, plan: Plan, u: Uitkomst, volgorde: list[str]) -> None:
        rijen = [(naam_tekst(s), u.totaal[s], kleur(s, volgorde)) for s in ("huidig", "dreigend")]
        rijen.append((naam_tekst(NIETS_DOEN), u.niets_doen, KLEUREN[NIETS_DOEN]))
        rijen += [(d, u.totaal[d], kleur(d, volgorde)) for d in u.alternatieven]
        self.totalen.value = staven_html(f"Kosten per scenario over {plan.horizon_jaren} jaar", rijen)
        self.per_geldstroom.value = geldstroom_html(u, volgorde)
        self.gevoelig.value = gevoeligheid_html(plan, self.prijzen)
        self.downloads.value = (
            "<p class='dbw-downloads'>"
            + _data_link(schrijf_json(plan), "plan-doorbraakwijzer.json", "Download je plan (JSON)", "application/json")
            + " · "
            + _data_link(
                samenvatting_markdown(plan, self.prijzen),
                "samenvatting-doorbraakwijzer.md",
                "Download de samenvatting (Markdown)",
                "text/markdown",
            )
            + " · "
            + _data_link(
                samenvatting_html(plan, self.prijzen),
                "samenvatting-doorbraakwijzer.html",
                "Download de afdrukversie (HTML)",
                "text/html",
            )
            + "</p>"
        )


_CSS = (
    "<style>"
    ".dbw-rendement h2{font-size:1.3em;margin:1em 0 .3em}.dbw-rendement h3{font-size:1.1em;margin:.8em 0 .3em}"
    ".dbw-scenario{border-left:4px solid #0b4f8a;padding-left:8px;margin:8px 0}"
    ".dbw-grafiek{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}"
    ".dbw-grafiek>*{min-width:0;max-width:100%}"
    ".dbw-rendement .widget-html,.dbw-rendement .widget-html-content{min-width:0;max-width:100%;flex-shrink:1}"
    ".dbw-staven{flex:1 1 260px}.dbw-grafiek>table,.dbw-grafiek>.dbw-tabel-scroll{flex:1 1 320px}"
    ".dbw-staaf-rij{display:flex;align-items:center;gap:6px;margin:2px 0}"
    ".dbw-staaf-label{flex:0 0 150px;font-size:14px}"
    ".dbw-staaf{display:inline-block;height:16px;min-width:0}"
    ".dbw-groep{margin-bottom:8px}.dbw-tabel-scroll{overflow-x:auto;max-width:100%}"
    ".dbw-uitleg{font-size:1.1em;font-weight:bold}.dbw-klein{font-size:14px;color:#333}"
    ".dbw-downloads a{margin-right:.5em}"
    ".dbw-omrekening{margin:2px 0;font-size:15px;color:#1a1a1a;background:#eef4fa;padding:2px 6px}"
    ".dbw-horizon select{min-width:8em}"
    "</style>"
)


def maak_rendement() -> w.Widget:
    """Build the calculator "Wat levert het op?" (see :func:`open_uit_adres` for ``?casus=``)."""
    rekenhulp = Rendement()
    rekenhulp.widget.rekenhulp = rekenhulp
    return rekenhulp.widget


@na_het_verzoek
def open_uit_adres(widget: w.Widget) -> None:
    """Start from a catalogue case when the address says ``?casus=<id>`` ("gebruik als startpunt")."""
    import json

    from calculators.casussen.catalogus import plan_uit_query
    from calculators.kern.widget import adres_parameter

    ident = adres_parameter("casus")
    if not ident:
        return
    rekenhulp = widget.rekenhulp
    try:
        plan = plan_uit_query(f"casus={ident}")
    except DoorbraakFout as e:
        zet_live(rekenhulp.laad_status, melding(str(e)))
        return
    if plan is not None:
        rekenhulp._laad_tekst(json.dumps(plan, ensure_ascii=False), f"casus {ident}")
