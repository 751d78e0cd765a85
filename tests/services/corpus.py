"""Generated desks of many articles for search tests and the search benchmark.

Article i holds the unique word `marker{i}` in its first sentence, which is also its
first claim; every 10th article's first claim is rated with `register{i}` in the
explanation, and every 7th has a source with `dossier{i}` in its URL and note.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path

from claimdesk.domain import ArticleMetadata, CandidateClaim, ClaimOrigin, SourceDraft
from claimdesk.storage import repositories as repo
from claimdesk.storage.db import open_database

SPEAKERS = ("Ana Costa", "Ben Okafor", "Chen Wei", "Dana Reyes")


def vocabulary(size: int = 3000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def _sentences(
    rng: random.Random, words: list[str], cumulative: list[float], n: int, length: int
) -> list[str]:
    out = []
    for _ in range(n):
        chosen = rng.choices(words, cum_weights=cumulative, k=rng.randint(length // 2, length))
        out.append(" ".join(chosen).capitalize() + ".")
    return out


def articles(n: int, sentences: int = 8, seed: int = 11) -> Iterator[tuple[str, str, str]]:
    """(title, text, first sentence) of article 1 … n."""
    rng = random.Random(seed)
    words = vocabulary()
    # Zipf-like: a few words are very common, as in real text.
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(words))))
    for i in range(1, n + 1):
        body = _sentences(rng, words, cumulative, sentences, 24)
        first = f"Officials said marker{i} " + body[0][0].lower() + body[0][1:]
        title = " ".join(rng.choices(words, k=4)).title()
        yield title, " ".join([first, *body[1:]]) + "\n", first


def fill_with_repositories(path: str | Path, n: int) -> None:
    """Store `n` articles, claims, verdicts and sources through the repositories."""
    db = open_database(path)
    try:
        with db.sessions.begin() as s:
            rating = repo.default_scale(s).ratings[1].id
            for i, (title, text, first) in enumerate(articles(n), start=1):
                aid = repo.add_article(
                    s,
                    text=text,
                    metadata=ArticleMetadata(title=title),
                    file_name=f"a{i}.txt",
                    file_path=f"/corpus/a{i}.txt",
                    fmt="txt",
                    sha256=f"sha{i}",
                )
                candidate = CandidateClaim(
                    0, len(first), first, score=0.8, speaker=SPEAKERS[i % len(SPEAKERS)]
                )
                cid = repo.add_claim(s, aid, candidate, ClaimOrigin.EXTRACTED)
                if i % 10 == 0:
                    repo.set_verdict(s, cid, rating, f"Checked against register{i}.", "Ana")
                if i % 7 == 0:
                    draft = SourceDraft(
                        url=f"https://archive.example/dossier{i}",
                        title="Public archive",
                        note=f"See dossier{i}, page 3.",
                    )
                    repo.add_source(s, cid, draft)
    finally:
        db.dispose()


def fill_fast(path: Path, n: int, sentences: int = 8) -> None:
    """The same desk written with executemany, indexed in one go afterwards.

    The index triggers are dropped for the bulk insert; opening the database then finds
    them missing and rebuilds the index (the repair path the app relies on).
    """
    open_database(path).dispose()
    now = "2026-01-01 10:00:00"
    rows = list(articles(n, sentences))
    con = sqlite3.connect(path)
    try:
        for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fts%'"
        ).fetchall():
            con.execute(f"DROP TRIGGER {name}")
        con.executemany(
            "INSERT INTO articles (id, title, file_name, file_path, format, sha256, text,"
            " imported_at) VALUES (?, ?, ?, ?, 'txt', ?, ?, ?)",
            [
                (i, title, f"a{i}.txt", f"/corpus/a{i}.txt", f"sha{i}", text, now)
                for i, (title, text, _) in enumerate(rows, start=1)
            ],
        )
        con.executemany(
            'INSERT INTO claims (id, article_id, start, "end", text, origin, score, types,'
            " speaker, entities, status, created_at, updated_at)"
            " VALUES (?, ?, 0, ?, ?, 'extracted', 0.8, '[]', ?, '[]', 'todo', ?, ?)",
            [
                (i, i, len(first), first, SPEAKERS[i % len(SPEAKERS)], now, now)
                for i, (_, _, first) in enumerate(rows, start=1)
            ],
        )
        rating = con.execute("SELECT id FROM ratings ORDER BY position LIMIT 1 OFFSET 1").fetchone()
        con.executemany(
            "INSERT INTO verdicts (claim_id, rating_id, explanation, checker, created_at,"
            " updated_at) VALUES (?, ?, ?, 'Ana', ?, ?)",
            [
                (i, rating[0], f"Checked against register{i}.", now, now)
                for i in range(10, n + 1, 10)
            ],
        )
        con.executemany(
            "INSERT INTO source_notes (claim_id, url, title, publisher, quote, note, stance,"
            " created_at) VALUES (?, ?, 'Public archive', '', '', ?, 'context', ?)",
            [
                (i, f"https://archive.example/dossier{i}", f"See dossier{i}, page 3.", now)
                for i in range(7, n + 1, 7)
            ],
        )
        con.commit()
    finally:
        con.close()
    open_database(path).dispose()
