"""Workbench use cases on a real SQLite file: every edit is stored at once and reported."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from claimdesk.domain import ClaimOrigin, ClaimStatus, SourceDraft, Stance
from claimdesk.errors import ImportRefused, KnownError, StaleReference
from claimdesk.services.span_edit import ClaimOverlap
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database
from tests.pg import target_of


@pytest.fixture
def workbench(desk_target: str | Path, nlp_provider) -> Workbench:
    """On SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    wb = Workbench(open_database(desk_target), nlp_provider)
    yield wb
    wb.db.dispose()


def reopen(wb: Workbench) -> Workbench:
    """A second Workbench on the same file, as after restarting the app."""
    return Workbench(open_database(target_of(wb.db)), wb.nlp)


def test_open_extract_and_reopen_same_file(workbench: Workbench, seed_path: Path) -> None:
    result = workbench.open_file(seed_path)
    assert result.created and result.changes.library
    assert workbench.needs_extraction(result.article_id)
    changes = workbench.extract(result.article_id)
    assert result.article_id in changes.claim_sets
    assert not workbench.needs_extraction(result.article_id)
    article = workbench.article(result.article_id)
    claims = workbench.claims(result.article_id)
    assert article.file_name == seed_path.name and article.format == "txt"
    assert len(claims) >= 12
    assert [c.number for c in claims] == list(range(1, len(claims) + 1))
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.text
    again = workbench.open_file(seed_path)
    assert again.article_id == result.article_id and not again.created
    assert len(workbench.articles()) == 1


def test_verdict_status_and_sources_survive_a_restart(workbench: Workbench, seed_path) -> None:
    article_id = workbench.open_file(seed_path).article_id
    workbench.extract(article_id)
    claim = workbench.claims(article_id)[2]
    false_rating = next(r for r in workbench.rating_scale().ratings if r.name == "False")
    workbench.save_settings(replace(workbench.settings(), checker_name="  Dana Reyes "))
    changes = workbench.set_verdict(claim.id, false_rating.id, "  No such figure was published. ")
    assert changes.claims == {claim.id} and changes.library
    source_id, _ = workbench.add_source(
        claim.id,
        SourceDraft(
            url="https://example.org/report",
            title="Annual report",
            publisher="Agency",
            accessed=date(2026, 11, 1),
            quote="“25 of 33”",
            note="Table 2",
            stance=Stance.CONTRADICTS,
        ),
    )
    workbench.add_source(claim.id, SourceDraft(url="", note="Phoned the ministry."))
    workbench.update_source(
        source_id,
        SourceDraft(
            url="https://example.org/report#t2", title="Annual report", stance=Stance.CONTEXT
        ),
    )
    workbench.set_status(claim.id, ClaimStatus.DONE)

    other = reopen(workbench)
    try:
        stored = other.claim(claim.id)
        assert stored.status is ClaimStatus.DONE
        assert stored.verdict is not None
        assert stored.verdict.rating.name == "False"
        assert stored.verdict.explanation == "No such figure was published."
        assert stored.verdict.checker == "Dana Reyes"
        assert [(s.url, s.stance) for s in stored.sources] == [
            ("https://example.org/report#t2", Stance.CONTEXT),
            ("", Stance.CONTEXT),
        ]
        assert stored.source_count == 2
        summary = other.articles()[0]
        assert summary.checked_count == 1
    finally:
        other.db.dispose()


def test_rating_a_claim_moves_it_to_in_progress_and_clear_removes(workbench, seed_path):
    article_id = workbench.open_file(seed_path).article_id
    workbench.extract(article_id)
    claim = workbench.claims(article_id)[0]
    rating = workbench.rating_scale().ratings[0]
    workbench.set_verdict(claim.id, rating.id, "")
    assert workbench.claim(claim.id).status is ClaimStatus.IN_PROGRESS
    workbench.clear_verdict(claim.id)
    assert workbench.claim(claim.id).verdict is None


