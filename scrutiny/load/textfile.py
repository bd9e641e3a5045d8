"""Read one content file as text, or say exactly why it cannot be: too big, a folder,
not UTF-8 (with the byte offset), or holding control characters (with line and column).

Every YAML and Markdown file of the content goes through :func:`read_text`, so each of
these is checked once, the same way, before any parser sees the text. A leading UTF-8
byte-order mark is dropped (it would otherwise turn a first ``## heading`` into a
paragraph and shift the paragraph numbers); line numbers are unchanged by it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..problems import Problems

#: The largest content file read, in bytes. A long report is a few hundred kilobytes; the
#: bound keeps what one file can cost the parsers (time and memory) small.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: At most this many control characters are reported for one file (then a count).
MAX_REPORTED = 10

#: C0 controls but tab, newline and carriage return; DEL; C1 controls; lone surrogates.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
BOM = "\ufeff"
_HINT_UTF8 = 'save it as UTF-8 ("Save as", then Encoding: UTF-8, in most editors)'


def describe_char(char: str) -> str:
    return f"U+{ord(char):04X}"


def control_hint(char: str) -> str:
    return ("delete it: it is invisible in an editor, and web pages, XML, PDF and Braille cannot hold it"
            + ("; a stray NUL often means the file was saved as UTF-16" if char == "\x00" else ""))


def read_text(path: Path, rel: str, problems: Problems, limit: int = MAX_FILE_BYTES,
              controls: bool = True) -> str | None:
    """The text of ``path`` (shown as ``rel``), without a leading byte-order mark; None,
    with the problem recorded, when it cannot be used. Control characters (unless
    ``controls`` is False: the caller checks them) are all recorded (up to :data:`MAX_REPORTED`), each at its line and column."""
    if path.is_dir():
        problems.add(rel, 0, "this is a folder, not a file", f"replace the folder {rel}/ by the file")
        return None
    try:
        size = path.stat().st_size
        if size > limit:
            problems.add(rel, 0, f"the file is {size:,} bytes; at most {limit:,} are read",
                         "split it (a report can have many section files), or remove what does not belong in it")
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.add(rel, 0, f"cannot read the file: {exc.strerror or exc}", "check that it exists and can be read")
        return None
    return decode(data, rel, problems, controls)


def decode(data: bytes, rel: str, problems: Problems, controls: bool = True) -> str | None:
    """``data`` as UTF-8 text without a leading byte-order mark, or None (with a problem)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        problems.add(rel, 1, "the file is UTF-16 text, not UTF-8", _HINT_UTF8)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start:exc.start].decode("utf-8", "replace")) + 1
        problems.add(rel, line, f"the file is not UTF-8 text: byte 0x{data[exc.start]:02X} at byte offset "
                     f"{exc.start} cannot be read", _HINT_UTF8 + "; text saved as Windows-1252, with é, £ or curly "
                     "quotes, is the usual cause", column=column)
        return None
    if text.startswith(BOM):
        text = text[1:]
    return text if not controls or control_characters(text, rel, problems) else None


def control_characters(text: str, rel: str, problems: Problems, first_line: int = 1) -> bool:
    """True when ``text`` holds no control character; else record each (line, column)."""
    found = 0
    for m in CONTROL.finditer(text):
        found += 1
        if found > MAX_REPORTED:
            continue
        line = text.count("\n", 0, m.start()) + first_line
        column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        problems.add(rel, line, f"the control character {describe_char(m.group())} is not allowed",
                     control_hint(m.group()), column=column)
    if found > MAX_REPORTED:
        problems.add(rel, 0, f"{found} control characters in all ({found - MAX_REPORTED} more than shown)",
                     "the file may be a binary file, or not saved as UTF-8 text")
    return not found
