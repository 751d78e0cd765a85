"""Bundles never alter local work behind the checker's back (issue 10): conflicts, history,
timestamps that decide nothing, checked identities and text, refusals that change no byte."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimdesk.domain import ClaimStatus, HistoryField, SourceDraft
from claimdesk.domain.clock import utc_now
from claimdesk.exchange import store
from claimdesk.exchange.bundle_file import BundleRefused
from claimdesk.services.bundles import (
    Choice,
    apply_plan,
    export_bundle,
    import_bundle,
    preview_bundle,
)
from claimdesk.services.workbench import Workbench
from tests.exchange.bundles import bundle_with, good_data
from tests.reports.casework import (
    ARTICLE_ONE,
    PLAIN_CLAIM,
    Case,
)

FUTURE = "9999-12-31T23:59:59"
PAST = "1970-01-02T00:00:00"
BUNDLE_WHO = 'Dana "D" Reyes (bundle)'


def fingerprint(db_path: Path) -> str:
    """The database's bytes: the file and its write-ahead log, as they are on disk."""
    digest = hashlib.sha256()
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()


def edited(source: Path, target: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of the bundle `source` whose data.json went through `edit` (checksums redone)."""
    data = json.loads(good_data(source))
    edit(data)
    return bundle_with(target, json.dumps(data).encode("utf-8"))


def bundle_claim(data: dict[str, Any], text: str) -> dict[str, Any]:
    return next(c for a in data["articles"] for c in a["claims"] if c["text"] == text)


def local_claim(wb: Workbench, text: str) -> int:
    return next(c.id for a in wb.articles() for c in wb.claims(a.id) if c.text == text)


def rating(wb: Workbench, name: str) -> int:
    return next(r.id for r in wb.rating_scale().ratings if r.name == name)


def shared_desk(case: Case, other: Workbench, tmp_path: Path) -> tuple[Path, int]:
    """`other` got the case by bundle, then its checker rated the plain claim differently."""
    first = tmp_path / "first.claimdesk"
    export_bundle(case.workbench.db, first)
    import_bundle(other.db, first)
    plain = local_claim(other, PLAIN_CLAIM)
    other.set_verdict(plain, rating(other, "Mostly false"), "My own reading of the March data.")
    return first, plain


def forge_plain(data: dict[str, Any], when: str) -> None:
    claim = bundle_claim(data, PLAIN_CLAIM)
    claim["status"] = "done"
    claim["created_at"] = claim["updated_at"] = when
    claim["verdict"].update(
        rating="True", explanation="Forged verdict.", created_at=when, updated_at=when
    )


# ----------------------------------------------------------------------------- conflicts


def test_far_future_bundle_never_overwrites_a_local_verdict(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    first, plain = shared_desk(case, other, tmp_path)
    history = other.history(plain)
    forged = edited(first, tmp_path / "future.claimdesk", lambda d: forge_plain(d, FUTURE))
    result = import_bundle(other.db, forged)
    kept = other.claim(plain)
    assert kept.verdict is not None and kept.verdict.rating.name == "Mostly false"
    assert kept.verdict.explanation == "My own reading of the March data."
    assert kept.status is not ClaimStatus.DONE
    assert other.history(plain) == history  # nothing changed, nothing recorded
    (conflict,) = result.conflicts
    assert (conflict.claim_id, conflict.claim_text) == (plain, PLAIN_CLAIM)
    assert (conflict.local.rating, conflict.bundle.rating) == ("Mostly false", "True")
    assert conflict.bundle.explanation == "Forged verdict."
    assert result.kept == result.conflicts and result.taken == ()
    assert "1 conflict kept local" in result.summary()


def test_taking_the_bundle_is_recorded_in_history_and_old_dates_decide_nothing(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    first, plain = shared_desk(case, other, tmp_path)
    forged = edited(first, tmp_path / "past.claimdesk", lambda d: forge_plain(d, PAST))
    before = utc_now()
    result = import_bundle(other.db, forged, take_bundle=True)
    assert [c.claim_id for c in result.taken] == [plain] and result.kept == ()
    taken = other.claim(plain)
    assert taken.verdict is not None and taken.verdict.rating.name == "True"
    assert taken.verdict.explanation == "Forged verdict." and taken.status is ClaimStatus.DONE
    assert taken.verdict.updated_at >= before  # the change happened here and now
    new = [h for h in other.history(plain) if h.who == BUNDLE_WHO]
    assert {(h.field, h.old, h.new) for h in new} == {
        (HistoryField.VERDICT, "Mostly false", "True"),
        (HistoryField.EXPLANATION, "My own reading of the March data.", "Forged verdict."),
        (HistoryField.STATUS, "in_progress", "done"),
    }


def test_preview_lists_conflicts_and_apply_follows_each_choice(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    first, plain = shared_desk(case, other, tmp_path)
    true_claim = local_claim(other, "The bridge opened in 1998.")
    other.set_status(true_claim, ClaimStatus.DONE)

    def forge_two(data: dict[str, Any]) -> None:
        forge_plain(data, FUTURE)
        bundle_claim(data, "The bridge opened in 1998.")["verdict"]["explanation"] = "Reopened."

    forged = edited(first, tmp_path / "two.claimdesk", forge_two)
    before = fingerprint(other.db.path)
    plan = preview_bundle(other.db, forged)
    assert fingerprint(other.db.path) == before  # a preview writes nothing
    assert sorted(c.claim_id for c in plan.conflicts) == sorted([plain, true_claim])
    choices = {plain: Choice.KEEP_LOCAL, true_claim: Choice.TAKE_BUNDLE}
    result = apply_plan(other.db, plan, choices)
    assert [c.claim_id for c in result.kept] == [plain]
    assert [c.claim_id for c in result.taken] == [true_claim]
    assert other.claim(plain).verdict.rating.name == "Mostly false"  # type: ignore[union-attr]
    assert other.claim(true_claim).verdict.explanation == "Reopened."  # type: ignore[union-attr]
    assert other.claim(true_claim).status is ClaimStatus.IN_PROGRESS  # the bundle's, too


def test_a_conflict_born_after_the_preview_keeps_local_work(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    first = tmp_path / "first.claimdesk"
    export_bundle(case.workbench.db, first)
    import_bundle(other.db, first)
    meet = case.workbench.claim(case.untouched_claim).text

    def rate_untouched(data: dict[str, Any]) -> None:
        claim = bundle_claim(data, meet)
        claim["status"] = "done"
        claim["verdict"] = {**bundle_claim(data, PLAIN_CLAIM)["verdict"], "rating": "True"}

    forged = edited(first, tmp_path / "f.claimdesk", rate_untouched)
    plan = preview_bundle(other.db, forged)
    assert plan.conflicts == ()  # nobody had worked on that claim here yet
    mine = local_claim(other, meet)
    other.set_verdict(mine, rating(other, "Mostly false"), "Typed while the dialog was open.")
    result = apply_plan(other.db, plan, {})
    assert [c.claim_id for c in result.kept] == [mine]
    assert other.claim(mine).verdict.explanation == "Typed while the dialog was open."  # type: ignore[union-attr]


def test_work_on_an_untouched_claim_is_filled_in_with_history(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    first = tmp_path / "first.claimdesk"
    export_bundle(case.workbench.db, first)
    import_bundle(other.db, first)
    wb = case.workbench
    wb.set_verdict(case.untouched_claim, rating(wb, "True"), "Checked the agenda.")
    wb.add_source(case.untouched_claim, SourceDraft(url="https://gov.example/agenda"))
    second = tmp_path / "second.claimdesk"
    export_bundle(wb.db, second)
    result = import_bundle(other.db, second)
    assert result.conflicts == () and result.verdicts_added == 1 and result.sources_added == 1
    mine = local_claim(other, wb.claim(case.untouched_claim).text)
    assert [(h.field, h.old, h.new, h.who) for h in other.history(mine)] == [
        (HistoryField.VERDICT, None, "True", BUNDLE_WHO),
        (HistoryField.STATUS, "todo", "in_progress", BUNDLE_WHO),
        (HistoryField.SOURCE, None, "https://gov.example/agenda", BUNDLE_WHO),
    ]


# ----------------------------------------------------------------------------- identity


def test_forged_checksum_cannot_dress_another_text(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    own = tmp_path / "own.txt"
    own.write_text("A local article about something else entirely.", encoding="utf-8")
    mine = other.open_file(own).article_id
    sha = other.article(mine).sha256
    good = tmp_path / "good.claimdesk"
    export_bundle(case.workbench.db, good, [case.article_one])

    def forge(data: dict[str, Any]) -> None:
        data["articles"][0].update(sha256=sha, url="https://evil.example/", author="Mallory")

    forged = edited(good, tmp_path / "forged.claimdesk", forge)
    before = fingerprint(other.db.path)
    with pytest.raises(BundleRefused, match="different text") as caught:
        import_bundle(other.db, forged)
    assert "\n" not in str(caught.value)
    assert fingerprint(other.db.path) == before
    assert other.article(mine).url is None and other.article(mine).author is None


def test_same_text_from_another_file_is_the_same_article(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE_ONE + "\n\n\n", encoding="utf-8")  # other bytes, same stored text
    mine = other.open_file(copy).article_id
    assert other.article(mine).text == case.workbench.article(case.article_one).text
    good = tmp_path / "good.claimdesk"
    export_bundle(case.workbench.db, good, [case.article_one])
    result = import_bundle(other.db, good)
    assert (result.articles_added, result.articles_merged) == (0, 1)
    assert result.article_ids == (mine,)
    assert other.article(mine).url == "https://news.example/budget?id=7&lang=en"


# ----------------------------------------------------------------------------- text


def _append(text: str) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["articles"][0]["text"] += text

    return edit


def _entity(**values: int) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        claim = data["articles"][0]["claims"][0]
        entity = {"text": "x", "label": "ORG", "start": claim["start"], "end": claim["start"] + 1}
        entity["text"] = data["articles"][0]["text"][entity["start"] : entity["end"]]
        entity.update(values)
        claim["entities"] = [entity]

    return edit


def _many_spans(data: dict[str, Any]) -> None:
    claim = data["articles"][0]["claims"][0]
    data["articles"][0]["claims"] = [
        {**claim, "speaker": f"Speaker {i}"} for i in range(1000)
    ]


REFUSED: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "nul": (_append(" \x00"), "not normalised"),
    "control": (_append(" \x07 bell"), "not normalised"),
    "crlf": (_append("\r\nMore."), "not normalised"),
    "u2028": (_append("\u2028More."), "not normalised"),
    "lone-surrogate": (_append(" \ud800"), "not normalised"),
    "entity-beyond-claim": (_entity(end=10**6), "entity"),
    "entity-backwards": (_entity(start=5, end=2), "entity"),
    "entity-negative": (_entity(start=-3), "at least 0"),
    "entity-other-text": (_entity(text="nothing like it"), "entity"),
    "claim-beyond-article": (lambda d: d["articles"][0]["claims"][0].update(end=10**9),
                             "does not match"),
    "claim-backwards": (lambda d: d["articles"][0]["claims"][0].update(start=50, end=10),
                        "does not match"),
    "one-span-1000-claims": (_many_spans, "same words"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bundle_text_that_an_import_would_not_store_is_refused(
    name: str, case: Case, other: Workbench, tmp_path: Path
) -> None:
    good = tmp_path / "good.claimdesk"
    export_bundle(case.workbench.db, good, [case.article_one])
    (tmp_path / "own.txt").write_text("Local work.", encoding="utf-8")
    other.open_file(tmp_path / "own.txt")
    edit, words = REFUSED[name]
    bad = edited(good, tmp_path / f"{name}.claimdesk", edit)
    before = fingerprint(other.db.path)
    with pytest.raises(BundleRefused, match=words) as caught:
        import_bundle(other.db, bad)
    assert "\n" not in str(caught.value)
    assert fingerprint(other.db.path) == before
    with pytest.raises(BundleRefused, match=words):
        preview_bundle(other.db, bad)
    assert fingerprint(other.db.path) == before


def test_copies_of_one_claim_are_stored_once(case: Case, other: Workbench, tmp_path: Path) -> None:
    good = tmp_path / "good.claimdesk"
    export_bundle(case.workbench.db, good, [case.article_one])

    def copies(data: dict[str, Any]) -> None:
        claims = data["articles"][0]["claims"]
        claims.extend([claims[0]] * 1000)

    result = import_bundle(other.db, edited(good, tmp_path / "copies.claimdesk", copies))
    assert result.claims_added == len(case.workbench.claims(case.article_one))
    assert result.duplicates_dropped == 1000
    texts = [c.text for c in other.claims(result.article_ids[0])]
    assert len(texts) == len(set(texts))


def test_free_text_and_addresses_are_cleaned_like_typed_input(
    case: Case, other: Workbench, tmp_path: Path
) -> None:
    good = tmp_path / "good.claimdesk"
    export_bundle(case.workbench.db, good, [case.article_one])

    def dirty(data: dict[str, Any]) -> None:
        article = data["articles"][0]
        article.update(url="javascript:alert(1)", author="Ann\x00\u2028Lee", title="T\r\nitle")
        claim = bundle_claim(data, PLAIN_CLAIM)
        claim["verdict"]["explanation"] = "Line one\r\nline two\x07 \ud800"
        claim["created_at"] = FUTURE
        claim["sources"] = [{**claim["sources"][0], "url": "https://x.example/a)b c"}] if claim[
            "sources"] else [{"url": "https://x.example/a)b c", "title": "", "publisher": "",
                              "accessed": None, "quote": "", "note": "", "stance": "context",
                              "created_at": FUTURE}]

    result = import_bundle(other.db, edited(good, tmp_path / "dirty.claimdesk", dirty))
    article = other.article(result.article_ids[0])
    assert article.url is None and article.author == "Ann\nLee" and article.title == "T\nitle"
    plain = other.claim(local_claim(other, PLAIN_CLAIM))
    assert plain.verdict is not None
    assert plain.verdict.explanation == "Line one\nline two \ufffd"
    assert [s.url for s in plain.sources] == ["https://x.example/a%29b%20c"]
    with other.db.sessions() as session:
        (stored,) = store.export_articles(session, list(result.article_ids))
    assert all(c.created_at <= utc_now() for c in stored.claims)  # 9999 is not believed


def test_fields_longer_than_their_columns_are_cut_as_an_import_cuts_them(
    case: Case, desk_target: str | Path, tmp_path: Path
) -> None:
    """PostgreSQL enforces VARCHAR lengths, SQLite does not: a bundle's over-long title,
    names or publisher made its import onto a shared desk fail with a driver error (and,
    in a desk file, stopped a later push). Stored as an import stores them: cut."""
    from tests.reports.casework import open_workbench

    good = tmp_path / "good.claimdesk"
    export_bundle(case.workbench.db, good, [case.article_one])

    def long(data: dict[str, Any]) -> None:
        article = data["articles"][0]
        article.update(title="T" * 600, author="A" * 600, publisher="P" * 600,
                       file_name="f" * 600 + ".txt", format="x" * 40, pipeline="p" * 200)
        claim = bundle_claim(data, PLAIN_CLAIM)
        claim["speaker"] = "S" * 400
        claim["verdict"]["checker"] = "C" * 300
        claim["sources"] = [{"url": "u", "title": "", "publisher": "P" * 600,
                             "accessed": None, "quote": "", "note": "n", "stance": "context",
                             "created_at": PAST}]  # fmt: skip

    wb = open_workbench(desk_target)  # type: ignore[arg-type]
    try:
        result = import_bundle(wb.db, edited(good, tmp_path / "long.claimdesk", long))
        article = wb.article(result.article_ids[0])
        assert (len(article.title), len(article.author or ""), len(article.publisher or "")) == (
            500, 500, 500)  # fmt: skip
        plain = wb.claim(local_claim(wb, PLAIN_CLAIM))
        assert plain.verdict is not None and len(plain.verdict.checker) == 200
        assert len(plain.speaker or "") == 300
        assert [len(s.publisher) for s in plain.sources] == [500]
    finally:
        wb.db.dispose()
