"""Fact-check files: ClaimReview JSON-LD in every shape, pages, feeds, CSV; hostile ones refused."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.errors import KnownError
from claimdesk.importers import factcheck_files
from claimdesk.importers.factcheck_files import FactCheckFileRefused, read_factchecks


def review(n: int, **more: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example/review/{n}",
        "claimReviewed": f"Claim number {n} about the economy",
        "datePublished": "2024-03-09",
        "inLanguage": "en",
        "author": {"@type": "Organization", "name": "Checks Example"},
        "headline": f"Is claim {n} true?",
        "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5,
                         "worstRating": 1, "alternateName": "Mostly false"},
    }
    item.update(more)
    return item


def write(path: Path, content: Any) -> Path:
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return path


def test_a_single_claimreview_object_is_read_whole(tmp_path: Path) -> None:
    read = read_factchecks(write(tmp_path / "one.json", review(1)))
    assert read.drafts == [FactCheckDraft(
        url="https://checks.example/review/1", claim="Claim number 1 about the economy",
        rating="Mostly false", rating_value=2.0, rating_best=5.0, rating_worst=1.0,
        publisher="Checks Example", published=date(2024, 3, 9), language="en",
        title="Is claim 1 true?")]
    assert not read.skipped


def test_lists_graphs_and_prefixed_types_are_all_found(tmp_path: Path) -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "not a review"},
        review(2, **{"@type": "schema:ClaimReview"}),
        review(3, **{"@type": ["http://schema.org/ClaimReview"]}),
    ]}
    assert [d.url[-1] for d in read_factchecks(write(tmp_path / "g.jsonld", graph)).drafts] == [
        "2", "3"]
    listed = read_factchecks(write(tmp_path / "l.json", [review(4), review(5)]))
    assert [d.claim for d in listed.drafts] == [
        "Claim number 4 about the economy", "Claim number 5 about the economy"]


def test_a_data_commons_style_feed_is_read(tmp_path: Path) -> None:
    feed = {
        "@context": "https://schema.org", "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [review(n)]} for n in range(1, 4)
        ] + [{"@type": "DataFeedItem", "item": [review(9, url=None)]}],
    }
    read = read_factchecks(write(tmp_path / "feed.json", feed))
    assert len(read.drafts) == 3
    assert dict(read.skipped) == {"no review URL": 1}


def test_wrong_types_leave_an_item_out_or_a_field_empty_never_crash(tmp_path: Path) -> None:
    odd = [
        review(1, claimReviewed=12345),  # no claim text at all
        review(2, url=12345),  # url must be text (a list of texts is JSON-LD's many values)
        review(3, reviewRating="False", author=[{"name": "Desk A"}], datePublished=7,
               inLanguage={"name": "English"}),
        review(4, url="javascript:alert(1)"),
        review(5, reviewRating={"ratingValue": "False"}, claimReviewed=None,
               itemReviewed={"@type": "Claim", "name": "From itemReviewed"}),
    ]
    read = read_factchecks(write(tmp_path / "odd.json", odd))
    assert dict(read.skipped) == {"no claim text": 1, "no review URL": 1,
                                  "a review URL that is not a web address (http or https)": 1}
    three, five = read.drafts
    assert (three.rating, three.rating_value, three.publisher, three.published,
            three.language) == ("", None, "Desk A", None, None)
    assert (five.claim, five.rating, five.rating_value) == ("From itemReviewed", "False", None)


def test_a_saved_fact_check_page_gives_its_json_ld_blocks(tmp_path: Path) -> None:
    page = f"""<!doctype html><html><head><title>Check</title>
    <script type="application/ld+json">{{ broken json </script>
    <script type="application/ld+json">{json.dumps({"@graph": [review(7)]})}</script>
    <script type="text/javascript">var x = {json.dumps(review(8))};</script>
    </head><body><p>Our verdict: mostly false.</p></body></html>"""
    read = read_factchecks(write(tmp_path / "page.html", page))
    assert [d.url for d in read.drafts] == ["https://checks.example/review/7"]
    assert dict(read.skipped) == {"a JSON-LD block that is not valid JSON": 1}
    with pytest.raises(FactCheckFileRefused, match="no JSON-LD"):
        read_factchecks(write(tmp_path / "plain.html", "<html><body><p>Hi</p></body></html>"))


def test_csv_with_the_issues_columns_and_other_spellings(tmp_path: Path) -> None:
    csv_text = (
        "Claim;Rating;URL;Publisher;Date;Language\n"
        "Sugar makes children hyperactive;False;https://c.example/1;Desk B;2023-01-02;en\n"
        "Sin URL;Falso;;Desk B;2023-01-02;es\n"
        ";;;;;\n"
        "El azúcar causa hiperactividad;Falso;https://c.example/2;Desk C;02/03/2023;es\n"
    )
    read = read_factchecks(write(tmp_path / "checks.csv", csv_text))
    first, second = read.drafts
    assert (first.claim, first.rating, first.publisher, first.published, first.language) == (
        "Sugar makes children hyperactive", "False", "Desk B", date(2023, 1, 2), "en")
    assert (second.claim, second.published, second.language) == (
        "El azúcar causa hiperactividad", None, "es")
    assert dict(read.skipped) == {"no review URL": 1}
    with pytest.raises(FactCheckFileRefused, match="at least claim and url"):
        read_factchecks(write(tmp_path / "bad.csv", "a,b\n1,2\n"))


def test_gzip_and_zip_packed_files_are_read(tmp_path: Path) -> None:
    packed = tmp_path / "feed.json.gz"
    packed.write_bytes(gzip.compress(json.dumps([review(1), review(2)]).encode()))
    assert len(read_factchecks(packed).drafts) == 2
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.json", json.dumps(review(3)))
        archive.writestr("b.csv", "claim,url\nC,https://z.example/4\n")
        archive.writestr("readme.txt", "ignored")
    (tmp_path / "two.zip").write_bytes(buffer.getvalue())
    assert [d.url[-1] for d in read_factchecks(tmp_path / "two.zip").drafts] == ["3", "4"]


def _refusal(path: Path) -> str:
    with pytest.raises(FactCheckFileRefused) as info:
        read_factchecks(path)
    message = str(info.value)
    assert isinstance(info.value, KnownError)
    assert "\n" not in message and message.startswith(f"Cannot import fact-checks from {path}")
    return message


def test_hostile_files_are_refused_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "nested" in _refusal(write(tmp_path / "deep.json", "[" * 200_000 + "]" * 200_000))
    assert "nested" in _refusal(write(tmp_path / "deep2.json", "[" * 100 + "]" * 100))
    assert "not valid JSON" in _refusal(write(tmp_path / "bad.json", "{'a': 1"))
    (tmp_path / "bin.json").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert "PNG" in _refusal(tmp_path / "bin.json")
    assert "not a fact-check format" in _refusal(write(tmp_path / "x.docx", "x"))
    # Limits scaled down so the test writes kilobytes, not the real 256 MB.
    monkeypatch.setattr(factcheck_files, "MAX_BYTES", 100_000)
    assert "larger than" in _refusal(write(tmp_path / "big.json", " " * 100_001))
    (tmp_path / "bomb.json.gz").write_bytes(gzip.compress(b" " * 2_000_000))
    assert "gzip bomb" in _refusal(tmp_path / "bomb.json.gz")
    (tmp_path / "broken.json.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    assert "not a valid gzip" in _refusal(tmp_path / "broken.json.gz")


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("feed.json", b" " * 20_000_000)  # about 20 KB packed
    (tmp_path / "bomb.zip").write_bytes(buffer.getvalue())
    assert "zip bomb" in _refusal(tmp_path / "bomb.zip")
