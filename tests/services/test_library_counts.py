"""The library's counts agree with the claims table's default view (one "worked on" rule)."""

from __future__ import annotations

from pathlib import Path

from claimdesk.domain import ClaimStatus, SourceDraft
from claimdesk.domain.filters import ClaimFilter
from claimdesk.services.workbench import Workbench
from tests.services.desk import ARTICLE, add_article, open_workbench


def test_library_counts_equal_the_claims_table_default_view(
    desk_target: str | Path, tmp_path: Path, nlp_provider
) -> None:
    wb: Workbench = open_workbench(desk_target, nlp_provider)
    try:
        article_id = add_article(wb, tmp_path, ARTICLE)
        wb.extract(article_id)
        threshold = wb.settings().threshold
        low = [c for c in wb.claims(article_id) if c.score is not None and c.score < threshold]
        assert low, "the article needs a candidate under the threshold"
        # Only a source note: the checker worked on it, so the table shows it.
        wb.add_source(low[0].id, SourceDraft(url="", note="Phoned the club."))
        high = [c for c in wb.claims(article_id) if c.score is not None and c.score >= threshold]
        wb.set_status(high[0].id, ClaimStatus.DONE)

        gate = ClaimFilter(threshold=threshold)
        shown = [c for c in wb.claims(article_id) if gate.accepts(c)]
        assert low[0].id in {c.id for c in shown}
        (summary,) = [s for s in wb.articles(threshold) if s.id == article_id]
        assert summary.claim_count == len(shown)
        assert summary.checked_count == sum(c.status is ClaimStatus.DONE for c in shown)
    finally:
        wb.db.dispose()
