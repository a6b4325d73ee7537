"""The Dask dedup's sketch of shingles held by more than one text and the order it gives: the same
whatever the partitioning, never calling a shared shingle unique, and ranking each document's
shingles as a slow reference does."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("dask")

from tidings import dask_dedup  # noqa: E402

#: Shingles from a small pool, with top bits both shared and distinct, so that buckets collide.
_shingle = st.sampled_from([0, 1, 17, 2**31, 2**31 + 5, 2**32 - 1, 0x1234_5678, 0x1234_5679, 0xFFFF_0000])
_document = st.lists(_shingle, max_size=6, unique=True).map(sorted)


def _fingerprints(documents: list[list[int]], start: int = 0) -> pd.DataFrame:
    """Fingerprint rows as the dedup keeps them (position, shingle count, shingles as bytes)."""
    blobs = np.empty(len(documents), dtype=object)
    blobs[:] = [np.asarray(d, dtype="<u4").tobytes() for d in documents]
    return pd.DataFrame({"pos": np.arange(start, start + len(documents), dtype=np.int64),
                         "count": np.array([len(d) for d in documents], dtype=np.int64), "shingles": blobs})


def _buckets(bits: np.ndarray) -> set[int]:
    """The buckets set in a bitset (bytes of eight, lowest bit first)."""
    return {int(byte) * 8 + bit for byte in np.flatnonzero(bits) for bit in range(8) if bits[byte] >> bit & 1}


@settings(max_examples=30, deadline=None)
@given(st.lists(_document, max_size=12), st.lists(st.integers(0, 12), max_size=4))
def test_the_sketch_is_the_same_whatever_the_partitioning(documents: list[list[int]], cuts: list[int]) -> None:
    bounds = sorted({0, len(documents), *(min(c, len(documents)) for c in cuts)})
    copies = np.zeros(0, dtype=np.int64)
    parts = [dask_dedup._held(_fingerprints(documents[lo:hi], lo), copies) for lo, hi in zip(bounds, bounds[1:])]
    once, twice = dask_dedup._merged(*parts) if parts else dask_dedup._held(_fingerprints([]), copies)
    shift = 32 - dask_dedup._BUCKET_BITS
    # Two shingles of one bucket count twice, even in one document (a collision, as any other).
    held = pd.Series([s >> shift for document in documents for s in document], dtype=np.int64).value_counts()
    assert _buckets(once) == set(held.index)
    assert _buckets(twice) == set(held[held > 1].index)


@settings(max_examples=60, deadline=None)
@given(st.lists(_document, min_size=1, max_size=10), st.integers(1, 3))
def test_ranks_put_unique_shingles_first_then_rare_ones(documents: list[list[int]], stride: int) -> None:
    fingerprints = _fingerprints(documents)
    copies = np.zeros(0, dtype=np.int64)
    _, twice = dask_dedup._held(fingerprints, copies)
    rarity = dask_dedup._rarity(twice, dask_dedup._sampled(fingerprints, copies, stride))
    probes = dask_dedup._probes(fingerprints, copies, rarity)
    held_by = {s: sum(s in d for d in documents) for d in documents for s in d}
    sampled = {s: sum(s in d for i, d in enumerate(documents) if i % stride == 0) for s in held_by}
    for pos, document in enumerate(documents):
        # The slow reference: the sketch's shared flag, the sampled count when two or more, the hash.
        shared = rarity.shared(np.asarray(document, dtype=np.uint32))
        key = {s: (bool(f), sampled[s] if sampled[s] > 1 else 0, s) for s, f in zip(document, shared)}
        expected = {s: rank for rank, s in enumerate(sorted(document, key=key.__getitem__)) if key[s][0]}
        rows = probes[probes["pos"] == pos]
        assert dict(zip(rows["shingle"].tolist(), rows["rank"].tolist())) == expected
        assert (rows["count"] == len(document)).all()
        # No shingle that another document holds is dropped.
        assert {s for s in document if held_by[s] > 1} <= set(expected)
