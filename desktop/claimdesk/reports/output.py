"""Writing an export to disk all at once, so a failed export never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from claimdesk.errors import KnownError


class ExportFailed(KnownError):
    """An export could not be written."""


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, then rename."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportFailed(f"Cannot write {target}: it is a folder. Choose a file name.")
    if target.exists() and not target.is_file():
        # A device or a pipe (/dev/stdout, a FIFO): renaming over it would replace it.
        return _write_in_place(target, data)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp_name).replace(target)
        tmp_name = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportFailed(f"Cannot write {target}: {reason}. Choose another place.") from exc
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
    return target


def _write_in_place(target: Path, data: bytes) -> Path:
    try:
        with target.open("wb") as fh:
            fh.write(data)
            fh.flush()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportFailed(f"Cannot write {target}: {reason}. Choose another place.") from exc
    return target
