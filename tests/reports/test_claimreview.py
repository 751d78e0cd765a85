"""ClaimReview JSON-LD checked against the schema.org vocabulary and Google's required fields."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from claimdesk.domain import ClaimType, SpeakerKind
from claimdesk.reports.claimreview import (
    ClaimReviewIncomplete,
    claim_review,
    claimreview_document,
    missing_facts,
    render_claimreview,
)
from claimdesk.reports.model import Organisation, ReportData
from tests.reports.casework import ARABIC, HEBREW, NASTY_CLAIM, SCRIPT

REPO = Path(__file__).resolve().parents[2]
VOCABULARY = REPO.parent / "shared" / "data" / "schemaorg" / "schemaorg-current-https.jsonld"
REVIEW_URL = "https://factcheck.example/checks/budget-2026"


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [i["@id"] for i in items]


class Vocabulary:
    """schema.org classes, their super-classes and each property's domain and range."""

    def __init__(self, path: Path) -> None:
        graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
        self.parents: dict[str, list[str]] = {}
        self.domains: dict[str, list[str]] = {}
        self.ranges: dict[str, list[str]] = {}
        self.superseded: set[str] = set()
        for node in graph:
            kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if "rdfs:Class" in kinds or "schema:DataType" in kinds:
                self.parents[node["@id"]] = _ids(node.get("rdfs:subClassOf"))
            if "rdf:Property" in kinds:
                self.domains[node["@id"]] = _ids(node.get("schema:domainIncludes"))
                self.ranges[node["@id"]] = _ids(node.get("schema:rangeIncludes"))
            if "schema:supersededBy" in node:
                self.superseded.add(node["@id"])

    def ancestry(self, cls: str) -> set[str]:
        seen, todo = set(), [cls]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += self.parents.get(current, [])
        return seen

    def check(self, node: Any, where: str = "$") -> list[str]:
        """Every problem found in a JSON-LD node and the nodes inside it."""
        if isinstance(node, list):
            return [p for i, item in enumerate(node) for p in self.check(item, f"{where}[{i}]")]
        if not isinstance(node, dict):
            return []
        problems: list[str] = []
        if "@graph" in node:
            return self.check(node["@graph"], f"{where}.@graph")
        cls = f"schema:{node.get('@type')}"
        if cls not in self.parents:
            return [f"{where}: unknown type {cls}"]
        if cls in self.superseded:
            problems.append(f"{where}: superseded type {cls}")
        types = self.ancestry(cls)
        for key, value in node.items():
            if key.startswith("@"):
                continue
            prop = f"schema:{key}"
            if prop not in self.domains:
                problems.append(f"{where}: unknown property {prop}")
                continue
            if prop in self.superseded:
                problems.append(f"{where}: superseded property {prop}")
            if not types & set(self.domains[prop]):
                problems.append(f"{where}: {prop} is not allowed on {cls}")
            nested = value.get("@type") if isinstance(value, dict) else None
            if nested and not self.ancestry(f"schema:{nested}") & set(self.ranges[prop]):
                problems.append(f"{where}.{key}: {nested} is not in its range")
            problems += self.check(value, f"{where}.{key}")
        return problems


@cache
def vocabulary() -> Vocabulary:
    if not VOCABULARY.exists():
        pytest.skip(f"schema.org vocabulary not found at {VOCABULARY} (shared data missing)")
    return Vocabulary(VOCABULARY)


def google_problems(review: dict[str, Any]) -> list[str]:
    """Google's fact-check markup: required and (for us) always-set recommended fields."""
    problems = []
    if review.get("@type") != "ClaimReview":
        problems.append("@type")
    if not isinstance(review.get("claimReviewed"), str) or not review["claimReviewed"].strip():
        problems.append("claimReviewed")
    if not str(review.get("url", "")).startswith(("https://", "http://")):
        problems.append("url")
    rating = review.get("reviewRating") or {}
    if rating.get("@type") != "Rating" or not rating.get("alternateName"):
        problems.append("reviewRating.alternateName")
    if "ratingValue" in rating and not (
        rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    ):
        problems.append("reviewRating range")
    author = review.get("author") or {}
    if author.get("@type") not in ("Organization", "Person") or not author.get("name"):
        problems.append("author")
    try:
        date.fromisoformat(review.get("datePublished", ""))
    except ValueError:
        problems.append("datePublished")
    item = review.get("itemReviewed") or {}
    if item.get("@type") != "Claim" or not (item.get("appearance") or {}).get("url"):
        problems.append("itemReviewed.appearance")
    return problems


