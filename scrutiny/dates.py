"""Dates as councils write them: a day, a month, a financial year, "ongoing", "TBC".

A :class:`TargetDate` keeps the author's words for display and knows the last day by
which the action is due, so "overdue as of a date" is well defined. A :class:`KnownDate`
is a fixed date known to the day, month or year. :func:`long_date` is the one UK display
form ("2 July 2013") of every output; :func:`duration_words` says "27 months".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from babel.dates import format_date

from . import i18n

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
"""English month names, independent of the machine's locale."""

MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)})
MONTHS["sept"] = 9


def _soft_mutation(word: str) -> str:
    """A Welsh word's soft mutation ("Medi" -> "Fedi" after "i": "Mehefin i Fedi 2013")."""
    for radical, mutated in (("ll", "l"), ("rh", "r"), ("m", "f"), ("b", "f"), ("d", "dd"), ("g", ""),
                             ("c", "g"), ("p", "b"), ("t", "d")):
        if word.startswith(radical) and not word.startswith("ch"):
            return mutated + word[len(radical):]
    return word


def _welsh_months() -> dict[str, int]:
    """Welsh month names from the CLDR locale data (Babel), abbreviated too, and mutated."""
    from babel import Locale

    months = Locale("cy").months
    out: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in months[context][width].items():
                name = name.lower().rstrip(".")
                out.setdefault(name, number)
                out.setdefault(_soft_mutation(name), number)
    return out


WELSH_MONTHS = _welsh_months()

KINDS = ("day", "month", "range", "quarter", "financial-year", "year", "relative",
         "immediate", "ongoing", "unset", "done")
"""Every :attr:`TargetDate.kind`, for data-file schemas."""

FORMS = (
    '"2013-06-27", "28 February 2014", "June 2013", "June - September 2013", "2014", '
    '"2013/14" (April to March), "Q3 2014/15", any of these after "by", "during" or "end of", '
    '"within 6 months", "immediate", "ongoing", "April 2013 and ongoing", "TBC" or "completed"'
)
KNOWN_FORMS = '"2013-07-02", "2 July 2013", "2013-07", "July 2013" or "2011"'

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WORDS_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$", re.I)
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$", re.I)
_YEAR = re.compile(r"^(\d{4})$")
_FINANCIAL_YEAR = re.compile(r"^(\d{4})/(\d{2}|\d{4})$")
_QUARTER = re.compile(r"^(?:q|quarter\s*|ch|chwarter\s*)(\d+)\s+(?:of\s+)?(\S+)$", re.I)
_PREFIX = re.compile(r"^(?:by\s+(?:the\s+)?end\s+of|by|(?:the\s+)?end\s+of|during|in"
                     r"|erbyn\s+diwedd|erbyn|diwedd|yn\s+ystod|ym\s+mis|yn)\s+", re.I)
_RANGE = re.compile(r"^([a-z]+\.?(?:\s+\d{4})?)(?:\s*[-–—]\s*|\s+to\s+|\s+i\s+|\s+tan\s+)([a-z]+\.?\s+\d{4})$",
                    re.I)
_ONGOING_WORDS = r"(?:on(?:-|\s)?going|continuous|continuing|p(?:h)?arhaus|yn\s+parhau|parhau)"
_ONGOING = re.compile(rf"^{_ONGOING_WORDS}$", re.I)
_AND_ONGOING = re.compile(rf"^(?:from\s+|o\s+)?(.+?),?\s+(?:and|ac?)\s+{_ONGOING_WORDS}$", re.I)
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                 "nine", "ten", "eleven", "twelve")
_RELATIVE = re.compile(
    r"^(?:(?:within|in)\s+)?(\d+|[a-z]+)\s+(months?|weeks?)"
    r"(?:\s+(?:from|of|after)\s+(?:the\s+)?(?:date\s+of\s+(?:the\s+)?)?(?:executive\s+)?response(?:\s+date)?)?$",
    re.I,
)
_WELSH_RELATIVE = re.compile(r"^(?:o\s+fewn\s+)?(\d+)\s+(mis|wythnos|wythnosau)(?:\s+(?:o|ar\s+[oô]l)\s*['’]r\s+ymateb)?$",
                             re.I)
