"""Stage 4, the outputs beside the pages: citations, exports, feeds, sitemaps, search indexing."""
