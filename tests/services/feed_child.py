"""Another checker's process: saves one verdict on a desk and exits.

Run as `python -m tests.services.feed_child DESK CLAIM NAME TEXT`.
"""

from __future__ import annotations

import sys

from claimdesk.services.nlp_provider import NlpProvider
from claimdesk.services.workbench import Workbench
from claimdesk.storage.db import open_database


def main(desk: str, claim_id: int, name: str, explanation: str) -> None:
    wb = Workbench(open_database(desk), NlpProvider())
    wb.checker = name
    try:
        rating = next(r.id for r in wb.rating_scale().ratings if r.name == "False")
        wb.set_verdict(claim_id, rating, explanation)
    finally:
        wb.db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
