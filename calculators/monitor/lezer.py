"""Read plan files for the Monitor: a folder (recursively) or a zip, with hard limits.

- Only ``*.json`` files count. More than :data:`MAX_BESTANDEN` files: one Dutch error, nothing is read
  (never a half-loaded overview).
- A zip is checked in its directory *before* anything is extracted: the number of files, the
  uncompressed size of each file and of all files together, and the compression ratio (a zip bomb
  is refused). While reading, at most the announced size plus one byte is read, so a zip whose
  directory lies is caught too. Encrypted entries and zips inside zips are not opened.
- Each plan is read with :func:`calculators.plan.model.lees_planbestand` (the doorbraakplan model;
  old rendement files are valid plans too). A file that is not a valid plan is kept with its Dutch
  message and not counted.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from calculators.kern.fouten import DoorbraakFout
from calculators.kern.opmaak import getal
from calculators.plan.model import MAX_BESTAND_BYTES, Doorbraakplan, lees_bytes_begrensd, lees_planbestand
from calculators.prijzen.prijslijst import Prijs

MAX_BESTANDEN = 5_000
MAX_TOTAAL_BYTES = 200_000_000  # all plan files together (uncompressed)
MAX_ZIP_BYTES = 100_000_000  # the zip file itself
MAX_VERHOUDING = 100  # uncompressed / compressed, per entry (plans compress about 5-10 times)
MAX_ZIP_ITEMS = 20_000  # entries in the zip directory, json or not


@dataclass(frozen=True)
class Invoer:
    """One file: its name (relative path, with /) and its bytes, or why it could not be read."""

    naam: str
    inhoud: bytes
    fout: str | None = None


@dataclass
class Gelezen:
    """The outcome of reading: valid plans by name, and invalid files with their Dutch message."""

    plannen: dict[str, Doorbraakplan]
    ongeldig: list[tuple[str, str]]


def _te_veel(aantal: int) -> DoorbraakFout:
    return DoorbraakFout(
        f"Er zijn te veel planbestanden: {getal(aantal, 0)}. De monitor leest er hoogstens "
        f"{getal(MAX_BESTANDEN, 0)} tegelijk. Kies een kleinere map, of splits de plannen per jaar."
    )


def bestanden_in_map(map_: Path | str) -> list[Path]:
    """Every ``*.json`` under ``map_`` (recursively, sorted; symbolic links to folders are not followed)."""
    map_ = Path(map_)
    if not map_.exists():
        raise DoorbraakFout(f"De map {map_} bestaat niet. Kijk of de naam goed is.")
    if not map_.is_dir():
        raise DoorbraakFout(f"{map_} is geen map. Geef een map met planbestanden (JSON), of een zip-bestand.")
    gevonden: list[Path] = []
    for wortel, mappen, namen in os.walk(map_):
        mappen.sort()
        for naam in sorted(namen):
            if naam.lower().endswith(".json"):
                gevonden.append(Path(wortel) / naam)
                if len(gevonden) > MAX_BESTANDEN:
                    # Count the rest cheaply for the message, without reading anything.
                    rest = sum(1 for _w, _m, n in os.walk(map_) for x in n if x.lower().endswith(".json"))
                    raise _te_veel(rest)
    return gevonden


def lees_map(map_: Path | str) -> list[Invoer]:
    """The bytes of every plan file under ``map_`` (each at most 1 MB, else an invalid file)."""
    map_ = Path(map_)
    uit = []
    for pad in bestanden_in_map(map_):
        naam = pad.relative_to(map_).as_posix()
        try:
            inhoud = lees_bytes_begrensd(pad)
        except DoorbraakFout as fout:
            uit.append(Invoer(naam, b"", str(fout)))
            continue
        uit.append(Invoer(naam, inhoud))
    return uit


def lees_zip(data: bytes, zipnaam: str = "het zip-bestand") -> list[Invoer]:
    """The plan files in a zip, after checking its directory for a zip bomb (see the module docstring)."""
    if len(data) > MAX_ZIP_BYTES:
        raise DoorbraakFout(
            f"{zipnaam} is te groot ({getal(len(data) / 1_000_000, 0)} MB). "
            f"De grens is {getal(MAX_ZIP_BYTES / 1_000_000, 0)} MB."
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DoorbraakFout(f"{zipnaam} is geen geldig zip-bestand.") from None
    with zf:
        items = zf.infolist()
        if len(items) > MAX_ZIP_ITEMS:
            raise DoorbraakFout(
                f"{zipnaam} heeft te veel onderdelen ({getal(len(items), 0)}). De grens is {getal(MAX_ZIP_ITEMS, 0)}."
            )
        plannen = [
            i
            for i in items
            if not i.is_dir()
            and i.filename.lower().endswith(".json")
            and not PurePosixPath(i.filename).name.startswith("._")
        ]
        if len(plannen) > MAX_BESTANDEN:
            raise _te_veel(len(plannen))
        totaal = sum(i.file_size for i in plannen)
        if totaal > MAX_TOTAAL_BYTES:
            raise DoorbraakFout(
                f"{zipnaam} is uitgepakt te groot ({getal(totaal / 1_000_000, 0)} MB). "
                f"De grens is {getal(MAX_TOTAAL_BYTES / 1_000_000, 0)} MB. Er is niets uitgepakt."
            )
        for i in plannen:
            if i.file_size > 10_000 and i.file_size > MAX_VERHOUDING * max(i.compress_size, 1):
                raise DoorbraakFout(
                    f"{zipnaam} lijkt een zip-bom: {i.filename[:80]} wordt uitgepakt "
                    f"{getal(i.file_size / max(i.compress_size, 1), 0)} keer zo groot. Er is niets uitgepakt."
                )
        uit: list[Invoer] = []
        for i in plannen:
            naam = i.filename.replace("\\", "/")[:300]
            if i.flag_bits & 0x1:
                uit.append(
                    _fout_invoer(naam, f"Het bestand {naam} in de zip is versleuteld. Dat kan de monitor niet lezen.")
                )
                continue
            if i.file_size > MAX_BESTAND_BYTES:
                uit.append(_fout_invoer(naam, f"Het bestand {naam} is te groot voor een plan (meer dan 1 MB)."))
                continue
            try:
                with zf.open(i) as f:
                    inhoud = f.read(MAX_BESTAND_BYTES + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError, ValueError):
                uit.append(_fout_invoer(naam, f"Het bestand {naam} in de zip is beschadigd."))
                continue
            if len(inhoud) > MAX_BESTAND_BYTES:
                uit.append(_fout_invoer(naam, f"Het bestand {naam} is te groot voor een plan (meer dan 1 MB)."))
                continue
            uit.append(Invoer(naam, inhoud))
    return uit


def _fout_invoer(naam: str, melding: str) -> Invoer:
    return Invoer(naam, b"", melding)


def lees_uploads(bestanden: Iterable[tuple[str, bytes]]) -> list[Invoer]:
    """Uploaded files: JSON files as they are, zip files unpacked safely. Other files are invalid."""
    uit: list[Invoer] = []
    for naam, inhoud in bestanden:
        naam = str(naam)[:300]
        if naam.lower().endswith(".zip"):
            uit.extend(Invoer(f"{naam}/{i.naam}", i.inhoud, i.fout) for i in lees_zip(inhoud, naam))
        elif naam.lower().endswith(".json"):
            if len(inhoud) > MAX_BESTAND_BYTES:
                uit.append(_fout_invoer(naam, f"Het bestand {naam} is te groot voor een plan (meer dan 1 MB)."))
            else:
                uit.append(Invoer(naam, inhoud))
        else:
            uit.append(_fout_invoer(naam, f"Het bestand {naam} is geen planbestand. Kies JSON-bestanden of een zip."))
        if len(uit) > MAX_BESTANDEN:
            raise _te_veel(len(uit))
    return uit


def lees_plannen(invoer: Iterable[Invoer], prijzen: Mapping[str, Prijs] | Iterable[Prijs] | None = None) -> Gelezen:
    """Validate every file as a doorbraakplan; invalid ones keep their Dutch message."""
    from calculators.rendement.model import _index

    index = _index(prijzen)
    plannen: dict[str, Doorbraakplan] = {}
    ongeldig: list[tuple[str, str]] = []
    for i in invoer:
        if i.fout is not None:
            ongeldig.append((i.naam, i.fout))
            continue
        if i.naam in plannen:
            ongeldig.append((i.naam, f"Het bestand {i.naam} staat er twee keer in. Het telt één keer."))
            continue
        try:
            plannen[i.naam] = lees_planbestand(i.inhoud, index, bestand=i.naam)
        except DoorbraakFout as e:
            ongeldig.append((i.naam, str(e)))
    return Gelezen(plannen=plannen, ongeldig=sorted(ongeldig))
