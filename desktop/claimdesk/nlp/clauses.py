"""Sentence repairs: links, hashtags and tweets kept whole; long sentences cut into clauses."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

T = TypeVar("T")

#: A sentence of more words than this is cut into clauses where it can be: the scorer
#: reads longer ones in windows (scorer.MAX_WORDS), and a checker reviews clauses more easily.
LONG_WORDS = 60
#: The same for sentences of long words (numbers, names): about 128 word pieces.
LONG_CHARS = 480
#: A clause shorter than this stays with its neighbour: it would be no claim alone.
MIN_CLAUSE_WORDS = 6
#: A paragraph this short with a hashtag, mention or t.co link is a post: one claim.
POST_CHARS = 320

_END = r"[^\s<>\"“”.,;:!?)\]’'»]"
_TLD = r"(?:com|org|net|gov|edu|int|uk|co|io|ly|me|eu|info|news|tv)"
_WEB = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"“”]*{_END}"
    r"|pic\.twitter\.com/\w+"
    r"|\[[^\]\n]{0,200}\]\([^)\s]{1,500}\)"
    rf"|(?<![\w@/.-])[\w-]+(?:\.[\w-]+)*\.{_TLD}\b(?:/[^\s<>\"“”]*{_END})?"
    r"|(?<![\w@#&])[#@]\w+"
)
# Cheap test for the above: most paragraphs have no link or tag, and _WEB scans slowly.
_WEB_HINT = re.compile(rf"[#@]\w|://|www\.|\.{_TLD}\b")
_POST_MARK = re.compile(r"(?<![\w@#&])[#@]\w|https?://t\.co/|pic\.twitter\.com/")
_ENDED = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
# Words a post puts among its tags and links ("… via @bbcnews").
_POST_WORDS = frozenset({"via", "cc", "rt", "h/t", "ht", "pic", "thread", "more", "watch",
                         "read", "see", "link", "here", "photo", "video"})
# Titles that stand before a name (or Hansard's "hon. Friend"), never at a sentence's end;
# the parser ends sentences after "hon." ("My hon. | Friend is right.").
_TITLE_END = re.compile(
    r"(?:^|[\s(])(?:hon|rt|gov|sen|rep|gen|lt|col|sgt|capt|cmdr|adm|prof|dr|mr|mrs|ms|messrs"
    r"|rev|cllr|supt|insp|det)\.$",
    re.IGNORECASE,
)
# An editor's elision or mark inside a quotation ("mosque[...] We have plans"): the
# quotation goes on, whatever the parser says.
_ELISION_END = re.compile(r"\[(?:\.{1,3}|…)\]$")
_ELISION_START = re.compile(r"\[(?:\.{1,3}|…)\]")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_VERBS = frozenset({"VERB", "AUX"})
_DASHES = frozenset({"—", "–", "--", "-"})
_CONJUNCTIONS = frozenset({"and", "but", "or", "yet", "so", "nor", "while", "whereas"})


def mend_sentences(doc: Doc, sentences: list[Span]) -> list[Span]:
    """`sentences` with links, hashtags and mentions never cut, and a post as one sentence.

    The parser starts sentences at "#" and after a link, so "Text… #Tag https://t.co/x"
    came out as two or three claims; a run of tags and links belongs to its sentence.
    A title before a name ("My hon. Friend") or an elision ("[...]") never ends a sentence.
    """
    sentences = _join_titles(doc, sentences)
    if len(sentences) < 2 or not _WEB_HINT.search(doc.text):
        return sentences
    text = doc.text
    if len(text) <= POST_CHARS and _POST_MARK.search(text):
        return [doc[sentences[0].start:sentences[-1].end]]
    webs = [(m.start(), m.end()) for m in _WEB.finditer(text)]
    if not webs:
        return sentences
    mended = [sentences[0]]
    for sent in sentences[1:]:
        before = mended[-1]
        start = sent.start_char
        inside = any(a < start < b for a, b in webs)
        starts_web = any(a == start for a, b in webs)
        if (inside or not _has_words(sent, webs) or not _has_words(before, webs)
                or (starts_web and not _ENDED.search(before.text))):
            mended[-1] = doc[before.start:sent.end]
        else:
            mended.append(sent)
    return mended


_WORD = re.compile(r"[^\W_][\w'’-]*")


def only_links(text: str) -> bool:
    """Whether `text` has links or tags but no word outside them besides the words posts
    put beside them ("Read more: https://…", "![Map](https://…)", "Watch: pic.twitter.com/…")."""
    if not _WEB_HINT.search(text):
        return False
    rest = _WEB.sub(" ", text)
    return rest != text and all(w.lower() in _POST_WORDS for w in _WORD.findall(rest))


def _join_titles(doc: Doc, sentences: list[Span]) -> list[Span]:
    """Sentences joined to the next one where they end with a title before a capitalised
    word ("My hon. Friend") or at an elision ("[...]", "[.]")."""
    if len(sentences) < 2:
        return sentences
    joined = [sentences[0]]
    for sent in sentences[1:]:
        before = joined[-1]
        if (_TITLE_END.search(before.text) and sent.text[:1].isupper()) or (
                _ELISION_END.search(before.text) or _ELISION_START.match(sent.text)):
            joined[-1] = doc[before.start:sent.end]
        else:
            joined.append(sent)
    return joined


def _has_words(span: Span, webs: list[tuple[int, int]]) -> bool:
    """Whether `span` has a word outside links, tags and the words posts put beside them."""
    for tok in span:
        if not any(ch.isalnum() for ch in tok.text) or tok.lower_ in _POST_WORDS:
            continue
        if not any(a <= tok.idx < b for a, b in webs):
            return True
    return False


def split_long(sentences: Sequence[Span], attributions: Sequence[T]) -> Iterator[tuple[Span, T]]:
    """(sentence or clause, its sentence's attribution): long sentences come in clauses."""
    for sent, attribution in zip(sentences, attributions, strict=True):
        if _is_long(sent):
            for clause in clauses(sent):
                yield clause, attribution
        else:
            yield sent, attribution


def _is_long(sent: Span) -> bool:
    if sent.end_char - sent.start_char > LONG_CHARS:
        return True
    return sum(1 for tok in sent if not tok.is_punct and not tok.is_space) > LONG_WORDS


def clauses(sent: Span) -> list[Span]:
    """`sent` cut at ";", ":", " — " and before coordinated clauses that have a subject.

    A cut is made only where both sides are sensible claims on their own: at least
    MIN_CLAUSE_WORDS words and, with the parser, a subject and a verb. Each clause keeps
    its ";" or ":"; the dashes, commas and conjunctions between clauses go with neither.
    """
    doc = sent.doc
    parsed = doc.has_annotation("DEP")
    cuts: list[tuple[int, int]] = []  # (end of the left clause, start of the right one)
    for tok in sent[1:-1]:
        if tok.text in {";", ":"}:
            cuts.append((tok.i + 1, tok.i + 1))
        elif tok.text in _DASHES and (tok.text != "-" or (tok.whitespace_ and tok.i > 0
                                                          and doc[tok.i - 1].whitespace_)):
            cuts.append((tok.i, tok.i + 1))
        elif parsed:
            # A coordinated clause with a subject of its own ("…, and unemployment has
            # fallen"), not one that hangs on "that" or "because" like the clause before.
            edge = tok.left_edge
            if (tok.dep_ == "conj" and tok.pos_ in _VERBS and sent.start < edge.i
                    and edge.dep_ != "mark"
                    and any(child.dep_ in _SUBJECTS for child in tok.children)):
                cuts.append((edge.i, edge.i))
        elif tok.lower_ in {"and", "but", "yet", "while"} and doc[tok.i - 1].text == ",":
            # Without the parser: ", and" / ", but" is the likeliest clause boundary.
            cuts.append((tok.i, tok.i + 1))
    cuts.sort()
    pieces: list[Span] = []
    start = sent.start
    for left_end, right_start in cuts:
        if left_end <= start:
            continue
        left = _trimmed(doc, start, left_end, sent)
        right = _trimmed(doc, right_start, sent.end, sent)
        if left is None or right is None:
            continue
        if _sensible(left, parsed) and _sensible(right, parsed):
            pieces.append(left)
            start = right.start
    pieces.append(doc[start:sent.end])
    return pieces


def _trimmed(doc: Doc, start: int, end: int, sent: Span) -> Span | None:
    """doc[start:end] without the commas, dashes and conjunctions at its cut edges."""
    while sent.start < start < end and (doc[start].text in _DASHES or doc[start].text == ","
                                        or doc[start].lower_ in _CONJUNCTIONS):
        start += 1
    while start < end < sent.end and (doc[end - 1].text in _DASHES or doc[end - 1].text == ","
                                      or doc[end - 1].lower_ in _CONJUNCTIONS
                                      or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if start < end else None


def _sensible(span: Span, parsed: bool) -> bool:
    """Long enough to be a claim, and with the parser a subject and a verb of its own."""
    if sum(1 for tok in span if not tok.is_punct and not tok.is_space) < MIN_CLAUSE_WORDS:
        return False
    if not parsed:
        return True
    return any(tok.pos_ in _VERBS for tok in span) and any(
        tok.dep_ in _SUBJECTS for tok in span)
