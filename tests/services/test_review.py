"""Checkers and the review step on both engines: assign, request review, approve, queues."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import make_url, text

from claimdesk.domain import (
    ArticleMetadata,
    ClaimStatus,
    DeskSettings,
    HistoryField,
    Queue,
    ReviewState,
    SourceDraft,
    SpeakerKind,
)
from claimdesk.errors import KnownError, SaveConflict
from claimdesk.reports.export import FORMATS, ExportOptions
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.reporting import Reporting
from claimdesk.services.review import ReviewRefused
from claimdesk.services.workbench import Workbench
from tests import pg
from tests.pg import target_of
from tests.services.desk import add_article, mark, open_workbench


@pytest.fixture
def desk(
    desk_target: str | Path, nlp_provider: NlpProvider, tmp_path: Path
) -> Iterator[tuple[Workbench, Workbench, int, int]]:
    """Ana and Ben, each with their own engine, on one desk; two claims of one article.

    On a shared desk Ben has a login of his own, as every checker must: a verdict
    records the login that wrote it, and that login may not approve it.
    """
    ana = open_workbench(desk_target, nlp_provider)
    login = f"reviewer_{os.getpid()}" if isinstance(desk_target, str) else None
    if login is not None:
        _add_login(ana, login)
        ben = open_workbench(make_url(str(desk_target)).set(username=login)
                             .render_as_string(False), nlp_provider)  # fmt: skip
    else:
        ben = open_workbench(target_of(ana.db), nlp_provider)
    ana.checker, ben.checker = "Ana", "Ben"
    aid = add_article(ana, tmp_path)
    first = mark(ana, aid, "Unemployment fell to 3.9 percent")
    second = mark(ana, aid, "We built 300 bridges")
    yield ana, ben, first, second
    ben.db.dispose()
    if login is not None:
        _drop_login(ana, login)
    ana.db.dispose()


def _add_login(owner: Workbench, role: str) -> None:
    with owner.db.engine.connect() as con:
        con.execute(text(f"CREATE ROLE {role} LOGIN"))
        con.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}"))
        con.execute(text(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}"))
        con.commit()


def _drop_login(owner: Workbench, role: str) -> None:
    with owner.db.engine.connect() as con:
        con.execute(text(f"DROP OWNED BY {role}"))
        con.execute(text(f"DROP ROLE {role}"))
        con.commit()


def _rating(wb: Workbench, name: str) -> int:
    return next(r.id for r in wb.rating_scale().ratings if r.name == name)


def _steps(wb: Workbench, claim: int) -> list[tuple[str, HistoryField, str | None, str | None]]:
    return [
        (h.who, h.field, h.old, h.new)
        for h in wb.history(claim)
        if h.field in (HistoryField.REVIEW, HistoryField.ASSIGNEE)
    ]


def test_a_second_checker_approves_and_history_says_who(desk) -> None:  # type: ignore[no-untyped-def]
    ana, ben, claim, _ = desk
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    assert ana.claim(claim).verdict.review_state is ReviewState.DRAFT
    ana.request_review(claim)
    ben.approve(claim, expected_version=ben.claim(claim).version)
    verdict = ana.claim(claim).verdict
    assert verdict is not None
    assert (verdict.review_state, verdict.checker, verdict.reviewer) == (
        ReviewState.APPROVED, "Ana", "Ben")
    assert verdict.reviewed_at is not None
    assert _steps(ana, claim) == [
        ("Ana", HistoryField.REVIEW, "draft", "needs_review"),
        ("Ben", HistoryField.REVIEW, "needs_review", "approved"),
    ]
    assert ana.history(claim)[-1].summary == "Review: Needs review → Approved"


def test_the_checker_who_wrote_the_verdict_cannot_approve_it(desk) -> None:  # type: ignore[no-untyped-def]
    ana, _ben, claim, _ = desk
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    ana.request_review(claim)
    before = ana.claim(claim).version
    with pytest.raises(ReviewRefused) as refused:
        ana.approve(claim)
    assert isinstance(refused.value, KnownError)
    assert "A second checker must approve" in str(refused.value)
    assert str(refused.value).count(".") == 1  # one plain sentence
    after = ana.claim(claim)
    assert after.verdict.review_state is ReviewState.NEEDS_REVIEW
    assert after.version == before  # nothing written


@pytest.mark.parametrize(
    ("wrote", "approves"),
    [
        ("José Ruiz", "Jose\u0301 Ruiz"),
        ("Ana", "Ａｎａ"),
        ("Ana", "An\u200ba"),
        ("Ana", "ANA\u00a0"),
    ],
)
def test_the_same_name_written_in_other_code_points_is_the_same_checker(
    desk, wrote: str, approves: str  # type: ignore[no-untyped-def]
) -> None:
    """Decomposed accents, full-width letters, zero-width and no-break spaces look the
    same on screen: a writer who types her name so does not become her own reviewer."""
    ana, _ben, claim, _ = desk
    ana.checker = wrote
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    ana.request_review(claim)
    ana.checker = approves
    with pytest.raises(ReviewRefused, match="A second checker must approve"):
        ana.approve(claim)
    assert ana.queue(Queue.NEEDS_MY_REVIEW) == []
    ana.assign(claim, wrote)
    assert [c.id for c in ana.queue(Queue.MINE)] == [claim]


def test_on_a_shared_desk_a_colleagues_name_does_not_approve_your_own_verdict(desk) -> None:  # type: ignore[no-untyped-def]
    """The name is typed in the settings; the login is the server's word, and it is kept."""
    ana, ben, claim, _ = desk
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    ana.request_review(claim)
    ana.checker = "Ben"  # Ana signs as Ben (Settings → checker name)
    if ana.db.path is not None:
        ana.approve(claim)  # a desk file has one checker: its name is all there is
        assert ana.claim(claim).verdict.reviewer == "Ben"
        return
    before = ana.claim(claim).version
    with pytest.raises(ReviewRefused, match="A second checker must approve"):
        ana.approve(claim)
    assert ana.claim(claim).version == before
    ben.approve(claim)  # Ben's own login may
    assert ana.claim(claim).verdict.review_state is ReviewState.APPROVED


