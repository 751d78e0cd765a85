"""Article importers: one module per format, all reached through `read_article`."""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path

from claimdesk.domain.models import ArticleMetadata
from claimdesk.domain.urls import clean_url
from claimdesk.errors import ImportRefused
from claimdesk.importers.common import (
    SPECIAL_FILE,
    Unreadable,
    normalise_text,
    read_limited,
    shorten,
)
from claimdesk.importers.worker import IsolatedParser, shared_parser

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FILE_DIALOG_FILTER",
    "SUPPORTED_SUFFIXES",
    "ImportedDocument",
    "read_article",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportedDocument:
    """An article file turned into stored text plus what we learnt about it."""

    text: str
    metadata: ArticleMetadata
    format: str  # "txt", "md", "html", "docx", "pdf", "odt"
    sha256: str  # of the file's bytes
    file_name: str
    file_path: str  # absolute


# Format modules are named, not imported: they are imported in the worker process only,
# so trafilatura and pypdf stay out of the app's start-up and its memory.
_FORMATS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "text"),
    ".text": ("txt", "text"),
    ".md": ("md", "markdown"),
    ".markdown": ("md", "markdown"),
    ".html": ("html", "html"),
    ".htm": ("html", "html"),
    ".xhtml": ("html", "html"),
    ".docx": ("docx", "docx"),
    ".pdf": ("pdf", "pdf"),
    ".odt": ("odt", "odt"),
}
_ADVICE = {
    ".doc": "old Word .doc files are not supported; save it as .docx in Word or LibreOffice",
    ".rtf": "RTF files are not supported; save it as .docx or .txt",
    ".mhtml": "single-file web archives are not supported; save the page as HTML",
    ".mht": "single-file web archives are not supported; save the page as HTML",
}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_FORMATS)
FILE_DIALOG_FILTER = (
    "Articles (" + " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES) + ");;"
    "Text (*.txt *.text);;Markdown (*.md *.markdown);;Web pages (*.html *.htm *.xhtml);;"
    "Word documents (*.docx);;PDF documents (*.pdf);;OpenDocument text (*.odt);;"
    "All files (*)"
)


def read_article(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    parser: IsolatedParser | None = None,
) -> ImportedDocument:
    """Import one article file, or raise ImportRefused saying why it cannot be.

    Nothing else escapes for bad input: every library failure is wrapped at the format
    module's boundary, so the caller either gets a whole document or nothing.

    The text convention (what every offset in ClaimDesk indexes):

    * newlines are "\\n"; the text never starts or ends with whitespace; Unicode is NFC;
      control characters other than tab and newline are removed;
    * .txt keeps its lines (one "\\n" between lines, trailing spaces removed, at most one
      blank line in a row);
    * structured formats (md, html, docx, pdf, odt) put one blank line ("\\n\\n") between
      paragraphs; headings, list items and table rows (cells joined by " | ") are
      paragraphs; inside a paragraph runs of spaces become one space and an explicit line
      break (<br>, a Word line break, a Markdown hard break) stays a single "\\n";
    * what the reader cannot see is left out: tracked deletions and the old place of moved
      text, Word's and Writer's Hidden effect (set directly or by a style), hidden fields
      and sections, and HTML that a browser does not show (`hidden`, display:none,
      <template>, <noscript>, scripts, styles and comments, in web pages and Markdown).

    The title falls back from the file's own metadata to its first heading, then to its
    first line (shortened), then to the file name.

    The file is untrusted: it is read here (links and special files checked, size
    limited) and parsed in `parser`'s child process (default: the shared one) under time
    and memory limits; its text may be at most `common.MAX_TEXT_CHARS` long.

    A symbolic link chosen as a single file is followed only to a regular file with an
    article suffix: the user picked it, and the operating system's permissions still
    apply, but a link named "article.txt" that points at a key or a password store is
    refused. Folder imports refuse links that leave the folder (services.batch).
    """
    shown = os.fspath(path)
    file = Path(shown)
    suffix = file.suffix.lower()
    if suffix not in _FORMATS:
        raise ImportRefused(shown, _unsupported(suffix))
    kind, module = _FORMATS[suffix]
    try:
        _check_link(file)
        data = read_limited(file, max_bytes)
        extracted = (parser or shared_parser()).parse(module, data)
    except Unreadable as exc:
        log.info("import refused: %s: %s", shown, exc.reason)
        raise ImportRefused(shown, exc.reason) from None
    metadata = extracted.metadata
    # A file's own idea of its address is untrusted: web addresses only, encoded.
    metadata = replace(metadata, url=clean_url(metadata.url))
    if not metadata.title:
        metadata = replace(metadata, title=shorten(extracted.text) or normalise_text(file.stem))
    return ImportedDocument(
        text=extracted.text,
        metadata=metadata,
        format=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        # A name that is not valid UTF-8 arrives with surrogate escapes; no writer takes those.
        file_name=normalise_text(file.name),
        file_path=normalise_text(str(file.resolve())),
    )


def _check_link(file: Path) -> None:
    """A link is followed only to a file with an article suffix (see read_article)."""
    try:
        if not file.is_symlink():
            return
        target = file.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # dangling, a loop, or a NUL in the name
        raise Unreadable("it is a link to a file that does not exist") from None
    if not target.is_file() and not target.is_dir():
        raise Unreadable(SPECIAL_FILE)
    if target.suffix.lower() not in _FORMATS:
        raise Unreadable(
            f"it is a link to {target.name}, which is not an article file; "
            "ClaimDesk follows links only to article files"
        )


def _unsupported(suffix: str) -> str:
    if suffix in _ADVICE:
        return _ADVICE[suffix]
    shown = f"{suffix} files are" if suffix else "files without an extension are"
    return f"{shown} not supported; ClaimDesk opens {', '.join(SUPPORTED_SUFFIXES)}"
