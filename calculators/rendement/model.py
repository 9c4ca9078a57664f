"""De rendementsberekening: what does a doorbraak plan cost compared with doing nothing?

The model (issue 4, implemented exactly):

- A plan has scenarios ``huidig``, ``dreigend``, ``doorbraak`` and optionally more
  alternatives whose names start with ``doorbraak`` (``doorbraak B``). Each scenario is a
  list of cost lines (:class:`Regel`).
- A line costs ``bedrag × aantal``. The amount is the line's own ``bedrag`` or, when that is
  absent, the amount of its ``prijs_id`` in the price list passed in (local tariffs included).
- A ``jaarlijks`` line recurs in every year t = 1..H and is discounted by ``(1 + r)^(t−1)``;
  an ``eenmalig`` line falls in year 1 only, undiscounted.
- ``totaal[s]`` is the sum over the lines of scenario s.
- ``niets_doen = (1 − p) × totaal[huidig] + p × totaal[dreigend]``.
- ``netto[d] = niets_doen − totaal[d]`` for every doorbraak alternative d.
- The same figures per geldstroom, a break-even month and a sensitivity table over p and H.

All arithmetic is done with :class:`~decimal.Decimal`; amounts are rounded to cents only
at the very end (:func:`calculators.kern.opmaak.rond_af`).

Break-even month (our definition, documented in the book): one-off costs fall in month 1;
a yearly cost is spread evenly over the 12 months of its year (with that year's discount).
The break-even month of alternative d is the first month m = 1..12·H in which the
cumulative cost of doing nothing is at least the cumulative cost of d. ``None`` when that
does not happen within the horizon.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any, Literal

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.opmaak import MAX_AANTAL, MAX_BEDRAG, euro, getal, rond_af  # the bounds of every number
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.prijzen.prijslijst import Prijs, prijs_per_id

Soort = Literal["jaarlijks", "eenmalig"]
SOORTEN: tuple[str, ...] = ("jaarlijks", "eenmalig")
VERPLICHT: tuple[str, ...] = ("huidig", "dreigend", "doorbraak")
NIETS_DOEN = "niets_doen"

HORIZON_MIN, HORIZON_MAX, HORIZON_STANDAARD = 1, 10, 1
KANS_STANDAARD = Decimal(1)
DISCONTO_MAX = Decimal("0.2")
DISCONTO_STANDAARD = Decimal(0)
MAX_TEKST = 200
MAX_REGELS = 200
MAX_SCENARIOS = 10
STANDAARD_KANSEN = (Decimal(0), Decimal("0.25"), Decimal("0.5"), Decimal("0.75"), Decimal(1))
STANDAARD_HORIZONNEN = (1, 2, 3, 5, 10)

PLAN_VELDEN = ("titel", "horizon_jaren", "kans_dreigend", "discontovoet", "scenarios")
REGEL_VELDEN = ("omschrijving", "bedrag", "prijs_id", "aantal", "soort", "geldstroom")


# --- model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Regel:
    """One cost line. Empty fields (``None``/``""``) are taken from the price list."""

    omschrijving: str = ""
    bedrag: Decimal | None = None
    prijs_id: str | None = None
    aantal: Decimal = Decimal(1)
    soort: Soort | None = None
    geldstroom: str | None = None


@dataclass
class Plan:
    """A whole plan: the scenarios with their lines and the three parameters."""

    scenarios: dict[str, tuple[Regel, ...]] = field(default_factory=dict)
    horizon_jaren: int = HORIZON_STANDAARD
    kans_dreigend: Decimal = KANS_STANDAARD
    discontovoet: Decimal = DISCONTO_STANDAARD
    titel: str = ""

    @property
    def alternatieven(self) -> list[str]:
        """The doorbraak alternatives, in plan order."""
        return [s for s in self.scenarios if s.startswith("doorbraak")]


@dataclass
class Uitkomst:
    """The result of :func:`bereken`. All amounts are Decimals rounded to cents."""

    totaal: dict[str, Decimal]
    niets_doen: Decimal
    netto: dict[str, Decimal]
    per_geldstroom: dict[str, dict[str, Decimal]]
    netto_per_geldstroom: dict[str, dict[str, Decimal]]
    break_even_maand: dict[str, int | None]
    horizon_jaren: int
    kans_dreigend: Decimal
    discontovoet: Decimal

    @property
    def alternatieven(self) -> list[str]:
        return list(self.netto)

    def als_json(self) -> dict[str, Any]:
        """The four keys of the CLI's ``--json`` output; amounts as numbers in euros."""
        return {
            "totaal": {s: float(b) for s, b in self.totaal.items()},
            "niets_doen": float(self.niets_doen),
            "netto": {d: float(b) for d, b in self.netto.items()},
            "per_geldstroom": {g: {k: float(b) for k, b in rij.items()} for g, rij in self.per_geldstroom.items()},
        }


