"""Report use cases: pick articles and claims as ReportData."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.orm import Session

from claimdesk.domain import Claim, ReviewState
from claimdesk.domain.clock import to_stored, utc_now
from claimdesk.domain.evidence import (
    FILE_NAME_BYTES,
    INERT_COPY_TYPES,
    Attachment,
    copy_name,
    inert_copy,
)
from claimdesk.domain.filters import worked_on
from claimdesk.domain.text import cut_to_bytes
from claimdesk.errors import KnownError
from claimdesk.reports.model import ArticleReport, Organisation, ReportData
from claimdesk.reports.output import ExportFailed, write_atomic
from claimdesk.services import desk_settings
from claimdesk.services.evidence import checked_bytes
from claimdesk.services.review import review_required
from claimdesk.storage import report_repo
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import Database


class ReportSelectionError(KnownError):
    """The articles or dates asked for do not make a report."""



def published(claim: Claim) -> Claim:
    """The claim as a report on a review-required desk shows it: an unapproved verdict
    is not published yet."""
    if claim.verdict is None or claim.verdict.review_state is ReviewState.APPROVED:
        return claim
    return replace(claim, verdict=None)


def _day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[first 00:00, the day after last 00:00) in local time, as stored (UTC): both days
    are included, and a day is the checker's own calendar day."""
    # 9999-12-31 has no day after it: its end is then the last moment Python can name.
    end = datetime.max if last == date.max else datetime.combine(last + timedelta(1), time.min)
    return _stored(datetime.combine(first, time.min)), _stored(end)


def _stored(wall: datetime) -> datetime:
    try:
        return to_stored(wall)
    except (OverflowError, ValueError):  # year 1 or 9999 moved past what Python can name
        return wall