def test_manual_claims_are_trimmed_kept_on_reextraction_and_deletable(workbench, seed_path):
    article_id = workbench.open_file(seed_path).article_id
    workbench.extract(article_id)
    text = workbench.article(article_id).text
    start = text.index("25 of 33 explosive drones")
    # Inside an untouched extracted sentence: allowed (it is only the machine's proposal).
    claim_id, changes = workbench.add_claim(article_id, start - 1, start + 25)
    assert article_id in changes.claim_sets
    manual = workbench.claim(claim_id)
    assert manual.origin is ClaimOrigin.MANUAL
    assert manual.text == "25 of 33 explosive drones"
    workbench.extract(article_id)
    assert workbench.claim(claim_id).text == "25 of 33 explosive drones"
    # Overlapping the checker's own claim needs the checker's yes.
    with pytest.raises(ClaimOverlap) as refused:
        workbench.add_claim(article_id, start + 3, start + 40)
    assert refused.value.claim_ids == (claim_id,)
    overlapping, _ = workbench.add_claim(article_id, start + 3, start + 40, allow_overlap=True)
    assert workbench.claim(overlapping).start == start + 3
    with pytest.raises(KnownError, match="Select some words"):
        workbench.add_claim(article_id, 5, 5)
    workbench.delete_claim(claim_id)
    with pytest.raises(StaleReference):
        workbench.claim(claim_id)


def test_reextraction_keeps_checked_work(workbench, seed_path):
    article_id = workbench.open_file(seed_path).article_id
    workbench.extract(article_id)
    before = workbench.claims(article_id)
    rated = before[1]
    workbench.set_verdict(rated.id, workbench.rating_scale().ratings[2].id, "Half of it.")
    workbench.extract(article_id)
    after = workbench.claims(article_id)
    assert len(after) == len(before)
    kept = next(c for c in after if (c.start, c.end) == (rated.start, rated.end))
    assert kept.id == rated.id and kept.verdict is not None


def test_reextraction_keeps_an_assignment_and_a_corrected_speaker_kind(workbench, tmp_path):
    """Neither makes a claim "worked on", but both are the checker's decisions: a
    re-extraction used to replace the claim with a fresh candidate, dropping them."""
    from claimdesk.domain import SpeakerKind
    from tests.services.desk import ARTICLE, add_article

    article_id = add_article(workbench, tmp_path, ARTICLE)
    workbench.extract(article_id)
    before = workbench.claims(article_id)
    assigned = before[2]
    spoken = next(c for c in before if c.speaker_kind is SpeakerKind.ORGANISATION)
    workbench.assign(assigned.id, "Ana")
    workbench.set_speaker_kind(spoken.id, SpeakerKind.PERSON)
    workbench.extract(article_id)
    after = {(c.start, c.end): c for c in workbench.claims(article_id)}
    assert len(after) == len(before)
    kept = after[(assigned.start, assigned.end)]
    assert (kept.id, kept.assignee) == (assigned.id, "Ana")
    corrected = after[(spoken.start, spoken.end)]
    assert (corrected.id, corrected.speaker_kind) == (spoken.id, SpeakerKind.PERSON)
    # An untouched claim is still replaced by the new extraction.
    untouched = before[0]
    assert after[(untouched.start, untouched.end)].speaker_kind is untouched.speaker_kind


def test_source_needs_some_content(workbench, seed_path):
    article_id = workbench.open_file(seed_path).article_id
    workbench.extract(article_id)
    claim = workbench.claims(article_id)[0]
    with pytest.raises(KnownError, match="at least"):
        workbench.add_source(claim.id, SourceDraft(url="  "))
    assert workbench.claim(claim.id).source_count == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.txt", b""), ("blank.md", b"   \n\n  "), ("binary.txt", bytes(range(256)) * 64)],
)
def test_bad_files_are_refused_and_store_nothing(workbench, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as info:
        workbench.open_file(path)
    assert name in str(info.value)
    assert workbench.articles() == []


def test_missing_file_is_refused(workbench, tmp_path):
    with pytest.raises(ImportRefused, match=r"missing\.txt"):
        workbench.open_file(tmp_path / "missing.txt")


def test_oversized_file_is_refused(tmp_path, nlp_provider):
    wb = Workbench(open_database(tmp_path / "small.sqlite3"), nlp_provider, max_bytes=1000)
    try:
        big = tmp_path / "big.txt"
        big.write_text("A sentence that repeats. " * 100, encoding="utf-8")
        with pytest.raises(ImportRefused):
            wb.open_file(big)
        assert wb.articles() == []
    finally:
        wb.db.dispose()


def test_stale_ids_raise_a_known_error(workbench):
    with pytest.raises(StaleReference):
        workbench.set_status(12345, ClaimStatus.DONE)
    with pytest.raises(StaleReference):
        workbench.delete_source(999)