@dataclass
class PlanMelding(Melding):
    """A problem in a plan, naming scenario, line number (1-based) and field."""

    scenario: str | None = None
    regel: int | None = None
    veld: str | None = None

    def __str__(self) -> str:
        plek = []
        if self.bestand:
            plek.append(f"bestand {self.bestand}")
        if self.scenario is not None:
            plek.append(f"scenario '{self.scenario}'")
        if self.regel is not None:
            plek.append(f"regel {self.regel}")
        if self.veld:
            plek.append(f"veld '{self.veld}'")
        tekst = self.tekst if self.tekst.endswith((".", "?", "!")) else self.tekst + "."
        return (", ".join(plek) + ": " if plek else "") + tekst


# --- checks on single values (also used by the widget) ------------------------------


def _is_getal(waarde: Any) -> bool:
    return isinstance(waarde, (int, float, Decimal)) and not isinstance(waarde, bool)


def _als_decimal(waarde: Any, veld: str) -> Decimal:
    if not _is_getal(waarde):
        if isinstance(waarde, str):
            raise DoorbraakFout(f"hier hoort een getal, geen tekst (nu: '{waarde[:40]}')")
        raise DoorbraakFout("hier hoort een getal")
    try:
        d = waarde if isinstance(waarde, Decimal) else Decimal(str(waarde))
    except (InvalidOperation, ValueError):
        raise DoorbraakFout("hier hoort een getal") from None
    if not d.is_finite():
        raise DoorbraakFout("hier hoort een gewoon getal")
    return d


def _decimalen(d: Decimal, n: int) -> bool:
    """True when d has at most n digits after the decimal point."""
    return d == d.quantize(Decimal(1).scaleb(-n))


def controleer_bedrag(waarde: Any) -> Decimal:
    """An amount per unit: a number from 0 to 100 miljoen, at most 2 decimals."""
    d = _als_decimal(waarde, "bedrag")
    if d < 0:
        raise DoorbraakFout("een bedrag mag niet negatief zijn. Vul 0 of meer in")
    if d > MAX_BEDRAG:
        raise DoorbraakFout(f"dit bedrag is te groot. Het mag hoogstens {euro(MAX_BEDRAG, centen=False)} zijn")
    if not _decimalen(d, 2):
        raise DoorbraakFout("een bedrag heeft hoogstens 2 cijfers achter de komma")
    return d


def controleer_aantal(waarde: Any) -> Decimal:
    """A count: a number from 0 to 1 miljoen, at most 4 decimals."""
    d = _als_decimal(waarde, "aantal")
    if d < 0:
        raise DoorbraakFout("een aantal mag niet negatief zijn. Vul 0 of meer in")
    if d > MAX_AANTAL:
        raise DoorbraakFout(f"dit aantal is te groot. Het mag hoogstens {getal(MAX_AANTAL)} zijn")
    if not _decimalen(d, 4):
        raise DoorbraakFout("een aantal heeft hoogstens 4 cijfers achter de komma")
    return d


def controleer_kans(waarde: Any) -> Decimal:
    """The chance p that the threatening scenario happens: 0 to 1, at most 4 decimals."""
    d = _als_decimal(waarde, "kans_dreigend")
    if d < 0 or d > 1:
        raise DoorbraakFout(f"de kans moet tussen 0 en 1 liggen, bijvoorbeeld 0,5 (nu: {d})")
    if not _decimalen(d, 4):
        raise DoorbraakFout("de kans heeft hoogstens 4 cijfers achter de komma")
    return d


