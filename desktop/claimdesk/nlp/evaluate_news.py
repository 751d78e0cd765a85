"""`claimdesk eval --news`: the real extraction run over the labelled news set, reported."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from claimdesk.domain.models import CandidateClaim
from claimdesk.errors import KnownError
from claimdesk.nlp.extract import extract_candidates
from claimdesk.nlp.news_scoring import PRF, NewsReport, report_json, score_news, total
from claimdesk.nlp.news_set import default_news_dir, load_news_set
from claimdesk.nlp.pipeline import LoadedPipeline, load_pipeline

#: Wrong speakers listed in the text report (the JSON report lists them all).
MISSES_SHOWN = 25


def run_news_evaluation(folder: Path, pipeline: LoadedPipeline | None = None) -> NewsReport:
    """Extract candidates from every labelled text in `folder` and score them.

    The labels are read first and never shown to the extraction; `pipeline` defaults
    to the one the application loads.
    """
    texts = load_news_set(folder)
    loaded = pipeline if pipeline is not None else load_pipeline()
    predictions: dict[str, list[CandidateClaim]] = {
        gold.id: extract_candidates(gold.text, loaded) for gold in texts
    }
    report = score_news(texts, predictions)
    report.pipeline = loaded.name + (" (limited)" if loaded.limited else "")
    return report


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.1%})" if whole else f"{part}/0"


def _prf_row(name: str, prf: PRF) -> str:
    return (f"  {name:<12}{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}"
            f"{prf.tp:>6}{prf.fp:>6}{prf.fn:>6}")


def _prf_table(title: str, rows: dict[str, PRF]) -> list[str]:
    lines = [f"{title:<14}{'P':>8}{'R':>8}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}"]
    lines += [_prf_row(name, prf) for name, prf in rows.items()]
    lines.append(_prf_row("all (micro)", total(rows)))
    return lines


def format_news_report(report: NewsReport) -> str:
    """A plain-text report for the terminal."""
    articles = report.texts - report.transcripts
    lines = [
        f"News set: {report.texts} texts ({articles} articles, {report.transcripts} "
        f"transcripts), {report.units} labelled units; pipeline {report.pipeline}",
        "",
        "Speakers",
        f"  attributed sentences with the right speaker: "
        f"{_ratio(report.speakers_correct, report.attributed)}",
        *(f"    in {kind}s: {_ratio(c, n)}" for kind, (c, n) in sorted(report.per_kind.items())),
        f"  narration sentences given a speaker (wrongly): "
        f"{_ratio(report.narration_with_speaker, report.narration)}",
    ]
    if report.kinds is None:
        lines.append("  speaker kind: not predicted by this version")
    else:
        lines += [f"  speaker kind {kind}: {_ratio(c, n)}" for kind, (c, n) in report.kinds.items()]
    lines += ["", "Headlines, bylines, datelines, furniture that became claims"]
    lines += [f"  {role}: {_ratio(b, n)}" for role, (b, n) in sorted(report.structure.items())]
    n = report.claim_units
    lines += [
        "Claim spans at the labelled offsets",
        f"  exact start and end: {_ratio(report.exact_spans, n)}; start: "
        f"{_ratio(report.exact_starts, n)}; end: {_ratio(report.exact_ends, n)}",
        "",
        *_prf_table("Claim types", report.types),
        "",
        *_prf_table("Entities exact", report.entities),
        "",
        *_prf_table("Entities ~span", report.entities_relaxed),
    ]
    if report.misses:
        lines += ["", f"Wrong or missing speakers (first {min(MISSES_SHOWN, len(report.misses))}"
                  f" of {len(report.misses)})"]
        for miss in report.misses[:MISSES_SHOWN]:
            snippet = miss.sentence if len(miss.sentence) <= 60 else miss.sentence[:57] + "..."
            lines.append(f"  {miss.text_id}@{miss.start}: want {miss.gold!r}, got "
                         f"{miss.predicted!r}: {snippet}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """`claimdesk eval --news [DIR] [--format json]`: print the news report."""
    parser = argparse.ArgumentParser(prog="claimdesk eval --news",
                                     description=run_news_evaluation.__doc__)
    parser.add_argument("--news", type=Path, default=None, help="folder of the labelled set")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    try:
        report = run_news_evaluation(args.news or default_news_dir())
    except KnownError as exc:
        print(f"claimdesk eval: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        print(format_news_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
