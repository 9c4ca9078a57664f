"""Widget "Privacycontrole": paste a case text and see what makes it traceable.

Every finding is highlighted in the (escaped) text, numbered, and listed in a table
with its advice. The result sits in an aria-live region so screen readers announce it.
"""

from __future__ import annotations

import html
import threading

import ipywidgets as w

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.html import tabel_html
from calculators.kern.tabel import maak_tabel
from calculators.kern.veilig import zonder_losse_surrogaten
from calculators.kern.widget import live_gebied, melding, stijl, zet_live
from calculators.privacy.wacht import Bevinding, controleer_casus, controleer_tekst, lees_casus_tekst, warm_op

#: The widget checks at most this many characters (about 40 pages); the CLI takes more.
MAX_WIDGET_TEKENS = 200_000

VOORBEELD = (
    "Mevrouw Jansen (34) woont met haar twee kinderen aan de Lindelaan 14 in Zwiggelte. "
    "Op 3 maart 2023 kwam de deurwaarder. Haar BSN is 111222333.\n"
    "Een vader van in de veertig kreeg hulp op grond van artikel 2.3.5 van de Wmo 2015."
)

_STIJL = (
    "<style>"
    ".dbw-privacy mark{background:#ffe08a;color:#1a1a1a;padding:0 2px;border-bottom:2px solid #b35900;}"
    ".dbw-privacy .dbw-tekst{white-space:pre-wrap;border:1px solid #ccc;padding:8px;max-height:420px;"
    "overflow:auto;font-size:16px;line-height:1.6;}"
    ".dbw-privacy sup{font-weight:bold;color:#7a3d00;}"
    "</style>"
)


def markeer_html(tekst: str, bevindingen: list[Bevinding]) -> str:
    """The text as escaped HTML with every finding in a numbered ``<mark>``."""
    delen = []
    positie = 0
    for nr, b in enumerate(sorted(bevindingen, key=lambda b: b.begin), start=1):
        if b.begin < positie or b.eind > len(tekst) or b.eind <= b.begin:
            continue
        delen.append(html.escape(tekst[positie : b.begin]))
        delen.append(
            f'<mark title="{html.escape(b.soort)}">{html.escape(tekst[b.begin : b.eind])}</mark>'
            f'<sup aria-label="punt {nr}">{nr}</sup>'
        )
        positie = b.eind
    delen.append(html.escape(tekst[positie:]))
    return "".join(delen)


def uitslag_html(tekst: str, bevindingen: list[Bevinding], markeer: bool = True) -> str:
    """Summary, highlighted text and a table of findings (all user text escaped).

    ``markeer=False`` (a case file: findings are per field) shows only the table.
    """
    if not bevindingen:
        return melding("Niets gevonden. Lees je tekst toch nog één keer zelf na.", "ok")
    aantal = len(bevindingen)
    kop = f"{aantal} {'punt' if aantal == 1 else 'punten'} gevonden. Pas de tekst aan en controleer opnieuw."
    volgorde = sorted(bevindingen, key=lambda b: b.begin) if markeer else list(bevindingen)
    tabel = maak_tabel(
        "Gevonden punten en advies",
        ["Nr.", "Soort", "Gevonden", "Plaats", "Advies"],
        [[str(nr), b.soort, b.tekst, b.positie, b.advies] for nr, b in enumerate(volgorde, start=1)],
    )
    gemarkeerd = (
        f'<div class="dbw-tekst" tabindex="0" role="region" aria-label="Je tekst met de gevonden punten">'
        f"{markeer_html(tekst, bevindingen)}</div>"
        if markeer
        else ""
    )
    return f"<p><strong>{html.escape(kop)}</strong></p>{gemarkeerd}{tabel_html(tabel)}"


class PrivacyControle:
    """State and widgets of the privacy check (one per calculator session)."""

    def __init__(self) -> None:
        self.invoer = w.Textarea(
            description="Jouw tekst",
            placeholder="Plak hier de tekst van je casus.",
            layout=w.Layout(width="auto", max_width="900px", height="200px"),
            style={"description_width": "initial"},
        )
        self.knop = w.Button(
            description="Controleer", button_style="primary", tooltip="Zoek namen, nummers en andere herkenbare details"
        )
        self.voorbeeld = w.Button(
            description="Probeer een voorbeeld",
            tooltip="Zet een voorbeeldtekst in het vak",
            layout=w.Layout(width="auto"),
        )
        self.wis = w.Button(description="Maak leeg", tooltip="Haal de tekst weg", layout=w.Layout(width="auto"))
        self.is_casus = w.Checkbox(
            description="Mijn tekst is een casusbestand (YAML, zoals het sjabloon)",
            indent=False,
            layout=w.Layout(width="auto"),
        )
        self.uitslag = live_gebied()
        self.knop.on_click(lambda _b: self.controleer())
        self.voorbeeld.on_click(lambda _b: self._zet_voorbeeld())
        self.wis.on_click(lambda _b: self._wis())
        self.widget = w.VBox(
            [
                stijl(),
                w.HTML(_STIJL),
                w.HTML(
                    "<h2>Controleer je tekst</h2>"
                    "<p>Plak je tekst in het vak. Kies dan <strong>Controleer</strong>. "
                    "Je tekst gaat alleen naar de rekenserver van Doorbraakwijzer. Die bewaart hem niet.</p>"
                ),
                self.invoer,
                self.is_casus,
                w.HBox([self.knop, self.voorbeeld, self.wis]),
                self.uitslag,
            ]
        )
        self.widget.add_class("dbw-privacy")
        # Load the name lists in the background, so the first check answers quickly.
        threading.Thread(target=warm_op, daemon=True).start()

    def _zet_voorbeeld(self) -> None:
        self.is_casus.value = False
        self.invoer.value = VOORBEELD
        self.controleer()

    def _wis(self) -> None:
        self.invoer.value = ""
        zet_live(self.uitslag, "")

    def controleer(self) -> list[Bevinding]:
        """Check the text in the box and show the result; returns the findings."""
        # Half an emoji from the browser (a lone surrogate) cannot be sent back as UTF-8.
        tekst = zonder_losse_surrogaten(self.invoer.value or "")
        if not tekst.strip():
            zet_live(self.uitslag, melding("Het vak is leeg. Plak eerst je tekst.", "info"))
            return []
        if len(tekst) > MAX_WIDGET_TEKENS:
            zet_live(
                self.uitslag,
                melding(
                    "Je tekst is te lang voor deze rekenhulp. Controleer hem in delen. "
                    "Of gebruik de opdrachtregel: python -m calculators privacy tekst.txt",
                    "fout",
                ),
            )
            return []
        try:
            if self.is_casus.value:
                bevindingen = controleer_casus(lees_casus_tekst(tekst))
            else:
                bevindingen = controleer_tekst(tekst)
        except DoorbraakFout as fout:
            zet_live(self.uitslag, melding(str(fout)))
            return []
        except Exception:  # never a traceback (or a stale result) in the calculator
            zet_live(
                self.uitslag,
                melding(
                    "Het controleren is niet gelukt. Er is niets bewaard. "
                    "Probeer het opnieuw, of controleer de tekst in kleinere delen."
                ),
            )
            return []
        zet_live(self.uitslag, uitslag_html(tekst, bevindingen, markeer=not self.is_casus.value))
        return bevindingen


def maak_privacy() -> w.Widget:
    """Build the privacy check widget."""
    return PrivacyControle().widget
