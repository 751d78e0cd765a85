"""Batch import over a real folder of good, duplicate and bad files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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


@pytest.mark.skipif(not hasattr(os, "mkfifo") or os.name == "nt", reason="POSIX links and pipes")
def test_folder_import_refuses_links_that_leave_the_folder_and_special_files(
    tmp_path, nlp_provider
):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The secret plan is to raise taxes.", encoding="utf-8")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "story.txt").write_text("Unemployment fell to 4% in May.", encoding="utf-8")
    (folder / "alias.txt").symlink_to(folder / "story.txt")  # stays inside: allowed
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "shadow.txt").symlink_to("/etc/shadow")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")

    files = article_files([folder])
    wb = Workbench(open_database(tmp_path / "links.sqlite3"), nlp_provider)
    try:
        result = import_files(wb, files)
        # Sorted order: the link inside the folder comes first, the file is its duplicate.
        assert [Path(p).name for p, _ in result.imported] == ["alias.txt"]
        assert [Path(p).name for p, _ in result.duplicates] == ["story.txt"]
        refused = {Path(p).name: reason for p, reason in result.refused}
        assert sorted(refused) == ["elsewhere", "leak.txt", "pipe.txt", "shadow.txt"]
        assert refused["leak.txt"].startswith("it is a link to a file outside the folder you chose")
        assert refused["shadow.txt"].startswith("it is a link to a file outside the folder")
        assert refused["elsewhere"].startswith("it is a link to a folder outside the folder")
        assert "not a regular file" in refused["pipe.txt"]
        assert result.summary() == "1 imported, 1 already in the library, 4 refused."
        texts = [wb.article(a.id).text for a in wb.articles()]
        assert texts == ["Unemployment fell to 4% in May."]
    finally:
        wb.db.dispose()


@pytest.mark.skipif(os.name == "nt", reason="POSIX links")
def test_a_link_swapped_after_the_folder_was_searched_is_refused(tmp_path, nlp_provider):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The secret plan.", encoding="utf-8")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "story.txt").write_text("Unemployment fell to 4% in May.", encoding="utf-8")
    (folder / "a.txt").symlink_to(folder / "story.txt")
    files = article_files([folder])
    (folder / "a.txt").unlink()
    (folder / "a.txt").symlink_to(outside / "secret.txt")

    wb = Workbench(open_database(tmp_path / "swap.sqlite3"), nlp_provider)
    try:
        result = import_files(wb, files)
        assert [Path(p).name for p, _ in result.refused] == ["a.txt"]
        assert [Path(p).name for p, _ in result.imported] == ["story.txt"]
    finally:
        wb.db.dispose()
