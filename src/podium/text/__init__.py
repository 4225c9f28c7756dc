"""Stage 2, the text: what in a body is Markdown, paragraphs, normalising, sanitising, and the word check."""
