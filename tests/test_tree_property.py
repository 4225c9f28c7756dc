"""Random option values and random statement folders (links, FIFOs, hidden files,
case twins, other encodings) through `podium check` and `mkdocs build`: never a
traceback, nothing changed outside the site and the cache, and every entry of
the statements folder either published or named in a message (issue 25)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import statement_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow

OPTIONS = st.fixed_dictionaries({}, optional={
    "page_size": st.sampled_from([-1, 0, 1, 3, "ten", True, 100]),
    "latest": st.sampled_from([-5, 0, 2]),
    "workers": st.sampled_from([-1, 0, 1, 2]),
    "statement_path": st.sampled_from(["statements/{year}/{id}", "../escape/{id}", "{title}/{id}", "s/{id}",
                                       "/abs/{id}", ".hidden/{id}", "s/{year}"]),
    "cache_dir": st.sampled_from([".cache/podium", ".", "..", "statements", "docs", "elsewhere", "mine"]),
    "taxonomies": st.sampled_from([[{"facet": "speaker", "path": "people"}],
                                   [{"facet": "speaker", "path": "../../x"}]]),
})

KINDS = ["valid", "invalid", "hidden_md", "hidden_file", "folder_md", "link_inside", "link_outside",
         "dangling", "fifo", "case_twin", "utf16", "not_md", "nested", "linked_folder"]
SPEAKERS = ["王毅", "汪毅", "A B"]


def make(root: Path, outside: Path, kinds: list[str]) -> None:
    folder = root / "statements"
    for n, kind in enumerate(kinds):
        text = statement_text(id=f"s{n}", title=f"Statement {n}", speaker={"name": SPEAKERS[n % 3]})
        if kind == "valid":
            (folder / f"s{n}.md").write_text(text, encoding="utf-8")
        elif kind == "invalid":
            (folder / f"s{n}.md").write_text(text.replace("kind: statement", "kind: poem"), encoding="utf-8")
        elif kind == "hidden_md":
            (folder / f".s{n}.md").write_text(text, encoding="utf-8")
        elif kind == "hidden_file":
            (folder / f".notes{n}").write_text("x", encoding="utf-8")
        elif kind == "folder_md":
            (folder / f"f{n}.md").mkdir()
            (folder / f"f{n}.md" / f"s{n}.md").write_text(text, encoding="utf-8")
        elif kind == "link_inside":
            (folder / f"t{n}.txt").write_text(text, encoding="utf-8")
            (folder / f"l{n}.md").symlink_to(folder / f"t{n}.txt")
        elif kind == "link_outside":
            (outside / f"o{n}.md").write_text(text, encoding="utf-8")
            (folder / f"l{n}.md").symlink_to(outside / f"o{n}.md")
        elif kind == "dangling":
            (folder / f"d{n}.md").symlink_to(root / "nothing.md")
        elif kind == "fifo":
            os.mkfifo(folder / f"p{n}.md")
        elif kind == "case_twin":
            (folder / f"Twin{n}.md").write_text(text, encoding="utf-8")
            (folder / f"twin{n}.md").write_text(text.replace(f"id: s{n}", f"id: s{n}b"), encoding="utf-8")
        elif kind == "utf16":
            (folder / f"s{n}.md").write_bytes(text.encode("utf-16"))
        elif kind == "not_md":
            (folder / f"s{n}.txt").write_text(text, encoding="utf-8")
        elif kind == "nested":
            (folder / "a" / "b").mkdir(parents=True, exist_ok=True)
            (folder / "a" / "b" / f"s{n}.md").write_text(text, encoding="utf-8")
        elif kind == "linked_folder":
            (outside / f"dir{n}").mkdir()
            (outside / f"dir{n}" / f"s{n}.md").write_text(text, encoding="utf-8")
            (folder / f"ld{n}").symlink_to(outside / f"dir{n}", target_is_directory=True)


def snapshot(folder: Path, leave_out: tuple[str, ...] = ()) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if rel.startswith(leave_out):
            continue
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_fifo():
            out[rel] = "fifo"
        elif path.is_file():
            out[rel] = path.read_bytes().hex()
        else:
            out[rel] = "dir"
    return out


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(options=OPTIONS, kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=6))
def test_random_options_and_trees(tmp_path_factory: pytest.TempPathFactory, options: dict[str, object],
                                  kinds: list[str]) -> None:
    base = tmp_path_factory.mktemp("tree")
    root, outside = base / "project", base / "outside"
    for folder in (root / "docs", root / "statements", root / "mine", outside):
        folder.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mine" / "keep.txt").write_text("the user's", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    make(root, outside, kinds)
    config = {"site_name": "T", "theme": {"name": "material"}, "plugins": [{"podium": options}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    cache = str(options.get("cache_dir", ".cache/podium"))
    made = cache in (".cache/podium", "elsewhere")  # (the build's own cache folder, when it may be one)
    mine = ("site", ".site", cache.split("/")[0]) if made else ("site", ".site")
    before, before_out = snapshot(root, mine), snapshot(outside)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    podium = str(Path(sys.executable).parent / "podium")
    check = subprocess.run([podium, "check", "statements"], cwd=root, env=env,
                           capture_output=True, text=True, timeout=120, check=False)
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", "mkdocs.yml"], cwd=root, env=env,
                           capture_output=True, text=True, timeout=300, check=False)
    said = check.stdout + check.stderr + build.stderr
    assert "Traceback" not in said, said
    assert snapshot(root, mine) == before, said
    assert snapshot(outside) == before_out
    assert not (base / "escape").exists() and not (base / "x").exists() and not Path("/abs").exists()
    if build.returncode != 0:
        assert "ERROR" in build.stderr or "Error" in build.stderr, build.stderr
        return
    published = {p.parent.name for p in (root / "site").rglob("index.html")}
    for path in sorted((root / "statements").rglob("*")):
        rel = path.relative_to(root / "statements")
        if path.is_dir() and not path.is_symlink() and not rel.name.startswith("."):
            continue  # (entered)
        if any(part.startswith(".") for part in rel.parts[:-1]):
            continue  # (inside a hidden folder, which is named itself)
        named = f"statements/{rel.as_posix()}" in said
        data = path.read_bytes() if path.is_file() and not path.is_fifo() else b""
        text = data.decode("utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8", "replace")
        ids = {line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("id:")}
        assert named or (ids and ids <= published), (rel, said)
    shutil.rmtree(base, ignore_errors=True)
