"""Writing an export to disk all at once, so a failed export never leaves half a file."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from claimdesk.domain.text import cut_to_bytes
from claimdesk.errors import KnownError


class ExportFailed(KnownError):
    """An export could not be written."""


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, then rename."""
    target = Path(path).expanduser()
    if target.is_symlink():
        # Write the file the link points to (and beside it), keeping the link: renaming
        # over the link would leave that file, perhaps the published copy, stale.
        try:
            target = target.resolve(strict=False)
        except (OSError, RuntimeError) as exc:  # a loop of links
            raise ExportFailed(f"Cannot write {target}: the link goes round in a loop.") from exc
    if target.is_dir():
        raise ExportFailed(f"Cannot write {target}: it is a folder. Choose a file name.")
    if target.exists() and not target.is_file():
        # A device or a pipe (/dev/stdout, a FIFO): renaming over it would replace it.
        return _write_in_place(target, data)
    if target.is_file() and _read_only(target):
        # Renaming over a file needs no write permission on it; respect it anyway.
        raise ExportFailed(
            f"Cannot write {target}: the file there is read-only. Choose another name."
        )
    tmp_name = None
    try:
        # At most 100 bytes of the report's name: the temporary one must fit wherever
        # the report's own name does (255 bytes on most file systems).
        shown = cut_to_bytes(target.name, 100)
        name = str(target.parent / f".{shown}.{secrets.token_hex(4)}.tmp")
        # Not mkstemp: its file is private (0600), and a report is for sharing. A new
        # report gets the mode any new file gets (the umask applies); one that replaces
        # a file keeps that file's mode.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(name, flags, 0o666)
        tmp_name = name
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.is_file():
            Path(tmp_name).chmod(target.stat().st_mode & 0o7777)
        Path(tmp_name).replace(target)
        tmp_name = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportFailed(f"Cannot write {target}: {reason}. Choose another place.") from exc
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
    return target


def _read_only(path: Path) -> bool:
    """True when nobody may write `path` (its mode has no write bit), or we may not."""
    return not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK)


def _write_in_place(target: Path, data: bytes) -> Path:
    try:
        with target.open("wb") as fh:
            fh.write(data)
            fh.flush()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportFailed(f"Cannot write {target}: {reason}. Choose another place.") from exc
    return target
