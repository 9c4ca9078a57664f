"""Widget "Inspiratiecatalogus": search the cases, filter, read one case, start a plan from it."""

from __future__ import annotations

import html

import ipywidgets as w

from calculators.casussen.catalogus import (
    Casus,
    CasusZoeker,
    kosten_html,
    laad_casussen,
    leeftijd_tekst,
    standaard_zoeker,
    startpunt_url,
    wetten_van,
)
from calculators.kern.fouten import DoorbraakFout
from calculators.kern.veilig import zonder_losse_surrogaten
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.widget import keuzes, live_gebied, melding, na_het_verzoek, stijl, zet_live
from calculators.patronen.gegevens import Patronen, klein, laad_patronen
from calculators.plan.adres import plan_met_casus

MAX_KAARTEN = 30
BOEK_WETTEN = "/book/wetten"


def _e(t: object) -> str:
    return html.escape(str(t))


def artikel_link(ref: str) -> str:
    """HTML link to the article on its law page in the book (opens outside the calculator frame)."""
    try:
        from calculators.wetten.artikelen import zoek_referentie

        a = zoek_referentie(ref)
    except (ImportError, DoorbraakFout):
        return _e(ref)
    return (
        f'<a href="{_e(BOEK_WETTEN)}/{_e(a.wet.slug)}.html#{_e(a.anker)}" target="_top">'
        f"artikel {_e(a.artikel)} {_e(a.wet.wet)}</a>"
    )


def kaart_html(c: Casus, p: Patronen) -> str:
    """A short result card: title, cluster, knelpunt and the first sentence of the problem."""
    cluster = f"Cluster {p.cluster(c.cluster).nummer}" if c.cluster else "Geen cocktail"
    eerste = c.probleem.split(". ")[0].strip().rstrip(".") + "."
    return (
        f"<strong>{_e(c.titel)}</strong><br>"
        f"<span class='dbw-klein'>{_e(cluster)} · {_e(p.knelpunt(c.knelpunt).naam)} · {_e(', '.join(c.domeinen))}</span><br>"
        f"{_e(eerste)}"
    )


def detail_html(c: Casus, p: Patronen) -> str:
    """Everything about one case, with law links, costs and the 'use as starting point' link."""
    soort = "Illustratieve samengestelde casus" if c.illustratief else "Echte casus, met toestemming"
    cluster = p.cluster(c.cluster).naam if c.cluster else "geen van de vier"
    reis = p.reispatroon(c.reispatroon)
    return (
        f"<h3>{_e(c.titel)}</h3>"
        f"<p><em>{_e(soort)}.</em> Regio: {_e(c.regio)}. Jaar: {c.jaar}. Huishouden: {_e(c.huishouden)}. "
        f"Leeftijd: {_e(leeftijd_tekst(c.leeftijdsband))}.</p>"
        f"<h4>Het probleem</h4><p>{_e(' '.join(c.probleem.split()))}</p>"
        f"<h4>De doorbraak</h4><p>{_e(' '.join(c.doorbraak.split()))}</p>"
        "<h4>Wettelijke basis</h4><ul>" + "".join(f"<li>{artikel_link(r)}</li>" for r in c.wettelijke_basis) + "</ul>"
        "<h4>Wat kost het?</h4>"
        + kosten_html(c)
        + "<h4>Wat werkte</h4><ul>"
        + "".join(f"<li>{_e(x)}</li>" for x in c.wat_werkte)
        + "</ul>"
        f"<h4>De reis van het plan</h4><p><strong>{_e(reis.naam)}.</strong> {_e(' '.join(reis.uitleg.split()))}</p>"
        f"<h4>Kenmerken</h4><p>Giftige cocktail: {_e(cluster)}. Knelpunt: {_e(p.knelpunt(c.knelpunt).naam)}. "
        f"Rubrieken: {_e(', '.join(klein(p.rubriek(r).naam) for r in c.rubrieken))}.</p>"
        f"<h4>De les</h4><p>{_e(' '.join(c.les.split()))}</p>"
        f'<p><a class="startpunt" href="{_e(startpunt_url(c))}" target="_blank" rel="noopener">'
        "Gebruik als startpunt: open de kosten in de rekenhulp (nieuw tabblad)</a></p>"
        f'<p><a class="startpunt" href="{_e(plan_met_casus(c.id))}" target="_blank" rel="noopener">'
        "Gebruik als startpunt voor je doorbraakplan (nieuw tabblad)</a></p>"
    )


