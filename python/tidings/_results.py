"""Building result tables that line up with the caller's input."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._input import TextColumn

#: The dtype of text columns in results: what ``astype("str")`` gives (Arrow-backed ``str`` in
#: pandas 3, object in pandas 2), looked up once rather than per column and call.
TEXT_DTYPE = pd.Series([], dtype="str").dtype


def text_array(values: Sequence[str | None]) -> Any:
    """A text column of :data:`TEXT_DTYPE` from strings, missing (NaN) where a value is None."""
    if isinstance(TEXT_DTYPE, pd.StringDtype):
        return pd.array(values, dtype=TEXT_DTYPE)
    return np.array([np.nan if value is None else value for value in values], dtype=object)


def aligned_frame(columns: dict[str, Any], column: TextColumn, dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """A DataFrame with one row per input row, carrying the input's index."""
    frame = pd.DataFrame(columns, index=column.index.copy())
    if dtypes:
        frame = frame.astype(dtypes)
    return frame
