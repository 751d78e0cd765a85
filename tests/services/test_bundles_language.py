"""Bundles carry the article's language; a checker's correction is never replaced by one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimdesk.domain import ArticleMetadata, LanguageSource
from claimdesk.exchange.bundle_file import BundleRefused
from claimdesk.services.bundles import export_bundle, import_bundle
from claimdesk.services.workbench import Workbench
from tests.exchange.bundles import bundle_with, good_data
from tests.reports.casework import open_workbench

GERMAN = (
    "Der Bundestag hat am Donnerstag das neue Heizungsgesetz mit knapper Mehrheit "
    "beschlossen. Die Opposition kündigte eine Klage an.\n"
)


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[tuple[Workbench, Workbench]]:
    a = open_workbench(tmp_path / "a.sqlite3")
    b = open_workbench(tmp_path / "b.sqlite3")
    yield a, b
    a.db.dispose()
    b.db.dispose()


def _article(wb: Workbench, folder: Path, text: str = GERMAN) -> int:
    path = folder / "de.txt"
    path.write_text(text, encoding="utf-8")
    return wb.open_file(path).article_id


def _language(wb: Workbench) -> tuple[str | None, LanguageSource | None]:
    (summary,) = wb.articles()
    article = wb.article(summary.id)
    return article.language, article.language_source


def _correct(wb: Workbench, article_id: int, code: str) -> None:
    wb.update_metadata(article_id, ArticleMetadata(title=wb.article(article_id).title), code)


def _edited(source: Path, target: Path, **article: Any) -> Path:
    data = json.loads(good_data(source))
    for a in data["articles"]:
        a.update(article)
    return bundle_with(target, json.dumps(data).encode("utf-8"))


def test_a_new_article_arrives_with_its_language_and_source(
    desks: tuple[Workbench, Workbench], tmp_path: Path
) -> None:
    a, b = desks
    aid = _article(a, tmp_path)
    _correct(a, aid, "de-CH")
    path = tmp_path / "case.claimdesk"
    export_bundle(a.db, path)
    data = json.loads(good_data(path))
    assert (data["articles"][0]["language"], data["articles"][0]["language_source"]) == (
        "de-CH", "checker")
    import_bundle(b.db, path)
    assert _language(b) == ("de-CH", LanguageSource.CHECKER)


def test_local_checker_work_is_kept_and_a_detected_language_yields_to_the_bundles_checker(
    desks: tuple[Workbench, Workbench], tmp_path: Path
) -> None:
    a, b = desks
    aid = _article(a, tmp_path)
    bid = _article(b, tmp_path)
    _correct(a, aid, "lb")
    path = tmp_path / "case.claimdesk"
    export_bundle(a.db, path)
    # Here the detector's "de" stands; the bundle's checker said Luxembourgish: taken.
    assert _language(b) == ("de", LanguageSource.DETECTED)
    import_bundle(b.db, path, take_bundle=True)
    assert _language(b) == ("lb", LanguageSource.CHECKER)
    # Now the checker here says Swiss German: no bundle replaces that, taken or not.
    _correct(b, bid, "gsw")
    import_bundle(b.db, path, take_bundle=True)
    assert _language(b) == ("gsw", LanguageSource.CHECKER)
    # A bundle whose language was only detected never replaces a language known here.
    detected = _edited(path, tmp_path / "detected.claimdesk", language="nl",
                       language_source="detected")
    _correct(b, bid, "de")
    import_bundle(b.db, detected)
    assert _language(b) == ("de", LanguageSource.CHECKER)


def test_older_bundles_without_a_language_leave_it_to_detection(
    desks: tuple[Workbench, Workbench], tmp_path: Path
) -> None:
    a, b = desks
    _article(a, tmp_path)
    path = tmp_path / "case.claimdesk"
    export_bundle(a.db, path)
    data = json.loads(good_data(path))
    for article in data["articles"]:
        del article["language"], article["language_source"]
    old = bundle_with(tmp_path / "old.claimdesk", json.dumps(data).encode("utf-8"))
    import_bundle(b.db, old)
    assert _language(b) == (None, None)
    (summary,) = b.articles()
    b.ensure_language(summary.id)  # what opening it in the window does
    assert _language(b) == ("de", LanguageSource.DETECTED)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"language": "German"}, "language"),
        ({"language": 7}, "language"),
        ({"language": "<script>"}, "language"),
        ({"language": "de", "language_source": "oracle"}, "language_source"),
    ],
)
def test_a_bad_language_is_refused_before_anything_is_written(
    desks: tuple[Workbench, Workbench], tmp_path: Path, change: dict[str, Any], why: str
) -> None:
    a, b = desks
    _article(a, tmp_path)
    path = tmp_path / "case.claimdesk"
    export_bundle(a.db, path)
    bad = _edited(path, tmp_path / "bad.claimdesk", **change)
    with pytest.raises(BundleRefused, match=why):
        import_bundle(b.db, bad)
    assert b.articles() == []


def test_a_language_without_a_source_counts_as_detected(
    desks: tuple[Workbench, Workbench], tmp_path: Path
) -> None:
    a, b = desks
    _article(a, tmp_path)
    path = tmp_path / "case.claimdesk"
    export_bundle(a.db, path)
    bare = _edited(path, tmp_path / "bare.claimdesk", language="de-AT", language_source=None)
    import_bundle(b.db, bare)
    assert _language(b) == ("de-AT", LanguageSource.DETECTED)
