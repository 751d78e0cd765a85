"""Checkers and the review step: who is signed in, assignment, review, the team queues."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy.orm import Session

from claimdesk.domain import Claim, Queue, ReviewState
from claimdesk.domain.clock import utc_now
from claimdesk.domain.review import RuleChange, blank_name, same_checker
from claimdesk.errors import KnownError
from claimdesk.importers.common import normalise_text
from claimdesk.services import conflicts, desk_settings
from claimdesk.services.changes import Changes
from claimdesk.services.undo import Recorder
from claimdesk.services.write_path import WritePath
from claimdesk.storage import repositories as repo
from claimdesk.storage import review_repo

#: Settings key: "1" when only approved verdicts are published, "0" when every verdict is.
REVIEW_REQUIRED = "review_required"
#: Settings key: who turned the rule on or off and when, a JSON list, oldest first.
REVIEW_RULE_LOG = "review_required_log"
#: How many changes of the rule the desk remembers (the oldest are forgotten first).
RULE_LOG_LENGTH = 100
#: The longest name an assignee may have (claims.assignee is 200 characters).
MAX_NAME = 200


class ReviewRefused(KnownError):
    """A review step that cannot be taken as asked; nothing was written."""


def review_required(session: Session) -> bool:
    """Whether only approved verdicts count as published on this desk.

    Stored with the desk; unset, a shared desk (PostgreSQL) requires review and a file
    desk (SQLite, one checker) does not, so single-user desks publish as they always did.
    """
    stored = repo.get_setting(session, REVIEW_REQUIRED).strip()
    if stored in ("0", "1"):
        return stored == "1"
    return desk_settings.shared(session)


def rule_changes(session: Session) -> list[RuleChange]:
    """Who turned the desk's review rule on or off, and when, oldest first. Entries this
    version cannot read (a hand-edited desk) are left out rather than failing."""
    try:
        stored = json.loads(repo.get_setting(session, REVIEW_RULE_LOG) or "[]")
    except ValueError:
        return []
    out = []
    for entry in stored if isinstance(stored, list) else []:
        try:
            out.append(RuleChange(
                bool(entry["required"]), str(entry["who"]), datetime.fromisoformat(entry["at"])
            ))  # fmt: skip
        except (KeyError, TypeError, ValueError):
            continue
    return out


def _log_rule_change(session: Session, required: bool, who: str) -> None:
    log = [
        {"required": c.required, "who": c.who, "at": c.at.isoformat()}
        for c in rule_changes(session)
    ]
    at = utc_now()
    log.append({"required": required, "who": who, "at": at.isoformat()})
    repo.set_setting(session, REVIEW_RULE_LOG, json.dumps(log[-RULE_LOG_LENGTH:]))


def _clean_name(name: str | None) -> str | None:
    clean = " ".join(normalise_text(name or "").split())
    if len(clean) > MAX_NAME:
        raise ReviewRefused(f"A checker's name can have at most {MAX_NAME} characters.")
    return None if blank_name(clean) else clean


class Reviews(WritePath):
    """The review step over the one writer: every step is an undoable edit whose history
    entry says who moved what from → to, and when."""

    # -------------------------------------------------------------------- reads

    def signed_in(self) -> str:
        """The checker this client writes as (desk_settings.who says the rule)."""
        return self._read(self._who)

    def review_required(self) -> bool:
        return self._read(review_required)

    def queue(self, which: Queue, me: str | None = None) -> list[Claim]:
        """The desk's claims in a team queue for `me` (default: the signed-in checker)."""
        name = self.signed_in() if me is None else me
        return self._read(lambda s: review_repo.queue(s, which, name))

    # -------------------------------------------------------------------- writes

    def review_rule_changes(self) -> list[RuleChange]:
        """Who turned the review rule on or off, and when, oldest first."""
        return self._read(rule_changes)

    def set_review_required(self, required: bool) -> Changes:
        """Turn the rule "only approved verdicts are published" on or off for the desk;
        a change of the rule is recorded with who made it and when."""
        with self._write() as session:
            if review_required(session) != required:
                _log_rule_change(session, required, self._who(session))
            repo.set_setting(session, REVIEW_REQUIRED, "1" if required else "0")
        return Changes(library=True)

    def assign(self, claim_id: int, checker: str | None) -> Changes:
        """Assign the claim to `checker` (None or blank: to nobody)."""
        name = _clean_name(checker)

        def op(session: Session, rec: Recorder) -> None:
            repo.lock_claim(session, claim_id)
            rec.track(claim_id)
            review_repo.set_assignee(session, claim_id, name)

        label = f"Assign to {name}" if name else "Unassign"
        return self._edit(label, op)[1]

    def request_review(self, claim_id: int) -> Changes:
        """Offer the claim's verdict for review (a draft, or an approved one reopened)."""

        def op(session: Session, rec: Recorder) -> None:
            repo.lock_claim(session, claim_id)
            rec.track(claim_id)
            claim = repo.get_claim(session, claim_id)
            if claim.verdict is None:
                raise ReviewRefused("Rate the claim before asking for a review.")
            if claim.verdict.review_state is not ReviewState.NEEDS_REVIEW:
                review_repo.set_review(session, claim_id, ReviewState.NEEDS_REVIEW)

        return self._edit("Request review", op)[1]

    def approve(self, claim_id: int, *, expected_version: int | None = None) -> Changes:
        """Approve the claim's verdict as the signed-in checker.

        Refused (ReviewRefused) when that checker wrote the verdict, or when it is not
        waiting for review. With `expected_version` (the Claim.version the reviewer read)
        a verdict changed since is a SaveConflict: nobody approves words they did not see.
        """
        seen = conflicts.Seen("verdict", expected_version)

        def op(session: Session, rec: Recorder) -> None:
            repo.lock_claim(session, claim_id)
            rec.track(claim_id)
            claim = repo.get_claim(session, claim_id)
            values = conflicts.verdict_values(claim)
            seen.check(claim.version, values, values)
            verdict = claim.verdict
            if verdict is None:
                raise ReviewRefused("This claim has no verdict to approve; rate it first.")
            if verdict.review_state is ReviewState.APPROVED:
                return
            if verdict.review_state is not ReviewState.NEEDS_REVIEW:
                raise ReviewRefused(
                    "This verdict is not waiting for review; ask for a review first."
                )
            me = self._who(session)
            login = review_repo.login(session)
            # A name is typed in the settings; on a shared desk the login the server
            # authenticated is compared too, so no login approves its own words by
            # taking a colleague's name.
            if same_checker(me, verdict.checker) or (
                login is not None and login == review_repo.author_login(session, claim_id)
            ):
                raise ReviewRefused(
                    "A second checker must approve: you wrote this verdict, so ask a "
                    "colleague to review it."
                )
            review_repo.set_review(session, claim_id, ReviewState.APPROVED, me)

        with conflicts.stale_as_conflict(seen, lambda: self._claim_values(claim_id)):
            return self._edit("Approve verdict", op)[1]

    def _claim_values(self, claim_id: int) -> tuple[int, conflicts.Values]:
        claim = self._read(lambda s: repo.get_claim(s, claim_id))
        return claim.version, conflicts.verdict_values(claim)
