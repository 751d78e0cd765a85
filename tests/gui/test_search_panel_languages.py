"""The search panel finds an Arabic word under its article and shows it in bold."""

from __future__ import annotations

from pathlib import Path

from claimdesk.domain import ArticleMetadata, HitKind
from claimdesk.gui.jobs import JobRunner
from claimdesk.gui.panels.search_panel import SearchPanel, SearchResultsModel
from claimdesk.services.search import Search
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import open_database


def test_an_arabic_word_is_found_inside_its_article_and_bold(qtbot, tmp_path: Path) -> None:
    # Arabic, not Chinese: this machine has no CJK font, and Qt's offscreen font
    # fallback for Chinese text corrupted the heap when run after other tests.
    db = open_database(tmp_path / "ar.sqlite3")
    failures: list[BaseException] = []
    jobs = JobRunner(lambda exc, _tb: failures.append(exc))
    try:
        with db.sessions.begin() as s:
            repo.add_article(
                s, text="قال وزير الاقتصاد إن التضخم ارتفع بنسبة خمسة في المئة.",
                metadata=ArticleMetadata(title="تقرير"), file_name="ar.txt",
                file_path="/ar.txt", fmt="txt", sha256="ar",
            )  # fmt: skip
        panel = SearchPanel(Search(db), jobs)
        qtbot.addWidget(panel)
        panel.show()
        qtbot.waitExposed(panel)
        # QTest types ASCII keys only; an input method commits the word as one edit.
        panel.query.setText("الاقتصاد")
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
        qtbot.waitUntil(lambda: not panel.busy() and not panel.jobs.active(), timeout=10_000)
        (hit,) = panel.model.rows()
        assert hit.kind is HitKind.ARTICLE
        html = panel.model.index(0, 0).data(SearchResultsModel.SnippetHtmlRole)
        assert "ال<b>اقتصاد</b>" in html
        assert panel.count.text() == "1 result"
        assert failures == []
    finally:
        jobs.wait(10_000)
        db.dispose()