def controleer_horizon(waarde: Any) -> int:
    """The horizon H in whole years: 1 to 10."""
    d = _als_decimal(waarde, "horizon_jaren")
    if d != d.to_integral_value():
        raise DoorbraakFout(f"de horizon is een heel aantal jaren (nu: {d})")
    if d < HORIZON_MIN or d > HORIZON_MAX:
        raise DoorbraakFout(f"de horizon moet tussen {HORIZON_MIN} en {HORIZON_MAX} jaar liggen (nu: {d})")
    return int(d)


def controleer_discontovoet(waarde: Any) -> Decimal:
    """The discount rate r: 0 to 0,2 (20 procent), at most 4 decimals."""
    d = _als_decimal(waarde, "discontovoet")
    if d < 0 or d > DISCONTO_MAX:
        raise DoorbraakFout(f"de discontovoet moet tussen 0 en 0,2 liggen, bijvoorbeeld 0,03 (nu: {d})")
    if not _decimalen(d, 4):
        raise DoorbraakFout("de discontovoet heeft hoogstens 4 cijfers achter de komma")
    return d


def controleer_scenarionaam(naam: Any) -> str:
    """A scenario name: huidig, dreigend, or a name that starts with 'doorbraak'."""
    if not isinstance(naam, str) or not naam.strip():
        raise DoorbraakFout("een scenario heeft een naam nodig")
    if naam != naam.strip() or len(naam) > 60:
        raise DoorbraakFout(
            "de naam van een scenario mag niet met een spatie beginnen of eindigen en hoogstens 60 tekens hebben"
        )
    if naam in ("huidig", "dreigend") or naam.startswith("doorbraak"):
        return naam
    raise DoorbraakFout(
        f"onbekend scenario '{naam[:60]}'. Gebruik huidig, dreigend, doorbraak "
        "of een naam die met 'doorbraak' begint, zoals 'doorbraak B'"
    )


def geldstroom_namen() -> list[str]:
    return laad_vocabulaire().geldstroom_namen


def controleer_geldstroom(waarde: Any) -> str:
    """A geldstroom name from data/vocabulaire.yaml."""
    namen = geldstroom_namen()
    if not isinstance(waarde, str) or waarde not in namen:
        nu = f" (nu: '{str(waarde)[:40]}')" if waarde not in (None, "") else ""
        raise DoorbraakFout(f"onbekende geldstroom{nu}. Kies uit: {', '.join(namen)}")
    return waarde


# --- parsing a plan ------------------------------------------------------------------


def _index(prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None) -> dict[str, Prijs]:
    if prijzen is None:
        from calculators.prijzen.prijslijst import laad_prijzen

        prijzen = laad_prijzen()
    if isinstance(prijzen, Mapping):
        return dict(prijzen)
    return prijs_per_id(prijzen)


