"""Text a checker types (or a command line passes) is stored as every other text is.

A NUL pasted into an explanation, or a name given on a command line whose bytes are not
UTF-8 (Python hands those over as lone surrogates), must neither fail the save with a
database error nor be stored on one engine and refused by the other: a desk file holding
a NUL could never be pushed onto a shared desk. It passes importers.common.normalise_text,
as an imported article's and a bundle's text does.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from claimdesk.domain import ArticleMetadata, SourceDraft
from claimdesk.services.nlp_provider import NlpProvider
from tests.services.desk import add_article, mark, open_workbench


def test_control_characters_and_broken_bytes_in_typed_text_are_stored_cleaned(
    desk_target: str | Path, nlp_provider: NlpProvider, tmp_path: Path
) -> None:
    wb = open_workbench(desk_target, nlp_provider)
    try:
        article = add_article(wb, tmp_path)
        claim = mark(wb, article, "Unemployment fell")
        ratings = {r.name: r.id for r in wb.rating_scale().ratings}

        wb.set_verdict(claim, ratings["False"], "No such\x00 fall\ud800.")
        wb.add_source(claim, SourceDraft(url="ministry\x00", title="Table\x00 2", note="a\x00b"))
        wb.assign(claim, "Dana\udcff")
        wb.save_settings(replace(wb.settings(), checker_name="Ben\x00"))
        wb.update_metadata(article, ArticleMetadata(title="Jobs\x00", author="A\udcffB"))

        saved = wb.claim(claim)
        assert saved.verdict is not None
        assert saved.verdict.explanation == "No such fall\ufffd."
        (note,) = saved.sources
        assert (note.url, note.title, note.note) == ("ministry", "Table 2", "ab")
        assert saved.assignee == "Dana\ufffd"
        assert wb.settings().checker_name == "Ben"
        assert (wb.article(article).title, wb.article(article).author) == ("Jobs", "A\ufffdB")
        # The explanation is saved as the pane holds it otherwise (the pane compares the
        # two to know whether to save again): decomposed accents, tabs, bells stay.
        typed = "Cafe\u0301\tcolumn\x07 2"
        wb.set_verdict(claim, ratings["False"], typed)
        assert wb.claim(claim).verdict.explanation == typed  # type: ignore[union-attr]
    finally:
        wb.db.dispose()


def test_text_longer_than_its_column_is_refused_in_one_line_on_both_engines(
    desk_target: str | Path, nlp_provider: NlpProvider, tmp_path: Path
) -> None:
    """PostgreSQL enforces VARCHAR lengths, SQLite does not: a checker name of 201
    characters made every later save on a shared desk fail with a driver error (and,
    stored in a desk file, could never be pushed). Each is refused where it is typed."""
    from claimdesk.domain import RatingDraft
    from claimdesk.errors import KnownError
    from tests.services.desk import dump

    wb = open_workbench(desk_target, nlp_provider)
    try:
        article = add_article(wb, tmp_path)
        claim = mark(wb, article, "Unemployment fell")
        before = dump(wb.db)
        settings = wb.settings()
        scale = [
            RatingDraft(name=r.name, value=r.value, color=r.color, id=r.id)
            for r in wb.rating_scale().ratings
        ]
        attempts = {
            "checker name": lambda: wb.save_settings(replace(settings, checker_name="N" * 201)),
            "publisher": lambda: wb.add_source(claim, SourceDraft(url="x", publisher="P" * 501)),
            "title": lambda: wb.update_metadata(article, ArticleMetadata(title="T" * 501)),
            "author": lambda: wb.update_metadata(article, ArticleMetadata(author="A" * 501)),
            "rating": lambda: wb.save_rating_scale([replace(scale[0], name="R" * 101), *scale[1:]]),
        }
        for what, attempt in attempts.items():
            try:
                attempt()
            except KnownError as exc:
                assert "\n" not in str(exc) and "at most" in str(exc), (what, exc)
            else:
                raise AssertionError(f"a {what} too long for its column was stored")
        assert dump(wb.db) == before
        assert wb.settings() == settings
        assert [r.name for r in wb.rating_scale().ratings] == [d.name for d in scale]
    finally:
        wb.db.dispose()
