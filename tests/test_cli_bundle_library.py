"""`claimdesk bundle export --with-library`: the fact-check library travels to another desk,
is merged by review URL like any import, and a tampered library refuses the whole bundle."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from claimdesk.exchange.bundle_file import BundleRefused
from claimdesk.services.bundles import import_bundle
from claimdesk.services.factcheck_import import import_factcheck_files
from tests.reports.casework import build_case, open_workbench
from tests.storage.dbfiles import rows
from tests.test_cli import run

CHECKS = (
    "claim,rating,url,publisher,date,language,title\n"
    "5G networks spread the coronavirus,False,https://checks.example/5g,Checks Example,"
    "2020-04-06,en,Do 5G masts spread COVID-19?\n"
    "Drinking hot water with lemon cures cancer,Mostly false,https://checks.example/lemon,"
    "Checks Example,2019-02-01,en,\n"
    "Las vacunas contienen microchips,Falso,https://verifica.example/chips,Verifica,"
    "2021-01-10,es,\n"
)
LIBRARY_ROWS = (
    "SELECT url, claim, title, rating, rating_value, publisher, published, language, source "
    "FROM factchecks WHERE source = 'imported' ORDER BY url"
)


def _desks(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Desk A (a case and three imported fact-checks), an empty desk B, a bundle path."""
    case = build_case(tmp_path / "a")
    (tmp_path / "checks.csv").write_text(CHECKS, encoding="utf-8")
    assert import_factcheck_files(case.workbench.db, [tmp_path / "checks.csv"]).added == 3
    first = case.workbench.db.path
    case.close()
    other = open_workbench(tmp_path / "b" / "b.sqlite3")
    second = other.db.path
    other.db.dispose()
    return first, second, tmp_path / "case.claimdesk"


def _where(db: Path, tmp_path: Path) -> tuple[str, ...]:
    return ("--db", str(db), "--data-dir", str(tmp_path / "data"))


