"""Book directives for the doorbraakplan.

- ``{planschema}`` renders the plan file's JSON Schema (:func:`calculators.plan.model.plan_schema`)
  as tables, one per part: field, kind, limits and explanation. So the page "Het
  planbestand" always matches the model.
- ``{planafdruk} data/voorbeelden/doorbraakplan-voorbeeld.json`` writes the printed plan
  (HTML, PDF, Word) into the built site at ``_static/doorbraakplan/`` and shows links to
  them; with ``:deel:`` it also shows one part of the print (for example the concept
  motivation) as it is printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from calculators.kern.opmaak import getal
from calculators.kern.paden import ROOT

_SOORT = {
    "string": "tekst",
    "number": "getal",
    "integer": "heel getal",
    "array": "lijst",
    "object": "groep velden",
    "boolean": "ja of nee",
    "null": "leeg",
}
_NAMEN = {
    "Doorbraakplan": "Het plan",
    "PlanRegel": "Een kostenregel",
    "Omrekening": "Een omrekening",
    "Legitimiteit": "Een wetsartikel (legitimiteit)",
    "Betrokkenheid": "Betrokkenheid",
    "Knelpunt": "Een knelpunt",
    "Besluit": "Het besluit",
}
_VOLGORDE = ("Doorbraakplan", "Legitimiteit", "Betrokkenheid", "Knelpunt", "PlanRegel", "Omrekening", "Besluit")


def _ref(schema: dict[str, Any]) -> str | None:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    return None


def soort_tekst(schema: dict[str, Any]) -> str:
    """A field's kind in plain Dutch, e.g. 'lijst van: Een wetsartikel'."""
    if (naam := _ref(schema)) is not None:
        return _NAMEN.get(naam, naam)
    if "anyOf" in schema:
        delen = [soort_tekst(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " of ".join(dict.fromkeys(delen)) + (
            " (mag leeg)" if any(s.get("type") == "null" for s in schema["anyOf"]) else ""
        )
    if "enum" in schema:
        return "een van: " + ", ".join(str(x) for x in schema["enum"])
    if "const" in schema:
        return f"precies: {schema['const']}"
    soort = schema.get("type")
    if soort == "array":
        return "lijst van: " + soort_tekst(schema.get("items", {}))
    if soort == "object" and "additionalProperties" in schema and isinstance(schema["additionalProperties"], dict):
        return "groep met per naam: " + soort_tekst(schema["additionalProperties"])
    if schema.get("format") == "date":
        return "datum (jjjj-mm-dd)"
    return _SOORT.get(str(soort), str(soort or "?"))


def grenzen_tekst(schema: dict[str, Any]) -> str:
    """The limits of a field (lengths, bounds) in plain Dutch."""
    delen = []
    for s in schema.get("anyOf", [schema]):
        if "minLength" in s and s["minLength"] > 0:
            delen.append(f"minstens {s['minLength']} tekens")
        if "maxLength" in s:
            delen.append(f"hoogstens {getal(s['maxLength'], 0)} tekens")
        if "maxItems" in s:
            delen.append(f"hoogstens {s['maxItems']} stuks")
        if "maxProperties" in s:
            delen.append(f"hoogstens {s['maxProperties']} stuks")
        if "minimum" in s:
            delen.append(f"vanaf {getal(s['minimum'], 4)}")
        if "exclusiveMinimum" in s:
            delen.append(f"meer dan {getal(s['exclusiveMinimum'], 4)}")
        if "maximum" in s:
            delen.append(f"tot en met {getal(s['maximum'], 4)}")
    return ", ".join(dict.fromkeys(delen))


def schema_tabellen(schema: dict[str, Any]) -> list[tuple[str, list[list[str]]]]:
    """Per part: (title, rows of [veld, soort, verplicht, grenzen, uitleg])."""
    delen = {"Doorbraakplan": schema, **schema.get("$defs", {})}
    uit = []
    for naam in [*_VOLGORDE, *(n for n in delen if n not in _VOLGORDE)]:
        deel = delen.get(naam)
        if not deel:
            continue
        verplicht = set(deel.get("required", []))
        rijen = []
        for veld, s in deel.get("properties", {}).items():
            rijen.append(
                [veld, soort_tekst(s), "ja" if veld in verplicht else "nee", grenzen_tekst(s), s.get("description", "")]
            )
        uit.append((_NAMEN.get(naam, naam), rijen))
    return uit


def _cel(tekst: str, code: bool = False) -> nodes.entry:
    cel = nodes.entry()
    alinea = nodes.paragraph()
    alinea += nodes.literal(text=tekst) if code else nodes.Text(tekst)
    cel += alinea
    return cel


def _tabel(
    titel: str, koppen: list[str], rijen: list[list[str]], breedtes: tuple[int, ...], code_kolom: int | None = None
) -> nodes.table:
    tabel = nodes.table(classes=["planschema"])
    tabel += nodes.title(text=titel)
    groep = nodes.tgroup(cols=len(koppen))
    tabel += groep
    for b in breedtes:
        groep += nodes.colspec(colwidth=b)
    kop = nodes.thead()
    rij = nodes.row()
    for k in koppen:
        rij += _cel(k)
    kop += rij
    groep += kop
    lijf = nodes.tbody()
    for r in rijen:
        rij = nodes.row()
        for i, waarde in enumerate(r):
            rij += _cel(waarde, code=i == code_kolom)
        lijf += rij
    groep += lijf
    return tabel


class PlanschemaDirective(SphinxDirective):
    """The fields of the plan file, from its JSON Schema."""

    has_content = False

    def run(self):
        from calculators.plan import model

        self.env.note_dependency(model.__file__)
        uit = []
        for titel, rijen in schema_tabellen(model.plan_schema()):
            uit.append(
                _tabel(
                    titel, ["Veld", "Soort", "Verplicht", "Grenzen", "Uitleg"], rijen, (14, 18, 8, 16, 44), code_kolom=0
                )
            )
        return uit


class PlanafdrukDirective(SphinxDirective):
    """Links to the printed example (HTML, PDF, Word) and, with ``:deel:``, one part of it."""

    required_arguments = 1
    option_spec = {"deel": directives.unchanged}

    def run(self):
        from calculators.plan.afdruk import maak_afdruk
        from calculators.plan.model import lees_planbestand

        pad = (ROOT / self.arguments[0]).resolve()
        if ROOT.resolve() not in pad.parents:
            raise self.error(f"Het planbestand moet in het project staan: {self.arguments[0]}")
        self.env.note_dependency(str(pad))
        plan = lees_planbestand(pad)
        if not hasattr(self.env, "doorbraak_afdrukken"):
            self.env.doorbraak_afdrukken = {}
        self.env.doorbraak_afdrukken[pad.stem] = str(pad.relative_to(ROOT.resolve()))
        diepte = self.env.docname.count("/")
        basis = "../" * diepte + f"_static/doorbraakplan/{pad.stem}"
        uit: list[nodes.Node] = []
        lijst = nodes.bullet_list(classes=["planafdruk-links"])
        for ext, naam in ((".pdf", "PDF"), (".docx", "Word"), (".html", "webpagina")):
            item = nodes.list_item()
            alinea = nodes.paragraph()
            alinea += nodes.reference("", f"Het afgedrukte plan als {naam}", refuri=basis + ext, internal=False)
            item += alinea
            lijst += item
        if "deel" not in self.options:
            uit.append(lijst)
        else:
            afdruk = maak_afdruk(plan)
            gezocht = self.options["deel"].strip().lower()
            onderdeel = next((o for o in afdruk.onderdelen if gezocht in o.kop.lower()), None)
            if onderdeel is None:
                raise self.error(f"Het deel '{self.options['deel']}' staat niet in de afdruk.")
            uit.append(_deel_als_nodes(onderdeel))
        return uit


def _deel_als_nodes(onderdeel) -> nodes.Node:
    from calculators.plan.afdruk import Alinea, Citaat, Kader, Lijst, Tabel

    kader = nodes.container(classes=["planafdruk"])

    def blok(b, doel) -> None:
        if isinstance(b, Alinea):
            doel += nodes.paragraph(text=b.tekst, classes=[b.soort])
        elif isinstance(b, Citaat):
            citaat = nodes.block_quote()
            for regel in b.tekst.split("\n"):
                citaat += nodes.paragraph(text=regel)
            doel += citaat
        elif isinstance(b, Lijst):
            lijst = nodes.bullet_list()
            for tekst, _link in b.items:
                item = nodes.list_item()
                item += nodes.paragraph(text=tekst)
                lijst += item
            doel += lijst
        elif isinstance(b, Tabel):
            koppen = b.koppen if any(b.koppen) else ["Vraag", "Antwoord"]
            doel += _tabel(b.bijschrift or onderdeel.kop, koppen, b.rijen, tuple(20 for _ in koppen))
        elif isinstance(b, Kader):
            binnen = nodes.container(classes=["planafdruk-kader", b.soort])
            binnen += nodes.paragraph(text=b.kop, classes=["kaderkop"])
            for x in b.blokken:
                blok(x, binnen)
            doel += binnen

    for b in onderdeel.blokken:
        blok(b, kader)
    return kader


def _schrijf_afdrukken(app, fout) -> None:
    """After the build: write the printed example plans into the site (HTML, PDF, Word)."""
    afdrukken = getattr(app.env, "doorbraak_afdrukken", {})
    if fout is not None or app.builder.format != "html" or not afdrukken:
        return
    from calculators.plan.afdruk import schrijf_afdruk
    from calculators.plan.model import lees_planbestand

    doelmap = Path(app.outdir) / "_static" / "doorbraakplan"
    doelmap.mkdir(parents=True, exist_ok=True)
    for stam, relatief in afdrukken.items():
        plan = lees_planbestand(ROOT / relatief)
        for ext in (".html", ".pdf", ".docx"):
            schrijf_afdruk(plan, doelmap / f"{stam}{ext}")


def _voeg_samen(app, env, docnames, ander) -> None:
    """Parallel reads: keep the examples every worker saw."""
    if not hasattr(env, "doorbraak_afdrukken"):
        env.doorbraak_afdrukken = {}
    env.doorbraak_afdrukken.update(getattr(ander, "doorbraak_afdrukken", {}))


def setup(app):
    app.add_directive("planschema", PlanschemaDirective)
    app.add_directive("planafdruk", PlanafdrukDirective)
    app.connect("env-merge-info", _voeg_samen)
    app.connect("build-finished", _schrijf_afdrukken)
