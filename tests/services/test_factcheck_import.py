"""Importing fact-check files into the desk: counts like article imports, one entry per review."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import text

from claimdesk.importers.claimreview import MAX_CLAIM_CHARS
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


def _stored(db_path: Path) -> list[tuple[str, str, str]]:
    db = open_database(db_path)
    try:
        with db.sessions() as s:
            drafts = factcheck_repo.imported_drafts(s)
        return [(d.url, d.claim, d.rating) for d in drafts]
    finally:
        db.dispose()


def test_a_tab_separated_file_with_quotes_and_commas_in_its_claims_is_read(
    tmp_path: Path,
) -> None:
    # The heading row says which delimiter the file uses; guessing it from the rows
    # took the comma inside a quoted claim for the delimiter and refused the file.
    tsv = write(tmp_path / "checks.csv", 'claim\turl\trating\n'
                '"He said ""no"", then left"\thttps://c.example/t1\tFalse\n'
                "It's a claim with apostrophe's\thttps://c.example/t2\tTrue\n")
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [tsv])
    finally:
        db.dispose()
    assert result.refused == ()
    assert _stored(tmp_path / "desk.sqlite3") == [
        ("https://c.example/t1", 'He said "no", then left', "False"),
        ("https://c.example/t2", "It's a claim with apostrophe's", "True"),
    ]


def test_a_csv_cell_longer_than_pythons_default_limit_is_cut_not_the_file_refused(
    tmp_path: Path,
) -> None:
    # A claim is cut to MAX_CLAIM_CHARS in JSON; in a CSV a cell over 128 KB refused
    # the whole file with the csv module's own words ("field larger than field limit").
    long_claim = "lorem ipsum " * 90_000
    csv = write(tmp_path / "checks.csv", "claim,url,rating\n"
                f'"{long_claim}",https://c.example/long,False\n'
                "Short claim,https://c.example/short,True\n")
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [csv])
    finally:
        db.dispose()
    assert (result.refused, result.added) == ((), 2)
    stored = {url: claim for url, claim, _ in _stored(tmp_path / "desk.sqlite3")}
    assert stored["https://c.example/long"] == long_claim.strip()[:MAX_CLAIM_CHARS]
    assert stored["https://c.example/short"] == "Short claim"


def test_a_folder_or_a_file_without_extension_is_refused_saying_what_it_is(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "checks.json"
    folder.mkdir()
    bare = write(tmp_path / "README", "claim,url\nA claim,https://c.example/1\n")
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [folder, tmp_path / "exports", bare])
    finally:
        db.dispose()
    (tmp_path / "exports").mkdir()
    assert list(result.refused) == [
        (str(folder), "it is a folder, not a file"),
        (str(tmp_path / "exports"),
         "the file does not exist (it may have been moved or deleted)"),
        (str(bare), "its name has no extension, so its format is unknown; ClaimDesk reads "
         ".json, .jsonld, .json-ld, .html, .htm, .xhtml, .csv, .gz, .zip"),
    ]
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        assert import_factcheck_files(db, [tmp_path / "exports"]).refused == (
            (str(tmp_path / "exports"), "it is a folder, not a file"),)
    finally:
        db.dispose()


def test_json_ld_lists_value_objects_and_node_references_are_read_as_their_values(
    tmp_path: Path,
) -> None:
    # JSON-LD may give any property as a list of values, a text or a date as a value
    # object ({"@value": …}) and an address as a node reference ({"@id": …}): legal
    # ClaimReview that left the review without URL, claim, day or language.
    feed = write(tmp_path / "expanded.jsonld", {"@context": "https://schema.org", "@graph": [
        {"@type": "ClaimReview", "url": ["https://c.example/list"],
         "claimReviewed": [{"@value": "Claim as a value object", "@language": "en"}],
         "datePublished": {"@type": "Date", "@value": "2021-05-04"},
         "inLanguage": ["en"]},
        {"@type": "ClaimReview", "url": {"@id": "https://c.example/node"},
         "claimReviewed": {"@value": "Claim of a node reference"},
         "datePublished": ["2021-05-05T10:00:00+02:00"],
         "inLanguage": {"@value": "es"}},
    ]})
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [feed])
        with db.sessions() as s:
            drafts = factcheck_repo.imported_drafts(s)
    finally:
        db.dispose()
    assert (result.added, result.skipped) == (2, ())
    assert [(d.url, d.claim, d.published, d.language) for d in drafts] == [
        ("https://c.example/list", "Claim as a value object", date(2021, 5, 4), "en"),
        ("https://c.example/node", "Claim of a node reference", date(2021, 5, 5), "es"),
    ]


def test_bidirectional_overrides_are_taken_out_of_every_text_of_a_fact_check(
    tmp_path: Path,
) -> None:
    # An override (U+202E) or isolate left open in a publisher's name runs on into what
    # is shown after it on the same line: the detail pane's date, language and
    # similarity, then the claim and URL, read backwards. C0/C1 controls were already
    # dropped; these format characters were kept.
    rlo, lri, pdi = "\u202e", "\u2066", "\u2069"
    feed = write(tmp_path / "feed.json", [
        review(1, author={"name": f"Checks{rlo} Example"}, headline=f"{lri}Is it true?",
               claimReviewed=f"A claim {rlo}about tax{pdi}",
               reviewRating={"alternateName": f"False{rlo}"}),
        review(2, claimReviewed=f"{rlo}{pdi} "),  # nothing left: no claim text
    ])
    csv = write(tmp_path / "more.csv", "claim,url,rating,publisher,title\n"
                f"Wind {rlo}kills birds,https://c.example/w,Fal{rlo}se,Pub{lri},T{pdi}\n")
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [feed, csv])
        with db.sessions() as s:
            drafts = factcheck_repo.imported_drafts(s)
    finally:
        db.dispose()
    assert (result.added, result.skipped) == (2, (("no claim text", 1),))
    assert [(d.claim, d.rating, d.publisher, d.title) for d in drafts] == [
        ("A claim about tax", "False", "Checks Example", "Is it true?"),
        ("Wind kills birds", "False", "Pub", "T"),
    ]


def test_a_saved_page_whose_json_ld_block_is_over_10_mb_is_read_whole(tmp_path: Path) -> None:
    # libxml2 cuts a text node over 10 MB unless told the document may be huge: the
    # block came back empty and was counted as "not valid JSON", its reviews lost.
    reviews = [review(n, reviewBody="x" * 500) for n in range(20_000)]
    page = write(tmp_path / "feed.html", "<html><head><script type='application/ld+json'>"
                 + json.dumps(reviews) + "</script></head><body></body></html>")
    assert page.stat().st_size > 10 * 1024 * 1024
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [page])
    finally:
        db.dispose()
    assert (result.added, result.skipped, result.refused) == (20_000, (), ())


def test_a_review_url_that_is_no_web_address_is_counted_as_such_not_as_missing(
    tmp_path: Path,
) -> None:
    # A spreadsheet's "www.…" without https://, or a hostile javascript: or file: URL,
    # was left out as having "no review URL": the file plainly had one.
    csv = write(tmp_path / "checks.csv", "claim,url\n"
                "A claim,www.snopes.com/fact-check/a\n"
                "B claim,\n"
                "C claim,https://snopes.com/c\n")
    feed = write(tmp_path / "feed.json", [review(1, url="javascript:alert(1)"),
                                          review(2, url="file:///etc/passwd")])
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [csv, feed])
    finally:
        db.dispose()
    assert result.added == 1
    assert result.skipped == (
        ("a review URL that is not a web address (http or https)", 3), ("no review URL", 1))
    assert result.summary() == (
        "1 fact-check added, 0 updated, 0 already in the library; 4 items left out (3 with "
        "a review URL that is not a web address (http or https), 1 with no review URL); "
        "2 files read, 0 refused.")


def test_a_reimported_review_whose_title_changed_is_encoded_again(tmp_path: Path) -> None:
    # An entry's vector is its claim's and its title's encodings summed
    # (VECTOR_MODEL "usem3/claim+title"), but only a changed claim dropped it: a
    # corrected headline kept a vector of the old one for good.
    import numpy as np

    from claimdesk.services.factcheck_match import VECTOR_MODEL
    from claimdesk.storage import factcheck_vectors

    db = open_database(tmp_path / "desk.sqlite3")
    try:
        import_factcheck_files(db, [write(tmp_path / "a.json", [review(1), review(2), review(3)])])
        with db.sessions.begin() as s:
            ids = sorted(d for (d,) in s.execute(text("SELECT id FROM factchecks")))
            vectors = np.eye(3, 512, dtype=np.float32)
            factcheck_vectors.store_vectors(s, VECTOR_MODEL, ids, vectors)
        again = write(tmp_path / "b.json", [
            review(1, headline="Is claim 1 really true?"),  # the title: encode again
            review(2, reviewRating={"alternateName": "True"}),  # the rating: not in the vector
            review(3),
        ])
        result = import_factcheck_files(db, [again])
        assert (result.updated, result.unchanged) == (2, 1)
        with db.sessions() as s:
            assert factcheck_vectors.without_vector(s, VECTOR_MODEL, 10) == [
                (ids[0], "Claim number 1 about the economy", "Is claim 1 really true?")]
    finally:
        db.dispose()


def test_a_broken_json_ld_block_is_reported_as_a_block_not_as_an_item_left_out(
    tmp_path: Path,
) -> None:
    # Saved pages often carry a broken block for another schema type; the summary
    # called it "1 item left out (1 with a JSON-LD block that is not valid JSON)".
    page = write(tmp_path / "page.html", "<script type='application/ld+json'>{broken</script>"
                 "<script type='application/ld+json'>{\"@type\": \"WebSite\", oops</script>"
                 "<script type='application/ld+json'>"
                 + json.dumps([review(1), review(2, url=None)]) + "</script>")
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [page])
    finally:
        db.dispose()
    assert result.summary() == (
        "1 fact-check added, 0 updated, 0 already in the library; 1 item left out (1 with "
        "no review URL); 2 JSON-LD blocks skipped as not valid JSON; 1 file read, 0 refused.")


def test_json_ld_blocks_in_comment_or_cdata_wrappers_or_with_a_charset_are_read(
    tmp_path: Path,
) -> None:
    # Pages written for XHTML wrap their blocks (/*<![CDATA[*/ … /*]]>*/, <!-- … -->)
    # and some give the type a charset: each such block was lost.
    def block(n: int) -> str:
        return json.dumps(review(n))

    page = write(tmp_path / "page.html", "<html><head>"
                 f"<script type='application/ld+json; charset=utf-8'>{block(1)}</script>"
                 f"<script type='application/ld+json'>/*<![CDATA[*/{block(2)}/*]]>*/</script>"
                 f"<script type='application/ld+json'><!--\n{block(3)}\n--></script>"
                 f"<script type='application/ld+json'>//<![CDATA[\n{block(4)}\n//]]></script>"
                 f"<script type='application/ld+json'><![CDATA[{block(5)}]]></script>"
                 "<script type='application/ld+json+other'>{}</script>"
                 "</head></html>")
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [page])
    finally:
        db.dispose()
    assert (result.added, result.skipped) == (5, ())


def test_a_csv_with_classic_mac_line_endings_is_read(tmp_path: Path) -> None:
    # Excel for Mac's "CSV (Macintosh)" ends lines with CR alone: the csv module refused
    # the file, "new-line character seen in unquoted field - do you need to open the
    # file in universal-newline mode?".
    csv = tmp_path / "mac.csv"
    csv.write_bytes(b"claim,url,rating\rCR only claim,https://c.example/cr1,False\r"
                    b"\"Two\rlines\",https://c.example/cr2,True\r")
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [csv])
    finally:
        db.dispose()
    assert result.refused == ()
    assert _stored(tmp_path / "desk.sqlite3") == [
        ("https://c.example/cr1", "CR only claim", "False"),
        ("https://c.example/cr2", "Two lines", "True"),
    ]


def test_a_refusal_is_its_reason_alone_so_the_window_names_the_file_once(
    tmp_path: Path,
) -> None:
    # The window lists "Refused: {path}: {why}"; why was the whole sentence, path
    # included: "Refused: /x/e.json: Cannot import fact-checks from /x/e.json: the
    # file is empty." The reason alone is kept, as the article import does.
    empty = write(tmp_path / "e.json", "")
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        result = import_factcheck_files(db, [empty])
    finally:
        db.dispose()
    assert result.refused == ((str(empty), "the file is empty"),)


def test_a_review_url_is_one_review_whatever_the_case_of_its_host(tmp_path: Path) -> None:
    """Host names are case-insensitive, paths are not: CHECKS.example/review/1 is the
    review checks.example/review/1, but checks.example/Review/1 is another page."""
    db = open_database(tmp_path / "desk.sqlite3")
    try:
        first = import_factcheck_files(db, [write(tmp_path / "a.json", [
            review(1, url="https://Checks.EXAMPLE/review/1"),
            review(1, url="HTTPS://checks.example/review/1"),
        ])])  # fmt: skip
        assert (first.added, first.repeated) == (1, 1)
        again = import_factcheck_files(db, [write(tmp_path / "b.json", [
            review(1), review(1, url="https://checks.example/Review/1"),
        ])])  # fmt: skip
        assert (again.added, again.unchanged) == (1, 1)
        with db.sessions() as s:
            assert sorted(d.url for d in factcheck_repo.imported_drafts(s)) == [
                "https://checks.example/Review/1", "https://checks.example/review/1"]
        # An entry an older ClaimDesk stored as its file wrote it reaches this code only
        # through migration 0012, which lowers its host (tests/storage/
        # test_review_url_migration.py, on a real older desk).
        for url in ("https://Checks.EXAMPLE/review/1", "https://checks.example/review/1"):
            same = import_factcheck_files(db, [write(tmp_path / "c.json", [review(1, url=url)])])
            assert (same.added, same.updated, same.unchanged) == (0, 0, 1)
        with db.sessions() as s:
            assert factcheck_repo.count(s) == 2
    finally:
        db.dispose()
