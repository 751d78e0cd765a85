"""`claimdesk factchecks …` and `claimdesk match`, run as a user would: real processes and files."""

from __future__ import annotations

import json
from pathlib import Path

from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import open_database
from tests.importers.test_factcheck_files import review, write
from tests.test_cli import run


def _feed(tmp_path: Path) -> Path:
    return write(tmp_path / "feed.json", {"@type": "DataFeed", "dataFeedElement": [
        {"item": [review(1, claimReviewed="5G mobile networks spread the coronavirus.")]},
        {"item": [review(2, claimReviewed="Eating carrots improves your night vision.")]},
        {"item": [review(3, claimReviewed="The Great Wall of China is visible from space.")]},
    ]})


def test_import_reports_counts_and_refusals_then_matches_across_languages(
    tmp_path: Path, data_dir: Path
) -> None:
    db = str(tmp_path / "desk.sqlite3")
    csv = write(tmp_path / "more.csv", "claim,url,rating,language\n"
                "Wind turbines kill more birds than cats,https://c.example/w,False,en\n")
    hostile = write(tmp_path / "deep.json", "[" * 100_000)
    result = run("factchecks", "import", str(_feed(tmp_path)), str(csv), str(hostile), "--db", db)
    assert result.returncode == 1
    assert f"{tmp_path / 'feed.json'}\t3 fact-checks" in result.stdout
    assert "4 fact-checks added, 0 updated, 0 already in the library; 2 files read, 1 refused." in (
        result.stdout)
    refusals = [line for line in result.stderr.splitlines() if "Cannot import" in line]
    assert len(refusals) == 1 and "nested" in refusals[0] and "Traceback" not in result.stderr
    again = run("factchecks", "import", str(csv), "--db", db)
    assert again.returncode == 0 and "0 fact-checks added, 0 updated, 1 already" in again.stdout
    status = run("factchecks", "status", "--db", db)
    assert status.stdout.strip() == (
        "4 fact-checks (4 imported, 0 the desk's own); 4 encoded, 0 not yet.")

    found = run("match", "Las redes 5G propagan el coronavirus", "--lang", "es",
                "--format", "json", "--db", db)
    assert found.returncode == 0, found.stderr
    ((only,),) = [[q] for q in json.loads(found.stdout)]
    best = only["matches"][0]
    assert best["url"] == "https://checks.example/review/1"
    assert (best["rating"], best["publisher"], best["date"], best["language"]) == (
        "Mostly false", "Checks Example", "2024-03-09", "en")
    assert best["similarity"] > 0.5 and best["source"] == "imported"
    text = run("match", "Carrots help you see in the dark", "--limit", "1", "--db", db)
    assert text.returncode == 0 and text.stdout.count("\n") == 1
    assert "night vision" in text.stdout and "https://checks.example/review/2" in text.stdout