class CasusCatalogus:
    """State and widgets of the catalogue (one instance per calculator session)."""

    def __init__(self, casussen: list[Casus] | None = None):
        self.casussen = list(casussen) if casussen is not None else laad_casussen()
        self.zoeker = standaard_zoeker() if casussen is None else CasusZoeker(self.casussen)
        self.p = laad_patronen()
        stijl_veld = {"description_width": "initial"}

        self.zoek = w.Text(
            description="Zoekwoorden",
            placeholder="bijvoorbeeld: huurachterstand",
            continuous_update=True,
            layout=w.Layout(width="100%", max_width="520px"),
            style=stijl_veld,
        )
        self.cluster = w.Dropdown(
            description="Giftige cocktail",
            style=stijl_veld,
            options=[("Alle", "")] + [(f"Cluster {c.nummer}: {c.naam}", c.id) for c in self.p.clusters],
        )
        self.domein = w.Dropdown(
            description="Domein", options=keuzes(laad_vocabulaire().domein_namen), style=stijl_veld
        )
        wetten = sorted({n for c in self.casussen for n in wetten_van(c)})
        self.wet = w.Dropdown(description="Wet", options=keuzes(wetten), style=stijl_veld)
        self.knelpunt = w.Dropdown(
            description="Knelpunt",
            style=stijl_veld,
            options=[("Alle", "")] + [(k.naam, k.id) for k in self.p.knelpunten],
        )
        self.doorbraaktype = w.Dropdown(
            description="Soort doorbraak",
            style=stijl_veld,
            options=[("Alle", "")] + [(d.naam, d.id) for d in self.p.doorbraaktypen],
        )
        self.status = live_gebied()
        self.kaarten: list[tuple[w.HTML, w.Button, w.HBox]] = []
        self.getoond: list[Casus | None] = [None] * MAX_KAARTEN
        for i in range(MAX_KAARTEN):
            tekst = w.HTML(layout=w.Layout(flex="1 1 auto"))
            knop = w.Button(description="Bekijk", layout=w.Layout(width="auto", flex="0 0 auto"))
            knop.on_click(lambda _b, i=i: self.toon(i))
            box = w.HBox([tekst, knop], layout=w.Layout(display="none", align_items="center"))
            box.add_class("dbw-rij")
            self.kaarten.append((tekst, knop, box))
        self.lijst = w.VBox([k[2] for k in self.kaarten])
        self.detail = live_gebied()
        self.terug = w.Button(
            description="Terug naar de lijst", tooltip="Sluit deze casus en ga terug naar de resultaten"
        )
        self.terug.on_click(lambda _b: self.sluit())
        self.detail_box = w.VBox([self.terug, self.detail], layout=w.Layout(display="none"))

        for veld in (self.zoek, self.cluster, self.domein, self.wet, self.knelpunt, self.doorbraaktype):
            veld.observe(lambda _c: self.ververs(), names="value")

        self.widget = w.VBox(
            [
                stijl(),
                w.HTML("<h2>Zoek een casus</h2>"),
                self.zoek,
                w.HBox([self.cluster, self.domein, self.wet], layout=w.Layout(flex_flow="row wrap")),
                w.HBox([self.knelpunt, self.doorbraaktype], layout=w.Layout(flex_flow="row wrap")),
                self.status,
                self.lijst,
                self.detail_box,
            ]
        )
        self.widget.add_class("dbw-casussen")
        self.ververs()

    def filters(self) -> dict[str, str | None]:
        return {
            "cluster": self.cluster.value or None,
            "domein": self.domein.value or None,
            "wet": self.wet.value or None,
            "knelpunt": self.knelpunt.value or None,
            "doorbraaktype": self.doorbraaktype.value or None,
        }

    def ververs(self) -> None:
        vraag = zonder_losse_surrogaten((self.zoek.value or "")[:500])  # half an emoji cannot go back as UTF-8
        treffers = self.zoeker.zoek(vraag, top=MAX_KAARTEN, **self.filters())
        for i, (tekst, knop, box) in enumerate(self.kaarten):
            if i < len(treffers):
                c = treffers[i]
                tekst.value = kaart_html(c, self.p)
                knop.tooltip = f"Bekijk de casus '{c.titel}'"
                self.getoond[i] = c
                box.layout.display = "flex"
            else:
                self.getoond[i] = None
                box.layout.display = "none"
        self.sluit(stil=True)
        if treffers:
            aantal = "1 casus" if len(treffers) == 1 else f"{len(treffers)} casussen"
            tekst = f"{aantal} gevonden."
            if vraag.strip():
                tekst = f"{aantal} gevonden voor '{vraag.strip()[:80]}'."
        else:
            tekst = "Geen casussen gevonden. Probeer andere woorden of zet een filter op 'Alle'."
        zet_live(self.status, html.escape(tekst))

    def toon(self, i: int) -> None:
        c = self.getoond[i]
        if c is None:
            return
        try:
            inhoud = detail_html(c, self.p)
        except DoorbraakFout as e:
            inhoud = melding(str(e))
        zet_live(self.detail, inhoud)
        self.lijst.layout.display = "none"
        self.detail_box.layout.display = "flex"

    def open_casus(self, ident: str) -> bool:
        """Show the detail of one case by id (deep link ``?casus=<id>``); False if unknown."""
        for i, c in enumerate(self.getoond):
            if c is not None and c.id == ident:
                self.toon(i)
                return True
        return False

    def sluit(self, stil: bool = False) -> None:
        self.detail_box.layout.display = "none"
        self.lijst.layout.display = "flex"
        if not stil:
            zet_live(self.detail, "")


def maak_casussen() -> w.Widget:
    """Build the catalogue widget (call :func:`open_uit_adres` on it to honour ``?casus=<id>``)."""
    catalogus = CasusCatalogus()
    catalogus.widget.catalogus = catalogus
    return catalogus.widget


@na_het_verzoek
def open_uit_adres(widget: w.Widget) -> None:
    """Open the case named in the page address (``?casus=<id>``), if any."""
    from calculators.kern.widget import adres_parameter

    ident = adres_parameter("casus")
    if ident:
        widget.catalogus.open_casus(ident)
