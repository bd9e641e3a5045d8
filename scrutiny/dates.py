"""Dates as councils write them: a day, a month, a range, "ongoing", "immediate".

A :class:`TargetDate` keeps the author's words for display and knows the last day
by which the action is due, so "overdue as of a date" is well defined.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{4})$")
_RANGE = re.compile(r"^([A-Za-z]+\.?(?:\s+\d{4})?)\s*(?:-|–|to)\s*([A-Za-z]+\.?\s+\d{4})$")
_AND_ONGOING = re.compile(r"^(.+?)\s+and\s+ongoing$", re.IGNORECASE)

FORMS = (
    '"2013-06-27", "2013-06", "June 2013", "June - September 2013", '
    '"ongoing", "April 2013 and ongoing" or "immediate"'
)


class DateError(ValueError):
    """The text is not a date in a form we understand."""


def parse_day(text: str) -> dt.date:
    """A fixed day written ``YYYY-MM-DD``."""
    m = _ISO_DAY.match(text.strip())
    if not m:
        raise DateError(f'"{text}" is not a date (write it as YYYY-MM-DD, e.g. 2013-06-27)')
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise DateError(f'"{text}" is not a real day ({exc})') from None


def _month(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of a month written ``2013-06`` or ``June 2013``."""
    text = text.strip()
    if m := _ISO_MONTH.match(text):
        year, month = int(m[1]), int(m[2])
    elif m := _MONTH_YEAR.match(text):
        month = MONTHS.get(m[1].lower())
        year = int(m[2])
        if month is None:
            raise DateError(f'"{m[1]}" is not a month name')
    else:
        raise DateError(f'"{text}" is not a month')
    if not 1 <= month <= 12:
        raise DateError(f'"{text}" has no month {month}')
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


@dataclass(frozen=True)
class TargetDate:
    """When an action is due, as written by the council."""

    text: str
    """The words as written, shown unchanged on every page."""
    kind: str
    """One of ``day``, ``month``, ``range``, ``ongoing``, ``immediate``."""
    start: dt.date | None
    """First day of the period (None for plain "ongoing" and "immediate")."""
    due: dt.date | None
    """Last day by which it is due; None when it never falls due (ongoing)."""

    def is_overdue(self, as_of: dt.date) -> bool:
        return self.due is not None and as_of > self.due

    def sort_key(self) -> tuple[int, dt.date]:
        return (0, self.due) if self.due else (1, self.start or dt.date.max)

    def __str__(self) -> str:
        return self.text


def parse_target(text: str, immediate: dt.date | None = None) -> TargetDate:
    """Parse a target date; ``immediate`` is due on the given day (the response date)."""
    raw = str(text).strip()
    low = raw.lower()
    if low == "ongoing":
        return TargetDate(raw, "ongoing", None, None)
    if low == "immediate":
        return TargetDate(raw, "immediate", immediate, immediate)
    if m := _AND_ONGOING.match(raw):
        start = parse_target(m[1]).start
        return TargetDate(raw, "ongoing", start, None)
    if _ISO_DAY.match(raw):
        day = parse_day(raw)
        return TargetDate(raw, "day", day, day)
    try:
        first, last = _month(raw)
        return TargetDate(raw, "month", first, last)
    except DateError:
        pass
    if m := _RANGE.match(raw):
        end_first, end_last = _month(m[2])
        start_text = m[1].strip()
        if not re.search(r"\d{4}$", start_text):
            start_text = f"{start_text} {end_first.year}"
        start_first, _ = _month(start_text)
        if start_first > end_last:
            raise DateError(f'"{raw}" ends before it starts')
        return TargetDate(raw, "range", start_first, end_last)
    raise DateError(f'"{raw}" is not a target date (write {FORMS})')
