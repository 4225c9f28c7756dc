"""The build owns only what it makes (issue 25): it deletes and writes nothing it
did not create, whatever a configuration value says, and publishes nothing from
its cache that it cannot vouch for. Each test drives the real `mkdocs build`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SiteBuilder, page, statement_text

STATEMENTS = {"a.md": statement_text(id="a", delegation="VNM", title="Statement of Viet Nam"),
              "b.md": statement_text(id="b", date="2023-05-01")}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, links not followed, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink()}


def project_files(root: Path) -> dict[str, bytes]:
    """What a user has in the project: everything but what builds make."""
    return {k: v for k, v in tree(root).items() if not k.startswith(("site/", ".cache/", "mkdocs.yml"))}


@pytest.mark.parametrize("cache_dir", [".", "..", "statements", "docs", "site", ".git", "src", "/"])
def test_a_cache_dir_that_is_not_podiums_is_refused(temp_site: SiteBuilder, tmp_path: Path,
                                                   cache_dir: str) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "code.py").write_text("x = 1\n", encoding="utf-8")
    temp_site(STATEMENTS)  # a first build
    before = project_files(tmp_path)
    result, _ = temp_site(STATEMENTS, cache_dir=cache_dir)
    assert result.returncode != 0
    assert f"`cache_dir: {cache_dir}`" in result.stderr and "Traceback" not in result.stderr
    assert project_files(tmp_path) == before


def test_another_tools_cache_beside_podiums_is_kept(temp_site: SiteBuilder, tmp_path: Path) -> None:
    pip = tmp_path / ".cache" / "pip"
    pip.mkdir(parents=True)
    (pip / "wheel").write_text("x", encoding="utf-8")
    for _ in range(4):  # generations come and go: four builds, three settings
        result, _ = temp_site(STATEMENTS, latest=len(os.listdir(tmp_path / ".cache")))
        assert result.returncode == 0, result.stderr
    assert (pip / "wheel").read_text(encoding="utf-8") == "x"
    result, _ = temp_site(STATEMENTS, cache_dir=".cache")
    assert result.returncode != 0 and "holds files Podium did not make" in result.stderr
    assert (pip / "wheel").read_text(encoding="utf-8") == "x"


def test_hidden_entries_of_the_site_folder_survive_builds(temp_site: SiteBuilder, tmp_path: Path) -> None:
    result, site = temp_site(STATEMENTS)
    assert result.returncode == 0, result.stderr
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    for _ in range(2):
        result, site = temp_site(STATEMENTS)
        assert result.returncode == 0, result.stderr
        assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
        assert (site / ".nojekyll").exists()


def test_a_changed_cache_entry_is_made_again(temp_site: SiteBuilder, tmp_path: Path) -> None:
    result, site = temp_site(STATEMENTS)
    assert result.returncode == 0, result.stderr
    entries = [p for p in (tmp_path / ".cache" / "podium").rglob("pages/*/*")
               if b"Statement of Viet Nam" in p.read_bytes() and p.suffix != ".search"]
    assert entries, "the statement page is in the cache"
    for entry in entries:
        data = entry.read_bytes()
        entry.write_bytes(data.replace(b"Viet Nam", b"Atlantis")[: len(data) - 10])
    result, site = temp_site(STATEMENTS, strict=False)
    assert result.returncode == 0, result.stderr
    assert "changed after it was written" in result.stderr
    html = (site / "statements" / "2024" / "a" / "index.html").read_text(encoding="utf-8")
    assert "Atlantis" not in html and "Viet Nam" in html and html.rstrip().endswith("</html>")


@pytest.mark.parametrize(("options", "says"), [
    ({"statement_path": "../../escape/{id}"}, "`statement_path: ../../escape/{id}` must stay inside"),
    ({"statement_path": "{title}/{id}"}, "{title} is not a placeholder"),
    ({"statement_path": "statements/{year}"}, "must hold {id}"),
    ({"taxonomies": [{"facet": "speaker", "path": "../../x"}]}, "`taxonomies: path: ../../x`"),
    ({"page_size": 0}, "`page_size: 0`"),
    ({"page_size": -1}, "`page_size: -1`"),
    ({"latest": -5}, "`latest: -5`"),
    ({"workers": -1}, "`workers: -1`"),
    ({"sitemap_urls": 0}, "`sitemap_urls: 0`"),
    ({"pagefind_budget": 0}, "`pagefind_budget: 0`"),
    ({"page_size": "ten"}, "page_size"),
    ({"statements_dir": "docs/statements"}, "overlap"),
])
def test_wrong_options_are_refused_in_one_line(temp_site: SiteBuilder, tmp_path: Path,
                                               options: dict[str, object], says: str) -> None:
    (tmp_path / "docs" / "statements").mkdir(parents=True)
    (tmp_path / "docs" / "statements" / "a.md").write_text(STATEMENTS["a.md"], encoding="utf-8")
    result, _ = temp_site(STATEMENTS, **options)
    assert result.returncode != 0
    assert says in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path.parent / "escape").exists() and not (tmp_path / "x").exists()


def test_every_wrong_option_in_one_run(temp_site: SiteBuilder) -> None:
    result, _ = temp_site(STATEMENTS, page_size=0, latest=-1, workers=-2, statement_path="{title}")
    lines = [ln for ln in result.stderr.splitlines() if "podium: `" in ln]
    assert result.returncode != 0 and len(lines) == 4, result.stderr


def test_links_in_docs_to_outside_the_project_are_refused(temp_site: SiteBuilder, tmp_path: Path) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("TOKEN=abc", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[remote]\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "env.txt").symlink_to(secret)
    (tmp_path / "docs" / "git.txt").symlink_to(tmp_path / ".git" / "config")
    (tmp_path / "README.md").write_text("# Readme\n", encoding="utf-8")
    (tmp_path / "docs" / "readme.md").symlink_to(tmp_path / "README.md")  # inside: fine
    result, site = temp_site(STATEMENTS)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/env.txt: a link to" in result.stderr and "outside the project" in result.stderr
    assert "docs/git.txt: a link to" in result.stderr and "hidden file" in result.stderr
    assert "readme.md" not in result.stderr
    assert not site.exists() or "TOKEN" not in str(tree(site))


def test_a_date_past_gzips_range_builds(temp_site: SiteBuilder) -> None:
    result, _ = temp_site({"a.md": statement_text(id="a", date="2206-01-01")}, strict=False)
    assert "struct.error" not in result.stderr and "Traceback" not in result.stderr


def test_disambiguated_speakers_have_pages_of_their_own(temp_site: SiteBuilder) -> None:
    result, site = temp_site({"a.md": statement_text(id="a", speaker={"name": "王毅"}),
                              "b.md": statement_text(id="b", speaker={"name": "汪毅"})})
    assert result.returncode == 0, result.stderr
    pages = sorted(p.parent.name for p in (site / "speakers").glob("*/index.html"))
    assert len(pages) == 2 and pages[0] == "wang-yi", pages
    for folder in pages:
        names = page(site, f"speakers/{folder}").find("h1").get_text()
        assert ("王毅" in names) != ("汪毅" in names)


@pytest.mark.parametrize("site_dir", [".", "..", "statements", "docs", ".git", "mine", "link-to-parent"])
def test_a_site_folder_that_is_not_a_site_is_refused(temp_site: SiteBuilder, tmp_path: Path,
                                                     site_dir: str) -> None:
    """A build replaces its site folder whole: site_dir may not be the project, a parent,
    the sources, .git, or a folder of someone's files (an outside tester's F1, F2)."""
    import subprocess
    import sys

    import yaml

    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "link-to-parent").symlink_to(tmp_path.parent, target_is_directory=True)
    temp_site(STATEMENTS)  # writes the project
    beside = tmp_path.parent / f"{tmp_path.name}-beside.txt"
    beside.write_text("a sibling of the project", encoding="utf-8")
    before = project_files(tmp_path)
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_dir"] = site_dir
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(tmp_path / "mkdocs.yml")],
                            capture_output=True, text=True, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "`site_dir:" in result.stderr or "site_dir" in result.stderr, result.stderr
    assert project_files(tmp_path) == before
    assert beside.read_text(encoding="utf-8") == "a sibling of the project"


def test_links_in_docs_to_the_statements_or_a_fifo_are_refused(temp_site: SiteBuilder,
                                                                tmp_path: Path) -> None:
    """docs/stm -> ../statements published each statement raw, scripts and all (F4);
    a FIFO in docs/ gave a traceback (F8)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "statements").mkdir()
    (tmp_path / "docs" / "stm").symlink_to(tmp_path / "statements", target_is_directory=True)
    os.mkfifo(tmp_path / "docs" / "pipe.txt")
    result, site = temp_site(STATEMENTS)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/stm: a link to" in result.stderr and "into the statements folder" in result.stderr
    assert "docs/pipe.txt: not a file or a folder" in result.stderr
    assert not (site / "stm").exists()


