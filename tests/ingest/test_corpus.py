"""The UN General Debate Corpus builds as written: a few hundred real speeches,
sampled across the decades, written as statements with their text untouched,
pass `podium check` and a strict build (skipped where ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import SHARED, mkdocs_build, page

from podium.cli import main
from podium.ingest import corpus
from podium.model.loader import load_file
from podium.text.verify import missing_words

ARCHIVE = SHARED / "corpora" / "ungdc-1946-2025.tar.xz"
SAMPLE = 300


def test_names_and_sample() -> None:
    assert corpus.parse_name("ungdc/Session 80 - 2025/BWA_80_2025.txt") == ("BWA", 80, 2025)
    assert corpus.parse_name("ungdc/README.txt") is None
    members = [f"ungdc/Session {s:02d} - {1945 + s}/{c}_{s:02d}_{1945 + s}.txt"
               for s in range(1, 81) for c in ("AAA", "BBB", "CCC")]
    sample = corpus.sample_names(members, 30)
    assert sample == corpus.sample_names(reversed(members), 30) and len(sample) == 30
    decades = {int(m.rsplit("_", 1)[1][:3]) for m in sample}
    assert decades == {194, 195, 196, 197, 198, 199, 200, 201, 202}


def test_a_statement_keeps_the_text_untouched(tmp_path: Path) -> None:
    text = "41.\tThe Assembly <to this and ___\n# 1 priority\n"
    speech = corpus.Speech("YUG", 40, 1985, text, "ungdc/Session 40 - 1985/YUG_40_1985.txt")
    (tmp_path / speech.filename).write_text(corpus.statement(speech), encoding="utf-8")
    st = load_file(tmp_path, Path(speech.filename))
    assert not isinstance(st, list), st
    assert st.body == text and st.meta.delegation == "YUG" and st.meta.id == "yug-unga-40"
    assert st.meta.event is not None and st.meta.event.session == "40th session"


@pytest.mark.skipif(not ARCHIVE.is_file(),
                    reason="../shared/corpora is not beside the repository (set PODIUM_SHARED)")
def test_a_sample_of_the_corpus_builds_strictly(tmp_path: Path) -> None:
    folder = tmp_path / "statements"
    written = corpus.write_statements(ARCHIVE, folder, sample=SAMPLE)
    assert len(written) == SAMPLE
    # Texts untouched: each file ends with the archive's text, byte for byte.
    some = corpus.sample_names(corpus.names(ARCHIVE), SAMPLE)[::50]
    for speech in corpus.speeches(ARCHIVE, some):
        assert (folder / speech.filename).read_text(encoding="utf-8").endswith("---\n\n" + speech.text)
    assert main(["check", str(tmp_path / "statements")]) == 0
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# UNGDC\n\n<!-- podium:latest -->\n", encoding="utf-8")
    config = {"site_name": "UNGDC sample", "theme": {"name": "material"}, "plugins": ["podium"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    pages = sorted((tmp_path / "site" / "statements").glob("*/*/index.html"))
    assert len(pages) == SAMPLE
    # What a person sees: every word of a numbered verbatim record on its page.
    usa = next(p for p in written if p.name.startswith(("usa-", "fra-", "gbr-")))
    st = load_file(tmp_path / "statements", usa.relative_to(tmp_path / "statements"))
    assert not isinstance(st, list)
    text = page(tmp_path / "site", f"statements/{st.meta.sort_date.year}/{st.meta.id}/").select_one(
        ".podium-text")
    assert missing_words(st.body, str(text)) == []
