"""Press-release speech: the unquoted paragraphs after "X said:" are X's until narration resumes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimdesk.nlp import lexicon as lx
from claimdesk.nlp.speakers import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_QUOTE_MARKS = frozenset('“”"«»„')


class SpeechRun:
    """Follows a speech introduced by "X said:" over the paragraphs that print it bare.

    Government and company releases write "Kevin Read, Chief Investigator, said:" and
    then the statement as plain paragraphs, without quotation marks. Those paragraphs
    are the speaker's; the "said:" sentence itself claims nothing. The speech ends at a
    heading (a dropped furniture line), at a paragraph with quotation marks (ordinary
    reporting again), at one naming its own speaker (a reporting verb with a named
    subject) and at one that names the speaker in the third person.
    """

    def __init__(self) -> None:
        self._who: Attribution | None = None
        self._surname = ""

    def apply(
        self,
        doc: Doc,
        sentences: Sequence[Span],
        attributions: list[Attribution],
        *,
        interrupted: bool,
        given: bool,
    ) -> list[Attribution]:
        """`attributions` of one paragraph (chunk), with the running speech's speaker."""
        if given or interrupted or not sentences:
            self._who = None
        if self._who is not None and self._narration(doc, attributions):
            self._who = None
        out = list(attributions)
        if self._who is not None:
            out = [self._who] * len(out)
        intro = self._intro(doc, sentences[-1], attributions[-1]) if sentences else None
        if intro is not None and not given:
            out[-1] = Attribution(None, False, None)
            self._who = intro
            self._surname = (intro.speaker or "").split()[-1].lower()
        return out

    @staticmethod
    def _intro(doc: Doc, last: Span, attribution: Attribution) -> Attribution | None:
        """The speaker a paragraph ending "…, X said:" hands on, if it ends so."""
        if attribution.speaker is None or not doc.text.rstrip().endswith(":"):
            return None
        if any(ch in _QUOTE_MARKS for ch in last.text):
            return None
        parsed = doc.has_annotation("TAG")
        if not any(tok.lower_ in lx.REPORTING_VERBS and (not parsed or tok.tag_.startswith("VB"))
                   for tok in last):
            return None  # "… a court of a Member State from ordering …:" says nothing
        # A common noun as speaker ("The report found:") introduces a list, no speech.
        if not attribution.speaker[:1].isupper():
            return None
        return Attribution(attribution.speaker, True, attribution.kind)

    def _narration(self, doc: Doc, attributions: list[Attribution]) -> bool:
        if any(ch in _QUOTE_MARKS for ch in doc.text):
            return True
        if any(a.speaker and a.speaker[:1].isupper() for a in attributions):
            return True
        return any(tok.lower_ == self._surname and tok.pos_ == "PROPN" for tok in doc)
