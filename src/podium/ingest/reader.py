"""Read a raw text in any of the formats missions circulate — plain text,
Markdown, HTML, Word (.docx), text-based PDF — into paragraphs, keeping
whether each was set in bold (header blocks usually are)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podium.text import unwrap

FORMATS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


class ReadError(Exception):
    """A file that cannot be read as text; the message says why and what to do."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False


@dataclass
class RawText:
    paragraphs: list[Paragraph]
    notes: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    """What the file says about itself: front matter, or a page's <meta>, OpenGraph and JSON-LD."""
    front_text: str = ""
    """The front matter verbatim, so its words are accounted for."""
    properties: dict[str, Any] = field(default_factory=dict)
    """What the file's format records about it (Word core properties, PDF document info):
    title, author, date. Weaker than the text: used only for what the text does not say."""

    @property
    def text(self) -> str:
        return "\n\n".join([self.front_text, *(p.text for p in self.paragraphs)] if self.front_text
                           else [p.text for p in self.paragraphs])


MAX_BYTES = 20 * 1024 * 1024
"""The largest file `podium import` reads (20 MB): a statement is a few hundred kilobytes even
as a PDF with images; anything larger is a mistake or an attack, refused before it is read."""
MAX_UNPACKED = 50 * 1024 * 1024
"""The most a .docx may unpack to, by its zip directory (50 MB), checked before a member is read:
a zip bomb of a few hundred kilobytes would otherwise take gigabytes."""
MAX_TEXT = 5_000_000
"""The most text a PDF's pages may yield (5 million characters, some 800,000 words)."""


