"""The fact-check library as a bundle member: imported entries out, every field checked in."""

# A bundle's factchecks.json is as untrusted as the rest of the file. Its items are
# checked to be exactly what an export writes (what a ClaimReview import would have
# stored), not cleaned up: a field that is not is a sign of a hostile or damaged file,
# and the whole bundle is refused rather than a part of its library stored.

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.domain.urls import clean_url
from claimdesk.importers.claimreview import MAX_CLAIM_CHARS, MAX_ITEMS, claim_text, language_code
from claimdesk.importers.common import clean_field

LIBRARY = "factchecks.json"
_NUMBERS = ("rating_value", "rating_best", "rating_worst")
_TEXTS = ("rating", "publisher", "title")
_FIELDS = frozenset(("url", "claim", "published", "language", *_NUMBERS, *_TEXTS))


def library_to_json(drafts: Sequence[FactCheckDraft]) -> dict[str, Any]:
    """The member's content: one object per entry, every field spelled out."""
    return {
        "factchecks": [
            {
                "url": d.url, "claim": d.claim, "title": d.title, "rating": d.rating,
                "rating_value": d.rating_value, "rating_best": d.rating_best,
                "rating_worst": d.rating_worst, "publisher": d.publisher,
                "published": d.published.isoformat() if d.published else None,
                "language": d.language,
            }
            for d in drafts
        ]
    }  # fmt: skip


def library_from_json(data: Any) -> tuple[FactCheckDraft, ...]:
    """The entries of a bundle's library; ValueError (one sentence) for anything amiss."""
    items = data.get("factchecks") if isinstance(data, dict) else None
    if not isinstance(items, list) or set(data) != {"factchecks"}:
        raise ValueError(f"{LIBRARY} has no list of fact-checks.")
    if len(items) > MAX_ITEMS:
        raise ValueError(f"{LIBRARY} holds more than {MAX_ITEMS:,} fact-checks.")
    drafts: list[FactCheckDraft] = []
    urls: set[str] = set()
    for n, item in enumerate(items):
        draft = _draft(item, f"{LIBRARY} item {n + 1}")
        if draft.url in urls:
            raise ValueError(f"{LIBRARY} lists the review {draft.url} twice.")
        urls.add(draft.url)
        drafts.append(draft)
    return tuple(drafts)


def _draft(item: Any, where: str) -> FactCheckDraft:
    if not isinstance(item, dict) or set(item) != _FIELDS:
        raise ValueError(f"{where} does not have the fields of a fact-check.")
    url = item["url"]
    if not isinstance(url, str) or clean_url(url) != url:
        raise ValueError(f"{where} has no safe review URL.")
    claim = item["claim"]
    if not isinstance(claim, str) or claim_text(claim) != claim or len(claim) > MAX_CLAIM_CHARS:
        raise ValueError(f"{where} has no valid claim.")
    texts = {name: item[name] for name in _TEXTS}
    for name, value in texts.items():
        if not isinstance(value, str) or (value and clean_field(value) != value):
            raise ValueError(f"{where} has an invalid {name}.")
    numbers = {name: item[name] for name in _NUMBERS}
    for name, value in numbers.items():
        valid = isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e9
        if value is not None and not valid:
            raise ValueError(f"{where} has an invalid {name.replace('_', ' ')}.")
    language = item["language"]
    if language is not None and (
        not isinstance(language, str) or language_code(language) != language
    ):
        raise ValueError(f"{where} has an invalid language.")
    return FactCheckDraft(
        url=url, claim=claim, language=language, published=_day(item["published"], where),
        rating_value=_float(numbers["rating_value"]), rating_best=_float(numbers["rating_best"]),
        rating_worst=_float(numbers["rating_worst"]), **texts,
    )  # fmt: skip


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _day(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError(f"{where} has an invalid date.")
    return day


def acceptable(draft: FactCheckDraft) -> bool:
    """Whether an import of this entry from a bundle would accept it."""
    try:
        _draft(library_to_json([draft])["factchecks"][0], "")
    except ValueError:
        return False
    return True


def library_bytes(drafts: Sequence[FactCheckDraft]) -> bytes:
    """The member's bytes, written as every bundle member is (sorted keys, UTF-8)."""
    return json.dumps(
        library_to_json(drafts), ensure_ascii=False, indent=1, sort_keys=True
    ).encode("utf-8")
