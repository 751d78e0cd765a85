"""schema.org ClaimReview JSON-LD for verdicts; missing facts are reported, never invented."""

from __future__ import annotations

import ipaddress
import json
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit

from claimdesk.domain import (
    Article,
    Claim,
    ClaimType,
    RatingScale,
    ReviewState,
    SpeakerKind,
    Verdict,
)
from claimdesk.domain.clock import local_day
from claimdesk.domain.review import blank_name
from claimdesk.domain.urls import clean_url
from claimdesk.errors import KnownError
from claimdesk.reports.model import Organisation, ReportData, printable

CONTEXT = "https://schema.org"
#: Articles without a web address named one by one among the missing facts; more are
#: counted, with the first few named.
NAMED_ARTICLES = 3


class ClaimReviewIncomplete(KnownError):
    """ClaimReview markup cannot be made: facts that must be published are not set."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = tuple(missing)
        super().__init__(
            "ClaimReview markup needs facts that are not set: "
            + "; ".join(missing)
            + ". Fill them in, then export again."
        )


# What a browser refuses in a host name once it is percent-decoded (WHATWG URL).
_NOT_IN_HOST = frozenset(" #%/:<>?@[\\]^|\x7f")


def _web_address(url: str | None) -> bool:
    """A web address a reader can follow: http(s), a host without spaces or other
    characters no browser takes (an international name is fine), a numeric port, and
    no login in it (user:password@ would be published to everyone)."""
    cleaned = clean_url(url)
    if cleaned is None:
        return False
    parts = urlsplit(cleaned)
    try:
        host = unquote(parts.hostname or "", errors="strict")
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except (UnicodeDecodeError, ValueError):
        return False
    if "@" in parts.netloc:
        return False
    if parts.netloc.rpartition("@")[2].startswith("["):
        return _ipv6(host)  # urlsplit took the brackets off; the colons stay
    return bool(host) and not any(ch in _NOT_IN_HOST or ch < " " for ch in host)


def _ipv6(host: str) -> bool:
    try:
        ipaddress.IPv6Address(host)
    except ValueError:
        return False
    return True


def _url(url: str | None) -> str:
    # Only called once _web_address said yes: the published address, percent-encoded.
    return clean_url(url) or ""


def _shown(text: str | None) -> str:
    """`text` trimmed, or "" when it shows nothing: spaces, or zero-width characters,
    which str.strip() keeps (published, they are a name or a body with nothing to read)."""
    text = (text or "").strip()
    return "" if blank_name(text) else text


def _organisation_gaps(org: Organisation, review_url: str | None) -> list[str]:
    gaps = []
    if not _shown(org.name):
        gaps.append("the organisation's name (Settings → Organisation)")
    if not org.url.strip():
        gaps.append("the organisation's web address (Settings → Organisation)")
    elif not _web_address(org.url):
        gaps.append("an organisation web address starting with http:// or https://")
    if not _web_address(review_url):
        gaps.append("the web address (http:// or https://) where this fact-check is published")
    return gaps


def _article_gap(article: Article) -> str | None:
    if _web_address(article.url):
        return None
    return (
        f"the web address of the article “{article.title}” where its claims appeared "
        "(Article → Properties)"
    )


def missing_facts(data: ReportData, review_url: str | None) -> list[str]:
    """What must still be set before `data` can be published as ClaimReview (empty: ready)."""
    gaps = _organisation_gaps(data.organisation, review_url)
    rated = [p for p in data.articles if any(c.verdict for c in p.claims)]
    if not rated and data.reviewed_only:
        gaps.append(
            "at least one approved verdict (this desk publishes only verdicts a reviewer approved)"
        )
    elif not rated:
        gaps.append("at least one claim with a verdict")
    unplaced = [p.article for p in rated if _article_gap(p.article)]
    if len(unplaced) <= NAMED_ARTICLES:
        gaps += [gap for a in unplaced if (gap := _article_gap(a))]
    else:  # one sentence each would fill the export dialog (and the terminal)
        names = [f"“{a.title}”" for a in unplaced[:NAMED_ARTICLES]]
        gaps.append(
            f"the web addresses of {len(unplaced)} articles where their claims appeared "
            f"(Article → Properties), among them {', '.join(names[:-1])} and {names[-1]}"
        )
    return gaps


def _speaker(name: str, kind: SpeakerKind | None) -> dict[str, Any]:
    """The claim's author as schema.org allows it: a Person or an Organization.

    A place that speaks ("Ukraine said") speaks through its government: schema.org has
    no Place among an author's types, so it is an Organization located in that Place.
    A kind that is not known (claims stored before kinds, names typed by hand) is
    published as a Person, as before.
    """
    if kind is SpeakerKind.ORGANISATION:
        return {"@type": "Organization", "name": name}
    if kind is SpeakerKind.PLACE:
        return {"@type": "Organization", "name": name,
                "location": {"@type": "Place", "name": name}}
    return {"@type": "Person", "name": name}


def _claim_author(article: Article, claim: Claim) -> dict[str, Any] | None:
    """Who made the claim: its speaker, else (narration) the article's author or publisher.

    A claim typed as a quote with no speaker is someone's words the article relays
    without naming them ("police said", "a shop owner said"): its author is not known,
    and crediting the journalist would publish those words as theirs. It has none.
    """
    if speaker := _shown(claim.speaker):
        return _speaker(speaker, claim.speaker_kind)
    if ClaimType.QUOTE in claim.types:
        return None
    if author := _shown(article.author):
        return {"@type": "Person", "name": author}
    if publisher := _shown(article.publisher):
        return {"@type": "Organization", "name": publisher}
    return None


def _language(article: Article) -> str | None:
    """The article's BCP-47 code for inLanguage; None when not known ("und" says so)."""
    code = (article.language or "").strip()
    return code if code and code != "und" else None


