"""Statements for the ranking of merged bundles: five short English speeches
that say "naval" often, and one long French statement that names Navalny
once. The English bundle has no word in navalny-, so Pagefind matches its
longest prefix, "naval", there (our own texts)."""

from __future__ import annotations

from conftest import statement_text

NAVAL = ("Mr. President,\n\nOur naval forces and naval academies train with the naval "
         "squadrons of our neighbours. Naval cooperation keeps the sea lanes open.\n")
FRENCH = ("Monsieur le Président,\n\n" + "La délégation rappelle son attachement au "
          "multilatéralisme, au dialogue et à la coopération entre les États membres. " * 6
          + "Elle demande la libération des prisonniers politiques et rappelle le sort "
          "d’Alexeï Navalny.\n\nJe vous remercie.\n")
FRENCH_TITLE = "Déclaration sur les prisonniers politiques"


def files() -> dict[str, str]:
    out = {f"naval-{i}.md": statement_text(body=NAVAL, id=f"naval-{i}", title=f"Naval speech {i}",
                                            date=f"2024-0{i}-10", language="en")
           for i in range(1, 6)}
    out["prisonniers.md"] = statement_text(body=FRENCH, id="prisonniers", title=FRENCH_TITLE,
                                           date="2024-07-10", language="fr")
    return out
