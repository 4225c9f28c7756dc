"""The MkDocs page of a generated page."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from podium.mkdocs.page import PodiumPage
from podium.pages.plan import GeneratedPage
from podium.site.fragments import Doc

SRC_URIS = ["index.md", "statements/2023/vnm-iom-council-114.md", "speakers/le-thi-tuyet-mai/page/2.md",
            "topics/d%C3%A9veloppement.md", "délégations/viet-nam.md", "a b/c.md"]


@pytest.mark.parametrize("site_url", [None, "https://archive.example.org/", "https://x.org/archive",
                                      "https://x.org/archive/?q=1", "https://x.org/a?", "http://localhost:8000/a/b/"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_canonical_urls_are_mkdocs_own(site_url: str | None, directory_urls: bool) -> None:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "site_url": site_url, "use_directory_urls": directory_urls})
    config.validate()
    for src_uri in SRC_URIS:
        generated = GeneratedPage(src_uri, Doc, None)
        mine = PodiumPage(generated, File(src_uri, None, "site", directory_urls), config)
        theirs = Page(None, File(src_uri, None, "site", directory_urls), config)
        assert (mine.canonical_url, mine.abs_url) == (theirs.canonical_url, theirs.abs_url), src_uri