def _published_on(verdict: Verdict, reviewed_only: bool) -> date:
    """The day a verdict was published: on a desk that publishes only approved verdicts,
    the day it was approved (the verdict as written is not published until then);
    elsewhere, the day it last changed."""
    if (
        reviewed_only
        and verdict.review_state is ReviewState.APPROVED
        and verdict.reviewed_at is not None
    ):
        return local_day(verdict.reviewed_at)
    return local_day(verdict.updated_at)


def _review(
    article: Article,
    claim: Claim,
    scale: RatingScale,
    org: Organisation,
    review_url: str,
    published: date | None,
    reviewed_only: bool = False,
) -> dict[str, Any]:
    verdict = claim.verdict
    assert verdict is not None
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.rating.name}
    # Value 0 means "not on the numeric scale" (e.g. Unverifiable): a number would lie.
    if verdict.rating.value > 0:
        rating["ratingValue"] = verdict.rating.value
        rating["bestRating"] = scale.best_value
        rating["worstRating"] = scale.worst_value
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": _url(article.url)}
    # Metadata is stored as typed: spaces around it (or only spaces) are not published.
    if headline := _shown(article.title):
        appearance["headline"] = headline
    if publisher := _shown(article.publisher):
        appearance["publisher"] = {"@type": "Organization", "name": publisher}
    if article.published:
        appearance["datePublished"] = article.published.isoformat()
    # The claim is quoted in the article's language; the review quotes it (claimReviewed)
    # in the same. schema.org's inLanguage takes a BCP-47 code on any CreativeWork.
    language = _language(article)
    if language:
        appearance["inLanguage"] = language
    item: dict[str, Any] = {"@type": "Claim"}
    if language:
        item["inLanguage"] = language
    author = _claim_author(article, claim)
    if author:
        item["author"] = author
    if article.published:
        item["datePublished"] = article.published.isoformat()
    item["appearance"] = appearance
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": _url(review_url),
        "claimReviewed": " ".join(claim.text.split()),
        "itemReviewed": item,
        "reviewRating": rating,
        "author": {"@type": "Organization", "name": _shown(org.name), "url": _url(org.url)},
        "datePublished": (published or _published_on(verdict, reviewed_only)).isoformat(),
    }
    if language:
        review["inLanguage"] = language
    if body := _shown(verdict.explanation):
        review["reviewBody"] = body
    return review


def claim_review(
    article: Article,
    claim: Claim,
    scale: RatingScale,
    organisation: Organisation,
    review_url: str | None,
    published: date | None = None,
    *,
    reviewed_only: bool = False,
) -> dict[str, Any]:
    """One verdict as a ClaimReview JSON-LD object (with its own @context).

    `review_url` is the page where the fact-check is published; `published` its date
    (default: the day the verdict was approved on a desk that publishes only approved
    verdicts, `reviewed_only`; else the day it was last changed). Raises
    ClaimReviewIncomplete.
    """
    gaps = _organisation_gaps(organisation, review_url)
    if claim.verdict is None:
        gaps.append(f"a verdict for claim {claim.number}")
    if gap := _article_gap(article):
        gaps.append(gap)
    if gaps:
        raise ClaimReviewIncomplete(gaps)
    assert review_url is not None
    body = _review(article, claim, scale, organisation, review_url, published, reviewed_only)
    return {"@context": CONTEXT, **body}


def claimreview_document(
    data: ReportData, review_url: str | None, published: date | None = None
) -> dict[str, Any]:
    """Every rated claim of the report as ClaimReview objects in one JSON-LD @graph."""
    gaps = missing_facts(data, review_url)
    if gaps:
        raise ClaimReviewIncomplete(gaps)
    assert review_url is not None
    graph = [
        _review(
            p.article, c, data.scale, data.organisation, review_url, published, data.reviewed_only
        )
        for p in data.articles
        for c in p.claims
        if c.verdict is not None
    ]
    return {"@context": CONTEXT, "@graph": graph}


def _printable(value: Any) -> Any:
    """Every string in the JSON-LD without control characters (published markup)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def render_claimreview(
    data: ReportData, review_url: str | None, published: date | None = None
) -> str:
    """The report's ClaimReview JSON-LD as text, safe inside a <script> element.

    <, > and & are written as JSON escapes, so a claim quoting "</script>" cannot end a
    <script type="application/ld+json"> element early; so are U+2028 and U+2029, which
    JSON allows but JavaScript before ES2019 reads as a line break inside a string (site
    templates often paste JSON-LD through a script). JSON readers see the same data.
    """
    text = json.dumps(
        _printable(claimreview_document(data, review_url, published)),
        ensure_ascii=False,
        indent=2,
    )
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text + "\n"
