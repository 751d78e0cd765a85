"""The .claimdesk case bundle: a zip of manifest.json and data.json with SHA-256 checksums."""

# Reading trusts nothing: entry names, sizes, compression ratios, versions, checksums and
# every field are checked before the caller gets a single record, so an import can refuse
# a bad file without having touched the database.

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from claimdesk import __version__
from claimdesk.domain.clock import utc_now
from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.errors import KnownError
from claimdesk.exchange.checks import checked_articles
from claimdesk.exchange.library import LIBRARY, library_bytes, library_from_json
from claimdesk.exchange.records import (
    BundleArticle,
    BundleDataError,
    BundleFromNewerVersion,
    article_from_json,
    bundle_time,
)
from claimdesk.exchange.records_write import article_to_json
from claimdesk.importers.common import Unreadable
from claimdesk.importers.evidence_files import MAX_ATTACHMENT_BYTES
from claimdesk.importers.worker import shared_parser

SUFFIX = ".claimdesk"
BUNDLE_FORMAT = "claimdesk-bundle"
#: Bump when data.json changes shape; older ClaimDesk versions then refuse the bundle.
BUNDLE_SCHEMA_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
_MEMBERS = (MANIFEST, DATA)
#: Attached files travel as evidence/<their sha256>, stored as they are (most evidence
#: is compressed already: PDF, PNG, JPEG, gzipped WARC).
EVIDENCE_DIR = "evidence/"
_EVIDENCE_NAME = re.compile(r"evidence/([0-9a-f]{64})")


@dataclass(frozen=True, slots=True)
class BundleLimits:
    """How big a bundle may be; anything past these is refused unread."""

    max_file_bytes: int = 512 * 1024 * 1024
    max_members: int = 8
    max_total_bytes: int = 1024 * 1024 * 1024
    max_manifest_bytes: int = 64 * 1024
    #: Uncompressed / compressed size of one entry, for entries bigger than ratio_floor.
    max_ratio: float = 200.0
    ratio_floor: int = 1024 * 1024
    #: Attached files (evidence/…), counted apart from the bundle's own members.
    max_attachments: int = 10_000


@dataclass(frozen=True, slots=True)
class BundleEvidence:
    """An attached file from a bundle: its bytes, checked as an attach would check them."""

    data: bytes
    media_type: str
    text: str


@dataclass(frozen=True, slots=True)
class Bundle:
    """What a bundle holds once every check has passed."""

    articles: tuple[BundleArticle, ...]
    created_at: datetime
    app_version: str
    schema_version: int
    #: Exact copies of a claim the file held more than once; each was stored once.
    duplicates_dropped: int = 0
    #: The attached files by sha256, each matching its checksum.
    evidence: Mapping[str, BundleEvidence] = field(default_factory=dict)
    #: The fact-check library it carries (`--with-library`), every entry checked; None
    #: when it carries none.
    library: tuple[FactCheckDraft, ...] | None = None


