"""Fact-check files: JSON-LD, feeds, saved pages and CSV, plain or gzip/zip packed, read safely."""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
import zlib
from pathlib import Path

from claimdesk.domain.factchecks import FactCheckDraft
from claimdesk.domain.urls import clean_url
from claimdesk.errors import KnownError
from claimdesk.importers.archive import ZipLimits, open_checked_zip
from claimdesk.importers.claimreview import (
    BROKEN_BLOCK,
    MAX_ITEMS,
    NO_CLAIM,
    FactChecksRead,
    claim_text,
    from_json,
    language_code,
    load_json,
    number,
    url_missing,
    without_bidi_controls,
)
from claimdesk.importers.common import (
    Unreadable,
    clean_field,
    decode_text,
    one_line,
    parse_date,
    read_limited,
)

#: The largest file read (packed or not) and the most a packed one may unpack to. The
#: Data Commons ClaimReview dump is well under this; parsing 256 MB of JSON takes about
#: 2 GB of memory, so more would not be safe on a laptop anyway.
MAX_BYTES = 256 * 1024 * 1024
_ZIP_LIMITS = ZipLimits(max_total_bytes=MAX_BYTES, max_member_bytes=MAX_BYTES,
                        max_xml_bytes=MAX_BYTES)  # fmt: skip
_JSON = (".json", ".jsonld", ".json-ld")
_HTML = (".html", ".htm", ".xhtml")
SUFFIXES = (*_JSON, *_HTML, ".csv", ".gz", ".zip")
_LD_TYPE = re.compile(r"application/ld\+json\s*(?:;.*)?", re.IGNORECASE | re.DOTALL)
#: What pages written for XHTML put around a block's JSON: <!-- -->, <![CDATA[ ]]>, or
#: either inside a comment of the script's own (/*<![CDATA[*/ … /*]]>*/, //<![CDATA[).
_WRAPPER_START = re.compile(r"\A\s*(?:<!--|/\*\s*<!\[CDATA\[\s*\*/|//\s*<!\[CDATA\[|<!\[CDATA\[)")
_WRAPPER_END = re.compile(r"(?:-->|/\*\s*\]\]>\s*\*/|//\s*\]\]>|\]\]>)\s*\Z")
#: CSV headings understood, by the field they fill (first the names the issue lists).
_CSV_FIELDS = {
    "claim": ("claim", "claimreviewed", "claim_reviewed", "text"),
    "rating": ("rating", "verdict", "textual_rating", "alternatename"),
    "url": ("url", "review_url", "reviewurl", "link"),
    "publisher": ("publisher", "author", "organisation", "organization"),
    "date": ("date", "datepublished", "date_published", "published"),
    "language": ("language", "lang", "inlanguage"),
    "title": ("title", "headline"),
    "rating_value": ("rating_value", "ratingvalue"),
}


