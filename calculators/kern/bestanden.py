"""One bounded reader for every file a user gives (plan, tariff, case and text files).

- Only regular files are read: ``/dev/zero``, ``/dev/urandom``, fifos, sockets and
  folders are refused with a Dutch message ("... is geen gewoon bestand") before a byte
  is read, so they cannot block or fill the memory.
- At most ``limiet + 1`` bytes are read, also from standard input (``-``): a longer
  input is refused as too large instead of being read to the end.
- :func:`decodeer` turns bytes into text (UTF-8, BOM allowed) with a Dutch message that
  names the file and the line and position of the first wrong byte.

Every problem is a :class:`~calculators.kern.fouten.DoorbraakFout`.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from calculators.kern.fouten import DoorbraakFout

STANDAARD_LIMIET = 5_000_000  # bytes
STDIN = "-"
BOM = b"\xef\xbb\xbf"


def grootte_tekst(limiet: int) -> str:
    """A byte limit as a Dutch reader says it: "5 MB", "200 kB", "342 bytes"."""
    if limiet >= 1_000_000:
        return (
            f"{limiet // 1_000_000} MB" if limiet % 1_000_000 == 0 else f"{limiet / 1_000_000:.1f} MB".replace(".", ",")
        )
    if limiet >= 1_000:
        return f"{limiet // 1_000} kB"
    return f"{limiet} bytes"


def _te_groot(naam: str, limiet: int) -> DoorbraakFout:
    return DoorbraakFout(f"{naam} is te groot: het mag hoogstens {grootte_tekst(limiet)} zijn.")


def _lees_begrensd(stroom: BinaryIO, limiet: int, naam: str) -> bytes:
    delen: list[bytes] = []
    over = limiet + 1
    while over > 0:
        deel = stroom.read(min(over, 1 << 20))
        if not deel:
            break
        delen.append(deel)
        over -= len(deel)
    data = b"".join(delen)
    if len(data) > limiet:
        raise _te_groot(naam, limiet)
    return data


def toon_naam(bron: str | os.PathLike[str]) -> str:
    """How a file is named in messages: "Het bestand x.csv", or "De invoer" for stdin."""
    return "De invoer" if str(bron) == STDIN else f"Het bestand {bron}"


def lees_bytes(bron: str | os.PathLike[str], *, limiet: int = STANDAARD_LIMIET, naam: str | None = None) -> bytes:
    """The bytes of a regular file (or of standard input for ``-``), at most ``limiet``.

    ``naam`` is how messages name the source (default: "Het bestand <pad>").
    """
    wie = naam or toon_naam(bron)
    if str(bron) == STDIN:
        stroom = getattr(sys.stdin, "buffer", None)
        if stroom is None:  # a text stream (tests, notebooks)
            return _lees_begrensd_tekst(sys.stdin, limiet, wie)
        return _lees_begrensd(stroom, limiet, wie)
    pad = Path(bron)
    if not str(bron).strip():
        raise DoorbraakFout("Er is geen bestandsnaam opgegeven. Noem het bestand dat gelezen moet worden.")
    try:
        # O_NONBLOCK: opening a fifo must not wait for a writer; we refuse it right after.
        fd = os.open(pad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise DoorbraakFout(f"{wie} bestaat niet. Controleer de naam en de map.") from None
    except IsADirectoryError:
        raise DoorbraakFout(f"{wie} is een map en geen gewoon bestand. Noem een bestand in die map.") from None
    except PermissionError:
        raise DoorbraakFout(f"{wie} mag niet gelezen worden. Controleer de rechten.") from None
    except OSError as e:
        raise DoorbraakFout(f"{wie} kan niet gelezen worden ({e.strerror or 'onbekende oorzaak'}).") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DoorbraakFout(f"{wie} is een map en geen gewoon bestand. Noem een bestand in die map.")
        if not stat.S_ISREG(info.st_mode):
            raise DoorbraakFout(
                f"{wie} is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp). "
                "Sla de gegevens op in een bestand en noem dat bestand."
            )
        if info.st_size > limiet:
            raise _te_groot(wie, limiet)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as stroom:
            fd = -1
            try:
                return _lees_begrensd(stroom, limiet, wie)
            except OSError as e:
                raise DoorbraakFout(f"{wie} kan niet gelezen worden ({e.strerror or 'onbekende oorzaak'}).") from None
    finally:
        if fd >= 0:
            os.close(fd)


def _lees_begrensd_tekst(stroom, limiet: int, naam: str) -> bytes:
    tekst = stroom.read(limiet + 1)
    data = tekst.encode("utf-8", errors="surrogatepass")
    if len(tekst) > limiet or len(data) > limiet:
        raise _te_groot(naam, limiet)
    return data


def decodeer(data: bytes, naam: str = "Het bestand") -> str:
    """UTF-8 text from bytes (a BOM at the start is dropped), with a Dutch message that names
    the line and position of the first byte that is not UTF-8."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        voor = data[: e.start]
        regel = voor.count(b"\n") + 1
        kolom = len(voor[voor.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        raise DoorbraakFout(
            f"{naam} is geen tekst in UTF-8: op regel {regel}, teken {kolom} staat een teken dat niet klopt. "
            "Sla het bestand op als UTF-8 (in Excel: 'CSV UTF-8')."
        ) from None


def lees_tekst(bron: str | os.PathLike[str], *, limiet: int = STANDAARD_LIMIET, naam: str | None = None) -> str:
    """The text of a regular file (or of standard input for ``-``): bounded, UTF-8, Dutch messages."""
    wie = naam or toon_naam(bron)
    return decodeer(lees_bytes(bron, limiet=limiet, naam=wie), wie)
