"""The ``value`` of DATE mentions: ISO dates and periods, relative ones resolved against the
publication date, checked against dateparser on the same strings."""

from __future__ import annotations

import datetime

import dateparser
import numpy as np
import pandas as pd
import pytest

import tidings

# Sentences whose DATE mention is the phrase itself, as the tagger finds it.
PHRASES = [
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "last Monday", "next Monday", "last Friday", "next Sunday",
    "yesterday", "today", "tomorrow",
    "last week", "this week", "next week", "last month", "this month", "next month",
    "last year", "this year", "next year",
    "December 19", "January 1", "March 3", "September",
    "28 March 2016", "Nov. 23, 2015", "March 2011", "2016-03-28", "28/03/2016", "03/28/2016",
]

# Publication days: a Monday, a Friday on New Year's Day, a Sunday on New Year's Day, a leap
# day, New Year's Eve.
BASES = ["2016-03-28", "2016-01-01", "2017-01-01", "2016-02-29", "2015-12-31"]


def _mentions(base: str) -> dict[str, str | None]:
    """The DATE value of each phrase, found by tagging a sentence holding it."""
    texts = [f"The talks were held {phrase} in Vienna, officials said." for phrase in PHRASES]
    found = tidings.tag(texts, dates=[base] * len(texts), labels=["DATE"], progress=False)
    values: dict[str, str | None] = {}
    for row in found.itertuples():
        assert row.text == PHRASES[row.doc], f"the tagger read {row.text!r} in {texts[row.doc]!r}"
        values[row.text] = row.value if isinstance(row.value, str) else None
    assert set(values) == set(PHRASES)
    return values


def _dateparser(phrase: str, base: str) -> datetime.datetime | None:
    """What dateparser reads, preferring the past as news does; a weekday named on its own day
    is that day (dateparser's default), not a week before."""
    relative_base = datetime.datetime.fromisoformat(base) + datetime.timedelta(hours=12)
    weekday_of_base = phrase == relative_base.strftime("%A")
    settings = {"RELATIVE_BASE": relative_base}
    if not weekday_of_base:
        settings["PREFER_DATES_FROM"] = "past"
    return dateparser.parse(phrase, settings=settings)


def _contains(value: str, moment: datetime.datetime) -> bool:
    """Whether the ISO day, week, month or year ``value`` holds ``moment``."""
    if "-W" in value:
        year, week = value.split("-W")
        return moment.isocalendar()[:2] == (int(year), int(week))
    return moment.date().isoformat().startswith(value)


@pytest.mark.parametrize("base", BASES)
def test_values_agree_with_dateparser(base: str) -> None:
    values = _mentions(base)
    for phrase in PHRASES:
        expected = _dateparser(phrase, base)
        assert expected is not None, phrase
        value = values[phrase]
        assert value is not None and _contains(value, expected), (phrase, base, value, expected)


def test_precision_follows_the_words() -> None:
    values = _mentions("2016-03-28")
    assert values["last week"] == "2016-W12" and values["this week"] == "2016-W13"
    assert values["last month"] == "2016-02" and values["September"] == "2015-09"
    assert values["last year"] == "2015" and values["March 2011"] == "2011-03"
    assert values["Monday"] == "2016-03-28"  # named on its own day: that day
    assert values["December 19"] == "2015-12-19"  # the latest one on or before publication


def test_without_dates_only_absolute_dates_have_values() -> None:
    texts = ["Talks began on Sunday, last week, on December 19 and on 28 March 2016 in Vienna."]
    found = tidings.tag(texts, labels=["DATE"], progress=False)
    values = dict(zip(found["text"], found["value"]))
    assert values["28 March 2016"] == "2016-03-28"
    assert all(pd.isna(values[k]) for k in ("Sunday", "last week", "December 19"))
    assert set(found.columns) >= {"value"} and found.dtypes["value"] == "str"
    others = tidings.tag(["Putin met Erdogan in Moscow."], progress=False)
    assert others["value"].isna().all()


def test_date_forms_and_missing_dates() -> None:
    texts = ["It happened yesterday."] * 6
    dates = [
        pd.Timestamp("2016-03-28 23:30", tz="America/New_York"),  # the day as printed there
        datetime.date(2016, 3, 28),
        np.datetime64("2016-03-28T08:00"),
        "Monday, 28 March 2016",
        None,
        "not a date",
    ]
    found = tidings.tag(texts, dates=dates, progress=False)
    values = found.set_index("doc")["value"]
    assert values[:4].tolist() == ["2016-03-27"] * 4
    assert values[4:].isna().all()


def test_bad_dates_arguments() -> None:
    with pytest.raises(tidings.InputError, match="2 values for 1 documents"):
        tidings.tag(["text"], dates=["2016-03-28", "2016-03-29"], progress=False)
    with pytest.raises(tidings.InputTypeError, match="single string"):
        tidings.tag(["text"], dates="2016-03-28", progress=False)


def test_corpus_tag_uses_the_date_column() -> None:
    frame = pd.DataFrame({
        "id": ["a", "b"],
        "text": ["Ministers met on Sunday in Vienna.", "Ministers met on Sunday in Vienna."],
        "date": ["2016-03-28", None],
    })
    entities = tidings.Corpus.from_pandas(frame, date="date").tag(progress=False).entities
    sunday = entities[entities["text"] == "Sunday"].set_index("doc")["value"]
    assert sunday["a"] == "2016-03-27" and pd.isna(sunday["b"])
