"""The Zensical adapter: Zensical runs no MkDocs plugin, so Podium stages the pages as
Markdown, runs it, and finishes its output (build)."""
