"""The base layer: what every stage may use and that knows nothing of statements:
worker processes (parallel) and the content-addressed store of the build cache (buildcache)."""