class BundleRefused(KnownError):
    """A bundle could not be imported; the database was not changed."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"Cannot import {Path(path).name}: {reason} Nothing was changed.")
        self.path = str(path)
        self.reason = reason


# ----------------------------------------------------------------------------- writing


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _entry(data: bytes) -> dict[str, Any]:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def pack_bundle(
    articles: Sequence[BundleArticle],
    created_at: datetime | None = None,
    evidence: Mapping[str, bytes] | None = None,
    library: Sequence[FactCheckDraft] | None = None,
) -> bytes:
    """The bytes of a .claimdesk file holding `articles` and their attached files
    (`evidence`: bytes by sha256, every one the articles' notes name), and with
    `library` the fact-check library's entries (not their vectors: the receiving desk
    encodes them, as after any import)."""
    data = _json_bytes({"articles": [article_to_json(a) for a in articles]})
    files = {DATA: _entry(data)}
    carried = None if library is None else library_bytes(library)
    if carried is not None:
        files[LIBRARY] = _entry(carried)
    evidence = evidence or {}
    for sha in sorted(evidence):
        files[EVIDENCE_DIR + sha] = _entry(evidence[sha])
    manifest = {
        "format": BUNDLE_FORMAT,
        "schema_version": BUNDLE_SCHEMA_VERSION,
        "created_at": (created_at or utc_now()).replace(microsecond=0, tzinfo=UTC).isoformat(),
        "app_version": __version__,
        "article_count": len(articles),
        "files": files,
    }
    if library is not None:
        manifest["factcheck_count"] = len(library)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, _json_bytes(manifest))
        zf.writestr(DATA, data)
        if carried is not None:
            zf.writestr(LIBRARY, carried)
        for sha in sorted(evidence):
            zf.writestr(EVIDENCE_DIR + sha, evidence[sha], compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


# ----------------------------------------------------------------------------- reading


def _unsafe_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or ":" in name:
        return True
    path = PurePosixPath(name)
    return path.is_absolute() or ".." in path.parts or name.endswith("/")


def _check_members(zf: zipfile.ZipFile, limits: BundleLimits) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    own = [i for i in infos if not _EVIDENCE_NAME.fullmatch(i.filename)]
    if len(own) > limits.max_members:
        raise ValueError(f"it has {len(own)} entries; a bundle has {len(_MEMBERS)}.")
    if len(infos) - len(own) > limits.max_attachments:
        raise ValueError(
            f"it has {len(infos) - len(own):,} attached files; ClaimDesk accepts "
            f"{limits.max_attachments:,}."
        )
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        if _unsafe_name(info.filename):
            raise ValueError(f"it contains an unsafe entry name ({info.filename!r}).")
        if info.filename in members:
            raise ValueError(f"the entry {info.filename} appears twice.")
        if info.flag_bits & 0x1:
            raise ValueError("it is encrypted.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValueError(f"the entry {info.filename} uses an unsupported compression.")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise ValueError("it unpacks to more data than ClaimDesk accepts (zip bomb?).")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            raise ValueError(
                f"the entry {info.filename} is compressed suspiciously well "
                f"({ratio:.0f}:1, zip bomb?)."
            )
        members[info.filename] = info
    unexpected = sorted(
        n for n in set(members) - {*_MEMBERS, LIBRARY} if not _EVIDENCE_NAME.fullmatch(n)
    )
    if unexpected:
        raise ValueError(f"it contains files a bundle never has ({', '.join(unexpected)}).")
    missing = [m for m in _MEMBERS if m not in members]
    if missing:
        raise ValueError(f"it has no {', '.join(missing)}.")
    return members


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    # Never trust the declared size: stop decompressing one byte past the limit.
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"the entry {info.filename} is larger than ClaimDesk accepts.")
    return data


def _load_json(raw: bytes, name: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ValueError(f"{name} is not valid JSON (the file is damaged).") from None


def _check_manifest(manifest: Any) -> tuple[str, int, datetime, str]:
    """(expected sha256 of data.json, its size, created_at, app_version)."""
    sha, size = _checksum(manifest, DATA)
    try:
        created = bundle_time(datetime.fromisoformat(str(manifest.get("created_at"))))
    except ValueError:
        raise ValueError("its manifest has no valid creation date.") from None
    return sha, size, created, str(manifest.get("app_version", ""))


def _checksum(manifest: Any, name: str) -> tuple[str, int]:
    """The sha256 and size the manifest states for the member `name`."""
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        raise ValueError("it is not a ClaimDesk case bundle.")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"its schema version ({version!r}) is not one ClaimDesk knows.")
    if version > BUNDLE_SCHEMA_VERSION:
        raise ValueError(
            f"it was made by a newer ClaimDesk (bundle version {version}; this one reads "
            f"version {BUNDLE_SCHEMA_VERSION}). Update ClaimDesk to import it."
        )
    if version != BUNDLE_SCHEMA_VERSION:
        raise ValueError(f"its schema version {version} is no longer supported.")
    files = manifest.get("files")
    entry = files.get(name) if isinstance(files, dict) else None
    if not isinstance(entry, dict):
        raise ValueError(f"its manifest lists no checksum for {name}.")
    sha, size = entry.get("sha256"), entry.get("size")
    if not isinstance(sha, str) or len(sha) != 64 or not isinstance(size, int):
        raise ValueError(f"its manifest has a malformed checksum for {name}.")
    return sha.lower(), size


def _articles(data: Any) -> tuple[BundleArticle, ...]:
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise ValueError("data.json has no list of articles.")
    try:
        articles = tuple(
            article_from_json(a, f"articles[{i}]") for i, a in enumerate(data["articles"])
        )
    except BundleFromNewerVersion as exc:
        raise ValueError(f"{exc}.") from None
    except BundleDataError as exc:
        raise ValueError(f"data.json is malformed: {exc}.") from None
    seen: set[str] = set()
    texts: set[str] = set()
    for a in articles:
        if a.sha256 in seen or a.text in texts:
            raise ValueError(f"the article {a.sha256[:12]}… appears twice.")
        seen.add(a.sha256)
        texts.add(a.text)
    return articles


def _evidence(
    zf: zipfile.ZipFile,
    members: Mapping[str, zipfile.ZipInfo],
    manifest: Any,
    articles: Sequence[BundleArticle],
) -> dict[str, BundleEvidence]:
    """Every attached file the notes name, each matching the manifest's checksum and
    passing the checks of an attach (a bundle may carry an SVG or a bomb as well)."""
    named = {
        f.sha256: f.file_name
        for a in articles for c in a.claims for s in c.sources for f in s.attachments
    }  # fmt: skip
    carried = {m.removeprefix(EVIDENCE_DIR) for m in members if _EVIDENCE_NAME.fullmatch(m)}
    missing = sorted(set(named) - carried)
    if missing:
        raise ValueError(f"the attached file {named[missing[0]]} is missing from it.")
    extra = sorted(carried - set(named))
    if extra:
        raise ValueError(f"it carries a file no note names ({EVIDENCE_DIR}{extra[0][:12]}…).")
    out: dict[str, BundleEvidence] = {}
    for sha in sorted(named):
        member = EVIDENCE_DIR + sha
        listed, size = _checksum(manifest, member)
        if size > MAX_ATTACHMENT_BYTES or members[member].file_size != size:
            raise ValueError(f"the attached file {named[sha]} does not have its stated size.")
        data = _read_member(zf, members[member], size)
        if listed != sha or hashlib.sha256(data).hexdigest() != sha:
            raise ValueError(
                f"the attached file {named[sha]} does not match its checksum "
                "(the file is damaged or was changed)."
            )
        try:
            content = shared_parser().read_evidence(data)  # under the worker's limits
        except Unreadable as exc:
            raise ValueError(f"the attached file {named[sha]} was refused: {exc.reason}.") from None
        out[sha] = BundleEvidence(data, content.media_type, content.text)
    return out


def _library(
    zf: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo], manifest: Any, limit: int
) -> tuple[FactCheckDraft, ...] | None:
    """The library the bundle carries, checked like data.json, then entry by entry."""
    files = manifest.get("files")
    listed = isinstance(files, dict) and LIBRARY in files
    if LIBRARY not in members:
        if listed:
            raise ValueError(f"its manifest lists {LIBRARY}, which is missing from it.")
        return None
    sha, size = _checksum(manifest, LIBRARY)
    if size > limit or members[LIBRARY].file_size != size:
        raise ValueError(f"{LIBRARY} does not have the size its manifest states.")
    raw = _read_member(zf, members[LIBRARY], size)
    if len(raw) != size or hashlib.sha256(raw).hexdigest() != sha:
        raise ValueError(
            f"{LIBRARY} does not match its checksum (the file is damaged or was changed)."
        )
    drafts = library_from_json(_load_json(raw, LIBRARY))
    count = manifest.get("factcheck_count")
    if count != len(drafts):
        raise ValueError(
            f"{LIBRARY} holds {len(drafts):,} fact-checks; its manifest says {count!r}."
        )
    return drafts


def read_bundle(path: str | Path, limits: BundleLimits | None = None) -> Bundle:
    """Open and fully check a .claimdesk file; raises BundleRefused with the reason."""
    limits = limits or BundleLimits()
    path = Path(path)
    try:
        if not path.is_file():
            raise BundleRefused(path, "the file does not exist.")
        if path.stat().st_size > limits.max_file_bytes:
            raise BundleRefused(path, "the file is larger than ClaimDesk accepts.")
        with zipfile.ZipFile(path) as zf:
            members = _check_members(zf, limits)
            manifest_raw = _read_member(zf, members[MANIFEST], limits.max_manifest_bytes)
            manifest = _load_json(manifest_raw, MANIFEST)
            sha, size, created, app_version = _check_manifest(manifest)
            if size > limits.max_total_bytes or members[DATA].file_size != size:
                raise ValueError("data.json does not have the size its manifest states.")
            data_raw = _read_member(zf, members[DATA], size)
            if len(data_raw) != size or hashlib.sha256(data_raw).hexdigest() != sha:
                raise ValueError(
                    "data.json does not match its checksum (the file is damaged or was changed)."
                )
            articles, dropped = checked_articles(_articles(_load_json(data_raw, DATA)))
            evidence = _evidence(zf, members, manifest, articles)
            library = _library(zf, members, manifest, limits.max_total_bytes)
    except BundleRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise BundleRefused(path, f"it is not a readable zip file ({exc}).") from None
    except ValueError as exc:
        raise BundleRefused(path, str(exc)) from None
    except OSError as exc:
        raise BundleRefused(path, f"it cannot be read ({exc.strerror or exc}).") from None
    return Bundle(
        articles, created, app_version, BUNDLE_SCHEMA_VERSION, dropped, evidence, library
    )