def lees_regel(
    ruw: Any,
    index: Mapping[str, Prijs],
    *,
    scenario: str | None = None,
    nummer: int | None = None,
    bestand: str | None = None,
) -> tuple[Regel | None, list[PlanMelding]]:
    """Validate one line (a dict). Returns the line, or None with the problems found."""
    meldingen: list[PlanMelding] = []

    def fout(tekst: str, veld: str | None = None) -> None:
        meldingen.append(PlanMelding(tekst, bestand=bestand, scenario=scenario, regel=nummer, veld=veld))

    if not isinstance(ruw, dict):
        fout("een regel is een groep velden tussen { en }, zoals in het voorbeeld")
        return None, meldingen
    for k in ruw:
        if k not in REGEL_VELDEN:
            fout(f"dit veld is onbekend. Gebruik alleen: {', '.join(REGEL_VELDEN)}", str(k)[:40])
    waarden: dict[str, Any] = {}

    omschrijving = ruw.get("omschrijving", "")
    if omschrijving is None:
        omschrijving = ""
    if not isinstance(omschrijving, str):
        fout("hier hoort tekst", "omschrijving")
    elif len(omschrijving) > MAX_TEKST:
        fout(f"deze tekst is te lang (hoogstens {MAX_TEKST} tekens)", "omschrijving")
    else:
        waarden["omschrijving"] = omschrijving.strip()

    prijs = None
    prijs_id = ruw.get("prijs_id")
    if prijs_id in (None, ""):
        prijs_id = None
    elif not isinstance(prijs_id, str):
        fout("hier hoort de id van een prijs uit de prijslijst (tekst)", "prijs_id")
        prijs_id = None
    elif prijs_id not in index:
        hint = (
            " Dit is een eigen tarief: laad eerst je eigen tarieven"
            if prijs_id.startswith("lokaal-")
            else " Zoek de juiste id in de prijslijst"
        )
        fout(f"onbekende prijs-id '{prijs_id[:60]}'.{hint}", "prijs_id")
        prijs_id = None
    else:
        prijs = index[prijs_id]
    waarden["prijs_id"] = prijs_id

    bedrag = ruw.get("bedrag")
    if bedrag is not None:
        try:
            waarden["bedrag"] = controleer_bedrag(bedrag)
        except DoorbraakFout as e:
            fout(str(e), "bedrag")
    elif prijs is None and "prijs_id" not in {m.veld for m in meldingen}:
        fout("vul een bedrag in, of een prijs_id uit de prijslijst", "bedrag")

    if "aantal" in ruw:
        try:
            waarden["aantal"] = controleer_aantal(ruw["aantal"])
        except DoorbraakFout as e:
            fout(str(e), "aantal")

    soort = ruw.get("soort")
    if soort is None:
        if prijs is None and bedrag is not None:
            fout("kies 'jaarlijks' of 'eenmalig'", "soort")
    elif soort not in SOORTEN:
        fout(f"kies 'jaarlijks' of 'eenmalig' (nu: '{str(soort)[:40]}')", "soort")
    else:
        waarden["soort"] = soort

    geldstroom = ruw.get("geldstroom")
    if geldstroom is None:
        if prijs is None and bedrag is not None:
            fout(f"kies een geldstroom: {', '.join(geldstroom_namen())}", "geldstroom")
    else:
        try:
            waarden["geldstroom"] = controleer_geldstroom(geldstroom)
        except DoorbraakFout as e:
            fout(str(e), "geldstroom")

    if meldingen:
        return None, meldingen
    return Regel(**waarden), []


