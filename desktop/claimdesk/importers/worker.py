"""Parsing untrusted article files in a child process with time and memory limits."""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from claimdesk.importers.common import Extracted, Unreadable, check_text_size

if TYPE_CHECKING:
    from claimdesk.importers.evidence_files import EvidenceContent

log = logging.getLogger(__name__)

_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class WorkerLimits:
    """What one article may cost to parse before it is refused.

    A checker's long report (a few hundred pages) parses in seconds and well under
    500 MB; hostile-but-valid files (190 MB of Word XML, a PDF of nested forms) take
    minutes and gigabytes. These limits sit far above the first and far below the second.
    """

    seconds: float = 60.0
    memory_bytes: int = 1536 * _MB


DEFAULT_WORKER_LIMITS = WorkerLimits()


class WorkerBug(RuntimeError):
    """An importer raised something other than Unreadable in the child: our bug."""


def _extractor(kind: str) -> Callable[[bytes], Extracted]:
    from importlib import import_module

    module = import_module(f"claimdesk.importers.{kind}")
    extract: Callable[[bytes], Extracted] = module.extract
    return extract


def _limit_memory(memory_bytes: int) -> None:
    """RLIMIT_AS makes a runaway allocation a MemoryError instead of swapping the desk."""
    try:
        import resource
    except ImportError:  # Windows: only the time limit applies
        return
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            memory_bytes = min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, hard))
    except (ValueError, OSError):  # macOS refuses RLIMIT_AS; the time limit still holds
        log.debug("could not limit the worker's memory", exc_info=True)


def child_main(conn: Connection, memory_bytes: int) -> None:
    """The worker's loop: (kind, bytes) in, ("ok", Extracted) or a refusal out.

    It leaves after a MemoryError, so the next file starts in a fresh process, and
    quietly when ClaimDesk has gone away (the pipe is closed or broken) or on Ctrl+C,
    which a terminal sends to the whole process group: ClaimDesk says it for both.
    """
    _limit_memory(memory_bytes)
    try:
        _serve(conn)
    except (BrokenPipeError, EOFError, ConnectionResetError, KeyboardInterrupt):
        return


def _serve(conn: Connection) -> None:
    while True:
        try:
            kind, data = conn.recv()
        except (EOFError, OSError):
            return
        except MemoryError:  # the file alone does not fit under the limit
            conn.send(("memory", None))
            return
        try:
            extracted = _extractor(kind)(data)
            check_text_size(extracted.text)
            reply: tuple[str, Any] = ("ok", extracted)
        except Unreadable as exc:
            reply = ("refused", exc.reason)
        except MemoryError:
            del data
            conn.send(("memory", None))
            return
        except RecursionError:
            reply = ("refused", "it is nested too deeply to be read safely")
        except Exception:
            reply = ("bug", traceback.format_exc())
        del data
        conn.send(reply)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Start the child with SIGINT ignored, which it keeps (exec keeps an ignored signal,
    and Python then installs no handler of its own).

    Ctrl+C in a terminal reaches the whole process group; the child, a fresh Python for
    a second, printed multiprocessing's traceback. ClaimDesk alone answers it, and then
    stops the child. (A signal mask would not do: the child starts with none.)
    Only the main thread may set handlers; a window starts its child from another.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)


class IsolatedParser:
    """One child process that parses article bytes; restarted when it dies or hangs.

    Parsing runs there, not in the app, so a file that needs more time or memory than
    `limits` allow is refused while the window and the database stay untouched (the
    way Dangerzone keeps its document converter away from the rest of the system).
    Calls are serialised: a batch import parses one file at a time anyway.
    """

    def __init__(self, limits: WorkerLimits = DEFAULT_WORKER_LIMITS) -> None:
        self.limits = limits
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None
        self._served = 0  # files the current child has parsed

    def parse(self, kind: str, data: bytes) -> Extracted:
        """The format module `kind`'s result for `data`; raises Unreadable with the reason."""
        value = self._run(kind, data, "article")
        assert isinstance(value, Extracted)
        return value

    def read_evidence(self, data: bytes) -> EvidenceContent:
        """`evidence_files.read_evidence(data)`, under the same limits as an article."""
        from claimdesk.importers.evidence_files import EvidenceContent

        value = self._run("evidence_files", data, "attachment")
        assert isinstance(value, EvidenceContent)
        return value

    def _run(self, kind: str, data: bytes, what: str) -> Any:
        """Module `kind`'s extract(data) in the child; `what` the file is, for messages."""
        with self._lock:
            reused = self._served > 0
            status, value, code = self._exchange(kind, data)
            if status == "memory" and reused:
                # Earlier files may have left the child's heap fragmented: one fresh try.
                status, value, code = self._exchange(kind, data)
        if status == "ok":
            return value
        if status == "refused":
            raise Unreadable(str(value))
        if status == "bug":
            raise WorkerBug(f"the importer failed:\n{value}")
        if status == "timeout":
            raise Unreadable(
                f"reading it took longer than ClaimDesk's {self.limits.seconds:g} s limit "
                f"for one {what}; the file may be built to stall readers, so it was not opened"
            )
        if status == "memory" or code == -9:  # SIGKILL: most likely the OOM killer
            limit = self.limits.memory_bytes // _MB
            raise Unreadable(
                f"reading it needs more than ClaimDesk's {limit:,} MB memory limit "
                f"for one {what}; split it into smaller files"
            )
        raise Unreadable(
            f"the reader stopped unexpectedly on this file (exit code {code}); "
            "it may be damaged, ask for a fresh copy"
        )

    def _exchange(self, kind: str, data: bytes) -> tuple[str, Any, int | None]:
        """(status, value, exit code if the child had to go) for one file."""
        conn = self._started()
        # If the child left (perhaps after saying why), its reply is read below.
        with contextlib.suppress(OSError):
            conn.send((kind, data))
        try:
            reply = conn.recv() if conn.poll(self.limits.seconds) else ("timeout", None)
        except (EOFError, OSError):
            reply = ("died", None)
        status, value = reply
        if status in ("ok", "refused", "bug"):
            self._served += 1
            return status, value, None
        return status, value, self._stop()

    def _started(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=child_main,
            args=(child, self.limits.memory_bytes),
            name="claimdesk-import-worker",
            daemon=True,
        )
        with _interrupts_held():
            process.start()
        child.close()
        self._process, self._conn, self._served = process, parent, 0
        return parent

    def _stop(self) -> int | None:
        """Kill and reap the child; returns its exit code."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is None:
            return None
        process.join(0.5)
        if process.is_alive():
            process.kill()
            process.join()
        code: int | None = process.exitcode
        process.close()
        return code

    def close(self) -> None:
        with self._lock:
            self._stop()


_shared: list[IsolatedParser] = []
_shared_lock = threading.Lock()


def shared_parser() -> IsolatedParser:
    """The process-wide parser used by `read_article`; its child starts on first use.

    One per process rather than one per Workbench: the CLI's `extract` has no
    Workbench, and one child serves the window's single-file and batch imports alike.
    """
    with _shared_lock:
        if not _shared:
            _shared.append(IsolatedParser())
            atexit.register(_shared[0].close)
        return _shared[0]
