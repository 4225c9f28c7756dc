"""The MkDocs adapter: the plugin, its options, and the MkDocs page of a generated page."""
