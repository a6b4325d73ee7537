"""Publication dates: the forms news pages print, read into UTC timestamps, checked against
dateparser on the same strings; what cannot be read is counted, never guessed, never warned about."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import tidings
from tidings.dates import parse_date, parse_dates, unparsed

dateparser = pytest.importorskip("dateparser")

# The forms of the seeds, of wires and of feeds.
PRINTED = [
    "Monday, 28 March 2016",
    "Monday, Nov. 23, 2015",
    "Nov. 23, 2015",
    "March 10, 2026 18:47 GMT",
    "Wednesday, 11 March 2026",
    "2016-03-28",
    "2016-03-28T10:15:00Z",
    "2016-03-28T10:15:00+04:30",
    "2016-03-28 10:15",
    "2015-11-23T08:00:00.123456-05:00",
    "Tue, 03 Mar 1987 14:22:10 GMT",
    "Tue, 03 Mar 1987 14:22:10 -0500",
    "26-FEB-1987 15:01:01.79",
    "Sept. 4, 2019",
    "4th July 2019",
    "28 March 2016 6:47 pm",
    "March 10, 2026 6:47 pm EST",
    "28.03.2016",
    "2016/03/28",
]
SETTINGS = {"TIMEZONE": "UTC", "TO_TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DAY_OF_MONTH": "first"}


def _dateparser(text: str) -> pd.Timestamp:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser's own deprecation notices
        return pd.Timestamp(dateparser.parse(text, settings=SETTINGS))


@pytest.mark.parametrize("text", PRINTED)
def test_printed_dates_agree_with_dateparser(text: str) -> None:
    assert parse_date(text) == _dateparser(text)


def test_seed_dates_agree_with_dateparser(seeds: dict[str, str]) -> None:
    printed = [c.date for c in tidings.clean_many(list(seeds.values()), progress=False) if c.date]
    assert printed, "a seed prints its date"
    parsed = parse_dates(printed)
    assert parsed.notna().all()
    assert parsed.tolist() == [_dateparser(text) for text in printed]


@pytest.mark.parametrize("text", ["March 9", "yesterday", "03/04/2016", "May 6765", "4 UNDER MAY", "Dec 1403",
                                  "30 February 2016", "March 10, 2026 18:47 XYZ", ""])
def test_what_is_not_a_full_date_stays_unparsed(text: str) -> None:
    assert parse_date(text) is None


def test_column_is_utc_aware_and_counts_the_unparsed() -> None:
    values = pd.Series(["Monday, 28 March 2016", None, "March 9", "  ", "26-FEB-1987 15:01:01.79"], index=list("abcde"))
    parsed = parse_dates(values)
    assert str(parsed.dtype) == "datetime64[ns, UTC]"
    assert list(parsed.index) == list("abcde")
    assert parsed["e"] == pd.Timestamp("1987-02-26 15:01:01.790", tz="UTC")
    assert unparsed(values, parsed).tolist() == [False, False, True, False, False]


def test_date_format_forces_one_form() -> None:
    values = ["03/04/2016", "28 March 2016"]
    parsed = parse_dates(values, date_format="%d/%m/%Y")
    assert parsed[0] == pd.Timestamp("2016-04-03", tz="UTC") and pd.isna(parsed[1])
    with pytest.raises(tidings.InputError, match="strptime"):
        parse_dates(values, date_format="%Q")
    with pytest.raises(tidings.InputTypeError):
        parse_dates(values, date_format=3)  # type: ignore[arg-type]


def test_datetimes_pass_through_in_utc() -> None:
    naive = pd.Series(pd.to_datetime(["2016-03-28 10:00"]))
    aware = naive.dt.tz_localize("Europe/Moscow")  # UTC+3 all year since 2014
    assert parse_dates(naive)[0] == pd.Timestamp("2016-03-28 10:00", tz="UTC")
    assert parse_dates(aware)[0] == pd.Timestamp("2016-03-28 07:00", tz="UTC")


def test_corpus_published_is_a_utc_datetime_and_unparsed_dates_are_listed() -> None:
    corpus = tidings.Corpus.sample().clean(progress=False)
    published = corpus.documents.set_index("doc")["published"]
    assert str(published.dtype) == "datetime64[ns, UTC]"
    assert published["s07"] == pd.Timestamp("2026-02-13", tz="UTC")  # "Friday, 13 February 2026"
    assert published["s04"] == pd.Timestamp("2026-03-10 18:47", tz="UTC")  # "March 10, 2026 18:47 GMT"
    assert corpus.documents.set_index("doc").at["s07", "published_text"] == "Friday, 13 February 2026"
    # "BEIRUT, March 3 (AFP) —" and "BEIRUT, March 9 (AFP) —" print no year: listed, not guessed.
    assert corpus.unparsed_dates.values.tolist() == [["s03", "March 3"], ["s29", "March 9"]]
    assert corpus.summary()["dates_unparsed"] == 2
    assert "dates_unparsed" in corpus._repr_html_()
    with pytest.raises(tidings.InputError, match="clean"):
        _ = tidings.Corpus.sample().unparsed_dates


def test_clean_takes_a_date_format() -> None:
    frame = pd.DataFrame({"text": ["Council budget\n\n03/04/2016\n\nThe council approved its budget for the "
                                   "coming year on Tuesday after a long debate about roads and schools."]})
    corpus = tidings.Corpus.from_pandas(frame)
    printed = corpus.clean(progress=False).documents.at[0, "published_text"]
    if printed is None:
        pytest.skip("the cleaner does not take this line as the page's date")
    assert pd.isna(corpus.clean(progress=False).documents.at[0, "published"])
    day_first = corpus.clean(date_format="%d/%m/%Y", progress=False).documents.at[0, "published"]
    assert day_first == pd.Timestamp("2016-04-03", tz="UTC")
    with pytest.raises(tidings.InputError, match="strptime"):
        corpus.clean(date_format="%Q")


def test_date_column_of_mixed_forms_reads_without_a_warning() -> None:
    frame = pd.DataFrame({"text": ["a", "b", "c", "d"],
                          "date": ["Nov. 23, 2015", "2016-03-28T10:15:00+04:30", "26-FEB-1987 15:01:01.79", "soon"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dates = tidings.Corpus.from_pandas(frame).documents["date"]
    assert dates.dtype == "datetime64[ns]"  # naive, in UTC
    assert dates.tolist()[:3] == [pd.Timestamp("2015-11-23"), pd.Timestamp("2016-03-28 05:45"),
                                  pd.Timestamp("1987-02-26 15:01:01.790")]
    assert pd.isna(dates[3])
    custom = tidings.Corpus.from_pandas(frame.assign(date=["23/11/2015"] * 4), date_format="%d/%m/%Y")
    assert custom.documents["date"].eq(pd.Timestamp("2015-11-23")).all()
