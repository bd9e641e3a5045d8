"""Reading a printed PDF's pages back with pdfplumber: the lines of the body (between the
page margins), the running header in the top margin and the part headings on a page;
and the summary table the minimal fixture should open with."""

from __future__ import annotations

import re

MM = 72 / 25.4

#: The minimal fixture's summary table (school-transport-review, as of 31 March 2024), in
#: the words of the site's tracker; the same in the PDF and in Word.
MINIMAL_SUMMARY = [
    ["1", "Planning: Plan routes by the end of May each year.", "Accepted", "Behind schedule",
     "March 2024 (originally June 2023), due today"],
    ["2", "Planning: Publish the cost of transport each year.", "Partially accepted", "Complete", "29 February 2024"],
    ["3", "Parents: Tell parents of their route by 1 August.", "Rejected", "No action (rejected)", "None given"],
]


def lines(chars: list[dict]) -> list[str]:
    """Characters grouped into lines by their top (within 3 pt), top to bottom."""
    rows = _rows(chars)
    out = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        text = ""
        for before, c in zip([None, *row], row):
            if before is not None and c["x0"] - before["x1"] > 1.5 and not text.endswith(" "):
                text += " "
            text += c["text"]
        out.append(re.sub(r"\s+", " ", text).strip())
    return [t for t in out if t]


def body_lines(page, top_mm: float, bottom_mm: float) -> list[str]:
    """The lines between the top and bottom page margins (no header, no page number)."""
    top, bottom = top_mm * MM - 2, float(page.height) - bottom_mm * MM + 2
    return lines([c for c in page.chars if c["text"].strip() and c["top"] >= top and c["bottom"] <= bottom])


def header_chars(page, top_mm: float) -> list[dict]:
    return [c for c in page.chars if c["text"].strip() and c["bottom"] <= top_mm * MM]


def header_text(page, top_mm: float, left_half: bool = False) -> str:
    """The running header: the text in the top margin (only its left half's, when the
    right box holds something else)."""
    chars = header_chars(page, top_mm)
    return " ".join(lines([c for c in chars if not left_half or c["x1"] <= float(page.width) / 2]))


def part_headings(page, size: float, top_mm: float) -> list[str]:
    """The part headings on a page: its body lines set at ``size`` (a heading that wraps
    is joined into one)."""
    chars = [c for c in page.chars if c["text"].strip() and abs(c["size"] - size) < 0.05 and c["top"] >= top_mm * MM - 2]
    out: list[str] = []
    last_bottom = None
    for row in sorted(_rows(chars), key=lambda r: r[0]["top"]):
        text = lines(row)[0]
        if last_bottom is not None and row[0]["top"] - last_bottom < size * 0.6:
            out[-1] += " " + text
        else:
            out.append(text)
        last_bottom = max(c["bottom"] for c in row)
    return out


def _rows(chars: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if rows and abs(rows[-1][0]["top"] - c["top"]) <= 3:
            rows[-1].append(c)
        else:
            rows.append([c])
    return rows


def expected_headers(pages, size: float, top_mm: float) -> list[str]:
    """What each page's header should say: the first part heading on the page, else the
    one in force from the pages before ("" before any)."""
    out, current = [], ""
    for page in pages:
        found = part_headings(page, size, top_mm)
        out.append(found[0] if found else current)
        current = found[-1] if found else current
    return out
