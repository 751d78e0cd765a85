"""Report use cases: pick articles and claims as ReportData; the organisation settings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from claimdesk.domain import Claim, ClaimOrigin, ClaimStatus
from claimdesk.errors import KnownError
from claimdesk.reports.model import ArticleReport, Organisation, ReportData
from claimdesk.services.changes import Changes
from claimdesk.services.workbench import CHECKER_NAME
from claimdesk.storage import bundle_repo, writer
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import Database

#: Settings keys of the organisation that publishes reports (they travel with the data).
ORG_NAME = "org_name"
ORG_URL = "org_url"
ORG_LOGO = "org_logo"


class ReportSelectionError(KnownError):
    """The articles or dates asked for do not make a report."""


def worked_on(claim: Claim) -> bool:
    """Whether the checker did something with a claim (what a report shows by default)."""
    return (
        claim.verdict is not None
        or claim.origin is ClaimOrigin.MANUAL
        or claim.status is not ClaimStatus.TODO
        or bool(claim.sources)
    )


def _day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[first 00:00, the day after last 00:00): both days are included."""
    return datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)


class Reporting:
    """Builds report snapshots from one database and keeps the organisation settings.

    Reads open their own short Session; the one write (settings) holds the database's
    write lock, like every other writer.
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    # -------------------------------------------------------------------- settings

    def organisation(self) -> Organisation:
        with self.db.sessions() as session:
            return Organisation(
                name=repo.get_setting(session, ORG_NAME),
                url=repo.get_setting(session, ORG_URL),
                logo=repo.get_setting(session, ORG_LOGO),
            )

    def set_organisation(self, organisation: Organisation) -> Changes:
        url = organisation.url.strip()
        if url and not url.lower().startswith(("http://", "https://")):
            raise KnownError(
                f"The organisation's web address must start with http:// or https:// ({url})."
            )
        with self.db.write_lock, self.db.sessions.begin() as session:
            writer.begin_immediate(session)
            repo.set_setting(session, ORG_NAME, organisation.name.strip())
            repo.set_setting(session, ORG_URL, url)
            repo.set_setting(session, ORG_LOGO, organisation.logo.strip())
        return Changes()

    # -------------------------------------------------------------------- selection

    def article_ids(self) -> list[int]:
        """Every article, oldest first."""
        with self.db.sessions() as session:
            return bundle_repo.all_article_ids(session)

    def checked_between(self, first: date, last: date) -> list[int]:
        """Articles with a verdict set or changed on any day from `first` to `last`."""
        start, end = _day_bounds(first, last)
        with self.db.sessions() as session:
            return bundle_repo.checked_article_ids(session, start, end)

    # -------------------------------------------------------------------- building

    def build(
        self,
        article_ids: Sequence[int] | None = None,
        *,
        checked_from: date | None = None,
        checked_to: date | None = None,
        all_claims: bool = False,
        title: str | None = None,
        now: datetime | None = None,
    ) -> ReportData:
        """A report over `article_ids` (default: all articles), optionally only what was
        checked between two days (inclusive: claims whose verdict changed then).

        By default a report holds the claims the checker worked on (rated, annotated,
        marked by hand or moved on from "to do"); `all_claims` adds every candidate.
        Raises ReportSelectionError for unknown ids, a reversed date range or no articles.
        """
        if (checked_from is None) != (checked_to is None):
            raise ReportSelectionError("Give both the first and the last day of the period.")
        bounds = None
        if checked_from is not None and checked_to is not None:
            if checked_to < checked_from:
                raise ReportSelectionError(
                    f"The period ends ({checked_to}) before it starts ({checked_from})."
                )
            bounds = _day_bounds(checked_from, checked_to)
        with self.db.sessions() as session:
            ids = self._select(session, article_ids, bounds)
            parts = []
            for article_id in ids:
                claims = bundle_repo.claims_with_sources(session, article_id)
                if bounds is not None:
                    claims = [
                        c
                        for c in claims
                        if c.verdict and bounds[0] <= c.verdict.updated_at < bounds[1]
                    ]
                elif not all_claims:
                    claims = [c for c in claims if worked_on(c)]
                parts.append(ArticleReport(repo.get_article(session, article_id), tuple(claims)))
            scale = repo.default_scale(session)
            checker = repo.get_setting(session, CHECKER_NAME)
        organisation = self.organisation()
        return ReportData(
            title=title or _default_title(parts, checked_from, checked_to),
            articles=tuple(parts),
            scale=scale,
            generated_at=(now or datetime.now()).replace(microsecond=0),
            organisation=organisation,
            checker=checker,
        )

    @staticmethod
    def _select(
        session: Session,
        article_ids: Sequence[int] | None,
        bounds: tuple[datetime, datetime] | None,
    ) -> list[int]:
        if article_ids is None:
            ids = bundle_repo.all_article_ids(session)
        else:
            known = set(bundle_repo.all_article_ids(session))
            missing = [i for i in article_ids if i not in known]
            if missing:
                raise ReportSelectionError(
                    "No article with id "
                    + ", ".join(str(i) for i in missing)
                    + " in this database."
                )
            ids = list(dict.fromkeys(article_ids))
        if bounds is not None:
            checked = set(bundle_repo.checked_article_ids(session, *bounds))
            ids = [i for i in ids if i in checked]
            if not ids:
                raise ReportSelectionError("No claim was checked in that period.")
        if not ids:
            raise ReportSelectionError("There are no articles to report on yet.")
        return ids


def _default_title(parts: Sequence[ArticleReport], first: date | None, last: date | None) -> str:
    if first is not None and last is not None:
        return f"Claims checked {first.isoformat()} – {last.isoformat()}"
    if len(parts) == 1:
        return f"Fact-check: {parts[0].article.title}"
    return f"Fact-check report: {len(parts)} articles"
