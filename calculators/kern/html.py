"""HTML for widgets and exports: Jinja2 templates with autoescape, never hand-built strings.

:func:`render` fills a template of ``calculators/kern/sjablonen``; :func:`tabel_html` draws a
:class:`~calculators.kern.tabel.Tabel`.

>>> from calculators.kern.tabel import maak_tabel
>>> print(tabel_html(maak_tabel("Test <b>", ["Naam"], [["<script>"]])).count("&lt;script&gt;"))
1
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from calculators.kern.tabel import Tabel, delen

SJABLONEN = Path(__file__).resolve().parent / "sjablonen"


@lru_cache(maxsize=1)
def omgeving() -> Environment:
    env = Environment(
        loader=FileSystemLoader(SJABLONEN),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["delen"] = delen
    return env


def render(sjabloon: str, **context: Any) -> str:
    """Fill ``calculators/kern/sjablonen/<sjabloon>`` (escaped) and return the HTML."""
    return omgeving().get_template(sjabloon).render(**context)


def tabel_html(tabel: Tabel) -> str:
    """An accessible HTML table in a named scroll container."""
    return render("tabel.html.j2", t=tabel)