def lees_plan(
    data: Any, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None, bestand: str | None = None
) -> Plan:
    """Validate a plan (the parsed JSON object) and return a :class:`Plan`.

    Raises :class:`DoorbraakFout` listing every problem, each naming scenario, line and
    field. ``prijzen`` is the price list that ``prijs_id`` refers to (default: data/prijzen.csv).
    """
    index = _index(prijzen)
    kop = f"Het plan in {bestand} klopt niet." if bestand else "Het plan klopt niet."
    if not isinstance(data, dict):
        raise DoorbraakFout(kop + " Een plan is een groep velden tussen { en }, met in elk geval 'scenarios'.")
    meldingen: list[PlanMelding] = []

    def fout(tekst: str, veld: str | None = None, scenario: str | None = None) -> None:
        meldingen.append(PlanMelding(tekst, bestand=bestand, scenario=scenario, veld=veld))

    for k in data:
        if k not in PLAN_VELDEN:
            fout(f"dit veld is onbekend. Gebruik alleen: {', '.join(PLAN_VELDEN)}", str(k)[:40])

    waarden: dict[str, Any] = {}
    titel = data.get("titel", "")
    if titel is None:
        titel = ""
    if not isinstance(titel, str) or len(titel) > MAX_TEKST:
        fout(f"hier hoort tekst van hoogstens {MAX_TEKST} tekens", "titel")
    else:
        waarden["titel"] = titel.strip()
    for veld, controle in (
        ("horizon_jaren", controleer_horizon),
        ("kans_dreigend", controleer_kans),
        ("discontovoet", controleer_discontovoet),
    ):
        if veld in data:
            try:
                waarden[veld] = controle(data[veld])
            except DoorbraakFout as e:
                fout(str(e), veld)

    scenarios: dict[str, tuple[Regel, ...]] = {}
    ruw_scenarios = data.get("scenarios")
    if ruw_scenarios is None:
        fout("dit veld ontbreekt. Zet hier de scenario's huidig, dreigend en doorbraak", "scenarios")
    elif not isinstance(ruw_scenarios, dict):
        fout('hier hoort een groep scenario\'s, zoals {"huidig": [...], "dreigend": [...]}', "scenarios")
    else:
        if len(ruw_scenarios) > MAX_SCENARIOS:
            fout(f"te veel scenario's: hoogstens {MAX_SCENARIOS}", "scenarios")
        for naam in VERPLICHT:
            if naam not in ruw_scenarios:
                fout(
                    f"het scenario '{naam}' ontbreekt. Een plan heeft altijd huidig, dreigend en doorbraak", "scenarios"
                )
        for naam, regels in list(ruw_scenarios.items())[:MAX_SCENARIOS]:
            try:
                controleer_scenarionaam(naam)
            except DoorbraakFout as e:
                fout(str(e), "scenarios")
                continue
            if not isinstance(regels, list):
                fout("hier hoort een lijst met regels tussen [ en ]", scenario=naam)
                continue
            if len(regels) > MAX_REGELS:
                fout(f"te veel regels: hoogstens {MAX_REGELS}", scenario=naam)
                continue
            goed = []
            for nr, ruw in enumerate(regels, start=1):
                regel, fouten = lees_regel(ruw, index, scenario=naam, nummer=nr, bestand=bestand)
                meldingen.extend(fouten)
                if regel is not None:
                    goed.append(regel)
            scenarios[naam] = tuple(goed)
    if meldingen:
        raise DoorbraakFout(kop, meldingen)
    # Fixed order: huidig, dreigend, doorbraak, then the other alternatives as given.
    volgorde = [s for s in VERPLICHT] + [s for s in scenarios if s not in VERPLICHT]
    return Plan(scenarios={s: scenarios[s] for s in volgorde}, **waarden)


# --- calculation ---------------------------------------------------------------------


@dataclass(frozen=True)
class RegelPrijs:
    """A line with everything resolved from the price list."""

    omschrijving: str
    bedrag: Decimal
    aantal: Decimal
    soort: Soort
    geldstroom: str
    prijs: Prijs | None

    @property
    def kosten(self) -> Decimal:
        """Cost per year (jaarlijks) or once (eenmalig), undiscounted: bedrag × aantal."""
        return self.bedrag * self.aantal


def los_op(regel: Regel, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None) -> RegelPrijs:
    """Fill the empty fields of a line from its price (amount, name, soort, geldstroom)."""
    index = prijzen if isinstance(prijzen, dict) else _index(prijzen)
    prijs = None
    if regel.prijs_id:
        prijs = index.get(regel.prijs_id)
        if prijs is None:
            raise DoorbraakFout(f"De prijs-id '{regel.prijs_id}' staat niet in deze prijslijst.")
    bedrag = regel.bedrag if regel.bedrag is not None else (prijs.bedrag if prijs else None)
    soort = regel.soort or (("eenmalig" if prijs.eenheid == "eenmalig" else "jaarlijks") if prijs else None)
    geldstroom = regel.geldstroom or (prijs.geldstroom if prijs else None)
    if bedrag is None or soort is None or geldstroom is None:
        raise DoorbraakFout("Een regel zonder prijs-id heeft een bedrag, een soort en een geldstroom nodig.")
    omschrijving = regel.omschrijving or (prijs.item if prijs else "")
    return RegelPrijs(omschrijving, bedrag, regel.aantal, soort, geldstroom, prijs)


def jaarfactor(jaar: int, discontovoet: Decimal) -> Decimal:
    """Discount factor of year t: 1 / (1 + r)^(t − 1)."""
    with localcontext() as ctx:
        ctx.prec = 50
        return Decimal(1) / (Decimal(1) + discontovoet) ** (jaar - 1)