def test_a_changed_verdict_after_approval_needs_review_again(desk) -> None:  # type: ignore[no-untyped-def]
    ana, ben, claim, _ = desk
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    ana.request_review(claim)
    ben.approve(claim)
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2 (March figures).")
    verdict = ben.claim(claim).verdict
    assert verdict.review_state is ReviewState.NEEDS_REVIEW
    assert ("Ana", HistoryField.REVIEW, "approved", "needs_review") in _steps(ben, claim)
    # The same text saved again is no change and does not reopen an approval.
    ben.approve(claim)
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2 (March figures).")
    assert ana.claim(claim).verdict.review_state is ReviewState.APPROVED


def test_approving_a_verdict_changed_since_it_was_read_is_a_conflict(desk) -> None:  # type: ignore[no-untyped-def]
    ana, ben, claim, _ = desk
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    ana.request_review(claim)
    seen = ben.claim(claim).version
    ana.set_verdict(claim, _rating(ana, "Mostly false"), "Revised.")
    with pytest.raises(SaveConflict):
        ben.approve(claim, expected_version=seen)
    assert ana.claim(claim).verdict.review_state is ReviewState.NEEDS_REVIEW


def test_review_steps_need_a_verdict_waiting_for_review(desk) -> None:  # type: ignore[no-untyped-def]
    ana, ben, claim, _ = desk
    with pytest.raises(ReviewRefused, match="Rate the claim"):
        ana.request_review(claim)
    ana.set_verdict(claim, _rating(ana, "True"), "")
    with pytest.raises(ReviewRefused, match="not waiting for review"):
        ben.approve(claim)