class FactCheckFileRefused(KnownError):
    """A fact-check file could not be read; nothing of it was stored."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"Cannot import fact-checks from {path}: {reason}.")
        self.path = path
        self.reason = reason


def read_factchecks(path: str | os.PathLike[str]) -> FactChecksRead:
    """The fact-checks in one file, or FactCheckFileRefused saying why in one sentence."""
    shown = os.fspath(path)
    file = Path(shown)
    suffix = file.suffix.lower()
    try:
        if suffix not in SUFFIXES:
            if not _is_file(file):
                read_limited(file, MAX_BYTES)  # says it is a folder, or that it is missing
            raise Unreadable(
                (f"{suffix} is not a fact-check format" if suffix else
                 "its name has no extension, so its format is unknown")
                + f"; ClaimDesk reads {', '.join(SUFFIXES)}"
            )  # fmt: skip
        data = read_limited(file, MAX_BYTES)
        read = _parse(file.name, data)
    except Unreadable as exc:
        raise FactCheckFileRefused(shown, exc.reason.rstrip(".")) from None
    except MemoryError:
        raise FactCheckFileRefused(
            shown, "it is too large to read in this computer's memory"
        ) from None
    return read


def _is_file(file: Path) -> bool:
    """Whether `file` is there and no folder (a folder is named as one, not by suffix)."""
    try:
        return file.exists() and not file.is_dir()
    except (OSError, ValueError):
        return False


def _parse(name: str, data: bytes, packed: bool = False) -> FactChecksRead:
    suffix = Path(name).suffix.lower()
    if suffix == ".gz" and not packed:
        return _parse(name[: -len(".gz")], _gunzip(data), packed=True)
    if suffix == ".zip" and not packed:
        read = FactChecksRead()
        for member, content in open_checked_zip(data, "zip archive", _ZIP_LIMITS).items():
            if Path(member).suffix.lower() in (*_JSON, *_HTML, ".csv"):
                read.extend(_parse(member, content, packed=True))
        return read
    if suffix in _HTML:
        return from_page(data)
    if suffix == ".csv":
        return from_csv(decode_text(data))
    if suffix in _JSON:
        return from_json(load_json(decode_text(data)))
    raise Unreadable(f"{name} inside it is not a fact-check format")


def _gunzip(data: bytes) -> bytes:
    """Inflate a gzip file in pieces, stopping at MAX_BYTES: a gzip bomb is refused early."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            while chunk := packed.read(1024 * 1024):
                if out.tell() + len(chunk) > MAX_BYTES:
                    raise Unreadable(
                        f"it would unpack to more than {MAX_BYTES // (1024 * 1024)} MB; "
                        "it looks like a gzip bomb and was not opened"
                    )
                out.write(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise Unreadable(f"it is not a valid gzip file ({one_line(exc)})") from None
    return out.getvalue()


def from_page(data: bytes) -> FactChecksRead:
    """The ClaimReview in a saved page's <script type="application/ld+json"> blocks.

    lxml's HTML parser neither loads DTDs nor touches the network; a block that is not
    valid JSON is skipped (pages often carry broken ones for other schema types). The
    parser is told the page may be huge: otherwise libxml2 cuts a text node over 10 MB
    and a large block came back empty. The file is at most MAX_BYTES either way, and
    HTML expands no entities of its own.
    """
    import lxml.html

    markup = decode_text(data)
    if not markup.strip():
        raise Unreadable("the page is empty")
    try:
        parser = lxml.html.HTMLParser(huge_tree=True)
        document = lxml.html.document_fromstring(markup, parser=parser)
    except Exception as exc:  # lxml raises several types on broken markup
        raise Unreadable(f"the page could not be read as HTML ({one_line(exc)})") from None
    read = FactChecksRead()
    blocks = 0
    for script in document.iter("script"):
        if not _LD_TYPE.fullmatch((script.get("type") or "").strip()):
            continue
        blocks += 1
        try:
            root = load_json(_unwrapped(script.text_content() or ""))
        except Unreadable as exc:
            if "nested" in exc.reason:
                raise
            read.skipped[BROKEN_BLOCK] += 1
            continue
        read.extend(from_json(root))
    if not blocks:
        raise Unreadable(
            "the page has no JSON-LD (no <script type=\"application/ld+json\">), so no "
            "ClaimReview; save the fact-check's own page, not a copy of its text"
        )
    return read


def _unwrapped(block: str) -> str:
    """A block's JSON without the comment or CDATA wrapper a page may put around it."""
    start = _WRAPPER_START.match(block)
    if start is None:
        return block
    return _WRAPPER_END.sub("", block[start.end() :], count=1)


def _columns(heading: list[str]) -> dict[str, int]:
    names = [h.strip().lower().replace(" ", "_") for h in heading]
    found: dict[str, int] = {}
    for field, aliases in _CSV_FIELDS.items():
        for alias in aliases:
            if alias in names:
                found[field] = names.index(alias)
                break
    return found


#: The delimiters a fact-check CSV may use (a spreadsheet's "CSV" is often ; or tab).
_DELIMITERS = (",", ";", "\t")


def _delimiter(text: str) -> str:
    """The delimiter that splits the heading row into the most known columns.

    The heading row must name claim and url, so it says which delimiter the file uses;
    csv.Sniffer guessed from the rows and took a comma inside a quoted claim of a tab
    separated file for the delimiter. No heading understood: the sniffer's guess.
    """
    best, found = ",", 0
    for delimiter in _DELIMITERS:
        heading = next(csv.reader(io.StringIO(text[:65536]), delimiter=delimiter), [])
        columns = _columns(heading)
        if "claim" in columns and "url" in columns and len(columns) > found:
            best, found = delimiter, len(columns)
    if found:
        return best
    try:
        return csv.Sniffer().sniff(text[:65536], "".join(_DELIMITERS)).delimiter
    except csv.Error:
        return ","


def from_csv(text: str) -> FactChecksRead:
    """Rows of a CSV with a heading row naming at least claim and url columns."""
    # Every line ending as "\n": Excel for Mac's "CSV (Macintosh)" ends lines with CR
    # alone, which the csv module refuses (a CR inside a quoted claim is a space anyway).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A cell may be as long as the file: an over-long claim is cut (claim_text) like
    # one in JSON, rather than the whole file refused by the csv module's 128 KB limit.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    try:
        rows = csv.reader(io.StringIO(text), delimiter=_delimiter(text), skipinitialspace=True)
        columns = _columns(next(rows, []))
        if "claim" not in columns or "url" not in columns:
            raise Unreadable(
                "its first row must name the columns, with at least claim and url "
                "(also understood: rating, publisher, date, language, title)"
            )
        read = FactChecksRead()
        for row in rows:
            _csv_row(row, columns, read)
            if len(read.drafts) > MAX_ITEMS:
                raise Unreadable(f"it holds more than {MAX_ITEMS:,} fact-checks; split it")
    except csv.Error as exc:
        raise Unreadable(f"it is not a valid CSV file ({one_line(exc)})") from None
    return read


def _csv_row(row: list[str], columns: dict[str, int], read: FactChecksRead) -> None:
    def cell(field: str) -> str | None:
        index = columns.get(field)
        return row[index] if index is not None and index < len(row) else None

    if not any(cell.strip() for cell in row):
        return
    url = clean_url(cell("url"))
    claim = without_bidi_controls(claim_text(cell("claim")))
    if url is None or not claim:
        read.skipped[url_missing(cell("url")) if url is None else NO_CLAIM] += 1
        return
    read.drafts.append(
        FactCheckDraft(
            url=url,
            claim=claim,
            rating=without_bidi_controls(clean_field(cell("rating"))) or "",
            rating_value=number(cell("rating_value")),
            publisher=without_bidi_controls(clean_field(cell("publisher"))) or "",
            published=parse_date(cell("date")),
            language=language_code(cell("language")),
            title=without_bidi_controls(clean_field(cell("title"))) or "",
        )
    )
