"""What ClaimDesk can do in each language: sentences, scores, entities, speakers."""

from __future__ import annotations

from dataclasses import dataclass

from claimdesk.nlp.language import UNDETERMINED as UNKNOWN
from claimdesk.nlp.language import language_name
from claimdesk.nlp.lexicon import words

#: The only language with a trained pipeline we ship (en_core_web_sm, MIT): entities,
#: speakers and the full claim-type rules need its parser and NER.
PIPELINE_LANGUAGES = frozenset({"en"})
#: Languages the multilingual sentence encoder was trained on (USE v3 multilingual), so
#: its check-worthiness head scores them; English also has its own model.
ENCODER_LANGUAGES = frozenset(
    {"ar", "zh", "nl", "en", "fr", "de", "it", "ja", "ko", "pl", "pt", "es", "th", "tr", "ru"}
)
#: Languages whose sentences tests/nlp/test_sentence_bounds.py checks on a sample of
#: its own. sentencex falls back to related rules for any other code, so every language
#: gets sentences; these are the ones we vouch for.
SENTENCE_LANGUAGES = words(
    """
    am ar bg bn ca cs da de el en es fa fi fr he hi hr hu hy id it ja km ko lo my nl pl
    pt ro ru sr sv sw ta th tr uk ur vi zh
    """
)


@dataclass(frozen=True, slots=True)
class LanguageSupport:
    """One language's row of the support table."""

    code: str
    name: str
    #: Sentences with exact offsets (every language: sentencex and our script rules).
    sentences: bool
    #: Check-worthiness scores.
    scores: bool
    #: Named entities in claims.
    entities: bool
    #: Who said a claim.
    speakers: bool

    @property
    def limited(self) -> bool:
        return not (self.scores and self.entities and self.speakers)


def base_code(code: str | None) -> str:
    """ "pt-BR" → "pt", "zh_Hant" → "zh", None or "" → "und"."""
    if not code:
        return UNKNOWN
    return code.replace("_", "-").split("-")[0].lower()


def support(code: str | None) -> LanguageSupport:
    """The support table's row for `code` (any code: unknown ones get claims only)."""
    base = base_code(code)
    pipeline = base in PIPELINE_LANGUAGES
    return LanguageSupport(
        code=base,
        name=language_name(base),
        sentences=True,
        scores=base in ENCODER_LANGUAGES,
        entities=pipeline,
        speakers=pipeline,
    )


def support_table() -> list[LanguageSupport]:
    """Rows for every language we vouch for, by code."""
    return [support(code) for code in sorted(SENTENCE_LANGUAGES)]


def limitation_line(code: str | None) -> str | None:
    """The one-line banner for an article in `code`; None where nothing is limited.

    "Arabic: claims and scores; no entities or speakers" — the window shows it above
    the article and the CLI's JSON carries it, word for word.
    """
    row = support(code)
    if not row.limited:
        return None
    if row.scores:
        return f"{row.name}: claims and scores; no entities or speakers"
    return f"{row.name}: claims only; no scores, entities or speakers"
