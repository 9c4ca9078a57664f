"""Book directive ``{externe-links}``: every external link of the book on one page.

The directive leaves a placeholder; when that page is written, all other pages have been
read, so the handler collects every ``http(s)`` link from every page (also links inside
generated HTML, such as the price table) and lists them per page, sorted, without doubles.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

_HREF = re.compile(r'href="(https?://[^"]+)"')


class externe_links_lijst(nodes.General, nodes.Element):
    """Placeholder, replaced in ``doctree-resolved``."""


class ExterneLinksDirective(SphinxDirective):
    has_content = False

    def run(self):
        # Re-read this page whenever any page (or the price list) changes, so the list stays complete.
        for naam in sorted(self.env.found_docs):
            self.env.note_dependency(str(self.env.doc2path(naam)))
        from calculators.prijzen.prijslijst import PRIJZEN_CSV

        self.env.note_dependency(str(PRIJZEN_CSV))
        return [externe_links_lijst("")]


def _links(doctree) -> set[str]:
    gevonden = set()
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if uri.startswith(("http://", "https://")):
            gevonden.add(uri)
    for raw in doctree.findall(nodes.raw):
        gevonden.update(_HREF.findall(raw.astext()))
    return {re.sub(r"&amp;", "&", u) for u in gevonden}


def _vervang(app, doctree, docname):
    plekken = list(doctree.findall(externe_links_lijst))
    if not plekken:
        return
    env = app.builder.env
    lijst = nodes.bullet_list()
    per_link: dict[str, list[str]] = {}
    for naam in sorted(env.found_docs):
        if naam == docname:
            continue
        try:
            boom = env.get_doctree(naam)
        except Exception:  # a page that could not be read is reported by Sphinx itself
            continue
        for uri in _links(boom):
            per_link.setdefault(uri, []).append(naam)
    for uri in sorted(per_link):
        item = nodes.list_item()
        alinea = nodes.paragraph()
        alinea += nodes.reference(uri, uri, refuri=uri)
        paginas = per_link[uri]
        titels = [env.titles[p].astext() if p in env.titles else p for p in paginas]
        alinea += nodes.Text(" — op: " + ", ".join(titels[:6]) + (" en meer" if len(titels) > 6 else ""))
        item += alinea
        lijst += item
    samen = nodes.paragraph(text=f"Het handboek linkt naar {len(per_link)} adressen buiten Doorbraakwijzer.")
    for plek in plekken:
        plek.replace_self([samen, lijst])


def setup(app):
    app.add_node(externe_links_lijst)
    app.add_directive("externe-links", ExterneLinksDirective)
    app.connect("doctree-resolved", _vervang)