class Reporting:
    """Builds report snapshots from one database; reads open their own short Session."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -------------------------------------------------------------------- settings

    def organisation(self) -> Organisation:
        """Who publishes the reports (desk_settings keeps and checks it)."""
        with self.db.sessions() as session:
            settings = desk_settings.read(session)
        return Organisation(name=settings.org_name, url=settings.org_url, logo=settings.org_logo)

    # -------------------------------------------------------------------- selection

    def article_ids(self) -> list[int]:
        """Every article, oldest first."""
        with self.db.sessions() as session:
            return report_repo.all_article_ids(session)

    def checked_between(self, first: date, last: date) -> list[int]:
        """Articles with a verdict set or changed on any day from `first` to `last`."""
        start, end = _day_bounds(first, last)
        with self.db.sessions() as session:
            return report_repo.checked_article_ids(session, start, end)

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
        On a desk that requires review (services.review.review_required) only approved
        verdicts are published: every report and ClaimReview is built here, and a claim
        whose verdict awaits approval appears without it (ClaimReview then leaves it out).
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
            reviewed_only = review_required(session)
            parts = []
            for article_id in ids:
                claims = report_repo.claims_with_sources(session, article_id)
                if bounds is not None:
                    claims = [
                        c
                        for c in claims
                        if c.verdict and bounds[0] <= c.verdict.updated_at < bounds[1]
                    ]
                elif not all_claims:
                    claims = [c for c in claims if worked_on(c)]
                if reviewed_only:
                    claims = [published(c) for c in claims]
                parts.append(ArticleReport(repo.get_article(session, article_id), tuple(claims)))
            scale = repo.default_scale(session)
            checker = repo.get_setting(session, desk_settings.checker_key(session))
        organisation = self.organisation()
        return ReportData(
            title=title or _default_title(parts, checked_from, checked_to),
            articles=tuple(parts),
            scale=scale,
            generated_at=(now or utc_now()).replace(microsecond=0),
            organisation=organisation,
            checker=checker,
            reviewed_only=reviewed_only,
        )

    @contextmanager
    def attachments_copied(self, data: ReportData, report: str | Path) -> Iterator[dict[int, str]]:
        """copy_attachments for a report about to be written: if the block raises (the
        report could not be written), the copies made now are removed again, and the
        folder too if this made it; what the folder held before is left alone."""
        folder = copies_folder(report)
        made_folder = not folder.exists()
        created: list[Path] = []
        try:
            yield self.copy_attachments(data, report, created)
        except BaseException:
            for path in created:
                path.unlink(missing_ok=True)
            if made_folder:
                with suppress(OSError):  # not empty: something else was put there
                    folder.rmdir()
            raise

    def copy_attachments(
        self, data: ReportData, report: str | Path, created: list[Path] | None = None
    ) -> dict[int, str]:
        """Copy every file the report's notes hold into `<report>_files/` beside it;
        returns attachment id → path relative to the report, for the HTML's links.

        Each copy is named by the first 12 digits of its sha256 and its cleaned name, so
        two files called "screenshot.png" do not overwrite each other; each is checked
        against its sha256 as it leaves the desk. The copies this call writes (not those
        found there already) are appended to `created`.
        """
        report = Path(report)
        folder = copies_folder(report)
        links: dict[int, str] = {}
        files = [f for c in data.claims for s in c.sources for f in s.attachments]
        if not files:
            return links
        if folder.exists() and not folder.is_dir():
            raise ExportFailed(
                f"Cannot copy the attached files into {folder}: it is not a folder. "
                "Move that file away or choose another report name."
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise ExportFailed(
                f"Cannot copy the attached files into {folder}: {reason}. Choose another place."
            ) from exc
        with self.db.sessions() as session:

            def stored(f: Attachment) -> bytes:
                return checked_bytes(session, f)

            for f in files:
                # A saved page is copied inert (a reader's browser would run it); its
                # copy is then known by the inert bytes' checksum.
                live = f.media_type in INERT_COPY_TYPES
                inert = inert_copy(f.media_type, stored(f)) if live else None
                wanted = (f.sha256, f.size) if inert is None else _digest(inert)
                target, found = _copy_target(folder, f, wanted)
                if not found:
                    write_atomic(target, stored(f) if inert is None else inert)
                    if created is not None:
                        created.append(target)
                links[f.id] = f"{quote(folder.name)}/{quote(target.name)}"
        return links

    @staticmethod
    def _select(
        session: Session,
        article_ids: Sequence[int] | None,
        bounds: tuple[datetime, datetime] | None,
    ) -> list[int]:
        if article_ids is None:
            ids = report_repo.all_article_ids(session)
        else:
            known = set(report_repo.all_article_ids(session))
            missing = [i for i in article_ids if i not in known]
            if missing:
                raise ReportSelectionError(
                    "No article with id "
                    + ", ".join(str(i) for i in missing)
                    + " in this database."
                )
            ids = list(dict.fromkeys(article_ids))
        if bounds is not None:
            checked = set(report_repo.checked_article_ids(session, *bounds))
            ids = [i for i in ids if i in checked]
            if not ids:
                raise ReportSelectionError("No claim was checked in that period.")
        if not ids:
            raise ReportSelectionError("There are no articles to report on yet.")
        return ids


def copies_folder(report: str | Path) -> Path:
    """`<report name>_files` beside the report, its name cut to a file system's 255
    bytes (a report may have the longest name allowed; "_files" made it too long)."""
    report = Path(report)
    room = FILE_NAME_BYTES - len("_files")
    return report.with_name(f"{cut_to_bytes(report.stem, room)}_files")


#: Other names tried for a copy whose own name holds a different file.
_COPY_TRIES = 100


def _digest(data: bytes) -> tuple[str, int]:
    return hashlib.sha256(data).hexdigest(), len(data)


def _copy_target(folder: Path, f: Attachment, wanted: tuple[str, int]) -> tuple[Path, bool]:
    """Where the copy of `f` goes, and whether a copy with its exact bytes (`wanted`:
    their sha256 and size) is there.

    A file already under the copy's name is linked again only if it still has the
    attached bytes: a checker may have saved highlights into the copy an earlier report
    linked, and a report must not link such a file beside the checksum it no longer
    matches. That file is left alone; the copy goes under the next free name.
    """
    for n in range(_COPY_TRIES):
        prefix = f"{f.sha256[:12]}_" if n == 0 else f"{f.sha256[:12]}-{n + 1}_"
        target = folder / copy_name(f.file_name, media_type=f.media_type, prefix=prefix)
        if not os.path.lexists(target):  # a dangling link is taken, never written through
            return target, False
        if _holds(target, *wanted):
            return target, True
    raise ExportFailed(
        f"Cannot copy {f.file_name} into {folder}: {_COPY_TRIES} files there already have "
        "its name and other contents. Move them away or choose another report name."
    )


def _holds(path: Path, sha256: str, size: int) -> bool:
    """Whether `path` is a regular file with exactly these bytes."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size != size:
            return False
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == sha256


def _default_title(parts: Sequence[ArticleReport], first: date | None, last: date | None) -> str:
    if first is not None and last is not None:
        return f"Claims checked {first.isoformat()} – {last.isoformat()}"
    if len(parts) == 1:
        return f"Fact-check: {parts[0].article.title}"
    return f"Fact-check report: {len(parts)} articles"
