"""Legal claims as strong as the law: "kan" in the law is not "moet" in our explanation.

Flags an article whose B1 fields (uitleg.*) say "moet", "verplicht" or "altijd" while its
official text only has "kan/kunnen" (no "moet", "dient", "is verplicht", "verplicht").
Exceptions need a reviewer's reason, in UITZONDERINGEN below.
"""

from __future__ import annotations

import re

from calculators.wetten.artikelen import alle_artikelen

STERK_B1 = re.compile(r"\b(moet|moeten|verplicht\w*|altijd)\b", re.I)
KAN_WET = re.compile(r"\b(kan|kunnen)\b", re.I)
STERK_WET = re.compile(r"\b(moet|moeten|dient|dienen|verplicht\w*)\b", re.I)
#: Legal Dutch also states a duty in the present tense ("het college draagt zorg",
#: "verleent", "beslist", "heeft recht op"); such a text is not "only kan".
PLICHT_WET = re.compile(
    r"\b(draagt|dragen)\b[^.;]*\bzorg\b|\bgehouden\b|\bzorgplicht\b|\bmits\b|\bin ieder geval\b|\bbiedt\b|"
    r"\bis vereist\b|\brecht op\b|\bbeslist\b|\bverleent\b|"
    r"\btreft\b|\bstemt\b.*\baf\b|\bverlaagt\b|\bgeeft\b.*\bbeschikking\b|\bstelt\b.*\bin de gelegenheid\b",
    re.I,
)
#: A misunderstanding is written as "Men denkt vaak dat ..." : the strong word there is the
#: wrong belief that the sentence corrects, not our claim.
MISVERSTAND = re.compile(r"^\s*Men denkt vaak\b[^.?!]*[.?!]", re.I)

#: Reviewer-approved exceptions: reference -> reason (why the strong word is right here).
UITZONDERINGEN: dict[str, str] = {
    "Hvw 2014 13": "'bij wie je moet zijn' is praktische uitleg over het loket, geen plicht uit de wet.",
    "Wgs 4a": "lid 5 zegt 'wordt ten minste de beslagvrije voet in acht genomen': een plicht in de lijdende vorm.",
}


def b1_teksten(a) -> list[str]:
    u = a.uitleg
    return [u.mogelijk, *u.voorwaarden, *u.misverstanden, *u.situaties]


def te_sterk() -> list[tuple[str, str]]:
    uit = []
    for a in alle_artikelen():
        if STERK_WET.search(a.tekst) or PLICHT_WET.search(a.tekst) or not KAN_WET.search(a.tekst):
            continue
        for zin in b1_teksten(a):
            m = STERK_B1.search(MISVERSTAND.sub("", zin))
            if m:
                uit.append((a.referentie, zin))
    return uit


def test_geen_moet_waar_de_wet_alleen_kan_zegt():
    gevonden = [(ref, zin) for ref, zin in te_sterk() if ref not in UITZONDERINGEN]
    assert gevonden == [], "\n".join(f"{r}: {z}" for r, z in gevonden)


def test_uitzonderingen_hebben_een_reden_en_zijn_nog_nodig():
    nodig = {ref for ref, _ in te_sterk()}
    for ref, reden in UITZONDERINGEN.items():
        assert len(reden.split()) >= 5, f"{ref}: geef een echte reden"
        assert ref in nodig, f"{ref} staat onnodig in de uitzonderingen"


def test_de_controle_vangt_een_te_sterke_zin():
    """The check itself works: a 'moet' against a 'kan'-only text is caught."""
    assert STERK_B1.search("De gemeente moet dit betalen.")
    assert not STERK_B1.search("De gemeente kan dit betalen.")
    assert STERK_WET.search("Het college is verplicht")
    assert not STERK_WET.search("Het college kan bijstand verlenen")
    assert not STERK_B1.search(MISVERSTAND.sub("", "Men denkt vaak dat het altijd moet. Dat is niet zo."))
    assert STERK_B1.search(MISVERSTAND.sub("", "Men denkt vaak dat het kan. Maar het moet."))
