"""Use cases for an article's language: detect it once, let the checker correct it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from claimdesk.domain import LanguageSource
from claimdesk.errors import KnownError
from claimdesk.nlp.language import DetectedLanguage, detect_language, is_language_tag
from claimdesk.services.changes import Changes
from claimdesk.services.write_path import WritePath
from claimdesk.storage import repositories as repo


class ArticleLanguages(WritePath):
    """The workbench's language use cases (Workbench builds on this).

    New articles are detected at import (Workbench.open_file). Articles stored before
    languages existed (NULL) are detected by `ensure_language`, which the window calls
    when such an article is shown and `Workbench.extract` calls before extracting.
    """

    def detected_language(self, article_id: int) -> DetectedLanguage:
        """What the detector says of the stored text now (for Properties); stores nothing."""
        text = self._read(lambda s: repo.get_article(s, article_id).text)
        return detect_language(text)

    def ensure_language(self, article_id: int) -> Changes:
        """Detect and store the language of an article that has none yet; else nothing."""
        article = self._read(lambda s: repo.get_article(s, article_id))
        if article.language is not None:
            return Changes()
        found = detect_language(article.text)  # outside the write: it may load the model
        with self._write() as session:
            # Another window or a bundle may have set it meanwhile: theirs stands.
            if repo.get_article(session, article_id).language is not None:
                return Changes()
            repo.set_article_language(session, article_id, found.code, LanguageSource.DETECTED)
        return Changes(library=True, articles=frozenset({article_id}))


def correct_language(session: Session, article_id: int, code: str | None) -> None:
    """Store the checker's language for the article (None: keep what is stored).

    Choosing what is already stored changes nothing, so a detected language the checker
    merely confirms stays "detected".
    """
    if code is None:
        return
    code = code.strip()
    if not is_language_tag(code):
        raise KnownError(
            f"“{code[:40]}” is not a language code; choose a language from the list."
        )
    if repo.get_article(session, article_id).language != code:
        repo.set_article_language(session, article_id, code, LanguageSource.CHECKER)
