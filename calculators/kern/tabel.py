"""One accessible table, defined once and drawn by two adapters.

A :class:`Tabel` says *what* a table holds: a caption, column headings, rows, which columns
are numbers (right-aligned), whether the first column names the row. The book draws it
with docutils nodes (:func:`calculators.kern.boek.tabel_knopen`), widgets and exports with
a Jinja2 template (:func:`calculators.kern.html.tabel_html`). Both give a caption, column
headers with ``scope``, and a scroll container with a name, so a wide table stays usable on
a phone.

>>> t = Tabel("Kosten", ("Scenario", "Kosten"), (("huidig", "€ 10,00"),), rechts=frozenset({1}))
>>> t.is_rechts(1), t.is_rechts(0)
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    """A link in a cell: the text a reader sees and where it goes."""

    tekst: str
    url: str
    #: The accessible name when the visible text alone is not enough ("(bron)" -> "Bron van deze prijs: ...").
    naam: str | None = None


@dataclass(frozen=True)
class Cel:
    """A cell with extras: an anchor id, a sort value (for sortable book tables), parts."""

    inhoud: tuple[str | Link, ...]
    id: str | None = None
    sorteer: str | None = None


Celwaarde = str | Link | Cel


def cel(*inhoud: str | Link, id: str | None = None, sorteer: str | None = None) -> Cel:
    """A cell made of several parts (text and links), optionally with an id or sort value."""
    return Cel(tuple(inhoud), id=id, sorteer=sorteer)


def delen(waarde: Celwaarde) -> tuple[str | Link, ...]:
    """The parts of a cell, in order."""
    if isinstance(waarde, Cel):
        return waarde.inhoud
    return (waarde,)


@dataclass(frozen=True)
class Tabel:
    bijschrift: str
    koppen: tuple[str, ...]
    rijen: tuple[tuple[Celwaarde, ...], ...]
    #: Columns with numbers or amounts: right-aligned.
    rechts: frozenset[int] = field(default_factory=frozenset)
    #: The first column names the row (``<th scope="row">``).
    rijkop: bool = False
    #: Extra CSS classes of the ``<table>``.
    klassen: tuple[str, ...] = ()
    #: Sort buttons in the column headings (book/_static/doorbraak.js sorts).
    sorteerbaar: bool = False
    #: Totals under the table (``<tfoot>``); the first cell names the row.
    voet: tuple[tuple[Celwaarde, ...], ...] = ()

    def __post_init__(self) -> None:
        breed = {len(r) for r in (*self.rijen, *self.voet)} - {len(self.koppen)}
        if breed:
            raise ValueError(f"tabel '{self.bijschrift}': rijen met {sorted(breed)} cellen, koppen {len(self.koppen)}")

    def is_rechts(self, kolom: int) -> bool:
        return kolom in self.rechts


def maak_tabel(
    bijschrift: str,
    koppen: Sequence[str],
    rijen: Iterable[Sequence[Celwaarde]],
    *,
    rechts: frozenset[int] = frozenset(),
    rijkop: bool = False,
    klassen: tuple[str, ...] = (),
    sorteerbaar: bool = False,
    voet: Iterable[Sequence[Celwaarde]] = (),
) -> Tabel:
    """Convenience: lists in, a frozen :class:`Tabel` out."""
    return Tabel(
        bijschrift,
        tuple(koppen),
        tuple(tuple(r) for r in rijen),
        rechts=rechts,
        rijkop=rijkop,
        klassen=klassen,
        sorteerbaar=sorteerbaar,
        voet=tuple(tuple(r) for r in voet),
    )
