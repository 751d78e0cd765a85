"""The SQL form of "worked on" agrees with the domain rule for every combination of marks."""

from __future__ import annotations

import itertools
from pathlib import Path

from sqlalchemy import select

from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin, ClaimStatus, SourceDraft
from claimdesk.domain.filters import worked_on
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import open_database
from claimdesk.storage.orm import ClaimRow
from claimdesk.storage.rows import worked_on_sql


def test_worked_on_sql_equals_the_domain_rule(desk_target: str | Path) -> None:
    marks = list(itertools.product(ClaimOrigin, (False, True), ClaimStatus, (False, True)))
    text = "".join(f"Claim {i:03}. " for i in range(len(marks)))
    db = open_database(desk_target)  # SQLite, then PostgreSQL (tests/conftest.py)
    try:
        with db.sessions.begin() as s:
            article_id = repo.add_article(
                s, text=text, metadata=ArticleMetadata(), file_name="a.txt",
                file_path="a.txt", fmt="txt", sha256="0" * 64,
            )
            rating_id = repo.default_scale(s).ratings[0].id
            for i, (origin, rated, status, sourced) in enumerate(marks):
                start = i * 11
                claim_id = repo.add_claim(
                    s, article_id, CandidateClaim(start, start + 10, text[start : start + 10]),
                    origin,
                )
                if rated:
                    repo.set_verdict(s, claim_id, rating_id, "", "")
                repo.set_claim_status(s, claim_id, status)
                if sourced:
                    repo.add_source(s, claim_id, SourceDraft(url="", note="n"))
        with db.sessions() as s:
            python = {c.id for c in repo.list_claims(s, article_id) if worked_on(c)}
            sql = set(s.scalars(select(ClaimRow.id).where(worked_on_sql())))
        # Only an extracted, unrated, to-do claim without sources is not worked on.
        assert len(python) == len(marks) - 1
        assert sql == python
    finally:
        db.dispose()
