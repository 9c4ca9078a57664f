"""A search index built once and kept on disk, so a new calculator kernel loads it instead of
building it again (issue 14: kernel start cost).

Building the law index costs about 1 s of CPU and leaves some 60 MB of freed-but-kept memory
in the kernel; loading the kept copy costs about 0.03 s and 13 MB. The book build
(``python -m calculators.bouw``) builds the standard indexes, so the first visitor after
``make serve`` already gets the kept copy.

A kept copy is used only when its key matches: a SHA-256 over the name, everything passed to
the index (documents, weights, synonyms, parameters), the source of ``calculators/kern/`` (the
tokenizer and the ranking code) and the versions of the libraries that shape the tokens. Any
change in data or code gives a new key, so a stale index is never loaded. A file that cannot
be read (damaged, cut off, written by another version) is ignored and built again.

Where: ``DOORBRAAK_CACHE``, else ``$XDG_CACHE_HOME/doorbraakwijzer``, else
``~/.cache/doorbraakwijzer``. The folder is made for this user only (0700); a file is used
only when it is a regular file of this user that nobody else may write. When nothing can be
written (a read-only disk), the index is simply built in memory every time.

The file format is Python's pickle: it is only ever read from that private folder, written by
this code. It holds no personal data: only the texts from ``data/``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Libraries whose version changes the tokens or the ranking structure.
BIBLIOTHEKEN = ("bm25s", "simplemma", "numpy", "PyStemmer", "snowballstemmer")
#: How many kept indexes per name stay in the folder (older keys are removed).
BEWAAR_PER_NAAM = 3


def cachemap() -> Path:
    """The folder for kept indexes (see the module docstring)."""
    eigen = os.environ.get("DOORBRAAK_CACHE")
    if eigen:
        return Path(eigen)
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "doorbraakwijzer"


def _versies() -> str:
    uit = [sys.version]
    for naam in BIBLIOTHEKEN:
        try:
            uit.append(f"{naam}={metadata.version(naam)}")
        except metadata.PackageNotFoundError:
            uit.append(f"{naam}=-")
    return "\n".join(uit)


def _broncode() -> bytes:
    """The source of calculators/kern/*.py: tokenizer, stemmer, synonyms and ranking."""
    kern = Path(__file__).resolve().parent
    return b"".join(p.name.encode() + p.read_bytes() for p in sorted(kern.glob("*.py")))


def _kanoniek(x: object) -> object:
    """For the key only: sets sorted, dataclasses as dicts, so that the same input gives the same
    bytes in every process (the order of a set of strings changes with PYTHONHASHSEED)."""
    if isinstance(x, (set, frozenset)):
        return ["<set>", *sorted(repr(_kanoniek(v)) for v in x)]
    if isinstance(x, dict):
        return ["<dict>", *sorted((repr(_kanoniek(k)), _kanoniek(v)) for k, v in x.items())]
    if isinstance(x, (list, tuple)):
        return [type(x).__name__, *(_kanoniek(v) for v in x)]
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return [type(x).__qualname__, _kanoniek({f.name: getattr(x, f.name) for f in dataclasses.fields(x)})]
    if x is None or isinstance(x, (str, int, float, bool, bytes)):
        return x
    raise TypeError(f"geen vaste sleutel voor {type(x).__qualname__}")


def sleutel(naam: str, invoer: object) -> str:
    """The key of an index: changes when the name, the input, the code or a library changes.

    >>> sleutel("wetten", {"a"}) == sleutel("wetten", {"a"}), sleutel("wetten", ["a"]) == sleutel("wetten", ["b"])
    (True, False)
    """
    vast = repr(_kanoniek(invoer)).encode("utf-8", "surrogatepass")
    h = hashlib.sha256()
    for deel in (naam.encode(), _versies().encode(), _broncode(), vast):
        h.update(len(deel).to_bytes(8, "big"))
        h.update(deel)
    return h.hexdigest()


def _veilig_bestand(pad: Path) -> bool:
    """A regular file of this user that no one else may write (never follows a symlink)."""
    try:
        info = pad.lstat()
    except OSError:
        return False
    return (
        stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _lees(pad: Path) -> object | None:
    if not _veilig_bestand(pad):
        return None
    try:
        with open(pad, "rb") as f:
            return pickle.load(f)
    except Exception:  # a damaged or foreign file: build again
        return None


def _schrijf(map_: Path, pad: Path, waarde: object, naam: str) -> None:
    try:
        map_.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=f".{naam}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(waarde, f, protocol=5)
            os.replace(tijdelijk, pad)  # atomic: a reader sees the old file or the whole new one
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tijdelijk)
            raise
        oud = sorted(map_.glob(f"{naam}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for p in oud[BEWAAR_PER_NAAM:]:
            with contextlib.suppress(OSError):
                p.unlink()
    except OSError:
        pass  # nothing can be kept (read-only disk, no home folder): build in memory next time too


def bewaard(naam: str, invoer: object, bouw: Callable[[], T], soort: type | None = None) -> T:
    """The index ``bouw()`` makes for ``invoer``, loaded from the folder when kept there.

    ``soort``: the type the kept object must have (anything else is built again).
    """
    map_ = cachemap()
    pad = map_ / f"{naam}-{sleutel(naam, invoer)[:32]}.pickle"
    waarde = _lees(pad)
    if waarde is not None and (soort is None or isinstance(waarde, soort)):
        return waarde  # type: ignore[return-value]
    waarde = bouw()
    _schrijf(map_, pad, waarde, naam)
    return waarde
