"""Podium: publish diplomatic statements as a citable, searchable static archive.

The core (schema, loader, normalise, blocks, collection, taxonomy, site,
render) knows nothing of MkDocs; `podium.mkdocs.plugin` adapts it to MkDocs and
`podium.cli` to the command line.
"""

__version__ = "0.1.0"