def test_a_published_site_carries_its_mark_and_is_replaced_again(temp_site: SiteBuilder) -> None:
    result, site = temp_site(STATEMENTS)
    assert result.returncode == 0, result.stderr
    assert (site / ".podium-site").is_file()
    (site / "sitemap.xml").unlink()  # (the mark alone says it is a site)
    result, site = temp_site(STATEMENTS)
    assert result.returncode == 0, result.stderr


def test_a_folder_of_sources_with_an_index_and_a_sitemap_is_not_taken_for_a_site(
        temp_site: SiteBuilder, tmp_path: Path) -> None:
    """A Jekyll source folder has index.html and sitemap.xml too (third outside pass)."""
    import subprocess
    import sys

    temp_site(STATEMENTS)
    jekyll = tmp_path.parent / f"{tmp_path.name}-jekyll"
    (jekyll / "_posts").mkdir(parents=True)
    (jekyll / "index.html").write_text("<html>{{ content }}</html>", encoding="utf-8")
    (jekyll / "sitemap.xml").write_text("---\n---\n<urlset/>", encoding="utf-8")
    (jekyll / "_config.yml").write_text("title: x\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(tmp_path / "mkdocs.yml"),
                             "-d", str(jekyll)], capture_output=True, text=True, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0 and "holds files that are not a built site" in result.stderr
    assert (jekyll / "_config.yml").is_file() and (jekyll / "_posts").is_dir()


