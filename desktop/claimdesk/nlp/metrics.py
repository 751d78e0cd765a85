"""Ranking and calibration measures for scores in [0, 1]: ROC-AUC, reliability table, ECE."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Sentences whose score fell in [low, high): mean score against the share that is positive."""

    low: float
    high: float
    count: int
    mean_score: float
    positive_share: float


def roc_auc(truth: Sequence[bool], scores: Sequence[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    if len(truth) != len(scores):
        raise ValueError("truth and scores differ in length")
    positives = sum(1 for t in truth if t)
    negatives = len(truth) - positives
    if positives == 0 or negatives == 0:
        return float("nan")
    # Mann-Whitney U from average ranks, so ties are handled exactly.
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        average = (start + end) / 2 + 1
        for k in range(start, end + 1):
            ranks[order[k]] = average
        start = end + 1
    rank_sum = sum(r for r, t in zip(ranks, truth, strict=True) if t)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def reliability_table(
    truth: Sequence[bool], scores: Sequence[float], bins: int = 10
) -> list[ReliabilityBin]:
    """Equal-width score bins; empty bins are left out."""
    if len(truth) != len(scores):
        raise ValueError("truth and scores differ in length")
    members: list[list[int]] = [[] for _ in range(bins)]
    for i, score in enumerate(scores):
        members[min(bins - 1, max(0, int(score * bins)))].append(i)
    table: list[ReliabilityBin] = []
    for b, idx in enumerate(members):
        if idx:
            table.append(
                ReliabilityBin(
                    low=b / bins,
                    high=(b + 1) / bins,
                    count=len(idx),
                    mean_score=sum(scores[i] for i in idx) / len(idx),
                    positive_share=sum(1 for i in idx if truth[i]) / len(idx),
                )
            )
    return table


def expected_calibration_error(
    truth: Sequence[bool], scores: Sequence[float], bins: int = 10
) -> float:
    """Count-weighted mean |mean score - positive share| over the reliability bins."""
    table = reliability_table(truth, scores, bins)
    total = sum(b.count for b in table)
    if total == 0:
        return 0.0
    return sum(b.count * abs(b.mean_score - b.positive_share) for b in table) / total
