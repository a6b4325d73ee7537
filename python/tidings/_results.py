"""Building result tables that line up with the caller's input."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._input import TextColumn


def aligned_frame(columns: dict[str, Any], column: TextColumn, dtypes: dict[str, str] | None = None) -> pd.DataFrame:
    """A DataFrame with one row per input row, carrying the input's index."""
    frame = pd.DataFrame(columns, index=column.index.copy())
    if dtypes:
        frame = frame.astype(dtypes)
    return frame
