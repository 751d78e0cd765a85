"""Merging a checked bundle: articles matched by their text, local work never silently lost."""

# Rules (issue 10):
# * An article is the same article when its stored text is the same. The bundle's sha256
#   is the exporting desk's checksum of the *original file* (importers hash the file's
#   bytes, not the text), so it cannot be verified here; it is kept as the identity of a
#   new article, and a bundle that gives an existing article's checksum to another text
#   is refused (forged or damaged).
# * Claims pair up by span. What the bundle would change on a claim (status, verdict,
#   explanation, missing notes) is applied directly when nobody worked on the local claim,
#   and is a Conflict when someone did: the caller's choice decides, keep local by default.
#   Clocks in the bundle never decide anything.
# * Every change to an existing claim is written to its history as "<checker> (bundle)".
# * A bundle carries names, not logins: a desk that requires review takes no approval
#   from one (the verdict arrives as needs review). A verdict that came approved says so
#   in its claim's history ("bundle: approved by <name> on <day>"), taken or not. On a
#   shared desk the login merging a verdict is recorded as its author (as if it typed
#   the words), so that login cannot approve it.
# * Nothing is ever deleted: taking the bundle replaces status and verdict, and adds notes.
# * An article's language: a checker's own correction here is never replaced; a language
#   the detector gave here yields to a checker's correction from the bundle; an article
#   with none here takes the bundle's (with its source).

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimdesk.domain import ClaimStatus, HistoryField, LanguageSource, ReviewState
from claimdesk.domain.clock import utc_now
from claimdesk.domain.review import approval_said, blank_name, name_key, same_checker
from claimdesk.exchange.bundle_file import BundleEvidence
from claimdesk.exchange.records import BundleArticle, BundleClaim, BundleSource
from claimdesk.importers.common import shorten
from claimdesk.storage import evidence_repo, history_repo, snapshots
from claimdesk.storage.orm import ArticleRow, ClaimRow, SourceNoteRow, VerdictRow
from claimdesk.storage.repositories import default_scale
from claimdesk.storage.review_repo import (
    approved_claims,
    login,
    published,
    published_metadata,
    reopen_if_changed,
    withdraw_approval,
)
from claimdesk.storage.rows import _new_claim_row, stored

_ARTICLE_FIELDS = (
    "sha256", "title", "file_name", "file_path", "format", "text", "imported_at",
    "url", "author", "publisher", "published", "extracted_at", "pipeline",
)
_SOURCE_FIELDS = (
    "url", "title", "publisher", "accessed", "quote", "note", "created_at", "checker",
)


class MergeConflict(ValueError):
    """A bundle cannot be merged into this database; the message says why."""


class Choice(enum.Enum):
    """What to do with one conflict."""

    KEEP_LOCAL = "keep_local"
    TAKE_BUNDLE = "take_bundle"


@dataclass(frozen=True, slots=True)
class Work:
    """A claim's work as the conflict dialog and the CLI show it."""

    status: ClaimStatus
    rating: str | None
    explanation: str
    sources: tuple[str, ...]

    def describe(self, limit: int = 0) -> str:
        """"False (Done): the explanation… [2 notes]", cut to `limit` characters if set."""
        text = f"{self.rating or 'no verdict'} ({self.status.label})"
        explanation = " ".join(self.explanation.split())
        if limit and len(explanation) > limit:
            explanation = explanation[: limit - 1] + "…"
        if explanation:
            text += f": {explanation}"
        if self.sources:
            text += f" [{len(self.sources)} note{'s' if len(self.sources) != 1 else ''}]"
        return text


@dataclass(frozen=True, slots=True)
class Conflict:
    """Local work on a claim that the bundle would change; `claim_id` is the local claim."""

    claim_id: int
    article_title: str
    claim_text: str
    local: Work
    bundle: Work
    who: str


