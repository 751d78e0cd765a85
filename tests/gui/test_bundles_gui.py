"""Case bundles through the window: export from one desk, merge into another."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import wait_for_claims


def test_bundle_moves_work_between_two_desks(qtbot, make_window, seed_path, tmp_path):
    source = make_window(tmp_path / "laptop.sqlite3")
    source.open_path(seed_path)
    wait_for_claims(qtbot, source)
    wb = source.workbench
    claim = next(c for c in wb.claims(source.article_id) if "25 of 33" in c.text)
    rating = next(r for r in wb.rating_scale().ratings if r.name == "Mostly true")
    wb.set_verdict(claim.id, rating.id, "Air force count.")
    bundle = tmp_path / "case"
    job = source.bundles.export_to(bundle, [source.article_id])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    written = tmp_path / "case.claimdesk"
    assert written.exists()

    target = make_window(tmp_path / "office.sqlite3")
    job = target.bundles.import_from(written)
    qtbot.waitUntil(
        lambda: target.findChild(QMessageBox, "bundleSummary") is not None, timeout=30_000
    )
    assert target.library_model.rowCount() == 1
    assert target.article_id is not None
    merged = [c for c in target.workbench.claims(target.article_id) if c.verdict]
    assert [(c.text, c.verdict.rating.name, c.verdict.explanation) for c in merged] == [
        (claim.text, "Mostly true", "Air force count.")
    ]


def test_bad_bundle_gives_a_message_and_changes_nothing(qtbot, make_window, tmp_path):
    window = make_window()
    bad = tmp_path / "bad.claimdesk"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    window.bundles.import_from(bad)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "knownErrorBox") is not None, timeout=30_000
    )
    assert window.workbench.articles() == []