def annuiteit(horizon: int, discontovoet: Decimal) -> Decimal:
    """Sum of the discount factors of years 1..H (the weight of a yearly line)."""
    with localcontext() as ctx:
        ctx.prec = 50
        return sum((jaarfactor(t, discontovoet) for t in range(1, horizon + 1)), Decimal(0))


# Per scenario and geldstroom: (one-off sum, yearly sum), both unrounded.
Sommen = dict[str, dict[str, tuple[Decimal, Decimal]]]


def sommen(plan: Plan, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None) -> Sommen:
    """Per scenario and geldstroom: the sum of one-off costs and the sum of yearly costs."""
    index = _index(prijzen)
    uit: Sommen = {}
    for s, regels in plan.scenarios.items():
        per: dict[str, tuple[Decimal, Decimal]] = {}
        for regel in regels:
            r = los_op(regel, index)
            e, j = per.get(r.geldstroom, (Decimal(0), Decimal(0)))
            if r.soort == "eenmalig":
                e += r.kosten
            else:
                j += r.kosten
            per[r.geldstroom] = (e, j)
        uit[s] = per
    return uit


def _totaal(ej: tuple[Decimal, Decimal], a: Decimal) -> Decimal:
    return ej[0] + ej[1] * a


def _niets_doen(h: Decimal, d: Decimal, p: Decimal) -> Decimal:
    return (1 - p) * h + p * d


