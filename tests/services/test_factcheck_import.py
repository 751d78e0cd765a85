"""Importing fact-check files into the desk: counts like article imports, one entry per review."""

from __future__ import annotations

import json
from pathlib import Path

from claimdesk.services.factcheck_import import import_factcheck_files
from claimdesk.storage import factcheck_repo
from claimdesk.storage.db import open_database
from tests.importers.test_factcheck_files import review, write


def test_files_import_once_per_review_url_and_refusals_are_listed(
    desk_target: str | Path, tmp_path: Path
) -> None:
    db = open_database(desk_target)
    try:
        feed = write(tmp_path / "feed.json", [review(1), review(2), review(2), review(3, url=None)])
        page = write(tmp_path / "page.html", "<script type='application/ld+json'>"
                     + json.dumps(review(1)) + "</script>")
        csv = write(tmp_path / "more.csv", "claim,url,rating\nNew one,https://c.example/9,True\n")
        bad = write(tmp_path / "bad.json", "[" * 5000)
        first = import_factcheck_files(db, [feed, page, bad, csv])
        assert (first.files, first.added, first.updated, first.unchanged, first.repeated) == (
            4, 3, 0, 0, 2)
        assert first.skipped == (("no review URL", 1),)
        assert [path for path, _ in first.refused] == [str(bad)]
        assert first.summary() == (
            "3 fact-checks added, 0 updated, 0 already in the library, 2 repeated in the files; "
            "1 item left out (1 with no review URL); 3 files read, 1 refused.")
        changed = write(tmp_path / "feed2.json", [review(1, claimReviewed="Changed claim"),
                                                  review(2)])
        again = import_factcheck_files(db, [changed])
        assert (again.added, again.updated, again.unchanged, again.refused) == (0, 1, 1, ())
        with db.sessions() as s:
            assert factcheck_repo.count(s) == 3
    finally:
        db.dispose()
