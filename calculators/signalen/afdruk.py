"""The printable one-page checklist (A4): Jinja2 with autoescape, print CSS in the template.

It lists every signal per group (ticked ones marked) and the picture of :func:`wijzer.beeld`.
No free text goes in: only the chosen signal ids, so nothing personal can end up on paper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from calculators.kern.opmaak import datum
from calculators.signalen.gegevens import GROEPEN, laad_signalen
from calculators.signalen.wijzer import beeld, groep_naam

SJABLOON = "checklist.html.j2"
# One A4 page also when every signal is ticked: the longest lists are cut, with a count of the rest.
MAX_ARTIKELEN = 8
MAX_ACTIES = 4


@lru_cache(maxsize=1)
def _omgeving() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(Path(__file__).parent)),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def checklist_html(ids: Iterable[str], vandaag: dt.date | None = None) -> str:
    """The checklist as a stand-alone HTML page, ready to print (or save as PDF)."""
    ids = list(ids)
    b = beeld(ids)
    gekozen = {s.id for s in b.signalen}
    alle = laad_signalen()
    groepen = [
        {
            "naam": groep_naam(g),
            "signalen": [{"tekst": s.tekst, "gekozen": s.id in gekozen} for s in alle if s.groep == g],
        }
        for g in GROEPEN
    ]
    return (
        _omgeving()
        .get_template(SJABLOON)
        .render(
            datum=datum(vandaag or dt.date.today()),
            groepen=groepen,
            woonfuik=b.woonfuik,
            eerst={**b.eerst, "acties": b.eerst["acties"][:MAX_ACTIES]},
            vragen=b.vragen,
            artikelen=b.artikelen[:MAX_ARTIKELEN],
            meer_artikelen=max(0, len(b.artikelen) - MAX_ARTIKELEN),
            clusters_kort=b.clusters[:2],
        )
    )
