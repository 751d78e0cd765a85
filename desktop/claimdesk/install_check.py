"""The installed app checks itself (`claimdesk --self-test`): import, extract, rate, report."""

from __future__ import annotations

import dataclasses
import hashlib
import html
import os
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from claimdesk.app import Services

from claimdesk import __version__
from claimdesk.errors import KnownError, SelfTestFailure

#: Keep the report, the window screenshot and a log in this folder (default: thrown away).
#: The log matters on Windows, where the windowed app has no console to print to.
OUT_ENV = "CLAIMDESK_SELFTEST_OUT"
LOG_NAME = "self-test.log"
VERDICT_NOTE = "Recorded by claimdesk --self-test."
EVIDENCE_TITLE = "ClaimDesk self-test evidence"
#: A small text file attached as evidence: it is read in the import worker, as any
#: attached file is, so the step also checks that the worker starts in this install.
EVIDENCE_TEXT = "Evidence kept by claimdesk --self-test: the worker read this file.\n"
REPORT_NAME = "self-test-report.html"
SCREENSHOT_NAME = "self-test-window.png"


class _Out(Protocol):
    def write(self, text: str, /) -> int: ...
    def flush(self) -> None: ...



@dataclass(frozen=True, slots=True)
class StepResult:
    """What one step did: its name, whether it passed and a line about its result."""

    name: str
    ok: bool
    detail: str
    seconds: float


def seed_article() -> Path:
    """The sample article: beside the frozen app, else in the source checkout's seeds/."""
    bundle = getattr(sys, "_MEIPASS", None)
    folders = [Path(bundle) / "seeds"] if bundle else []
    folders.append(Path(__file__).resolve().parents[2] / "seeds")
    for folder in folders:
        found = sorted(folder.glob("*.txt"))
        if found:
            return found[0]
    raise KnownError("The sample article is missing from this installation; reinstall ClaimDesk.")