def test_queues_mine_unassigned_and_needs_my_review(desk) -> None:  # type: ignore[no-untyped-def]
    ana, ben, first, second = desk
    ana.assign(first, "  Ben ")
    assert ana.claim(first).assignee == "Ben"
    version = ana.claim(first).version
    assert not ana.assign(first, "Ben")  # the same assignment again is no edit
    assert ana.claim(first).version == version
    assert [c.id for c in ben.queue(Queue.MINE)] == [first]
    assert ana.queue(Queue.MINE) == []
    assert [c.id for c in ana.queue(Queue.UNASSIGNED)] == [second]
    ana.set_verdict(second, _rating(ana, "True"), "Records show 300.")
    ana.request_review(second)
    assert [c.id for c in ben.queue(Queue.NEEDS_MY_REVIEW)] == [second]
    assert ana.queue(Queue.NEEDS_MY_REVIEW) == []  # her own verdict is not hers to review
    assert [c.number for c in ben.queue(Queue.NEEDS_MY_REVIEW)] == [ana.claim(second).number]
    ben.approve(second)
    assert ben.queue(Queue.NEEDS_MY_REVIEW) == []
    ana.assign(first, None)
    assert [c.id for c in ana.queue(Queue.UNASSIGNED)] == [first, second]
    assert _steps(ana, first) == [
        ("Ana", HistoryField.ASSIGNEE, None, "Ben"),
        ("Ana", HistoryField.ASSIGNEE, "Ben", None),
    ]


def test_source_notes_record_who_added_them(desk) -> None:  # type: ignore[no-untyped-def]
    ana, ben, claim, _ = desk
    ben.add_source(claim, SourceDraft(url="https://ons.example/lms"))
    assert [s.checker for s in ana.claim(claim).sources] == ["Ben"]


def test_approval_can_be_undone_by_its_reviewer(desk) -> None:  # type: ignore[no-untyped-def]
    ana, ben, claim, _ = desk
    ana.set_verdict(claim, _rating(ana, "False"), "x")
    ana.request_review(claim)
    ben.approve(claim)
    ben.undo()
    assert ana.claim(claim).verdict.review_state is ReviewState.NEEDS_REVIEW


def _claimreview(reporting: Reporting, article: int) -> list[str]:
    data = reporting.build([article])
    try:
        out = FORMATS["claimreview"].render(
            data, ExportOptions(review_url="https://desk.example/r", published=date(2026, 12, 2))
        )
    except KnownError:
        return []
    parsed = json.loads(str(out))
    items = parsed if isinstance(parsed, list) else parsed.get("@graph", [parsed])
    return [item["claimReviewed"] for item in items]


