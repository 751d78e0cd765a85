"""Hand-made .claimdesk files, good and malicious, for the bundle format and import tests."""

from __future__ import annotations

import hashlib
import json
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimdesk.exchange.bundle_file import BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION


def manifest_for(data: bytes, **changes: Any) -> bytes:
    manifest = {
        "format": BUNDLE_FORMAT,
        "schema_version": BUNDLE_SCHEMA_VERSION,
        "created_at": "2026-03-09T10:00:00",
        "app_version": "test",
        "article_count": 0,
        "files": {"data.json": {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}},
    }
    manifest.update(changes)
    return json.dumps(manifest).encode("utf-8")


def write_zip(path: Path, members: list[tuple[str, bytes]],
              compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", compression=compression) as zf:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate-name case
        for name, payload in members:
            zf.writestr(zipfile.ZipInfo(name), payload, compress_type=compression)
    return path


def bundle_with(path: Path, data: bytes, *extra: tuple[str, bytes], **manifest: Any) -> Path:
    return write_zip(path, [("manifest.json", manifest_for(data, **manifest)),
                            ("data.json", data), *extra])


def _traversal(p: Path, good: bytes) -> Path:
    return bundle_with(p, good, ("../../evil.json", b"{}"))


def _absolute(p: Path, good: bytes) -> Path:
    return bundle_with(p, good, ("/tmp/evil.json", b"{}"))


def _backslash(p: Path, good: bytes) -> Path:
    return bundle_with(p, good, ("..\\evil.json", b"{}"))


def _too_many(p: Path, good: bytes) -> Path:
    return bundle_with(p, good, *((f"extra{i}.json", b"{}") for i in range(20)))


def _zip_bomb(p: Path, good: bytes) -> Path:
    return bundle_with(p, b" " * (8 * 1024 * 1024) + good)


def _duplicate(p: Path, good: bytes) -> Path:
    return bundle_with(p, good, ("data.json", b'{"articles": []}'))


def _unexpected(p: Path, good: bytes) -> Path:
    return bundle_with(p, good, ("payload.exe", b"MZ"))


def _newer(p: Path, good: bytes) -> Path:
    return bundle_with(p, good, schema_version=BUNDLE_SCHEMA_VERSION + 1)


def _bad_version(p: Path, good: bytes) -> Path:
    return bundle_with(p, good, schema_version="1")


def _wrong_format(p: Path, good: bytes) -> Path:
    return bundle_with(p, good, format="something-else")


def _corrupt_json(p: Path, good: bytes) -> Path:
    return bundle_with(p, good[: len(good) // 2])  # checksum matches: the JSON itself is cut


def _corrupt_manifest(p: Path, good: bytes) -> Path:
    return write_zip(p, [("manifest.json", b'{"format": "claimdesk-bundle", '),
                         ("data.json", good)])


def _checksum(p: Path, good: bytes) -> Path:
    tampered = good.replace(b"False", b"True!", 1)
    return write_zip(p, [("manifest.json", manifest_for(good)), ("data.json", tampered)])


def _not_a_zip(p: Path, good: bytes) -> Path:
    p.write_bytes(b"PK\x03\x04 this is not really a zip" + good[:100])
    return p


def _bad_span(p: Path, good: bytes) -> Path:
    data = json.loads(good)
    data["articles"][0]["claims"][0]["end"] += 1
    return bundle_with(p, json.dumps(data).encode("utf-8"))


def _wrong_type(p: Path, good: bytes) -> Path:
    data = json.loads(good)
    data["articles"][0]["claims"][0]["sources"] = "none"
    return bundle_with(p, json.dumps(data).encode("utf-8"))


def _deep_json(p: Path, good: bytes) -> Path:
    return bundle_with(p, b"[" * 100_000 + b"]" * 100_000)


#: name → (builder from the bytes of a good data.json, words the refusal must contain)
MALICIOUS: dict[str, tuple[Callable[[Path, bytes], Path], str]] = {
    "path-traversal": (_traversal, "unsafe entry name"),
    "absolute-path": (_absolute, "unsafe entry name"),
    "backslash": (_backslash, "unsafe entry name"),
    "too-many-entries": (_too_many, "entries"),
    "zip-bomb": (_zip_bomb, "zip bomb"),
    "duplicate-entry": (_duplicate, "appears twice"),
    "unexpected-entry": (_unexpected, "never has"),
    "newer-schema": (_newer, "newer ClaimDesk"),
    "bad-schema-version": (_bad_version, "schema version"),
    "wrong-format": (_wrong_format, "not a ClaimDesk case bundle"),
    "corrupt-json": (_corrupt_json, "not valid JSON"),
    "corrupt-manifest": (_corrupt_manifest, "not valid JSON"),
    "deeply-nested-json": (_deep_json, "not valid JSON"),
    "checksum-mismatch": (_checksum, "checksum"),
    "not-a-zip": (_not_a_zip, "zip"),
    "claim-span-mismatch": (_bad_span, "does not match its article"),
    "wrong-field-type": (_wrong_type, "should be a list"),
}


def good_data(bundle_file: Path) -> bytes:
    with zipfile.ZipFile(bundle_file) as zf:
        return zf.read("data.json")
