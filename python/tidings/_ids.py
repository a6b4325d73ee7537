"""The document ids of a corpus that arrives in chunks, kept once for every step that needs them.

A run over a corpus larger than memory needs each document's id until its end (dedup names
clusters by them, the entity join rewrites mentions by them) and must refuse an id seen before.
:class:`DocumentIds` holds them compactly: each chunk's ids as one Arrow array when they are
all strings or all integers (about 16 bytes an id), else as the objects themselves, and a
sorted array of their 64-bit hashes for the check (8 bytes an id more); no Python object per
id, no hash set.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from .errors import InputError

__all__ = ["DocumentIds"]


def _hashes(values: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each id (equal ids, equal hashes; ids of any type)."""
    return pd.util.hash_array(values, categorize=False)


def _compact(values: np.ndarray) -> pa.Array | np.ndarray:
    """The ids as an Arrow array when they are all ``str`` or all integers (giving the same
    values back), else as they are."""
    kinds = {type(value) for value in values}
    if kinds <= {str} or (kinds and all(issubclass(kind, (int, np.integer)) and kind is not bool
                                        and not issubclass(kind, np.bool_) for kind in kinds)):
        try:
            return pa.array(values, type=pa.large_string() if kinds <= {str} else pa.int64())
        except (pa.ArrowInvalid, OverflowError):
            pass
    return values


class DocumentIds:
    """Ids added chunk by chunk; with ``unique``, each checked against all ids before it."""

    def __init__(self, *, unique: bool = True) -> None:
        self.unique = unique
        self._chunks: list[pa.Array | np.ndarray] = []
        self._starts: list[int] = [0]
        #: The hashes of every id, sorted, and each one's position.
        self._hashes = np.zeros(0, dtype=np.uint64)
        self._positions = np.zeros(0, dtype=np.int64)

    def __len__(self) -> int:
        return self._starts[-1]

    def add(self, ids: Iterable[Any]) -> None:
        """Adds the next chunk's ids; with ``unique``, an id seen before (or twice in the
        chunk) is an :class:`InputError`, and then none of the chunk's ids is added."""
        values = np.asarray(list(ids) if not isinstance(ids, (pd.Series, pd.Index, np.ndarray)) else ids,
                            dtype=object).reshape(-1)
        if not self.unique:
            self._append(values)
            return
        hashes = _hashes(values)
        order = np.argsort(hashes, kind="stable")
        positions = np.arange(len(self), len(self) + len(values), dtype=np.int64)
        self._check_new(values, hashes, order)
        # Merged in place of a sort: a copy of the arrays per chunk.
        at = np.searchsorted(self._hashes, hashes[order], side="right")
        self._hashes = np.insert(self._hashes, at, hashes[order])
        self._positions = np.insert(self._positions, at, positions[order])
        self._append(values)

    def _append(self, values: np.ndarray) -> None:
        self._chunks.append(_compact(values))
        self._starts.append(len(self) + len(values))

    def _check_new(self, values: np.ndarray, hashes: np.ndarray, order: np.ndarray) -> None:
        """Raises for the first id of ``values`` equal to an earlier one (hash hits are
        compared by value: two ids may share a hash)."""
        sorted_hashes = hashes[order]
        twice = np.flatnonzero(sorted_hashes[1:] == sorted_hashes[:-1])
        candidates = [(int(order[i]), int(order[i + 1])) for i in twice]
        left = np.searchsorted(self._hashes, hashes, side="left")
        right = np.searchsorted(self._hashes, hashes, side="right")
        for row in np.flatnonzero(right > left):
            earlier = self.take(self._positions[left[row]:right[row]])
            if any(_same(value, values[row]) for value in earlier):
                raise InputError(f"document ids must be unique; {values[row]!r} appears more than once")
        for a, b in sorted(candidates, key=max):
            if _same(values[a], values[b]):
                raise InputError(f"document ids must be unique; {values[b]!r} appears more than once")

    def take(self, positions: Any) -> np.ndarray:
        """The ids at ``positions`` (an array of objects)."""
        positions = np.asarray(positions, dtype=np.int64)
        out = np.empty(len(positions), dtype=object)
        starts = np.asarray(self._starts)
        chunk_of = np.searchsorted(starts, positions, side="right") - 1
        for chunk in np.unique(chunk_of):
            rows = np.flatnonzero(chunk_of == chunk)
            local = positions[rows] - starts[chunk]
            ids = self._chunks[chunk]
            out[rows] = ids.take(pa.array(local)).to_pylist() if isinstance(ids, pa.Array) else ids[local]
        return out

    def array(self) -> np.ndarray:
        """Every id, in the order added (an array of objects)."""
        return self.take(np.arange(len(self)))


def _same(a: Any, b: Any) -> bool:
    """Whether two ids are one (as a set would tell)."""
    try:
        return bool(a == b) and hash(a) == hash(b)
    except TypeError:
        return False
