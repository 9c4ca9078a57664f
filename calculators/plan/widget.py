"""Widget "Doorbraakplan": write the whole plan, step by step, and hand in one file.

- The sections follow the method (perspectief … besluit); each help text comes from the
  book (:mod:`calculators.plan.hulpteksten`).
- Legitimiteit searches the law lookup (:func:`calculators.wetten.zoeker.zoek_wetten`) and
  adds an article with its "Zin voor je plan" (:func:`calculators.wetten.artikelen.citeerzin`).
- Rendement *is* the cost calculator: the :class:`calculators.rendement.widget.Rendement`
  object is embedded, not copied. Its alternatives (doorbraak, doorbraak B …) are compared
  side by side in the besluit section, where one is chosen.
- The plan saves and loads as the plan file (:mod:`calculators.plan.model`); free text goes
  through the privacy guard before a download is offered.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import json
from typing import Any

import ipywidgets as w

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import euro
from calculators.kern.paden import DATA
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.widget import live_gebied, melding, na_het_verzoek, stijl, zet_live
from calculators.plan.afdruk import als_docx, als_html, als_pdf, maak_afdruk
from calculators.plan.controle import privacy_bevindingen, volledigheid
from calculators.plan.hulpteksten import Stap, stappen
from calculators.plan.model import (
    PLAN_VELDEN,
    Doorbraakplan,
    lees_planbestand,
    plan_als_dict,
    schrijf_planbestand,
    valideer_plan,
)
from calculators.rendement.export import regel_als_dict
from calculators.rendement.model import Plan, bereken, maand_tekst
from calculators.rendement.widget import Rendement
from calculators.wetten.artikelen import citeerzin, ontleed_referentie
from calculators.wetten.zoeker import zoek_wetten

STIJL = {"description_width": "initial"}
BREED = w.Layout(width="100%", max_width="720px")
KNOP = {"width": "auto", "align_self": "flex-start"}
VOORBEELD = DATA / "voorbeelden" / "doorbraakplan-voorbeeld.json"
# Plan-file keys this screen edits: every top-level field of the plan model. Any other key
# of a loaded plan (a newer file, a municipality's own addition) is kept as it was.
OP_HET_SCHERM = frozenset(PLAN_VELDEN)
UITKOMSTEN = [
    ("Nog geen besluit", ""),
    ("goedgekeurd", "goedgekeurd"),
    ("afgewezen", "afgewezen"),
    ("aangepast", "aangepast"),
]


def _data_link(tekst: str | bytes, bestandsnaam: str, label: str, mime: str) -> str:
    inhoud = tekst.encode("utf-8") if isinstance(tekst, str) else tekst
    data = base64.b64encode(inhoud).decode("ascii")
    return (
        f'<a class="downloadlink" download="{html.escape(bestandsnaam)}" '
        f'href="data:{mime};base64,{data}">{html.escape(label)}</a>'
    )


def vergelijking_html(plan: Plan, prijzen) -> str:
    """The alternatives side by side: what each costs, saves and when it pays back."""
    try:
        u = bereken(plan, prijzen)
    except DoorbraakFout as e:
        return melding(str(e))
    if not any(plan.scenarios.values()):
        return "<p>Nog geen kosten ingevuld. Vul eerst stap 6 in.</p>"
    kop = "".join(f"<th scope='col' class='bedrag'>{html.escape(d)}</th>" for d in u.alternatieven)
    rijen = [
        ("Kosten", [euro(u.totaal[d]) for d in u.alternatieven]),
        ("Scheelt met niets doen", [euro(u.netto[d]) for d in u.alternatieven]),
        ("Terugverdiend", [maand_tekst(u.break_even_maand[d], u.horizon_jaren) for d in u.alternatieven]),
    ]
    lichaam = "".join(
        f"<tr><th scope='row'>{html.escape(naam)}</th>"
        + "".join(f"<td class='bedrag'>{html.escape(c)}</td>" for c in cellen)
        + "</tr>"
        for naam, cellen in rijen
    )
    return (
        "<div class='dbw-tabel-scroll' tabindex='0' role='region' aria-label='De oplossingen naast elkaar'>"
        f"<table class='dbw-tabel'><caption>De oplossingen naast elkaar, over {u.horizon_jaren} jaar. "
        f"Niets doen kost naar verwachting {html.escape(euro(u.niets_doen))}.</caption>"
        f"<thead><tr><th scope='col'>Oplossing</th>{kop}</tr></thead><tbody>{lichaam}</tbody></table></div>"
    )


class ArtikelRij:
    """One chosen article: its citation sentence and the motivation the user writes."""

    def __init__(self, bouwer: PlanBouwer, referentie: str, motivering: str = ""):
        self.referentie = referentie
        artikel, lid = ontleed_referentie(referentie)
        self.zin = citeerzin(artikel, lid)
        self.motivering = w.Textarea(
            value=motivering,
            description=f"Waarom past {referentie} hier?",
            style=STIJL,
            rows=3,
            layout=w.Layout(width="100%", max_width="720px"),
            continuous_update=False,
        )
        self.weg = w.Button(
            description=f"Haal {referentie} weg", layout=w.Layout(**KNOP), tooltip="Haal dit artikel uit je plan"
        )
        self.weg.on_click(lambda _b: bouwer.verwijder_artikel(self))
        self.widget = w.VBox(
            [
                w.HTML(
                    f"<p><strong>{html.escape(referentie)}</strong>: {html.escape(artikel.titel)}. "
                    f"<a href='{html.escape(artikel.url)}' target='_blank' rel='noopener'>"
                    "Lees op wetten.overheid.nl</a></p>"
                    f"<p class='dbw-zin-plan'>Zin voor je plan: <q>{html.escape(self.zin)}</q></p>"
                ),
                self.motivering,
                self.weg,
            ]
        )
        self.widget.add_class("dbw-rij")


class KnelpuntRij:
    """One knelpunt: which kind, which organisation and rule, and what blocks."""

    def __init__(
        self,
        bouwer: PlanBouwer,
        soort: str = "geen-toegang",
        organisatie: str = "",
        regel: str = "",
        omschrijving: str = "",
    ):
        from calculators.patronen.gegevens import laad_patronen

        opties = [(f"{k.naam}: {k.kort}", k.id) for k in laad_patronen().knelpunten]
        self.soort = w.Dropdown(
            options=opties,
            value=soort,
            description="Soort knelpunt",
            style=STIJL,
            layout=w.Layout(width="auto", max_width="720px"),
        )
        self.organisatie = w.Text(
            value=organisatie, description="Welke organisatie?", style=STIJL, layout=BREED, continuous_update=False
        )
        self.regel = w.Text(
            value=regel, description="Welke regel of welk systeem?", style=STIJL, layout=BREED, continuous_update=False
        )
        self.omschrijving = w.Textarea(
            value=omschrijving,
            description="Wat knelt er?",
            style=STIJL,
            rows=3,
            layout=w.Layout(width="100%", max_width="720px"),
            continuous_update=False,
        )
        self.weg = w.Button(description="Haal dit knelpunt weg", layout=w.Layout(**KNOP))
        self.weg.on_click(lambda _b: bouwer.verwijder_knelpunt(self))
        for veld in (self.soort, self.organisatie, self.regel, self.omschrijving):
            veld.observe(lambda _c: bouwer._gewijzigd(), names="value")
        self.widget = w.VBox([self.soort, self.organisatie, self.regel, self.omschrijving, self.weg])
        self.widget.add_class("dbw-rij")

    def als_dict(self) -> dict[str, str]:
        return {
            "soort": self.soort.value,
            "organisatie": self.organisatie.value,
            "regel": self.regel.value,
            "omschrijving": self.omschrijving.value,
        }


class PlanBouwer:
    """State and widgets of the plan builder (one per session)."""

    def __init__(self, rendement: Rendement | None = None):
        self.rendement = rendement or Rendement()
        self.stappen: dict[str, Stap] = {s.sleutel: s for s in stappen()}
        self.artikelen: list[ArtikelRij] = []
        self.bewaard: dict[str, Any] = {}  # parts the screen does not edit (knelpunten), kept as loaded

        lang = w.Layout(width="100%", max_width="720px")
        self.titel = w.Text(
            description="Titel van het plan (zonder namen)", style=STIJL, layout=BREED, continuous_update=False
        )
        self.datum = w.Text(
            value=_dt.date.today().isoformat(),
            description="Datum (jjjj-mm-dd)",
            style=STIJL,
            layout=w.Layout(width="auto", max_width="320px"),
            continuous_update=False,
        )
        self.kenmerk = w.Text(
            description="Eigen kenmerk (geen BSN, mag leeg)",
            style=STIJL,
            layout=w.Layout(width="auto", max_width="420px"),
            continuous_update=False,
        )
        self.perspectief = w.Textarea(
            description="Wat wil het huishouden, in eigen woorden?",
            style=STIJL,
            rows=5,
            layout=lang,
            continuous_update=False,
        )
        self.huidige_situatie = w.Textarea(
            description="Hoe gaat het nu?", style=STIJL, rows=5, layout=lang, continuous_update=False
        )
        self.dreigend_scenario = w.Textarea(
            description="Wat gebeurt er als niemand iets doet?",
            style=STIJL,
            rows=5,
            layout=lang,
            continuous_update=False,
        )
        self.doorbraak = w.Textarea(
            description="Wat is de eerste stap?", style=STIJL, rows=5, layout=lang, continuous_update=False
        )
        voc = laad_vocabulaire()
        self.domeinen = w.SelectMultiple(
            options=voc.domein_namen,
            description="Leefgebieden (Ctrl+klik voor meer)",
            style=STIJL,
            layout=w.Layout(width="auto", max_width="520px", height="140px"),
        )
        self.maatwerkbudget = w.Text(
            value="0",
            description="Uit een maatwerkbudget, in euro (0 als er geen is)",
            style=STIJL,
            layout=w.Layout(width="auto", max_width="520px"),
            continuous_update=False,
        )

        # Legitimiteit: the law lookup
        self.wetvraag = w.Text(
            description="Zoek een artikel",
            placeholder="bijvoorbeeld: huurachterstand betalen",
            style=STIJL,
            layout=BREED,
            continuous_update=False,
        )
        self.wetzoek = w.Button(
            description="Zoek", button_style="primary", layout=w.Layout(**KNOP), tooltip="Zoek in de wetzoeker"
        )
        self.wetkeuze = w.Dropdown(description="Kies een artikel", style=STIJL, layout=BREED)
        self.wetstatus = live_gebied()
        self.wetvoeg = w.Button(
            description="Zet in mijn plan", layout=w.Layout(**KNOP), tooltip="Voeg het gekozen artikel toe aan je plan"
        )
        self.artikel_box = w.VBox()
        self.wetvraag.observe(lambda _c: self.zoek_artikel(), names="value")
        self.wetzoek.on_click(lambda _b: self.zoek_artikel())
        self.wetvoeg.on_click(lambda _b: self.voeg_artikel_toe(self.wetkeuze.value))

        self.kans_toelichting = w.Textarea(
            description="Waarom deze kans en deze horizon?", style=STIJL, rows=5, layout=lang, continuous_update=False
        )

        # Betrokkenheid
        self.eigen_inzet = w.Textarea(
            description="Wat doet het huishouden zelf?", style=STIJL, rows=5, layout=lang, continuous_update=False
        )
        self.aanspreekpunt = w.Text(
            description="Wie is het ene aanspreekpunt? (functie, geen naam)",
            style=STIJL,
            layout=BREED,
            continuous_update=False,
        )

        # Knelpunten
        self.knelpunten: list[KnelpuntRij] = []
        self.knelpunt_box = w.VBox()
        self.voeg_knelpunt = w.Button(
            description="Voeg een knelpunt toe",
            layout=w.Layout(**KNOP),
            tooltip="Schrijf een regel of systeem op dat in de weg zit",
        )
        self.voeg_knelpunt.on_click(lambda _b: self._nieuw_knelpunt())

        # Besluit: the alternatives side by side and the choice
        self.vergelijking = w.HTML()
        self.gekozen = w.Dropdown(
            description="Welke oplossing kies je?", style=STIJL, layout=w.Layout(width="auto", max_width="520px")
        )
        self.besluit_door = w.Text(
            description="Wie besluit? (team of functie)", style=STIJL, layout=BREED, continuous_update=False
        )
        self.besluit_datum = w.Text(
            description="Datum van het besluit (jjjj-mm-dd)",
            style=STIJL,
            layout=w.Layout(width="auto", max_width="360px"),
            continuous_update=False,
        )
        self.besluit_uitkomst = w.Dropdown(
            options=UITKOMSTEN,
            value="",
            description="Uitkomst",
            style=STIJL,
            layout=w.Layout(width="100%", max_width="360px"),
        )
        self.besluit_toelichting = w.Textarea(
            description="Toelichting op het besluit", style=STIJL, rows=5, layout=lang, continuous_update=False
        )

        # Save, load, print
        self.maak_klaar = w.Button(
            description="Controleer en maak downloads",
            button_style="primary",
            layout=w.Layout(**KNOP),
            tooltip="Controleer je plan op privacy en maak het planbestand en de afdruk",
        )
        self.maak_klaar.on_click(lambda _b: self.maak_downloads())
        self.privacy = live_gebied()
        self.downloads = w.HTML()
        self.upload = w.FileUpload(
            accept=".json,application/json",
            multiple=False,
            description="Doorbraakplan laden (JSON)",
            layout=w.Layout(**KNOP),
        )
        self.upload.observe(lambda _c: self._laad_upload(), names="value")
        self.laad_voorbeeld = w.Button(
            description="Laad het voorbeeldplan", layout=w.Layout(**KNOP), tooltip="Laad het uitgewerkte voorbeeldplan"
        )
        self.laad_voorbeeld.on_click(lambda _b: self.laad_tekst(VOORBEELD.read_bytes(), VOORBEELD.name))
        self.leeg = w.Button(
            description="Begin met een leeg plan", layout=w.Layout(**KNOP), tooltip="Maak alle stappen leeg"
        )
        self.leeg.on_click(lambda _b: self.zet_plan(Doorbraakplan.model_validate({"datum": _dt.date.today()})))
        self.status = live_gebied()
        self.veldfout = live_gebied()

        # Every change makes old downloads stale; the comparison follows the cost calculator.
        for veld in (
            self.titel,
            self.datum,
            self.kenmerk,
            self.perspectief,
            self.huidige_situatie,
            self.dreigend_scenario,
            self.doorbraak,
            self.domeinen,
            self.maatwerkbudget,
            self.eigen_inzet,
            self.kans_toelichting,
            self.aanspreekpunt,
            self.gekozen,
            self.besluit_door,
            self.besluit_datum,
            self.besluit_uitkomst,
            self.besluit_toelichting,
        ):
            veld.observe(lambda _c: self._gewijzigd(), names="value")
        self._verberg_eigen_bewaren()
        self._herbereken_rendement = self.rendement.herbereken
        self.rendement.herbereken = self._na_rendement  # type: ignore[method-assign]

        self.widget = w.VBox(
            [
                stijl(),
                w.HTML(_CSS),
                w.HTML(
                    "<p>Schrijf je doorbraakplan stap voor stap. Je plan blijft alleen op jouw computer: "
                    "bewaar het als bestand. Schrijf geen namen, adressen of BSN in het plan.</p>"
                ),
                w.HBox([self.laad_voorbeeld, self.leeg, self.upload], layout=w.Layout(flex_flow="row wrap")),
                self.status,
                w.HTML("<h2>Over dit plan</h2>"),
                self.titel,
                w.HBox([self.datum, self.kenmerk], layout=w.Layout(flex_flow="row wrap")),
                self.domeinen,
                self._kop("perspectief"),
                self.perspectief,
                self._kop("huidige_situatie"),
                self.huidige_situatie,
                w.HTML("<p class='dbw-klein'>De kosten van de huidige situatie zet je bij stap 6.</p>"),
                self._kop("dreigend_scenario"),
                self.dreigend_scenario,
                self._kop("doorbraak"),
                self.doorbraak,
                self.maatwerkbudget,
                self._kop("legitimiteit"),
                w.HBox([self.wetvraag, self.wetzoek], layout=w.Layout(flex_flow="row wrap", align_items="center")),
                self.wetstatus,
                self.wetkeuze,
                self.wetvoeg,
                self.artikel_box,
                self._kop("rendement"),
                w.HTML(
                    "<p>Dit is de rekenhulp <em>Wat levert het op?</em>. Meer oplossingen? "
                    "Kies 'Nog een doorbraak toevoegen'. Je vult de huidige situatie maar één keer in.</p>"
                ),
                self.rendement.widget,
                self.kans_toelichting,
                self._kop("betrokkenheid"),
                self.eigen_inzet,
                self.aanspreekpunt,
                self._kop("knelpunten"),
                self.knelpunt_box,
                self.voeg_knelpunt,
                self._kop("besluit"),
                self.vergelijking,
                self.gekozen,
                self.besluit_door,
                w.HBox([self.besluit_datum, self.besluit_uitkomst], layout=w.Layout(flex_flow="row wrap")),
                self.besluit_toelichting,
                self.veldfout,
                w.HTML(
                    "<h2>Bewaar en druk af</h2><p>Eerst controleer ik je tekst op namen, adressen en andere "
                    "gegevens over personen. Daarna kun je het plan downloaden.</p>"
                ),
                self.maak_klaar,
                self.privacy,
                self.downloads,
            ]
        )
        self.widget.add_class("dbw-plan")
        self.zoek_artikel()
        self._toon_knelpunten()
        self._na_rendement()

    def _verberg_eigen_bewaren(self) -> None:
        """Inside the plan the cost calculator does not save on its own: the whole plan is saved below."""
        r = self.rendement
        eigen = {id(r.downloads), id(r.laad_status)}
        for kind in r.widget.children:
            if (
                id(kind) in eigen
                or (isinstance(kind, w.HBox) and r.upload in kind.children)
                or (isinstance(kind, w.HTML) and "4. Bewaar je werk" in kind.value)
            ):
                kind.layout.display = "none"

    def _kop(self, sleutel: str) -> w.HTML:
        s = self.stappen[sleutel]
        return w.HTML(
            f"<h2>{html.escape(s.kop)}</h2><p class='dbw-hulp'>{html.escape(s.hulp)} "
            f"<a href='../../book/{html.escape(s.pagina)}.html' target='_blank' rel='noopener'>"
            f"Lees meer in het boek</a></p>"
        )

    # --- state -----------------------------------------------------------------------
    def plan_dict(self) -> dict[str, Any]:
        """The plan on screen as plan-file data (what :meth:`plan` validates)."""
        r = self.rendement.plan()
        d: dict[str, Any] = {
            "titel": self.titel.value,
            "datum": self.datum.value.strip() or None,
            "kenmerk": self.kenmerk.value,
            "perspectief": self.perspectief.value,
            "huidige_situatie": self.huidige_situatie.value,
            "dreigend_scenario": self.dreigend_scenario.value,
            "doorbraak": self.doorbraak.value,
            "legitimiteit": [{"artikel": a.referentie, "motivering": a.motivering.value} for a in self.artikelen],
            "betrokkenheid": {"eigen_inzet": self.eigen_inzet.value, "aanspreekpunt": self.aanspreekpunt.value},
            "domeinen": list(self.domeinen.value),
            "knelpunten": [k.als_dict() for k in self.knelpunten],
            "scenarios": {s: [regel_als_dict(x) for x in regels] for s, regels in r.scenarios.items()},
            "kans_dreigend": r.kans_dreigend,
            "horizon_jaren": r.horizon_jaren,
            "discontovoet": r.discontovoet,
        }
        if "kans_toelichting" in Doorbraakplan.model_fields:
            d["kans_toelichting"] = self.kans_toelichting.value
        budget = (self.maatwerkbudget.value or "").strip()
        if budget:
            from calculators.rendement.widget import lees_getal

            d["maatwerkbudget"] = lees_getal(budget, "maatwerkbudget")
        d.update(self.bewaard)
        if self.besluit_uitkomst.value:
            d["besluit"] = {
                "door": self.besluit_door.value,
                "datum": self.besluit_datum.value.strip() or None,
                "uitkomst": self.besluit_uitkomst.value,
                "gekozen_alternatief": self.gekozen.value or "",
                "toelichting": self.besluit_toelichting.value,
            }
        return d

    def plan(self) -> Doorbraakplan:
        """The plan on screen, validated. Raises DoorbraakFout (Dutch, naming the field)."""
        return valideer_plan(self.plan_dict(), self.rendement.prijzen)

    def zet_plan(self, plan: Doorbraakplan) -> None:
        """Show a whole plan (after loading a file)."""
        self._stil = True
        try:
            self.titel.value = plan.titel
            self.datum.value = plan.datum.isoformat() if plan.datum else ""
            self.kenmerk.value = plan.kenmerk
            self.perspectief.value = plan.perspectief
            self.huidige_situatie.value = plan.huidige_situatie
            self.dreigend_scenario.value = plan.dreigend_scenario
            self.doorbraak.value = plan.doorbraak
            self.domeinen.value = tuple(plan.domeinen)
            self.maatwerkbudget.value = (
                "" if plan.maatwerkbudget is None else format(plan.maatwerkbudget, "f").replace(".", ",")
            )
            self.eigen_inzet.value = plan.betrokkenheid.eigen_inzet
            self.aanspreekpunt.value = plan.betrokkenheid.aanspreekpunt
            self.artikelen = [ArtikelRij(self, a.artikel, a.motivering) for a in plan.legitimiteit]
            self.knelpunten = [
                KnelpuntRij(self, k.soort, k.organisatie, k.regel, k.omschrijving) for k in plan.knelpunten
            ]
            self.kans_toelichting.value = getattr(plan, "kans_toelichting", "") or ""
            self.bewaard = {k: v for k, v in plan_als_dict(plan).items() if k not in OP_HET_SCHERM}
            b = plan.besluit
            self.besluit_door.value = b.door if b else ""
            self.besluit_datum.value = b.datum.isoformat() if b and b.datum else ""
            self.besluit_uitkomst.value = b.uitkomst if b else ""
            self.besluit_toelichting.value = b.toelichting if b else ""
            scenarios = {s: tuple(r) for s, r in plan.als_rendementplan(self.rendement.prijzen).scenarios.items()}
            for s in ("huidig", "dreigend", "doorbraak"):
                scenarios.setdefault(s, ())
            rplan = Plan(
                scenarios=scenarios,
                horizon_jaren=plan.horizon_jaren,
                kans_dreigend=plan.kans_dreigend,
                discontovoet=plan.discontovoet,
                titel=plan.titel,
            )
        finally:
            self._stil = False
        self._toon_artikelen()
        self._toon_knelpunten()
        self.rendement.zet_plan(rplan)  # calls _na_rendement, which fills the choice
        if b and b.gekozen_alternatief in [v for _, v in self.gekozen.options]:
            self.gekozen.value = b.gekozen_alternatief
        self._gewijzigd()

    _stil = False
    _gedownload: str | None = None  # the plan file behind the download links on screen

    def _verouderd(self) -> None:
        """Remove the downloads (and the privacy check) when the plan no longer matches them."""
        if self._gedownload is None:
            return
        try:
            nu = schrijf_planbestand(self.plan())
        except DoorbraakFout:
            nu = None
        if nu != self._gedownload:
            self._gedownload = None
            self.downloads.value = ""
            self.privacy.value = ""

    def _gewijzigd(self) -> None:
        """Something changed: downloads that no longer match the screen go."""
        if self._stil:
            return
        self.rendement.titel = (self.titel.value or "").strip()[:200]
        self._verouderd()
        try:
            self.plan()
        except DoorbraakFout as e:
            zet_live(self.veldfout, _fout_html(e, "Je plan klopt nog niet."))
            return
        zet_live(self.veldfout, "")

    def _na_rendement(self) -> None:
        """After each recalculation of the cost calculator: update the comparison and the choice."""
        self._herbereken_rendement()
        plan = self.rendement.plan()
        self.vergelijking.value = vergelijking_html(plan, self.rendement.prijzen)
        vorige = self.gekozen.value
        opties = [("Nog geen keuze", "")] + [(d, d) for d in plan.alternatieven]
        if [o[1] for o in self.gekozen.options] != [o[1] for o in opties]:
            self.gekozen.options = opties
            self.gekozen.value = vorige if vorige in plan.alternatieven else ""
        if not self._stil:
            self._verouderd()

    # --- legitimiteit ------------------------------------------------------------------
    def zoek_artikel(self) -> None:
        vraag = (self.wetvraag.value or "").strip()
        if not vraag:
            self.wetkeuze.options = []
            zet_live(self.wetstatus, html.escape("Typ een paar woorden of een artikel, zoals Pw 35."))
            return
        try:
            uitkomst = zoek_wetten(vraag, top=8)
        except DoorbraakFout as e:
            self.wetkeuze.options = []
            zet_live(self.wetstatus, melding(str(e)))
            return
        opties = []
        for t in uitkomst.treffers:
            ref = t.artikel.referentie + (f" lid {t.lid}" if t.direct and t.lid else "")
            opties.append((f"{ref}: {t.artikel.titel}", ref))
        self.wetkeuze.options = opties
        if opties:
            self.wetkeuze.value = opties[0][1]
            zet_live(
                self.wetstatus,
                html.escape(f"{len(opties)} artikelen gevonden. Kies er een en klik op 'Zet in mijn plan'."),
            )
        else:
            zet_live(self.wetstatus, melding(" ".join(uitkomst.meldingen) or "Geen artikel gevonden.", "info"))

    def voeg_artikel_toe(self, referentie: str | None, motivering: str = "") -> None:
        if not referentie:
            zet_live(self.wetstatus, melding("Zoek en kies eerst een artikel."))
            return
        if any(a.referentie == referentie for a in self.artikelen):
            zet_live(self.wetstatus, melding(f"{referentie} staat al in je plan.", "info"))
            return
        try:
            rij = ArtikelRij(self, referentie, motivering)
        except DoorbraakFout as e:
            zet_live(self.wetstatus, melding(str(e)))
            return
        self.artikelen.append(rij)
        self._toon_artikelen()
        zet_live(self.wetstatus, melding(f"{referentie} staat nu in je plan. Schrijf erbij waarom het past.", "ok"))
        self._gewijzigd()

    def verwijder_artikel(self, rij: ArtikelRij) -> None:
        if rij in self.artikelen:
            self.artikelen.remove(rij)
        self._toon_artikelen()
        self._gewijzigd()

    def _toon_artikelen(self) -> None:
        for a in self.artikelen:
            a.motivering.unobserve_all()
            a.motivering.observe(lambda _c: self._gewijzigd(), names="value")
        self.artikel_box.children = [a.widget for a in self.artikelen] or [
            w.HTML("<p>Nog geen artikelen in je plan.</p>")
        ]

    # --- knelpunten ---------------------------------------------------------------------
    def _nieuw_knelpunt(self) -> None:
        self.knelpunten.append(KnelpuntRij(self))
        self._toon_knelpunten()
        self._gewijzigd()

    def verwijder_knelpunt(self, rij: KnelpuntRij) -> None:
        if rij in self.knelpunten:
            self.knelpunten.remove(rij)
        self._toon_knelpunten()
        self._gewijzigd()

    def _toon_knelpunten(self) -> None:
        self.knelpunt_box.children = [k.widget for k in self.knelpunten] or [
            w.HTML(
                "<p>Nog geen knelpunten. Zit een regel of systeem in de weg? Schrijf het op. "
                "Zo kan je gemeente ervan leren.</p>"
            )
        ]

    # --- load --------------------------------------------------------------------------
    def _laad_upload(self) -> None:
        waarde = self.upload.value
        if not waarde:
            return
        bestand = waarde[0]
        inhoud = bytes(bestand.get("content", b""))
        naam = str(bestand.get("name", "plan.json"))
        self.upload.value = ()
        self.laad_tekst(inhoud, naam)

    def laad_tekst(self, inhoud: bytes, naam: str) -> None:
        try:
            plan = lees_planbestand(inhoud, self.rendement.prijzen, bestand=naam)
        except DoorbraakFout as e:
            zet_live(self.status, _fout_html(e, "Je plan op het scherm blijft zoals het was."))
            return
        self.zet_plan(plan)
        zet_live(self.status, melding(f"Het plan uit {naam} is geladen.", "ok"))

    # --- save and print -----------------------------------------------------------------
    def maak_downloads(self) -> None:
        """Check the plan and the privacy of its free text, then offer the downloads."""
        try:
            plan = self.plan()
        except DoorbraakFout as e:
            self.downloads.value = ""
            self._gedownload = None
            zet_live(self.privacy, _fout_html(e, "Verbeter dit eerst. Daarna kun je downloaden."))
            return
        bevindingen = privacy_bevindingen(plan)
        if bevindingen:
            items = "".join(
                f"<li><strong>{html.escape(_veldnaam(waar))}</strong>: '{html.escape(b.tekst)}'. "
                f"{html.escape(b.advies)}</li>"
                for waar, b in bevindingen[:30]
            )
            privacy = (
                melding(
                    f"Let op: ik vond {len(bevindingen)} keer iets dat naar een persoon kan wijzen. "
                    "Haal het weg voordat je het plan deelt of afdrukt. Ik verander zelf niets."
                )
                + f"<ul class='melding-fout'>{items}</ul>"
            )
        else:
            privacy = melding("Ik vond geen namen, adressen of andere gegevens over personen.", "ok")
        zet_live(self.privacy, privacy + volledigheid_html(plan, self.rendement.prijzen))
        self.downloads.value = downloads_html(plan, self.rendement.prijzen)
        self._gedownload = schrijf_planbestand(plan)


_VELDNAMEN = {
    "titel": "Titel",
    "kenmerk": "Kenmerk",
    "perspectief": "Stap 1, perspectief",
    "huidige_situatie": "Stap 2, huidige situatie",
    "dreigend_scenario": "Stap 3, dreigend scenario",
    "doorbraak": "Stap 4, doorbraak",
    "kans_toelichting": "Stap 6, waarom deze kans",
    "betrokkenheid eigen_inzet": "Betrokken, wat het huishouden zelf doet",
    "betrokkenheid aanspreekpunt": "Betrokken, aanspreekpunt",
    "besluit door": "Besluit, wie besluit",
    "besluit toelichting": "Besluit, toelichting",
}


def _veldnaam(veld: str) -> str:
    """The field of a privacy finding as the user sees it on screen."""
    return _VELDNAMEN.get(veld, veld.replace("_", " "))


def volledigheid_html(plan: Doorbraakplan, prijzen) -> str:
    """Is the plan complete, and how does it score on the waardendriehoek (same check as the CLI)."""
    v = volledigheid(plan, prijzen, privacy=False)
    punten = "".join(
        f"<li>{naam}: {'ja' if ok else 'nog niet'}</li>"
        for naam, ok in (("Legitiem", v.legitiem), ("Rendabel", v.rendabel), ("Betrokken", v.betrokken))
    )
    if v.compleet:
        kop = melding("Je plan is compleet.", "ok")
    else:
        kop = melding(
            "Je plan is nog niet compleet. Nog leeg: "
            + ", ".join(_veldnaam(o) for o in v.ontbreekt)
            + ". Je kunt het toch al bewaren.",
            "info",
        )
    return kop + f"<ul>{punten}</ul>"


def _fout_html(e: DoorbraakFout, slot: str) -> str:
    regels = str(e).splitlines()
    lijst = "".join(f"<li>{html.escape(r.lstrip('- '))}</li>" for r in regels[1:11])
    return melding(f"{regels[0]} {slot}") + (f"<ul class='melding-fout'>{lijst}</ul>" if lijst else "")


def bestandsnaam(plan: Doorbraakplan) -> str:
    """A file name without personal data: doorbraakplan-<datum>."""
    return f"doorbraakplan-{plan.datum.isoformat() if plan.datum else 'zonder-datum'}"


def downloads_html(plan: Doorbraakplan, prijzen) -> str:
    """The download links: the plan file and the print, made by the code behind ``plan afdruk``."""
    naam = bestandsnaam(plan)
    afdruk = maak_afdruk(plan, prijzen)
    delen = [
        _data_link(schrijf_planbestand(plan), f"{naam}.json", "Download het doorbraakplan (JSON)", "application/json"),
        _data_link(als_html(afdruk), f"{naam}.html", "Download de afdruk van het plan (HTML)", "text/html"),
        _data_link(als_pdf(afdruk), f"{naam}.pdf", "Download de afdruk van het plan (PDF)", "application/pdf"),
        _data_link(
            als_docx(afdruk),
            f"{naam}.docx",
            "Download de afdruk van het plan (Word)",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ]
    return "<p class='dbw-downloads'>" + " · ".join(delen) + "</p>"


_CSS = (
    "<style>"
    ".dbw-plan h2{font-size:1.3em;margin:1.2em 0 .3em;border-top:2px solid #0b4f8a;padding-top:.4em}"
    ".dbw-plan .dbw-rendement h2{border-top:none;font-size:1.15em}"
    ".dbw-hulp{background:#eef4fa;border-left:4px solid #0b4f8a;padding:4px 10px;max-width:720px}"
    ".dbw-plan .widget-textarea textarea{font-size:16px}"
    ".dbw-plan .widget-textarea,.dbw-plan .widget-text{flex-wrap:wrap}"
    ".dbw-plan .widget-label{max-width:100%;white-space:normal !important;overflow:visible !important;"
    "text-overflow:clip !important;height:auto !important;text-align:left}"
    ".dbw-zin-plan{font-style:italic}"
    ".dbw-plan textarea,.dbw-plan input[type=text]{box-sizing:border-box;max-width:100%}"
    "</style>"
)


def maak_plan() -> w.Widget:
    """Build the plan builder "Doorbraakplan" (see :func:`open_uit_adres` for ``?casus=``/``?artikel=``)."""
    bouwer = PlanBouwer()
    bouwer.widget.bouwer = bouwer
    return bouwer.widget


@na_het_verzoek
def open_uit_adres(widget: w.Widget) -> None:
    """Start from a catalogue case (``?casus=<id>``) or with an article (``?artikel=Pw 35``)."""
    from calculators.kern.widget import adres_parameter

    bouwer: PlanBouwer = widget.bouwer
    ident = adres_parameter("casus")
    if ident:
        from calculators.casussen.catalogus import plan_uit_query

        try:
            data = plan_uit_query(f"casus={ident}")
        except DoorbraakFout as e:
            zet_live(bouwer.status, melding(str(e)))
            data = None
        if data is not None:
            bouwer.laad_tekst(json.dumps(data, ensure_ascii=False, default=str).encode("utf-8"), f"casus {ident}")
    artikel = adres_parameter("artikel")
    if artikel:
        try:
            ref = _normaliseer(artikel)
        except DoorbraakFout as e:
            zet_live(bouwer.wetstatus, melding(str(e)))
            return
        bouwer.voeg_artikel_toe(ref)


def _normaliseer(ref: str) -> str:
    from calculators.wetten.artikelen import normaliseer_referentie

    return normaliseer_referentie(ref)