def _scenario_som(s: dict[str, tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal]:
    return (sum((v[0] for v in s.values()), Decimal(0)), sum((v[1] for v in s.values()), Decimal(0)))


def _netto_ongerond(som: Sommen, alt: str, p: Decimal, a: Decimal) -> Decimal:
    h, dr, d = (_scenario_som(som[s]) for s in ("huidig", "dreigend", alt))
    return _niets_doen(_totaal(h, a), _totaal(dr, a), p) - _totaal(d, a)


def break_even(som: Sommen, alt: str, p: Decimal, horizon: int, discontovoet: Decimal) -> int | None:
    """First month (1..12·H) in which doing nothing has cost at least as much as ``alt``.

    One-off costs fall in month 1; yearly costs are spread evenly over the months of
    their year, with that year's discount factor.
    """
    with localcontext() as ctx:
        ctx.prec = 50
        h, dr, d = (_scenario_som(som[s]) for s in ("huidig", "dreigend", alt))
        verschil_e = _niets_doen(h[0], dr[0], p) - d[0]
        verschil_j = _niets_doen(h[1], dr[1], p) - d[1]
        cumulatief = verschil_e
        for maand in range(1, 12 * horizon + 1):
            jaar = (maand - 1) // 12 + 1
            cumulatief += verschil_j * jaarfactor(jaar, discontovoet) / 12
            if cumulatief >= 0:
                return maand
    return None


def bereken(plan: Plan, prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None) -> Uitkomst:
    """Compute totals, niets_doen, netto, the figures per geldstroom and break-even months."""
    for naam in VERPLICHT:
        if naam not in plan.scenarios:
            raise DoorbraakFout(
                f"Het scenario '{naam}' ontbreekt. Een plan heeft altijd huidig, dreigend en doorbraak."
            )
    p, H, r = plan.kans_dreigend, plan.horizon_jaren, plan.discontovoet
    with localcontext() as ctx:
        ctx.prec = 50
        som = sommen(plan, prijzen)
        a = annuiteit(H, r)
        totaal = {s: _totaal(_scenario_som(som[s]), a) for s in plan.scenarios}
        niets = _niets_doen(totaal["huidig"], totaal["dreigend"], p)
        alts = plan.alternatieven
        netto = {d: niets - totaal[d] for d in alts}

        volgorde = geldstroom_namen()
        gebruikt = {g for per in som.values() for g in per}
        geldstromen = [g for g in volgorde if g in gebruikt]
        per_g: dict[str, dict[str, Decimal]] = {}
        netto_g: dict[str, dict[str, Decimal]] = {}
        nul = (Decimal(0), Decimal(0))
        for g in geldstromen:
            rij = {s: _totaal(som[s].get(g, nul), a) for s in plan.scenarios}
            rij[NIETS_DOEN] = _niets_doen(rij["huidig"], rij["dreigend"], p)
            per_g[g] = rij
            netto_g[g] = {d: rij[NIETS_DOEN] - rij[d] for d in alts}
        be = {d: break_even(som, d, p, H, r) for d in alts}
    return Uitkomst(
        totaal={s: rond_af(b) for s, b in totaal.items()},
        niets_doen=rond_af(niets),
        netto={d: rond_af(b) for d, b in netto.items()},
        per_geldstroom={g: {k: rond_af(b) for k, b in rij.items()} for g, rij in per_g.items()},
        netto_per_geldstroom={g: {k: rond_af(b) for k, b in rij.items()} for g, rij in netto_g.items()},
        break_even_maand=be,
        horizon_jaren=H,
        kans_dreigend=p,
        discontovoet=r,
    )


# --- sensitivity ---------------------------------------------------------------------


@dataclass
class Gevoeligheid:
    """``netto[alternatief][(p, H)]`` for a grid of chances p and horizons H (rounded)."""

    kansen: list[Decimal]
    horizonnen: list[int]
    netto: dict[str, dict[tuple[Decimal, int], Decimal]]


def gevoeligheid(
    plan: Plan,
    prijzen: Iterable[Prijs] | Mapping[str, Prijs] | None = None,
    kansen: Iterable[Decimal] | None = None,
    horizonnen: Iterable[int] | None = None,
) -> Gevoeligheid:
    """How ``netto`` moves when p and H vary. The plan's own p and H are always in the grid."""
    k = sorted({*(kansen if kansen is not None else STANDAARD_KANSEN), plan.kans_dreigend})
    hs = sorted({*(horizonnen if horizonnen is not None else STANDAARD_HORIZONNEN), plan.horizon_jaren})
    with localcontext() as ctx:
        ctx.prec = 50
        som = sommen(plan, prijzen)
        netto: dict[str, dict[tuple[Decimal, int], Decimal]] = {}
        for d in plan.alternatieven:
            netto[d] = {}
            for h in hs:
                a = annuiteit(h, plan.discontovoet)
                for p in k:
                    netto[d][(p, h)] = rond_af(_netto_ongerond(som, d, p, a))
    return Gevoeligheid(kansen=k, horizonnen=hs, netto=netto)


# --- plain-Dutch explanation ---------------------------------------------------------


def procent(waarde: Decimal) -> str:
    """0.5 → '50%' (Dutch number format)."""
    return f"{getal(waarde * 100, 2)}%"


def _jaren(h: int) -> str:
    return "1 jaar" if h == 1 else f"{h} jaar"


def uitleg(uitkomst: Uitkomst) -> str:
    """The result in plain Dutch: 'Als niets verandert, kost dit naar verwachting … Het plan kost … Dat scheelt …'."""
    zinnen = [
        f"Als niets verandert, kost dit naar verwachting {euro(uitkomst.niets_doen)} in {_jaren(uitkomst.horizon_jaren)}."
    ]
    for d in uitkomst.alternatieven:
        naam = "Het plan" if d == "doorbraak" and len(uitkomst.alternatieven) == 1 else f"Het plan '{d}'"
        zinnen.append(f"{naam} kost {euro(uitkomst.totaal[d])}.")
        verschil = uitkomst.netto[d]
        if verschil > 0:
            zinnen.append(f"Dat scheelt {euro(verschil)}.")
        elif verschil < 0:
            zinnen.append(f"Dat is {euro(-verschil)} meer dan niets doen.")
        else:
            zinnen.append("Dat scheelt niets.")
    return " ".join(zinnen)


def maand_tekst(maand: int | None, horizon: int) -> str:
    """Break-even month as a short Dutch sentence."""
    if maand is None:
        return f"Binnen {_jaren(horizon)} verdient het plan zich niet terug."
    if maand == 1:
        return "Het plan is vanaf de eerste maand goedkoper."
    return f"Vanaf maand {maand} is het plan goedkoper."
