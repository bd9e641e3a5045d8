"""Target dates as councils write them (seed: "June 2013", "June- September 2013",
"April and ongoing", "Ongoing"), fixed dates known to a day, month or year, and the
plain-English durations every output prints."""

from __future__ import annotations

import datetime as dt

import pytest

from scrutiny.dates import (FORMS, KINDS, MONTHS, DateError, KnownDate, TargetDate, add_months,
                            duration_words, long_date, months_between, parse_day, parse_known,
                            parse_target)

D = dt.date
RESPONSE = D(2013, 8, 31)
"""A response date at a month's end, so adding months must clamp."""


# --- parse_target: every form, with no response date -------------------------------------

@pytest.mark.parametrize("text, kind, start, due", [
    # ISO day and month (as before)
    ("2013-06-27", "day", D(2013, 6, 27), D(2013, 6, 27)),
    ("2013-06", "month", D(2013, 6, 1), D(2013, 6, 30)),
    # a day in words, optionally "by"
    ("28 February 2014", "day", D(2014, 2, 28), D(2014, 2, 28)),
    ("by 28 February 2014", "day", D(2014, 2, 28), D(2014, 2, 28)),
    ("by 2014-02-28", "day", D(2014, 2, 28), D(2014, 2, 28)),
    ("29 February 2024", "day", D(2024, 2, 29), D(2024, 2, 29)),
    ("1 Sept 2013", "day", D(2013, 9, 1), D(2013, 9, 1)),
    ("BY 28 FEBRUARY 2014.", "day", D(2014, 2, 28), D(2014, 2, 28)),
    # a month
    ("June 2013", "month", D(2013, 6, 1), D(2013, 6, 30)),
    ("Sept 2013", "month", D(2013, 9, 1), D(2013, 9, 30)),
    ("Sept. 2013", "month", D(2013, 9, 1), D(2013, 9, 30)),
    ("Jul 2013", "month", D(2013, 7, 1), D(2013, 7, 31)),
    ("February 2024", "month", D(2024, 2, 1), D(2024, 2, 29)),
    ("March 2012", "month", D(2012, 3, 1), D(2012, 3, 31)),
    ("October 2013", "month", D(2013, 10, 1), D(2013, 10, 31)),  # not a range "Oc to ber 2013"
    ("by October 2013", "month", D(2013, 10, 1), D(2013, 10, 31)),
    ("by March 2012", "month", D(2012, 3, 1), D(2012, 3, 31)),
    ("end of March 2012", "month", D(2012, 3, 1), D(2012, 3, 31)),
    ("by end of March 2012", "month", D(2012, 3, 1), D(2012, 3, 31)),
    ("By the end of March 2012.", "month", D(2012, 3, 1), D(2012, 3, 31)),
    ("  end   of March 2012  ", "month", D(2012, 3, 1), D(2012, 3, 31)),
    # a financial year, April to March
    ("2009/10", "financial-year", D(2009, 4, 1), D(2010, 3, 31)),
    ("2009/2010", "financial-year", D(2009, 4, 1), D(2010, 3, 31)),
    ("1999/00", "financial-year", D(1999, 4, 1), D(2000, 3, 31)),
    ("during 2013/14", "financial-year", D(2013, 4, 1), D(2014, 3, 31)),
    ("by 2013/14", "financial-year", D(2013, 4, 1), D(2014, 3, 31)),
    ("in 2013/14", "financial-year", D(2013, 4, 1), D(2014, 3, 31)),
    ("end of 2013/14", "financial-year", D(2013, 4, 1), D(2014, 3, 31)),
    ("During 2013/14.", "financial-year", D(2013, 4, 1), D(2014, 3, 31)),
    # a quarter of a financial year
    ("Q1 2014/15", "quarter", D(2014, 4, 1), D(2014, 6, 30)),
    ("Q2 2014/15", "quarter", D(2014, 7, 1), D(2014, 9, 30)),
    ("Q3 2014/15", "quarter", D(2014, 10, 1), D(2014, 12, 31)),
    ("Q4 2014/15", "quarter", D(2015, 1, 1), D(2015, 3, 31)),
    ("Q4 2015/16", "quarter", D(2016, 1, 1), D(2016, 3, 31)),
    ("Q3 of 2014/15", "quarter", D(2014, 10, 1), D(2014, 12, 31)),
    ("by Q3 2014/15", "quarter", D(2014, 10, 1), D(2014, 12, 31)),
    ("q3 2014/2015", "quarter", D(2014, 10, 1), D(2014, 12, 31)),
    ("Quarter 2 2014/15", "quarter", D(2014, 7, 1), D(2014, 9, 30)),
    # a calendar year
    ("2014", "year", D(2014, 1, 1), D(2014, 12, 31)),
    ("by 2014", "year", D(2014, 1, 1), D(2014, 12, 31)),
    ("during 2014", "year", D(2014, 1, 1), D(2014, 12, 31)),
    ("end of 2014", "year", D(2014, 1, 1), D(2014, 12, 31)),
    # ranges of months (as before)
    ("June- September 2013", "range", D(2013, 6, 1), D(2013, 9, 30)),
    ("June - September 2013", "range", D(2013, 6, 1), D(2013, 9, 30)),
    ("June – September 2013", "range", D(2013, 6, 1), D(2013, 9, 30)),
    ("June 2013 - March 2014", "range", D(2013, 6, 1), D(2014, 3, 31)),
    ("June 2013 to March 2014", "range", D(2013, 6, 1), D(2014, 3, 31)),
    ("October to December 2013", "range", D(2013, 10, 1), D(2013, 12, 31)),
    ("Oct - Dec 2013", "range", D(2013, 10, 1), D(2013, 12, 31)),
    ("October—December 2013", "range", D(2013, 10, 1), D(2013, 12, 31)),
    ("during June - September 2013", "range", D(2013, 6, 1), D(2013, 9, 30)),
    # ongoing work: never due
    ("Ongoing", "ongoing", None, None),
    ("ongoing", "ongoing", None, None),
    ("On-going", "ongoing", None, None),
    ("on going", "ongoing", None, None),
    ("continuous", "ongoing", None, None),
    ("Ongoing.", "ongoing", None, None),
    ("April 2013 and ongoing", "ongoing", D(2013, 4, 1), None),
    ("from April 2013 and ongoing", "ongoing", D(2013, 4, 1), None),
    ("From April 2013 and on-going", "ongoing", D(2013, 4, 1), None),
    ("2013/14 and ongoing", "ongoing", D(2013, 4, 1), None),
    ("June - July 2013 and ongoing", "ongoing", D(2013, 6, 1), None),
    ("by Q2 2014/15 and ongoing", "ongoing", D(2014, 7, 1), None),
    ("immediate and ongoing", "ongoing", None, None),
    # no date set
    ("TBC", "unset", None, None),
    ("tbc", "unset", None, None),
    ("TBC.", "unset", None, None),
    ("to be confirmed", "unset", None, None),
    ("To be confirmed", "unset", None, None),
    ("-", "unset", None, None),
    ("–", "unset", None, None),
    ("n/a", "unset", None, None),
    ("N/A", "unset", None, None),
    ("not stated", "unset", None, None),
    # already done: no date applies
    ("Completed", "done", None, None),
    ("complete", "done", None, None),
    ("Complete.", "done", None, None),
    ("already in place", "done", None, None),
    ("In place", "done", None, None),
    ("done", "done", None, None),
    # counted from an unknown response date
    ("immediate", "immediate", None, None),
    ("Immediately", "immediate", None, None),
    ("6 months", "relative", None, None),
    ("within 3 months", "relative", None, None),
])
def test_forms(text, kind, start, due):
    t = parse_target(text)
    assert (t.text, t.kind, t.start, t.due) == (text.strip(), kind, start, due)
    assert t.kind in KINDS


