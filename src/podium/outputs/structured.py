"""Machine-readable metadata for a statement page's <head>: schema.org
JSON-LD, OpenGraph and Twitter card tags. Every value is escaped for its
context (JSON inside <script>, HTML attributes)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from podium.model.loader import Statement
from podium.model.schema import Kind, RelationType
from podium.site import display


def json_ld(st: Statement, url: str, related_urls: dict[str, str], archive: str | None = None
            ) -> dict[str, Any]:
    """schema.org: statements are CreativeWorks by a Person (the speaker) or, without one, by
    the delegation as an Organization; reports are NewsArticles published by their agency and
    about the statement. `archive` (the site's name) publishes the copy of any other text; the
    corpus or agency it came from is what it `isBasedOn`, never its author."""
    m = st.meta
    news = m.kind is Kind.NEWS_REPORT
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if news else "CreativeWork",
        "@id": url,
        "url": url,
        "name": m.title,
        "headline": m.title[:110],
        "inLanguage": m.language,
        "genre": m.kind.value,
    }
    if m.dated:  # ISO 8601 at the source's precision ("1960"); none for an event across years
        data["datePublished"] = m.dated.iso()
    delegation = ({"@type": "Organization", "name": display.delegation_of(m),  # its name on the date
                   "identifier": m.delegation} if m.delegation else None)
    if m.speaker and not news:
        person: dict[str, Any] = {"@type": "Person", "name": m.speaker.name}
        if m.speaker.honorific:
            person["honorificPrefix"] = m.speaker.honorific
        if m.speaker.role:
            person["jobTitle"] = m.speaker.role
        if delegation:
            person["affiliation"] = delegation
        data["author"] = person
    elif delegation and not news:
        data["author"] = delegation
    source = m.source.publisher if m.source else None
    if news and source:
        data["publisher"] = {"@type": "Organization", "name": source}
    else:
        if archive:
            data["publisher"] = {"@type": "Organization", "name": archive}
        if source:
            data["isBasedOn"] = {"@type": "CreativeWork", "name": source}
    if m.venue:
        data["locationCreated"] = {"@type": "Place", "name": m.venue}
    if m.event:
        event: dict[str, Any] = {"@type": "Event", "name": display.session(m.event)}
        if m.event.start:
            event["startDate"] = m.event.start.iso()
            event["endDate"] = (m.event.end or m.event.start).iso()
        if m.venue:
            event["location"] = {"@type": "Place", "name": m.venue}
        data["recordedAt"] = event
    # No "keywords" (the topics are `about` already) and no "description" (the
    # summary is the page's meta description and og:description): each page
    # carried the same words two and three times (issue 30).
    about = [{"@type": "Thing", "name": t} for t in m.topics]
    cited = []
    for rel in m.related:
        target = related_urls.get(rel.id)
        if target and rel.relation is RelationType.REPORTS_ON:
            about.append({"@id": target})
            cited.append({"@id": target})
        elif target and rel.relation is RelationType.TRANSLATION_OF:
            data["translationOfWork"] = {"@id": target}
    if about:
        data["about"] = about
    if cited:
        data["citation"] = cited
    return data


def script_text(data: dict[str, Any]) -> Markup:
    """JSON-LD as the text of its <script>; '<' is escaped so no value can close the element."""
    return Markup(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                  .replace("<", "\\u003c"))


@dataclass(frozen=True)
class MetaTag:
    """One <meta> of a statement page: attribute (property or name), key, value."""

    attribute: str
    key: str
    value: str


def meta_tags(st: Statement, url: str, site_name: str, description: str) -> list[MetaTag]:
    """OpenGraph (and Twitter's summary card) for a statement page, at its date's precision."""
    m = st.meta
    tags = [
        ("property", "og:type", "article"),
        ("property", "og:title", m.title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", m.language.replace("-", "_")),
        # Twitter/X reads og:title and og:description when its own tags are absent.
        ("name", "twitter:card", "summary"),
    ]
    if m.dated:
        tags.insert(6, ("property", "article:published_time", m.dated.iso()))
    tags += [("property", "article:tag", t) for t in m.topics]
    return [MetaTag(kind, key, value) for kind, key, value in tags]
