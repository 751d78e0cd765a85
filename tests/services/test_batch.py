"""Batch import over a real folder of good, duplicate and bad files."""

from __future__ import annotations

from pathlib import Path

from claimdesk.services.batch import article_files, import_files
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database


def make_folder(root: Path, seed_path: Path) -> Path:
    folder = root / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "a.txt").write_bytes(seed_path.read_bytes())
    (folder / "sub" / "same-as-a.txt").write_bytes(seed_path.read_bytes())
    (folder / "b.md").write_text("# Jobs\n\nUnemployment fell to 4%.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 100)
    (folder / ".hidden" / "secret.txt").write_text("not this one", encoding="utf-8")
    return folder


def test_folder_import_summarises_imported_duplicates_and_refused(
    tmp_path, seed_path, nlp_provider
):
    folder = make_folder(tmp_path, seed_path)
    files = article_files([folder])
    assert [p.relative_to(folder).as_posix() for p in files] == [
        "a.txt",
        "b.md",
        "empty.txt",
        "sub/same-as-a.txt",
    ]
    wb = Workbench(open_database(tmp_path / "b.sqlite3"), nlp_provider)
    try:
        seen: list[tuple[int, int]] = []
        result = import_files(wb, files, progress=lambda d, t: seen.append((d, t)))
        assert [Path(p).name for p, _ in result.imported] == ["a.txt", "b.md"]
        assert [Path(p).name for p, _ in result.duplicates] == ["same-as-a.txt"]
        assert result.duplicates[0][1] == result.imported[0][1]
        assert [Path(p).name for p, _ in result.refused] == ["empty.txt"]
        assert "empty" in result.refused[0][1]
        assert seen[0] == (0, 4) and seen[-1] == (4, 4)
        assert result.summary() == "2 imported, 1 already in the library, 1 refused."
        assert len(wb.articles()) == 2
    finally:
        wb.db.dispose()


def test_cancel_stops_before_the_next_file(tmp_path, seed_path, nlp_provider):
    folder = make_folder(tmp_path, seed_path)
    wb = Workbench(open_database(tmp_path / "c.sqlite3"), nlp_provider)
    try:
        calls = iter([False, True])
        result = import_files(wb, article_files([folder]), cancelled=lambda: next(calls, True))
        assert result.cancelled and len(result.imported) == 1
        assert len(wb.articles()) == 1
    finally:
        wb.db.dispose()
