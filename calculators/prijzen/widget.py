"""Widget "Wat kost het?": quick price lookup with a small basket."""

from __future__ import annotations

import html
from decimal import Decimal

import ipywidgets as w

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import MAX_AANTAL, euro, getal, lees_getal
from calculators.kern.paden import DATA
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.widget import downloadlink, keuzes, live_gebied, melding, stijl, zet_live
from calculators.prijzen.prijslijst import (
    MandRegel,
    Prijs,
    Treffer,
    aantal_prijzen,
    laad_prijzen,
    mand_als_csv,
    mand_totalen,
    zoek_prijs_uitkomst,
)
from calculators.prijzen.prijspeil import jaren, probeer_op_prijspeil
from calculators.prijzen.tarieven import combineer, formule_waarschuwing, lees_tarieven

AANTAL_RESULTATEN = 10


SJABLOON = DATA / "sjablonen" / "eigen-tarieven.csv"


def omgerekend_tekst(t: Treffer) -> str:
    """ "= € 1.597,20 per jaar (omgerekend)" when the hit has a converted amount, else ""."""
    if t.omgerekend is None or not t.gevraagde_eenheid:
        return ""
    return f" = {euro(t.omgerekend)} {t.gevraagde_eenheid} (omgerekend)"


def fout_html(e: DoorbraakFout, voor: str = "") -> str:
    """A Dutch error with its list of problems as a real list, not one long paragraph."""
    if not e.meldingen:
        return melding(f"{voor}{e}")
    kop = str(e).split("\n", 1)[0]
    items = "".join(f"<li>{html.escape(str(m))}</li>" for m in e.meldingen[:50])
    extra = len(e.meldingen) - 50
    if extra > 0:
        items += f"<li>en nog {extra} andere fouten</li>"
    return (
        f'<div class="melding melding-fout"><p>{html.escape(voor + kop)}</p>'
        f"<ul class='dbw-foutlijst'>{items}</ul></div>"
    )


def prijs_html(p: Prijs, prijspeil: int | None = None, treffer: Treffer | None = None) -> str:
    """One price as escaped HTML: item, unit, amount, year, source link and reliability.

    With ``prijspeil`` the amount indexed to that year (CPI) is shown next to the original.
    With a ``treffer`` that has a converted amount (the query asked another unit), that
    amount is shown beside the original, marked "omgerekend".
    """
    geindexeerd = ""
    if prijspeil and prijspeil != p.jaar:
        peil = probeer_op_prijspeil(p, prijspeil)
        geindexeerd = (
            f" ≈ {html.escape(euro(peil.bedrag))} in prijzen van {prijspeil}"
            if peil
            else f" (geen prijsindex voor {p.jaar})"
        )
    lokaal = " <em>eigen tarief</em>" if p.lokaal else ""
    return (
        f"<strong>{html.escape(p.item)}</strong>{lokaal} — {html.escape(euro(p.bedrag))} {html.escape(p.eenheid)}"
        f"{html.escape(omgerekend_tekst(treffer) if treffer else '')}"
        f"{html.escape(geindexeerd)}"
        f" <span class='dbw-klein'>(prijspeil {p.jaar}; {html.escape(p.geldstroom)}; {html.escape(p.domein)};"
        f" betrouwbaarheid: {html.escape(p.betrouwbaarheid)})</span><br>"
        f"<span class='dbw-klein'>{html.escape(p.omschrijving)}</span> "
        f"<a href='{html.escape(p.bron_url)}' target='_blank' rel='noopener'>Bron: {html.escape(p.bron_titel)}</a>"
    )


