"""Size figures per document."""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import _core
from ._input import as_text_column
from ._progress import progress_bar
from ._results import aligned_frame

__all__ = ["describe"]


def describe(texts: Any, *, workers: int | None = None, progress: bool = True) -> pd.DataFrame:
    """Count characters, words, non-blank lines and paragraphs of each document.

    Parameters
    ----------
    texts : list of str, pandas.Series, pyarrow.Array or iterable
        The documents. Missing values (``None``, ``NaN``, ``pd.NA``) count as empty documents.
    workers : int, optional
        Number of threads; ``None`` or ``-1`` (or more than the cores) uses every core.
    progress : bool, default True
        Show a progress bar when the call runs for more than a second.

    Returns
    -------
    pandas.DataFrame
        One row per input row, with the input's index, and ``int64`` columns ``chars``
        (Python string length), ``words``, ``lines`` (non-blank) and ``paragraphs``
        (blocks separated by blank lines).

    Examples
    --------
    >>> tidings.describe(["One line.", None]).words.tolist()
    [2, 0]
    """
    column = as_text_column(texts)
    with progress_bar(len(column), desc="describe", enabled=progress) as counter:
        counts = _core.describe(column.texts, workers=workers, progress=counter)
    return aligned_frame(counts, column, dtypes={k: "int64" for k in counts})
