"""pandas accessors: ``series.tidings.<method>()`` and ``frame.tidings.<method>(text=...)``.

Results keep the caller's index (and, for Series results, its name).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .dedup import dedup
from .cleaning import clean_frame, clean_many
from .describe import describe
from .tag import tag

__all__ = ["TidingsSeriesAccessor", "TidingsFrameAccessor"]


@pd.api.extensions.register_series_accessor("tidings")
class TidingsSeriesAccessor:
    """tidings on a Series of texts: ``df["text"].tidings.describe()``."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def describe(self, **options: Any) -> pd.DataFrame:
        """Per-document size figures; see :func:`tidings.describe`."""
        return describe(self._series, **options)

    def tag(self, **options: Any) -> pd.DataFrame:
        """Entity mentions, one row per mention, ``doc`` holding this Series' index labels;
        see :func:`tidings.tag`."""
        return tag(self._series, **options)

    def dedup(self, **options: Any) -> pd.DataFrame:
        """Duplicate clusters of the texts; see :func:`tidings.dedup`."""
        return dedup(self._series, **options)  # type: ignore[return-value]
    def clean(self, **options: Any) -> pd.Series:
        """The cleaned article text of each document, same index and name; see :func:`tidings.clean_many`."""
        cleaned = clean_many(self._series, **options)
        return pd.Series([c.text for c in cleaned], index=self._series.index.copy(), name=self._series.name,
                         dtype=object)

    def clean_frame(self, **options: Any) -> pd.DataFrame:
        """Cleaned text and fields (title, dateline, byline, ...) per document; see :func:`tidings.clean_frame`."""
        return clean_frame(self._series, **options)


@pd.api.extensions.register_dataframe_accessor("tidings")
class TidingsFrameAccessor:
    """tidings on a DataFrame with a text column: ``df.tidings.describe(text="text")``."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def _text(self, text: str) -> pd.Series:
        if text not in self._frame.columns:
            from .errors import InputError

            raise InputError(f"the DataFrame has no column {text!r}; its columns are {list(self._frame.columns)}")
        return self._frame[text]

    def describe(self, *, text: str = "text", **options: Any) -> pd.DataFrame:
        """Per-document size figures of column ``text``; see :func:`tidings.describe`."""
        return describe(self._text(text), **options)

    def tag(self, *, text: str = "text", **options: Any) -> pd.DataFrame:
        """Entity mentions in column ``text``; see :func:`tidings.tag`."""
        return tag(self._text(text), **options)

    def _dedup(self, text: str, id: str | None, date: str | None, options: dict[str, Any]) -> Any:
        if id is not None:
            options["ids"] = self._column(id).tolist()
        if date is not None:
            options["dates"] = self._column(date)
            options.setdefault("keep", "earliest")
        return dedup(self._text(text), **options)

    def _column(self, name: str) -> pd.Series:
        if name not in self._frame.columns:
            from .errors import InputError

            raise InputError(f"the DataFrame has no column {name!r}; its columns are {list(self._frame.columns)}")
        return self._frame[name]

    def dedup(self, *, text: str = "text", id: str | None = None, date: str | None = None,
              **options: Any) -> Any:
        """Duplicate clusters of column ``text``; see :func:`tidings.dedup`.

        ``id`` names a column of unique document ids (cluster ids are then those ids); ``date``
        names a column of publication dates and makes ``keep='earliest'`` the default.
        """
        return self._dedup(text, id, date, dict(options))

    def drop_near_duplicates(self, *, text: str = "text", id: str | None = None, date: str | None = None,
                             **options: Any) -> pd.DataFrame:
        """The rows that represent their cluster: one row per group of exact or near duplicates.

        Rows without words (kind ``'empty'``) are kept. Options as for :meth:`dedup`; the
        representative is chosen by ``keep`` ('first', 'longest' or 'earliest' with ``date``).
        """
        options.pop("return_pairs", None)
        clusters = self._dedup(text, id, date, dict(options))
        return self._frame[clusters["is_representative"].to_numpy()]
