"""Podium's own HTML (panel, citation block, listings) comes from Jinja templates
that a site overrides from its theme's custom_dir, as it overrides Material's
partials; what a template prints is escaped, in an override too."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SiteBuilder, page, statement_text
from markupsafe import Markup

from podium.site.templating import TemplateFailed, Templates

HOSTILE = "<script>alert('x')</script> & \"quoted\""


def test_printed_strings_are_escaped_by_jinja(tmp_path: Path) -> None:
    (tmp_path / "podium").mkdir()
    (tmp_path / "podium" / "probe.html").write_text(
        '<p title="{{ value }}">{{ value }}|{{ value | text }}|{{ html }}</p>', encoding="utf-8")
    out = Templates([str(tmp_path)]).render("probe.html", value=HOSTILE, html=Markup("<b>ours</b>"))
    escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;quoted&#34;"
    assert out == (f'<p title="{escaped}">{escaped}|'
                   "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quoted\"|<b>ours</b></p>")


def test_a_site_overrides_the_panel_from_its_custom_dir(tmp_path: Path, temp_site: SiteBuilder) -> None:
    panel = tmp_path / "overrides" / "podium" / "panel.html"
    panel.parent.mkdir(parents=True)
    panel.write_text(
        '<aside class="my-panel"><p class="my-title">{{ statement.meta.title }}</p>'
        "{% for row in rows if row.key in ('delegation', 'date') %}"
        "<b>{{ row.label }}</b> {{ row.text }}{% for l in row.links %}{{ l.label }}{% endfor %}; "
        "{% endfor %}</aside>\n", encoding="utf-8")
    result, site = temp_site({"a.md": statement_text(id="a", title=HOSTILE, delegation="VNM")},
                             site={"theme": {"name": "material", "custom_dir": "overrides"}})
    assert result.returncode == 0, result.stderr
    html = page(site, "statements/2024/a/")
    assert html.select_one(".podium-meta") is None  # Podium's own panel is replaced…
    aside = html.select_one("article aside.my-panel")
    assert aside.get_text() == f"{HOSTILE}Delegation Viet Nam; Delivered 24 September 2024; "
    assert not html.select("article script")  # …and the title stays text in the override
    # The other templates are still Podium's.
    assert html.select_one(".podium-cite .tabbed-set")
    assert page(site, "delegations/").select_one(".md-typeset__table")



def test_a_failing_override_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "podium").mkdir()
    (tmp_path / "podium" / "panel.html").write_text("<dl>\n{{ speaker.name }}\n</dl>\n", encoding="utf-8")
    with pytest.raises(TemplateFailed) as failed:
        Templates([str(tmp_path)]).render("panel.html", speaker=None)
    assert f"{tmp_path / 'podium' / 'panel.html'}:2:" in str(failed.value)
    assert "{% if %}" in str(failed.value)
