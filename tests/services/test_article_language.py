"""An article's language: detected at import, detected later for older articles, corrected
by the checker (undoable, never overwritten by detection), kept across reopening."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from claimdesk.domain import ArticleMetadata, LanguageSource
from claimdesk.errors import KnownError
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import Database
from tests.services.desk import add_article, dump, mark, open_workbench

GERMAN = (
    "Der Bundestag hat am Donnerstag das neue Heizungsgesetz mit knapper Mehrheit "
    "beschlossen. Die Opposition kündigte eine Klage vor dem Bundesverfassungsgericht an.\n"
)
SPANISH = (
    "El Gobierno aprobó ayer la nueva ley de vivienda, que limitará los alquileres en las "
    "zonas más tensionadas del país, según explicó la ministra.\n"
)


@pytest.fixture
def wb(desk_target: str | Path, nlp_provider: NlpProvider) -> Iterator[Workbench]:
    """On SQLite, then on PostgreSQL (tests/conftest.py: desk_target)."""
    bench = open_workbench(desk_target, nlp_provider)
    yield bench
    bench.db.dispose()


def _forget_language(db: Database, article_id: int) -> None:
    """What an article stored before migration 0005 looks like (on either engine)."""
    with db.sessions.begin() as session:
        session.execute(
            text("UPDATE articles SET language = NULL, language_source = NULL WHERE id = :id"),
            {"id": article_id},
        )


def test_import_detects_and_stores_the_language(wb: Workbench, tmp_path: Path) -> None:
    de = add_article(wb, tmp_path, GERMAN, "de.txt")
    es = add_article(wb, tmp_path, SPANISH, "es.txt")
    short = add_article(wb, tmp_path, "12 345\n", "n.txt")
    got = {a.id: (a.language, a.language_source) for a in map(wb.article, (de, es, short))}
    assert got == {
        de: ("de", LanguageSource.DETECTED),
        es: ("es", LanguageSource.DETECTED),
        short: ("und", LanguageSource.DETECTED),  # detected: nothing can be said
    }
    assert {s.id: s.language for s in wb.articles()} == {de: "de", es: "es", short: "und"}


def test_an_older_article_is_detected_when_opened_or_extracted(
    wb: Workbench, tmp_path: Path
) -> None:
    aid = add_article(wb, tmp_path, GERMAN, "de.txt")
    _forget_language(wb.db, aid)
    assert wb.article(aid).language is None
    changes = wb.ensure_language(aid)
    assert changes.library and changes.articles == {aid}
    assert (wb.article(aid).language, wb.article(aid).language_source) == (
        "de", LanguageSource.DETECTED)
    assert not wb.ensure_language(aid)  # done once; nothing changes the second time
    _forget_language(wb.db, aid)
    changes = wb.extract(aid)
    assert wb.article(aid).language == "de" and aid in changes.articles


def test_the_checker_corrects_the_language_undoably_and_it_survives_reopening(
    tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    path = tmp_path / "lang.sqlite3"
    wb = open_workbench(path, nlp_provider)
    try:
        aid = add_article(wb, tmp_path, SPANISH, "es.txt")
        wb.undo_stack.clear()
        before = dump(path)
        meta = ArticleMetadata(title=wb.article(aid).title)
        # Confirming what was detected is no edit: the source stays "detected".
        assert not wb.update_metadata(aid, meta, language="es")
        assert not wb.can_undo()
        changes = wb.update_metadata(aid, meta, language="ca")
        assert changes.articles == {aid} and changes.library
        assert (wb.article(aid).language, wb.article(aid).language_source) == (
            "ca", LanguageSource.CHECKER)
        assert wb.undo_label() == "Edit article properties"
        wb.undo()
        assert dump(path) == before
        wb.redo()
        # Detection never overwrites the checker's word, whatever opens the article.
        assert not wb.ensure_language(aid)
        wb.extract(aid)
        assert wb.article(aid).language == "ca"
        # The detector's own view is still there for Properties to show beside it.
        assert wb.detected_language(aid).code == "es"
    finally:
        wb.db.dispose()
    reopened = open_workbench(path, nlp_provider)
    try:
        assert (reopened.article(aid).language, reopened.article(aid).language_source) == (
            "ca", LanguageSource.CHECKER)
    finally:
        reopened.db.dispose()


@pytest.mark.parametrize("bad", ["German", "d", "de_DE", "x" * 40, "'; DROP TABLE"])
def test_a_language_that_is_no_code_is_refused_and_nothing_is_saved(
    wb: Workbench, tmp_path: Path, bad: str
) -> None:
    aid = add_article(wb, tmp_path, GERMAN, "de.txt")
    before = dump(wb.db)
    with pytest.raises(KnownError, match="not a language code"):
        wb.update_metadata(aid, ArticleMetadata(title="Renamed"), language=bad)
    assert dump(wb.db) == before


FRENCH = (
    "Le gouvernement a présenté hier son budget pour l'année prochaine devant "
    "l'Assemblée nationale. La dette atteint 3 000 milliards. Les députés de "
    "l'opposition ont critiqué un texte qu'ils jugent irréaliste.\n"
)


def test_a_hand_marked_claim_is_scored_in_its_articles_language(
    wb: Workbench, tmp_path: Path, nlp_provider: NlpProvider
) -> None:
    # Alone, "La dette atteint 3 000 milliards." reads as Norwegian Nynorsk to the
    # detector, which no scorer knows: the claim was left unscored, though extraction
    # scores the same sentence of this French article with the multilingual head.
    aid = add_article(wb, tmp_path, FRENCH, "fr.txt")
    assert wb.article(aid).language == "fr"
    claim = "La dette atteint 3 000 milliards."
    wb.extract(aid)
    extracted = next(c for c in wb.claims(aid) if c.text == claim)
    assert extracted.score is not None
    wb.delete_claim(extracted.id)
    claim_id = mark(wb, aid, claim)
    assert wb.claim(claim_id).score == pytest.approx(extracted.score)
    # The checker's language is the article's, for claims marked by hand too.
    wb.update_metadata(aid, ArticleMetadata(title=wb.article(aid).title), language="hy")
    assert wb.claim(mark(wb, aid, "Les députés de l'opposition")).score is None
