"""Counting the distinct values of a stream of string columns in a few bytes per value.

A ``collections.Counter`` of millions of distinct names (a corpus of a million articles names
several million entities) holds a Python string and a dict slot for each: about 150 bytes.
:class:`NameCounts` holds, for each distinct value, its 64-bit hash, its count and where it was
first seen (24 bytes), and the text of only the most counted few, so ``tidings run`` keeps its
figures in bounded memory. Values are told apart by their hashes (pandas' ``hash_array``): two
values of one hash, about one chance in 10^7 for ten million values, count as one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["NameCounts"]

#: Values whose text is kept (the most counted); ``most_common`` answers up to this many.
KEPT_NAMES = 64


class NameCounts:
    """How many times each value was seen, in first-seen order among equal counts, as
    ``collections.Counter`` orders them; ``len`` is the number of distinct values."""

    def __init__(self) -> None:
        # Sorted by hash: each distinct value's hash, count and first position seen.
        self._hashes = np.empty(0, dtype=np.uint64)
        self._counts = np.empty(0, dtype=np.int64)
        self._first = np.empty(0, dtype=np.int64)
        self._seen = 0
        # The text of every value counted at least `_least` times (the top has no fewer).
        self._names: dict[int, str] = {}
        self._least = 0

    def update(self, values: Iterable[Any]) -> None:
        """Count each value (strings; missing values are left out)."""
        series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
        texts = series[series.notna()].astype(str).to_numpy(dtype=object)
        if not len(texts):
            return
        hashes = pd.util.hash_array(texts, categorize=True)
        unique, where, counts = np.unique(hashes, return_index=True, return_counts=True)
        self._add(unique, counts.astype(np.int64), where.astype(np.int64) + self._seen)
        self._seen += len(texts)
        self._remember(unique, texts[where])

    def __len__(self) -> int:
        return len(self._hashes)

    def most_common(self, n: int) -> list[tuple[str, int]]:
        """The ``n`` (at most ``KEPT_NAMES``) most counted values and their counts."""
        top = self._top(min(n, KEPT_NAMES))
        return [(self._names[int(self._hashes[i])], int(self._counts[i])) for i in top]

    def __add__(self, other: NameCounts) -> NameCounts:
        """The counts of both, ``other``'s values seen after all of this one's."""
        total = NameCounts()
        total._add(self._hashes, self._counts, self._first)
        total._add(other._hashes, other._counts, other._first + self._seen)
        total._seen = self._seen + other._seen
        total._names = {**other._names, **self._names}
        total._prune()
        return total

    def _add(self, hashes: np.ndarray, counts: np.ndarray, first: np.ndarray) -> None:
        """Add the counts of distinct sorted ``hashes``, first seen at ``first``."""
        at = np.searchsorted(self._hashes, hashes)
        known = at < len(self._hashes)
        known[known] = self._hashes[at[known]] == hashes[known]
        self._counts[at[known]] += counts[known]
        np.minimum.at(self._first, at[known], first[known])
        new = ~known
        self._hashes = np.insert(self._hashes, at[new], hashes[new])
        self._counts = np.insert(self._counts, at[new], counts[new])
        self._first = np.insert(self._first, at[new], first[new])

    def _remember(self, hashes: np.ndarray, texts: np.ndarray) -> None:
        """Keep the text of the values just counted that may now be in the top: a value
        enters it only when its count grows, so only in a batch that names it."""
        counts = self._counts[np.searchsorted(self._hashes, hashes)]
        for h, text in zip(hashes[counts >= self._least].tolist(), texts[counts >= self._least].tolist()):
            self._names.setdefault(h, text)
        if len(self._names) > 4 * KEPT_NAMES:
            self._prune()

    def _prune(self) -> None:
        """Keep the text of the top values only; raise the count a value needs to enter it."""
        top = self._top(KEPT_NAMES)
        kept = {int(self._hashes[i]) for i in top}
        self._names = {h: name for h, name in self._names.items() if h in kept}
        if len(top) == KEPT_NAMES:
            self._least = int(self._counts[top[-1]])

    def _top(self, n: int) -> np.ndarray:
        """Positions of the ``n`` most counted values, ties by first seen."""
        if not len(self._counts) or n <= 0:
            return np.empty(0, dtype=np.int64)
        if len(self._counts) > n:
            threshold = np.partition(self._counts, len(self._counts) - n)[len(self._counts) - n]
            candidates = np.flatnonzero(self._counts >= threshold)
        else:
            candidates = np.arange(len(self._counts))
        order = np.lexsort((self._first[candidates], -self._counts[candidates]))
        return candidates[order][:n]