@dataclass(slots=True)
class MergeCounts:
    """What merging a bundle did."""

    articles_added: int = 0
    articles_merged: int = 0
    claims_added: int = 0
    verdicts_added: int = 0
    verdicts_updated: int = 0
    sources_added: int = 0
    article_ids: list[int] = field(default_factory=list)
    kept: list[Conflict] = field(default_factory=list)
    taken: list[Conflict] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Proposal:
    """What taking the bundle would change on an existing claim."""

    status: ClaimStatus | None
    rating_id: int | None  # set when the verdict or explanation would change
    sources: tuple[BundleSource, ...]


def _fields(obj: object, names: tuple[str, ...]) -> dict[str, object]:
    return {name: getattr(obj, name) for name in names}


def _rating_ids(session: Session, articles: Sequence[BundleArticle]) -> dict[str, int]:
    """Rating name → id in the default scale; refuses names the scale does not have.

    A name is the scale's if it reads the same (domain.review.name_key: case, spacing,
    NFKC, invisible characters), so "mostly false" is the desk's "Mostly false" and the
    desk keeps its own spelling. Should the scale hold two names that read the same, only
    the exact spelling picks one of them.
    """
    ratings = default_scale(session).ratings
    exact = {r.name: r.id for r in ratings}
    by_key: dict[str, list[int]] = defaultdict(list)
    for r in ratings:
        by_key[name_key(r.name)].append(r.id)
    wanted = {c.verdict.rating for a in articles for c in a.claims if c.verdict}
    out: dict[str, int] = {}
    unknown = []
    for name in sorted(wanted):
        alike = by_key.get(name_key(name), [])
        rating_id = exact.get(name, alike[0] if len(alike) == 1 else None)
        if rating_id is None:
            unknown.append(name)
        else:
            out[name] = rating_id
    if unknown:
        raise MergeConflict(
            "it uses ratings this database's scale does not have ("
            + ", ".join(f"“{n}”" for n in unknown)
            + "). Add them to the rating scale first."
        )
    return out


def _find_article(session: Session, a: BundleArticle) -> ArticleRow | None:
    """The local copy of `a`: same text; refuses a known checksum on another text."""
    same_sha = session.scalar(select(ArticleRow).where(ArticleRow.sha256 == a.sha256))
    if same_sha is not None and same_sha.text != a.text:
        raise MergeConflict(
            f"its article “{shorten(a.title, 60)}” carries the file checksum of “"
            f"{shorten(same_sha.title, 60)}” here but has a different text (the bundle was "
            "changed, or made from another file)."
        )
    if same_sha is not None:
        return same_sha
    return session.scalars(
        select(ArticleRow).where(ArticleRow.text == a.text).order_by(ArticleRow.id).limit(1)
    ).first()


def _pairs(row: ArticleRow, a: BundleArticle) -> list[tuple[ClaimRow | None, BundleClaim]]:
    """Bundle claims with their local counterparts (None: new); equal spans pair in order,
    so a bundle merged twice adds nothing the second time."""
    existing: dict[tuple[int, int], list[ClaimRow]] = defaultdict(list)
    for claim_row in sorted(row.claims, key=lambda r: r.id):
        existing[(claim_row.start, claim_row.end)].append(claim_row)
    used: dict[tuple[int, int], int] = defaultdict(int)
    out: list[tuple[ClaimRow | None, BundleClaim]] = []
    for c in a.claims:
        span = (c.start, c.end)
        mine = existing[span][used[span]] if used[span] < len(existing[span]) else None
        used[span] += 1
        out.append((mine, c))
    return out


def _source_key(s: SourceNoteRow) -> tuple[object, ...]:
    return (s.url, s.title, s.publisher, s.accessed, s.quote, s.note, s.stance)


def _bundle_key(s: BundleSource) -> tuple[object, ...]:
    return (*s.key[:-1], s.stance.value)


