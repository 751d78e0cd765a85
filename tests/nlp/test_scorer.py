"""The shipped check-worthiness model loads, scores and fails plainly when broken."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimdesk.domain.models import CandidateClaim
from claimdesk.errors import KnownError
from claimdesk.nlp.scorer import (
    CONFIG_NAME,
    MODEL_NAME,
    TOKENIZER_NAME,
    CheckWorthinessScorer,
    ScorerUnavailable,
    apply_scores,
    default_model_dir,
)

CHECK_WORTHY = (
    "Unemployment fell to 3.5 percent last year.",
    "We spent $2 trillion on the war in Iraq.",
)
NOT_CHECK_WORTHY = ("Thank you very much.", "I love this country.")


@pytest.fixture(scope="module")
def scorer() -> CheckWorthinessScorer:
    return CheckWorthinessScorer.load()


def test_the_model_files_ship_in_resources() -> None:
    model_dir = default_model_dir()
    for name in (MODEL_NAME, TOKENIZER_NAME, CONFIG_NAME):
        assert (model_dir / name).is_file(), f"{name} missing from {model_dir}"
    size = (model_dir / MODEL_NAME).stat().st_size
    assert 1_000_000 < size < 30_000_000
    config = json.loads((model_dir / CONFIG_NAME).read_text(encoding="utf-8"))
    assert config["threshold"] == 0.5
    assert config["heldout_files"]


def test_scores_are_probabilities_in_input_order(scorer: CheckWorthinessScorer) -> None:
    sentences = [*CHECK_WORTHY, *NOT_CHECK_WORTHY]
    scores = scorer.score(sentences)
    assert len(scores) == 4
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 for s in scores)
    # By default a sentence scores exactly the same alone, in a batch, in any order.
    for sentence, in_batch in zip(sentences, scores, strict=True):
        assert scorer.score([sentence]) == [in_batch]
    assert scorer.score(sentences[::-1])[::-1] == scores


def test_factual_claims_outscore_pleasantries(scorer: CheckWorthinessScorer) -> None:
    worthy = scorer.score(list(CHECK_WORTHY))
    unworthy = scorer.score(list(NOT_CHECK_WORTHY))
    assert min(worthy) > max(unworthy)
    assert min(worthy) >= scorer.threshold > max(unworthy)


def test_larger_batches_keep_order_and_nearly_the_same_scores(
    scorer: CheckWorthinessScorer,
) -> None:
    # Batched int8 activations share one scale, so scores move slightly, never far.
    sentences = [*CHECK_WORTHY, *NOT_CHECK_WORTHY, "Taxes went up by 12 percent under him."]
    alone = scorer.score(sentences)
    for batch_size in (2, 32):
        assert scorer.score(sentences, batch_size=batch_size) == pytest.approx(alone, abs=5e-3)


def test_empty_input_and_empty_strings(scorer: CheckWorthinessScorer) -> None:
    assert scorer.score([]) == []
    scores = scorer.score(["", "   "])
    assert len(scores) == 2
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_very_long_sentences_are_truncated_not_refused(scorer: CheckWorthinessScorer) -> None:
    long = "The deficit grew by 4 percent. " * 200
    (score,) = scorer.score([long])
    assert 0.0 <= score <= 1.0


def test_apply_scores_returns_scored_copies(scorer: CheckWorthinessScorer) -> None:
    candidates = [
        CandidateClaim(start=0, end=len(CHECK_WORTHY[0]), text=CHECK_WORTHY[0]),
        CandidateClaim(start=50, end=50 + len(NOT_CHECK_WORTHY[0]), text=NOT_CHECK_WORTHY[0]),
    ]
    scored = apply_scores(candidates, scorer)
    assert [c.score for c in candidates] == [None, None]
    assert [(c.start, c.end, c.text) for c in scored] == [
        (c.start, c.end, c.text) for c in candidates
    ]
    assert scored[0].score is not None and scored[1].score is not None
    assert scored[0].score > scored[1].score
    assert apply_scores([], scorer) == []


def test_missing_folder_is_a_known_error(tmp_path: Path) -> None:
    with pytest.raises(ScorerUnavailable, match=r"missing model\.onnx") as info:
        CheckWorthinessScorer.load(tmp_path / "nowhere")
    assert isinstance(info.value, KnownError)


def _copy_model(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(default_model_dir(), target)
    return target


def test_corrupt_model_file_is_a_known_error(tmp_path: Path) -> None:
    model_dir = _copy_model(tmp_path)
    (model_dir / MODEL_NAME).write_bytes(b"\x00garbage, not an ONNX graph" * 100)
    with pytest.raises(ScorerUnavailable, match="not a usable model"):
        CheckWorthinessScorer.load(model_dir)


def test_corrupt_tokenizer_and_config_are_known_errors(tmp_path: Path) -> None:
    model_dir = _copy_model(tmp_path)
    (model_dir / TOKENIZER_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(ScorerUnavailable, match=r"tokenizer\.json is unreadable"):
        CheckWorthinessScorer.load(model_dir)
    shutil.copyfile(default_model_dir() / TOKENIZER_NAME, model_dir / TOKENIZER_NAME)
    (model_dir / CONFIG_NAME).write_text("{}", encoding="utf-8")
    with pytest.raises(ScorerUnavailable, match=r"config\.json is unreadable"):
        CheckWorthinessScorer.load(model_dir)