def test_the_library_goes_to_another_desk_and_a_second_import_adds_nothing(
    tmp_path: Path,
) -> None:
    first, second, bundle = _desks(tmp_path)
    out = run("bundle", "export", "-o", str(bundle), "--with-library", *_where(first, tmp_path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("articles, 3 fact-checks")
    with zipfile.ZipFile(bundle) as zf:
        assert "factchecks.json" in zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["factcheck_count"] == 3
        carried = zf.read("factchecks.json")
        assert b"vector" not in carried  # the receiving desk encodes them itself

    imported = run("bundle", "import", str(bundle), *_where(second, tmp_path))
    assert imported.returncode == 0, imported.stderr
    assert "Fact-check library: 3 added, 0 updated, 0 already here." in imported.stdout
    assert rows(second, LIBRARY_ROWS) == rows(first, LIBRARY_ROWS)
    assert rows(second, "SELECT count(*) FROM factcheck_vectors") == [(0,)]
    # The other desk's full-text index has them: the entries are matched there.
    assert rows(second, "SELECT rowid FROM fts_factchecks WHERE fts_factchecks MATCH 'lemon'")

    again = run("bundle", "import", str(bundle), *_where(second, tmp_path))
    assert again.returncode == 0, again.stderr
    assert "Fact-check library: 0 added, 0 updated, 3 already here." in again.stdout
    assert rows(second, "SELECT count(*) FROM factchecks WHERE source = 'imported'") == [(3,)]

    # A bundle without --with-library carries none and says nothing about it.
    plain = tmp_path / "plain.claimdesk"
    out = run("bundle", "export", "-o", str(plain), *_where(first, tmp_path))
    assert out.returncode == 0 and "fact-checks" not in out.stdout
    with zipfile.ZipFile(plain) as zf:
        assert "factchecks.json" not in zf.namelist()


def test_a_corrected_review_updates_the_entry_it_carries(tmp_path: Path) -> None:
    first, second, bundle = _desks(tmp_path)
    assert run("bundle", "export", "-o", str(bundle), "--with-library",
               *_where(first, tmp_path)).returncode == 0  # fmt: skip
    assert run("bundle", "import", str(bundle), *_where(second, tmp_path)).returncode == 0
    corrected = tmp_path / "corrected.claimdesk"
    _edit_library(bundle, corrected, lambda items: items[0].update(rating="Pants on fire"))
    out = run("bundle", "import", str(corrected), *_where(second, tmp_path))
    assert out.returncode == 0, out.stderr
    assert "Fact-check library: 0 added, 1 updated, 2 already here." in out.stdout
    url = json.loads(_member(corrected, "factchecks.json"))["factchecks"][0]["url"]
    assert rows(second, "SELECT rating FROM factchecks WHERE url = ?", url) == [("Pants on fire",)]


def _member(bundle: Path, name: str) -> bytes:
    with zipfile.ZipFile(bundle) as zf:
        return zf.read(name)


def _edit_library(
    source: Path, target: Path, edit: Callable[[list[dict[str, Any]]], None],
    *, checksum: bool = True, count: int | None = None,
) -> Path:
    """A copy of `source` whose factchecks.json went through `edit`; the manifest's
    checksum is redone (an edit a forger would make) unless `checksum` is False."""
    with zipfile.ZipFile(source) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    library = json.loads(members["factchecks.json"])
    edit(library["factchecks"])
    data = json.dumps(library).encode("utf-8")
    members["factchecks.json"] = data
    manifest = json.loads(members["manifest.json"])
    if checksum:
        manifest["files"]["factchecks.json"] = {
            "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)
        }
        manifest["factcheck_count"] = len(library["factchecks"]) if count is None else count
    members["manifest.json"] = json.dumps(manifest).encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, raw in members.items():
            zf.writestr(name, raw)
    return target


def _script(items: list[dict[str, Any]]) -> None:
    items[1]["url"] = "javascript:alert(1)"


def _twice(items: list[dict[str, Any]]) -> None:
    items.append(dict(items[0], claim="Another claim under the same review"))


def _smuggled(items: list[dict[str, Any]]) -> None:
    items[0]["vector"] = [0.1] * 512


def _typed(items: list[dict[str, Any]]) -> None:
    items[2]["rating_value"] = "1e999"


def _unchecked(items: list[dict[str, Any]]) -> None:
    items[0]["claim"] = "Changed after the checksum was taken"


@pytest.mark.parametrize(("edit", "checksum", "reason"), [
    (_script, True, "factchecks.json item 2 has no safe review URL."),
    (_twice, True, "factchecks.json lists the review https://checks.example/5g twice."),
    (_smuggled, True, "factchecks.json item 1 does not have the fields of a fact-check."),
    (_typed, True, "factchecks.json item 3 has an invalid rating value."),
    (_unchecked, False, "factchecks.json does not"),
])  # fmt: skip
def test_a_tampered_library_refuses_the_whole_bundle_and_changes_nothing(
    tmp_path: Path, edit: Callable[[list[dict[str, Any]]], None], checksum: bool, reason: str
) -> None:
    first, second, bundle = _desks(tmp_path)
    assert run("bundle", "export", "-o", str(bundle), "--with-library",
               *_where(first, tmp_path)).returncode == 0  # fmt: skip
    bad = _edit_library(bundle, tmp_path / "bad.claimdesk", edit, checksum=checksum)
    before = {t: rows(second, f"SELECT count(*) FROM {t}") for t in ("articles", "factchecks")}
    out = run("bundle", "import", str(bad), *_where(second, tmp_path))
    assert out.returncode != 0
    (line,) = out.stderr.strip().splitlines()  # one sentence, no traceback
    assert line.startswith("claimdesk: Cannot import bad.claimdesk: ")
    assert reason in line and line.endswith("Nothing was changed.")
    assert {t: rows(second, f"SELECT count(*) FROM {t}") for t in before} == before
    # The same bundle untouched imports: the refusal was the library's doing.
    wb = open_workbench(second)
    try:
        assert import_bundle(wb.db, bundle).library is not None
    finally:
        wb.db.dispose()


def test_a_library_the_manifest_does_not_count_or_list_is_refused(tmp_path: Path) -> None:
    first, _second, bundle = _desks(tmp_path)
    assert run("bundle", "export", "-o", str(bundle), "--with-library",
               *_where(first, tmp_path)).returncode == 0  # fmt: skip
    miscounted = _edit_library(bundle, tmp_path / "count.claimdesk", lambda _i: None, count=7)
    dropped = tmp_path / "dropped.claimdesk"
    with zipfile.ZipFile(bundle) as zf, zipfile.ZipFile(dropped, "w") as out:
        for name in zf.namelist():
            if name != "factchecks.json":
                out.writestr(name, zf.read(name))
    other = open_workbench(tmp_path / "c.sqlite3")
    try:
        with pytest.raises(BundleRefused, match="its manifest says 7"):
            import_bundle(other.db, miscounted)
        with pytest.raises(BundleRefused, match=r"lists factchecks\.json, which is missing"):
            import_bundle(other.db, dropped)
        assert rows(other.db.path, "SELECT count(*) FROM factchecks") == [(0,)]
    finally:
        other.db.dispose()