def test_document_uses_only_schema_org_terms_where_allowed(report: ReportData) -> None:
    document = claimreview_document(report, REVIEW_URL)
    assert document["@context"] == "https://schema.org"
    assert len(document["@graph"]) == 3  # one per verdict
    assert vocabulary().check(document) == []


def test_the_checker_itself_catches_misuse() -> None:
    bad = {"@type": "ClaimReview", "claimReviewed": "x", "ratingValue": 3,
           "itemReviewed": {"@type": "Claim", "appearance": {"@type": "Rating"}},
           "reviewRating": {"@type": "Verdict"}}
    problems = vocabulary().check(bad)
    assert any("ratingValue is not allowed" in p for p in problems)
    assert any("Rating is not in its range" in p for p in problems)
    assert any("unknown type schema:Verdict" in p for p in problems)


def test_every_review_has_what_google_requires(report: ReportData) -> None:
    for review in claimreview_document(report, REVIEW_URL)["@graph"]:
        assert google_problems(review) == [], review
    first = claimreview_document(report, REVIEW_URL)["@graph"][0]
    assert first["claimReviewed"] == NASTY_CLAIM
    assert first["author"] == {"@type": "Organization", "name": "Fact & Check <Lab>",
                               "url": "https://factcheck.example/"}
    assert first["reviewRating"] == {"@type": "Rating", "alternateName": "False",
                                     "ratingValue": 1, "bestRating": 5, "worstRating": 1}
    item = first["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Jane O'Neil"}
    assert item["datePublished"] == "2026-03-02"
    assert item["appearance"]["url"] == "https://news.example/budget?id=7&lang=en"


