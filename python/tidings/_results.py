"""Building result tables that line up with the caller's input."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.api.types import pandas_dtype

from ._input import TextColumn

#: The dtype of text columns in results: what ``astype("str")`` gives (Arrow-backed ``str`` in
#: pandas 3, object in pandas 2), looked up once rather than per column and call.
TEXT_DTYPE = pd.Series([], dtype="str").dtype


#: The dtype of list-of-text columns in results (a corpus's ``credits`` and ``captions``, as in
#: :func:`tidings.clean_frame` and :func:`tidings.dask.clean`; the ``sources`` and ``agencies``
#: of :meth:`tidings.Corpus.cluster_sources`): Arrow lists, whose values are Python lists and
#: whose type Parquet and Dask know without looking at the data.
TEXT_LIST_DTYPE = pd.ArrowDtype(pa.list_(pa.string()))


def text_list_array(values: pa.Array | Sequence[Sequence[str]]) -> Any:
    """A column of :data:`TEXT_LIST_DTYPE` from an Arrow list column the core built, or from
    Python lists of strings."""
    if not isinstance(values, (pa.Array, pa.ChunkedArray)):
        values = pa.array(values, type=TEXT_LIST_DTYPE.pyarrow_dtype)
    return pd.arrays.ArrowExtensionArray(values.cast(TEXT_LIST_DTYPE.pyarrow_dtype))


def list_items(lists: pd.Series) -> pd.Series:
    """The items of a column of lists (of :data:`TEXT_LIST_DTYPE`, or Python lists), one row
    each with the index of its row, as objects; none for an empty or missing list. What
    ``lists.explode().dropna()`` gives in pandas 2.1 and later: pandas 2.0 does not explode
    Arrow lists."""
    values = lists.tolist()
    counts = np.fromiter((len(v) if isinstance(v, (list, tuple, np.ndarray)) else 0 for v in values),
                         dtype=np.int64, count=len(values))
    items = [item for value, count in zip(values, counts) if count for item in value]
    return pd.Series(items, index=lists.index.repeat(counts), dtype=object)


def label_lists(labels: pd.Index, positions: Sequence[Sequence[int]]) -> Any:
    """A column of lists of ``labels``, row ``i`` holding those at ``positions[i]``: Arrow lists of
    the labels' own type where Arrow holds it (numbers, text, dates), like the other list
    columns; Python lists of the labels otherwise (a MultiIndex's tuples, mixed objects)."""
    values = None
    if labels.nlevels == 1:
        try:
            values = pa.Array.from_pandas(labels)
        except (pa.ArrowException, TypeError, ValueError):
            pass
    if values is None or pa.types.is_null(values.type):
        return pd.array([labels[list(p)].tolist() for p in positions], dtype=object)
    if str(values.type) in ("large_string", "string_view"):  # one text type for every list column
        values = values.cast(pa.string())
    lengths = np.fromiter((len(p) for p in positions), dtype=np.int64, count=len(positions))
    offsets = np.concatenate([np.zeros(1, np.int64), np.cumsum(lengths)])
    flat = np.fromiter((i for p in positions for i in p), dtype=np.int64, count=int(offsets[-1]))
    make = pa.ListArray if offsets[-1] < 2**31 else pa.LargeListArray
    lists = make.from_arrays(pa.array(offsets, type=pa.int32() if make is pa.ListArray else pa.int64()),
                             values.take(pa.array(flat)))
    return pd.arrays.ArrowExtensionArray(lists)


def text_array(values: Sequence[str | None]) -> Any:
    """A text column of :data:`TEXT_DTYPE` from strings, missing (NaN) where a value is None."""
    if isinstance(TEXT_DTYPE, pd.StringDtype):
        return pd.array(values, dtype=TEXT_DTYPE)
    return np.array([np.nan if value is None else value for value in values], dtype=object)


def arrow_text_array(values: pa.Array, python_texts: dict[int, str] | None = None) -> Any:
    """A text column of :data:`TEXT_DTYPE` from an Arrow text column the core built: in pandas 3
    the Arrow column itself (no copy), in pandas 2 one object per value (NaN where null).
    ``python_texts`` replaces the values of some rows with strings Arrow cannot hold (lone
    surrogates), which take the list path of :func:`text_array`."""
    if python_texts:
        listed = values.to_pylist()
        for row, text in python_texts.items():
            listed[row] = text
        return text_array(listed)
    if isinstance(TEXT_DTYPE, pd.StringDtype):
        return TEXT_DTYPE.__from_arrow__(values)
    objects = values.to_numpy(zero_copy_only=False)
    if values.null_count:
        objects[values.is_null().to_numpy(zero_copy_only=False)] = np.nan
    return objects


def arrow_columns(table: pa.StructArray) -> dict[str, pa.Array]:
    """The core's columns (one ``StructArray``) by name, without copying."""
    return {table.type.field(i).name: table.field(i) for i in range(table.type.num_fields)}


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
    return frame(typed, column.index.copy())


@functools.lru_cache(maxsize=256)
def _column_names(names: tuple[str, ...]) -> pd.Index:
    return pd.Index(list(names))


def frame(columns: dict[str, Any], index: pd.Index | None = None) -> pd.DataFrame:
    """The DataFrame of ``columns`` (equal lengths; made for this frame alone, they are not
    copied), as ``pd.DataFrame(columns, index=index)`` gives it but built in one step when
    every column is final (:func:`_is_final`): without the constructor's per-column checks and
    conversions, most of a short text's cost. ``index`` defaults to a ``RangeIndex``."""
    arrays = [_column_values(values) for values in columns.values()]
    rows = pd.RangeIndex(len(arrays[0]) if arrays else 0) if index is None else index
    from_arrays = getattr(pd.DataFrame, "_from_arrays", None)
    if from_arrays is None or any(len(array) != len(rows) for array in arrays):
        # A pandas without the one-step constructor, or columns that do not fit (an error
        # pandas words).
        return pd.DataFrame(columns, index=index)
    # A copy of the cached names: a caller may rename the columns' index in place.
    names = _column_names(tuple(columns)).copy()
    return from_arrays(arrays, names, rows, verify_integrity=not all(map(_is_final, arrays)))


def _column_values(values: Any) -> Any:
    """The values of an Index as an array (numpy for a numpy dtype, else its extension
    array); other values as they are."""
    if isinstance(values, pd.Index):
        return values.to_numpy() if isinstance(values.dtype, np.dtype) else values.array
    return values


def _is_final(array: Any) -> bool:
    """A column pandas keeps as it is: a numpy array of a type other than objects (whose type
    pandas may still infer: strings as ``str`` in pandas 3), or an extension array."""
    if isinstance(array, pd.api.extensions.ExtensionArray):
        return True
    return isinstance(array, np.ndarray) and array.ndim == 1 and array.dtype != object