@pytest.mark.parametrize("text, start, due", [
    ("immediate", RESPONSE, RESPONSE),
    ("immediately", RESPONSE, RESPONSE),
    ("6 months", RESPONSE, D(2014, 2, 28)),            # 31 August + 6 months: clamped to February's end
    ("3 months", RESPONSE, D(2013, 11, 30)),
    ("within 3 months", RESPONSE, D(2013, 11, 30)),
    ("12 months from the response", RESPONSE, D(2014, 8, 31)),
    ("within 6 weeks", RESPONSE, D(2013, 10, 12)),
    ("1 week", RESPONSE, D(2013, 9, 7)),
    ("within 1 month", RESPONSE, D(2013, 9, 30)),
    ("within six months of the response.", RESPONSE, D(2014, 2, 28)),
    ("Within a month", RESPONSE, D(2013, 9, 30)),
])
def test_relative_targets_count_from_the_response(text, start, due):
    t = parse_target(text, RESPONSE)
    assert (t.start, t.due, t.due_known) == (start, due, True)
    assert t.kind == ("immediate" if text.startswith("immediate") else "relative")


def test_counted_from_and_the_older_immediate_keyword_are_the_same_argument():
    assert parse_target("6 months", counted_from=RESPONSE) == parse_target("6 months", immediate=RESPONSE)
    assert parse_target("immediate", immediate=RESPONSE).due == RESPONSE
    assert parse_target("6 months", RESPONSE, immediate=RESPONSE).due == D(2014, 2, 28)
    with pytest.raises(TypeError):
        parse_target("6 months", RESPONSE, immediate=D(2014, 1, 1))


