"""The search panel finds an Arabic word under its article and shows it in bold."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.domain import ArticleMetadata, HitKind
from claimdesk.gui.jobs import JobRunner
from claimdesk.gui.panels.search_panel import SearchPanel, SearchResultsModel
from claimdesk.services.search import Search
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import Database, open_database


@pytest.fixture
def arabic_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "ar.sqlite3")
    with db.sessions.begin() as s:
        repo.add_article(
            s, text="قال وزير الاقتصاد إن التضخم ارتفع بنسبة خمسة في المئة.",
            metadata=ArticleMetadata(title="تقرير"), file_name="ar.txt",
            file_path="/ar.txt", fmt="txt", sha256="ar",
        )  # fmt: skip
    yield db
    db.dispose()


@pytest.fixture
def failures() -> list[BaseException]:
    return []


@pytest.fixture
def panel(qtbot, arabic_db: Database, failures: list[BaseException]) -> Iterator[SearchPanel]:
    # Built and torn down as in tests/gui/test_search_panel.py: the runner outlives every
    # event the panel's jobs post, and the database outlives the panel.
    jobs = JobRunner(lambda exc, _tb: failures.append(exc))
    widget = SearchPanel(Search(arabic_db), jobs)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    jobs.wait(10_000)


def test_an_arabic_word_is_found_inside_its_article_and_bold(
    qtbot, panel: SearchPanel, failures: list[BaseException]
) -> None:
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
