"""Publication dates as news pages print them, read into timezone-aware timestamps (UTC).

:func:`parse_dates` reads the forms news pages and wires use, each as a whole value:

- ISO 8601 dates and times, with or without a zone: ``2016-03-28``, ``2016-03-28T10:15:00Z``,
  ``2016-03-28 10:15:00+04:30``;
- a day, a month name and a year in either order, with or without a weekday, dots, commas and
  ordinals: ``Monday, 28 March 2016``, ``Nov. 23, 2015``, ``4th July 2019``,
  ``March 10, 2026 18:47 GMT``;
- RFC 2822 (e-mail, RSS): ``Tue, 03 Mar 1987 14:22:10 GMT``, ``... -0500``;
- the Reuters wire form ``26-FEB-1987 15:01:01.79``;
- ``2016/03/28`` and the European ``28.03.2016``.

A time may follow the date (``18:47``, ``6:47 pm``, ``15:01:01.79``), then a zone: ``Z``, an
offset (``+0430``, ``+04:30``, ``UTC+2``) or a common abbreviation (``GMT``, ``UTC``, ``EST``,
``CET``...). Values without a zone are taken as UTC. Anything else (a date without a year such
as ``March 9``, relative dates such as ``yesterday``, ambiguous numeric dates such as
``03/04/2016``, years outside 1900-2100) is not guessed: it stays unparsed (``NaT``) and is
counted, and ``date_format=`` reads a form this module does not know. No value is parsed by
guessing a format from other values, so no pandas inference warning can arise.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError, InputTypeError

__all__ = ["parse_dates", "parse_date", "unparsed"]

_MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")], start=1) for name in names}

#: Zone abbreviations news pages print, as hours east of UTC (ambiguous ones such as IST are left out).
ZONES: dict[str, float] = {
    "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
    "PDT": -7, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11,
}

_MONTH = r"(?P<month>[a-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DATES = [
    rf"{_YEAR}-(?P<mon>\d{{1,2}})-(?P<day>\d{{1,2}})",
    rf"{_DAY}[\s\-/]+{_MONTH},?[\s\-/]+{_YEAR}",
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_YEAR}/(?P<mon>\d{{1,2}})/(?P<day>\d{{1,2}})",
    rf"(?P<day>\d{{1,2}})\.(?P<mon>\d{{1,2}})\.{_YEAR}",
]
_TIME = (r"(?:(?:\s*,\s*|\s+at\s+|\s*\|\s*|\s+|T)(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
         r"(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d{1,9}))?)?\s*(?P<ampm>[ap]\.?m\.?)?)?")
_ZONE = r"(?:\s*(?P<zone>z|[a-z]{2,5}(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?"
_PATTERNS = [re.compile(date + _TIME + _ZONE, re.IGNORECASE) for date in _DATES]
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_COMMENT = re.compile(r"\s*\([^()]*\)\s*$")
_OFFSET = re.compile(r"^(?P<name>[a-z]*)\s*(?:(?P<sign>[+-])\s*(?P<hours>\d{1,2}):?(?P<minutes>\d{2})?)?$", re.IGNORECASE)


def _offset(zone: str | None) -> dt.timezone | None:
    """The UTC offset a zone names (``None`` when unknown); a missing zone is UTC."""
    if not zone:
        return dt.timezone.utc
    match = _OFFSET.match(zone.strip())
    if match is None:
        return None
    name = match["name"].upper()
    if name and name not in ZONES:
        return None
    hours = ZONES.get(name, 0.0)
    if match["sign"]:
        if name not in ("", "UTC", "GMT", "UT"):
            return None
        shift = int(match["hours"]) + int(match["minutes"] or 0) / 60
        hours += shift if match["sign"] == "+" else -shift
    if abs(hours) > 14:
        return None
    return dt.timezone(dt.timedelta(hours=hours))


def parse_date(text: str) -> pd.Timestamp | None:
    """One printed date as a UTC timestamp, or ``None`` when it is not one of the forms of
    :mod:`tidings.dates`.

    Examples
    --------
    >>> tidings.dates.parse_date("Nov. 23, 2015")
    Timestamp('2015-11-23 00:00:00+0000', tz='UTC')
    >>> tidings.dates.parse_date("Tue, 03 Mar 1987 14:22:10 -0500")
    Timestamp('1987-03-03 19:22:10+0000', tz='UTC')
    """
    value = _COMMENT.sub("", _WEEKDAY.sub("", _PREFIX.sub("", text.strip()))).rstrip(" .,;")
    for pattern in _PATTERNS:
        match = pattern.fullmatch(value)
        if match is not None:
            return _timestamp(match)
    return None


def _timestamp(match: re.Match[str]) -> pd.Timestamp | None:
    parts = match.groupdict()
    month = int(parts["mon"]) if parts.get("mon") else _MONTHS.get(parts["month"].lower())
    zone = _offset(parts["zone"])
    year = int(parts["year"])
    if month is None or zone is None or not 1900 <= year <= 2100:
        return None
    hour, minute = int(parts["hour"] or 0), int(parts["minute"] or 0)
    if parts["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if parts["ampm"].lower().startswith("p") else 0)
    micro = int((parts["fraction"] or "0")[:6].ljust(6, "0"))
    try:
        stamp = dt.datetime(year, month, int(parts["day"]), hour, minute, int(parts["second"] or 0), micro, zone)
    except ValueError:  # 30 February, 25 o'clock
        return None
    return pd.Timestamp(stamp).tz_convert("UTC")


def _check_format(date_format: Any) -> None:
    if date_format is not None and not isinstance(date_format, str):
        raise InputTypeError(f"date_format must be a strptime format such as '%d/%m/%Y', got {date_format!r}")


def parse_dates(values: Any, *, date_format: str | None = None) -> pd.Series:
    """Read publication dates into a timezone-aware column (``datetime64[ns, UTC]``).

    Parameters
    ----------
    values : pandas.Series or sequence
        Printed dates (str), datetimes, or missing values. Naive datetimes are taken as UTC;
        aware ones are converted to UTC.
    date_format : str, optional
        A :func:`~datetime.datetime.strptime` format (``"%d/%m/%Y"``) every printed date is read
        with instead of the forms of :mod:`tidings.dates`; values that do not match it are
        unparsed.

    Returns
    -------
    pandas.Series
        ``datetime64[ns, UTC]``, aligned with ``values`` (same index for a Series); ``NaT`` for
        missing and unparsed values (see :func:`unparsed`).

    Examples
    --------
    >>> tidings.dates.parse_dates(["Monday, 28 March 2016", "26-FEB-1987 15:01:01.79", "soon"]).tolist()
    [Timestamp('2016-03-28 00:00:00+0000', tz='UTC'), Timestamp('1987-02-26 15:01:01.790000+0000', tz='UTC'), NaT]
    """
    _check_format(date_format)
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        return series.dt.tz_convert("UTC").astype("datetime64[ns, UTC]")
    if pd.api.types.is_datetime64_dtype(series.dtype):
        return series.dt.tz_localize("UTC").astype("datetime64[ns, UTC]")
    texts = series.map(lambda v: v.strip() if isinstance(v, str) and v.strip() else None)
    distinct = pd.unique(texts[texts.notna()].to_numpy(dtype=object))
    if date_format is None:
        read = {text: parse_date(text) for text in distinct}
    else:
        read = _with_format(distinct, date_format)
    stamps = [_stamp(value, read) for value in series]
    return pd.Series(pd.DatetimeIndex(stamps, dtype="datetime64[ns, UTC]"), index=series.index, name=series.name)


def _with_format(distinct: np.ndarray, date_format: str) -> dict[str, pd.Timestamp | None]:
    try:
        read = pd.to_datetime(pd.Series(distinct, dtype=object), format=date_format, errors="coerce", utc=True)
    except ValueError as error:
        raise InputError(f"date_format {date_format!r} is not a strptime format: {error}") from None
    return {text: (None if pd.isna(stamp) else stamp) for text, stamp in zip(distinct, read)}


def _stamp(value: Any, read: dict[str, pd.Timestamp | None]) -> Any:
    if isinstance(value, str):
        return read.get(value.strip()) or pd.NaT
    if isinstance(value, (dt.datetime, dt.date, np.datetime64)) and not pd.isna(value):
        stamp = pd.Timestamp(value)
        return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return pd.NaT


def unparsed(values: Any, parsed: pd.Series) -> pd.Series:
    """Where a value was given (not missing, not blank) but :func:`parse_dates` could not read it."""
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object, index=parsed.index)
    given = series.map(lambda v: not (v is None or (isinstance(v, str) and not v.strip()) or _is_na(v)))
    return given.astype(bool) & parsed.isna()


def _is_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def document_dates(documents: pd.DataFrame) -> pd.Series:
    """Each document's publication date, ``datetime64[ns, UTC]`` aligned with ``documents``: the
    ``date`` column where known, else the date printed in the page (``published``, once
    cleaned), else ``NaT``."""
    dates = pd.Series(pd.NaT, index=documents.index, dtype="datetime64[ns, UTC]")
    for column in ("published", "date"):  # later columns win
        if column in documents.columns:
            dates = parse_dates(documents[column]).combine_first(dates)
    return dates