def test_a_response_date_does_not_change_fixed_targets():
    for text in ["June 2013", "2013/14", "Q3 2014/15", "ongoing", "TBC", "completed"]:
        assert parse_target(text, RESPONSE) == parse_target(text)
    assert parse_target("immediate and ongoing", RESPONSE) == TargetDate("immediate and ongoing", "ongoing", RESPONSE, None)


def test_immediate_is_due_on_the_response_date():
    t = parse_target("immediate", immediate=D(2013, 6, 27))
    assert t.due == D(2013, 6, 27) and t.is_overdue(D(2013, 6, 28)) and not t.is_overdue(D(2013, 6, 27))


def test_overdue_only_after_the_last_day():
    june = parse_target("June 2013")
    assert not june.is_overdue(D(2013, 6, 30))
    assert june.is_overdue(D(2013, 7, 1))
    assert not parse_target("ongoing").is_overdue(D(2099, 1, 1))
    q4 = parse_target("Q4 2014/15")
    assert not q4.is_overdue(D(2015, 3, 31)) and q4.is_overdue(D(2015, 4, 1))


@pytest.mark.parametrize("text", ["ongoing", "April 2013 and ongoing", "TBC", "completed", "6 months", "immediate"])
def test_targets_without_a_due_day_are_never_overdue(text):
    t = parse_target(text)
    assert not t.due_known and not t.is_overdue(D(2099, 1, 1))


# --- parse_target: what is refused, and why ----------------------------------------------