def _proposal(row: ClaimRow, c: BundleClaim, ratings: Mapping[str, int]) -> _Proposal | None:
    status = c.status if c.status.value != row.status else None
    rating_id = None
    if c.verdict is not None:
        rating = ratings[c.verdict.rating]
        mine = row.verdict
        if mine is None or (mine.rating_id, mine.explanation) != (rating, c.verdict.explanation):
            rating_id = rating
    have = {_source_key(s) for s in row.sources}
    sources = tuple(s for s in c.sources if _bundle_key(s) not in have)
    if status is None and rating_id is None and not sources:
        return None
    return _Proposal(status, rating_id, sources)


def _worked_on(row: ClaimRow) -> bool:
    return row.verdict is not None or row.status != ClaimStatus.TODO.value or bool(row.sources)


def _label(url: str, title: str, note: str, quote: str) -> str:
    return shorten(url or title or note or quote, 80)


def _who(c: BundleClaim) -> str:
    name = " ".join(c.verdict.checker.split()) if c.verdict is not None else ""
    return f"{name} (bundle)"[:200] if name else "(bundle)"


def _conflict(article: ArticleRow, row: ClaimRow, c: BundleClaim) -> Conflict:
    v = row.verdict
    local = Work(
        stored(ClaimStatus, row.status, f"claim {row.id}, status"),
        None if v is None else v.rating.name,
        "" if v is None else v.explanation,
        tuple(_label(s.url, s.title, s.note, s.quote) for s in row.sources),
    )
    bundle = Work(
        c.status,
        None if c.verdict is None else c.verdict.rating,
        "" if c.verdict is None else c.verdict.explanation,
        tuple(_label(s.url, s.title, s.note, s.quote) for s in c.sources),
    )
    return Conflict(row.id, article.title, row.text, local, bundle, _who(c))


def find_conflicts(session: Session, articles: Sequence[BundleArticle]) -> list[Conflict]:
    """The conflicts merging `articles` would meet (reads only; raises MergeConflict)."""
    ratings = _rating_ids(session, articles)
    out = []
    for a in articles:
        row = _find_article(session, a)
        if row is None:
            continue
        for mine, c in _pairs(row, a):
            if mine is not None and _worked_on(mine) and _proposal(mine, c, ratings):
                out.append(_conflict(row, mine, c))
    return out


# ----------------------------------------------------------------------------- writing


def _review(c: BundleClaim, own_review: bool) -> dict[str, object]:
    """A new verdict's review step as the bundle recorded it (who approved it, when).

    A bundle carries names, not logins: anyone can write "approved by <this desk's
    reviewer>" into one. A desk that requires review (`own_review`) therefore takes no
    approval from a bundle; the verdict waits for its own. Elsewhere an approval travels
    only as this desk would have given it: by a named checker other than the verdict's
    writer. One its writer gave (or nobody) waits for review here.
    """
    v = c.verdict
    if v is None:
        return {}
    if v.review_state is ReviewState.APPROVED and (
        own_review or blank_name(v.reviewer) or same_checker(v.reviewer, v.checker)
    ):
        return {"review_state": ReviewState.NEEDS_REVIEW.value}
    return {"review_state": v.review_state.value, "reviewer": v.reviewer,
            "reviewed_at": v.reviewed_at}  # fmt: skip


def _said_approved(session: Session, claim_id: int, c: BundleClaim, arrived: str) -> None:
    """Write to the claim's history that its new verdict came approved in a bundle, and
    in which state it arrived: "Review: Approved → Needs review" when this desk did not
    take the approval, "Review: — → Approved" when it did, signed with what the bundle
    said ("bundle: approved by Ben on 2026-12-01")."""
    v = c.verdict
    if v is None or v.review_state is not ReviewState.APPROVED:
        return
    who = approval_said("bundle", v.reviewer, v.reviewed_at)
    old = None if arrived == ReviewState.APPROVED.value else ReviewState.APPROVED.value
    history_repo.add_entry(session, claim_id, HistoryField.REVIEW, old, arrived, who, utc_now())


def _new_source(s: BundleSource) -> SourceNoteRow:
    return SourceNoteRow(stance=s.stance.value, **_fields(s, _SOURCE_FIELDS))