class SelfTest:
    """Runs the steps in order on one database; a step raises SelfTestFailure to fail."""

    def __init__(
        self, db: str | None, data_dir: str | None, out_dir: Path, scratch: Path, gui: bool
    ) -> None:
        self.db = db
        self.data_dir = data_dir
        self.out_dir = out_dir
        self.scratch = scratch
        self.gui = gui
        self.services: Services | None = None
        self.article_id = 0
        self.claim_id = 0
        self.rating_name = ""

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        steps = [
            ("open database", self.open_database),
            ("import seed article", self.import_seed),
            ("language model", self.language_model),
            ("check-worthiness model", self.scorer),
            ("extract and score claims", self.extract),
            ("record a verdict", self.verdict),
            ("attach evidence", self.evidence),
            ("write HTML report", self.report),
        ]
        if self.gui:
            steps.append(("main window", self.window))
        return steps

    # ------------------------------------------------------------------ steps

    def open_database(self) -> str:
        from claimdesk.app import build_services
        from claimdesk.storage.db import head_revision

        services = build_services(self.db, self.data_dir)
        self.services = services
        path = services.db.path
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        _expect(revision == head_revision(), f"schema {revision}, expected {head_revision()}")
        return f"{path} (schema {revision})"

    def import_seed(self) -> str:
        wb = self._services().workbench
        seed = seed_article()
        result = wb.open_file(seed)
        article = wb.article(result.article_id)
        _expect(len(article.text) > 200, f"only {len(article.text)} characters of text")
        self.article_id = article.id
        state = "new" if result.created else "already in the database"
        return f"{article.title!r}, {len(article.text)} characters ({state})"

    def language_model(self) -> str:
        loaded = self._services().workbench.nlp.pipeline()
        _expect(not loaded.limited, f"only the limited pipeline {loaded.name} loaded")
        _expect(loaded.has_parser and loaded.has_ner, f"{loaded.name} lacks parser or NER")
        return f"{loaded.name}: {', '.join(loaded.nlp.pipe_names)}"

    def scorer(self) -> str:
        nlp = self._services().workbench.nlp
        scorer = nlp.scorer()
        _expect(scorer is not None, " ".join(nlp.limitations()) or "the scorer did not load")
        assert scorer is not None
        # The English model v3 runs its head on the shared encoder: both must work.
        claim, thanks = scorer.score(["Unemployment fell to 3.5 percent last year.", "Thank you."])
        _expect(0.0 <= min(claim, thanks) <= max(claim, thanks) <= 1.0,
                f"scores {claim}, {thanks} are outside [0, 1]")
        _expect(claim >= scorer.threshold > thanks,
                f"a figure scored {claim:.2f} and a thank-you {thanks:.2f} "
                f"against the threshold {scorer.threshold:.2f}")
        return (f"English model v{scorer.version}, {scorer.model_bytes / 1e6:.1f} MB with the "
                f"encoder, threshold {scorer.threshold:.2f}")

    def extract(self) -> str:
        wb = self._services().workbench
        if wb.needs_extraction(self.article_id):
            wb.extract(self.article_id)
        text = wb.article(self.article_id).text
        claims = wb.claims(self.article_id)
        _expect(bool(claims), "no claims were found")
        for claim in claims:
            _expect(
                text[claim.start : claim.end] == claim.text,
                f"claim {claim.number}'s span does not hold its text",
            )
            _expect(
                claim.score is not None and 0.0 <= claim.score <= 1.0,
                f"claim {claim.number} has score {claim.score}",
            )
        top = max(claims, key=lambda c: c.score or 0.0)
        _expect((top.score or 0.0) >= 0.5, "no claim scored as check-worthy (>= 0.50)")
        _expect(any(c.types for c in claims), "no claim got a claim type")
        self.claim_id = top.id
        worthy = sum(1 for c in claims if (c.score or 0.0) >= 0.5)
        return f"{len(claims)} sentences, {worthy} check-worthy; top {top.score:.2f}"

    def verdict(self) -> str:
        wb = self._services().workbench
        rating = wb.rating_scale().ratings[0]
        wb.set_verdict(self.claim_id, rating.id, VERDICT_NOTE, checker="ClaimDesk self-test")
        claim = wb.claim(self.claim_id)
        _expect(
            claim.verdict is not None and claim.verdict.rating.id == rating.id,
            "the verdict was not stored",
        )
        self.rating_name = rating.name
        return f"claim {claim.number} rated {rating.name!r}"

    def evidence(self) -> str:
        from claimdesk.domain import SourceDraft

        wb = self._services().workbench
        notes = [s for s in wb.claim(self.claim_id).sources if s.title == EVIDENCE_TITLE]
        note = notes[0].id if notes else wb.add_source(
            self.claim_id, SourceDraft(url="", title=EVIDENCE_TITLE, note=VERDICT_NOTE)
        )[0]
        data = EVIDENCE_TEXT.encode("utf-8")
        attachment, _changes = wb.attach_bytes(note, data, "self-test-evidence.txt")
        _expect(attachment.media_type == "text/plain",
                f"the text file was taken for {attachment.media_type}")
        stored = [a for s in wb.claim(self.claim_id).sources for a in s.attachments]
        _expect(any(a.sha256 == hashlib.sha256(data).hexdigest() for a in stored),
                "the attached file is not in the desk")
        return f"{attachment.file_name} ({attachment.media_type}, {attachment.size} bytes)"

    def report(self) -> str:
        from claimdesk.reports.html import render_html

        data = self._services().reporting.build([self.article_id], title="ClaimDesk self-test")
        page = render_html(data)
        claim = self._services().workbench.claim(self.claim_id)
        for needed, what in (
            ("<html", "an HTML document"),
            (html.escape(" ".join(claim.text.split()), quote=False), "the rated claim"),
            (html.escape(self.rating_name, quote=False), "the rating"),
        ):
            _expect(needed in " ".join(page.split()), f"the report lacks {what}")
        path = self.out_dir / REPORT_NAME
        path.write_text(page, encoding="utf-8")
        return f"{path} ({len(page.encode('utf-8')) // 1024} KB)"

    def window(self) -> str:
        from claimdesk.gui.render_check import check_window
        from claimdesk.paths import app_paths

        services = self._services()
        # Window state goes to a throw-away folder, never into the user's ui.ini.
        ui_paths = app_paths(self.scratch / "ui")
        ui_paths.ensure()
        window_services = dataclasses.replace(services, paths=ui_paths)
        return check_window(
            window_services, self.article_id, self.claim_id, self.out_dir / SCREENSHOT_NAME
        )

    # ------------------------------------------------------------------ running

    def _services(self) -> Services:
        if self.services is None:
            raise SelfTestFailure("the database is not open")
        return self.services

    def run(self, out: _Out) -> list[StepResult]:
        results: list[StepResult] = []
        try:
            for name, step in self.steps():
                started = time.perf_counter()
                try:
                    detail = step()
                    ok = True
                except (SelfTestFailure, KnownError) as exc:
                    detail, ok = str(exc), False
                except Exception as exc:  # a bug: say which step, keep the traceback
                    traceback.print_exc()
                    detail, ok = f"{type(exc).__name__}: {exc}", False
                result = StepResult(name, ok, detail, time.perf_counter() - started)
                results.append(result)
                mark = "ok  " if ok else "FAIL"
                print(f"{mark} {name}: {detail} [{result.seconds:.1f} s]", file=out, flush=True)
                if not ok:
                    break
        finally:
            if self.services is not None:
                self._services().close()
        return results


