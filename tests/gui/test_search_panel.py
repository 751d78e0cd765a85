"""The desk search panel over a real database: kinds, bold matches, keys, stale results."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt

from claimdesk.domain import HitKind, SearchHit, SourceDraft
from claimdesk.gui.jobs import JobRunner
from claimdesk.gui.panels.search_panel import (
    DEBOUNCE_MS,
    SearchPanel,
    SearchResultsModel,
    snippet_html,
)
from claimdesk.services.search import Search, search
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database

ZEBRA = (
    "Zebra crossings in Lisbon\n\n"
    "The mayor said zebra crossings fell by 40% in 2023. Residents were not convinced.\n"
)
HARBOUR = (
    "Harbour tolls\n\n"
    "The port authority said harbour tolls doubled since 2019. Ferry users complained.\n"
)


@dataclass
class Desk:
    wb: Workbench
    zebra: int
    harbour: int
    zebra_claim: int
    harbour_claim: int
    source_id: int


def _claim(wb: Workbench, article_id: int, first: str, last: str) -> int:
    text = wb.article(article_id).text
    start = text.index(first)
    claim_id, _ = wb.add_claim(article_id, start, text.index(last) + len(last))
    return claim_id


@pytest.fixture
def desk(tmp_path: Path, nlp_provider) -> Iterator[Desk]:
    wb = Workbench(open_database(tmp_path / "search.sqlite3"), nlp_provider)
    ids = []
    for name, text in (("zebra.txt", ZEBRA), ("harbour.txt", HARBOUR)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        ids.append(wb.open_file(tmp_path / name).article_id)
    zebra_claim = _claim(wb, ids[0], "The mayor", "in 2023.")
    harbour_claim = _claim(wb, ids[1], "The port", "since 2019.")
    false = next(r for r in wb.rating_scale().ratings if r.name == "False")
    wb.set_verdict(harbour_claim, false.id, "The Quokka census of tolls shows no doubling.")
    source_id, _ = wb.add_source(
        harbour_claim,
        SourceDraft(url="https://example.org/registry", note="Platypus registry, page 4"),
    )
    yield Desk(wb, ids[0], ids[1], zebra_claim, harbour_claim, source_id)
    wb.db.dispose()


@pytest.fixture
def failures() -> list[BaseException]:
    return []


@pytest.fixture
def panel(qtbot, desk: Desk, failures: list[BaseException]) -> Iterator[SearchPanel]:
    jobs = JobRunner(lambda exc, _tb: failures.append(exc))
    widget = SearchPanel(Search(desk.wb.db), jobs)
    qtbot.addWidget(widget)
    widget.resize(520, 420)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    # A failed test may leave a search pending: an empty box stops it before the desk
    # closes, so it never runs on the next test's time.
    widget.query.clear()
    jobs.wait(10_000)


def type_query(qtbot, panel: SearchPanel, text: str) -> None:
    panel.query.clear()
    qtbot.keyClicks(panel.query, text)


def wait_idle(qtbot, panel: SearchPanel) -> None:
    qtbot.waitUntil(lambda: not panel.busy() and not panel.jobs.active(), timeout=10_000)


@pytest.mark.parametrize(
    ("query", "kinds", "word"),
    [
        ("zebra", {HitKind.ARTICLE, HitKind.CLAIM}, "zebra"),
        ("quokka", {HitKind.VERDICT}, "Quokka"),
        ("platyp", {HitKind.SOURCE}, "Platypus"),
        ("tolls", {HitKind.ARTICLE, HitKind.CLAIM, HitKind.VERDICT}, "tolls"),
        ("harbour tolls", {HitKind.ARTICLE, HitKind.CLAIM}, "harbour"),
    ],
)
def test_typing_shows_hits_of_each_kind_with_the_match_in_bold(
    qtbot, panel: SearchPanel, desk: Desk, failures, query, kinds, word
) -> None:
    type_query(qtbot, panel, query)
    assert panel.busy()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    wait_idle(qtbot, panel)
    hits = panel.model.rows()
    assert {h.kind for h in hits} == kinds
    for row, hit in enumerate(hits):
        html = panel.model.index(row, 0).data(SearchResultsModel.SnippetHtmlRole)
        assert f"<b>{word.lower()}</b>" in html.lower(), html
        assert panel.model.index(row, 0).data(SearchResultsModel.HitRole) == hit
    expected = "1 result" if len(hits) == 1 else f"{len(hits)} results"
    assert panel.count.text() == expected
    assert failures == []


def test_snippet_html_escapes_and_collapses_whitespace() -> None:
    hit = SearchHit(HitKind.CLAIM, 1, "T", 2, "a <b>\n\n zebra & co", ((8, 13),), -1.0)
    assert snippet_html(hit) == "a &lt;b&gt; <b>zebra</b> &amp; co"


def test_enter_and_double_click_emit_the_hit_ids(qtbot, panel: SearchPanel, desk: Desk) -> None:
    type_query(qtbot, panel, "quokka")
    wait_idle(qtbot, panel)
    with qtbot.waitSignal(panel.resultActivated, timeout=2000) as signal:
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert signal.args == [desk.harbour, desk.harbour_claim]

    type_query(qtbot, panel, "zebra")
    wait_idle(qtbot, panel)
    hits = panel.model.rows()
    assert [h.kind for h in hits].count(HitKind.CLAIM) == 1
    claim_row = next(i for i, h in enumerate(hits) if h.kind is HitKind.CLAIM)
    assert panel.results.currentIndex().row() == 0
    for _ in range(claim_row):
        qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.results.currentIndex().row() == claim_row
    assert panel.query.hasFocus()
    with qtbot.waitSignal(panel.resultActivated, timeout=2000) as signal:
        qtbot.keyClick(panel.query, Qt.Key.Key_Enter)
    assert signal.args == [desk.zebra, desk.zebra_claim]

    article_row = next(i for i, h in enumerate(hits) if h.kind is HitKind.ARTICLE)
    rect = panel.results.visualRect(panel.model.index(article_row, 0))
    viewport = panel.results.viewport()
    # QTest's double click has no press before it; item views only open a pressed item.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.resultActivated, timeout=2000) as signal:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [desk.zebra, None]


def test_enter_before_the_results_opens_the_best_hit(qtbot, panel: SearchPanel, desk: Desk) -> None:
    type_query(qtbot, panel, "platypus")
    assert panel.busy() and panel.model.rowCount() == 0
    with qtbot.waitSignal(panel.resultActivated, timeout=5000) as signal:
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert signal.args == [desk.harbour, desk.harbour_claim]
    assert panel.model.rows()[0].source_id == desk.source_id


@pytest.mark.parametrize(
    "query",
    ['"covid-19', "(zebra)", "zebra-crossings", "a:b OR NOT", 'NEAR("zebra"', "*^ -+", '""', "'"],
)
def test_odd_queries_never_error(qtbot, panel: SearchPanel, failures, query: str) -> None:
    type_query(qtbot, panel, query)
    qtbot.waitUntil(lambda: not panel.busy(), timeout=10_000)
    wait_idle(qtbot, panel)
    assert failures == []
    count = panel.count.text()
    assert count.endswith(("result", "results")) or count.startswith("Nothing"), count
    if query in ("(zebra)", "zebra-crossings"):  # the punctuation is only text
        assert HitKind.CLAIM in {h.kind for h in panel.model.rows()}


def test_empty_query_clears_and_drops_the_search_in_flight(qtbot, panel: SearchPanel) -> None:
    type_query(qtbot, panel, "zebra")
    wait_idle(qtbot, panel)
    assert panel.model.rowCount() == 2
    panel.search_now()  # a search in flight while the box is emptied
    panel.query.selectAll()
    qtbot.keyClick(panel.query, Qt.Key.Key_Backspace)
    assert panel.model.rowCount() == 0
    assert panel.count.text() == ""
    assert not panel.busy()
    qtbot.wait(DEBOUNCE_MS * 2)
    wait_idle(qtbot, panel)
    assert panel.model.rowCount() == 0


def test_only_the_newest_query_is_ever_shown(qtbot, panel: SearchPanel, desk: Desk) -> None:
    shown: list[list[SearchHit]] = []
    panel.model.modelReset.connect(lambda: shown.append(panel.model.rows()))

    # Two searches in flight at once: the older one's hits arrive stale and are dropped.
    panel.query.setText("quokka")
    assert panel.search_now() is not None
    panel.query.setText("platypus")
    assert panel.search_now() is not None
    wait_idle(qtbot, panel)
    # Typing fast: the debounce starts one search, for the final text.
    type_query(qtbot, panel, "zebra")
    panel.query.selectAll()
    qtbot.keyClicks(panel.query, "harbour")
    wait_idle(qtbot, panel)

    nonempty = [hits for hits in shown if hits]
    assert [{h.kind for h in hits} for hits in nonempty] == [
        {HitKind.SOURCE},
        {HitKind.ARTICLE, HitKind.CLAIM},
    ]
    assert all(h.article_id == desk.harbour for hits in nonempty for h in hits)


def test_results_model_passes_qtmodeltester(qtmodeltester, desk: Desk) -> None:
    model = SearchResultsModel()
    model.reload(search(desk.wb, "said"))
    assert {h.kind for h in model.rows()} == {HitKind.ARTICLE, HitKind.CLAIM}
    qtmodeltester.check(model)
    model.reload(search(desk.wb, "tolls"))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_a_panel_deleted_mid_search_never_hears_back(qtbot, desk: Desk) -> None:
    # CI crashed here: a search still running when its panel was deleted came back to a
    # deleted results model (RuntimeError here, a segmentation fault under load).
    failures: list[BaseException] = []
    jobs = JobRunner(lambda exc, _tb: failures.append(exc))
    widget = SearchPanel(Search(desk.wb.db), jobs)
    widget.query.setText("zebra")
    job = widget.search_now()
    assert job is not None
    with qtbot.waitSignal(widget.destroyed, timeout=2000):
        widget.deleteLater()
    assert job.is_cancelled()
    assert jobs.wait(10_000)
    qtbot.wait(50)  # the queued outcome is delivered now: it must reach nobody
    assert job.done and failures == []


def test_a_job_that_fails_after_its_owner_closed_is_still_reported(qtbot) -> None:
    reported: list[BaseException] = []
    jobs = JobRunner(lambda exc, _tb: reported.append(exc))
    owner = QObject()
    heard: list[object] = []

    def work(job) -> None:
        deadline = time.monotonic() + 5
        while not job.is_cancelled() and time.monotonic() < deadline:
            time.sleep(0.005)
        raise OSError("disk full")

    job = jobs.run("export", work, heard.append, heard.append, owner=owner)
    with qtbot.waitSignal(owner.destroyed, timeout=2000):
        owner.deleteLater()
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert heard == []
    assert [str(e) for e in reported] == ["disk full"]
