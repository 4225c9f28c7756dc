"""A small archive of our own invented statements for the research features
of search: six years of a general debate, six delegations, words that begin
other words ("naval" and "Navalny", "apart" and "apartheid"), words of one
stem ("determination", "determined"; "vaccine", "vaccines"), hyphens and
dashes ("self-determination", "self- determination", “Sputnik-V.”,
"rights—like"), an abbreviation ("U.S."), texts that begin with an invisible ZERO WIDTH NO-BREAK SPACE
(a byte-order mark), apostrophes before a matched word, and a French phrase beside a longer one
("droits de l'homme", "droits de l'hommage"). The texts are made up for
these tests."""

from __future__ import annotations

import re

from conftest import statement_text

YEARS = range(2019, 2025)
DELEGATIONS = ("FRA", "DEU", "BRA", "ZAF", "SWZ", "VNM")
SENTENCES = (
    "Our naval forces keep the sea lanes open for every nation's trade.",
    "The world's memory of apartheid teaches us that injustice can end.",
    "We will not stand apart while the climate changes around us.",
    "The delegation calls for the release of Alexei Navalny's fellow prisoners.",
    "Navalny was named in this hall, and his fate concerns us all.",
    "Small island states ask that the climate be treated as a question of survival.",
    "We recall that the struggle against apartheid united this Assembly.",
    "Our naval academies train officers from many neighbouring countries and from the U.S. too.",
    "Development, peace and human rights stand together or fall apart together.",
    "The country's farmers feel the changing climate first.",
    "Self-determination is the right of every people, and our determination to defend it is firm.",
    "We are determined to end apartheid, as the peoples of the region determined long ago.",
    "Human rights—like peace—are indivisible, and the vaccines, “Sputnik-V.” among them, must reach all.",
    "No vaccine and no right of the strong can replace the self- determination of peoples.",
)
FRENCH = {
    2020: "La France rappelle son attachement aux droits de l'homme et au multilatéralisme.",
    2022: "La délégation rend un droits de l'hommage aux casques bleus tombés.",
    2024: "Les droits de l'homme sont universels; la délégation rend hommage aux défenseurs.",
}


def _body(year: int, index: int) -> str:
    """Three sentences per statement, a different mix for each (year, delegation)."""
    picks = [SENTENCES[(year * 7 + index * 3 + k * 4) % len(SENTENCES)] for k in range(3)]
    mark = "\ufeff" if index % 2 else ""  # a stray byte-order mark, as many UNGDC texts begin
    return mark + "Mr. President,\n\n" + " ".join(picks) + "\n\nThank you.\n"


def statements() -> dict[str, tuple[str, str, str, str]]:
    """id -> (year, delegation, language, body)."""
    out: dict[str, tuple[str, str, str, str]] = {}
    for year in YEARS:
        for index, code in enumerate(DELEGATIONS):
            if (year + index) % 5 == 0:  # not every delegation speaks every year
                continue
            out[f"{code.lower()}-{year}"] = (str(year), code, "en", _body(year, index))
    for year, sentence in FRENCH.items():
        out[f"fra-{year}-fr"] = (str(year), "FRA", "fr", f"Monsieur le Président,\n\n{sentence}\n")
    return out


def files() -> dict[str, str]:
    out = {}
    for ident, (year, code, language, body) in statements().items():
        session = int(year) - 1945
        out[f"{ident}.md"] = statement_text(
            body=body, id=ident, title=f"General debate {year}: {code}", kind="statement",
            language=language, date=f"{year}-09-2{DELEGATIONS.index(code)}", delegation=code,
            event={"body": "United Nations General Assembly", "session": f"{session}th session",
                   "start": f"{year}-09-20", "end": f"{year}-09-30"})
    return out


def containing(phrase: str, delegation: str | None = None) -> dict[str, int]:
    """Statements per year whose text holds `phrase` as whole words, in any case
    (an apostrophe, a hyphen or a dash between words reads as a space, as the
    index cuts words there): the scan the search's counts are held to."""
    words = [re.escape(w) for w in re.split(r"[\s'’\-\u2010-\u2015]+", phrase.strip()) if w]
    pattern = re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE)
    per_year: dict[str, int] = {}
    for year, code, _, body in statements().values():
        text = re.sub(r"['’\-\u2010-\u2015]", " ", body)
        if (delegation is None or code == delegation) and pattern.search(text):
            per_year[year] = per_year.get(year, 0) + 1
    return per_year
