"""Full-text search over a desk of thousands of generated articles, and odd queries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.cli import main
from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin, HitKind, SourceDraft
from claimdesk.errors import KnownError
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.search import fts_query, search, search_database
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import Database, open_database
from claimdesk.storage.fts import RANK_WINDOW
from tests.services.corpus import SPEAKERS, fill_with_repositories
from tests.services.desk import add_article, mark, open_workbench

ARTICLES = 3000

#: Hand-written articles added after the generated ones: (title, text).
PLANTED = (
    ("Zanzibar ferry timetable", "The new timetable starts in June."),
    ("Harbour report", "Cargo ships from Zanzibar unloaded 40 tonnes of cloves."),
    ("Phrase one", "An exact phrase match is what quotes ask for."),
    ("Phrase two", "A match, exact phrase or not, is found by words alone."),
    ("Compilers", "Old C++ compilers and newer tools: a:b ratios (roughly 3:1)."),
    ("Écosse", "Les éoliennes d'Écosse ont battu un record."),
    ("Logic words", "Rock and roll or not, the festival goes on."),
)


@pytest.fixture(scope="module")
def desk(module_desk_target: str | Path) -> Iterator[Database]:
    """The same desk on SQLite and on PostgreSQL (tests/conftest.py: module_desk_target)."""
    fill_with_repositories(module_desk_target, ARTICLES)
    db = open_database(module_desk_target)
    with db.sessions.begin() as s:
        for i, (title, text) in enumerate(PLANTED):
            repo.add_article(
                s,
                text=text,
                metadata=ArticleMetadata(title=title),
                file_name=f"p{i}.txt",
                file_path=f"/p{i}.txt",
                fmt="txt",
                sha256=f"planted{i}",
            )
    yield db
    db.dispose()


def planted_id(title: str) -> int:
    return ARTICLES + 1 + [t for t, _ in PLANTED].index(title)


def test_a_unique_word_finds_its_article_and_claim(desk: Database) -> None:
    hits = search(desk, "marker1234")
    assert {(h.kind, h.article_id, h.claim_id) for h in hits} == {
        (HitKind.ARTICLE, 1234, None),
        (HitKind.CLAIM, 1234, 1234),
    }
    for hit in hits:
        assert [hit.snippet[s:e] for s, e in hit.marks] == ["marker1234"]
        assert hit.marked().count("[[marker1234]]") == 1
        assert hit.article_title and "\x02" not in hit.snippet and "\x03" not in hit.snippet


def test_words_are_prefixes_and_results_are_ranked_and_limited(desk: Database) -> None:
    # marker12, marker120…129, marker1200…1299: 111 articles and their 111 claims.
    hits = search(desk, "marker12", limit=500)
    assert len(hits) == 222
    assert {h.article_id for h in hits} == {12, *range(120, 130), *range(1200, 1300)}
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    assert len(search(desk, "marker12")) == 50
    assert search(desk, "marker12", limit=0) == []


def test_claims_verdicts_and_sources_are_found_with_their_claim(desk: Database) -> None:
    (verdict,) = search(desk, "register2990")
    assert (verdict.kind, verdict.article_id, verdict.claim_id) == (HitKind.VERDICT, 2990, 2990)
    assert verdict.marked() == "Checked against [[register2990]]."
    found = search(desk, "dossier2989")  # in the URL and in the note of one source
    assert [(h.kind, h.claim_id) for h in found] == [(HitKind.SOURCE, 2989)]
    assert found[0].source_id is not None
    speaker = SPEAKERS[1234 % len(SPEAKERS)]
    by_speaker = search(desk, f'"{speaker}" marker1234')
    assert [(h.kind, h.claim_id) for h in by_speaker] == [(HitKind.CLAIM, 1234)]


def test_a_title_outranks_the_same_word_in_a_text(desk: Database) -> None:
    hits = search(desk, "zanzibar")
    assert [h.article_id for h in hits] == [
        planted_id("Zanzibar ferry timetable"),
        planted_id("Harbour report"),
    ]


def test_quotes_make_a_phrase(desk: Database) -> None:
    one, two = planted_id("Phrase one"), planted_id("Phrase two")
    assert {h.article_id for h in search(desk, "exact phrase match")} == {one, two}
    assert [h.article_id for h in search(desk, '"exact phrase match"')] == [one]
    assert [h.article_id for h in search(desk, '"exact phr"')] == []  # a phrase is exact


def test_accents_and_case_do_not_matter(desk: Database) -> None:
    ecosse = planted_id("Écosse")
    assert {h.article_id for h in search(desk, "ECOSSE")} == {ecosse}
    assert {h.article_id for h in search(desk, "éoliennes")} == {ecosse}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"unbalanced', None),
        ("C++", "Compilers"),
        ("AND OR NOT", "Logic words"),
        ("-", None),
        ("a:b", "Compilers"),
        ("(", None),
        (")", None),
        ("NEAR(rock roll)", None),
        ("rock*", "Logic words"),
        ("^rock", "Logic words"),
        ("title:rock", None),
        ("{title}: rock", None),
        ("rock AND (roll OR jazz)", None),
        ('"" "', None),
        ("'; DROP TABLE articles; --", None),
        ("\\", None),
        ("   ", None),
    ],
)
def test_odd_queries_never_raise(desk: Database, query: str, expected: str | None) -> None:
    hits = search(desk, query)
    if expected is not None:
        assert planted_id(expected) in {h.article_id for h in hits}
    assert all(h.article_id for h in hits)


def test_query_building() -> None:
    assert fts_query("fact check") == '"fact"* "check"*'
    assert fts_query('say "exact words" UK') == '"say"* "exact words" "UK"'
    assert fts_query("covid-19 U.S.") == '"covid 19" "U S"'
    assert fts_query('"unbalanced phrase') == '"unbalanced"* "phrase"*'
    assert fts_query("AND OR NOT") == '"AND"* "OR" "NOT"*'
    assert fts_query("- ( ) * ^ :") is None
    assert fts_query("x" * 5 + " y" * 100).count('"') == 2 * 32


def test_the_index_follows_workbench_edits(
    desk_target: str | Path, tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    wb = open_workbench(desk_target, nlp_provider)
    try:
        aid = add_article(wb, tmp_path)
        claim = mark(wb, aid, "Ministers will meet again")
        assert {h.kind for h in search(wb, "ministers")} == {HitKind.ARTICLE, HitKind.CLAIM}
        rating = wb.rating_scale().ratings[0].id
        wb.set_verdict(claim, rating, "The diary shows a quokka summit.")
        assert [h.kind for h in search(wb, "quokka")] == [HitKind.VERDICT]
        wb.set_verdict(claim, rating, "The diary shows a platypus summit.")
        assert search(wb, "quokka") == []
        source_id, _ = wb.add_source(claim, SourceDraft(url="", quote="wombat minutes"))
        assert [h.source_id for h in search(wb, "wombat")] == [source_id]
        wb.delete_claim(claim)
        assert search(wb, "platypus") == [] and search(wb, "wombat") == []
        assert {h.kind for h in search(wb, "ministers")} == {HitKind.ARTICLE}
        wb.undo()
        assert [h.source_id for h in search(wb, "wombat")] == [source_id]
        with wb.db.sessions.begin() as s:  # the storage layer alone keeps it in sync too
            repo.add_claim(s, aid, CandidateClaim(0, 4, "Fans"), ClaimOrigin.MANUAL)
        assert HitKind.CLAIM in {h.kind for h in search(wb.db, "fans")}
    finally:
        wb.db.dispose()


def test_command_prints_text_and_json(desk: Database, capsys: pytest.CaptureFixture[str]) -> None:
    where = desk.where  # a file name, or the server address (it has no password here)
    assert main(["search", "marker1234", "--db", where, "--format", "text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(line.split("\t")[0] for line in lines) == ["article", "claim"]
    article = next(line.split("\t") for line in lines if line.startswith("article"))
    assert article[1:3] == ["1234", "-"] and "[[marker1234]]" in article[4]
    assert main(["search", "register2990", "--db", where, "--format", "json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["kind"] == "verdict" and hit["claim_id"] == 2990
    assert hit["marked"] == "Checked against [[register2990]]."
    assert hit["snippet"][slice(*hit["marks"][0])] == "register2990"
    assert main(["search", "nothing-like-this", "--db", where, "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_command_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="No ClaimDesk database at"):
        search_database("x", str(tmp_path / "none.sqlite3"), None)
    assert not (tmp_path / "none.sqlite3").exists()
    with pytest.raises(KnownError, match="No ClaimDesk database at"):
        search_database("x", None, str(tmp_path / "data"))


def test_a_word_in_most_articles_ranks_the_newest_matches(desk: Database) -> None:
    """Every generated article says "officials": only the newest RANK_WINDOW are ranked."""
    hits = search(desk, "officials", limit=100)
    assert len(hits) == 100
    assert min(h.article_id for h in hits) > ARTICLES - RANK_WINDOW
    # A second word narrows the matches below the window: ranked over the whole desk.
    narrowed = {h.article_id for h in search(desk, "officials marker123")}
    assert narrowed == {123, *range(1230, 1240)}
