"""Building result tables that line up with the caller's input."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.types import pandas_dtype

from ._input import TextColumn

#: The dtype of text columns in results: what ``astype("str")`` gives (Arrow-backed ``str`` in
#: pandas 3, object in pandas 2), looked up once rather than per column and call.
TEXT_DTYPE = pd.Series([], dtype="str").dtype


def text_array(values: Sequence[str | None]) -> Any:
    """A text column of :data:`TEXT_DTYPE` from strings, missing (NaN) where a value is None."""
    if isinstance(TEXT_DTYPE, pd.StringDtype):
        return pd.array(values, dtype=TEXT_DTYPE)
    return np.array([np.nan if value is None else value for value in values], dtype=object)


@functools.lru_cache(maxsize=None)
def _dtype(name: str) -> Any:
    return pandas_dtype(name)


def typed_array(values: Sequence[Any], dtype: str) -> Any:
    """A result column of ``dtype`` (``"str"`` as :func:`text_array`, a numpy dtype, or a pandas
    one such as ``"Int64"`` with None missing), built once from the core's list."""
    if dtype == "str":
        return text_array(values)
    kind = _dtype(dtype)
    if isinstance(kind, np.dtype):
        return np.asarray(values, dtype=kind)
    return pd.array(values, dtype=kind)


def aligned_frame(columns: dict[str, Any], column: TextColumn, dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """A DataFrame with one row per input row, carrying the input's index; the columns named in
    ``dtypes`` are built with those dtypes."""
    dtypes = dtypes or {}
    typed = {name: typed_array(values, dtypes[name]) if name in dtypes else values for name, values in columns.items()}
    return pd.DataFrame(typed, index=column.index.copy())
