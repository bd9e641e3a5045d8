"""The interface in Welsh and English (scrutiny/i18n.py, scrutiny/translate.py): the
catalogues are complete, dates are in each language from Babel's locale data, Welsh
target dates are read, and the current language never leaks between contexts."""

from __future__ import annotations

import contextvars
import datetime as dt

import pytest

from scrutiny import i18n
from scrutiny.dates import KnownDate, duration_words, long_date, parse_known, parse_target
from scrutiny.translate import check

DAY = dt.date(2013, 7, 2)


def test_every_interface_string_is_in_every_catalogue():
    missing = check()
    assert not missing, "\n".join(map(str, missing[:40])) + f"\n({len(missing)} in all)"


def test_the_check_finds_a_string_left_out(monkeypatch):
    from scrutiny import translate

    real = translate.extract

    def with_a_new_string(domain):
        catalog = real(domain)
        if domain == "scrutiny":
            catalog.add("A sentence nobody has translated", None, [("scrutiny/x.py", 1)])
        return catalog
    monkeypatch.setattr(translate, "extract", with_a_new_string)
    found = [str(m) for m in translate.check()]
    assert any("'A sentence nobody has translated' is not in the catalogue" in m for m in found)


@pytest.mark.parametrize("lang, day, month", [
    ("en", "2 July 2013", "July 2013"),
    ("cy", "2 Gorffennaf 2013", "Gorffennaf 2013"),
    ("en-GB", "2 July 2013", "July 2013"),
])
def test_dates_in_each_language(lang, day, month):
    with i18n.use(lang):
        assert long_date(DAY) == day
        assert KnownDate(dt.date(2013, 7, 1), dt.date(2013, 7, 31), "month").display == month
        assert parse_known("2013").display == "2013"


def test_durations_and_words_in_welsh():
    with i18n.use("cy"):
        assert duration_words(dt.date(2013, 1, 1), dt.date(2013, 4, 1)) == "3 mis"
        assert duration_words(dt.date(2013, 1, 1), dt.date(2013, 1, 22)) == "3 wythnos"
        assert parse_target("parhaus").due_words == "dim dyddiad gorffen"
        assert parse_target("2013-06-27").due_words == "i’w gwblhau erbyn 27 Mehefin 2013"
    assert duration_words(dt.date(2013, 1, 1), dt.date(2013, 4, 1)) == "3 months"  # back in English


@pytest.mark.parametrize("text, kind, start, due", [
    ("Mehefin 2013", "month", "2013-06-01", "2013-06-30"),
    ("2 Gorffennaf 2013", "day", "2013-07-02", "2013-07-02"),
    ("erbyn diwedd Mawrth 2012", "month", "2012-03-01", "2012-03-31"),
    ("Mehefin i Fedi 2013", "range", "2013-06-01", "2013-09-30"),  # "Medi" mutated after "i"
    ("Chwef 2014", "month", "2014-02-01", "2014-02-28"),
    ("Ch3 2014/15", "quarter", "2014-10-01", "2014-12-31"),
    ("yn ystod 2013/14", "financial-year", "2013-04-01", "2014-03-31"),
    ("o fewn 6 mis", "relative", "2013-01-01", "2013-07-01"),
    ("o fewn 2 wythnos", "relative", "2013-01-01", "2013-01-15"),
    ("ar unwaith", "immediate", "2013-01-01", "2013-01-01"),
    ("parhaus", "ongoing", None, None),
    ("Ebrill 2013 a parhaus", "ongoing", "2013-04-01", None),
    ("Ebrill 2013 a pharhaus", "ongoing", "2013-04-01", None),  # the aspirate mutation after "a"
    ("Mawrth 2013 ac yn parhau", "ongoing", "2013-03-01", None),  # "ac" before a vowel
    ("i’w gadarnhau", "unset", None, None),
    ("wedi’i gwblhau", "done", None, None),
])
def test_welsh_target_dates_are_read(text, kind, start, due):
    target = parse_target(text, dt.date(2013, 1, 1))
    assert (target.kind, str(target.start) if target.start else None, str(target.due) if target.due else None) == (
        kind, start, due)
    assert target.display == text  # shown as the council wrote it


def test_a_welsh_month_is_a_fixed_date_too():
    assert parse_known("Mai 2011").first == dt.date(2011, 5, 1)
    assert parse_known("27 Mehefin 2013").first == dt.date(2013, 6, 27)


def test_welsh_plural_forms_come_from_the_catalogue():
    with i18n.use("cy"):
        assert i18n.ngettext("%(num)s month", "%(num)s months", 1) == "1 mis"
        assert i18n.ngettext("%(num)s month", "%(num)s months", 6) == "6 mis"
        assert i18n.gettext("Home") == "Hafan"
    assert i18n.gettext("Home") == "Home"


def test_the_language_is_per_context():
    seen = []

    def in_other_context():
        seen.append(i18n.gettext("Reports"))
    with i18n.use("cy"):
        contextvars.Context().run(in_other_context)  # a fresh context starts in English
        seen.append(i18n.gettext("Reports"))
    assert seen == ["Reports", "Adroddiadau"]


def test_an_unsupported_language_falls_back_to_english():
    with i18n.use("fr"):
        assert i18n.current() == "en" and i18n.gettext("Home") == "Home"


def test_scripts_get_only_their_own_words():
    with i18n.use("cy"):
        words = i18n.js_words()
    assert words and all(isinstance(v, str) and v for v in words.values())
    assert "Home" not in words  # a page word, not the scripts'
    with i18n.use("en"):
        assert i18n.js_words() == {}


def test_no_translatable_string_hides_inside_an_f_string():
    """Babel's extractor does not look inside f-strings (Python 3.11 reads one as a single
    token): a ``_("...")`` there never reaches a catalogue, so it would never be translated."""
    import ast
    from pathlib import Path

    hidden = []
    for path in sorted((Path(i18n.__file__).parent).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.name}:{call.lineno}" for call in ast.walk(node) if isinstance(call, ast.Call)
                           and getattr(call.func, "id", getattr(call.func, "attr", "")) in ("_", "gettext", "ngettext", "N_")
                           and call.args and isinstance(call.args[0], ast.Constant)]  # a literal: the extractor's job
    assert not hidden, f"move these out of the f-string into a variable: {hidden}"