def test_match_an_articles_claims_and_say_plainly_what_is_wrong(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "desk.sqlite3"
    database = open_database(path)
    with database.sessions.begin() as s:
        aid = repo.add_article(s, text="Wind farms kill more birds than cats. Tax rose.",
                               metadata=ArticleMetadata(title="Wind"), file_name="w.txt",
                               file_path="/w.txt", fmt="txt", sha256="w")
        wind = CandidateClaim(0, 35, "Wind farms kill more birds than cats")
        first = repo.add_claim(s, aid, wind, ClaimOrigin.MANUAL)
        repo.add_claim(s, aid, CandidateClaim(37, 46, "Tax rose."), ClaimOrigin.MANUAL)
        repo.set_verdict(s, first, repo.default_scale(s).ratings[4].id, "No", "Ana")
    database.dispose()
    assert run("factchecks", "import", str(_feed(tmp_path)), "--db", str(path)).returncode == 0
    result = run("match", "--article", str(aid), "--format", "json", "--db", str(path))
    assert result.returncode == 0, result.stderr
    wind, tax = json.loads(result.stdout)
    assert (wind["claim_id"], tax["claim"]) == (first, "Tax rose.")
    # The claim's own verdict is in the library, but it is no earlier check of itself.
    assert first not in [m["desk_claim_id"] for m in wind["matches"]]
    other = run("match", "Wind turbines kill lots of birds", "--format", "json", "--db", str(path))
    assert json.loads(other.stdout)[0]["matches"][0]["desk_claim_id"] == first
    for args, needle in (
        (("match", "--article", "99"), "There is no article 99"),
        (("match",), "Give either a claim's text or --article ID"),
        (("match", ""), "The claim to match is empty"),
        (("match", "  \n "), "The claim to match is empty"),
        (("match", "x", "--db", str(tmp_path / "none.sqlite3")), "No ClaimDesk database"),
    ):
        failed = run(*args, "--db", str(path)) if "--db" not in args else run(*args)
        assert failed.returncode == 2
        assert needle in failed.stderr and failed.stderr.count("\n") == 1, failed.stderr


def test_an_article_id_too_large_for_the_database_is_refused_in_one_line(
    tmp_path: Path, data_dir: Path
) -> None:
    db = str(tmp_path / "desk.sqlite3")
    assert run("factchecks", "import", str(_feed(tmp_path)), "--no-vectors",
               "--db", db).returncode == 0  # fmt: skip
    failed = run("match", "--article", "99999999999999999999", "--db", db)
    assert failed.returncode == 2 and "Traceback" not in failed.stderr, failed.stderr
    assert failed.stderr.count("\n") == 1 and "99999999999999999999 is out of range" in (
        failed.stderr)


def test_lang_is_read_as_a_language_code_whatever_its_case_and_refused_if_it_is_none(
    tmp_path: Path, data_dir: Path
) -> None:
    db = str(tmp_path / "desk.sqlite3")
    checks = write(tmp_path / "checks.csv", "claim,url,rating,language\n"
                   "Las redes 5G propagan el coronavirus,https://c.example/es,Falso,es\n"
                   "Eating carrots improves your night vision,https://c.example/en,False,en\n")
    assert run("factchecks", "import", str(checks), "--db", db).returncode == 0

    def ranks(lang: str) -> dict[str, int | None]:
        found = run("match", "Las redes 5G propagan el coronavirus", "--lang", lang,
                    "--format", "json", "--db", db)  # fmt: skip
        assert found.returncode == 0, found.stderr
        return {m["url"]: m["bm25_rank"] for m in json.loads(found.stdout)[0]["matches"]}

    # "ES", "es-ES" or "es_ES" is Spanish: the Spanish entry stays a full-text candidate
    # (it was left out as a language of its own, "ES" not being "es").
    assert ranks("es")["https://c.example/es"] == 1
    for spelling in ("ES", "es-ES", "es_ES"):
        assert ranks(spelling)["https://c.example/es"] == 1, spelling
    for bad in ("klingon", "e_", "%", "5"):
        failed = run("match", "Las redes 5G", "--lang", bad, "--db", db)
        assert failed.returncode == 2 and failed.stderr.count("\n") == 1, failed.stderr
        assert "is not a language code" in failed.stderr, failed.stderr


def test_match_says_why_nothing_is_printed_an_empty_library_or_an_article_without_claims(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "desk.sqlite3"
    database = open_database(path)
    with database.sessions.begin() as s:
        aid = repo.add_article(s, text="Nothing here.", metadata=ArticleMetadata(title="N"),
                               file_name="n.txt", file_path="/n.txt", fmt="txt", sha256="n")
    database.dispose()
    empty = run("match", "Vaccines contain magnets", "--db", str(path))
    assert (empty.returncode, empty.stdout) == (1, "")
    assert empty.stderr.count("\n") == 1 and "library is empty" in empty.stderr, empty.stderr
    as_json = run("match", "Vaccines contain magnets", "--format", "json", "--db", str(path))
    assert as_json.returncode == 1 and "library is empty" in as_json.stderr
    assert json.loads(as_json.stdout) == [
        {"claim_id": None, "claim": "Vaccines contain magnets", "matches": []}]
    assert run("factchecks", "import", str(_feed(tmp_path)), "--db", str(path)).returncode == 0
    bare = run("match", "--article", str(aid), "--db", str(path))
    assert (bare.returncode, bare.stdout) == (1, "")
    assert f"Article {aid} has no claims to match" in bare.stderr, bare.stderr


def test_a_text_far_longer_than_a_claim_is_refused_before_it_is_encoded(
    tmp_path: Path, data_dir: Path
) -> None:
    # Encoding one text costs memory with its length (10,000 words: 0.8 GB, 40,000:
    # 2.9 GB, a megabyte would not fit a laptop); a claim or a post is far shorter.
    db = str(tmp_path / "desk.sqlite3")
    assert run("factchecks", "import", str(_feed(tmp_path)), "--no-vectors",
               "--db", db).returncode == 0  # fmt: skip
    article = "Vaccines contain magnets and " * 400  # 11,600 characters
    failed = run("match", article, "--db", db)
    assert failed.returncode == 2 and failed.stdout == "", failed.stderr
    assert failed.stderr.count("\n") == 1 and "11,600 characters long" in failed.stderr
    assert "--article" in failed.stderr
    status = run("factchecks", "status", "--db", db)
    assert "0 encoded, 3 not yet" in status.stdout  # refused before anything was done


def test_one_fact_check_is_counted_in_the_singular(tmp_path: Path, data_dir: Path) -> None:
    db = str(tmp_path / "desk.sqlite3")
    one = write(tmp_path / "one.csv", "claim,url\nCarrots improve night vision,https://c.example/1\n")
    result = run("factchecks", "import", str(one), "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{one}\t1 fact-check",
        "1 fact-check added, 0 updated, 0 already in the library; 1 file read, 0 refused.",
    ]
    assert result.stderr == "claimdesk: encoding 1 fact-check…\n"
    status = run("factchecks", "status", "--db", db)
    assert status.stdout == "1 fact-check (1 imported, 0 the desk's own); 1 encoded, 0 not yet.\n"


def test_a_claim_typed_in_a_latin_1_terminal_is_matched_not_a_traceback(
    tmp_path: Path, data_dir: Path
) -> None:
    # Bytes that are not UTF-8 reach Python as lone surrogates ("seg\udcfan" for the
    # Latin-1 "según"); the sentence splitter could not encode them and the command
    # ended in UnicodeEncodeError.
    db = str(tmp_path / "desk.sqlite3")
    assert run("factchecks", "import", str(_feed(tmp_path)), "--db", db).returncode == 0
    typed = "Las redes 5G propagan el coronavirus, seg\udcfan dicen. Es falso."
    for fmt in ("json", "text"):
        found = run("match", typed, "--format", fmt, "--db", db)
        assert found.returncode == 0 and "Traceback" not in found.stderr, found.stderr
    found = run("match", typed, "--format", "json", "--db", db)
    (only,) = json.loads(found.stdout)
    assert only["claim"] == "Las redes 5G propagan el coronavirus, según dicen. Es falso."
    assert only["matches"][0]["url"] == "https://checks.example/review/1"


def test_a_claim_with_no_words_once_cleaned_is_refused_not_matched_at_random(
    tmp_path: Path, data_dir: Path
) -> None:
    # A link alone, a zero-width space, emoji or punctuation: matching read an empty
    # query and printed five arbitrary fact-checks (exit 0, "found").
    db = str(tmp_path / "desk.sqlite3")
    assert run("factchecks", "import", str(_feed(tmp_path)), "--no-vectors",
               "--db", db).returncode == 0  # fmt: skip
    for text in ("https://t.co/abc", "\u200b", "😀😀🔥", "?!", "#"):
        failed = run("match", text, "--db", db)
        assert (failed.returncode, failed.stdout) == (2, ""), (text, failed.stdout)
        assert failed.stderr.count("\n") == 1 and "has no words" in failed.stderr, failed.stderr
    assert run("match", "5G 🔥", "--db", db).returncode == 0  # one word is enough


def test_a_missing_article_names_the_desk_on_a_server_too(
    desk_target: str | Path, data_dir: Path
) -> None:
    # On a shared desk the database has no file, and the message said "in None".
    open_database(desk_target).dispose()
    failed = run("match", "--article", "99", "--db", str(desk_target))
    assert failed.returncode == 2 and failed.stderr.count("\n") == 1, failed.stderr
    assert failed.stderr.startswith("claimdesk: There is no article 99 in ")
    assert "None" not in failed.stderr
    if isinstance(desk_target, Path):
        assert str(desk_target) in failed.stderr