_NO_DATE = (  # (kind, words meaning it) for the targets with no date written, English and Welsh
    ("immediate", ("immediate", "immediately", "with immediate effect", "ar unwaith", "yn syth")),
    ("unset", ("tbc", "tba", "to be confirmed", "-", "–", "—", "n/a", "not stated",
               "i'w gadarnhau", "i’w gadarnhau", "i'w gadarnhau (tbc)", "amh", "heb ei nodi")),
    ("done", ("completed", "complete", "already completed", "already complete", "already in place",
              "in place", "done", "already done", "wedi'i gwblhau", "wedi’i gwblhau", "wedi'i gwblhau eisoes",
              "wedi’i gwblhau eisoes", "eisoes ar waith", "ar waith", "cwblhawyd")),
)


class DateError(ValueError):
    """The text is not a date in a form we understand."""


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months (negative goes back), clamped to the month's end."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end``, rounded down (negative when ``end`` is earlier).

    One month after 31 January is 28 (or 29) February, as in :func:`add_months`.
    """
    if end < start:
        return -months_between(end, start)
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if add_months(start, months) > end else months


def duration_words(start: dt.date, end: dt.date) -> str:
    """How long from ``start`` to ``end`` in plain English: "1 day", "3 weeks", "27 months".

    Under 14 days in days, under 8 weeks in whole weeks, otherwise in whole calendar
    months (always rounded down). The order of the two days does not matter.
    """
    start, end = min(start, end), max(start, end)
    days = (end - start).days
    if days < 14:
        number, unit = days, "day"
    elif days < 56:
        number, unit = days // 7, "week"
    else:
        number, unit = months_between(start, end), "month"
    if unit == "day":
        return i18n.ngettext("%(num)s day", "%(num)s days", number)
    if unit == "week":
        return i18n.ngettext("%(num)s week", "%(num)s weeks", number)
    return i18n.ngettext("%(num)s month", "%(num)s months", number)


def long_date(day: dt.date | KnownDate | None) -> str:
    """The UK display form: "2 July 2013"; a :class:`KnownDate` at its precision; None as ""."""
    if day is None:
        return ""
    if isinstance(day, KnownDate):
        return day.display
    if not isinstance(day, dt.date):
        raise TypeError(f"long_date needs a date, not {type(day).__name__}")
    if i18n.current() != "en":
        return format_date(day, "d MMMM y", locale=i18n.locale())
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def month_year(day: dt.date) -> str:
    """ "June 2013" ("Mehefin 2013" in Welsh)."""
    if i18n.current() != "en":
        return format_date(day, "LLLL y", locale=i18n.locale())
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def _real_day(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(f'"{text}" is not a real day ({exc})') from None


def parse_day(text: str) -> dt.date:
    """A fixed day written ``YYYY-MM-DD``."""
    m = _ISO_DAY.match(text.strip())
    if not m:
        raise DateError(f'"{text}" is not a date (write it as YYYY-MM-DD, e.g. 2013-06-27)')
    return _real_day(text, int(m[1]), int(m[2]), int(m[3]))


def _normal(text: str) -> str:
    """Spaces collapsed, a trailing full stop dropped; case kept for messages."""
    return " ".join(text.split()).rstrip(".").strip()


def _month_number(text: str, name: str) -> int:
    month = MONTHS.get(name.lower()) or WELSH_MONTHS.get(name.lower())
    if month is None:
        raise DateError(f'"{text}": "{name}" is not a month name')
    return month


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(text: str) -> tuple[dt.date, dt.date]:
    """First and last day of a month written ``2013-06`` or ``June 2013``."""
    text = text.strip()
    if m := _ISO_MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            hint = f' (write a financial year with a slash, "{m[1]}/{m[2]}")' if month == (year + 1) % 100 else ""
            raise DateError(f'"{text}" has no month {month}{hint}')
    elif m := _MONTH_YEAR.match(text):
        year, month = int(m[2]), _month_number(text, m[1])
    else:
        raise DateError(f'"{text}" is not a month')
    return _month_span(year, month)


def _financial_year(text: str, first: str, second: str) -> int:
    """The first calendar year of a financial year written ``2013/14`` or ``2013/2014``."""
    start = int(first)
    if second not in (f"{(start + 1) % 100:02d}", str(start + 1)):
        raise DateError(f'"{text}" is not a financial year: the two years are not consecutive '
                        f'(write e.g. "{start}/{(start + 1) % 100:02d}" for April {start} to March {start + 1})')
    return start


def _period(text: str) -> tuple[str, dt.date, dt.date] | None:
    """(kind, first day, last day) of a single fixed period, or None if it is not written as one.

    Raises DateError when it is written like a period but is not a real one ("31 June 2013").
    """
    if m := _ISO_DAY.match(text):
        day = _real_day(text, int(m[1]), int(m[2]), int(m[3]))
        return "day", day, day
    if _ISO_MONTH.match(text) or _MONTH_YEAR.match(text):
        return ("month", *_month(text))
    if m := _WORDS_DAY.match(text):
        day = _real_day(text, int(m[3]), _month_number(text, m[2]), int(m[1]))
        return "day", day, day
    if m := _YEAR.match(text):
        year = int(m[1])
        return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := _FINANCIAL_YEAR.match(text):
        year = _financial_year(text, m[1], m[2])
        return "financial-year", dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
    if m := _QUARTER.match(text):
        quarter = int(m[1])
        if not 1 <= quarter <= 4:
            raise DateError(f'"{text}" has no quarter {quarter} (a financial year has Q1 to Q4, e.g. "Q3 2014/15")')
        fy = _FINANCIAL_YEAR.match(m[2])
        if not fy:
            raise DateError(f'"{text}" needs a financial year (write e.g. "Q{quarter} 2014/15"; '
                            f'Q1 is April to June, Q4 is January to March)')
        first_month = 4 + 3 * (quarter - 1)
        year = _financial_year(m[2], fy[1], fy[2]) + (first_month > 12)
        first_month = (first_month - 1) % 12 + 1
        return ("quarter", _month_span(year, first_month)[0], _month_span(year, first_month + 2)[1])
    return None


@dataclass(frozen=True)
class KnownDate:
    """A fixed date known only as precisely as the council stated it (a day, a month or a year)."""

    first: dt.date
    """Earliest day it can be."""
    last: dt.date
    """Latest day it can be (``first`` for a day)."""
    precision: str
    """``day``, ``month`` or ``year``."""

    def __post_init__(self) -> None:
        """Refuse a span that is not exactly one day, one calendar month or one calendar year."""
        year, month = self.first.year, self.first.month
        spans = {"day": (self.first, self.first), "month": _month_span(year, month),
                 "year": (dt.date(year, 1, 1), dt.date(year, 12, 31))}
        if self.precision not in spans:
            raise ValueError(f'precision must be "day", "month" or "year", not "{self.precision}"')
        if (self.first, self.last) != spans[self.precision]:
            raise ValueError(f"{self.first} to {self.last} is not one whole {self.precision}")

    @property
    def display(self) -> str:
        """ "2 July 2013", "May 2011" or "2011"."""
        if self.precision == "day":
            return long_date(self.first)
        if self.precision == "month":
            return month_year(self.first)
        return str(self.first.year)

    def isoformat(self) -> str:
        """ "2013-07-02", "2013-07" or "2013" (for data files and ``<time datetime>``)."""
        return self.first.isoformat()[:{"day": 10, "month": 7, "year": 4}[self.precision]]

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.first, self.last)

    def before(self, other: KnownDate | dt.date) -> bool:
        """Certainly over before ``other`` begins (May 2011 is before 1 June 2011, not before 31 May)."""
        return self.last < (other.first if isinstance(other, KnownDate) else other)

    def after(self, other: KnownDate | dt.date) -> bool:
        """Certainly begins after ``other`` is over."""
        return self.first > (other.last if isinstance(other, KnownDate) else other)

    def __str__(self) -> str:
        return self.display


def parse_known(value: object) -> KnownDate:
    """A :class:`KnownDate` from a ``datetime.date`` (a day) or text in one of :data:`KNOWN_FORMS`."""
    if isinstance(value, KnownDate):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return KnownDate(value, value, "day")
    text = str(value).strip()
    found = _period(_normal(text))
    if found is None or found[0] not in ("day", "month", "year"):
        raise DateError(f'"{text}" is not a date (write {KNOWN_FORMS})')
    return KnownDate(found[1], found[2], found[0])


#: What a target without a due day says instead, by its kind ("" for any other).
_NO_DUE_WORDS = {
    "ongoing": i18n.N_("no end date"),
    "unset": i18n.N_("no target date set"),
    "done": i18n.N_("no date (already done)"),
    "relative": i18n.N_("due date unknown (counted from a response date that is not stated)"),
    "": i18n.N_("due date unknown"),
}


@dataclass(frozen=True)
class TargetDate:
    """When an action is due, as written by the council."""

    text: str
    """The words as written, shown unchanged on every page (see :attr:`display`)."""
    kind: str
    """One of :data:`KINDS`: ``day``, ``month``, ``range`` (of months), ``quarter`` (of a
    financial year), ``financial-year`` (April to March), ``year`` (calendar), ``relative``
    ("within 6 months" of the response), ``immediate`` (due on the response day),
    ``ongoing`` (never due), ``unset`` ("TBC": no date set) or ``done`` ("completed":
    no date applies because the council says it is already done)."""
    start: dt.date | None
    """First day of the period; for relative and immediate the response day (or None)."""
    due: dt.date | None
    """Last day by which it is due; None when it never falls due or cannot be worked out."""

    @property
    def due_known(self) -> bool:
        """A due day was worked out (not ongoing, unset, done, or counted from an unknown day)."""
        return self.due is not None

    @property
    def display(self) -> str:
        """The council's words, with any ISO day or month in UK words ("2013-06" is "June 2013")."""
        def words(m: re.Match) -> str:
            try:
                return parse_known(m[0]).display
            except DateError:
                return m[0]

        return re.sub(r"(?<![\d/-])\d{4}-\d{2}(?:-\d{2})?(?![\d/-])", words, self.text)

    @property
    def due_words(self) -> str:
        """A short phrase for the due day: "due 27 June 2013", "no end date", ..."""
        if self.due is not None:
            return i18n.gettext("due %(day)s", day=long_date(self.due))
        return i18n.gettext(_NO_DUE_WORDS.get(self.kind, _NO_DUE_WORDS[""]))

    def is_overdue(self, as_of: dt.date) -> bool:
        return self.due is not None and as_of > self.due

    def sort_key(self) -> tuple[int, dt.date]:
        """By due day; those with no due day last (by start day)."""
        return (0, self.due) if self.due else (1, self.start or dt.date.max)

    def __str__(self) -> str:
        return self.text


