"""Every CLI subcommand, fed any arguments or any file content: exit 0/1/2 with output,
a Dutch 'Fout:' on stderr for code 2, and never a traceback or the 'onverwachts' fallback."""

import contextlib
import io
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.cli import maak_parser, main


def _onderdelen() -> list[str]:
    """The subcommands as the parser knows them (the explicit list in calculators/cli.py)."""
    import argparse

    acties = [a for a in maak_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(acties[0].choices)


ONDERDELEN = _onderdelen()
tekst = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
# Subcommands that read a file: the file content is random too.
MET_BESTAND = {"rendement": [], "privacy": [], "casus": ["controleer"]}


def draai(args, stdin=""):
    uit, fout = io.StringIO(), io.StringIO()
    oud_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
            try:
                code = main(args)
            except SystemExit as e:  # argparse: --help (0) or a usage error (2)
                code = e.code
    finally:
        sys.stdin = oud_stdin
    return code, uit.getvalue(), fout.getvalue()


def controleer(code, uit, fout):
    assert code in (0, 1, 2), code
    assert "Traceback" not in uit + fout
    assert "onverwachts" not in fout, fout
    if code == 2:
        assert "Fout" in fout or "gebruik:" in fout, fout


def test_alle_onderdelen_zijn_gevonden():
    assert {"prijs", "wet", "rendement", "privacy", "casus"} <= set(ONDERDELEN)


@pytest.mark.parametrize("onderdeel", ONDERDELEN)
@given(args=st.lists(tekst, max_size=4), json=st.booleans())
@settings(max_examples=30)
def test_willekeurige_argumenten(onderdeel, args, json):
    controleer(*draai([onderdeel, *args, *(["--json"] if json else [])]))


@pytest.mark.parametrize("onderdeel", sorted(MET_BESTAND))
@given(
    inhoud=st.one_of(
        st.binary(max_size=300),
        tekst.map(str.encode),
        st.sampled_from(
            [
                b"",
                b"{",
                b"[]",
                b"{}",
                b"null",
                b'\xef\xbb\xbf{"scenarios": 5}',
                b"titel: [",
                b"- a\n- b",
                b"<script>alert(1)</script>",
            ]
        ),
    )
)
@settings(max_examples=40)
def test_willekeurige_bestandsinhoud(onderdeel, inhoud, tmp_path_factory):
    pad = tmp_path_factory.mktemp("invoer") / "invoer.json"
    pad.write_bytes(inhoud)
    controleer(*draai([onderdeel, *MET_BESTAND[onderdeel], str(pad), "--json"]))


@pytest.mark.parametrize("onderdeel", ONDERDELEN)
def test_hulp_is_nederlands(onderdeel):
    code, uit, _ = draai([onderdeel, "--help"])
    assert code == 0 and "gebruik:" in uit and "usage:" not in uit