@pytest.mark.parametrize("text, message", [
    ("2013/15", '"2013/15" is not a financial year: the two years are not consecutive '
                '(write e.g. "2013/14" for April 2013 to March 2014)'),
    ("2013/2015", '"2013/2015" is not a financial year: the two years are not consecutive '
                  '(write e.g. "2013/14" for April 2013 to March 2014)'),
    ("during 2013/12", '"2013/12" is not a financial year: the two years are not consecutive '
                       '(write e.g. "2013/14" for April 2013 to March 2014)'),
    ("Q5 2014/15", '"Q5 2014/15" has no quarter 5 (a financial year has Q1 to Q4, e.g. "Q3 2014/15")'),
    ("Q0 2014/15", '"Q0 2014/15" has no quarter 0 (a financial year has Q1 to Q4, e.g. "Q3 2014/15")'),
    ("Q3 2014", '"Q3 2014" needs a financial year (write e.g. "Q3 2014/15"; Q1 is April to June, '
                'Q4 is January to March)'),
    ("Q3 2014/16", '"2014/16" is not a financial year: the two years are not consecutive '
                   '(write e.g. "2014/15" for April 2014 to March 2015)'),
    ("31 June 2013", '"31 June 2013" is not a real day (day is out of range for month)'),
    ("by 31 June 2013", '"31 June 2013" is not a real day (day is out of range for month)'),
    ("2013-02-30", '"2013-02-30" is not a real day (day is out of range for month)'),
    ("29 February 2023", '"29 February 2023" is not a real day (day is out of range for month)'),
    ("Juno 2013", '"Juno 2013": "Juno" is not a month name'),
    ("2013-13", '"2013-13" has no month 13'),
    ("2013-14", '"2013-14" has no month 14 (write a financial year with a slash, "2013/14")'),
    ("September - June 2013", '"September - June 2013" ends before it starts'),
    ("April and ongoing", '"April and ongoing" does not say when it starts (write e.g. "April 2013 and ongoing")'),
    ("TBC and ongoing", '"TBC and ongoing" does not say when it starts (write e.g. "April 2013 and ongoing")'),
    ("6 months and ongoing", '"6 months and ongoing" does not say when it starts (write e.g. "April 2013 and ongoing")'),
    ("31 June 2013 and ongoing", '"31 June 2013 and ongoing" does not say when it starts '
                                 '(write e.g. "April 2013 and ongoing")'),
    ("0 months", '"0 months" must count at least one month or week'),
    ("dozen months", '"dozen months": "dozen" is not a number (write e.g. "within 6 months")'),
    ("soon", f'"soon" is not a target date (write {FORMS})'),
    ("", f'"" is not a target date (write {FORMS})'),
    ("27/06/2013", f'"27/06/2013" is not a target date (write {FORMS})'),
    ("June", f'"June" is not a target date (write {FORMS})'),
])
def test_unreadable_targets_say_why(text, message):
    with pytest.raises(DateError) as err:
        parse_target(text)
    assert str(err.value) == message


def test_forms_names_the_new_wordings():
    for example in ["2013-06-27", "28 February 2014", "June 2013", "2013/14", "Q3 2014/15", "within 6 months",
                    "ongoing", "TBC", "completed", "immediate", '"by"']:
        assert example in FORMS


@pytest.mark.parametrize("text", ["27/06/2013", "2013-02-30", "June 2013", "2 July 2013"])
def test_fixed_dates_must_be_real_days(text):
    with pytest.raises(DateError):
        parse_day(text)


def test_parse_day_reads_iso_days():
    assert parse_day(" 2013-06-27 ") == D(2013, 6, 27)


def test_months_are_english_names_and_abbreviations():
    assert MONTHS["june"] == 6 and MONTHS["jun"] == 6 and MONTHS["sept"] == 9 and MONTHS["sep"] == 9
    assert len(MONTHS) == 24  # "may" is both


# --- TargetDate: display, due_words, sort_key --------------------------------------------

@pytest.mark.parametrize("text, display", [
    ("2013-06-27", "27 June 2013"),
    ("2013-06", "June 2013"),
    ("2013-06-01", "1 June 2013"),
    ("by 2014-02-28", "by 28 February 2014"),
    ("2013-06 and ongoing", "June 2013 and ongoing"),
    ("June 2013", "June 2013"),
    ("by end of March 2012.", "by end of March 2012."),
    ("2009/10", "2009/10"),
    ("Q3 2014/15", "Q3 2014/15"),
    ("TBC", "TBC"),
    ("within 6 weeks", "within 6 weeks"),
])
def test_display_keeps_the_words_but_writes_iso_dates_out(text, display):
    t = parse_target(text)
    assert t.display == display and str(t) == text