class PrijsZoeker:
    """State and widgets of the price lookup (one instance per calculator session)."""

    def __init__(self, prijzen: list[Prijs] | None = None):
        self.nationaal = prijzen if prijzen is not None else laad_prijzen()
        self.prijzen = list(self.nationaal)
        voc = laad_vocabulaire()
        self.mand: dict[str, MandRegel] = {}
        self._fout_in: set[str] = set()  # ids whose aantal field holds an invalid value

        self.zoek = w.Text(
            description="Zoekwoorden",
            placeholder="bijvoorbeeld: huisuitzetting",
            continuous_update=True,
            layout=w.Layout(width="100%", max_width="520px"),
            style={"description_width": "initial"},
        )
        self.geldstroom = w.Dropdown(
            description="Geldstroom", options=keuzes(voc.geldstroom_namen), style={"description_width": "initial"}
        )
        self.domein = w.Dropdown(
            description="Domein", options=keuzes(voc.domein_namen), style={"description_width": "initial"}
        )
        eerste, laatste = jaren()
        self.prijspeil = w.Dropdown(
            description="Prijspeil",
            options=[("Zoals in de bron", 0)] + [(str(j), j) for j in range(laatste, eerste - 1, -1)],
            style={"description_width": "initial"},
        )
        self.upload = w.FileUpload(
            accept=".csv,.xlsx", multiple=False, description="Eigen tarieven laden", layout=w.Layout(width="auto")
        )
        self.upload.tooltip = "Laad je eigen tarievenlijst (CSV uit Excel of .xlsx)"
        self.upload_status = live_gebied()
        self.sjabloon = w.HTML(
            downloadlink(
                SJABLOON.read_text(encoding="utf-8-sig"),
                "eigen-tarieven-sjabloon.csv",
                "Download het sjabloon voor eigen tarieven",
            )
            if SJABLOON.exists()
            else ""
        )
        self.upload.observe(lambda _c: self._laad_tarieven(), names="value")
        self.status = live_gebied()
        self.rijen: list[tuple[w.HTML, w.Button, Prijs | None]] = []
        self.rij_boxen = []
        for i in range(AANTAL_RESULTATEN):
            tekst = w.HTML(layout=w.Layout(flex="1 1 auto"))
            knop = w.Button(
                description="In mandje",
                tooltip="Zet deze prijs in je mandje",
                layout=w.Layout(width="auto", flex="0 0 auto"),
            )
            knop.on_click(lambda _b, i=i: self._voeg_toe(i))
            box = w.HBox([tekst, knop], layout=w.Layout(display="none", align_items="center"))
            box.add_class("dbw-rij")
            self.rijen.append((tekst, knop, None))
            self.rij_boxen.append(box)

        self.mand_box = w.VBox()
        self.totaal = live_gebied()
        self.download = w.HTML()
        self.leeg_knop = w.Button(description="Mandje leegmaken", layout=w.Layout(width="auto", flex="0 0 auto"))
        self.leeg_knop.on_click(lambda _b: self._leeg())

        for veld in (self.zoek, self.geldstroom, self.domein, self.prijspeil):
            veld.observe(lambda _c: self.ververs(), names="value")

        self.widget = w.VBox(
            [
                stijl(),
                w.HTML("<h2>Zoek een prijs</h2>"),
                self.zoek,
                w.HBox([self.geldstroom, self.domein, self.prijspeil]),
                w.HBox([self.upload, self.sjabloon], layout=w.Layout(align_items="center")),
                self.upload_status,
                self.status,
                w.VBox(self.rij_boxen),
                w.HTML("<h2>Jouw mandje</h2>"),
                self.mand_box,
                self.totaal,
                w.HBox([self.leeg_knop, self.download]),
            ]
        )
        self.widget.add_class("dbw-prijzen")
        self.ververs()
        self._toon_mand()

    # --- search -----------------------------------------------------------------------
    def ververs(self) -> None:
        vraag = self.zoek.value or ""
        uitkomst = zoek_prijs_uitkomst(
            vraag,
            self.prijzen,
            geldstroom=self.geldstroom.value or None,
            domein=self.domein.value or None,
            top=AANTAL_RESULTATEN,
        )
        treffers = uitkomst.treffers
        for i, rij in enumerate(self.rijen):
            if i < len(treffers):
                p = treffers[i].prijs
                rij[0].value = prijs_html(p, self.prijspeil.value or None, treffers[i])
                rij[1].tooltip = f"Zet '{p.item}' in je mandje"
                self.rijen[i] = (rij[0], rij[1], p)
                self.rij_boxen[i].layout.display = "flex"
            else:
                self.rijen[i] = (rij[0], rij[1], None)
                self.rij_boxen[i].layout.display = "none"
        gevraagd = vraag.strip()[:80]
        if not vraag.strip():
            tekst = f"Typ een paar woorden. Hieronder de eerste {aantal_prijzen(len(treffers))}."
        elif treffers:
            tekst = f"{aantal_prijzen(len(treffers))} gevonden voor '{gevraagd}'."
            if uitkomst.eenheid:
                tekst += (
                    f" Je vroeg om een bedrag {uitkomst.eenheid}. Waar dat veilig kan, staat het "
                    "bedrag ook omgerekend erbij."
                )
        else:
            tekst = f"Geen prijzen gevonden voor '{gevraagd}'."
            if uitkomst.suggesties:
                namen = [f"'{p.item}'" for p in uitkomst.suggesties]
                lijst = namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]
                tekst += f" Bedoel je {lijst}?"
            else:
                tekst += " Probeer andere of minder woorden."
        zet_live(self.status, html.escape(tekst))

    # --- local tariffs ----------------------------------------------------------------
    def _laad_tarieven(self) -> None:
        bestanden = self.upload.value
        if not bestanden:
            return
        bestand = bestanden[0]
        try:
            lokaal = lees_tarieven(bytes(bestand["content"]), bestand["name"], nationaal=self.nationaal)
        except DoorbraakFout as e:
            # Nothing half-loaded: the list in use stays as it was.
            zet_live(self.upload_status, fout_html(e, "Je bestand is niet geladen. "))
            return
        except Exception:  # never a traceback in the calculator
            zet_live(
                self.upload_status,
                melding(
                    "Je bestand is niet geladen: het kan niet gelezen worden. Sla het opnieuw op als CSV of .xlsx."
                ),
            )
            return
        self.prijzen = combineer(self.nationaal, lokaal)
        waarschuwing = formule_waarschuwing(lokaal)
        zet_live(
            self.upload_status,
            melding(
                f"{len(lokaal)} eigen tarieven geladen uit {bestand['name']}. "
                "Ze vervangen of vullen de landelijke lijst aan.",
                "ok",
            )
            + (melding(waarschuwing, "info") if waarschuwing else ""),
        )
        self.ververs()

    # --- basket -----------------------------------------------------------------------
    def _voeg_toe(self, i: int) -> None:
        p = self.rijen[i][2]
        if p is None:
            return
        oud = self.mand.get(p.id)
        self.mand[p.id] = MandRegel(p, (oud.aantal if oud else Decimal(0)) + 1)
        self._toon_mand()

    def _leeg(self) -> None:
        self.mand.clear()
        self._toon_mand()

    def _zet_aantal(self, ident: str, veld: w.Text, fout: w.HTML) -> None:
        # Validate before changing anything. While a field is wrong, the totals and the
        # download are hidden: they would not match what the field shows.
        try:
            aantal = lees_getal(veld.value, "aantal", maximum=MAX_AANTAL)
            if aantal < 0:
                raise DoorbraakFout("Het aantal mag niet negatief zijn. Vul 0 of meer in.")
            nieuw = MandRegel(self.mand[ident].prijs, aantal)
            euro(nieuw.subtotaal)  # the amount must be showable before it is taken over
        except DoorbraakFout as e:
            self._fout_in.add(ident)
            fout.value = melding(str(e))
            self._toon_totaal()
            return
        except Exception:  # never a traceback in the calculator
            self._fout_in.add(ident)
            fout.value = melding("Dit aantal kan ik niet verwerken. Vul een kleiner getal in, bijvoorbeeld 2.")
            self._toon_totaal()
            return
        self._fout_in.discard(ident)
        fout.value = ""
        self.mand[ident] = nieuw
        self._toon_totaal()

    def _verwijder(self, ident: str) -> None:
        self.mand.pop(ident, None)
        self._toon_mand()

    def _toon_mand(self) -> None:
        boxen = []
        for ident, regel in self.mand.items():
            p = regel.prijs
            aantal = w.Text(
                value=getal(regel.aantal),
                description="Aantal",
                layout=w.Layout(width="160px"),
                style={"description_width": "initial"},
                continuous_update=False,
            )
            fout = w.HTML()
            aantal.observe(lambda _c, i=ident, v=aantal, f=fout: self._zet_aantal(i, v, f), names="value")
            weg = w.Button(
                description="Verwijder",
                tooltip=f"Haal '{p.item}' uit je mandje",
                layout=w.Layout(width="auto", flex="0 0 auto"),
            )
            weg.on_click(lambda _b, i=ident: self._verwijder(i))
            tekst = w.HTML(
                f"{html.escape(p.item)} — {html.escape(euro(p.bedrag))} {html.escape(p.eenheid)}",
                layout=w.Layout(flex="1 1 auto"),
            )
            box = w.HBox([tekst, aantal, weg, fout], layout=w.Layout(align_items="center"))
            box.add_class("dbw-rij")
            boxen.append(box)
        self.mand_box.children = boxen or [w.HTML("<p>Je mandje is leeg. Kies 'In mandje' bij een prijs.</p>")]
        self._toon_totaal()

    def _toon_totaal(self) -> None:
        regels = list(self.mand.values())
        self._fout_in &= set(self.mand)
        if not regels:
            zet_live(self.totaal, "")
            self.download.value = ""
            return
        if self._fout_in:
            zet_live(
                self.totaal,
                melding(
                    "Een aantal in je mandje klopt niet. Verbeter het eerst. "
                    "Dan zie je het totaal en kun je het mandje downloaden."
                ),
            )
            self.download.value = ""
            return
        totalen = mand_totalen(regels)
        rijen = "".join(
            f"<tr><th scope='row'>{html.escape(g)}</th><td class='bedrag'>{html.escape(euro(b))}</td></tr>"
            for g, b in totalen.items()
        )
        alles = sum(totalen.values(), Decimal(0))
        zet_live(
            self.totaal,
            "<table class='dbw-tabel'><caption>Totaal per geldstroom</caption>"
            "<thead><tr><th scope='col'>Geldstroom</th><th scope='col' class='bedrag'>Totaal</th></tr></thead>"
            f"<tbody>{rijen}</tbody><tfoot><tr><th scope='row'>Alles samen</th>"
            f"<td class='bedrag'><strong>{html.escape(euro(alles))}</strong></td></tr></tfoot></table>"
            "<p class='dbw-klein'>Let op: eenheden verschillen (per uur, per jaar, eenmalig). "
            "Het totaal telt alleen bedrag maal aantal op.</p>",
        )
        self.download.value = downloadlink(
            mand_als_csv(regels), "mandje-doorbraakwijzer.csv", "Download je mandje (CSV)"
        )


def maak_prijzen() -> w.Widget:
    """Build the price lookup widget."""
    return PrijsZoeker().widget
