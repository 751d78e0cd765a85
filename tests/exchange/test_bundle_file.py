"""The .claimdesk container: a faithful round trip, and every malicious file refused unread."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from claimdesk.domain import SpeakerKind
from claimdesk.exchange import store
from claimdesk.exchange.bundle_file import (
    BundleLimits,
    BundleRefused,
    pack_bundle,
    read_bundle,
)
from claimdesk.exchange.records import article_from_json
from claimdesk.exchange.records_write import article_to_json
from tests.exchange.bundles import MALICIOUS, bundle_with, good_data
from tests.reports.casework import NASTY_CLAIM, NASTY_NOTE, Case


@pytest.fixture(scope="module")
def good_file(case: Case, tmp_path_factory: pytest.TempPathFactory) -> Path:
    with case.workbench.db.sessions() as session:
        records = store.export_articles(session, [case.article_one, case.article_two])
    path = tmp_path_factory.mktemp("bundle") / "case.claimdesk"
    path.write_bytes(pack_bundle(records))
    return path


def test_pack_then_read_gives_the_same_records(case: Case, good_file: Path) -> None:
    bundle = read_bundle(good_file)
    with case.workbench.db.sessions() as session:
        records = store.export_articles(session, [case.article_one, case.article_two])
    assert bundle.articles == tuple(records)
    claims = bundle.articles[0].claims
    assert next(c.text for c in claims if c.verdict) == NASTY_CLAIM
    assert any(s.note == NASTY_NOTE for c in claims for s in c.sources)
    with zipfile.ZipFile(good_file) as zf:
        assert sorted(zf.namelist()) == ["data.json", "manifest.json"]
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format"] == "claimdesk-bundle" and manifest["schema_version"] == 1
    assert manifest["article_count"] == 2


@pytest.mark.parametrize("name", sorted(MALICIOUS))
def test_malicious_bundle_is_refused(name: str, good_file: Path, tmp_path: Path) -> None:
    build, words = MALICIOUS[name]
    path = build(tmp_path / f"{name}.claimdesk", good_data(good_file))
    with pytest.raises(BundleRefused) as caught:
        read_bundle(path)
    message = str(caught.value)
    assert words in message, message
    assert message.startswith(f"Cannot import {path.name}: ")
    assert message.endswith("Nothing was changed.") and "\n" not in message


def test_size_limits_are_enforced(good_file: Path, tmp_path: Path) -> None:
    with pytest.raises(BundleRefused, match="more data than ClaimDesk accepts"):
        read_bundle(good_file, BundleLimits(max_total_bytes=1000))
    with pytest.raises(BundleRefused, match="file is larger"):
        read_bundle(good_file, BundleLimits(max_file_bytes=100))
    with pytest.raises(BundleRefused, match="does not exist"):
        read_bundle(tmp_path / "missing.claimdesk")
    stored = bundle_with(tmp_path / "stored.claimdesk", good_data(good_file))
    assert len(read_bundle(stored).articles) == 2  # a well-formed hand-made bundle reads fine


def test_duplicate_article_in_one_bundle_is_refused(good_file: Path, tmp_path: Path) -> None:
    data = json.loads(good_data(good_file))
    data["articles"].append(data["articles"][0])
    path = bundle_with(tmp_path / "twice.claimdesk", json.dumps(data).encode("utf-8"))
    with pytest.raises(BundleRefused, match="appears twice"):
        read_bundle(path)


def test_speaker_kind_travels_and_older_bundles_without_it_still_read(
    good_file: Path, tmp_path: Path
) -> None:
    article = json.loads(good_data(good_file))["articles"][0]
    first = article["claims"][0]
    first["speaker"], first["speaker_kind"] = "Ukraine", "place"
    read = article_from_json(article, "articles[0]")
    assert (read.claims[0].speaker, read.claims[0].speaker_kind) == ("Ukraine", SpeakerKind.PLACE)
    assert article_to_json(read)["claims"][0]["speaker_kind"] == "place"
    del first["speaker_kind"]  # a bundle made before the key existed
    assert article_from_json(article, "articles[0]").claims[0].speaker_kind is None
    first["speaker_kind"] = "planet"
    with pytest.raises(ValueError, match="speaker_kind"):
        article_from_json(article, "articles[0]")