@pytest.mark.parametrize("text, counted_from, words", [
    ("2013-06-27", None, "due 27 June 2013"),
    ("June 2013", None, "due 30 June 2013"),
    ("2013/14", None, "due 31 March 2014"),
    ("Q4 2014/15", None, "due 31 March 2015"),
    ("June - September 2013", None, "due 30 September 2013"),
    ("6 months", RESPONSE, "due 28 February 2014"),
    ("immediate", RESPONSE, "due 31 August 2013"),
    ("ongoing", None, "no end date"),
    ("April 2013 and ongoing", None, "no end date"),
    ("TBC", None, "no target date set"),
    ("completed", None, "no date (already done)"),
    ("6 months", None, "due date unknown (counted from a response date that is not stated)"),
    ("immediate", None, "due date unknown"),
])
def test_due_words(text, counted_from, words):
    assert parse_target(text, counted_from).due_words == words


def test_sort_key_orders_every_kind_with_unknown_dues_last():
    texts = ["TBC", "2014", "ongoing", "Q1 2014/15", "6 months", "2013-06-27", "completed",
             "April 2013 and ongoing", "2013/14", "June 2013", "immediate"]
    ordered = sorted((parse_target(t) for t in texts), key=TargetDate.sort_key)
    assert [t.text for t in ordered] == [
        "2013-06-27", "June 2013", "2013/14", "Q1 2014/15", "2014",  # by due day
        "April 2013 and ongoing",                                    # then no due day, by start
        "TBC", "ongoing", "6 months", "completed", "immediate",     # then neither (stable order)
    ]


# --- long_date and KnownDate -------------------------------------------------------------

@pytest.mark.parametrize("day, words", [
    (D(2013, 7, 2), "2 July 2013"),
    (D(2013, 12, 31), "31 December 2013"),
    (D(2024, 2, 29), "29 February 2024"),
    (dt.datetime(2013, 7, 2, 23, 59), "2 July 2013"),
    (None, ""),
    (KnownDate(D(2013, 7, 2), D(2013, 7, 2), "day"), "2 July 2013"),
    (KnownDate(D(2011, 5, 1), D(2011, 5, 31), "month"), "May 2011"),
    (KnownDate(D(2011, 1, 1), D(2011, 12, 31), "year"), "2011"),
])
def test_long_date(day, words):
    assert long_date(day) == words


def test_long_date_refuses_text():
    with pytest.raises(TypeError):
        long_date("2013-07-02")


@pytest.mark.parametrize("value, first, last, precision, iso, display", [
    ("2013-07-02", D(2013, 7, 2), D(2013, 7, 2), "day", "2013-07-02", "2 July 2013"),
    ("2 July 2013", D(2013, 7, 2), D(2013, 7, 2), "day", "2013-07-02", "2 July 2013"),
    ("02 July 2013", D(2013, 7, 2), D(2013, 7, 2), "day", "2013-07-02", "2 July 2013"),
    (" 2 july 2013. ", D(2013, 7, 2), D(2013, 7, 2), "day", "2013-07-02", "2 July 2013"),
    (D(2013, 7, 2), D(2013, 7, 2), D(2013, 7, 2), "day", "2013-07-02", "2 July 2013"),
    (dt.datetime(2013, 7, 2, 9, 30), D(2013, 7, 2), D(2013, 7, 2), "day", "2013-07-02", "2 July 2013"),
    ("2013-07", D(2013, 7, 1), D(2013, 7, 31), "month", "2013-07", "July 2013"),
    ("July 2013", D(2013, 7, 1), D(2013, 7, 31), "month", "2013-07", "July 2013"),
    ("Jul 2013", D(2013, 7, 1), D(2013, 7, 31), "month", "2013-07", "July 2013"),
    ("Sept 2013", D(2013, 9, 1), D(2013, 9, 30), "month", "2013-09", "September 2013"),
    ("February 2024", D(2024, 2, 1), D(2024, 2, 29), "month", "2024-02", "February 2024"),
    ("2011", D(2011, 1, 1), D(2011, 12, 31), "year", "2011", "2011"),
    (2011, D(2011, 1, 1), D(2011, 12, 31), "year", "2011", "2011"),
])
def test_parse_known(value, first, last, precision, iso, display):
    k = parse_known(value)
    assert (k.first, k.last, k.precision) == (first, last, precision)
    assert (k.isoformat(), k.display, str(k), long_date(k)) == (iso, display, display, display)
    assert parse_known(k) is k


