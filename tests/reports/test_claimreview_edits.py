"""ClaimReview after the desk is edited through the Workbench: metadata, scale, verdicts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from claimdesk.domain import ArticleMetadata
from claimdesk.reports.claimreview import (
    ClaimReviewIncomplete,
    claimreview_document,
    missing_facts,
    render_claimreview,
)
from claimdesk.services.reporting import Reporting
from tests.reports.casework import Case, build_case
from tests.reports.test_claimreview import REVIEW_URL, google_problems, vocabulary


@pytest.fixture
def case(tmp_path: Path) -> Iterator[Case]:
    built = build_case(tmp_path)
    wb = built.workbench
    wb.save_settings(replace(wb.settings(), org_name="Lab", org_url="https://factcheck.example/"))
    yield built
    built.close()


def blank_strings(node: Any, where: str = "$") -> list[str]:
    """Where the JSON-LD holds a string with nothing to read in it."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in blank_strings(v, f"{where}.{k}")]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in blank_strings(v, f"{where}[{i}]")]
    return [where] if isinstance(node, str) and not node.strip() else []


def reviews(case: Case) -> list[dict[str, Any]]:
    document = claimreview_document(Reporting(case.workbench.db).build(), REVIEW_URL)
    assert vocabulary().check(document) == [] and blank_strings(document) == []
    for review in document["@graph"]:
        assert google_problems(review) == [], review
    graph: list[dict[str, Any]] = document["@graph"]
    return graph


def test_a_publisher_typed_as_spaces_is_not_published_as_a_blank_name(case: Case) -> None:
    wb = case.workbench
    wb.update_metadata(case.article_two, ArticleMetadata(
        title="  Bridge  ", author="  ", publisher="   ", url="https://news.example/bridge"))
    bridge = reviews(case)[-1]["itemReviewed"]
    assert "publisher" not in bridge["appearance"] and "author" not in bridge
    assert bridge["appearance"]["headline"] == "Bridge"
    wb.update_metadata(case.article_two, ArticleMetadata(
        title="Bridge", publisher=" City Post ", url="https://news.example/bridge"))
    appearance = reviews(case)[-1]["itemReviewed"]["appearance"]
    assert appearance["publisher"] == {"@type": "Organization", "name": "City Post"}
    assert json.loads(render_claimreview(Reporting(wb.db).build(), REVIEW_URL))


def test_line_and_paragraph_separators_are_escaped_in_the_markup(case: Case) -> None:
    """U+2028 and U+2029 are valid in JSON but end a string literal in JavaScript before
    ES2019: pasted raw into a page's script (as many site templates insert JSON-LD), an
    explanation holding one broke the page. They are written as \\u2028 and \\u2029."""
    wb = case.workbench
    rating = wb.claim(case.true_claim).verdict
    assert rating is not None
    explanation = "Opened in 1998.\u2028See the council minutes.\u2029 </script><!--"
    wb.set_verdict(case.true_claim, rating.rating.id, explanation)
    text = render_claimreview(Reporting(wb.db).build(), REVIEW_URL)
    assert "\u2028" not in text and "\u2029" not in text
    assert "\\u2028" in text and "</script" not in text.lower() and "<!--" not in text
    stored = wb.claim(case.true_claim).verdict
    assert stored is not None
    assert json.loads(text)["@graph"][-1]["reviewBody"] == stored.explanation.strip()
    assert reviews(case)


def test_a_desk_awaiting_approvals_says_so_instead_of_asking_for_verdicts(case: Case) -> None:
    """Review is required (a shared desk's default) and nothing is approved yet: the
    export asked for "at least one claim with a verdict" over three rated claims."""
    wb = case.workbench
    wb.set_review_required(True)
    data = Reporting(wb.db).build()
    with pytest.raises(ClaimReviewIncomplete) as caught:
        render_claimreview(data, REVIEW_URL)
    assert caught.value.missing == (
        "at least one approved verdict (this desk publishes only verdicts a reviewer "
        "approved)",
    )
    wb.set_review_required(False)
    assert len(reviews(case)) == 3


def test_text_that_shows_nothing_is_missing_not_published(case: Case) -> None:
    """Zero-width characters pass str.strip(): an organisation named "\\u200b" was
    published as the review's author (an invisible name), and an explanation or a
    publisher of zero-width characters as a reviewBody or publisher with nothing to read."""
    wb = case.workbench
    invisible = "\u200b\u2060\ufeff"
    wb.save_settings(replace(wb.settings(), org_name=invisible))
    with pytest.raises(ClaimReviewIncomplete, match="organisation's name"):
        render_claimreview(Reporting(wb.db).build(), REVIEW_URL)
    wb.save_settings(replace(wb.settings(), org_name="Lab"))
    verdict = wb.claim(case.true_claim).verdict
    assert verdict is not None
    wb.set_verdict(case.true_claim, verdict.rating.id, "\u200b\u200d")
    wb.update_metadata(case.article_two, ArticleMetadata(
        title="Bridge", publisher="\u2060", author="\u200b", url="https://news.example/bridge"))
    bridge = reviews(case)[-1]
    assert "reviewBody" not in bridge
    assert "publisher" not in bridge["itemReviewed"]["appearance"]
    assert "author" not in bridge["itemReviewed"]


def test_many_articles_without_an_address_are_one_missing_fact(case: Case) -> None:
    """Each rated article without a web address was its own sentence: with 40 of them the
    export dialog's warning filled the window and squeezed the preview to four lines."""
    report = Reporting(case.workbench.db).build()
    part = report.articles[0]
    many = replace(report, articles=tuple(
        replace(part, article=replace(part.article, url=None, title=f"Budget story {i}"))
        for i in range(40)
    ))
    gaps = missing_facts(many, REVIEW_URL)
    assert gaps == [
        "the web addresses of 40 articles where their claims appeared (Article → "
        "Properties), among them “Budget story 0”, “Budget story 1” and “Budget story 2”"
    ]
    three = replace(many, articles=many.articles[:3])
    assert len(missing_facts(three, REVIEW_URL)) == 3  # a few are still named one by one


def test_on_a_desk_that_requires_review_a_review_is_published_on_its_approval_day(
    case: Case,
) -> None:
    """An approved verdict is published when it is approved, not when it was written;
    a desk that publishes every verdict keeps the day the verdict last changed."""
    wb = case.workbench
    claim = case.plain_claim
    wb.request_review(claim)
    wb.checker = "Second Checker"
    wb.approve(claim)
    # Written on the 20th, approved on the 25th (the desk's own rows, as stored).
    with wb.db.sessions.begin() as session:
        session.execute(
            text("UPDATE verdicts SET updated_at = '2026-11-20 09:00:00', "
                 "reviewed_at = '2026-11-25 16:30:00' WHERE claim_id = :c"),
            {"c": claim},
        )  # fmt: skip
    text_of_claim = wb.claim(claim).text

    def published_on() -> str:
        review = next(r for r in reviews(case) if r["claimReviewed"] == text_of_claim)
        return str(review["datePublished"])

    wb.set_review_required(True)
    assert published_on() == "2026-11-25"
    wb.set_review_required(False)
    assert published_on() == "2026-11-20"
