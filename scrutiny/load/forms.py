"""The forms a configuration value must have (a language tag, a web address, an email
address, a telephone number, a colour): each check returns what is wrong, or "" when the
value is well formed. No I/O; the loaders turn the answers into problems with lines."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from ..colour import HEX

# BCP 47 (RFC 5646) language tags: language[-extlang][-script][-region][-variant]*
# [-extension]*[-privateuse]. Only the letters, digits and hyphens of this grammar can pass,
# so a tag can never carry a path, markup or a quote into a file name or a page.
_LANGTAG = re.compile(
    r"(?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})"
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?", re.IGNORECASE)

#: An address's host: a name of letters, digits and hyphens in dotted labels, or an IPv4 address.
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*", re.IGNORECASE)
#: Characters of a URL path (RFC 3986 unreserved, percent escapes and "/"): no quotes,
#: brackets, spaces or backslashes, which could end an attribute, a CSS string or a URL.
_PATH = re.compile(r"(?:[A-Za-z0-9._~!$&*+,;=:@/-]|%[0-9A-Fa-f]{2})*")
_QUERY = re.compile(r"(?:[A-Za-z0-9._~!$&*+,;=:@/?-]|%[0-9A-Fa-f]{2})*")

_EMAIL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+)*"
                    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
_PHONE = re.compile(r"\+?[0-9(][0-9 ().-]*")


#: Bidirectional embeddings, overrides and isolates: they reorder what readers see.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def control_character(text: str, newlines: bool) -> str:
    """The first control character in ``text`` (``a line break``, ``the control character
    U+0007``), or "". Line breaks and tabs are allowed when ``newlines``."""
    for ch in text:
        if (unicodedata.category(ch) == "Cc" and not (newlines and ch in "\n\t")) or ch in _BIDI:
            return "a line break" if ch in "\r\n" else f"the control character U+{ord(ch):04X}"
    return ""


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Languages, scripts and regions known to the Unicode CLDR (through Babel)."""
    from babel import Locale

    en = Locale("en")
    return (frozenset(k.lower() for k in en.languages), frozenset(k.lower() for k in en.scripts),
            frozenset(k.lower() for k in en.territories))


def language_problem(tag: str) -> str:
    """Why ``tag`` is not a BCP 47 language tag of a known language, or ""."""
    m = _LANGTAG.fullmatch(tag)
    if not m:
        return "is not a BCP 47 language tag"
    languages, scripts, regions = _known()
    language = m["language"].split("-")[0].lower()
    if language not in languages:
        return f'does not start with a known language code ("{language}")'
    if m["script"] and m["script"].lower() not in scripts:
        return f'names an unknown script ("{m["script"]}")'
    if m["region"] and m["region"].lower() not in regions:
        return f'names an unknown region ("{m["region"]}")'
    return ""


def base_url_problem(url: str) -> str:
    """Why ``url`` cannot be the site's address, or "". It is an absolute http(s) address
    (``https://scrutiny.example.gov.uk/``) or a path from the server's root (``/``,
    ``/scrutiny/``); never another scheme, a user name, a query or a fragment."""
    if url.startswith("/") and not url.startswith("//"):
        if not _PATH.fullmatch(url):
            return "is a path with characters a URL path cannot hold (spaces, quotes, < >, ?, # or \\)"
        return 'has a "." or ".." folder in its path' if _dot_segment(url) else ""
    problem = web_address_problem(url)
    if problem:
        return problem
    parts = urlsplit(url)
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return "has a query or fragment (?, #)"
    return ""


def web_address_problem(url: str) -> str:
    """Why ``url`` is not an absolute http(s) address a page may link to, or ""."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "is not a well-formed address"
    if parts.scheme.lower() not in ("http", "https") or not url.lower().startswith(("http://", "https://")):
        return "is not an absolute http(s) address"
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "has a user name or password in it"
    host = parts.hostname or ""
    if not host or not _HOST.fullmatch(host) or parts.netloc.lower() != host + (f":{port}" if port is not None else ""):
        return "does not name a host (a web server's name such as www.example.gov.uk)"
    if not _PATH.fullmatch(parts.path) or not _QUERY.fullmatch(parts.query) or not _QUERY.fullmatch(parts.fragment):
        return "has characters an address cannot hold (spaces, quotes, < > or \\)"
    if _dot_segment(parts.path):
        return 'has a "." or ".." folder in its path'
    return ""


def _dot_segment(path: str) -> bool:
    return any(seg in (".", "..") for seg in path.split("/"))


def email_problem(address: str) -> str:
    return "" if _EMAIL.fullmatch(address) and len(address) <= 254 else "is not an email address"


def phone_problem(number: str) -> str:
    digits = sum(ch.isdigit() for ch in number)
    return "" if _PHONE.fullmatch(number) and 3 <= digits <= 20 else "is not a telephone number"


def colour_problem(colour: str) -> str:
    return "" if HEX.fullmatch(colour) else "is not a hex colour"


def finite(value: float) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
