"""Text columns in, aligned results out.

Public functions accept a list or tuple of ``str``, a pandas ``Series`` or ``Index`` (object,
``string`` or Arrow-backed dtype), a pyarrow ``Array``/``ChunkedArray``, a 1-D numpy array, or
any other iterable of texts. Missing values (``None``, ``NaN``, ``pd.NA``, ``NaT``) are kept as
missing documents, so every result has one row per input row and keeps the caller's index.
A dict is refused (iterating it would give its keys), and so is a table (a pandas, polars or
pyarrow DataFrame): pass one of its columns.

A ``str`` may hold surrogate code points (a lone one, or a pair written as two code points):
the core reads a pair as the character it encodes and a lone surrogate as U+FFFD, and maps
every offset it returns back to the indices of the string given, so ``text[start:end]`` is
always the span reported.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import _core
from .errors import InputError, InputTypeError

__all__ = ["TextColumn", "as_text_column", "as_sources", "coerce_item"]


@dataclass(frozen=True)
class TextColumn:
    """Texts as a list (``str`` or ``None``) plus the index and name to put on results."""

    values: list[Any]
    index: pd.Index
    name: Any = None

    def __len__(self) -> int:
        return len(self.values)


def as_text_column(texts: Any, *, argument: str = "texts") -> TextColumn:
    """Normalise any supported text container into a :class:`TextColumn`."""
    if isinstance(texts, (str, bytes)):
        raise InputTypeError(
            f"{argument} must be a collection of documents, not a single {type(texts).__name__}; "
            f"wrap it in a list: [{argument}]"
        )
    if _is_table(texts):
        raise InputTypeError(
            f"{argument} must be one column of text, got a {type(texts).__name__} (a table); "
            "pass one column, df['column'], or use the DataFrame accessor, e.g. "
            "df.tidings.dedup(text='column')"
        )
    if isinstance(texts, Mapping):
        raise InputTypeError(
            f"{argument} must be a collection of documents, got a {type(texts).__name__}; "
            f"pass its values, list(d.values()), or a pandas Series, pd.Series(d), to keep the keys"
        )
    if isinstance(texts, pd.Series):
        return TextColumn(texts.tolist(), texts.index, texts.name)
    if isinstance(texts, pd.Index):
        return TextColumn(texts.tolist(), pd.RangeIndex(len(texts)), texts.name)
    if hasattr(texts, "to_pylist") and hasattr(texts, "type"):  # pyarrow Array / ChunkedArray
        values = texts.to_pylist()
        return TextColumn(values, pd.RangeIndex(len(values)))
    if hasattr(texts, "ndim") and hasattr(texts, "tolist"):  # numpy
        if texts.ndim != 1:
            raise InputTypeError(f"{argument} must be one-dimensional, got an array of shape {texts.shape}")
        values = texts.tolist()
        return TextColumn(values, pd.RangeIndex(len(values)))
    if isinstance(texts, (list, tuple)):
        return TextColumn(list(texts), pd.RangeIndex(len(texts)))
    if isinstance(texts, Iterable):
        values = list(texts)
        return TextColumn(values, pd.RangeIndex(len(values)))
    raise InputTypeError(
        f"{argument} must be a list, pandas Series or pyarrow array of str, got {type(texts).__name__}"
    )


def _is_table(texts: Any) -> bool:
    """A pandas, polars or pyarrow DataFrame (anything two-dimensional with named columns)."""
    if isinstance(texts, pd.DataFrame):
        return True
    shape = getattr(texts, "shape", None)
    return hasattr(texts, "columns") and isinstance(shape, tuple) and len(shape) == 2


def _is_missing(item: Any) -> bool:
    if item is None or item is pd.NA or item is pd.NaT:
        return True
    if isinstance(item, float):
        return math.isnan(item)
    try:
        return bool(pd.isna(item)) if not isinstance(item, (list, tuple, dict, set)) else False
    except (TypeError, ValueError):
        return False


def as_sources(sources: Any, count: int) -> list[str | None] | None:
    """Source (outlet) names aligned with ``count`` texts: missing values are ``None``, others
    ``str``; ``None`` for no sources at all."""
    if sources is None:
        return None
    column = as_text_column(sources, argument="sources")
    if len(column) != count:
        raise InputError(f"sources has {len(column)} items but texts has {count}")
    return [None if _is_missing(s) else str(s) for s in column.values]


def coerce_item(item: Any, position: int, *, name: str | None = None) -> str | None:
    """Turn one non-``str`` item of a text column into ``str`` or ``None`` (missing).

    Called by the Rust core for every item that is not a ``str`` (and by :func:`tidings.clean`
    for its one text, so both follow one rule): missing values (``None``, ``NaN`` of any float
    type, ``pd.NA``, ``NaT``) become ``None``; ``bytes``, ``bytearray`` and ``memoryview`` are
    decoded (UTF-8, stray bytes as cp1252); anything else raises :class:`InputTypeError` naming
    the row (or ``name``).
    """
    if isinstance(item, (bytes, bytearray, memoryview)):
        return _core.decode_bytes(bytes(item))
    if _is_missing(item):
        return None
    where = name or f"row {position} of the texts"
    raise InputTypeError(
        f"{where} is a {type(item).__name__} ({item!r:.60}), expected str, bytes or a missing value (None/NaN)"
    )