def _new_claim(session: Session, article_id: int, c: BundleClaim, ratings: Mapping[str, int],
               counts: MergeCounts, own_review: bool, author: str | None) -> None:
    new = _new_claim_row(article_id, c, c.origin, c.status, c.created_at, c.updated_at)
    verdict = None
    if c.verdict is not None:
        v = c.verdict
        new.verdict = verdict = VerdictRow(
            rating_id=ratings[v.rating], explanation=v.explanation, checker=v.checker,
            created_at=v.created_at, updated_at=v.updated_at, author_login=author,
            **_review(c, own_review),
        )
        counts.verdicts_added += 1
    new.sources = [_new_source(s) for s in c.sources]
    counts.sources_added += len(c.sources)
    session.add(new)
    counts.claims_added += 1
    if verdict is not None and c.verdict is not None and (
        c.verdict.review_state is ReviewState.APPROVED
    ):
        session.flush()  # the claim's id, for its history
        _said_approved(session, new.id, c, verdict.review_state)


def _take(session: Session, row: ClaimRow, c: BundleClaim, p: _Proposal,
          counts: MergeCounts, own_review: bool, author: str | None) -> None:
    """Apply the bundle's work to an existing claim, and write it to the claim's history;
    a verdict whose words it brings is `author`'s (the login merging, on a shared desk)."""
    now = utc_now()  # when it changed here; bundle clocks lie
    who = _who(c)
    before = snapshots.capture_claims(session, [row.id])[row.id]
    arrived = None  # the review state of a verdict new to the claim
    if p.status is not None:
        row.status = p.status.value
    if p.rating_id is not None and c.verdict is not None:
        if row.verdict is None:
            row.verdict = VerdictRow(created_at=now, **_review(c, own_review))
            arrived = row.verdict.review_state
            counts.verdicts_added += 1
        else:
            # A changed approved verdict waits for review again, as on this desk.
            reopen_if_changed(row.verdict, p.rating_id, c.verdict.explanation)
            counts.verdicts_updated += 1
        row.verdict.rating_id = p.rating_id
        row.verdict.explanation = c.verdict.explanation
        row.verdict.checker = c.verdict.checker
        row.verdict.author_login = author  # as set_verdict: the login that put the words here
        row.verdict.updated_at = now
    for s in p.sources:
        row.sources.append(_new_source(s))
    counts.sources_added += len(p.sources)
    row.updated_at = now
    session.flush()
    after = snapshots.capture_claims(session, [row.id])[row.id]
    history_repo.record_transition(session, before, after, who, now)
    if arrived is not None:
        _said_approved(session, row.id, c, arrived)
    for s in p.sources:
        label = _label(s.url, s.title, s.note, s.quote)
        history_repo.add_entry(session, row.id, HistoryField.SOURCE, None, label, who, now)


def _fill_article(row: ArticleRow, a: BundleArticle) -> None:
    """Keep what this database knows about the article; only fill its gaps."""
    row.url = row.url or a.url
    row.author = row.author or a.author
    row.publisher = row.publisher or a.publisher
    row.published = row.published or a.published
    if row.extracted_at is None and a.extracted_at is not None:
        row.extracted_at, row.pipeline = a.extracted_at, a.pipeline
    _fill_language(row, a)


def _fill_language(row: ArticleRow, a: BundleArticle) -> None:
    if a.language is None or a.language_source is None:
        return
    mine = row.language_source
    if row.language is None or (
        mine != LanguageSource.CHECKER.value and a.language_source is LanguageSource.CHECKER
    ):
        row.language, row.language_source = a.language, a.language_source.value


