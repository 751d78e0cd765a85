"""One gate for web addresses: only http(s)/mailto, every risky character percent-encoded."""

from __future__ import annotations

import re
import string

#: Characters left as they are: RFC 3986's unreserved and reserved sets, minus the
#: sub-delimiters ' ( ) — those close or open strings in PDF, JavaScript and CSS, and a
#: report writer (Qt's PDF writer) has put a URL into a PDF string without escaping them.
_KEEP = frozenset(string.ascii_letters + string.digits + "-._~" + ":/?#[]@" + "!$&*+,;=")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_SCHEMES = ("http://", "https://", "mailto:")
#: Longer than any real address; a report has no use for megabytes in an href.
MAX_URL_CHARS = 4000


def _encode(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and _PERCENT.match(text, i):
            out.append(text[i : i + 3].upper())
            i += 3
            continue
        if ch in _KEEP:
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
        i += 1
    return "".join(out)


def safe_url(text: str | None) -> str | None:
    """`text` as a web (http, https) or mail address that is safe to put in any link.

    Leading and trailing white space is dropped; every character outside the plain
    RFC 3986 set (spaces, quotes, brackets, parentheses, backslash, control and non-ASCII
    characters) is percent-encoded. None when it is not such an address: another scheme
    (javascript:, data:, file:), no host, a lone surrogate, or absurdly long.
    """
    if not text:
        return None
    value = text.strip()
    lowered = value.lower()
    scheme = next((s for s in _SCHEMES if lowered.startswith(s)), None)
    if scheme is None or len(value) > MAX_URL_CHARS:
        return None
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        return None
    rest = value[len(scheme) :]
    if scheme != "mailto:" and not re.match(r"[^/?#\s]", rest):
        return None
    if scheme == "mailto:" and not rest:
        return None
    return scheme + _encode(rest)


def clean_url(text: str | None) -> str | None:
    """What is stored for an address from an untrusted file: a safe web URL or nothing."""
    url = safe_url(text)
    return url if url is not None and not url.startswith("mailto:") else None


def with_lowercase_host(url: str) -> str:
    """`url` with its scheme and host in lower case, the rest as it is.

    Scheme and host are case-insensitive (RFC 3986, 6.2.2.1): HTTPS://Checks.EXAMPLE/r
    is the page https://checks.example/r. A path, query or fragment is not
    (checks.example/R is another page), nor is a login part (user@); percent-escapes
    keep their upper-case hex, as `safe_url` writes them.
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = min((i for i in (rest.find(ch) for ch in "/?#") if i != -1), default=len(rest))
    login, at, host = rest[:end].rpartition("@")
    host = "".join(
        part if _PERCENT.fullmatch(part) else part.lower()
        for part in re.split(f"({_PERCENT.pattern})", host)
    )
    return f"{scheme.lower()}://{login}{at}{host}{rest[end:]}"