def check_file(path: Path) -> list[str]:
    """Refuse what is not a regular file of a readable size, before opening it (a FIFO would
    hang, a device never end); name a symbolic link. Returns notes to show."""
    import os
    import stat

    link = f"a symbolic link to {os.path.realpath(path)}" if path.is_symlink() else ""
    notes = [f"{path.name} is {link}; read what it points to"] if link else []
    said = f"{link}: " if link else ""
    try:
        info = path.stat()
    except OSError as exc:
        raise ReadError(f"{said}cannot read it: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(f"{said}a folder, not a file; give the files in it")
    if not stat.S_ISREG(info.st_mode):
        what = ("a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else
                "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else
                "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file")
        raise ReadError(f"{said}{what}; Podium reads only regular files, and did not open it")
    if info.st_size > MAX_BYTES:
        raise ReadError(f"{said}{info.st_size / 2**20:.1f} MB, over the {MAX_BYTES // 2**20} MB a "
                        "statement file may have; split it or remove its images")
    return notes


def _bytes(path: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes: a file that grew since it was checked is still refused."""
    with path.open("rb") as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ReadError(f"over the {MAX_BYTES // 2**20} MB a statement file may have")
    return data


def read(path: Path) -> RawText:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ReadError(f"unsupported format {suffix or '(none)'}; Podium reads {', '.join(FORMATS)}")
    checked = check_file(path)
    raw = _read(path, suffix)
    raw.notes[:0] = checked
    return raw


def _read(path: Path, suffix: str) -> RawText:
    if suffix == ".docx":
        return _docx(path)
    if suffix == ".pdf":
        return _pdf(path)
    data = _bytes(path)
    if suffix in {".html", ".htm"}:
        text, notes = _decode(data, declared_charset(data))
        raw = _html(text)
    else:
        text, notes = _decode(data)
        front, front_text, text = front_matter(text)
        heading = None
        if suffix == ".md":
            text, heading, kept = markdown_source(text)
            notes += kept
        raw = _plain(text)
        raw.meta, raw.front_text = front, front_text
        if heading:
            raw.meta["heading"] = heading
        if front_text:
            notes.append("read the file's front matter")
    raw.notes[:0] = notes
    if not raw.paragraphs:
        raise ReadError("the file has no text")
    return raw


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first 4 KB (<meta charset>, or http-equiv
    Content-Type), if Python knows it."""
    import codecs

    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def _utf16(data: bytes) -> str | None:
    """'utf-16' for a file with a UTF-16 byte-order mark, 'utf-16-le'/'-be' for one without
    whose every other byte is mostly NUL (Latin text saved as UTF-16), else None."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = data[:4000]
    if len(sample) < 8:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > len(sample) * 0.3 and even == 0:
        return "utf-16-le"
    if even > len(sample) * 0.3 and odd == 0:
        return "utf-16-be"
    return None


def _decode(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM); UTF-16 by its BOM or its NUL bytes; a page's declared
    charset; else what charset-normalizer finds, said out loud; never mojibake in silence."""
    if not data.strip(b" \t\r\n\x00"):
        raise ReadError("the file is empty")
    if (wide := _utf16(data)) is not None:
        try:
            return data.decode(wide).lstrip("\ufeff"), [f"decoded as UTF-16 ({wide}); check the text"]
        except UnicodeDecodeError as exc:
            raise ReadError(f"looks like UTF-16 ({wide}) but byte {exc.start} is not; "
                            "save it as UTF-8") from exc
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        if declared and declared not in {"utf-8", "utf-8-sig"}:
            try:
                return data.decode(declared), [f"decoded as {declared}, the encoding the page declares"]
            except UnicodeDecodeError:
                pass
        return _guess(data, exc)


def _guess(data: bytes, exc: UnicodeDecodeError) -> tuple[str, list[str]]:
    """charset-normalizer's best reading when it is confident and differs from Windows-1252
    (the usual legacy encoding of Western texts, which it cannot tell from its neighbours on a
    short text); either way the encoding is named in a note."""
    line = data[: exc.start].count(b"\n") + 1
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        best = None
    else:
        results = list(from_bytes(data[:200_000]))
        best = results[0] if results else None
        # A Western text with few accents reads almost as well in cp1250 or cp775: Windows-1252,
        # by far the most common legacy encoding, wins unless it reads clearly worse.
        if western is not None and best is not None and any(
                "cp1252" in r.could_be_from_charset and r.chaos <= best.chaos + 0.1 for r in results):
            best = None
    if best is not None and best.encoding not in {"utf_8", "ascii"} and best.chaos < 0.2:
        try:
            text = data.decode(best.encoding)
        except UnicodeDecodeError:
            text = None
        if text is not None and text != western:
            name = best.encoding.replace("_", "-")
            return text, [f"not UTF-8 (line {line}); decoded as {name}, the likeliest encoding: "
                          "check accented letters"]
    if western is None:
        raise ReadError(f"line {line}: not UTF-8 and no other encoding fits; save it as UTF-8") from exc
    return western, [f"not UTF-8 (line {line}); decoded as Windows-1252: check accented letters"]


_FRONT = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def front_matter(text: str) -> tuple[dict[str, Any], str, str]:
    """YAML (---) or TOML (+++) front matter at the top of a text: (fields, verbatim, rest).
    Text that does not parse as a mapping is left as text."""
    m = _FRONT.match(text[:20000])
    if not m:
        return {}, "", text
    try:
        if m.group(1) == "---":
            import yaml

            data = yaml.safe_load(m.group(2))
        else:
            import tomllib

            data = tomllib.loads(m.group(2))
    except Exception:  # YAML and TOML raise many kinds; such text stays in the body
        return {}, "", text
    if not isinstance(data, dict):
        return {}, "", text
    return {str(k): v for k, v in data.items()}, m.group(0).strip(), text[m.end():]


_ATX = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_IFRAME = re.compile(r"<iframe\b[^>]*>(?:\s*</iframe\s*>)?", re.IGNORECASE)
_ATTR = re.compile(r"""\b(src|alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(tag)}


def _kept_link(label: str, words: str, url: str) -> str:
    """An image or embed kept as a link with its words: '[Image: Ministers at the meeting](url)'."""
    words = " ".join(words.replace("[", "(").replace("]", ")").split())
    return f"[{label}: {words}]({url})" if words else f"[{label}]({url})"


def markdown_source(text: str) -> tuple[str, str | None, list[str]]:
    """A Markdown source read by its structure: headings become bold lines (the first one, the
    text's title), and images and embedded frames (<img>, <iframe>), which a statement page
    would not show as words, become links that carry their words: kept, never refused."""
    notes = []
    heading = None
    first = _ATX.search(text)
    if first:
        heading = " ".join(first.group(2).split())
        text = _ATX.sub(lambda m: f"\n**{m.group(2).strip()}**\n", text)
    counts = {"image": 0, "frame": 0}

    def image(m: re.Match[str]) -> str:
        counts["image"] += 1
        return _kept_link("Image", m.group(1), m.group(2))

    def html_image(m: re.Match[str]) -> str:
        found = _attrs(m.group(0))
        if not found.get("src"):
            return m.group(0)
        counts["image"] += 1
        return _kept_link("Image", found.get("alt") or found.get("title", ""), found["src"])

    def frame(m: re.Match[str]) -> str:
        found = _attrs(m.group(0))
        if not found.get("src"):
            return m.group(0)
        counts["frame"] += 1
        return _kept_link("Embedded", found.get("title", ""), found["src"])

    text = _IFRAME.sub(frame, _HTML_IMG.sub(html_image, _IMAGE.sub(image, text)))
    if counts["image"]:
        notes.append(f"kept {counts['image']} image(s) as links with their descriptions")
    if counts["frame"]:
        notes.append(f"kept {counts['frame']} embedded frame(s) (<iframe>) as links")
    return text, heading, notes


_BOLD_BLOCK = re.compile(r"^\*\*(.+)\*\*$", re.DOTALL)


def _plain(text: str) -> RawText:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[Paragraph] = []
    notes: list[str] = []
    split = False
    for block in re.split(r"\n\s*\n", text):
        block = "\n".join(line.strip() for line in block.strip().split("\n"))
        if not block:
            continue
        bold = _BOLD_BLOCK.match(block)
        if bold:
            paragraphs.append(Paragraph(bold.group(1).strip(), True))
            continue
        parts = split_block(block)
        split = split or len(parts) > 1
        paragraphs.extend(Paragraph(p) for p in parts)
        if len(block) > 5000 and "\n" not in block:
            notes.append(f"one paragraph of {len(block.split())} words could not be split: check it")
    raw = RawText(paragraphs)
    if split:
        notes.append("paragraphs split at line ends (one paragraph per line, or hard-wrapped lines)")
    raw.notes.extend(notes)
    return raw


def split_block(block: str) -> list[str]:
    """Paragraphs as the source meant them. A block whose lines are long is one paragraph per
    line (news copies, corpus dumps); a block of hard-wrapped lines is cut where the build cuts
    it (podium.text.unwrap: a sentence ends short of the wrap width); anything else stays one block."""
    lines = block.split("\n")
    if len(lines) < 2:
        return [block]
    lengths = sorted(unwrap.width(line) for line in lines)
    if lengths[len(lengths) // 2] >= 150 or (len(lines) >= 4 and lengths[-1] >= 200):
        return lines  # no one wraps lines at 200 characters: each line is a paragraph
    if lengths[-1] > 120:
        return [block]
    return ["\n".join(part) for part in unwrap.cut(lines)]


def _html(text: str) -> RawText:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    meta = _page_meta(soup)
    for tag in soup(["script", "style", "nav", "header", "footer", "form", "noscript", "aside"]):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    paragraphs = []
    menu = 0
    kept = 0
    h1 = root.find("h1")
    if h1 is not None and (heading := " ".join(h1.get_text(" ").split())):
        meta["heading"] = heading
    for el in root.find_all(["h1", "h2", "h3", "p", "li", "blockquote", "figcaption", "img", "iframe"]):
        if el.name in {"img", "iframe"}:
            if (link := _embedded(el)) is not None:
                paragraphs.append(Paragraph(link))
                kept += 1
            continue
        if el.find(["p", "li"]):
            continue  # its children are read on their own
        words = " ".join(el.get_text(" ").split())
        links = " ".join(" ".join(a.get_text(" ").split()) for a in el.find_all("a"))
        if words and ((el.name == "li" and links == words) or el.find_parent("a") is not None
                      or el.find_parent(attrs={"aria-hidden": "true"}) is not None):
            menu += 1
            continue  # a list item that is only a link, a card inside a link, a hidden slide: menus

        if words:
            strong = el.find(["b", "strong"])
            bold = el.name.startswith("h") or (strong is not None and
                                                " ".join(strong.get_text(" ").split()) == words)
            paragraphs.append(Paragraph(words, bold))
    notes = [f"left out {menu} menu item(s) (only links, or inside a link)"] if menu else []
    if kept:
        notes.append(f"kept {kept} image(s) or embedded frame(s) as links with their descriptions")
    return RawText(paragraphs, notes, meta=meta)


def _embedded(el: Any) -> str | None:
    """An image with a description, or an embedded frame, of the page's text as a link that keeps
    its words; a logo, an icon or an image that is a link (a menu) is left out, as menus are."""
    src = el.get("src")
    if not isinstance(src, str) or not src.strip() or el.find_parent("a") is not None:
        return None
    if el.name == "iframe":
        title = el.get("title")
        return _kept_link("Embedded", title if isinstance(title, str) else "", src.strip())
    alt = el.get("alt")
    if not isinstance(alt, str) or len(alt.split()) < 2:
        return None  # no description: decoration
    return _kept_link("Image", alt, src.strip())


def _page_meta(soup: Any) -> dict[str, Any]:
    """Title, date, author, publisher and URL from <meta>, OpenGraph, JSON-LD and <time>."""
    import json

    found: dict[str, Any] = {}
    names = {
        "og:title": "title", "twitter:title": "title", "dc.title": "title", "citation_title": "title",
        "article:published_time": "date", "date": "date", "dc.date": "date", "citation_date": "date",
        "pubdate": "date", "publishdate": "date", "author": "author", "dc.creator": "author",
        "og:site_name": "publisher", "dc.publisher": "publisher", "og:url": "url",
        "og:locale": "locale",
    }
    for tag in soup.find_all("meta"):
        key = str(tag.get("property") or tag.get("name") or "").casefold()
        content = tag.get("content")
        if key in names and isinstance(content, str) and content.strip():
            found.setdefault(names[key], content.strip())
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            for key, field_ in (("headline", "title"), ("datePublished", "date"), ("author", "author"),
                                ("publisher", "publisher"), ("url", "url")):
                value = item.get(key)
                if isinstance(value, list) and value:
                    value = value[0]
                if isinstance(value, dict):
                    value = value.get("name")
                if isinstance(value, str) and value.strip():
                    found.setdefault(field_, value.strip())
    if soup.title is not None and (page_title := " ".join(soup.title.get_text(" ").split())):
        found["page_title"] = page_title
    for footer in [*soup.find_all("footer"), soup.body or soup]:  # "© 2018 Ministry of …, Malaysia."
        words = " ".join(footer.get_text(" ").split())
        notice = re.search(r"(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
                           r"(?P<name>[^\W\d_][^©|<>]{2,80}?)\s*[.,]?\s*(?:all rights reserved|$)",
                           words, re.IGNORECASE)
        if notice:
            found["copyright"] = notice.group("name").strip(" .,-–")
            break
    time = soup.find("time", attrs={"datetime": True})
    if time is not None:
        found.setdefault("date", str(time["datetime"]))
    return found


def _docx(path: Path) -> RawText:
    import zipfile

    import docx

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError(f"not a readable Word file (not a zip archive): {exc}") from exc
    if unpacked > MAX_UNPACKED:
        raise ReadError(f"the Word file unpacks to {unpacked / 2**20:.0f} MB, over the "
                        f"{MAX_UNPACKED // 2**20} MB allowed (a zip bomb?); not read")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a broken file
        raise ReadError(f"not a readable Word file: {exc}") from exc
    paragraphs = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        runs = [r for r in para.runs if r.text.strip()]
        bold = bool(runs) and all(r.bold for r in runs)
        paragraphs.append(Paragraph("\n".join(line.strip() for line in text.split("\n")), bold))
    if not paragraphs:
        raise ReadError("the Word file has no text")
    core = document.core_properties
    return RawText(paragraphs, properties=_properties(core.title, core.author, core.created))


_FILE_NAME_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - )|\.(?:docx?|pdf|rtf|odt|txt)\s*$|^untitled", re.IGNORECASE)
_DEFAULT_TITLE = re.compile(
    r"^(?:(?:microsoft |ms )?(?:word|office word|powerpoint|excel) (?:document|presentation|worksheet)"
    r"|(?:new |blank )?document\s*\d*|untitled(?: document)?\s*\d*|title|slide \d+|pdf document)$",
    re.IGNORECASE)
"""What applications write when nobody gave a title (python-docx writes 'Word Document')."""


def _properties(title: Any, author: Any, created: Any) -> dict[str, Any]:
    """The usable document properties: a title that is not a file name, an author, a creation
    date (a datetime) in a plausible range."""
    import datetime as dt

    out: dict[str, Any] = {}
    if isinstance(title, str) and len(title.split()) >= 2 and not _FILE_NAME_TITLE.search(title.strip()) \
            and not _DEFAULT_TITLE.match(" ".join(title.split())):
        out["title"] = " ".join(title.split())
    if isinstance(author, str) and author.strip():
        out["author"] = " ".join(author.split())
    if isinstance(created, dt.datetime) and 1990 <= created.year <= dt.date.today().year:
        out["date"] = created.date()
    return out


def _pdf(path: Path) -> RawText:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    pages: list[str] = []
    try:
        reader = PdfReader(str(path))
        size = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_TEXT:
                raise ReadError(f"the PDF yields over {MAX_TEXT:,} characters of text by page "
                                f"{len(pages)}; split it")
        info = reader.metadata
    except PyPdfError as exc:  # PdfReadError, LimitReachedError (a decompression bomb), …
        raise ReadError(f"not a readable PDF ({type(exc).__name__}): {exc}") from exc
    properties: dict[str, Any] = {}
    if info is not None:
        try:
            created = info.creation_date
        except ValueError:  # a CreationDate pypdf cannot parse
            created = None
        properties = _properties(info.title, info.author, created)
    text = "\n".join(pages)
    if not text.strip():
        raise ReadError("the PDF has no text layer (a scan?); run OCR first")
    # PDF text comes as lines. A line well short of the longest ends its
    # paragraph (a header line, a salutation, a paragraph's last line).
    lines = [ln.rstrip() for ln in text.split("\n")]
    width = max((len(ln) for ln in lines), default=0)
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        if current and (not line.strip() or len(line) < 0.7 * width):
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    joined, rejoined = rejoin_lines(paragraphs)
    raw = RawText([Paragraph(p) for p in joined], properties=properties)
    raw.notes.append("read from a PDF text layer; check paragraph breaks")
    if rejoined:
        shown = ", ".join(f"{a}-{b} → {a}{b}" for a, b in rejoined[:5])
        raw.notes.append(f"rejoined {len(rejoined)} word(s) hyphenated at line ends ({shown}"
                         f"{', …' if len(rejoined) > 5 else ''}): check them")
    return raw


_HYPHEN_END = re.compile(r"([^\W\d_]+)[-\u00ad]$")
_WORD_START = re.compile(r"^([^\W\d_]+)")
_NOT_A_WORD_PART = {"and", "or", "to", "und", "oder", "et", "ou", "y", "o", "e", "и", "или", "và", "hoặc"}
"""'pre-/and post-war': after these the hyphen is a suspended compound's, not a word cut."""


def rejoin_lines(paragraphs: list[list[str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """Each paragraph's lines joined with a space, except that a word hyphenated at a line end
    ('impor-' / 'tant') is rejoined ('important') when the line goes on in lower case and the
    text does not write that pair with its hyphen elsewhere ('well-' / 'known' → 'well-known',
    as a capital after the hyphen: 'Asia-Pacific'). Returns the
    paragraphs and each pair rejoined, so that the change is said, never made silently."""
    text = "\n".join("\n".join(p) for p in paragraphs)
    hyphenated = {m.group(0).casefold() for m in re.finditer(r"[^\W\d_]+-[^\W\d_]+", text)}
    rejoined: list[tuple[str, str]] = []
    out: list[str] = []
    for lines in paragraphs:
        parts = [lines[0]]  # joined once at the end: linear in the paragraph's length
        for line in lines[1:]:
            # only the last line can end in the hyphen: never search the paragraph so far
            end, start = _HYPHEN_END.search(parts[-1][-200:]), _WORD_START.match(line)
            if not end or not start or start.group(1).casefold() in _NOT_A_WORD_PART:
                parts.append(" " + line)
            elif start.group(1)[0].islower() and \
                    f"{end.group(1)}-{start.group(1)}".casefold() not in hyphenated:
                rejoined.append((end.group(1), start.group(1)))
                tail = parts[-1][-200:]
                parts[-1] = parts[-1][: len(parts[-1]) - len(tail) + end.end(1)]
                parts.append(line)
            else:  # a compound cut at its own hyphen: 'well-' / 'known', 'Asia-' / 'Pacific'
                parts.append(line)
        out.append("".join(parts))
    return out, rejoined
