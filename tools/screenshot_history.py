"""`python -m tools.screenshot_history OUT.png`: a claim's history view, as a PNG."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QVBoxLayout, QWidget
from tools.screenshot import save_grab

from claimdesk.domain import ClaimStatus, HistoryEntry
from claimdesk.gui.panels.history_view import HistoryView
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database

ARTICLE = (
    "Bridges\n\nThe minister said 300 bridges were built in 2024. Engineers disputed the figure.\n"
)
#: The demo's edits happen within a second; these spread them over two working days.
STEPS = (
    timedelta(0),
    timedelta(minutes=12),
    timedelta(hours=2, minutes=40),
    timedelta(days=1, hours=1, minutes=5),
    timedelta(days=1, hours=1, minutes=6),
    timedelta(days=1, hours=3, minutes=30),
)


def _demo_history(folder: Path) -> tuple[str, list[HistoryEntry]]:
    wb = Workbench(open_database(folder / "demo.sqlite3"), NlpProvider())
    try:
        (folder / "bridges.txt").write_text(ARTICLE, encoding="utf-8")
        article_id = wb.open_file(folder / "bridges.txt").article_id
        text = wb.article(article_id).text
        start = text.index("The minister")
        claim_id, _ = wb.add_claim(article_id, start, text.index("2024.") + 5)
        ratings = {r.name: r.id for r in wb.rating_scale().ratings}
        wb.save_settings(replace(wb.settings(), checker_name="Ana Costa"))
        wb.set_status(claim_id, ClaimStatus.IN_PROGRESS)
        wb.set_verdict(claim_id, ratings["Mostly false"], "The registry lists 41 bridges.")
        wb.save_settings(replace(wb.settings(), checker_name="Ben Okafor"))
        wb.set_verdict(
            claim_id, ratings["Mostly false"], "The national registry lists 41 new bridges."
        )
        wb.set_verdict(claim_id, ratings["False"], "The national registry lists 41 new bridges.")
        wb.set_status(claim_id, ClaimStatus.DONE)
        entries = wb.history(claim_id)
        claim_text = wb.claim(claim_id).text
    finally:
        wb.db.dispose()
    start_at = datetime(2026, 11, 23, 9, 14)
    spread = [
        replace(e, at=start_at + STEPS[min(i, len(STEPS) - 1)]) for i, e in enumerate(entries)
    ]
    return claim_text, spread


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/history.png")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        claim_text, entries = _demo_history(Path(tmp))
    pane = QWidget()
    pane.setObjectName("historyScreenshot")
    layout = QVBoxLayout(pane)
    header = QLabel("<b>Claim 1</b> · Quantity")
    text = QLabel(claim_text)
    text.setWordWrap(True)
    text.setStyleSheet("font-size: 11pt; padding: 4px 0;")
    group = QGroupBox("History")
    group_layout = QVBoxLayout(group)
    view = HistoryView()
    view.show_history(entries)
    group_layout.addWidget(view)
    layout.addWidget(header)
    layout.addWidget(text)
    layout.addWidget(group)
    layout.addStretch()
    pane.resize(380, pane.sizeHint().height())
    pane.show()
    ok = save_grab(app, pane, out)
    pane.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
