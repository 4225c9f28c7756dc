import pytest
from conftest import ROOT

from podium.model.loader import load_dir
from podium.text import blocks
from podium.text.blocks import BlockKind


@pytest.mark.parametrize("text", [
    "Madam Chair", "Madam Chair, Director-General", "Mr. President,", "Monsieur le Président,",
    "Señora Presidenta:", "Thưa Chủ tịch,", "Excellencies, ladies and gentlemen,",
    "Your Excellency Mr. Antonio Guterres, Secretary-General of the United Nations,",
])
def test_salutations(text: str) -> None:
    assert blocks.classify(text) is BlockKind.SALUTATION


@pytest.mark.parametrize("text", [
    "I thank you, Madam Chair.", "Thank you.", "Je vous remercie, Monsieur le Président.",
    "Muchas gracias.", "Xin trân trọng cảm ơn.",
])
def test_closings(text: str) -> None:
    assert blocks.classify(text) is BlockKind.CLOSING


@pytest.mark.parametrize("text", [
    "Mr. President, I have the honour to speak on behalf of the Group of 77 and China.",
    "Madam Chair has our full support.",
    "Thank you for the opportunity to address this Council on a matter of great importance to us all.",
])
def test_sentences_are_paragraphs(text: str) -> None:
    assert blocks.classify(text) is BlockKind.PARAGRAPH


def test_captions_and_markdown() -> None:
    assert blocks.classify("The delegation at the event (Photo: VNA)") is BlockKind.CAPTION
    for text in ["# Heading", "- item", "> quote", "| a |\n|---|", "<div>", "```\ncode\n```", "---"]:
        assert blocks.classify(text) is BlockKind.OTHER
    # Text, whatever its first mark: a paragraph number is the paragraph's own.
    for text in ["1. item", "12) item", "| a |", "<to this and", "#1 priority is peace", "___________"]:
        assert blocks.classify(text) is BlockKind.PARAGRAPH


def test_split_keeps_fenced_code_whole() -> None:
    assert blocks.split("a\n\n```\nx\n\ny\n```\n\nb") == ["a", "```\nx\n\ny\n```", "b"]


def test_seed_statement_blocks() -> None:
    st = next(s for s in load_dir(ROOT / "statements").statements if s.meta.id == "vnm-iom-council-114")
    parsed = blocks.parse(st.body)
    kinds = [b.kind for b in parsed]
    assert kinds.count(BlockKind.SALUTATION) == 4
    assert kinds[-1] is BlockKind.CLOSING
    assert [b.number for b in parsed] == list(range(1, 18))
    assert parsed[0].anchor == "p1"
