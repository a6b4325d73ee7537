"""pandas tables to Arrow, for the Parquet files tidings writes.

Scraped JSON varies from record to record: a field appears late, goes missing, holds ``20`` in
one record and ``20.5`` in the next, or an object in one and a string in another. Every table
tidings writes goes through :func:`arrow_table`, so nothing is dropped and the result does not
depend on how the corpus was cut into chunks:

- a column's type is the one type all its values fit: integers and floats give floats, a
  missing value is null, objects with different keys give one struct with all the keys;
- a column whose values fit no one type (objects and strings, numbers and strings) is stored
  as text: strings as they are, every other value as its JSON text (dates and decimals as
  their text); a value with no JSON form (an arbitrary Python object) is an error;
- a table written chunk by chunk has one schema, that of every chunk's columns together
  (:class:`ChunkedSchema`): the types pandas gives the table read at once (integers with a
  missing value anywhere are floats), whatever the chunks;
- a column of an Arrow dtype whose name pandas cannot read back (``pd.ArrowDtype`` of a list,
  such as the lists of text of cleaned documents: pandas-dev/pandas#57411, where
  ``pd.read_parquet`` raises) is described to pandas as objects, as pandas describes a column of
  Python lists, and marked, so that :func:`arrow_dtype_columns` finds it when tidings reads the
  table back (``pd.read_parquet`` reads it as a column of arrays, as it reads Python lists).
"""

from __future__ import annotations

import datetime
import decimal
import json
from typing import Any

import pandas as pd
import pyarrow as pa

from .errors import TidingsIOError

__all__ = ["ChunkedSchema", "arrow_dtype_columns", "arrow_table", "merge_types", "stable_schema"]

_ARROW_ERRORS = (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError)


def _json_default(value: Any) -> Any:
    """The JSON form of the values JSON lacks that have a text of their own; others have none."""
    if isinstance(value, (datetime.date, datetime.time, decimal.Decimal)):
        return str(value)
    if hasattr(value, "tolist"):  # numpy scalars and arrays inside objects
        return value.tolist()
    raise TypeError(f"its {type(value).__name__} values have no text form")


def _json_text(value: Any) -> str | None:
    """A value of a column stored as text: strings as they are, others as JSON text."""
    if isinstance(value, str):
        return value
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (datetime.date, datetime.time, decimal.Decimal)):
        return str(value)
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        value = value.tolist()
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _text_array(series: pd.Series, target: pa.DataType) -> pa.Array:
    try:
        return pa.array([_json_text(v) for v in series], type=target)
    except (TypeError, ValueError) as error:
        raise TidingsIOError(f"column {series.name!r} holds values of no one type, and {error}") from error


def _is_text(series: pd.Series) -> bool:
    return pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty")


def _is_text_type(kind: pa.DataType) -> bool:
    return pa.types.is_string(kind) or pa.types.is_large_string(kind)


def _column(series: pd.Series, target: pa.DataType | None) -> pa.Array:
    """One column as an Arrow array of type ``target`` (inferred when None)."""
    if target is not None and pa.types.is_null(target):
        target = None
    if target is not None and _is_text_type(target) and not _is_text(series):
        return _text_array(series, target)
    try:
        return pa.Array.from_pandas(series, type=target)
    except _ARROW_ERRORS as error:
        if target is None:  # values of no one type: stored as text
            return _text_array(series, pa.string())
        raise TidingsIOError(f"column {series.name!r} does not fit the type {target} of the table: {error}") from error