def _relative(raw: str, m: re.Match, counted_from: dt.date | None) -> TargetDate:
    word = {"a": "one", "an": "one"}.get(m[1].lower(), m[1].lower())
    if not word.isdigit() and word not in _NUMBER_WORDS:
        raise DateError(f'"{raw}": "{m[1]}" is not a number (write e.g. "within 6 months")')
    number = int(word) if word.isdigit() else _NUMBER_WORDS.index(word)
    if number < 1:
        raise DateError(f'"{raw}" must count at least one month or week')
    if counted_from is None:
        due = None
    elif m[2].startswith("month"):
        due = add_months(counted_from, number)
    else:
        due = counted_from + dt.timedelta(weeks=number)
    return TargetDate(raw, "relative", counted_from, due)


def parse_target(text: object, counted_from: dt.date | None = None, *,
                 immediate: dt.date | None = None) -> TargetDate:
    """Parse a target date as written (one of :data:`FORMS`); ``text`` is kept for display.

    ``counted_from`` is the response date: "immediate" falls due on it and "within 6
    months" counts from it (``immediate=`` is the older name of the same argument).
    Case and a trailing full stop do not matter.
    """
    if immediate is not None:
        if counted_from is not None and counted_from != immediate:
            raise TypeError("give counted_from or immediate, not both")
        counted_from = immediate
    raw = str(text).strip()
    norm = _normal(raw)
    low = norm.lower()
    if _ONGOING.match(low):
        return TargetDate(raw, "ongoing", None, None)
    for kind, words in _NO_DATE:
        if low in words:
            day = counted_from if kind == "immediate" else None
            return TargetDate(raw, kind, day, day)
    if m := _AND_ONGOING.match(norm):
        try:
            begins = parse_target(m[1], counted_from)
        except DateError:
            begins = None
        if begins is None or begins.kind in ("relative", "ongoing", "unset", "done"):
            raise DateError(f'"{raw}" does not say when it starts (write e.g. "April 2013 and ongoing")')
        return TargetDate(raw, "ongoing", begins.start, None)
    if m := _RELATIVE.match(norm):
        return _relative(raw, m, counted_from)
    if m := _WELSH_RELATIVE.match(norm):
        unit = "months" if m[2].lower() == "mis" else "weeks"
        return _relative(raw, re.match(r"(\d+) (\w+)", f"{m[1]} {unit}"), counted_from)
    body = _PREFIX.sub("", norm)
    if found := _period(body):
        return TargetDate(raw, *found)
    if m := _RANGE.match(body):
        end_first, end_last = _month(m[2])
        start_text = m[1].strip()
        if not re.search(r"\d{4}$", start_text):
            start_text = f"{start_text} {end_first.year}"
        start_first, _ = _month(start_text)
        if start_first > end_last:
            raise DateError(f'"{raw}" ends before it starts')
        return TargetDate(raw, "range", start_first, end_last)
    raise DateError(f'"{raw}" is not a target date (write {FORMS})')