def test_rating_off_the_numeric_scale_publishes_no_number(report: ReportData) -> None:
    reviews = claimreview_document(report, REVIEW_URL)["@graph"]
    unverifiable = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Unverifiable")
    assert unverifiable["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_text_output_is_safe_inside_a_script_element(report: ReportData) -> None:
    text = render_claimreview(report, REVIEW_URL)
    assert "</script" not in text.lower() and "<" not in text and "&" not in text
    parsed = json.loads(text)
    assert parsed == claimreview_document(report, REVIEW_URL)
    assert SCRIPT in parsed["@graph"][0]["claimReviewed"]
    assert ARABIC in text and HEBREW in text


def test_single_verdict_has_its_own_context(report: ReportData) -> None:
    part = report.articles[0]
    review = claim_review(part.article, part.claims[0], report.scale, report.organisation,
                          REVIEW_URL, published=date(2026, 3, 10))
    assert review["@context"] == "https://schema.org"
    assert review["datePublished"] == "2026-03-10"
    assert vocabulary().check(review) == [] and google_problems(review) == []
    with pytest.raises(ClaimReviewIncomplete, match="a verdict for claim 9"):
        claim_review(part.article, replace(part.claims[0], verdict=None, number=9), report.scale,
                     report.organisation, REVIEW_URL)


def test_missing_facts_are_listed_not_invented(report: ReportData) -> None:
    nothing = replace(report, organisation=Organisation())
    with pytest.raises(ClaimReviewIncomplete) as caught:
        render_claimreview(nothing, None)
    missing = caught.value.missing
    assert any("organisation's name" in m for m in missing)
    assert any("organisation's web address" in m for m in missing)
    assert any("where this fact-check is published" in m for m in missing)
    assert "Settings" in str(caught.value)
    first = report.articles[0]
    no_url = replace(report, articles=(replace(first, article=replace(first.article, url=None)),))
    # Where to set it is said, as for the organisation's facts (it was only said for
    # several articles at once).
    assert missing_facts(no_url, REVIEW_URL) == [
        f"the web address of the article “{first.article.title}” where its claims appeared "
        "(Article → Properties)"
    ]
    bad_org = replace(report, organisation=Organisation("Lab", "factcheck.example"))
    assert missing_facts(bad_org, "ftp://x") == [
        "an organisation web address starting with http:// or https://",
        "the web address (http:// or https://) where this fact-check is published",
    ]
    unrated = replace(report, articles=(replace(first, claims=(
        replace(first.claims[0], verdict=None),)),))
    assert missing_facts(unrated, REVIEW_URL) == ["at least one claim with a verdict"]


@pytest.mark.parametrize(
    ("speaker", "kind", "author"),
    [
        ("Home Office", SpeakerKind.ORGANISATION, {"@type": "Organization", "name": "Home Office"}),
        ("Ukraine", SpeakerKind.PLACE, {"@type": "Organization", "name": "Ukraine",
                                        "location": {"@type": "Place", "name": "Ukraine"}}),
        ("Tessa Jowell", SpeakerKind.PERSON, {"@type": "Person", "name": "Tessa Jowell"}),
        # Stored before kinds existed: published as before.
        ("Michael Howard", None, {"@type": "Person", "name": "Michael Howard"}),
    ],
)
def test_the_claim_author_has_the_speaker_kind(
    report: ReportData, speaker: str, kind: SpeakerKind | None, author: dict[str, Any]
) -> None:
    part = report.articles[0]
    claim = replace(part.claims[0], speaker=speaker, speaker_kind=kind)
    review = claim_review(part.article, claim, report.scale, report.organisation, REVIEW_URL)
    assert review["itemReviewed"]["author"] == author
    assert vocabulary().check(review) == [] and google_problems(review) == []


def test_words_relayed_from_someone_unnamed_are_not_credited_to_the_journalist(
    report: ReportData,
) -> None:
    # "Police said 14 people were hurt": extraction types it a quote and finds no one
    # the reader could check. The journalist relayed it; publishing them as the claim's
    # author would put the police's words in their mouth. Narration (no quote type)
    # stays the article author's, and a speaker typed by hand wins over both.
    part = report.articles[0]
    relayed = replace(part.claims[0], speaker=None, speaker_kind=None,
                      types=(ClaimType.QUANTITY, ClaimType.QUOTE))
    review = claim_review(part.article, relayed, report.scale, report.organisation, REVIEW_URL)
    assert "author" not in review["itemReviewed"]
    assert vocabulary().check(review) == [] and google_problems(review) == []
    narration = replace(relayed, types=(ClaimType.QUANTITY,))
    review = claim_review(part.article, narration, report.scale, report.organisation, REVIEW_URL)
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane O'Neil"}
    named = replace(relayed, speaker="Harlow Police", speaker_kind=SpeakerKind.ORGANISATION)
    review = claim_review(part.article, named, report.scale, report.organisation, REVIEW_URL)
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Harlow Police"}


@pytest.mark.parametrize(("language", "published"), [("de", "de"), ("pt-BR", "pt-BR"),
                                                     ("und", None), (None, None)])
def test_the_review_and_the_claim_carry_the_article_language_when_known(
    report: ReportData, language: str | None, published: str | None
) -> None:
    part = report.articles[0]
    article = replace(part.article, language=language)
    review = claim_review(article, part.claims[0], report.scale, report.organisation,
                          REVIEW_URL)
    item = review["itemReviewed"]
    assert (review.get("inLanguage"), item.get("inLanguage"),
            item["appearance"].get("inLanguage")) == (published, published, published)
    assert vocabulary().check(review) == [] and google_problems(review) == []


@pytest.mark.parametrize(
    "bad",
    ["https://fact check.example/r/1", "https://factcheck.example:80a/r/1",
     "https://@/r/1", "https://a|b.example/", "https://:443/r/1",
     # A staging address with a login in it: published, it would hand the login out.
     "https://editor:s3cret@staging.factcheck.example/r/1"],
)
def test_an_address_no_browser_can_open_is_not_published(report: ReportData, bad: str) -> None:
    """A host with a space or a bar, or a port that is not a number, passes the scheme
    check but makes a URL no reader (or search engine) can follow: it is a missing fact."""
    assert missing_facts(report, bad) == [
        "the web address (http:// or https://) where this fact-check is published"
    ]
    org = replace(report.organisation, url=bad)
    assert "an organisation web address starting with http:// or https://" in missing_facts(
        replace(report, organisation=org), REVIEW_URL
    )


def test_an_international_domain_is_a_web_address(report: ReportData) -> None:
    assert missing_facts(report, "https://bücher.example/prüfung/1") == []
    assert missing_facts(report, "https://[2001:db8::1]:8443/r/1") == []
