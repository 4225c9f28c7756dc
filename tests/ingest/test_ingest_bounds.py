"""`podium import` on hostile or careless input: bounded size and time, no hang, one file's
failure never stops the batch, encodings named (issue 25, item 5 and 6)."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from podium.cli import main
from podium.ingest import import_file, reader
from podium.ingest.reader import MAX_BYTES, MAX_UNPACKED, ReadError, read, rejoin_lines

FIXTURES = ROOT / "tests" / "fixtures" / "import"
FRENCH = FIXTURES / "fr-declaration.txt"


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = import_file(fifo, tmp_path / "out")  # opening a FIFO for reading would hang here
    assert result.error and "named pipe" in result.error and result.target is None


def test_a_link_to_a_device_is_named_and_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    result = import_file(link, tmp_path / "out")
    assert result.error and "symbolic link to /dev/zero" in result.error and "device" in result.error


def test_a_link_to_a_file_is_read_and_named(tmp_path: Path) -> None:
    link = tmp_path / "linked.txt"
    link.symlink_to(FRENCH)
    raw = read(link)
    assert any("symbolic link" in note and str(FRENCH) in note for note in raw.notes)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: nothing written, nothing read
    with pytest.raises(ReadError, match=r"over the 20 MB"):
        read(big)


def test_a_docx_zip_bomb_is_refused_quickly(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * 2**20
            for _ in range(MAX_UNPACKED // 2**20 + 10):
                member.write(chunk)
    assert bomb.stat().st_size < 1_000_000
    t0 = time.perf_counter()
    result = import_file(bomb, tmp_path / "out")
    assert time.perf_counter() - t0 < 2
    assert result.error and "zip bomb" in result.error and "\n" not in result.error


def test_a_library_error_fails_one_file_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pypdf.errors import LimitReachedError

    def bomb(path: Path) -> reader.RawText:
        raise LimitReachedError("Limit reached while decompressing: 75000001 bytes")

    monkeypatch.setattr(reader, "_pdf", bomb)
    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    out = tmp_path / "s"
    assert main(["import", str(pdf), str(FRENCH), "--out", str(out)]) == 1
    assert len(list(out.glob("*.md"))) == 1
    result = import_file(pdf, out)
    assert result.error and "LimitReachedError" in result.error


def test_any_exception_in_a_reader_is_that_file_s_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(text: str) -> reader.RawText:
        raise KeyError("a bug in a parser")

    monkeypatch.setattr(reader, "_html", broken)
    page = tmp_path / "page.html"
    page.write_text("<p>Text</p>", encoding="utf-8")
    result = import_file(page, tmp_path / "out")
    assert result.error and "KeyError" in result.error


def test_rejoining_lines_takes_linear_time() -> None:
    lines = [f"line {i} of a long hard-wrapped paragraph with no short line in it at all"
             for i in range(8000)]
    lines[10] = "a word hyphen-"
    lines[11] = "ated here"
    t0 = time.perf_counter()
    joined, rejoined = rejoin_lines([lines])
    assert time.perf_counter() - t0 < 1  # was 146 s: the paragraph so far was searched for each line
    assert rejoined == [("hyphen", "ated")] and "hyphenated here" in joined[0]
    assert joined[0].count(" at all") == 7998 and "\n" not in joined[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom_is_decoded_and_named(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(FRENCH.read_text(encoding="utf-8").encode(encoding))
    result = import_file(path, tmp_path / "out")
    assert result.error is None and result.lost == []
    assert result.draft is not None and any("UTF-16" in n for n in result.draft.notes)
    assert "Représentant" in result.draft.meta["source"]["heading"]


def test_a_page_declaring_windows_1251_is_decoded_as_it_says(tmp_path: Path) -> None:
    page = tmp_path / "ru.html"
    body = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
            "<title>Заявление</title></head><body><p>Уважаемый господин Председатель, "
            "Российская Федерация приветствует доклад.</p></body></html>")
    page.write_bytes(body.encode("cp1251"))
    raw = read(page)
    assert "Российская Федерация" in raw.text
    assert any("cp1251" in n or "windows-1251" in n for n in raw.notes)


def test_a_docx_without_core_properties_is_not_titled_word_document(tmp_path: Path) -> None:
    import docx

    made = tmp_path / "made.docx"
    document = docx.Document()
    document.add_paragraph("We welcome the report of the Secretary-General on the situation.")
    document.add_paragraph("We thank the Special Representative for her briefing today.")
    document.save(str(made))
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(bare, "w") as dst:
        for item in src.infolist():
            if item.filename == "docProps/core.xml":
                continue
            data = src.read(item)
            if item.filename == "_rels/.rels":
                import re

                data = re.sub(rb"<Relationship[^>]*core-properties[^>]*/>", b"", data)
            dst.writestr(item, data)
    raw = read(bare)
    assert "title" not in raw.properties
    result = import_file(bare, tmp_path / "out")
    assert result.draft is not None and result.draft.meta["title"] != "Word Document"


LEGACY = [
    ("cp1252", "Nous appelons tous les États à coopérer pleinement avec les mécanismes du Conseil, "
               "en particulier les procédures spéciales. Je vous remercie, Monsieur le Président."),
    ("cp1251", "Господин Председатель, Российская Федерация приветствует доклад Генерального секретаря и "
               "благодарит Специального представителя за брифинг."),
    ("shift_jis", "国連安全保障理事会が、北朝鮮による弾道ミサイルの発射等を強く非難する旨の"
                  "議長声明を全会一致で採択しました。我が国は関係各国と緊密に連携していきます。"),
    ("gb18030", "主席先生，中方欢迎秘书长的报告，感谢特别代表的通报。"
                "我们呼吁各方保持克制，通过对话协商解决分歧。"),
]


@pytest.mark.parametrize(("encoding", "text"), LEGACY)
def test_a_legacy_encoding_is_read_as_written_and_named(tmp_path: Path, encoding: str, text: str) -> None:
    """Windows-1252 alone read Cyrillic, Japanese and Chinese as mojibake; charset-normalizer finds
    them, and yields to Windows-1252 for a Western text it would read as cp1250 or cp775."""
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    raw = read(path)
    assert raw.text == text
    assert any("not UTF-8" in n for n in raw.notes)