@pytest.mark.parametrize("value, message", [
    ("2013-02-30", '"2013-02-30" is not a real day (day is out of range for month)'),
    ("31 June 2013", '"31 June 2013" is not a real day (day is out of range for month)'),
    ("2013-13", '"2013-13" has no month 13'),
    ("Juno 2013", '"Juno 2013": "Juno" is not a month name'),
    ("2013/14", '"2013/14" is not a date (write "2013-07-02", "2 July 2013", "2013-07", "July 2013" or "2011")'),
    ("Q3 2014/15", '"Q3 2014/15" is not a date (write "2013-07-02", "2 July 2013", "2013-07", "July 2013" or "2011")'),
    ("by July 2013", '"by July 2013" is not a date (write "2013-07-02", "2 July 2013", "2013-07", "July 2013" or "2011")'),
    ("soon", '"soon" is not a date (write "2013-07-02", "2 July 2013", "2013-07", "July 2013" or "2011")'),
    ("27/06/2013", '"27/06/2013" is not a date (write "2013-07-02", "2 July 2013", "2013-07", "July 2013" or "2011")'),
])
def test_parse_known_refuses(value, message):
    with pytest.raises(DateError) as err:
        parse_known(value)
    assert str(err.value) == message


@pytest.mark.parametrize("first, last, precision", [
    (D(2013, 7, 2), D(2013, 7, 3), "day"),
    (D(2013, 7, 2), D(2013, 7, 31), "month"),
    (D(2013, 7, 1), D(2013, 7, 30), "month"),
    (D(2011, 1, 1), D(2011, 12, 30), "year"),
    (D(2011, 1, 1), D(2011, 12, 31), "week"),
])
def test_known_date_must_be_one_whole_day_month_or_year(first, last, precision):
    with pytest.raises(ValueError):
        KnownDate(first, last, precision)


def test_known_date_before_and_after():
    may = parse_known("May 2011")
    assert may.before(D(2011, 6, 1)) and not may.before(D(2011, 5, 31))
    assert may.before(parse_known("June 2011")) and may.before(parse_known("2012"))
    assert not may.before(parse_known("2011")) and not parse_known("2011").before(may)
    assert not may.before(parse_known("31 May 2011"))
    assert parse_known("1 June 2011").after(may) and may.after(D(2011, 4, 30)) and not may.after(D(2011, 5, 1))


def test_known_dates_sort_by_their_span():
    values = ["2011", "May 2011", "2011-05-01", "2010", "2011-04-30"]
    ordered = sorted((parse_known(v) for v in values), key=lambda k: k.sort_key())
    assert [k.display for k in ordered] == ["2010", "2011", "30 April 2011", "1 May 2011", "May 2011"]


def test_known_date_is_frozen_and_comparable():
    assert parse_known("2 July 2013") == parse_known(D(2013, 7, 2))
    with pytest.raises(AttributeError):
        parse_known("2011").precision = "day"


# --- add_months, months_between, duration_words ------------------------------------------

@pytest.mark.parametrize("day, n, moved", [
    (D(2013, 1, 31), 1, D(2013, 2, 28)),
    (D(2024, 1, 31), 1, D(2024, 2, 29)),
    (D(2013, 8, 31), 6, D(2014, 2, 28)),
    (D(2013, 11, 15), 2, D(2014, 1, 15)),
    (D(2013, 12, 1), 12, D(2014, 12, 1)),
    (D(2013, 3, 31), -1, D(2013, 2, 28)),
    (D(2013, 1, 15), -1, D(2012, 12, 15)),
    (D(2013, 5, 5), 0, D(2013, 5, 5)),
])
def test_add_months(day, n, moved):
    assert add_months(day, n) == moved


