"""Target dates as councils write them (seed: "June 2013", "June- September 2013",
"April and ongoing", "Ongoing")."""

from __future__ import annotations

import datetime as dt

import pytest

from scrutiny.dates import DateError, parse_day, parse_target

D = dt.date


@pytest.mark.parametrize("text, kind, start, due", [
    ("2013-06-27", "day", D(2013, 6, 27), D(2013, 6, 27)),
    ("2013-06", "month", D(2013, 6, 1), D(2013, 6, 30)),
    ("June 2013", "month", D(2013, 6, 1), D(2013, 6, 30)),
    ("Sept 2013", "month", D(2013, 9, 1), D(2013, 9, 30)),
    ("February 2024", "month", D(2024, 2, 1), D(2024, 2, 29)),
    ("June- September 2013", "range", D(2013, 6, 1), D(2013, 9, 30)),
    ("June 2013 - March 2014", "range", D(2013, 6, 1), D(2014, 3, 31)),
    ("Ongoing", "ongoing", None, None),
    ("April 2013 and ongoing", "ongoing", D(2013, 4, 1), None),
])
def test_forms(text, kind, start, due):
    t = parse_target(text)
    assert (t.text, t.kind, t.start, t.due) == (text, kind, start, due)


def test_immediate_is_due_on_the_response_date():
    t = parse_target("immediate", immediate=D(2013, 6, 27))
    assert t.due == D(2013, 6, 27) and t.is_overdue(D(2013, 6, 28)) and not t.is_overdue(D(2013, 6, 27))


def test_overdue_only_after_the_last_day():
    june = parse_target("June 2013")
    assert not june.is_overdue(D(2013, 6, 30))
    assert june.is_overdue(D(2013, 7, 1))
    assert not parse_target("ongoing").is_overdue(D(2099, 1, 1))


@pytest.mark.parametrize("text", ["April and ongoing", "2013", "Juno 2013", "2013-13", "September - June 2013", "soon"])
def test_unreadable_targets_are_errors(text):
    with pytest.raises(DateError):
        parse_target(text)


@pytest.mark.parametrize("text", ["27/06/2013", "2013-02-30", "June 2013"])
def test_fixed_dates_must_be_real_days(text):
    with pytest.raises(DateError):
        parse_day(text)
