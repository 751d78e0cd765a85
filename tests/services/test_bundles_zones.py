"""Times in a case bundle and the zones of the desks that exchange it.

ClaimDesk before migration 0013 wrote its maker's local time into a bundle, without a
zone; such a time is read as the importing machine's local time, as migration 0013 read
the desk's own. A bundle written now says its zone (UTC), so no zone can misread it.
"""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claimdesk.services.bundles import export_bundle, import_bundle
from claimdesk.services.workbench import Workbench
from claimdesk.storage.orm import VerdictRow
from tests.exchange.bundles import bundle_with
from tests.reports.casework import Case
from tests.services.test_bundles import records

BERLIN = "Europe/Berlin"  # UTC+1 in winter, UTC+2 in summer
_TIMES = ("imported_at", "extracted_at", "created_at", "updated_at", "reviewed_at",
          "captured_at")  # fmt: skip


def _times(value: Any) -> list[str]:
    """Every time in a bundle's data.json, in file order."""
    if isinstance(value, list):
        return [t for item in value for t in _times(item)]
    if not isinstance(value, dict):
        return []
    found = []
    for key, item in value.items():
        found += [item] if key in _TIMES and isinstance(item, str) else _times(item)
    return found


def _as_older_claimdesk(value: Any) -> Any:
    """data.json as a ClaimDesk before migration 0013 in this zone wrote it: every time
    the maker's local wall-clock time, without a zone."""
    if isinstance(value, list):
        return [_as_older_claimdesk(item) for item in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if key in _TIMES and isinstance(item, str):
            when = datetime.fromisoformat(item)
            aware = when if when.tzinfo else when.replace(tzinfo=UTC)
            out[key] = aware.astimezone().replace(tzinfo=None).isoformat()
        else:
            out[key] = _as_older_claimdesk(item)
    return out


def test_a_bundle_written_now_says_every_times_zone(case: Case, tmp_path: Path) -> None:
    path = tmp_path / "now.claimdesk"
    export_bundle(case.workbench.db, path)
    with zipfile.ZipFile(path) as zf:
        data = json.loads(zf.read("data.json"))
        manifest = json.loads(zf.read("manifest.json"))
    times = [*_times(data), manifest["created_at"]]
    assert len(times) >= 10
    assert [t for t in times if datetime.fromisoformat(t).utcoffset() is None] == []


def test_a_bundle_written_now_moves_between_zones_unchanged(
    case: Case, other: Workbench, tmp_path: Path, zone
) -> None:
    zone(BERLIN)
    path = tmp_path / "now.claimdesk"
    export_bundle(case.workbench.db, path)
    zone("America/New_York")
    import_bundle(other.db, path)
    assert records(other) == records(case.workbench)


def test_an_older_claimdesks_zoneless_times_are_read_as_local_times(
    case: Case, other: Workbench, tmp_path: Path, zone
) -> None:
    zone(BERLIN)
    with case.workbench.db.sessions.begin() as session:  # a winter and a summer verdict
        verdicts = session.query(VerdictRow).order_by(VerdictRow.id).all()
        verdicts[0].updated_at = datetime(2026, 1, 15, 23, 30)  # 00:30 on the 16th in Berlin
        verdicts[1].updated_at = datetime(2026, 7, 15, 22, 30)  # 00:30 on the 16th in Berlin
    now = tmp_path / "now.claimdesk"
    export_bundle(case.workbench.db, now)
    with zipfile.ZipFile(now) as zf:
        data = _as_older_claimdesk(json.loads(zf.read("data.json")))
    old_data = json.dumps(data).encode("utf-8")
    assert "2026-01-16T00:30:00" in _times(data) and "2026-07-16T00:30:00" in _times(data)
    old = bundle_with(tmp_path / "old.claimdesk", old_data, created_at="2026-07-16T00:31:00",
                      article_count=len(data["articles"]))  # fmt: skip
    import_bundle(other.db, old)
    # Stored as UTC: the Berlin times converted, winter and summer by their own offsets.
    assert records(other) == records(case.workbench)
    stored = {c.verdict.updated_at for a in records(other) for c in a.claims if c.verdict}
    assert {datetime(2026, 1, 15, 23, 30), datetime(2026, 7, 15, 22, 30)} <= stored
