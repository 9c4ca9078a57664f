"""Law articles for maatwerk: schema, loader and lookup helpers.

``data/wetten/<slug>.yaml`` holds one law per file. Every article keeps the official text
exactly (split into ``leden``) and adds a B1 explanation in our own words: what the article
makes possible (``uitleg.mogelijk``), its conditions, common misunderstandings, typical
situations, related articles, example questions (for the search), domeinen and geldstromen.

Article references have one format everywhere in the project: ``"<afkorting> <artikel>"``,
for example ``"Pw 52"``, ``"Wmo 2015 2.3.5"``, ``"Awb 4:84"``, optionally with a lid:
``"Pw 18 lid 1"``. :func:`zoek_referentie` resolves such a reference (case and spacing do
not matter) or raises :class:`DoorbraakFout` with a Dutch message.

The official text of an article is ``artikel.tekst``: the leden joined with a newline, each
numbered lid written as ``"<nummer> <tekst>"``. This is character for character the text of
the source (``bron``).
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from calculators.kern.fouten import DoorbraakFout, Melding
from calculators.kern.opmaak import datum
from calculators.kern.paden import DATA
from calculators.kern.schema import pydantic_meldingen
from calculators.kern.vocabulaire import laad_vocabulaire
from calculators.kern.yamlbestand import lees_yaml

WETTEN_MAP = DATA / "wetten"

_NIET_LEEG = Field(min_length=1)


class Lid(BaseModel):
    """One lid of an article. ``nummer`` is None when the article has no numbered leden."""

    model_config = ConfigDict(extra="forbid")

    nummer: str | None = None
    tekst: str = _NIET_LEEG

    @field_validator("tekst")
    @classmethod
    def _niet_alleen_spaties(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("de wettekst is leeg")
        return v


class Uitleg(BaseModel):
    """Our own B1 explanation of an article."""

    model_config = ConfigDict(extra="forbid")

    mogelijk: str = _NIET_LEEG
    voorwaarden: list[str] = []
    misverstanden: list[str] = []
    situaties: list[str] = []


def _check_namen(waarden: list[str], toegestaan: list[str], soort: str) -> list[str]:
    for v in waarden:
        if v not in toegestaan:
            raise ValueError(f"onbekende {soort} '{v}'; kies uit: {', '.join(toegestaan)}")
    if len(set(waarden)) != len(waarden):
        raise ValueError(f"een {soort} staat dubbel in de lijst")
    return waarden


class Artikel(BaseModel):
    """One article of a law. ``wet`` (the law it belongs to) is set by the loader."""

    model_config = ConfigDict(extra="forbid")

    artikel: str = Field(min_length=1, pattern=r"^\d+[a-z]?([.:]\d+[a-z]?)*$")
    titel: str = _NIET_LEEG
    titel_eigen: bool = False
    url: str = Field(pattern=r"^https://wetten\.overheid\.nl/BWBR\d{7}/\d{4}-\d{2}-\d{2}#Artikel\S+$")
    volledig: bool = True
    opmerking: str = ""
    herkomst: str = ""
    opgehaald: _dt.date | None = None
    leden: list[Lid] = Field(min_length=1)
    uitleg: Uitleg
    gerelateerd: list[str] = []
    voorbeeldvragen: list[str] = []
    domeinen: list[str] = Field(min_length=1)
    geldstromen: list[str] = []

    _wet: Wet | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _herkomst_met_datum(self) -> Artikel:
        if self.herkomst and self.opgehaald is None:
            raise ValueError("bij 'herkomst' hoort ook 'opgehaald' (de datum waarop de tekst is overgenomen)")
        return self

    @property
    def extra(self) -> bool:
        """True for an article beyond the checked reference set (``herkomst`` says where it came from)."""
        return bool(self.herkomst)

    @field_validator("domeinen")
    @classmethod
    def _domeinen(cls, v: list[str]) -> list[str]:
        return _check_namen(v, laad_vocabulaire().domein_namen, "domein")

    @field_validator("geldstromen")
    @classmethod
    def _geldstromen(cls, v: list[str]) -> list[str]:
        return _check_namen(v, laad_vocabulaire().geldstroom_namen, "geldstroom")

    @field_validator("leden")
    @classmethod
    def _leden(cls, v: list[Lid]) -> list[Lid]:
        if len(v) > 1 and any(l.nummer is None for l in v):
            raise ValueError("als een artikel meer leden heeft, heeft elk lid een nummer")
        nummers = [l.nummer for l in v if l.nummer is not None]
        if len(set(nummers)) != len(nummers):
            raise ValueError("een lidnummer staat dubbel")
        return v

    # --- what the rest of the project uses -------------------------------------------
    @property
    def wet(self) -> Wet:
        """The law this article belongs to."""
        if self._wet is None:
            raise RuntimeError("Artikel is niet via laad_wetten() geladen.")
        return self._wet

    @property
    def afkorting(self) -> str:
        return self.wet.afkorting

    @property
    def wetnaam(self) -> str:
        return self.wet.wet

    @property
    def geldig_vanaf(self) -> _dt.date:
        return self.wet.geldig_vanaf

    @property
    def referentie(self) -> str:
        """The standard reference, e.g. ``"Pw 52"``."""
        return f"{self.wet.afkorting} {self.artikel}"

    @property
    def tekst(self) -> str:
        """The full official text, exactly as in the source."""
        return "\n".join(l.tekst if l.nummer is None else f"{l.nummer} {l.tekst}" for l in self.leden)

    @property
    def anker(self) -> str:
        return artikel_anker(self)

    def lid(self, nummer: str) -> Lid | None:
        """The lid with this number, or None."""
        for l in self.leden:
            if l.nummer is not None and l.nummer.lower() == str(nummer).strip().lower():
                return l
        return None


class Wet(BaseModel):
    """One law file: metadata and the articles used in Doorbraakwijzer."""

    model_config = ConfigDict(extra="forbid")

    wet: str = _NIET_LEEG
    afkorting: str = _NIET_LEEG
    bwb_id: str = Field(pattern=r"^BWBR\d{7}$")
    geldig_vanaf: _dt.date
    bron: str = _NIET_LEEG
    artikelen: list[Artikel] = Field(min_length=1)

    _bestand: str = PrivateAttr(default="")

    @property
    def slug(self) -> str:
        """File name without ``.yaml``; also the name of the book page."""
        return self._bestand.removesuffix(".yaml") if self._bestand else _slug(self.afkorting)

    @property
    def bestand(self) -> str:
        return self._bestand

    @property
    def url(self) -> str:
        return f"https://wetten.overheid.nl/{self.bwb_id}/{self.geldig_vanaf.isoformat()}"


# --- loading -------------------------------------------------------------------------


def laad_wetten(map: Path | None = None) -> list[Wet]:
    """Load and validate all law files (cached for the default folder ``data/wetten``).

    Raises :class:`DoorbraakFout` naming file, article and field when something is wrong.
    """
    if map is None:
        return list(_standaard())
    return list(_laad_map(Path(map)))


def alle_artikelen(map: Path | None = None) -> list[Artikel]:
    """All articles of all laws, in file order. Each article knows its law (``artikel.wet``)."""
    return [a for w in laad_wetten(map) for a in w.artikelen]


@lru_cache(maxsize=1)
def _standaard() -> tuple[Wet, ...]:
    return _laad_map(WETTEN_MAP)


def _laad_map(map: Path) -> tuple[Wet, ...]:
    bestanden = sorted(map.glob("*.yaml"))
    if not bestanden:
        raise DoorbraakFout(f"In de map {map} staan geen wetten (*.yaml).")
    meldingen: list[Melding] = []
    wetten: list[Wet] = []
    for pad in bestanden:
        try:
            wetten.append(_laad_bestand(pad))
        except DoorbraakFout as e:
            meldingen.extend(e.meldingen or [Melding(str(e), bestand=pad.name)])
    if meldingen:
        raise DoorbraakFout("De wetsartikelen in data/wetten kloppen niet.", meldingen)
    meldingen = _controleer_samenhang(wetten)
    if meldingen:
        raise DoorbraakFout("De wetsartikelen in data/wetten kloppen niet.", meldingen)
    return tuple(wetten)


def _laad_bestand(pad: Path) -> Wet:
    ruw = lees_yaml(pad, f"Het bestand {pad.name}", leeg_mag=True)
    if not isinstance(ruw, dict):
        raise DoorbraakFout(
            f"Het bestand {pad.name} klopt niet.",
            [
                Melding(
                    "het bestand moet een wet met velden bevatten (wet, afkorting, artikelen, ...)", bestand=pad.name
                )
            ],
        )
    try:
        wet = Wet.model_validate(ruw)
    except ValidationError as e:
        raise DoorbraakFout(f"Het bestand {pad.name} klopt niet.", _meldingen(e, pad.name, ruw)) from None
    wet._bestand = pad.name
    for a in wet.artikelen:
        a._wet = wet
    return wet


def _meldingen(fout: ValidationError, bestand: str, ruw: dict) -> list[Melding]:
    """Dutch messages that name the article (not its position) and the field."""
    uit = []
    for m, e in zip(pydantic_meldingen(fout, bestand), fout.errors(), strict=True):
        loc = list(e.get("loc", ()))
        if len(loc) >= 2 and loc[0] == "artikelen" and isinstance(loc[1], int):
            artikelen = ruw.get("artikelen") or []
            nr = None
            if loc[1] < len(artikelen) and isinstance(artikelen[loc[1]], dict):
                nr = artikelen[loc[1]].get("artikel")
            naam = f"artikel {nr}" if nr else f"artikel nummer {loc[1] + 1} in de lijst"
            rest = loc[2:]
            if len(rest) >= 2 and rest[0] == "leden" and isinstance(rest[1], int):
                leden = artikelen[loc[1]].get("leden") if nr else None
                lidnr = None
                if isinstance(leden, list) and rest[1] < len(leden) and isinstance(leden[rest[1]], dict):
                    lidnr = leden[rest[1]].get("nummer")
                naam += f", lid {lidnr}" if lidnr else f", lid nummer {rest[1] + 1} in de lijst 'leden'"
                rest = ["leden", *rest[2:]]
            veld = ".".join(str(x) for x in rest) or "artikel"
            uit.append(Melding(f"{naam}, veld '{veld}': {m.tekst}", bestand=bestand))
        else:
            veld = ".".join(str(x) for x in loc) or "bestand"
            uit.append(Melding(f"veld '{veld}': {m.tekst}", bestand=bestand))
    return uit


def _controleer_samenhang(wetten: list[Wet]) -> list[Melding]:
    meldingen: list[Melding] = []
    afk: dict[str, str] = {}
    for w in wetten:
        sleutel = _norm(w.afkorting)
        if sleutel in afk:
            meldingen.append(Melding(f"de afkorting '{w.afkorting}' staat ook in {afk[sleutel]}", bestand=w.bestand))
        afk[sleutel] = w.bestand
        gezien: set[str] = set()
        for a in w.artikelen:
            if a.artikel in gezien:
                meldingen.append(
                    Melding(f"artikel {a.artikel} staat dubbel (referentie '{a.referentie}')", bestand=w.bestand)
                )
            gezien.add(a.artikel)
    if meldingen:
        return meldingen
    index = _maak_index(wetten)
    for w in wetten:
        for a in w.artikelen:
            for ref in a.gerelateerd:
                try:
                    _zoek(ref, index)
                except DoorbraakFout as e:
                    meldingen.append(Melding(f"artikel {a.artikel}, veld 'gerelateerd': {e}", bestand=w.bestand))
                    continue
                if _zoek(ref, index)[0] is a:
                    meldingen.append(
                        Melding(
                            f"artikel {a.artikel}, veld 'gerelateerd': een artikel verwijst naar zichzelf",
                            bestand=w.bestand,
                        )
                    )
    return meldingen


# --- references ----------------------------------------------------------------------

_REF = re.compile(
    r"^(?:art(?:ikel)?\.?\s+)?(?P<wet>.+?)\s*(?:art(?:ikel)?\.?\s*)?"
    r"(?P<nr>\d+[a-z]?(?:\s*[.:]\s*\d+[a-z]?)*)"
    r"(?:\s*,?\s*(?:lid|ld\.?)\s*(?P<lid>\d+[a-z]?\*?))?\s*$",
    re.IGNORECASE,
)
_REF_OMGEKEERD = re.compile(
    r"^(?:art(?:ikel)?\.?\s*)(?P<nr>\d+[a-z]?(?:[.:]\d+[a-z]?)*)"
    r"(?:\s*,?\s*(?:lid)\s*(?P<lid>\d+[a-z]?\*?))?\s*,?\s*(?:van\s+de\s+)?(?P<wet>\D.*?)\s*$",
    re.IGNORECASE,
)


def _norm(tekst: str) -> str:
    return re.sub(r"\s+", " ", str(tekst)).strip().lower()


def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", tekst.lower()).strip("-")


def _aliassen(w: Wet) -> set[str]:
    namen = {_norm(w.afkorting), _norm(w.wet)}
    zonder_jaar = re.sub(r"\s+\d{4}$", "", w.afkorting)
    namen.add(_norm(zonder_jaar))
    namen.add(_norm(re.sub(r"\s+\d{4}$", "", w.wet)))
    namen.add(_norm(w.afkorting.replace(" ", "")))
    return namen


def _maak_index(wetten) -> dict:
    wet_per_naam: dict[str, Wet] = {}
    for w in wetten:
        for naam in _aliassen(w):
            wet_per_naam.setdefault(naam, w)
    return {"wetten": wet_per_naam, "alle": list(wetten)}


@lru_cache(maxsize=1)
def _standaard_index() -> dict:
    return _maak_index(_standaard())


def _zoek(ref: str, index: dict) -> tuple[Artikel, str | None]:
    tekst = _norm(ref)
    if not tekst:
        raise DoorbraakFout("De verwijzing naar een wetsartikel is leeg. Schrijf bijvoorbeeld 'Pw 52'.")
    afkortingen = ", ".join(w.afkorting for w in index["alle"])
    kandidaten = []
    for patroon in (_REF, _REF_OMGEKEERD):
        m = patroon.match(tekst)
        if m:
            kandidaten.append(m)
    if not kandidaten:
        raise DoorbraakFout(
            f"De verwijzing '{ref}' begrijp ik niet. Schrijf de wet en het artikel, bijvoorbeeld 'Pw 52' of 'Pw 18 lid 1'."
        )
    wet = None
    gekozen = kandidaten[0]
    for gekozen in kandidaten:
        wet = index["wetten"].get(_norm(gekozen.group("wet")))
        if wet is not None:
            break
    if wet is None:
        raise DoorbraakFout(f"De wet in '{ref}' ken ik niet. Gebruik een van deze afkortingen: {afkortingen}.")
    nr = re.sub(r"\s+", "", gekozen.group("nr"))
    artikel = next((a for a in wet.artikelen if a.artikel.lower() == nr), None)
    if artikel is None:
        bekend = ", ".join(a.artikel for a in wet.artikelen)
        raise DoorbraakFout(
            f"Artikel {nr} van de {wet.wet} staat niet in Doorbraakwijzer (verwijzing '{ref}'). "
            f"Wel opgenomen zijn de artikelen {bekend}."
        )
    lid = gekozen.group("lid")
    if lid is not None:
        gevonden = artikel.lid(lid)
        if gevonden is None:
            nummers = [l.nummer for l in artikel.leden if l.nummer is not None]
            if nummers:
                uitleg = f"Dit artikel heeft de leden {', '.join(nummers)}."
                if not artikel.volledig:
                    uitleg = f"In Doorbraakwijzer staat alleen lid {', '.join(nummers)} van dit artikel."
            else:
                uitleg = "Dit artikel heeft geen genummerde leden."
            raise DoorbraakFout(
                f"Lid {lid} van artikel {artikel.artikel} {wet.afkorting} bestaat niet (verwijzing '{ref}'). {uitleg}"
            )
        lid = gevonden.nummer
    return artikel, lid


def ontleed_referentie(ref: str) -> tuple[Artikel, str | None]:
    """Resolve a reference like ``"Pw 18 lid 1"`` to ``(artikel, "1")``; lid is None if absent.

    Raises :class:`DoorbraakFout` (Dutch) if the law, article or lid is unknown.
    """
    return _zoek(ref, _standaard_index())


def zoek_referentie(ref: str) -> Artikel:
    """Resolve a reference like ``"Pw 52"``, ``"wmo2015 2.3.5"``, ``"Awb 4:84"`` or ``"Pw 18 lid 1"``.

    Case and spacing do not matter; the full law name works too ("Participatiewet 52").
    Raises :class:`DoorbraakFout` with a Dutch message if it does not resolve.
    """
    return ontleed_referentie(ref)[0]


def normaliseer_referentie(ref: str) -> str:
    """The standard spelling of a reference: ``"pw 18, lid 1"`` → ``"Pw 18 lid 1"``."""
    artikel, lid = ontleed_referentie(ref)
    return artikel.referentie + (f" lid {lid}" if lid else "")


def artikel_anker(artikel: Artikel) -> str:
    """HTML anchor id of an article on its law page, e.g. ``artikel-pw-52``, ``artikel-awb-4-84``."""
    return f"artikel-{_slug(artikel.wet.afkorting)}-{_slug(artikel.artikel)}"


def citeerzin(artikel: Artikel, lid: str | None = None) -> str:
    """Ready-made opening for a plan, without a full stop, for example:

    ``"Op grond van artikel 52 van de Participatiewet (geldig vanaf 1 juli 2026)"``
    or, with a lid, ``"Op grond van artikel 18 lid 1 van de Participatiewet (...)"``.
    Raises :class:`DoorbraakFout` if the lid does not exist.
    """
    deel = f"artikel {artikel.artikel}"
    if lid is not None:
        gevonden = artikel.lid(str(lid))
        if gevonden is None:
            raise DoorbraakFout(f"Lid {lid} van artikel {artikel.artikel} {artikel.afkorting} bestaat niet.")
        deel += f" lid {gevonden.nummer}"
    return f"Op grond van {deel} van de {artikel.wet.wet} (geldig vanaf {datum(artikel.wet.geldig_vanaf)})"


def planzin(artikel: Artikel) -> str:
    """A sentence for a plan that says what the article makes possible, with its conditions.

    Built from the article's own B1 fields (never invented), for example: "Op grond van
    artikel 35 van de Participatiewet (geldig vanaf ...): <mogelijk> Voorwaarden: <...>."
    The B1 text keeps its own modal verbs, so "kan" stays "kan".
    """
    u = artikel.uitleg
    zin = f"{citeerzin(artikel)}: {u.mogelijk.strip()}"
    if u.voorwaarden:
        voorwaarden = "; ".join(v.strip().rstrip(".") for v in u.voorwaarden)
        zin += f" Voorwaarden: {voorwaarden}."
    return zin


def artikelen_per_domein(domein: str) -> list[Artikel]:
    """All articles tagged with this domein (see data/vocabulaire.yaml)."""
    return [a for a in alle_artikelen() if domein in a.domeinen]
