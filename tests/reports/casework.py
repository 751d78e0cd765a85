"""A small, nasty case file built through the real Workbench: used by report and bundle tests."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimStatus, SourceDraft, Stance
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.reporting import Reporting
from claimdesk.services.workbench import Workbench
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import open_database

# Every format must carry these through escaped and intact.
SCRIPT = "<script>alert(1)</script>"
ARABIC = "قال الوزير إن العجز ارتفع"
HEBREW = "השר אמר שהגירעון עלה"
NASTY_CLAIM = f'The minister said "{SCRIPT}" & cut taxes — {ARABIC} & {HEBREW}.'
NASTY_EXPLANATION = 'No such cut: the "budget" table & annex <b>2</b> show a rise. ראה טבלה'
NASTY_NOTE = "Phoned the ministry & asked about 'Table <2>' — الجدول الثاني"
NASTY_QUOTE = 'Revenue "rose" by 3% & more <i>'
# As typed into the source dialog, and as stored (quotes percent-encoded, & kept).
NASTY_URL_TYPED = 'https://stats.example/table?a=1&b="2"'
NASTY_URL = "https://stats.example/table?a=1&b=%222%22"
NASTY_TITLE = 'Budget & "taxes" <2026> — الميزانية'
PLAIN_CLAIM = "Unemployment fell to 4.1% in March."
TRUE_CLAIM = "The bridge opened in 1998."
ARTICLE_ONE = (
    "Budget debate\n\n"
    f"{NASTY_CLAIM} The opposition disagreed.\n\n"
    f"{PLAIN_CLAIM} Analysts were surprised.\n\n"
    "Ministers will meet again next week to discuss it."
)
ARTICLE_TWO = f"Infrastructure notes\n\n{TRUE_CLAIM} It cost more than planned."


@functools.cache
def nlp() -> NlpProvider:
    """One provider for all tests: add_claim only asks it for the (optional) scorer."""
    return NlpProvider()


@dataclass(frozen=True)
class Case:
    """The workbench, the two articles and the claims the tests look at."""

    workbench: Workbench
    reporting: Reporting
    article_one: int
    article_two: int
    nasty_claim: int
    plain_claim: int
    untouched_claim: int
    true_claim: int

    def close(self) -> None:
        self.workbench.db.dispose()


def open_workbench(db_path: Path) -> Workbench:
    return Workbench(open_database(db_path), nlp())


def _claim(wb: Workbench, article_id: int, text: str, needle: str) -> int:
    start = text.index(needle)
    claim_id, _ = wb.add_claim(article_id, start, start + len(needle))
    return claim_id


def build_case(folder: Path, db_name: str = "case.sqlite3") -> Case:
    folder.mkdir(parents=True, exist_ok=True)
    wb = open_workbench(folder / db_name)
    (folder / "budget.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "bridge.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    one = wb.open_file(folder / "budget.txt").article_id
    two = wb.open_file(folder / "bridge.txt").article_id
    wb.update_metadata(
        one,
        ArticleMetadata(
            title=NASTY_TITLE,
            author="Jane O'Neil",
            publisher="Daily & Co",
            url="https://news.example/budget?id=7&lang=en",
            published=date(2026, 3, 2),
        ),
    )
    wb.update_metadata(two, ArticleMetadata(title="Bridge", url="https://news.example/bridge"))
    text_one = wb.article(one).text
    nasty = _claim(wb, one, text_one, NASTY_CLAIM)
    plain = _claim(wb, one, text_one, PLAIN_CLAIM)
    # An extracted candidate nobody worked on: only all-claims reports show it.
    meet = "Ministers will meet again next week to discuss it."
    start = text_one.index(meet)
    with wb.db.sessions.begin() as session:
        (untouched,) = repo.store_extracted_claims(
            session, one, [CandidateClaim(start, start + len(meet), meet, score=0.2)], "test"
        )
    true_claim = _claim(wb, two, wb.article(two).text, TRUE_CLAIM)
    ratings = {r.name: r.id for r in wb.rating_scale().ratings}
    wb.save_settings(replace(wb.settings(), checker_name='Dana "D" Reyes'))
    wb.set_verdict(nasty, ratings["False"], NASTY_EXPLANATION)
    wb.add_source(
        nasty,
        SourceDraft(url=NASTY_URL_TYPED, title=f"Annual {SCRIPT} report", publisher="Agency & Sons",
                    accessed=date(2026, 3, 5), quote=NASTY_QUOTE, note=NASTY_NOTE,
                    stance=Stance.CONTRADICTS),
    )
    wb.add_source(nasty, SourceDraft(url="javascript:alert(2)", note="not a web link"))
    wb.set_status(nasty, ClaimStatus.DONE)
    wb.set_verdict(plain, ratings["Unverifiable"], "No figures for March yet.")
    wb.set_verdict(true_claim, ratings["True"], "Opening ceremony reported on 3 May 1998.")
    reporting = Reporting(wb.db)
    return Case(wb, reporting, one, two, nasty, plain, untouched, true_claim)
