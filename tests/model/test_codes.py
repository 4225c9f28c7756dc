"""Delegation codes: countries, former states (ISO 3166-3), organisations, and
"did you mean" hints that never propose an unrelated country."""

from __future__ import annotations

import pytest
from conftest import SiteBuilder, page, statement_text

from podium.model import codes


@pytest.mark.parametrize(("code", "name", "years"), [
    ("SUN", "Union of Soviet Socialist Republics", "1922–1991"), ("YUG", "Yugoslavia", "1918–2006"),
    ("CSK", "Czechoslovakia", "1918–1992"), ("DDR", "German Democratic Republic", "1949–1990"),
    ("YMD", "Democratic Yemen", "1967–1990"), ("SCG", "Serbia and Montenegro", "2003–2006"),
])
def test_former_states_are_delegations_with_their_names(code: str, name: str, years: str) -> None:
    found = codes.delegation(code)
    assert found is not None and found.former and found.is_country
    assert (found.name, found.years) == (name, years)


def test_every_iso_3166_3_code_not_reused_is_a_delegation() -> None:
    import pycountry

    for state in pycountry.historic_countries:
        if pycountry.countries.get(alpha_3=state.alpha_3) is None:
            assert codes.delegation(state.alpha_3) is not None, state.alpha_3
    assert codes.delegation("VNM") is not None and not codes.delegation("VNM").former  # type: ignore[union-attr]


@pytest.mark.parametrize(("typed", "hints"), [
    ("VN", ["VNM"]), ("vnm", ["VNM"]), ("ugx", ["UGA"]), ("Viet Nam", ["VNM"]), ("Frnace", ["FRA"]),
    ("yug", ["YUG"]), ("Germany", ["DEU"]), ("Swaziland", ["SWZ"]), ("Turkey", ["TUR"]),
    ("Ceylon", ["LKA"]), ("Burma", ["BUR"]),
])
def test_close_codes_and_names_are_suggested(typed: str, hints: list[str]) -> None:
    assert codes.close_delegation_codes(typed) == hints


@pytest.mark.parametrize("typed", ["XYZ", "QQQ", "ZZZ", "Atlantis", "Republic"])
def test_nothing_unrelated_is_suggested(typed: str) -> None:
    assert codes.close_delegation_codes(typed) == []


def test_former_state_pages_say_the_state_no_longer_exists(temp_site: SiteBuilder) -> None:
    result, site = temp_site({"yug.md": statement_text(id="yug", delegation="YUG", date="1985-09-24")})
    assert result.returncode == 0, result.stderr
    panel = page(site, "statements/1985/yug/").select_one(".podium-meta")
    assert panel is not None
    text = " ".join(panel.get_text(" ").split())
    assert "Yugoslavia" in text and "former state (1918–2006), no longer exists" in text
    delegation = page(site, "delegations/yug/")
    former = delegation.select_one(".podium-former")
    assert former is not None
    assert former.get_text() == "Yugoslavia: former state (1918–2006), no longer exists"
