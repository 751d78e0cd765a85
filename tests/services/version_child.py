"""One checker of the two-client test: reads a claim, waits for "go", saves its verdict.

Run as `python -m tests.services.version_child DESK CLAIM NAME`. It prints
`read <version>` once it has read the claim, then, for every line `go <text>` on its
stdin, tries to save <text> as the explanation based on the version it read and prints
one JSON line: {"saved": version} or {"conflict": {...}}; `reread` reads the claim
again (as "take theirs" in the window would) and prints `read <version>`.
"""

from __future__ import annotations

import json
import sys

from claimdesk.errors import SaveConflict
from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database


def main(desk: str, claim_id: int, name: str) -> None:
    wb = Workbench(open_database(desk), NlpProvider())  # own process, own engine
    wb.checker = name
    try:
        claim = wb.claim(claim_id)
        assert claim.verdict is not None
        rating = claim.verdict.rating.id
        print(f"read {claim.version}", flush=True)
        for line in sys.stdin:
            command, _, text = line.rstrip("\n").partition(" ")
            if command == "reread":
                claim = wb.claim(claim_id)
                print(f"read {claim.version}", flush=True)
                continue
            try:
                wb.set_verdict(claim_id, rating, text, expected_version=claim.version)
            except SaveConflict as exc:
                found = {"mine": exc.mine, "theirs": exc.theirs,
                         "expected": exc.expected, "found": exc.found, "message": str(exc)}
                print(json.dumps({"conflict": found}), flush=True)
            else:
                claim = wb.claim(claim_id)  # the window goes on from what it saved
                print(json.dumps({"saved": claim.version}), flush=True)
    finally:
        wb.db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
