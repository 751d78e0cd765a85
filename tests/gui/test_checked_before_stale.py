"""Checked before stays true: a verdict given or cleared later, or a fact-check import,
reaches answers already cached, and answers the change cannot touch are not encoded again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import wait_for_claims
from tests.gui.test_checked_before import TIMEOUT_MS, checked_text, claim_row

ALT = Qt.KeyboardModifier.AltModifier
FIRST = (
    "Health scares\n\n"
    "A viral post claims that 5G mobile networks spread the coronavirus across Europe. "
    "The mayor opened a new library on Tuesday morning.\n"
)
SECOND = (
    "Rumours\n\n"
    "Another post says that 5G mobile networks spread the coronavirus in Europe. "
    "The council will review parking fees in the old town next spring.\n"
)
LEMON = (
    "claim,rating,url,publisher,date,language\n"
    "Drinking hot water with lemon cures cancer,False,https://checks.example/lemon,"
    "Checks Example,2019-02-01,en\n"
)
FIVE_G = (
    "claim,rating,url,publisher,date,language\n"
    "5G networks spread the coronavirus,Pants on fire,https://checks.example/5g,"
    "Other Checks,2020-04-06,en\n"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"first": ("first.txt", FIRST), "second": ("second.txt", SECOND),
             "lemon": ("lemon.csv", LEMON), "five_g": ("five_g.csv", FIVE_G)}  # fmt: skip
    out = {}
    for key, (name, text) in paths.items():
        out[key] = tmp_path / name
        out[key].write_text(text, encoding="utf-8")
    return out


def settled(qtbot, window) -> None:
    """No job left: imports, vector fills and matching have finished."""
    checked = window.checked
    qtbot.waitUntil(
        lambda: not window.jobs.active() and checked._fill is None and not checked.busy(),
        timeout=TIMEOUT_MS,
    )


def show(qtbot, window, path: Path) -> None:
    before = window.article_id
    window.open_path(path)
    qtbot.waitUntil(lambda: window.article_id not in (None, before), timeout=TIMEOUT_MS)
    wait_for_claims(qtbot, window)
    window.claims_panel.show_all.setChecked(True)
    settled(qtbot, window)


def import_library(qtbot, window, path: Path) -> None:
    job = window.factcheck_import.import_paths([path])
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT_MS)
    window.factcheck_import.summary.close()
    settled(qtbot, window)
    assert window.checked.matcher.missing_vectors() == 0


def rate_first_claim(qtbot, window, key: int) -> int:
    """Alt+`key` on the 5G claim of the article shown; its claim id."""
    panel = window.claims_panel
    claim_id = panel.model.rows()[claim_row(window, "5G mobile")].id
    panel.select_claim(claim_id)
    with qtbot.waitActive(window):  # as after closing the import summary
        window.activateWindow()
    qtbot.keyClick(window, key, ALT)
    wanted = key != Qt.Key.Key_0
    qtbot.waitUntil(lambda: (window.workbench.claim(claim_id).verdict is not None) == wanted)
    settled(qtbot, window)
    return claim_id


def encoded_texts(window) -> list[str]:
    """Records every text the shared encoder is asked for from now on."""
    seen: list[str] = []
    encoder = window.checked.matcher.encoder
    encode = encoder.encode

    def spy(texts, *args, **kwargs):  # records, then encodes for real
        seen.extend(texts)
        return encode(texts, *args, **kwargs)

    encoder.encode = spy
    return seen


def test_a_verdict_given_later_in_another_article_reaches_a_cached_answer(
    qtbot, make_window, files
):
    window = make_window()
    show(qtbot, window, files["first"])
    import_library(qtbot, window, files["lemon"])  # a library, but nothing about 5G
    first_article = window.article_id

    show(qtbot, window, files["second"])
    row = claim_row(window, "Another post")
    assert window.checked.cached(window.claims_panel.model.rows()[row]) is not None
    assert checked_text(window, row) == ""  # the lemon check is no match

    # Claim A in the first article is rated False; the second article's claim B says
    # the same: B's cached answer must now show A's verdict, without a restart.
    window.show_article(first_article)
    wait_for_claims(qtbot, window)
    settled(qtbot, window)
    rated = rate_first_claim(qtbot, window, Qt.Key.Key_5)

    show(qtbot, window, files["second"])
    panel = window.claims_panel
    row = claim_row(window, "Another post")
    qtbot.waitUntil(lambda: checked_text(window, row) != "", timeout=TIMEOUT_MS)
    best = panel.model.checked(panel.model.rows()[row].id)
    assert best is not None and best.factcheck.claim_id == rated
    assert checked_text(window, row).startswith("✓ False · ")
    # The detail pane says it too.
    panel.select_claim(panel.model.rows()[row].id)
    box = window.detail.checked_before
    qtbot.waitUntil(lambda: box.model.rowCount() >= 1, timeout=TIMEOUT_MS)
    assert box.model.data(box.model.index(0, 0)).startswith("False · ")


def test_a_verdict_cleared_later_leaves_the_cached_answers_of_the_table(
    qtbot, make_window, files
):
    window = make_window()
    show(qtbot, window, files["second"])
    import_library(qtbot, window, files["lemon"])
    second_article = window.article_id
    show(qtbot, window, files["first"])
    rate_first_claim(qtbot, window, Qt.Key.Key_5)

    window.show_article(second_article)
    wait_for_claims(qtbot, window)
    settled(qtbot, window)
    row = claim_row(window, "Another post")
    qtbot.waitUntil(lambda: checked_text(window, row).startswith("✓ False"), timeout=TIMEOUT_MS)
    parking = window.claims_panel.model.rows()[claim_row(window, "parking fees")]
    encoded = encoded_texts(window)

    # The verdict goes (Alt+0 on the first article's claim, shown in the detail pane).
    show(qtbot, window, files["first"])
    rate_first_claim(qtbot, window, Qt.Key.Key_0)
    window.show_article(second_article)
    wait_for_claims(qtbot, window)
    settled(qtbot, window)
    row = claim_row(window, "Another post")
    qtbot.waitUntil(lambda: checked_text(window, row) == "", timeout=TIMEOUT_MS)
    # Answers were checked again, but no claim already matched was encoded again.
    assert parking.text not in encoded
    assert not any("Another post" in t for t in encoded)


def test_a_fact_check_import_after_the_answers_were_cached_reaches_them(
    qtbot, make_window, files
):
    window = make_window()
    show(qtbot, window, files["second"])
    import_library(qtbot, window, files["lemon"])
    row = claim_row(window, "Another post")
    assert checked_text(window, row) == ""
    encoded = encoded_texts(window)

    import_library(qtbot, window, files["five_g"])
    qtbot.waitUntil(lambda: checked_text(window, row) != "", timeout=TIMEOUT_MS)
    assert checked_text(window, row).startswith("✓ Pants on fire · ")
    # The new entry was encoded; the table's claims were not encoded again.
    assert not any("Another post" in t for t in encoded)


def test_a_bundle_carrying_a_library_is_matched_once_imported(
    qtbot, make_window, files, tmp_path
):
    from PySide6.QtWidgets import QMessageBox

    from claimdesk.services.bundles import write_bundle
    from claimdesk.services.factcheck_import import import_factcheck_files
    from claimdesk.storage.db import open_database

    laptop = open_database(tmp_path / "laptop.sqlite3")
    try:
        import_factcheck_files(laptop, [files["five_g"]])
        bundle = tmp_path / "library.claimdesk"
        assert write_bundle(laptop, bundle, with_library=True).factchecks == 1
    finally:
        laptop.dispose()

    window = make_window()
    show(qtbot, window, files["second"])
    row = claim_row(window, "Another post")
    assert checked_text(window, row) == ""  # an empty library: nothing to match
    window.bundles.import_from(bundle)
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "bundleSummary") is not None, timeout=TIMEOUT_MS
    )
    summary = window.findChild(QMessageBox, "bundleSummary")
    assert "Fact-check library: 1 added, 0 updated, 0 already here." in summary.text()
    # Encoded in the background, then matched: no restart, nothing else to do.
    qtbot.waitUntil(lambda: checked_text(window, row) != "", timeout=TIMEOUT_MS)
    assert checked_text(window, row).startswith("✓ Pants on fire · ")
    assert window.checked.matcher.missing_vectors() == 0
