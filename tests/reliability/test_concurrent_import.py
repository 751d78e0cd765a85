"""Three ClaimDesks importing the same files into one database at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.helpers import TRACEBACK, claim_set, claimdesk, query, write_articles

FILES = 200


@pytest.mark.slow
def test_three_importers_store_each_file_and_its_claims_once(tmp_path: Path) -> None:
    files = [str(p) for p in write_articles(tmp_path / "articles", FILES)]
    single = tmp_path / "single.sqlite3"
    shared = tmp_path / "shared.sqlite3"
    # The database exists first: creating one from two processes is the db helper's case.
    for db in (single, shared):
        proc = claimdesk("import", "--db", str(db), "--data-dir", str(tmp_path / "d"), files[0])
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err

    procs = [
        claimdesk("import", "--db", str(shared), "--data-dir", str(tmp_path / "d"), *files)
        for _ in range(3)
    ]
    results = [p.communicate(timeout=900) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert TRACEBACK not in err, err
        assert proc.returncode == 0, err
        assert len(out.splitlines()) == FILES, out
    proc = claimdesk("import", "--db", str(single), "--data-dir", str(tmp_path / "d"), *files)
    out, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err

    assert query(shared, "SELECT count(*), count(DISTINCT sha256) FROM articles") == [
        (FILES, FILES)
    ]
    assert query(shared, "SELECT count(*) FROM articles WHERE extracted_at IS NULL") == [(0,)]
    one_run = claim_set(single)
    assert len(one_run) >= 2 * FILES  # the articles do yield claims
    assert claim_set(shared) == one_run
