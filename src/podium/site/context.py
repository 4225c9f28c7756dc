"""What a renderer may know of the site: options, interface strings, routes,
facets and taxonomies, coverage alignment, the templates. The plan
(podium.pages.plan) makes one and hands it to every page it renders, with
the page's own declared inputs (podium.pages.inputs); renderers never see
the plan itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from podium.model.loader import Statement
from podium.site import taxonomy
from podium.site.coverage import Coverage
from podium.site.facets import Facet
from podium.site.i18n import Strings
from podium.site.options import SiteOptions
from podium.site.routing import Routes
from podium.site.taxonomy import Taxonomy, Term
from podium.site.templating import Templates


@dataclass
class RenderContext:
    options: SiteOptions
    t: Strings
    """Podium's interface strings in the site's language."""
    routes: Routes
    facets: Mapping[str, Facet]
    """The site's facets by name, in declaration order."""
    taxonomies: Sequence[Taxonomy]
    statements: Sequence[Statement]
    """The published statements, newest first."""
    align: Callable[[Statement, Statement], Coverage]
    """The coverage map of a report on a statement, aligned once per build."""
    templates: Templates
    listed: dict[str, Markup] = field(default_factory=dict, repr=False)
    """The facts line of each statement in listings, by id, once made (render.entry):
    a statement is listed on about eight index pages."""

    def term_links(self, facet: str, st: Statement) -> list[tuple[Term, str | None]]:
        """The statement's terms for a facet, each with its page if the site has one."""
        tax = self._taxonomy_of.get(facet)
        terms = self.facets[facet].terms(st.meta, self.t)
        if tax is None:
            return [(term, None) for term in terms]
        return [(term, self.routes.term_src(tax.spec, term)) for term in map(tax.term, terms)]

    @cached_property
    def _taxonomy_of(self) -> dict[str, Taxonomy]:
        """The first taxonomy over each facet (asked for every facet of every statement page)."""
        return {f: tax for f in self.facets if (tax := taxonomy.find(self.taxonomies, f)) is not None}
