"""The printed doorbraakplan: one document for the case file, as HTML, PDF or Word.

:func:`maak_afdruk` builds the document once, as plain data (sections with paragraphs,
quotes, lists and tables); :func:`als_html`, :func:`als_pdf` and :func:`als_docx` only
lay it out, so the three files always say the same. The figures come from the one cost
model (:func:`calculators.rendement.model.bereken` and ``gevoeligheid``).

- HTML: Jinja2 template ``sjablonen/plan.html.j2`` with autoescape; print CSS with A4
  pages, a footer (title and date) and page numbers.
- PDF: WeasyPrint renders that HTML; it fetches nothing (every URL is refused).
- DOCX: python-docx, with the same footer and a PAGE field.
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import datum, euro, getal
from calculators.plan.controle import ONDERDELEN, volledigheid
from calculators.plan.model import Doorbraakplan, grondslag_niet_per_huishouden
from calculators.prijzen.prijslijst import Prijs
from calculators.rendement import model as rm

SJABLONEN = Path(__file__).parent / "sjablonen"
CONCEPT = "Concept: controleer dit"
SOORT_KNELPUNT = {"geen-toegang": "Geen toegang", "mismatch": "Mismatch", "catch-22": "Catch-22"}
UITKOMST = {"goedgekeurd": "Goedgekeurd", "afgewezen": "Afgewezen", "aangepast": "Aangepast"}


# --- the document as data ---------------------------------------------------------------


@dataclass
class Alinea:
    tekst: str
    soort: str = "gewoon"  # gewoon | klein | leeg (a part not filled in yet)


@dataclass
class Citaat:
    tekst: str
    bron: str
    url: str


@dataclass
class Lijst:
    items: Sequence[tuple[str, str | None]]  # (text, link or None)


@dataclass
class Tabel:
    koppen: list[str]
    rijen: list[list[str]]
    rechts: frozenset[int] = frozenset()  # right-aligned columns (amounts)
    bijschrift: str = ""
    breed: bool = False


@dataclass
class Kader:
    """A boxed block: the draft motivation (concept) or the decision to sign."""

    soort: str  # concept | besluit
    kop: str
    blokken: Sequence[Blok] = field(default_factory=list)


Blok = Alinea | Citaat | Lijst | Tabel | Kader


@dataclass
class Onderdeel:
    kop: str
    blokken: Sequence[Blok] = field(default_factory=list)
    niveau: int = 2


@dataclass
class Afdruk:
    titel: str
    datum: _dt.date
    kenmerk: str
    onderdelen: list[Onderdeel]

    @property
    def voettekst(self) -> str:
        return f"{self.titel} · {datum(self.datum)}"


# --- building ----------------------------------------------------------------------------


def _of_leeg(tekst: str) -> Alinea:
    return Alinea(tekst) if tekst else Alinea("Nog niet ingevuld.", "leeg")


def _alineas(tekst: str) -> list[Alinea]:
    if not tekst:
        return [_of_leeg(tekst)]
    return [Alinea(d.strip()) for d in tekst.split("\n") if d.strip()]


def _scenario(s: str) -> str:
    return s.replace("_", " ")


def _artikelblokken(plan: Doorbraakplan) -> list[Onderdeel]:
    from calculators.wetten.artikelen import citeerzin, ontleed_referentie

    uit = []
    for a in plan.legitimiteit:
        artikel, lid = ontleed_referentie(a.artikel)
        blokken: list[Blok] = (
            [*_alineas(a.motivering)] if a.motivering else [Alinea("De motivering ontbreekt nog.", "leeg")]
        )
        if lid is not None:
            gevonden = artikel.lid(lid)
            tekst = gevonden.tekst if gevonden else artikel.tekst
            waar = f"artikel {artikel.artikel} lid {lid}"
        else:
            tekst, waar = artikel.tekst, f"artikel {artikel.artikel}"
        bron = f"{artikel.wetnaam}, {waar}, geldend vanaf {datum(artikel.geldig_vanaf)}"
        blokken.append(Citaat(tekst, bron, artikel.url))
        blokken.append(Alinea(f"{citeerzin(artikel, lid)}.", "klein"))
        uit.append(Onderdeel(f"{a.artikel}: {artikel.titel}", blokken, niveau=3))
    return uit


def _kosten(plan: Doorbraakplan, index: Mapping[str, Prijs]) -> tuple[list[Blok], rm.Uitkomst | None]:
    from calculators.plan.controle import rendabel

    if not rendabel(plan, index):
        mist = [s for s in rm.VERPLICHT if not plan.scenarios.get(s)]
        return [
            Alinea("De kostenvergelijking ontbreekt nog. Vul kostenregels in bij: " + ", ".join(mist) + ".", "leeg")
        ], None
    rplan = plan.als_rendementplan(index)
    u = rm.bereken(rplan, index)
    g = rm.gevoeligheid(rplan, index)
    blokken: list[Blok] = [Alinea(rm.uitleg(u))]
    kans = f"Kans dat het dreigend scenario gebeurt: {rm.procent(plan.kans_dreigend)}."
    blokken.append(
        Lijst(
            [
                (kans, None),
                (f"Horizon: {plan.horizon_jaren} jaar.", None),
                (f"Discontovoet: {rm.procent(plan.discontovoet)} per jaar.", None),
                *([(f"Waarom: {plan.kans_toelichting}", None)] if plan.kans_toelichting else []),
                *(
                    [(f"Uit een maatwerkbudget: {euro(plan.maatwerkbudget)}.", None)]
                    if plan.maatwerkbudget is not None
                    else []
                ),
            ]
        )
    )
    rijen = [[_scenario(s), euro(b)] for s, b in u.totaal.items()]
    rijen.append(["niets doen (verwacht)", euro(u.niets_doen)])
    blokken.append(
        Tabel(["Scenario", "Kosten"], rijen, frozenset({1}), f"Kosten per scenario over {plan.horizon_jaren} jaar.")
    )
    blokken.append(
        Tabel(
            ["Plan", "Scheelt", "Terugverdiend"],
            [
                [_scenario(d), euro(b), rm.maand_tekst(u.break_even_maand[d], u.horizon_jaren)]
                for d, b in u.netto.items()
            ],
            frozenset({1}),
            "Wat elk plan scheelt ten opzichte van niets doen.",
        )
    )
    kolommen = [*u.totaal, rm.NIETS_DOEN]
    blokken.append(
        Tabel(
            ["Geldstroom", *(_scenario(k) for k in kolommen)],
            [[geld, *(euro(rij[k]) for k in kolommen)] for geld, rij in u.per_geldstroom.items()],
            frozenset(range(1, len(kolommen) + 1)),
            "Wie betaalt: kosten per geldstroom.",
            breed=len(kolommen) > 5,
        )
    )
    blokken.append(
        Tabel(
            ["Geldstroom", *(f"Scheelt bij {_scenario(d)}" for d in u.alternatieven)],
            [[geld, *(euro(u.netto_per_geldstroom[geld][d]) for d in u.alternatieven)] for geld in u.per_geldstroom],
            frozenset(range(1, len(u.alternatieven) + 1)),
            "Wie bespaart: wat elke geldstroom bespaart met het plan. Een bedrag onder nul betekent: "
            "deze geldstroom betaalt meer.",
        )
    )
    for d, tabel in g.netto.items():
        blokken.append(
            Tabel(
                ["Kans", *(f"{h} jaar" for h in g.horizonnen)],
                [[rm.procent(p), *(euro(tabel[(p, h)]) for h in g.horizonnen)] for p in g.kansen],
                frozenset(range(1, len(g.horizonnen) + 1)),
                f"Als de kans of de horizon anders is: wat '{_scenario(d)}' scheelt.",
                breed=True,
            )
        )
    for s, regels in plan.scenarios.items():
        rijen = []
        for r in regels:
            rp = rm.los_op(r.als_rendementregel(index), index)
            naam = rp.omschrijving
            if rp.prijs is not None:
                naam += f" (prijs: {rp.prijs.id})"
            if r.omrekening is not None:
                naam += f" (omgerekend met factor {getal(r.omrekening.factor, 6)}: {r.omrekening.reden})"
            rijen.append([naam, euro(rp.bedrag), getal(rp.aantal, 4), euro(rp.kosten), rp.soort, rp.geldstroom])
        blokken.append(
            Tabel(
                ["Regel", "Bedrag", "Aantal", "Kosten", "Soort", "Geldstroom"],
                rijen,
                frozenset({1, 2, 3}),
                f"Alle regels van '{_scenario(s)}'.",
                breed=True,
            )
        )
    return blokken, u


def _bronnen(plan: Doorbraakplan, index: Mapping[str, Prijs]) -> list[Blok]:
    gezien: dict[str, Prijs] = {}
    for regels in plan.scenarios.values():
        for r in regels:
            if r.prijs_id and r.prijs_id in index:
                gezien.setdefault(r.prijs_id, index[r.prijs_id])
    if not gezien:
        return [Alinea("Dit plan gebruikt geen prijzen uit de prijslijst.", "leeg")]
    items = []
    for p in gezien.values():
        lokaal = " Lokaal tarief." if p.lokaal else ""
        waarschuwing = ""
        if grondslag_niet_per_huishouden(p):
            waarschuwing = " Geldt niet per huishouden: omgerekend in het plan."
        items.append(
            (
                f"{p.item} ({p.id}): {euro(p.bedrag)} {p.eenheid}, prijspeil {p.jaar}, betrouwbaarheid "
                f"{p.betrouwbaarheid}.{lokaal}{waarschuwing} Bron: {p.bron_titel}",
                p.bron_url,
            )
        )
    return [
        Lijst(items),
        Alinea("Let op: dit is een schatting, geen zekerheid. De prijzen zijn niet geïndexeerd.", "klein"),
    ]


def _zin(tekst: str) -> str:
    tekst = tekst.strip()
    return tekst if tekst.endswith((".", "!", "?")) else tekst + "."


def concept_motivering(plan: Doorbraakplan, uitkomst: rm.Uitkomst | None) -> list[Alinea]:
    """The draft motivation for the beschikking, from the articles and the waardendriehoek.

    Only text from the plan and the law data; it is a draft for the professional to check.
    """
    from calculators.wetten.artikelen import citeerzin, ontleed_referentie

    delen: list[Alinea] = []
    if plan.doorbraak:
        delen.append(Alinea(f"Voorgestelde oplossing: {_zin(plan.doorbraak)}"))
    for a in plan.legitimiteit:
        artikel, lid = ontleed_referentie(a.artikel)
        zin = citeerzin(artikel, lid)
        delen.append(Alinea(f"{zin}: {_zin(a.motivering)}" if a.motivering else f"{zin}. [Motivering nog invullen.]"))
    if not plan.legitimiteit:
        delen.append(Alinea("[Wettelijke basis nog invullen: welk artikel geeft hier ruimte?]"))
    if uitkomst is not None:
        for d in uitkomst.alternatieven:
            naam = "de oplossing" if len(uitkomst.alternatieven) == 1 else f"'{_scenario(d)}'"
            verschil = uitkomst.netto[d]
            if verschil > 0:
                tekst = f"kost {naam} naar verwachting {euro(verschil)} minder dan niets doen"
            elif verschil < 0:
                tekst = f"kost {naam} naar verwachting {euro(-verschil)} meer dan niets doen"
            else:
                tekst = f"kost {naam} naar verwachting evenveel als niets doen"
            delen.append(
                Alinea(
                    f"Rendabel: over {plan.horizon_jaren} jaar en bij een kans van {rm.procent(plan.kans_dreigend)} "
                    f"op het dreigend scenario {tekst}."
                )
            )
    else:
        delen.append(Alinea("[Kostenvergelijking nog invullen.]"))
    if plan.perspectief:
        delen.append(Alinea(f"Betrokken: het huishouden wil dit zelf. {_zin(plan.perspectief)}"))
    if plan.betrokkenheid.eigen_inzet:
        delen.append(Alinea(f"Wat het huishouden zelf doet: {_zin(plan.betrokkenheid.eigen_inzet)}"))
    if plan.betrokkenheid.aanspreekpunt:
        delen.append(Alinea(f"Aanspreekpunt: {_zin(plan.betrokkenheid.aanspreekpunt)}"))
    return delen


def _besluit(plan: Doorbraakplan) -> Kader:
    b = plan.besluit
    keuzes = "  ".join(("☒ " if b is not None and b.uitkomst == k else "☐ ") + v for k, v in UITKOMST.items())
    rijen = [
        ["Besloten door", b.door if b else ""],
        ["Datum", datum(b.datum) if b and b.datum else ""],
        ["Uitkomst", keuzes],
        [
            "Gekozen oplossing",
            _scenario(b.gekozen_alternatief)
            if b and b.gekozen_alternatief
            else " / ".join(_scenario(d) for d in plan.alternatieven),
        ],
        ["Toelichting", b.toelichting if b else ""],
        ["Handtekening", ""],
    ]
    return Kader("besluit", "Besluit", [Tabel(["", ""], rijen, frozenset(), "In te vullen door wie besluit.")])


def maak_afdruk(
    plan: Doorbraakplan, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None, op: _dt.date | None = None
) -> Afdruk:
    """The whole printed plan, in method order. ``op`` is the date when the plan has none."""
    index = rm._index(prijzen)
    v = volledigheid(plan, index, privacy=False)
    onderdelen: list[Onderdeel] = []
    kop: list[Blok] = []
    kop.append(Alinea(f"Datum: {datum(plan.datum or op or _dt.date.today())}"))
    kop.append(Alinea(f"Kenmerk: {plan.kenmerk}" if plan.kenmerk else "Kenmerk: geen"))
    if plan.domeinen:
        kop.append(Alinea("Domeinen: " + ", ".join(plan.domeinen)))
    if not v.compleet:
        kop.append(
            Alinea(
                "Dit plan is nog niet compleet. Dit ontbreekt: "
                + "; ".join(ONDERDELEN.get(k, k) for k in v.ontbreekt)
                + ".",
                "leeg",
            )
        )
    onderdelen.append(Onderdeel("Over dit plan", kop))
    onderdelen.append(Onderdeel("1. Perspectief van het huishouden", _alineas(plan.perspectief)))
    onderdelen.append(Onderdeel("2. Huidige situatie", _alineas(plan.huidige_situatie)))
    onderdelen.append(Onderdeel("3. Dreigend scenario", _alineas(plan.dreigend_scenario)))
    onderdelen.append(Onderdeel("4. Doorbraak: de eerste stap", _alineas(plan.doorbraak)))
    legitiem = Onderdeel(
        "5. Legitiem: de wettelijke basis", [] if plan.legitimiteit else [Alinea("Nog geen artikel gekozen.", "leeg")]
    )
    onderdelen.append(legitiem)
    onderdelen.extend(_artikelblokken(plan))
    kosten, uitkomst = _kosten(plan, index)
    onderdelen.append(Onderdeel("6. Rendabel: wat het kost en oplevert", kosten))
    betrokken: list[Blok] = [
        Alinea("Wat het huishouden zelf doet:", "klein"),
        *_alineas(plan.betrokkenheid.eigen_inzet),
        Alinea("Aanspreekpunt:", "klein"),
        _of_leeg(plan.betrokkenheid.aanspreekpunt),
    ]
    onderdelen.append(Onderdeel("7. Betrokken: wat het huishouden zelf doet", betrokken))
    knel: list[Blok]
    if plan.knelpunten:
        knel = [
            Tabel(
                ["Soort", "Organisatie", "Regel", "Wat knelt"],
                [[SOORT_KNELPUNT[k.soort], k.organisatie, k.regel, k.omschrijving] for k in plan.knelpunten],
                frozenset(),
                "Knelpunten voor lokaal leren en de werktafel.",
            )
        ]
    else:
        knel = [Alinea("Geen knelpunten genoemd.", "klein")]
    onderdelen.append(Onderdeel("8. Knelpunten", knel))
    ja = {True: "ja", False: "nog niet"}
    onderdelen.append(
        Onderdeel(
            "9. Toets aan de waardendriehoek",
            [
                Lijst(
                    [
                        (f"Legitiem: {ja[v.legitiem]}.", None),
                        (f"Rendabel: {ja[v.rendabel]}.", None),
                        (f"Betrokken: {ja[v.betrokken]}.", None),
                    ]
                )
            ],
        )
    )
    onderdelen.append(Onderdeel("10. Bronnen van de prijzen", _bronnen(plan, index)))
    onderdelen.append(
        Onderdeel(
            "11. Motivering voor de beschikking",
            [
                Kader(
                    "concept",
                    CONCEPT,
                    [
                        Alinea(
                            "Deze tekst is gemaakt uit het plan. Lees hem na en pas hem aan voordat je hem overneemt.",
                            "klein",
                        ),
                        *concept_motivering(plan, uitkomst),
                    ],
                )
            ],
        )
    )
    onderdelen.append(Onderdeel("12. Besluit", [_besluit(plan)]))
    return Afdruk(
        titel=plan.titel or "Doorbraakplan",
        datum=plan.datum or op or _dt.date.today(),
        kenmerk=plan.kenmerk,
        onderdelen=onderdelen,
    )


# --- layout ------------------------------------------------------------------------------


def _omgeving():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(SJABLONEN),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def css_tekst(tekst: str) -> str:
    """A CSS string literal for any text: every character but letters, digits and spaces is a
    hex escape, so user text can never end the string, the rule or the <style> element."""
    delen = []
    for teken in tekst:
        if teken.isascii() and (teken.isalnum() or teken == " "):
            delen.append(teken)
        else:
            delen.append(f"\\{ord(teken):06x}")
    return '"' + "".join(delen) + '"'


def als_html(afdruk: Afdruk) -> str:
    """The document as one stand-alone HTML page (no external files).

    The footer (title and date) and page numbers are CSS page-margin boxes, so both
    WeasyPrint and a browser's print show them on every page.
    """
    from markupsafe import Markup

    sjabloon = _omgeving().get_template("plan.html.j2")
    css = (SJABLONEN / "afdruk.css").read_text(encoding="utf-8")
    voet = Markup(f"@page {{ @bottom-left {{ content: {css_tekst(afdruk.voettekst)}; }} }}")
    return sjabloon.render(
        a=afdruk, css=css, voet_css=voet, datum_tekst=datum(afdruk.datum), soort=lambda b: type(b).__name__
    )


def als_pdf(afdruk: Afdruk) -> bytes:
    """The HTML rendered by WeasyPrint (A4, footer, page numbers). Nothing is fetched."""
    import logging

    for naam in ("weasyprint", "weasyprint.progress", "fontTools"):
        logging.getLogger(naam).setLevel(logging.WARNING)
    try:
        import weasyprint
        from weasyprint.urls import URLFetcher, URLFetchingError
    except (ImportError, OSError) as e:  # missing system libraries (pango)
        raise DoorbraakFout(
            "Een PDF maken lukt hier niet: WeasyPrint of de systeembibliotheek pango ontbreekt "
            f"({type(e).__name__}). Maak een HTML-bestand en druk dat af als PDF."
        ) from None

    class _NietsOphalen(URLFetcher):
        def fetch(self, url, headers=None):  # noqa: D401 - WeasyPrint API
            raise URLFetchingError(f"offline: {url[:60]}")

    return weasyprint.HTML(string=als_html(afdruk), base_url=None, url_fetcher=_NietsOphalen()).write_pdf()


def _veld(run, instructie: str) -> None:
    """Insert a Word field (PAGE, NUMPAGES) into a run."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for soort, tekst in (("begin", None), (None, instructie), ("separate", None), (None, "1"), ("end", None)):
        if soort is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), soort)
            run._r.append(el)
        elif tekst == instructie:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instructie} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = tekst
            run._r.append(el)


