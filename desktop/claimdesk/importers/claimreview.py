"""ClaimReview items out of parsed JSON-LD: one object, a list, an @graph or a DataFeed."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.domain.urls import clean_url
from claimdesk.importers.common import Unreadable, clean_field, normalise_paragraph, parse_date

#: JSON nested deeper than this is no fact-check feed (a real one nests 4–6 levels).
MAX_DEPTH = 64
#: More items than this in one file is refused rather than read for minutes.
MAX_ITEMS = 2_000_000
#: A claim longer than this is cut: a claim is a sentence or two, not an article.
MAX_CLAIM_CHARS = 2_000
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
#: Bidirectional embeddings, overrides and isolates (LRE…RLO, LRI…PDI). One left open
#: in a publisher's name reverses what is shown after it on the line (the detail pane's
#: date, similarity, claim and URL); single marks (LRM, RLM, ALM) have no such reach.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Why an item was left out, as counted in FactChecksRead.skipped.
NO_URL = "no review URL"
NOT_WEB_URL = "a review URL that is not a web address (http or https)"
#: Counted beside them, though it is no item: a saved page's block that is not JSON.
BROKEN_BLOCK = "a JSON-LD block that is not valid JSON"
NO_CLAIM = "no claim text"


@dataclass(slots=True)
class FactChecksRead:
    """What one file held: the fact-checks, and how many items were left out and why."""

    drafts: list[FactCheckDraft] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def extend(self, other: FactChecksRead) -> None:
        self.drafts.extend(other.drafts)
        self.skipped.update(other.skipped)
        if len(self.drafts) > MAX_ITEMS:
            raise Unreadable(_too_many())


def _too_many() -> str:
    return f"it holds more than {MAX_ITEMS:,} fact-checks; split it into smaller files"


def load_json(text: str) -> Any:
    """Parsed JSON, or Unreadable in one sentence (deep nesting included, never a crash)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise Unreadable(_too_deep()) from None
    except ValueError as exc:
        raise Unreadable(f"it is not valid JSON ({exc})") from None


def _too_deep() -> str:
    return f"its JSON is nested more than {MAX_DEPTH} levels deep; it is no fact-check feed"


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    # "schema:ClaimReview" and "http://schema.org/ClaimReview" are the same type.
    return {k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if isinstance(k, str)}


def _walk(root: Any) -> Iterator[dict[str, Any]]:
    """Every ClaimReview object anywhere in `root`, in document order, without recursion.

    Covers a single object, a list, an @graph, a DataFeed's dataFeedElement → item, and
    any other container a publisher wraps them in; a ClaimReview's own insides are not
    searched for more.
    """
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise Unreadable(_too_deep())
        if isinstance(node, dict):
            if "ClaimReview" in _types(node):
                yield node
                continue
            stack.extend((child, depth + 1) for child in reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in reversed(node))


def _plain(value: Any) -> Any:
    """A JSON-LD value as one plain value: a list's first item, a value object's
    {"@value": …} or a node reference's {"@id": …}; anything else as it is."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict) and ("@value" in value or set(value) == {"@id"}):
        value = value.get("@value", value.get("@id"))
    return value


def _text(value: Any) -> str | None:
    """A string field; a {name: …} object, a value object or a list stands for its text."""
    value = _plain(value)
    if isinstance(value, dict):
        value = _plain(value.get("name", value.get("alternateName")))
    return clean_field(value)  # None unless it is a string


def number(value: Any) -> float | None:
    """A rating number given as a number or numeric text; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        found = float(value)
    elif isinstance(value, str):
        try:
            found = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return found if abs(found) < 1e9 else None  # NaN and infinities fail this too


def _first_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    return value if isinstance(value, dict) else {}


def language_code(value: Any) -> str | None:
    """A BCP 47-looking language code, lower case ("en", "pt-br"), or None."""
    value = _plain(value)
    if isinstance(value, dict):
        value = _plain(value.get("alternateName", value.get("name")))
    if not isinstance(value, str):
        return None
    code = value.strip()
    if not _LANGUAGE.fullmatch(code) or len(code) > 16:
        return None
    return code.replace("_", "-").lower()


def without_bidi_controls(text: str | None) -> str | None:
    """A cleaned one-line field without bidirectional controls, or None if nothing is left.

    Only what a fact-check file brings passes here, not a case bundle's library, which
    is checked against claim_text and clean_field as a desk stored it.
    """
    if not text or _BIDI_CONTROLS.search(text) is None:
        return text or None
    return " ".join(_BIDI_CONTROLS.sub("", text).split()) or None


def claim_text(value: Any) -> str | None:
    text = _text(value) if not isinstance(value, str) else normalise_paragraph(value)
    if not text:
        return None
    return " ".join(text.split())[:MAX_CLAIM_CHARS]


def url_missing(given: object) -> str:
    """Why an item has no review URL to store: none given, or one that is no web address
    (a spreadsheet's "www.…" without https://, a javascript: or file: address)."""
    return NOT_WEB_URL if isinstance(given, str) and given.strip() else NO_URL


def _draft(review: dict[str, Any]) -> FactCheckDraft | str:
    """The fact-check of one ClaimReview, or why it was left out."""
    given = _plain(review.get("url"))
    url = clean_url(given) if isinstance(given, str) else None
    if url is None:
        node = review.get("@id")
        url = clean_url(node) if isinstance(node, str) else None
    if url is None:
        return url_missing(given)
    item = _first_dict(review.get("itemReviewed"))
    plain = without_bidi_controls
    claim = plain(claim_text(review.get("claimReviewed"))) or plain(
        claim_text(item.get("name", item.get("text")))
    )
    if not claim:
        return NO_CLAIM
    rating = _first_dict(review.get("reviewRating"))
    label = plain(_text(rating.get("alternateName"))) or plain(_text(rating.get("name")))
    value = number(rating.get("ratingValue"))
    if label is None and value is None:
        label = plain(_text(rating.get("ratingValue")))  # "False" given as the value itself
    author = plain(_text(review.get("author"))) or plain(_text(review.get("publisher")))
    return FactCheckDraft(
        url=url,
        claim=claim,
        rating=label or "",
        rating_value=value,
        rating_best=number(rating.get("bestRating")),
        rating_worst=number(rating.get("worstRating")),
        publisher=author or "",
        published=parse_date(_plain(review.get("datePublished")))
        or parse_date(_plain(item.get("datePublished"))),
        language=language_code(review.get("inLanguage"))
        or language_code(item.get("inLanguage")),
        title=plain(_text(review.get("headline"))) or plain(_text(review.get("name"))) or "",
    )


def from_json(root: Any) -> FactChecksRead:
    """Every ClaimReview in parsed JSON-LD."""
    read = FactChecksRead()
    for review in _walk(root):
        draft = _draft(review)
        if isinstance(draft, str):
            read.skipped[draft] += 1
        else:
            read.drafts.append(draft)
            if len(read.drafts) > MAX_ITEMS:
                raise Unreadable(_too_many())
    return read
