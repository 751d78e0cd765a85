"""Search finds words in every language: scripts without spaces, clitics, compounds, endings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdesk.cli import main
from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin, HitKind, SearchHit
from claimdesk.services.search import fts_query, search
from claimdesk.storage import fts_substring
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import Database, open_database

#: (title, text); each text is one sentence as a news agency would write it.
ARTICLES = {
    "zh": ("统计局数据", "国家统计局表示，中国城镇调查失业率上升至百分之五点三。"),
    "zh2": ("天气", "北京今天有大雨，气温下降。"),
    "ja": ("東京", "東京都は新しい住宅計画を発表し、インフレ率は三パーセントに上昇した。"),
    "th": ("ประชากร", "ประเทศไทยมีประชากรเพิ่มขึ้นร้อยละสองในปีนี้"),
    "ar": ("تقرير", "قال وزير الاقتصاد إن التضخم ارتفع بنسبة خمسة في المئة."),
    "ar2": ("نمو", "اقتصاد البلاد ينمو ببطء منذ عامين."),
    "de": ("Haushalt", "Die Steuerreform der Bundesregierung kommt im Jahr 2026."),
    "ru": ("Статистика", "Безработица в России выросла, сообщили в Москве."),
    "ru2": ("Россия", "Россия и Казахстан подписали соглашение."),
    "en_uk": ("Growth", "The UK economy grew by 0.3% in the third quarter."),
    "en_ua": ("Grain", "Ukraine grain exports rose by 12% in March."),
}
KEYS = list(ARTICLES)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("languages") / "desk.sqlite3")
    with db.sessions.begin() as s:
        for i, (title, text) in enumerate(ARTICLES.values()):
            aid = repo.add_article(
                s,
                text=text,
                metadata=ArticleMetadata(title=title),
                file_name=f"a{i}.txt",
                file_path=f"/a{i}.txt",
                fmt="txt",
                sha256=f"lang{i}",
            )
            assert aid == i + 1
    yield db
    db.dispose()


def aid(key: str) -> int:
    return KEYS.index(key) + 1


def articles(hits: list[SearchHit]) -> set[int]:
    return {h.article_id for h in hits if h.kind is HitKind.ARTICLE}


def marked_text(hits: list[SearchHit], article: int) -> list[str]:
    (hit,) = [h for h in hits if h.article_id == article and h.kind is HitKind.ARTICLE]
    return [hit.snippet[s:e] for s, e in hit.marks]


def test_chinese_words_inside_a_sentence(desk: Database) -> None:
    hits = search(desk, "失业率")
    assert articles(hits) == {aid("zh")}
    assert marked_text(hits, aid("zh")) == ["失业率"]
    # Two characters: shorter than a trigram, found by the bounded scan.
    assert articles(search(desk, "中国")) == {aid("zh")}
    assert articles(search(desk, "大雨")) == {aid("zh2")}
    assert articles(search(desk, "中国 失业率")) == {aid("zh")}
    assert articles(search(desk, "中国 大雨")) == set()  # every word must be there
    assert marked_text(search(desk, "中国"), aid("zh")) == ["中国"]


def test_japanese_kanji_and_katakana(desk: Database) -> None:
    assert articles(search(desk, "住宅計画")) == {aid("ja")}
    assert articles(search(desk, "計画")) == {aid("ja")}
    assert articles(search(desk, "インフレ")) == {aid("ja")}


def test_thai_without_spaces(desk: Database) -> None:
    hits = search(desk, "ประชากร")
    assert articles(hits) == {aid("th")}
    # The title is the word itself; the text has it between other words.
    assert "ประชากร" in marked_text(hits, aid("th"))
    assert articles(search(desk, "เพิ่มขึ้น")) == {aid("th")}


def test_arabic_with_and_without_the_definite_article(desk: Database) -> None:
    assert articles(search(desk, "اقتصاد")) == {aid("ar"), aid("ar2")}
    assert articles(search(desk, "الاقتصاد")) == {aid("ar"), aid("ar2")}
    assert articles(search(desk, "التضخم")) == {aid("ar")}
    assert articles(search(desk, "وزير")) == {aid("ar")}


def test_a_german_compound_part(desk: Database) -> None:
    assert articles(search(desk, "Steuer")) == {aid("de")}  # a prefix, as before
    hits = search(desk, "reform")  # inside the word: no word starts with it
    assert articles(hits) == {aid("de")}
    assert marked_text(hits, aid("de")) == ["reform"]
    assert articles(search(desk, "regierung")) == {aid("de")}


def test_a_russian_word_with_a_case_ending(desk: Database) -> None:
    assert articles(search(desk, "Россия")) == {aid("ru"), aid("ru2")}
    assert articles(search(desk, "Москва")) == {aid("ru")}
    # Any form finds every form, in any case: the ending is not searched for.
    assert articles(search(desk, "РОССИИ")) == {aid("ru"), aid("ru2")}
    assert articles(search(desk, "безработица")) == {aid("ru")}


def test_english_stays_word_search(desk: Database) -> None:
    # Short words are exact: "UK" is not the start of "Ukraine", nor inside it.
    assert articles(search(desk, "UK")) == {aid("en_uk")}
    assert articles(search(desk, "ukr")) == {aid("en_ua")}
    # Quotes are exact words, also when nothing matches them.
    assert search(desk, '"grain export"') == []
    assert articles(search(desk, '"grain exports"')) == {aid("en_ua")}
    # Short words that match nothing find nothing: no substring guess for them.
    assert search(desk, "ra") == []


def test_claims_in_other_scripts_are_found_with_their_claim(desk: Database) -> None:
    with desk.sessions.begin() as s:
        cid = repo.add_claim(
            s, aid("zh"), CandidateClaim(14, 26, "失业率上升至百分之五点三"), ClaimOrigin.MANUAL
        )
    try:
        hits = search(desk, "失业率")
        assert {(h.kind, h.claim_id) for h in hits} == {
            (HitKind.ARTICLE, None),
            (HitKind.CLAIM, cid),
        }
        assert {(h.kind, h.claim_id) for h in search(desk, "五点")} == {
            (HitKind.ARTICLE, None),
            (HitKind.CLAIM, cid),
        }
    finally:
        with desk.sessions.begin() as s:
            repo.delete_claim(s, cid)
    assert {h.kind for h in search(desk, "失业率")} == {HitKind.ARTICLE}


def test_the_word_query_of_cyrillic_words_drops_the_ending() -> None:
    assert fts_query("Россия") == '"Росс"*'
    assert fts_query("в Москве") == '"в" "Москв"*'
    assert fts_query("fact check") == '"fact"* "check"*'


def test_command_finds_chinese(desk: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "失业率", "--db", str(desk.path), "--format", "text"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.split("\t")[0] == "article" and "[[失业率]]" in line



def _fresh(path: Path, texts: list[str]) -> Database:
    db = open_database(path)
    with db.sessions.begin() as s:
        for i, body in enumerate(texts):
            repo.add_article(
                s, text=body, metadata=ArticleMetadata(title=f"Nr. {i}"), file_name=f"{i}.txt",
                file_path=f"/{i}.txt", fmt="txt", sha256=f"fresh{i}",
            )  # fmt: skip
    return db


def test_many_substring_matches_keep_the_newest_and_scans_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _fresh(tmp_path / "many.sqlite3", [
        "中国经济。", *(f"Die Steuerreform Nummer {i}." for i in range(5)), "天气。", "天气。"
    ])  # fmt: skip
    try:
        monkeypatch.setattr(fts_substring, "RANK_WINDOW", 2)
        hits = search(db, "reform", limit=3)
        assert [h.article_id for h in hits] == [6, 5, 4]  # the newest, unranked
        assert all(h.marked().count("[[reform]]") == 1 for h in hits)
        monkeypatch.setattr(fts_substring, "SCAN_ROWS", 8)
        assert articles(search(db, "中国")) == {1}
        monkeypatch.setattr(fts_substring, "SCAN_ROWS", 7)  # article 1 is older than that
        assert search(db, "中国") == []
        assert articles(search(db, "经济")) == set()
    finally:
        db.dispose()


def test_a_long_article_gets_a_snippet_around_the_match(tmp_path: Path) -> None:
    body = "前言。" * 200 + "国家统计局表示，失业率上升。" + "结语。" * 200
    db = _fresh(tmp_path / "long.sqlite3", [body])
    try:
        (hit,) = search(db, "失业率")
    finally:
        db.dispose()
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 100
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["失业率"]