def test_claimreview_publishes_only_approved_verdicts_when_review_is_required(
    desk, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    ana, ben, first, second = desk
    ana.save_settings(DeskSettings(org_name="Desk", org_url="https://desk.example"))
    article = ana.claim(first).article_id
    ana.update_metadata(article, ArticleMetadata(title="A", url="https://news.example/a"))
    ana.set_verdict(first, _rating(ana, "False"), "The ONS says 4.2.")
    ana.set_verdict(second, _rating(ana, "True"), "Records show 300.")
    ana.request_review(first)
    ana.request_review(second)
    ben.approve(second)
    reporting = Reporting(ana.db)
    ana.set_review_required(True)
    assert ana.review_required()
    published = _claimreview(reporting, article)
    assert len(published) == 1 and "300 bridges" in published[0]
    report = reporting.build([article])
    assert [c.verdict is not None for c in report.claims] == [False, True]
    ana.set_review_required(False)
    assert len(_claimreview(reporting, article)) == 2


def test_who_is_signed_in_and_whether_review_is_required_by_default(
    desk_target: str | Path, nlp_provider: NlpProvider
) -> None:
    """The settings' checker name, else the sign-in (role or login name); review is
    required by default on a shared desk only."""
    wb = open_workbench(desk_target, nlp_provider)
    try:
        shared = wb.db.is_server
        assert wb.signed_in() == (pg.SUPERUSER if shared else getpass.getuser())
        wb.save_settings(DeskSettings(checker_name="Dana Reyes"))
        assert wb.signed_in() == "Dana Reyes"
        assert wb.review_required() is shared
        wb.set_review_required(not shared)
        assert wb.review_required() is not shared
    finally:
        wb.db.dispose()


def test_on_a_shared_desk_each_role_keeps_its_own_checker_name(
    desk_target: str | Path, nlp_provider: NlpProvider, tmp_path: Path
) -> None:
    """The settings are the whole desk's: one checker's name must not sign another's work."""
    if not isinstance(desk_target, str):
        pytest.skip("a file desk has one checker at a time")
    ana = open_workbench(desk_target, nlp_provider)
    url = make_url(desk_target)
    role = f"ben_{os.getpid()}"
    with ana.db.engine.connect() as con:
        con.execute(text(f"CREATE ROLE {role} LOGIN"))
        con.execute(text(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}"))
        con.execute(text(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}"))
        con.commit()
    ben = open_workbench(url.set(username=role).render_as_string(False), nlp_provider)
    try:
        ana.save_settings(DeskSettings(checker_name="Ana Díaz"))
        assert ben.signed_in() == role
        ben.save_settings(DeskSettings(checker_name="Ben Ode"))
        assert (ana.signed_in(), ben.signed_in()) == ("Ana Díaz", "Ben Ode")
        assert ana.settings().checker_name == "Ana Díaz"
        aid = add_article(ana, tmp_path)
        claim = mark(ana, aid, "Unemployment fell to 3.9 percent")
        ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
        ana.request_review(claim)
        ben.approve(claim)
        verdict = ana.claim(claim).verdict
        assert verdict is not None
        assert (verdict.checker, verdict.reviewer) == ("Ana Díaz", "Ben Ode")
    finally:
        ben.db.dispose()
        with ana.db.engine.connect() as con:
            con.execute(text(f"DROP OWNED BY {role}"))
            con.execute(text(f"DROP ROLE {role}"))
            con.commit()
        ana.db.dispose()


def test_a_claim_whose_words_change_after_approval_needs_review_again(desk) -> None:  # type: ignore[no-untyped-def]
    """The approval was given to a verdict on these words: trimmed or split, the claim
    ClaimReview would publish ("Unemployment fell") is not the one the reviewer read."""
    ana, ben, claim, second = desk
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    ana.request_review(claim)
    ben.approve(claim)
    start = ana.claim(claim).start
    ana.adjust_claim_span(claim, start, start + len("Unemployment fell"))
    assert ana.claim(claim).text == "Unemployment fell"
    assert ana.claim(claim).verdict.review_state is ReviewState.NEEDS_REVIEW
    assert ("Ana", HistoryField.REVIEW, "approved", "needs_review") in _steps(ana, claim)
    ana.undo()  # back to the words that were approved: the approval stands again
    assert ana.claim(claim).verdict.review_state is ReviewState.APPROVED
    ana.split_claim(claim, start + len("Unemployment fell"))
    assert ana.claim(claim).verdict.review_state is ReviewState.NEEDS_REVIEW
    ana.undo()
    ana.clear_verdict(claim)
    ana.set_verdict(second, _rating(ana, "True"), "Records show 300.")
    ana.request_review(second)
    ben.approve(second)
    merged, _ = ana.merge_claims(claim, second, allow_overlap=True)
    assert ana.claim(merged).verdict.review_state is ReviewState.NEEDS_REVIEW


def test_a_name_of_invisible_characters_assigns_to_nobody(desk) -> None:  # type: ignore[no-untyped-def]
    ana, _ben, claim, _ = desk
    ana.assign(claim, "Ben")
    ana.assign(claim, "\u200b\u2060")
    assert ana.claim(claim).assignee is None
    with pytest.raises(ReviewRefused, match="at most 200"):
        ana.assign(claim, "B" * 201)
    assert ana.claim(claim).assignee is None


def test_saving_the_same_verdict_again_does_not_make_the_reviewer_its_writer(desk) -> None:  # type: ignore[no-untyped-def]
    """The reviewer presses the verdict's rating key again (or re-saves the same words):
    nothing changed, so Ana is still its writer; otherwise Ben could no longer approve
    it and Ana could approve her own words."""
    ana, ben, claim, _ = desk
    ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    ana.request_review(claim)
    version = ana.claim(claim).version
    ben.set_verdict(claim, _rating(ben, "False"), "The ONS says 4.2. ")
    assert ana.claim(claim).verdict.checker == "Ana"
    assert ana.claim(claim).version == version
    with pytest.raises(ReviewRefused, match="A second checker must approve"):
        ana.approve(claim)
    ben.approve(claim)
    assert ana.claim(claim).verdict.review_state is ReviewState.APPROVED


def _approved(ana: Workbench, ben: Workbench, claim: int) -> None:
    if ana.claim(claim).verdict is None:
        ana.set_verdict(claim, _rating(ana, "False"), "The ONS says 4.2.")
    if ana.claim(claim).verdict.review_state is not ReviewState.NEEDS_REVIEW:
        ana.request_review(claim)
    ben.approve(claim)
    assert ana.claim(claim).verdict.review_state is ReviewState.APPROVED


def _withdrawn(wb: Workbench, claim: int) -> bool:
    """The approval went back to waiting for review, and the claim's history says so."""
    steps = _steps(wb, claim)
    return (
        wb.claim(claim).verdict.review_state is ReviewState.NEEDS_REVIEW
        and steps[-1][1:] == (HistoryField.REVIEW, "approved", "needs_review")
    )


def test_an_edit_of_what_is_published_with_an_approved_verdict_withdraws_the_approval(
    desk,  # type: ignore[no-untyped-def]
) -> None:
    """ClaimReview and the reports publish the claim's speaker and its kind, its sources
    (with their files) and the article's properties with the verdict: the reviewer
    approved them as they were. Changed, the verdict waits for review again."""
    ana, ben, claim, second = desk
    article = ana.claim(claim).article_id
    edits = [
        lambda: ana.add_source(claim, SourceDraft(url="https://ons.example/lms")),
        lambda: ana.update_source(
            ana.claim(claim).sources[0].id,
            SourceDraft(url="https://ons.example/lms", note="Table A01 says 4.2."),
        ),
        lambda: ana.attach_bytes(ana.claim(claim).sources[0].id, b"table", "a01.txt"),
        lambda: ana.remove_attachment(ana.claim(claim).sources[0].attachments[0].id),
        lambda: ana.delete_source(ana.claim(claim).sources[0].id),
        lambda: ana.set_speaker_kind(claim, SpeakerKind.ORGANISATION),
        lambda: ana.update_metadata(article, ArticleMetadata(title="Jobs", url="https://n.example/j")),
        lambda: ana.update_metadata(article, ArticleMetadata(title="Jobs", url="https://n.example/j"),
                                    language="fr"),
    ]
    for n, edit in enumerate(edits):
        _approved(ana, ben, claim)
        edit()
        assert _withdrawn(ana, claim), f"edit {n}"
    # Every approved verdict of the article published its properties.
    _approved(ana, ben, claim)
    _approved(ana, ben, second)
    ana.update_metadata(article, ArticleMetadata(title="Jobs", author="Kim",
                                                 url="https://n.example/j"))  # fmt: skip
    assert _withdrawn(ana, claim) and _withdrawn(ana, second)
    ana.undo()  # the properties the reviewer approved are back, and so is the approval
    assert ana.claim(second).verdict.review_state is ReviewState.APPROVED


def test_an_edit_that_publishes_nothing_new_keeps_the_approval(desk) -> None:  # type: ignore[no-untyped-def]
    ana, ben, claim, _ = desk
    _approved(ana, ben, claim)
    ana.set_status(claim, ClaimStatus.DONE)
    ana.assign(claim, "Ben")
    assert ana.claim(claim).verdict.review_state is ReviewState.APPROVED


def test_turning_the_review_rule_on_or_off_is_recorded_with_who_and_when(desk) -> None:  # type: ignore[no-untyped-def]
    """The rule decides what the desk publishes: a colleague who turns it off must show."""
    ana, ben, _claim, _ = desk
    assert ana.review_rule_changes() == []
    shared = ana.review_required()
    ana.set_review_required(not shared)
    ben.set_review_required(not shared)  # the rule as it already is: nothing to record
    ben.set_review_required(shared)
    changes = ana.review_rule_changes()
    assert [(c.required, c.who) for c in changes] == [(not shared, "Ana"), (shared, "Ben")]
    assert all(c.at is not None for c in changes)
    on_or_off = "on" if shared else "off"
    assert changes[-1].summary.startswith(f"Review required turned {on_or_off} by Ben, ")
