"""Choosing documents of a corpus: masks from conditions, and every table cut down to them.

:meth:`tidings.Corpus.filter`, ``corpus[mask]`` and :meth:`tidings.Corpus.head` build a boolean
mask over the documents here and keep, in every table, the rows about the documents kept.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError, InputTypeError

__all__ = ["as_mask", "keep_documents", "between_mask", "values_mask", "entity_documents"]


def as_mask(key: Any, documents: pd.DataFrame) -> np.ndarray:
    """A boolean mask over ``documents`` from what ``corpus[key]`` was given: a boolean Series
    indexed like ``documents`` (or by document id), a boolean array or list, or a slice."""
    n = len(documents)
    if isinstance(key, slice):
        mask = np.zeros(n, dtype=bool)
        mask[key] = True
        return mask
    if isinstance(key, pd.Series):
        if not pd.api.types.is_bool_dtype(key.dtype):
            raise InputTypeError(f"corpus[...] takes a boolean mask; this Series has dtype {key.dtype}")
        if key.index.equals(documents.index):
            return key.to_numpy(dtype=bool)
        by_id = key.copy()
        by_id.index = by_id.index.map(str)
        if by_id.index.is_unique and set(by_id.index) == set(documents["doc"]):
            return by_id.reindex(documents["doc"]).to_numpy(dtype=bool)
        raise InputError("a boolean Series given to corpus[...] must have the index of corpus.documents "
                         "(or the document ids as its index)")
    if isinstance(key, (str, bytes)) or not isinstance(key, (list, tuple, np.ndarray, pd.Index, pd.api.extensions.ExtensionArray)):
        raise InputTypeError(
            f"corpus[...] takes a boolean mask over the documents or a slice, got {type(key).__name__}; "
            "use corpus.show(doc) for one document and corpus.filter(...) for conditions"
        )
    values = np.asarray(key)
    if values.dtype != bool:
        raise InputTypeError(f"corpus[...] takes a boolean mask; this one has dtype {values.dtype}")
    if values.shape != (n,):
        raise InputError(f"the mask has {len(values)} values for {n} documents")
    return values


def keep_documents(
    documents: pd.DataFrame, tables: dict[str, pd.DataFrame], mask: np.ndarray
) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """The documents where ``mask`` is true, and the rows of each table about them: rows whose
    ``doc`` was kept, and pairs (``doc_a``, ``doc_b``) whose two documents were kept. Rows are
    kept as they are, not recomputed (a cluster's size is still its size in the whole corpus)."""
    kept = documents[mask].reset_index(drop=True)
    ids = pd.Index(kept["doc"])
    cut: dict[str, pd.DataFrame] = {}
    for name, table in tables.items():
        if "doc" in table.columns:
            table = table[table["doc"].isin(ids)]
        elif {"doc_a", "doc_b"} <= set(table.columns):
            table = table[table["doc_a"].isin(ids) & table["doc_b"].isin(ids)]
        cut[name] = table.reset_index(drop=True)
    return kept, cut


def values_mask(column: pd.Series, wanted: Any, *, role: str, casefold: bool = False) -> np.ndarray:
    """Where ``column`` holds one of ``wanted`` (one value or a list), in any case when
    ``casefold``; raises naming the closest known values when one of ``wanted`` is nowhere in
    the column."""
    items = list(wanted) if isinstance(wanted, (list, tuple, set, pd.Index, pd.Series, np.ndarray)) else [wanted]

    def fold(value: Any) -> Any:
        return value.casefold() if casefold and isinstance(value, str) else value

    known = column.dropna().unique().tolist()
    spelled = {fold(value): value for value in known}
    missing = [item for item in items if fold(item) not in spelled]
    if missing:
        close = difflib.get_close_matches(str(fold(missing[0])), [str(k) for k in spelled], n=3, cutoff=0.6)
        listed = [spelled[c] for c in close] or sorted(known, key=str)[:10]
        more = "" if close or len(known) <= 10 else ", …"
        lead = f"close {role}s:" if close else f"the {role}s are"
        raise InputError(f"no {role} {missing[0]!r} in the corpus; {lead} " + ", ".join(repr(v) for v in listed) + more)
    values = column.map(fold) if casefold else column
    return values.isin([fold(item) for item in items]).to_numpy(dtype=bool)


def _bound(value: Any, side: str) -> Any:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (dt.date, np.datetime64, pd.Timestamp)):
        stamp = pd.Timestamp(value)
        return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    raise InputTypeError(f"the {side} of between= must be a date, a datetime or a string such as '2016-03-01', "
                         f"got {value!r}")


def between_mask(dates: pd.Series, between: Any) -> np.ndarray:
    """Where ``dates`` (``datetime64[ns, UTC]``) fall within ``between=(start, end)``.

    Both ends are included and either may be ``None``; a string end covers its whole period as
    in pandas' date indexing: ``("2016-03-01", "2016-03-31")`` and ``("2016-03", "2016-03")``
    are all of March. Undated documents are never within.
    """
    if not isinstance(between, (tuple, list)) or len(between) != 2:
        raise InputTypeError(f"between= takes a pair (start, end), such as ('2016-03-01', '2016-03-31'); got {between!r}")
    start, end = _bound(between[0], "start"), _bound(between[1], "end")
    dated = dates.dropna().sort_values()
    index = pd.DatetimeIndex(dated)
    try:
        window = index[index.slice_indexer(start, end)]
    except (ValueError, TypeError, KeyError) as error:
        raise InputError(f"between={tuple(between)!r} is not a pair of dates: {error}") from None
    if not len(window):
        return np.zeros(len(dates), dtype=bool)
    return (dates >= window[0]).fillna(False).to_numpy(dtype=bool) & (dates <= window[-1]).fillna(False).to_numpy(dtype=bool)


def entity_documents(entities: pd.DataFrame, names: Iterable[str]) -> pd.Index:
    """The ids of the documents mentioning any of the canonical ``names``."""
    return pd.Index(entities.loc[entities["entity"].isin(list(names)), "doc"].unique())
