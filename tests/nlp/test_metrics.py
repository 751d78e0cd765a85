"""ROC-AUC, reliability table and ECE on small hand-checked cases."""

from __future__ import annotations

import math

import pytest

from claimdesk.nlp.metrics import expected_calibration_error, reliability_table, roc_auc


def test_roc_auc_counts_pairs_and_ties_half() -> None:
    assert roc_auc([True, False], [0.9, 0.1]) == 1.0
    assert roc_auc([True, False], [0.1, 0.9]) == 0.0
    assert roc_auc([True, False], [0.5, 0.5]) == 0.5
    # 2 positives x 2 negatives: pairs won 1 + 1 + 1 + 0 = 3 of 4.
    assert roc_auc([True, True, False, False], [0.8, 0.4, 0.6, 0.2]) == pytest.approx(0.75)
    assert math.isnan(roc_auc([True, True], [0.1, 0.2]))
    with pytest.raises(ValueError, match="length"):
        roc_auc([True], [])


def test_reliability_bins_and_ece() -> None:
    truth = [True, False, True, True, False]
    scores = [0.05, 0.05, 0.75, 0.75, 0.75]
    table = reliability_table(truth, scores)
    assert [(b.low, b.count) for b in table] == [(0.0, 2), (0.7, 3)]
    assert table[0].positive_share == 0.5
    assert table[1].positive_share == pytest.approx(2 / 3)
    # (2 * |0.05 - 0.5| + 3 * |0.75 - 2/3|) / 5
    assert expected_calibration_error(truth, scores) == pytest.approx((0.9 + 0.25) / 5)
    assert reliability_table([True], [1.0])[0].low == pytest.approx(0.9)
