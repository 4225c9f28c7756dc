"""Stage 3, the site: the plan of pages, taxonomies, and the HTML Podium renders for them."""
