"""Plain-text report of `claimdesk eval`: test, calibration and out-of-domain tables."""

from __future__ import annotations

from claimdesk.nlp.evaluate import SPEED_SAMPLE, EvaluationReport, Metrics


def _row(name: str, m: Metrics, auc: float) -> str:
    return (
        f"{name:<26}{m.precision:>10.3f}{m.recall:>8.3f}{m.f1:>8.3f}{auc:>9.3f}"
        f"{m.true_positives:>7}{m.false_positives:>7}{m.false_negatives:>7}"
    )


_HEADER = f"{'positive class':<26}{'precision':>10}{'recall':>8}{'F1':>8}{'ROC-AUC':>9}" + (
    f"{'TP':>7}{'FP':>7}{'FN':>7}"
)


def report_text(report: EvaluationReport) -> str:
    """A plain-text table for the terminal and the model card."""
    total = report.train_sentences + report.validation_sentences + report.test_sentences
    share = report.test_sentences / total if total else 0.0
    margin = report.model.f1 - report.baseline.f1
    lines = [
        f"Data: {report.data_dir}",
        f"Model: {report.model_dir} ({report.model_bytes / 1e6:.1f} MB)",
        f"Test debates, the most recent ({len(report.heldout_files)}): "
        f"{', '.join(report.heldout_files)}",
        f"Validation debates ({len(report.validation_files)}): "
        f"{', '.join(report.validation_files) or 'none recorded'}",
        f"Split: {report.train_sentences} training, {report.validation_sentences} validation, "
        f"{report.test_sentences} test sentences ({share:.1%} of all), "
        f"{report.test_positives} of them check-worthy",
        "",
        _HEADER,
        _row("check-worthiness model", report.model, report.model_auc),
        _row("TF-IDF + logistic regr.", report.baseline, report.baseline_auc),
        f"F1 margin over the baseline: {margin:+.3f} (model at its shipped threshold; "
        "baseline at the cut its validation F1 chose)",
        "",
        f"Calibration on the test debates (ECE {report.model_ece:.3f}):",
        "  score bin     sentences  mean score  check-worthy share",
    ]
    lines += [
        f"  {b.low:.1f}-{b.high:.1f}{b.count:>16}{b.mean_score:>12.3f}{b.positive_share:>20.3f}"
        for b in report.reliability
    ]
    ood = report.out_of_domain
    if ood is not None:
        lines += [
            "",
            f"Out of domain (not trained on, not calibrated on): {ood.path.name}, "
            f"{ood.sentences} tweets, {ood.positives} check-worthy",
            _HEADER,
            _row("check-worthiness model", ood.model, ood.model_auc),
            _row("TF-IDF + logistic regr.", ood.baseline, ood.baseline_auc),
        ]
    lines += [
        "",
        f"Load time: {report.load_seconds:.2f} s; scoring speed: "
        f"{report.sentences_per_second:.0f} sentences/s on one thread "
        f"(best of 3 over {SPEED_SAMPLE} test sentences)",
    ]
    return "\n".join(lines)
