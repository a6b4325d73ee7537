"""pandas accessors: ``series.tidings.<method>()`` and ``frame.tidings.<method>(text=...)``.

Results keep the caller's index (and, for Series results, its name).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .describe import describe

__all__ = ["TidingsSeriesAccessor", "TidingsFrameAccessor"]


@pd.api.extensions.register_series_accessor("tidings")
class TidingsSeriesAccessor:
    """tidings on a Series of texts: ``df["text"].tidings.describe()``."""

    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def describe(self, **options: Any) -> pd.DataFrame:
        """Per-document size figures; see :func:`tidings.describe`."""
        return describe(self._series, **options)


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
