"""The hand-labelled news evaluation set (tests/data/news_eval): loading and checking."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimdesk.domain.models import ClaimType
from claimdesk.errors import KnownError

ROLES = ("claim", "headline", "byline", "dateline", "furniture")
#: Lines that are not claims and whose fate the report counts.
STRUCTURE_ROLES = ("headline", "byline", "dateline", "furniture")
SPEAKER_KINDS = ("person", "organisation", "place")
ENTITY_LABELS = ("PERSON", "ORG", "PLACE", "DATE", "MONEY", "PERCENT", "QUANTITY")
#: The labelled types: Full Fact's. The set has no DATE label, so DATE is neither
#: labelled nor scored (a predicted date is no false positive; see news_scoring).
TYPE_NAMES = tuple(t.value for t in ClaimType if t is not ClaimType.DATE)
TEXT_KINDS = ("article", "transcript")
META_KEYS = ("id", "kind", "title", "outlet", "url", "published", "licence", "licence_url",
             "retrieved", "found_with", "notes")
#: Characters that never start or end an entity span ("Alan Beith -" is a boundary error).
_EDGE_PUNCT = " \t\n,;:–—-\"“”()"
#: What may lie outside every unit: white space, bullet and dateline marks, a pull
#: quote's bars, and a transcript turn's "NAME (Seat) (Party):" prefix at a line start
#: (White House briefings print a reporter's turn as a bare "Q ").
_GAP = re.compile(
    r"(?:\s|[•*·▪|–—-]|\d+\.(?=\s)|(?:^|(?<=\n))(?:[^\n:]{1,160}:|Q)(?=\s))*"
)


class NewsSetUnavailable(KnownError):
    """The labelled news set is missing or malformed; nothing was evaluated."""


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """An entity as labelled: absolute offsets in the text and one of ENTITY_LABELS."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class GoldUnit:
    """One labelled sentence or line: its span, role, speaker, claim types and entities."""

    start: int
    end: int
    text: str
    role: str
    speaker: str | None
    speaker_kind: str | None
    aliases: tuple[str, ...]
    types: frozenset[str]
    entities: tuple[GoldEntity, ...]


@dataclass(frozen=True, slots=True)
class GoldText:
    """One article or transcript of the set with every unit of it, in text order."""

    id: str
    kind: str
    text: str
    units: tuple[GoldUnit, ...]
    meta: Mapping[str, Any]


def default_news_dir() -> Path:
    """tests/data/news_eval in the checkout this module runs from."""
    return Path(__file__).resolve().parents[3] / "tests" / "data" / "news_eval"


def load_news_set(folder: Path) -> list[GoldText]:
    """Every text of `folder` that has a label file, sorted by id.

    Raises NewsSetUnavailable (one sentence, what to do) when the folder is missing,
    holds no labelled text, or a file cannot be read as the format says.
    """
    articles, labels = folder / "articles", folder / "labels"
    if not articles.is_dir() or not labels.is_dir():
        raise NewsSetUnavailable(
            f"No labelled news set at {folder}: pass the folder that holds articles/ and "
            "labels/ with --news DIR."
        )
    texts = [_load_one(folder, p.stem) for p in sorted(labels.glob("*.jsonl"))]
    if not texts:
        raise NewsSetUnavailable(
            f"{labels} holds no .jsonl label files: label some texts or pass another --news DIR."
        )
    return texts


def _load_one(folder: Path, text_id: str) -> GoldText:
    txt = folder / "articles" / f"{text_id}.txt"
    meta_path = folder / "articles" / f"{text_id}.json"
    label_path = folder / "labels" / f"{text_id}.jsonl"
    try:
        text = txt.read_text(encoding="utf-8")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        units = [_unit(json.loads(line)) for line in
                 label_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise NewsSetUnavailable(
            f"The labelled text {text_id} cannot be read ({exc}): fix its .txt, .json and "
            ".jsonl files in the news set."
        ) from exc
    if not isinstance(meta, dict):
        raise NewsSetUnavailable(f"{meta_path} is not a JSON object: fix it in the news set.")
    return GoldText(text_id, str(meta.get("kind", "article")), text, tuple(units), meta)


def _unit(row: dict[str, Any]) -> GoldUnit:
    speaker = row["speaker"]
    return GoldUnit(
        start=int(row["start"]),
        end=int(row["end"]),
        text=str(row["text"]),
        role=str(row["role"]),
        speaker=str(speaker) if speaker is not None else None,
        speaker_kind=row.get("speaker_kind"),
        aliases=tuple(str(a) for a in row.get("aliases") or ()),
        types=frozenset(str(t) for t in row.get("types") or ()),
        entities=tuple(GoldEntity(int(s), int(e), str(lab)) for s, e, lab in row["entities"]),
    )


def check_text(gold: GoldText) -> list[str]:
    """Every way `gold` breaks the format (empty when it is well-formed)."""
    problems = [f"{gold.id}: metadata lacks {key!r}" for key in META_KEYS if key not in gold.meta]
    if gold.meta.get("id") != gold.id:
        problems.append(f"{gold.id}: metadata id is {gold.meta.get('id')!r}")
    if gold.kind not in TEXT_KINDS:
        problems.append(f"{gold.id}: kind {gold.kind!r} is not one of {TEXT_KINDS}")
    previous_end = 0
    for unit in gold.units:
        gap = gold.text[previous_end:unit.start] if unit.start >= previous_end else ""
        if not _GAP.fullmatch(gap):
            problems.append(f"{gold.id}: unlabelled text before {unit.start}: {gap.strip()[:40]!r}")
        where = f"{gold.id} [{unit.start}:{unit.end}]"
        problems.extend(f"{where}: {p}" for p in _unit_problems(gold.text, unit))
        if unit.start < previous_end:
            problems.append(f"{where}: overlaps or precedes the unit before it")
        previous_end = max(previous_end, unit.end)
    if not _GAP.fullmatch(gold.text[previous_end:]):
        problems.append(f"{gold.id}: unlabelled text after {previous_end}")
    return problems


def _unit_problems(text: str, unit: GoldUnit) -> list[str]:
    problems: list[str] = []
    piece = text[unit.start:unit.end]
    if not 0 <= unit.start < unit.end <= len(text) or piece != unit.text:
        problems.append("text is not the article slice")
    if piece != piece.strip() or "\n" in piece:
        problems.append("span has outer white space or crosses a line")
    if unit.role not in ROLES:
        problems.append(f"role {unit.role!r} unknown")
    if (unit.speaker is None) != (unit.speaker_kind is None):
        problems.append("speaker and speaker_kind must both be set or both null")
    if unit.speaker_kind is not None and unit.speaker_kind not in SPEAKER_KINDS:
        problems.append(f"speaker_kind {unit.speaker_kind!r} unknown")
    if unit.speaker is not None and not unit.aliases:
        problems.append("an attributed unit needs its aliases")
    if not unit.types <= set(TYPE_NAMES):
        problems.append(f"types {sorted(unit.types - set(TYPE_NAMES))} unknown")
    last = unit.start
    for ent in unit.entities:
        surface = text[ent.start:ent.end]
        if ent.label not in ENTITY_LABELS:
            problems.append(f"entity label {ent.label!r} unknown")
        if not unit.start <= ent.start < ent.end <= unit.end:
            problems.append(f"entity {surface!r} lies outside its unit")
        elif surface != surface.strip(_EDGE_PUNCT):
            problems.append(f"entity {surface!r} has punctuation or space at an edge")
        if ent.start < last:
            problems.append(f"entity {surface!r} overlaps or precedes the one before it")
        last = ent.end
    return problems