def _attach_files(
    session: Session, row: ArticleRow, a: BundleArticle, evidence: Mapping[str, BundleEvidence]
) -> None:
    """Give each note the bundle's files for it: a note the merge added, or one this desk
    already had with the same content. Notes kept out (a conflict kept local) get none."""
    session.flush()
    session.expire(row, ["claims"])
    for mine, c in _pairs(row, a):
        if mine is None:
            continue
        notes = {_source_key(s): s for s in mine.sources}
        for s in c.sources:
            note = notes.get(_bundle_key(s))
            if note is None:
                continue
            for f in s.attachments:
                blob = evidence[f.sha256]
                evidence_repo.put_blob(session, f.sha256, blob.data, blob.text)
                evidence_repo.attach(
                    session, note.id, f.sha256, f.file_name, blob.media_type, f.captured_at
                )


#: What an article's approved claims publish: its properties, then each claim's part.
_Publication = tuple[tuple[Any, ...] | None, dict[int, tuple[Any, ...]]]


def _publication(session: Session, article_id: int, claim_ids: Sequence[int]) -> _Publication:
    claims = snapshots.capture_claims(session, claim_ids)
    return (
        published_metadata(snapshots.capture_metadata(session, article_id)),
        {cid: published(state) for cid, state in claims.items() if state is not None},
    )


def _withdraw_changed(
    session: Session, row: ArticleRow, a: BundleArticle, before: _Publication
) -> None:
    """An approval here was given to the claim as it was published before the merge:
    a note or a file the bundle added to it, or an article property it filled in, sends
    its verdict back to review, written to the claim's history as the merge's."""
    metadata, claims = _publication(session, row.id, list(before[1]))
    who = {mine.id: _who(c) for mine, c in _pairs(row, a) if mine is not None}
    now = utc_now()
    for cid, shown in claims.items():
        if (metadata != before[0] or shown != before[1][cid]) and withdraw_approval(
            session, cid
        ):
            history_repo.add_entry(
                session, cid, HistoryField.REVIEW, ReviewState.APPROVED.value,
                ReviewState.NEEDS_REVIEW.value, who.get(cid, "(bundle)"), now,
            )  # fmt: skip


def merge_articles(
    session: Session,
    articles: Sequence[BundleArticle],
    choices: Mapping[int, Choice] | None = None,
    default: Choice = Choice.KEEP_LOCAL,
    evidence: Mapping[str, BundleEvidence] | None = None,
    *,
    own_review: bool = False,
) -> MergeCounts:
    """Merge checked bundle records (the caller owns the one transaction).

    `own_review`: the desk requires review, so a verdict the bundle says was approved
    arrives waiting for review here (the approval is written to the claim's history).

    `choices` maps a conflict's local claim id to its Choice; conflicts it does not name
    (for example one born since the preview) get `default`. Raises MergeConflict; the
    caller then rolls everything back.
    """
    ratings = _rating_ids(session, articles)
    choices = choices or {}
    counts = MergeCounts()
    # A bundle names no login: on a shared desk the merging one is each verdict's author.
    author = login(session)
    for a in articles:
        row = _find_article(session, a)
        if row is None:
            row = ArticleRow(**_fields(a, _ARTICLE_FIELDS))
            _fill_language(row, a)  # else NULL: detected when the article is next opened
            session.add(row)
            session.flush()
            counts.articles_added += 1
            approved = None
        else:
            counts.articles_merged += 1
            approved = _publication(session, row.id, approved_claims(session, row.id))
            _fill_article(row, a)
        for mine, c in _pairs(row, a):
            if mine is None:
                _new_claim(session, row.id, c, ratings, counts, own_review, author)
                continue
            proposal = _proposal(mine, c, ratings)
            if proposal is None:
                continue
            if _worked_on(mine):
                conflict = _conflict(row, mine, c)
                if choices.get(mine.id, default) is Choice.KEEP_LOCAL:
                    counts.kept.append(conflict)
                    continue
                counts.taken.append(conflict)
            _take(session, mine, c, proposal, counts, own_review, author)
        if evidence:
            _attach_files(session, row, a, evidence)
        session.flush()
        if approved is not None:
            _withdraw_changed(session, row, a, approved)
        counts.article_ids.append(row.id)
    return counts
