"""The site's building blocks: facets, taxonomies, routes, display names, interface strings,
templates and fragments, coverage maps, the render context and the site's options."""
