"""The pages: the plan of every page and file of a site (plan), their HTML (render), what
every finished page gets in <head> (head), and the word check of a statement's page (textcheck)."""
