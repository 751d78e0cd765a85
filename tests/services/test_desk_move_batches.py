"""`desk push` / `desk pull` of a desk larger than one batch: all rows move, in bounded memory."""

from __future__ import annotations

import tracemalloc
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.services import desk_move
from claimdesk.storage import desk_copy, factcheck_repo
from claimdesk.storage.db import open_database
from claimdesk.storage.desk_copy import CopyCounts, DeskCopyRefused, copy_desk
from tests.reports.casework import build_case
from tests.services.test_desk_move import dump_of, fill

#: More library entries than two of the copy's batches hold, so a table spans three.
ENTRIES = 2 * desk_copy.BATCH + 500
#: Each entry's claim text; with ENTRIES of them the library is about 9 MB of text.
TEXT = 2_000


@pytest.fixture(scope="module")
def big_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A filled desk file whose fact-check library holds ENTRIES imported entries."""
    folder = tmp_path_factory.mktemp("big")
    case = build_case(folder)
    fill(case)
    drafts = [
        FactCheckDraft(
            url=f"https://checks.example/{n}", claim=f"Claim {n:05d} " + "x" * TEXT,
            rating="False", published=date(2025, 1, 2), language="en",
        )
        for n in range(ENTRIES)
    ]  # fmt: skip
    with case.workbench.db.sessions.begin() as session:
        factcheck_repo.upsert(session, drafts, datetime(2026, 1, 1))
    case.close()
    return folder / "case.sqlite3"


def test_a_desk_larger_than_a_batch_moves_whole_both_ways(
    big_source: Path, desk_target: str | Path, tmp_path: Path
) -> None:
    before = dump_of(big_source)
    assert len(before["factchecks"]) > 2 * desk_copy.BATCH
    pushed = desk_move.push(big_source, str(desk_target))
    assert pushed.added == {name: len(rows) for name, rows in before.items()}
    assert dump_of(desk_target) == before
    again = desk_move.push(big_source, str(desk_target))  # every batch found already there
    assert again.total_added == 0
    assert again.present == {name: len(rows) for name, rows in before.items()}
    pulled = tmp_path / "pulled.sqlite3"
    counts = desk_move.pull(str(desk_target), pulled)
    assert counts.added == pushed.added
    assert dump_of(pulled) == before


def test_a_clash_in_a_late_batch_still_writes_nothing(big_source: Path, tmp_path: Path) -> None:
    """The refusal covers the whole desk, not only the batch it was found in."""
    last = dump_of(big_source)["factchecks"][-1]
    other = tmp_path / "other.sqlite3"
    db = open_database(other)
    try:
        with db.sessions.begin() as session:
            # An id the source does not use, the URL of the source's last entry.
            session.execute(
                text(
                    "INSERT INTO factchecks (id, url, source, claim, title, rating, publisher, "
                    "imported_at) VALUES (:id, :url, 'imported', 'Another reading.', '', '', '', "
                    ":at)"
                ),
                {"id": 10 * ENTRIES, "url": last["url"], "at": datetime(2026, 1, 1)},
            )
    finally:
        db.dispose()
    before = dump_of(other)
    with pytest.raises(DeskCopyRefused, match=r"holds 1 fact-check \(table factchecks\)"):
        desk_move.push(big_source, other)
    assert dump_of(other) == before


def copied_with_peak(source_path: Path, target_path: Path) -> tuple[CopyCounts, int]:
    """Copy one desk file into a new one: the copy's counts and its peak traced memory."""
    source = open_database(source_path, create=False)
    target = open_database(target_path)
    try:
        tracemalloc.start()
        try:
            counts = copy_desk(source, target, "pushed")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        target.dispose()
        source.dispose()
    return counts, peak


def test_the_copy_holds_one_batch_of_rows_at_a_time(
    big_source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Peak memory of the copy stays well below the desk's size: rows are not all read
    before they are written."""
    monkeypatch.setattr(desk_copy, "BATCH", 100)
    library_text = ENTRIES * TEXT
    entries = len(dump_of(big_source)["factchecks"])
    counts, peak = copied_with_peak(big_source, tmp_path / "target.sqlite3")
    assert counts.added["factchecks"] == entries
    assert peak < library_text / 3, f"peak {peak / 1e6:.1f} MB for {library_text / 1e6:.1f} MB"


def test_attached_files_move_a_few_at_a_time(tmp_path: Path) -> None:
    """Attached files are up to 50 MB each: a batch of 2,000 of them would hold the whole
    evidence store in memory. They move a few at a time, whatever BATCH says."""
    files, size = 48, 1024 * 1024
    case = build_case(tmp_path / "files")
    note = case.workbench.claim(case.nasty_claim).sources[0].id
    for n in range(files):
        line = f"Scan {n:02d} of the ministry's table, page by page.\n".encode()
        case.workbench.attach_bytes(note, line * (size // len(line)), f"scan-{n:02d}.txt")
    case.close()
    desk = tmp_path / "files" / "case.sqlite3"
    counts, peak = copied_with_peak(desk, tmp_path / "target.sqlite3")
    assert counts.added["evidence_blobs"] == files
    # Each file is here twice (its bytes and its text): all at once was 100 MB.
    assert peak < files * size / 2, f"peak {peak / 1e6:.1f} MB for {files * size / 1e6:.0f} MB"
