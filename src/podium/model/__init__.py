"""Stage 1, the model: the statement schema, codes, and reading statement files into a checked collection."""
