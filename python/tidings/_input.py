"""Text columns in, aligned results out.

Public functions accept a list or tuple of ``str``, a pandas ``Series`` or ``Index`` (object,
``string`` or Arrow-backed dtype), a pyarrow ``Array``/``ChunkedArray``, a polars ``Series``, a
1-D numpy array, or any other iterable of texts. Arrow text columns (pyarrow ``string``,
``large_string`` and ``string_view``; polars ``String``; pandas ``string[pyarrow]``,
``ArrowDtype`` text and pandas 3 ``str``) go to the core as they are, through the Arrow PyCapsule
interface, which reads their characters without copying them. Missing values (``None``, ``NaN``,
``pd.NA``, ``NaT``, Arrow nulls) are kept as missing documents, so every result has one row per
input row and keeps the caller's index.
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
from functools import cached_property
from typing import Any

import pandas as pd
import pyarrow as pa

from . import _core
from .errors import InputError, InputTypeError

__all__ = ["TextColumn", "as_text_column", "as_sources", "coerce_item"]


@dataclass(frozen=True)
class TextColumn:
    """Texts plus the index and name to put on results. ``texts`` is what the core reads: a
    list (``str`` or ``None``, or items :func:`coerce_item` turns into one) or an Arrow text
    column; ``values`` is always a list."""

    texts: Any
    index: pd.Index
    name: Any = None

    @cached_property
    def values(self) -> list[Any]:
        """The texts as a list (built once from an Arrow column)."""
        texts = self.texts
        if isinstance(texts, list):
            return texts
        if isinstance(texts, pa.Table):
            return texts.column(0).to_pylist()
        if isinstance(texts, (pa.Array, pa.ChunkedArray)):
            return texts.to_pylist()
        return list(texts.to_list())  # polars

    def __len__(self) -> int:
        return len(self.index)


def as_text_column(texts: Any, *, argument: str = "texts") -> TextColumn:
    """Normalise any supported text container into a :class:`TextColumn` (which passes as is)."""
    if isinstance(texts, TextColumn):
        return texts
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
    if isinstance(texts, (pd.Series, pd.Index)):
        arrow = _pandas_arrow_text(texts)
        index = texts.index if isinstance(texts, pd.Series) else pd.RangeIndex(len(texts))
        return TextColumn(texts.tolist() if arrow is None else arrow, index, texts.name)
    if isinstance(texts, (pa.Array, pa.ChunkedArray)):
        arrow = _arrow_text(texts)
        return TextColumn(texts.to_pylist() if arrow is None else arrow, pd.RangeIndex(len(texts)))
    if _is_polars_text(texts):
        return TextColumn(texts, pd.RangeIndex(len(texts)), texts.name)
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


def _is_arrow_text_type(kind: pa.DataType) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind) or str(kind) == "string_view"


def _arrow_text(array: pa.Array | pa.ChunkedArray) -> Any:
    """``array`` in a form the core reads through the Arrow PyCapsule interface when it holds
    text (else None): a chunked array of pyarrow < 16, which lacks the stream interface, goes
    as a one-column table (no copy either)."""
    if not _is_arrow_text_type(array.type):
        return None
    if isinstance(array, pa.ChunkedArray) and not hasattr(array, "__arrow_c_stream__"):
        return pa.table({"text": array})
    return array


def _pandas_arrow_text(texts: pd.Series | pd.Index) -> Any:
    """The Arrow array behind a pandas text column stored in Arrow (``string[pyarrow]``,
    ``ArrowDtype`` text, pandas 3 ``str``), without copying; None for any other column."""
    dtype = texts.dtype
    stored_in_arrow = (isinstance(dtype, pd.StringDtype) and dtype.storage.startswith("pyarrow")) or (
        isinstance(dtype, pd.ArrowDtype) and _is_arrow_text_type(dtype.pyarrow_dtype))
    if not stored_in_arrow:
        return None
    return _arrow_text(texts.array.__arrow_array__())


def _is_polars_text(texts: Any) -> bool:
    """A polars text Series (read through its ``__arrow_c_stream__``, without copying)."""
    kind = type(texts)
    if kind.__name__ != "Series" or not kind.__module__.startswith("polars") or not hasattr(texts, "__arrow_c_stream__"):
        return False
    return str(texts.dtype) in ("String", "Utf8")


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


def as_sources(sources: Any, count: int, *, arrow: bool = False) -> Any:
    """Source (outlet) names aligned with ``count`` texts: missing values are ``None``, others
    ``str``; ``None`` for no sources at all. With ``arrow``, an Arrow text column is returned as
    it is, for a core function that reads it without copying."""
    if sources is None:
        return None
    column = as_text_column(sources, argument="sources")
    if len(column) != count:
        raise InputError(f"sources has {len(column)} items but texts has {count}")
    if arrow and not isinstance(column.texts, list):
        return column.texts
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