@pytest.mark.parametrize("start, end, months", [
    (D(2011, 6, 9), D(2013, 9, 30), 27),
    (D(2011, 6, 9), D(2013, 9, 8), 26),
    (D(2011, 6, 9), D(2013, 9, 9), 27),
    (D(2013, 1, 31), D(2013, 2, 28), 1),    # as add_months counts it
    (D(2013, 1, 31), D(2013, 2, 27), 0),
    (D(2013, 1, 1), D(2013, 1, 31), 0),
    (D(2013, 5, 5), D(2013, 5, 5), 0),
    (D(2013, 9, 30), D(2011, 6, 9), -27),
])
def test_months_between(start, end, months):
    assert months_between(start, end) == months


@pytest.mark.parametrize("start, end, words", [
    (D(2013, 5, 5), D(2013, 5, 5), "0 days"),
    (D(2013, 5, 5), D(2013, 5, 6), "1 day"),
    (D(2013, 5, 5), D(2013, 5, 7), "2 days"),
    (D(2013, 5, 1), D(2013, 5, 14), "13 days"),
    (D(2013, 5, 1), D(2013, 5, 15), "2 weeks"),     # 14 days
    (D(2013, 5, 1), D(2013, 5, 21), "2 weeks"),     # 20 days, rounded down
    (D(2013, 5, 1), D(2013, 5, 22), "3 weeks"),
    (D(2013, 5, 1), D(2013, 6, 25), "7 weeks"),     # 55 days
    (D(2013, 5, 1), D(2013, 6, 26), "1 month"),     # 56 days
    (D(2013, 1, 31), D(2013, 3, 28), "1 month"),    # 56 days, but not to 31 March
    (D(2013, 1, 31), D(2013, 3, 31), "2 months"),
    (D(2013, 5, 1), D(2013, 7, 1), "2 months"),
    (D(2011, 6, 9), D(2013, 9, 30), "27 months"),
    (D(2011, 6, 9), D(2013, 10, 8), "27 months"),
    (D(2011, 6, 9), D(2013, 10, 9), "28 months"),
    (D(2013, 9, 30), D(2011, 6, 9), "27 months"),   # order does not matter
    (D(2013, 5, 6), D(2013, 5, 5), "1 day"),
])
def test_duration_words(start, end, words):
    assert duration_words(start, end) == words


# --- boundaries and messages that mutation testing showed were untested --------------------

@pytest.mark.parametrize("text, first, last", [
    ("2013-01", D(2013, 1, 1), D(2013, 1, 31)),    # the first month is a month ...
    ("2013-12", D(2013, 12, 1), D(2013, 12, 31)),  # ... and so is the last
    ("2013-10 ", D(2013, 10, 1), D(2013, 10, 31)),
])
def test_iso_months_one_to_twelve_are_months(text, first, last):
    t = parse_target(text)
    assert (t.kind, t.start, t.due) == ("month", first, last)


@pytest.mark.parametrize("text, start, due", [
    # every way of writing a range of months: a hyphen with or without spaces, an en or em
    # dash, "to", with the year on both ends or on the last only
    ("June-September 2013", D(2013, 6, 1), D(2013, 9, 30)),
    ("June -September 2013", D(2013, 6, 1), D(2013, 9, 30)),
    ("June–September 2013", D(2013, 6, 1), D(2013, 9, 30)),
    ("June — September 2013", D(2013, 6, 1), D(2013, 9, 30)),
    ("June to September 2013", D(2013, 6, 1), D(2013, 9, 30)),
    ("june TO september 2013", D(2013, 6, 1), D(2013, 9, 30)),
    ("June 2013 – March 2014", D(2013, 6, 1), D(2014, 3, 31)),
    ("November 2013 to January 2014", D(2013, 11, 1), D(2014, 1, 31)),
    ("by June to September 2013", D(2013, 6, 1), D(2013, 9, 30)),
    ("end of Sept - Dec 2013.", D(2013, 9, 1), D(2013, 12, 31)),
    ("June - June 2013", D(2013, 6, 1), D(2013, 6, 30)),  # one month written as a range
])
def test_ranges_with_to_or_a_dash_run_from_the_first_month_to_the_end_of_the_last(text, start, due):
    t = parse_target(text)
    assert (t.kind, t.start, t.due) == ("range", start, due)
    assert not t.is_overdue(due) and t.is_overdue(due + dt.timedelta(days=1))


