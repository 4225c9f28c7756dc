"""The search's word index (podium.outputs.wordindex): what podium.js reads from
it is each statement's words and counts, whatever the blocks and the cache."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from podium.outputs import wordindex
from podium.outputs.wordindex import Row


def decode(line: str) -> list[tuple[int, int]]:
    """A word's postings as podium.js's podiumDecode reads them."""
    out, statement, n, gap = [], -1, 0, True
    for ch in line:
        if ch in wordindex._MORE:
            n = n * 32 + wordindex._MORE.index(ch)
            continue
        n = n * 32 + wordindex._LAST.index(ch)
        if gap:
            statement += n
            out.append([statement, 0])
        else:
            out[-1][1] = n + 1
        gap, n = not gap, 0
    return [(a, b) for a, b in out]


def read(files: dict[str, str]) -> tuple[dict[str, object], dict[str, list[tuple[int, int]]]]:
    manifest = json.loads(files[wordindex.MANIFEST])
    postings = {}
    for n, first in enumerate(manifest["shards"]):
        text = files[f"{wordindex.FOLDER}/{n}.txt"]
        assert text.startswith(first + "\t")
        for line in text.splitlines():
            word, _, rest = line.partition("\t")
            postings[word] = decode(rest)
    return manifest, postings


VOCABULARY = ["peace", "security", "development", "climate", "nation", "nations", "naval", "navalny",
              "apartheid", "self", "determination", "co", "operation", "Việt", "Nam", "nhân", "quyền",
              "Émirats", "arabes", "unis", "droits", "l'homme", "Straße", "DROITS", "ΣΟΦΊΑ", "мир",
              "безопасность", "سلام", "和平", "平和", "สันติภาพ"]


def corpus(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(f"s{i:05d}", " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(0, 60)))
             + ("\n\n" + "climate " * rng.randint(1, 2000) if i % 97 == 0 else "")) for i in range(n)]


def rows_of(texts: list[tuple[str, str]]) -> list[Row]:
    return [Row(i, f"statements/{i}/", f"digest-of-{body}", {"year": [str(2000 + k % 7)]})
            for k, (i, body) in enumerate(texts)]


def test_every_statement_word_and_count_is_in_the_index() -> None:
    texts = corpus(700)
    index = wordindex.build(rows_of(texts), lambda i: texts[i][1])
    manifest, postings = read(index.files)
    expected: dict[str, list[tuple[int, int]]] = {}
    for k, (_, body) in enumerate(texts):
        for word, n in sorted(wordindex.statement_words(body).items()):
            expected.setdefault(word, []).append((k, n))
    assert postings == expected
    assert manifest["pages"] == [f"statements/{i}/" for i, _ in texts]
    assert manifest["words"] == [sum(wordindex.statement_words(b).values()) for _, b in texts]
    assert index.blocks > 3  # (several blocks were joined)
    assert max(len(t) for p, t in index.files.items() if p.endswith(".txt")) <= wordindex.SHARD + 30_000


def test_words_are_folded_as_the_search_box_folds_them() -> None:
    words = wordindex.statement_words("Việt Nam, Émirats; STRASSE Straße self-determination "
                                      "l’homme snake_case 和平 สันติภาพ ΣΟΦΊΑ")
    assert words["viet"] == 1 and words["emirats"] == 1 and words["strasse"] == 2
    assert words["self"] == words["determination"] == words["homme"] == words["snake"] == 1
    assert not any(w in words for w in ("和平", "สันติภาพ"))  # (written without spaces: Pagefind's)
    assert "σοφια" in words
    # Marks go before the text is cut: a vowelled Arabic word is the word unvowelled
    # (an outside tester: `يعيد` missed two statements that write `يُعِيدُ`), and an
    # Indic word, whose vowel signs are marks, is Pagefind's, not cut in pieces.
    assert wordindex.statement_words("يُعِيدُ يعيد") == {"يعيد": 2}
    assert wordindex.statement_words("हिंदी भाषा peace") == {"peace": 1}


def test_an_edit_makes_one_block_again_and_the_same_index_as_a_cold_build() -> None:
    texts = corpus(1500)
    store: dict[str, bytes] = {}
    cold = wordindex.build(rows_of(texts), lambda i: texts[i][1], keep=store.__setitem__)
    warm = wordindex.build(rows_of(texts), lambda i: texts[i][1], cached=store.get)
    assert warm.made == 0 and warm.files == cold.files
    edited = list(texts)
    edited[700] = (edited[700][0], edited[700][1] + " navalny")
    again = wordindex.build(rows_of(edited), lambda i: edited[i][1], cached=store.get, keep=store.__setitem__)
    assert again.made == 1 and again.files == wordindex.build(rows_of(edited), lambda i: edited[i][1]).files
    added = [*texts[:300], ("s-new", "navalny peace"), *texts[300:]]
    grown = wordindex.build(rows_of(added), lambda i: added[i][1], cached=store.get)
    assert grown.made == 1
    _, postings = read(grown.files)
    assert (300, 1) in postings["navalny"]


def test_a_damaged_cache_entry_is_made_again() -> None:
    texts = corpus(300)
    store: dict[str, bytes] = {}
    cold = wordindex.build(rows_of(texts), lambda i: texts[i][1], keep=store.__setitem__)
    for key in store:
        store[key] = b"{not json"
    again = wordindex.build(rows_of(texts), lambda i: texts[i][1], cached=store.get)
    assert again.made == again.blocks and again.files == cold.files


@pytest.mark.parametrize("n", [0, 1, 31, 32, 1023, 1024, 10**6])
def test_numbers_read_back(n: int) -> None:
    assert decode(wordindex.number(n + 1) + wordindex.number(0)) == [(n, 1)]


def test_filter_values_are_numbered_in_the_manifest() -> None:
    rows = [Row("a", "a/", "1", {"delegation": ["France (FRA)"], "year": ["2001"]}),
            Row("b", "b/", "2", {"delegation": ["Chad (TCD)", "France (FRA)"], "year": ["2002"]}),
            Row("c", "c/", "3", {"delegation": [], "year": ["2001"]})]
    manifest = json.loads(wordindex.build(rows, lambda i: "peace").files[wordindex.MANIFEST])
    assert manifest["filters"]["delegation"] == {"values": ["Chad (TCD)", "France (FRA)"],
                                                 "of": [1, [0, 1], []]}
    assert manifest["filters"]["year"] == {"values": ["2001", "2002"], "of": [0, 1, 0]}
    assert Counter(manifest["words"]) == {1: 3}