def arrow_table(frame: pd.DataFrame, schema: pa.Schema | None = None) -> pa.Table:
    """``frame`` (without its index) as an Arrow table.

    With ``schema``, the table has exactly its columns, in its order and of its types (a column
    ``frame`` lacks is all null); columns not in ``schema`` are an error. Without it, each
    column gets the one type its values fit (see the module docs).
    """
    if schema is None:
        try:  # keeps pandas' metadata (dtypes read back as written)
            return _readable_metadata(pa.Table.from_pandas(frame, preserve_index=False), frame)
        except _ARROW_ERRORS:
            return pa.table({str(name): _column(frame[name], None) for name in frame.columns})
    extra = [name for name in frame.columns if name not in schema.names]
    if extra:
        raise TidingsIOError(f"columns {extra} are not among the columns of the table: {schema.names}")
    arrays = [
        _column(frame[field.name], field.type) if field.name in frame.columns else pa.nulls(len(frame), field.type)
        for field in schema
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


#: The key of a column's pandas metadata marking an Arrow dtype pandas cannot read by its name.
_ARROW_DTYPE = "tidings_arrow_dtype"


def _unreadable(dtype: Any) -> bool:
    """Whether ``dtype`` is an Arrow dtype whose name pandas cannot read back."""
    if not isinstance(dtype, pd.ArrowDtype):
        return False
    try:
        pd.api.types.pandas_dtype(str(dtype))
    except TypeError:
        return True
    return False


def _readable_metadata(table: pa.Table, frame: pd.DataFrame) -> pa.Table:
    """``table`` (``frame`` with pandas' metadata) with metadata pandas can read: the columns of
    an Arrow dtype pandas cannot read by its name described as objects, and marked."""
    unreadable = {str(name) for name, dtype in frame.dtypes.items() if _unreadable(dtype)}
    metadata = table.schema.pandas_metadata
    if not unreadable or not metadata:
        return table
    for column in metadata.get("columns", []):
        if column.get("field_name") in unreadable:
            column["numpy_type"] = "object"
            column["metadata"] = {**(column.get("metadata") or {}), _ARROW_DTYPE: True}
    return table.replace_schema_metadata({**table.schema.metadata, b"pandas": json.dumps(metadata).encode()})


def arrow_dtype_columns(table: pa.Table) -> list[str]:
    """The columns of a table tidings wrote that read back as ``pd.ArrowDtype`` of their Arrow
    type: those marked as such (see the module docs), and every list column of a table written
    without pandas' metadata (the tables of ``tidings run``, whose list columns tidings built as
    Arrow lists)."""
    metadata = table.schema.pandas_metadata
    if not metadata:
        return [field.name for field in table.schema if pa.types.is_list(field.type) or pa.types.is_large_list(field.type)]
    return [column["field_name"] for column in metadata.get("columns", [])
            if (column.get("metadata") or {}).get(_ARROW_DTYPE) and column.get("field_name") in table.column_names]


def merge_types(first: pa.DataType, second: pa.DataType) -> pa.DataType:
    """The one type values of both types fit: the types' common promotion, else text (text is
    ``string``, however pandas stored it)."""
    first, second = (pa.string() if _is_text_type(t) else t for t in (first, second))
    if first == second or pa.types.is_null(second):
        return first
    if pa.types.is_null(first):
        return second
    try:
        merged = pa.unify_schemas([pa.schema([("v", first)]), pa.schema([("v", second)])], promote_options="permissive")
    except _ARROW_ERRORS:
        return pa.string()
    return merged.field("v").type


class ChunkedSchema:
    """The schema of a table seen chunk by chunk (:meth:`add` each): every column of any
    chunk, in first-seen order, of the one type all its values fit (:func:`merge_types`), and
    of floats for integers missing anywhere, as pandas types the table read at once."""

    def __init__(self) -> None:
        self._types: dict[str, pa.DataType] = {}
        self._missing: set[str] = set()
        self._rows = 0

    def add(self, table: pa.Table) -> None:
        """Adds the next chunk."""
        for field, column in zip(table.schema, table.columns):
            if field.name not in self._types:
                self._types[field.name] = merge_types(pa.null(), field.type)
                if self._rows:
                    self._missing.add(field.name)
            else:
                self._types[field.name] = merge_types(self._types[field.name], field.type)
            if column.null_count:
                self._missing.add(field.name)
        self._missing.update(name for name in self._types if name not in table.schema.names)
        self._rows += len(table)

    def schema(self) -> pa.Schema | None:
        """The schema of the chunks so far; ``None`` before the first."""
        if not self._types:
            return None
        types = {name: pa.float64() if pa.types.is_integer(kind) and name in self._missing else kind
                 for name, kind in self._types.items()}
        return pa.schema(list(types.items()))


def stable_schema(schema: pa.Schema) -> pa.Schema:
    """``schema`` with all-null columns (and lists of nulls) typed as text, for a table whose
    first chunk had no values in them."""
    fields = []
    for field in schema:
        if pa.types.is_null(field.type):
            field = field.with_type(pa.string())
        elif pa.types.is_list(field.type) and pa.types.is_null(field.type.value_type):
            field = field.with_type(pa.list_(pa.string()))
        fields.append(field)
    return pa.schema(fields)
