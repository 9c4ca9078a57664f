"""Addresses that open the plan builder with a starting point (pure; no widgets).

The book page passes its address query on to the embedded calculator
(book/_static/doorbraak.js); the dashboard reads it in its last cell
(:func:`calculators.plan.widget.open_uit_adres`).
"""

from __future__ import annotations

from urllib.parse import quote

PAGINA = "/book/rekenhulpen/doorbraakplan.html"


def plan_met_casus(casus_id: str) -> str:
    """The plan builder, started with the costs of a catalogue case."""
    return f"{PAGINA}?casus={quote(casus_id, safe='')}"


def plan_met_artikel(referentie: str) -> str:
    """The plan builder with one article already in the legitimiteit section (``Pw 35``)."""
    return f"{PAGINA}?artikel={quote(referentie, safe='')}"