@pytest.mark.parametrize("text", ["Ongoing and ongoing", "completed and ongoing", "done, and ongoing"])
def test_and_ongoing_needs_a_start_that_is_a_date(text):
    with pytest.raises(DateError) as err:
        parse_target(text)
    assert str(err.value) == f'"{text}" does not say when it starts (write e.g. "April 2013 and ongoing")'


def test_a_day_in_words_with_an_unknown_month_names_the_words():
    with pytest.raises(DateError) as err:
        parse_target("31 Juno 2013")
    assert str(err.value) == '"31 Juno 2013": "Juno" is not a month name'


def test_parse_day_messages_name_the_text():
    with pytest.raises(DateError) as err:
        parse_day("27/06/2013")
    assert str(err.value) == '"27/06/2013" is not a date (write it as YYYY-MM-DD, e.g. 2013-06-27)'
    with pytest.raises(DateError) as err:
        parse_day("2013-02-30")
    assert str(err.value) == '"2013-02-30" is not a real day (day is out of range for month)'


def test_long_date_names_what_it_was_given():
    with pytest.raises(TypeError, match="^long_date needs a date, not str$"):
        long_date("2013-07-02")


def test_counted_from_and_immediate_disagreeing_says_so():
    with pytest.raises(TypeError, match="^give counted_from or immediate, not both$"):
        parse_target("6 months", RESPONSE, immediate=D(2014, 1, 1))


def test_known_date_errors_say_what_is_wrong():
    with pytest.raises(ValueError, match='^precision must be "day", "month" or "year", not "week"$'):
        KnownDate(D(2011, 1, 1), D(2011, 12, 31), "week")
    with pytest.raises(ValueError, match="^2013-07-02 to 2013-07-31 is not one whole month$"):
        KnownDate(D(2013, 7, 2), D(2013, 7, 31), "month")


# --- Welsh month names (computed once at import, so tested by calling the helpers) ---------

@pytest.mark.parametrize("radical, mutated", [
    ("medi", "fedi"), ("mawrth", "fawrth"), ("mai", "fai"), ("mehefin", "fehefin"), ("bach", "fach"),
    ("llun", "lun"), ("rhagfyr", "ragfyr"), ("dydd", "ddydd"), ("gorffennaf", "orffennaf"), ("cant", "gant"),
    ("pen", "ben"), ("tachwedd", "dachwedd"),
    ("chwefror", "chwefror"), ("ionawr", "ionawr"), ("awst", "awst"), ("ebrill", "ebrill"), ("hydref", "hydref"),
])
def test_welsh_soft_mutation(radical, mutated):
    from scrutiny.dates import _soft_mutation

    assert _soft_mutation(radical) == mutated


def test_welsh_months_wide_abbreviated_and_mutated():
    from scrutiny.dates import WELSH_MONTHS, _welsh_months

    months = _welsh_months()
    assert months == WELSH_MONTHS
    for name, number in [("ionawr", 1), ("chwefror", 2), ("mawrth", 3), ("fawrth", 3), ("ebrill", 4), ("mai", 5),
                         ("mehefin", 6), ("fehefin", 6), ("gorffennaf", 7), ("orffennaf", 7), ("awst", 8),
                         ("medi", 9), ("fedi", 9), ("hydref", 10), ("tachwedd", 11), ("dachwedd", 11),
                         ("rhagfyr", 12), ("ragfyr", 12), ("ion", 1), ("chwef", 2), ("rhag", 12), ("rag", 12)]:
        assert months[name] == number, name
    assert all(name == name.lower() and not name.endswith(".") for name in months)
    assert set(months.values()) == set(range(1, 13))