def _expect(condition: bool, failure: str) -> None:
    if not condition:
        raise SelfTestFailure(failure)


def run_self_test(
    db: str | None = None,
    data_dir: str | None = None,
    *,
    gui: bool = True,
    out: TextIO | None = None,
) -> int:
    """Run every step; 0 when all passed. Without `db` everything happens in a temp folder."""
    sink = _Tee(out or sys.stdout)
    # Offscreen always: a self-test opens no window on the user's screen.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")
    keep = os.environ.get(OUT_ENV)
    if keep:
        _writable_out(Path(keep))  # before a minute of steps, not after them
    print(f"ClaimDesk {__version__} self-test", file=sink, flush=True)
    with tempfile.TemporaryDirectory(prefix="claimdesk-selftest-") as tmp:
        out_dir = Path(keep) if keep else Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        if db is None:
            db, data_dir = str(Path(tmp) / "selftest.sqlite3"), data_dir or str(Path(tmp) / "data")
        test = SelfTest(db, data_dir, out_dir, Path(tmp), gui)
        steps = len(test.steps())
        results = test.run(sink)
    passed = sum(r.ok for r in results)
    if passed == steps:
        print(f"self-test passed: {passed} of {steps} steps", file=sink, flush=True)
    else:
        print(f"self-test FAILED: {passed} of {steps} steps passed", file=sink, flush=True)
    if keep:
        (Path(keep) / LOG_NAME).write_text(sink.text(), encoding="utf-8")
    return 0 if passed == steps else 1


def _writable_out(folder: Path) -> None:
    """Make $CLAIMDESK_SELFTEST_OUT and its log file, or say in one line why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / LOG_NAME).write_text("", encoding="utf-8")
    except OSError as exc:
        if isinstance(exc, (FileExistsError, NotADirectoryError)):
            reason = "a file is in the way where a folder should be"
        else:
            reason = exc.strerror or str(exc)
        raise KnownError(
            f"Cannot keep the self-test's results in {folder} ({reason}). Set {OUT_ENV} "
            "to a folder you can write, or unset it."
        ) from exc


class _Tee:
    """Writes through to a stream (None in a windowed app) and keeps a copy for the log."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        if self.stream is not None:
            self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        if self.stream is not None:
            self.stream.flush()

    def text(self) -> str:
        return "".join(self.parts)