def als_docx(afdruk: Afdruk) -> bytes:
    """The document as a Word file (python-docx), with footer and page numbers."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    doc.core_properties.title = afdruk.titel
    doc.core_properties.language = "nl-NL"
    sectie = doc.sections[0]
    sectie.page_width, sectie.page_height = Cm(21), Cm(29.7)
    for kant in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sectie, kant, Cm(1.8))
    stijl = doc.styles["Normal"]
    stijl.font.size = Pt(10)
    voet = sectie.footer.paragraphs[0]
    voet.text = f"{afdruk.voettekst} · pagina "
    _veld(voet.add_run(), "PAGE")
    voet.add_run(" van ")
    _veld(voet.add_run(), "NUMPAGES")

    doc.add_heading(afdruk.titel, level=0)
    doc.add_paragraph("Doorbraakplan, gemaakt met Doorbraakwijzer.")

    def tabel(t: Tabel) -> None:
        if t.bijschrift:
            p = doc.add_paragraph(t.bijschrift)
            p.runs[0].italic = True
        zonder_kop = not any(t.koppen)
        tab = doc.add_table(rows=0 if zonder_kop else 1, cols=len(t.koppen))
        tab.style = "Table Grid"
        tab.alignment = WD_TABLE_ALIGNMENT.LEFT
        if not zonder_kop:
            for i, k in enumerate(t.koppen):
                cel = tab.rows[0].cells[i]
                cel.text = k
                cel.paragraphs[0].runs[0].bold = True
        for rij in t.rijen:
            cellen = tab.add_row().cells
            for i, waarde in enumerate(rij):
                cellen[i].text = waarde
                if i in t.rechts:
                    cellen[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if t.breed:
            for rij in tab.rows:
                for cel in rij.cells:
                    for p in cel.paragraphs:
                        for r in p.runs:
                            r.font.size = Pt(8)

    def blok(b: Blok) -> None:
        if isinstance(b, Alinea):
            p = doc.add_paragraph(b.tekst)
            if b.soort in ("klein", "leeg"):
                p.runs[0].italic = True
        elif isinstance(b, Citaat):
            p = doc.add_paragraph(b.tekst, style="Quote")
            doc.add_paragraph(f"{b.bron}. {b.url}").runs[0].italic = True
        elif isinstance(b, Lijst):
            for tekst, link in b.items:
                doc.add_paragraph(tekst + (f" {link}" if link else ""), style="List Bullet")
        elif isinstance(b, Tabel):
            tabel(b)
        elif isinstance(b, Kader):
            doc.add_heading(b.kop, level=3)
            for x in b.blokken:
                blok(x)

    for o in afdruk.onderdelen:
        doc.add_heading(o.kop, level=min(o.niveau, 3) - 1 if o.niveau > 1 else 1)
        for b in o.blokken:
            blok(b)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


FORMATEN = (".html", ".pdf", ".docx")


def schrijf_afdruk(
    plan: Doorbraakplan,
    doel: Path,
    prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None,
    op: _dt.date | None = None,
) -> Path:
    """Write the print to ``doel``; the format follows from the extension (.html, .pdf, .docx)."""
    ext = doel.suffix.lower()
    if ext not in FORMATEN:
        raise DoorbraakFout(f"Kies een bestandsnaam die eindigt op {', '.join(FORMATEN)} (nu: '{doel.name}').")
    afdruk = maak_afdruk(plan, prijzen, op)
    inhoud: bytes = (
        als_html(afdruk).encode("utf-8") if ext == ".html" else als_pdf(afdruk) if ext == ".pdf" else als_docx(afdruk)
    )
    try:
        doel.write_bytes(inhoud)
    except OSError as e:
        raise DoorbraakFout(f"Het bestand {doel} kan niet geschreven worden ({e.strerror}).") from None
    return doel


__all__ = [
    "Afdruk",
    "CONCEPT",
    "als_docx",
    "als_html",
    "als_pdf",
    "concept_motivering",
    "maak_afdruk",
    "schrijf_afdruk",
]
