"""Article importers: one module per format, all reached through `read_article`."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from claimdesk.domain.models import ArticleMetadata
from claimdesk.domain.urls import clean_url
from claimdesk.errors import ImportRefused
from claimdesk.importers.common import Extracted, Unreadable, read_limited, shorten

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


def _txt(data: bytes) -> Extracted:
    from claimdesk.importers import text

    return text.extract(data)


def _md(data: bytes) -> Extracted:
    from claimdesk.importers import markdown

    return markdown.extract(data)


def _html(data: bytes) -> Extracted:
    from claimdesk.importers import html

    return html.extract(data)


def _docx(data: bytes) -> Extracted:
    from claimdesk.importers import docx

    return docx.extract(data)


def _pdf(data: bytes) -> Extracted:
    from claimdesk.importers import pdf

    return pdf.extract(data)


def _odt(data: bytes) -> Extracted:
    from claimdesk.importers import odt

    return odt.extract(data)


# Format modules are imported on first use: trafilatura and pypdf stay out of start-up.
_FORMATS: dict[str, tuple[str, Callable[[bytes], Extracted]]] = {
    ".txt": ("txt", _txt),
    ".text": ("txt", _txt),
    ".md": ("md", _md),
    ".markdown": ("md", _md),
    ".html": ("html", _html),
    ".htm": ("html", _html),
    ".xhtml": ("html", _html),
    ".docx": ("docx", _docx),
    ".pdf": ("pdf", _pdf),
    ".odt": ("odt", _odt),
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
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
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
      break (<br>, a Word line break, a Markdown hard break) stays a single "\\n".

    The title falls back from the file's own metadata to its first heading, then to its
    first line (shortened), then to the file name.
    """
    shown = os.fspath(path)
    file = Path(shown)
    suffix = file.suffix.lower()
    if suffix not in _FORMATS:
        raise ImportRefused(shown, _unsupported(suffix))
    kind, extract = _FORMATS[suffix]
    try:
        data = read_limited(file, max_bytes)
        extracted = extract(data)
    except Unreadable as exc:
        log.info("import refused: %s: %s", shown, exc.reason)
        raise ImportRefused(shown, exc.reason) from None
    metadata = extracted.metadata
    # A file's own idea of its address is untrusted: web addresses only, encoded.
    metadata = replace(metadata, url=clean_url(metadata.url))
    if not metadata.title:
        metadata = replace(metadata, title=shorten(extracted.text) or file.stem)
    return ImportedDocument(
        text=extracted.text,
        metadata=metadata,
        format=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        file_name=file.name,
        file_path=str(file.resolve()),
    )


def _unsupported(suffix: str) -> str:
    if suffix in _ADVICE:
        return _ADVICE[suffix]
    shown = f"{suffix} files are" if suffix else "files without an extension are"
    return f"{shown} not supported; ClaimDesk opens {', '.join(SUPPORTED_SUFFIXES)}"
