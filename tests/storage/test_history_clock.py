"""A claim's history in the order things happened, whatever the zone of the machine that
saved each change: a laptop flown across zones (or a DST change, or a shared desk's
checkers in two zones) must not list a later change first."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import SEED

SET_STATUS = textwrap.dedent(
    """
    import sys
    from claimdesk.app import build_services
    from claimdesk.domain import ClaimStatus

    services = build_services(None, sys.argv[1])
    wb = services.workbench
    claim = wb.claims(wb.articles()[0].id)[0]
    wb.set_status(claim.id, ClaimStatus(sys.argv[2]))
    services.close()
    """
)


def test_history_keeps_the_order_of_saving_when_the_time_zone_changes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "CLAIMDESK_DATA_DIR": str(data)}
    done = subprocess.run([sys.executable, "-m", "claimdesk", "import", str(SEED)], env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    # In progress on a clock 14 hours ahead of UTC, then done on one 12 hours behind.
    for zone, status in (("Etc/GMT-14", "in_progress"), ("Etc/GMT+12", "done")):
        done = subprocess.run([sys.executable, "-c", SET_STATUS, str(data), status],
                              env={**env, "TZ": zone}, capture_output=True, text=True,
                              timeout=300, check=False)
        assert done.returncode == 0, done.stderr

    from claimdesk.app import build_services

    services = build_services(None, data)
    try:
        wb = services.workbench
        claim = wb.claims(wb.articles()[0].id)[0]
        steps = [(h.old, h.new) for h in wb.history(claim.id)]
    finally:
        services.close()
    assert steps == [("todo", "in_progress"), ("in_progress", "done")]
