"""The search panel finds a word inside a Chinese sentence and shows it in bold."""

from __future__ import annotations

from pathlib import Path

from claimdesk.domain import ArticleMetadata, HitKind
from claimdesk.gui.jobs import JobRunner
from claimdesk.gui.panels.search_panel import SearchPanel, SearchResultsModel
from claimdesk.services.search import Search
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import open_database


def test_a_chinese_word_is_found_and_bold(qtbot, tmp_path: Path) -> None:
    db = open_database(tmp_path / "zh.sqlite3")
    failures: list[BaseException] = []
    jobs = JobRunner(lambda exc, _tb: failures.append(exc))
    try:
        with db.sessions.begin() as s:
            repo.add_article(
                s, text="国家统计局表示，中国城镇调查失业率上升至百分之五点三。",
                metadata=ArticleMetadata(title="统计局数据"), file_name="zh.txt",
                file_path="/zh.txt", fmt="txt", sha256="zh",
            )  # fmt: skip
        panel = SearchPanel(Search(db), jobs)
        qtbot.addWidget(panel)
        panel.show()
        qtbot.waitExposed(panel)
        # QTest types ASCII keys only; an input method commits the word as one edit.
        panel.query.setText("失业率")
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
        qtbot.waitUntil(lambda: not panel.busy() and not panel.jobs.active(), timeout=10_000)
        (hit,) = panel.model.rows()
        assert hit.kind is HitKind.ARTICLE
        html = panel.model.index(0, 0).data(SearchResultsModel.SnippetHtmlRole)
        assert "<b>失业率</b>" in html
        assert panel.count.text() == "1 result"
        assert failures == []
    finally:
        jobs.wait(10_000)
        db.dispose()