def test_a_repository_in_docs_and_pages_in_the_builds_own_folders_are_refused(
        temp_site: SiteBuilder, tmp_path: Path) -> None:
    (tmp_path / "docs" / ".git").mkdir(parents=True)
    (tmp_path / "docs" / ".git" / "config").write_text("[remote]\nurl = https://u:token@x/y\n",
                                                       encoding="utf-8")
    result, _ = temp_site(STATEMENTS)
    assert result.returncode != 0 and "docs/.git: a git repository inside docs/" in result.stderr
    import shutil

    shutil.rmtree(tmp_path / "docs" / ".git")
    result, _ = temp_site({"a.md": statement_text(id="en-0")}, statement_path="pagefind/{id}")
    assert result.returncode != 0 and "inside /pagefind/, which the build writes itself" in result.stderr


def test_a_cache_folder_replaced_by_a_file_is_set_aside_with_a_warning(temp_site: SiteBuilder,
                                                                      tmp_path: Path) -> None:
    import shutil

    result, _ = temp_site(STATEMENTS)
    assert result.returncode == 0, result.stderr
    generation = next(p for p in (tmp_path / ".cache" / "podium").iterdir() if p.is_dir())
    shutil.rmtree(generation / "pages")
    (generation / "pages").write_text("not a folder", encoding="utf-8")
    for _ in range(2):  # (and the next build too)
        result, site = temp_site(STATEMENTS, strict=False)
        assert result.returncode == 0, result.stderr
        assert "build cache not used" in result.stderr and (site / "statements" / "2024" / "a").is_dir()
