"""Dedup on a Dask cluster without gathering the documents: the clusters and pairs of
:func:`tidings.dedup` (with ``ids``), decided where the documents are.

A document's decision depends only on the verified pairs it is part of (it joins the best
earlier representative it is a copy of, and whether that one is a representative depends, in
turn, on its own pairs). So the documents fall into independent groups, the connected components
of the graph of verified pairs and exact copies, and the core's dedup of each group alone gives
the very decisions and pairs of the whole corpus. The steps, each a Dask computation:

1. **Fingerprints** (Rust, in each partition's task): every document's exact-text hash and its
   sorted distinct shingle hashes, kept on the cluster (persisted: about 700 bytes a news article,
   spread over the workers), with a position in the whole frame counted up front (``pos``, a
   64-bit value fixed by the rows, whatever the partitioning).
2. **Candidates**, by prefix filtering (exact whatever the order of shingles): two copies share at
   least ``need`` shingles, the fewest the shorter one (of ``n`` shingles) shares with a copy at
   least as long, so some shared shingle is among its first ``n - need + 1`` in any fixed order.
   The order puts first the shingles no other text holds (they can pair nothing), then the rest
   from rare to common, so a document's prefix skips the phrases common to many (page chrome,
   set phrases) and each prefix shingle meets few documents: with the rare ones merely first,
   the candidates grew with the square of the corpus, as a document's unique shingles were ranked
   behind shingles that a sample happened to count once. Which shingles are held by more than one
   text is sketched over the whole corpus: a bitset of shingle buckets (their top bits) seen once
   and one of buckets seen twice, per partition, merged in a tree (a collision only moves a unique
   shingle later, which costs candidates, never pairs). How common the rest are is counted on a
   sample (positions divisible by a stride, at most 20,000 documents). Exact copies after the
   first of their text (found first, by a shuffle by exact hash) are left out: they hold the
   first's shingles, and their pairs follow from its. Every shingle of the other documents that
   another text may hold (as the sketch tells: the unique ones are ranked, then dropped) is
   shuffled by shingle as a row of numbers (16 bytes), and the core pairs each shuffled partition
   (``dedup::prefix_join``): each document with a shingle in its prefix meets every document as
   long holding it in its own prefix for the pair (the two prefixes share a shingle, as in PPJoin).
3. **Verification** without moving the fingerprints: each candidate pair goes to the task of
   the partition holding its first document (positions say which), which keeps it once and
   sends it, with that document's shingles (once per receiving task), to the task of the
   partition holding the second, which keeps it when the core's index would pair it: enough
   shared sampled shingles to be compared (the core's rule, counted from the two sets), then a
   near or contained copy. Only candidates' shingles travel.
4. **Components**: the verified pairs and the exact copies (from step 2's shuffle by exact hash)
   are the edges of a graph of positions (16 bytes an edge: no texts, no shingles), labelled in
   this process (min-label propagation with pointer jumping) up to
   :data:`tidings.dask_components.LOCAL_EDGES` edges, and on the cluster beyond (large-star and
   small-star rounds: :mod:`tidings.dask_components`); a component is named after its smallest
   position, and each partition of fingerprints receives its own documents' labels. Documents in
   no edge are alone: unique (or empty).
5. **Decisions**: the fingerprints of the documents in components are shuffled by component, and
   each partition of components is decided by the core (:func:`tidings.dedup._decide`, the
   single-machine code) with the documents' ids and ``keep`` keys. The decisions (a row per
   duplicated document) stay on the cluster: each partition of components sends each partition
   of documents its share, and only the pairs table comes back to this process.

Memory: this process holds the edge list while it labels the components (16 bytes an edge,
with its working arrays about 50 bytes; at most 20 million edges, about 1 GB, else the cluster
labels them and this process holds none) and the pairs table it returns: a corpus of ten
million articles with a tenth duplicated needs a few hundred MB here. A worker holds its
partitions' fingerprints and, in each shuffle, its share of the shingles or candidates (Dask's
shuffle spills to disk); two 32 MB
bitsets per partition it sketches (and per merging task); the order (the sketch and the
sample's shingle counts, under 150 MB) while it ranks shingles. The shuffle by shingle carries
the shingles the sketch finds in two texts or more (16 bytes each: at most about 9 KB a news
article, a quarter to a half of that in news or generated corpora); the candidates it makes
grow with the documents that share rare phrases, not with the common ones. A verification
task holds a partition's fingerprints and the shingles of the other documents of its
candidates, once each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd

from . import _core
from .dask_components import LOCAL_EDGES, components_here, components_on_cluster
from .dedup import CLUSTER_COLUMNS, KINDS, _as_id_array, _decide, _lengths, _stamps
from .errors import InputError

__all__ = ["distributed_dedup"]

_INDEX_OPTIONS = ("threshold", "containment", "ngram", "sample")
#: Documents (at most) whose shingles are counted to order shingles from rare to common.
_SAMPLED_DOCUMENTS = 20_000
#: Bits of a shingle (its top ones) naming its bucket in the sketch of repeated shingles: 2**28
#: buckets, a 32 MB bitset; 40,000 generated articles set about a tenth of them, 200,000 a third.
_BUCKET_BITS = 28
#: Positions fit in 31 bits (the core's limit on documents), so a pair is one 62-bit key.
_PAIR_SHIFT = 31


def _fingerprints(options: dict[str, Any]) -> _core.DedupFingerprints:
    return _core.DedupFingerprints(**{name: options[name] for name in _INDEX_OPTIONS})


@dataclass(frozen=True)
class _Fingerprint:
    """Step 1 for one partition: a row per document, indexed as the input, with its position
    ``pos``, id, ``keep`` key, exact hash, shingle count and shingles."""

    text: str
    id: str | None
    date: str | None
    options: dict[str, Any]
    threads: int

    def __call__(self, part: pd.DataFrame) -> pd.DataFrame:
        values = part[self.text].tolist()
        fingerprints = _fingerprints(self.options)
        fingerprints.add(values, workers=self.threads)
        columns = fingerprints.columns()
        offsets = np.frombuffer(columns["offsets"], dtype="<u8").astype(np.int64)
        raw = columns["shingles"]
        n = len(values)
        frame = pd.DataFrame({
            "pos": np.arange(n, dtype=np.int64),
            "id": part[self.id].to_numpy(dtype=object) if self.id is not None else np.full(n, None, dtype=object),
            "exact": np.frombuffer(columns["exact"], dtype="<u8").astype(np.uint64),
            "count": np.diff(offsets),
            "shingles": _objects([raw[offsets[i] * 4:offsets[i + 1] * 4] for i in range(n)]),
        }, index=part.index)
        if self.options["keep"] == "longest":
            frame["length"] = _lengths(values)
        if self.options["keep"] == "earliest":
            frame["stamp"] = _stamps(part[self.date], n) if self.date is not None else np.full(n, np.datetime64("NaT"))
        return frame


def _numbered(fingerprints: pd.DataFrame, start: int, positions_are_ids: bool) -> pd.DataFrame:
    """A partition's fingerprints with the positions of its rows in the whole frame (and as their
    ids, when there is no id column)."""
    positions = np.arange(start, start + len(fingerprints), dtype=np.int64)
    numbered = fingerprints.assign(pos=positions)
    return numbered.assign(id=positions.astype(object)) if positions_are_ids else numbered


def _objects(values: list[Any]) -> np.ndarray:
    """``values`` as a one-dimensional object array (numpy would make rows of sequences)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _shingles(fingerprints: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Every shingle of a partition's documents, and the row of the document holding it."""
    counts = fingerprints["count"].to_numpy()
    if not len(counts):
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
    shingles = np.frombuffer(b"".join(fingerprints["shingles"].tolist()), dtype="<u4")
    return shingles, np.repeat(np.arange(len(counts)), counts)


def _originals(fingerprints: pd.DataFrame, copies: np.ndarray) -> pd.DataFrame:
    """The documents with words of one partition, less the exact copies after the first of their
    text (``copies``: their positions, sorted)."""
    with_words = fingerprints[fingerprints["count"] > 0]
    return with_words[~np.isin(with_words["pos"].to_numpy(), copies)]


def _held(fingerprints: pd.DataFrame, copies: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One partition's sketch of the shingles of its texts: the bitset of the buckets holding a
    shingle of one of them, and that of the buckets holding shingles of two or more."""
    shingles, _ = _shingles(_originals(fingerprints, copies))
    buckets, counts = np.unique(shingles >> np.uint32(32 - _BUCKET_BITS), return_counts=True)
    return _bitset(buckets), _bitset(buckets[counts > 1])


def _bitset(buckets: np.ndarray) -> np.ndarray:
    """The bitset (``2**_BUCKET_BITS`` bits, packed little-endian by byte) of ``buckets``."""
    bits = np.zeros(1 << (_BUCKET_BITS - 3), dtype=np.uint8)
    if len(buckets):
        # Buckets are sorted, so each byte's bits are a run to or together.
        byte, first = np.unique(buckets >> 3, return_index=True)
        bits[byte] = np.bitwise_or.reduceat(np.left_shift(1, buckets & 7).astype(np.uint8), first)
    return bits


def _merged(*held: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The sketches of several partitions as one: a bucket is held twice when it is held twice
    by one of them or once by two."""
    once, twice = held[0][0].copy(), held[0][1].copy()
    for other_once, other_twice in held[1:]:
        twice |= other_twice | (once & other_once)
        once |= other_once
    return once, twice


def _repeated(parts: list[Any], copies: Any, fan_in: int = 4) -> Any:
    """The delayed bitset of the buckets holding shingles of two texts or more, in the whole
    corpus (less the delayed ``copies``), merged ``fan_in`` partitions at a time."""
    level = [dask.delayed(_held)(part, copies) for part in parts]
    while len(level) > 1:
        level = [dask.delayed(_merged)(*level[i:i + fan_in]) for i in range(0, len(level), fan_in)]
    return level[0][1]


def _sampled(fingerprints: pd.DataFrame, copies: np.ndarray, stride: int) -> np.ndarray:
    """The shingles of the texts at positions divisible by ``stride`` (one entry per text)."""
    originals = _originals(fingerprints, copies)
    shingles, _ = _shingles(originals[originals["pos"] % stride == 0])
    return shingles


@dataclass(frozen=True)
class _Rarity:
    """Step 2's order of shingles (lower first): those of one text only first (as far as the
    sketch ``repeated`` tells), then by how many sampled texts hold them (``sampled``, sorted,
    held by ``counts`` of them; shingles held by one are not listed), then by hash."""

    repeated: np.ndarray
    sampled: np.ndarray
    counts: np.ndarray

    def shared(self, shingles: np.ndarray) -> np.ndarray:
        """Whether other texts may hold each of ``shingles`` (the sketch has no false no)."""
        buckets = shingles >> np.uint32(32 - _BUCKET_BITS)
        return ((self.repeated[buckets >> 3] >> (buckets & 7).astype(np.uint8)) & 1).astype(bool)

    def sampled_counts(self, shingles: np.ndarray) -> np.ndarray:
        """How many sampled texts hold each of ``shingles`` (0 for one or none)."""
        if not len(self.sampled):
            return np.zeros(len(shingles), dtype=np.int64)
        at = np.minimum(np.searchsorted(self.sampled, shingles), len(self.sampled) - 1)
        return np.where(self.sampled[at] == shingles, self.counts[at], 0)


def _rarity(repeated: np.ndarray, *sampled: np.ndarray) -> _Rarity:
    """Step 2's order, from the sketch of ``repeated`` buckets and the ``sampled`` shingles."""
    shingles, counts = np.unique(np.concatenate([np.zeros(0, np.uint32), *sampled]), return_counts=True)
    return _Rarity(repeated, shingles[counts > 1], counts[counts > 1])


def _probes(fingerprints: pd.DataFrame, copies: np.ndarray, rarity: _Rarity) -> pd.DataFrame:
    """Step 2's rows for one partition: the shingles of its texts that other texts may hold
    (``shingle``; the others can pair nothing), each with the document's position, shingle
    count and the shingle's ``rank`` among all of them (by ``rarity``, then by hash): numbers
    only, 16 bytes a row."""
    fingerprints = _originals(fingerprints, copies)
    shingles, rows = _shingles(fingerprints)
    counts = fingerprints["count"].to_numpy()
    shared = rarity.shared(shingles)
    shingles, rows = shingles[shared], rows[shared]
    # The unique shingles rank first; the shared ones follow, by sampled count, then by hash
    # (a document's shingles are sorted, so a stable sort keeps ties by hash).
    held = np.bincount(rows, minlength=len(counts))
    order = np.argsort((rows.astype(np.int64) << 32) | rarity.sampled_counts(shingles), kind="stable")
    rank = np.empty(len(shingles), dtype=np.int64)
    rank[order] = np.arange(len(shingles)) - np.repeat(np.r_[0, np.cumsum(held)][:-1], held)
    rows_counts = counts[rows]
    return pd.DataFrame({
        "shingle": shingles.astype(np.uint32),
        "pos": fingerprints["pos"].to_numpy()[rows].astype(np.uint32),
        "count": rows_counts.astype(np.uint32),
        "rank": (rank + rows_counts - held[rows]).astype(np.uint32),
    })


@dataclass(frozen=True)
class _CandidatePairs:
    """The candidate pairs of a shuffle partition of probes (one document per text), as ``pair``
    keys (``a`` < ``b``, once each), by the core's prefix filter (``dedup::prefix_join``)."""

    options: dict[str, Any]

    def __call__(self, probes: pd.DataFrame) -> pd.DataFrame:
        rows = np.argsort(probes["shingle"].to_numpy(), kind="stable")
        holders = np.column_stack([probes[c].to_numpy()[rows] for c in ("shingle", "pos", "count", "rank")])
        keys = _fingerprints(self.options).candidate_pairs(holders.astype("<u4").tobytes())
        return pd.DataFrame({"pair": np.frombuffer(keys, dtype="<u8").astype(np.int64)})


def _by_partition(frame: pd.DataFrame, positions: np.ndarray, starts: np.ndarray) -> tuple[pd.DataFrame, ...]:
    """The rows of ``frame`` split by the fingerprint partition holding their ``positions``
    (partition ``i`` holds positions ``starts[i]`` to ``starts[i + 1]``)."""
    which = np.searchsorted(starts, positions, side="right") - 1
    order = np.argsort(which, kind="stable")
    bounds = np.searchsorted(which[order], np.arange(len(starts)))
    rows = frame.iloc[order]
    return tuple(rows.iloc[lo:hi] for lo, hi in zip(bounds[:-1], bounds[1:]))


def _by_a(keys: pd.DataFrame, starts: np.ndarray) -> tuple[pd.DataFrame, ...]:
    """Pair keys split by the partition holding their ``a``."""
    return _by_partition(keys, keys["pair"].to_numpy() >> _PAIR_SHIFT, starts)


def _candidates_by_b(fingerprints: pd.DataFrame, starts: np.ndarray,
                     *pieces: pd.DataFrame) -> tuple[tuple[pd.DataFrame, pd.DataFrame], ...]:
    """The candidate pairs (``a`` < ``b``, once each) whose ``a`` is in this partition of
    fingerprints (every copy of a pair is sent here), split by the partition holding ``b``, each
    piece with the shingles of its ``a`` documents (``pos`` and ``shingles``, once each)."""
    keys = np.unique(np.concatenate([piece["pair"].to_numpy() for piece in pieces]))
    pairs = pd.DataFrame({"a": keys >> _PAIR_SHIFT, "b": keys & ((1 << _PAIR_SHIFT) - 1)})
    split = []
    for piece in _by_partition(pairs, pairs["b"].to_numpy(), starts):
        a = np.unique(piece["a"].to_numpy())
        split.append((piece, pd.DataFrame({"pos": a, "shingles": _shingles_at(fingerprints, a)})))
    return tuple(split)


def _shingles_at(fingerprints: pd.DataFrame, positions: np.ndarray) -> np.ndarray:
    """The shingles of the documents at ``positions``, all in this partition (sorted by position)."""
    return fingerprints["shingles"].to_numpy()[fingerprints["pos"].searchsorted(positions)]


@dataclass(frozen=True)
class _Verified:
    """Step 3 for the candidate pairs whose ``b`` is in one partition of fingerprints, each piece
    with the shingles of its ``a`` documents: the copies (``a``, ``b``)."""

    options: dict[str, Any]

    def __call__(self, fingerprints: pd.DataFrame, *pieces: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
        pairs = pd.concat([piece for piece, _ in pieces], ignore_index=True)
        if not len(pairs):
            return pd.DataFrame({"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64)})
        # Each a document lives in one partition, so the pieces' documents are distinct.
        firsts = pd.concat([shingles for _, shingles in pieces]).sort_values("pos")
        seconds = np.unique(pairs["b"].to_numpy())
        blobs = firsts["shingles"].tolist() + _shingles_at(fingerprints, seconds).tolist()
        lengths = np.array([len(b) // 4 for b in blobs], dtype=np.uint64)
        offsets = np.r_[np.uint64(0), np.cumsum(lengths, dtype=np.uint64)].astype("<u8")
        compared = _fingerprints(self.options)
        compared.add_columns(np.zeros(len(blobs), dtype="<u8").tobytes(), offsets.tobytes(), b"".join(blobs))
        rows_a = firsts["pos"].searchsorted(pairs["a"].to_numpy())
        rows_b = len(firsts) + np.searchsorted(seconds, pairs["b"].to_numpy())
        found = compared.paired(rows_a.tolist(), rows_b.tolist())
        copies = ~np.isnan(np.asarray(found["jaccard"], dtype=np.float64))
        return pairs.loc[copies, ["a", "b"]].reset_index(drop=True)


def _exact_copies(fingerprints: pd.DataFrame) -> pd.DataFrame:
    """Edges from the first document (by position) of each text with words to its other copies,
    in one partition of documents shuffled by exact hash."""
    rows = fingerprints.sort_values(["exact", "pos"])
    first = rows.groupby("exact", sort=False)["pos"].transform("min")
    copies = rows["pos"] != first
    return pd.DataFrame({"a": first[copies].to_numpy(), "b": rows["pos"][copies].to_numpy()})


@dataclass(frozen=True)
class _Decided:
    """Step 5 for one partition of whole components: the core's decisions, a row per document
    (``pos`` and the cluster columns), and the pairs."""

    options: dict[str, Any]
    threads: int

    def __call__(self, members: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        members = members.sort_values("pos")
        blobs = members["shingles"].tolist()
        offsets = np.r_[0, np.cumsum(members["count"].to_numpy())].astype("<u8")
        fingerprints = _fingerprints(self.options)
        fingerprints.add_columns(members["exact"].to_numpy().astype("<u8").tobytes(), offsets.tobytes(),
                                 b"".join(blobs))
        keep = self.options["keep"]
        clusters, pairs = _decide(
            fingerprints, ids=members["id"].tolist(), keep=keep, all_pairs=True, workers=self.threads,
            lengths=members["length"].to_numpy(dtype=np.int64) if keep == "longest" else None,
            stamps=members["stamp"].to_numpy(dtype="datetime64[ns]") if keep == "earliest" else None)
        clusters.insert(0, "pos", members["pos"].to_numpy())
        assert pairs is not None
        return clusters, pairs


def _alone(fingerprints: pd.DataFrame, meta: pd.DataFrame, *decisions: pd.DataFrame) -> pd.DataFrame:
    """The document ids (``doc``) and cluster columns of one partition: the ``decisions`` of its
    duplicated documents (pieces from each partition of components), and every other document
    alone (``unique``, or ``empty`` without words)."""
    decided = pd.concat(decisions, ignore_index=True).sort_values("pos") if decisions else None
    ids = _as_id_array(fingerprints["id"].to_numpy(dtype=object))
    empty = fingerprints["count"].to_numpy() == 0
    frame = pd.DataFrame({
        "doc": ids,
        "cluster": ids,
        "cluster_size": np.ones(len(ids), dtype=np.int64),
        "kind": pd.Categorical(np.where(empty, "empty", "unique"), categories=list(KINDS)),
        "is_representative": np.ones(len(ids), dtype=bool),
        "similarity": np.where(empty, np.nan, 1.0),
        "representative": ids,
    }, index=fingerprints.index).astype(meta.dtypes.to_dict())
    if decided is not None and len(decided):
        rows = fingerprints["pos"].searchsorted(decided["pos"].to_numpy())
        for column in CLUSTER_COLUMNS:
            frame.iloc[rows, frame.columns.get_loc(column)] = decided[column].to_numpy()
    return frame


def distributed_dedup(ddf: dd.DataFrame, *, text: str, id: str | None, date: str | None, options: dict[str, Any],
                      cluster_meta: pd.DataFrame, pairs_meta: pd.DataFrame,
                      threads: int) -> tuple[dd.DataFrame, dd.DataFrame]:
    """The document id (``doc``: column ``id``, else the position) and cluster columns of every
    row of ``ddf`` (its index, its partitions), and the pairs table (the verified pairs only:
    one partition, or sorted across partitions when the components are labelled on the
    cluster), by the steps of the module docs; ``options`` are the resolved dedup options,
    ``cluster_meta`` and ``pairs_meta`` the empty results with their dtypes; each task's Rust code runs on ``threads``."""
    # One list of partitions for every step (Dask may fuse partitions anew each time it optimises a graph).
    task = _Fingerprint(text, id, date, options, threads)
    (unnumbered,) = dask.persist([dask.delayed(task)(part) for part in ddf.to_delayed()])
    (sizes,) = dask.compute([dask.delayed(len)(part) for part in unnumbered])
    starts = np.r_[0, np.cumsum(sizes)].astype(np.int64)
    if starts[-1] >= 1 << _PAIR_SHIFT:
        raise InputError(f"dedup handles at most {(1 << _PAIR_SHIFT) - 1} documents at once")
    (parts,) = dask.persist([dask.delayed(_numbered)(part, int(start), id is None)
                              for part, start in zip(unnumbered, starts)])
    del unnumbered
    meta = task(ddf._meta)
    fingerprints = dd.from_delayed(parts, meta=meta, verify_meta=False)
    shuffled = max(ddf.npartitions, 1)
    with_words = fingerprints[fingerprints["count"] > 0][["pos", "exact"]]
    exact = with_words.shuffle(on="exact", npartitions=shuffled).map_partitions(
        _exact_copies, meta=pd.DataFrame({"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64)}))
    (exact,) = dask.compute(exact.to_delayed())
    exact = pd.concat(exact, ignore_index=True)
    (verified,) = dask.persist(_verified_pairs(fingerprints, parts, starts, exact, options, shuffled))
    (sizes,) = dask.compute([dask.delayed(len)(piece) for piece in verified])
    here = len(exact) + sum(sizes) <= LOCAL_EDGES
    members = _members(fingerprints, parts, starts, exact, verified, here)
    decided, pairs = _decisions(fingerprints, members, _Decided(options, threads), pairs_meta, shuffled, here)
    n = len(parts)
    splits = [dask.delayed(_by_position, nout=n)(piece, starts) for piece in decided]
    result = [dask.delayed(_alone)(part, cluster_meta, *(split[i] for split in splits)) for i, part in enumerate(parts)]
    return dd.from_delayed(result, meta=cluster_meta, verify_meta=False), pairs


def _verified_pairs(fingerprints: dd.DataFrame, parts: list[Any], starts: np.ndarray, exact: pd.DataFrame,
                    options: dict[str, Any], shuffled: int) -> list[Any]:
    """Steps 2 and 3: the pairs the core's index would pair (``a`` < ``b``, positions; a delayed
    frame per partition of fingerprints), from candidates found by prefix filtering, the
    ``exact`` copies (edges ``a`` to ``b``) left out. The candidates go to the partition
    holding ``a`` (which keeps each pair once and adds its shingles), then to the one holding
    ``b``, which verifies them: only the shingles of candidates travel."""
    copies = np.unique(exact["b"].to_numpy())
    shared_copies = dask.delayed(copies)
    stride = max(1, int(starts[-1]) // _SAMPLED_DOCUMENTS)
    sampled = [dask.delayed(_sampled)(part, shared_copies, stride) for part in parts]
    rarity = dask.delayed(_rarity)(_repeated(parts, shared_copies), *sampled)
    # The meta's order needs no sketch: it ranks no shingle.
    nothing = np.zeros(0, np.uint32)
    meta = _probes(fingerprints._meta, copies[:0], _Rarity(nothing.astype(np.uint8), nothing, nothing.astype(np.int64)))
    candidates = fingerprints.map_partitions(_probes, shared_copies, rarity, meta=meta)
    candidates = candidates.shuffle(on="shingle", npartitions=shuffled).map_partitions(
        _CandidatePairs(options), meta=pd.DataFrame({"pair": np.zeros(0, dtype=np.int64)}))
    n = len(parts)
    by_a = [dask.delayed(_by_a, nout=n)(piece, starts) for piece in candidates.to_delayed()]
    by_b = [dask.delayed(_candidates_by_b, nout=n)(part, starts, *(split[i] for split in by_a))
            for i, part in enumerate(parts)]
    verify = _Verified(options)
    return [dask.delayed(verify)(part, *(split[i] for split in by_b)) for i, part in enumerate(parts)]


def _members(fingerprints: dd.DataFrame, parts: list[Any], starts: np.ndarray, exact: pd.DataFrame,
             verified: list[Any], here: bool) -> dd.DataFrame | None:
    """Step 4: the fingerprints of the documents in an edge (the ``exact`` copies and the
    ``verified`` pairs, delayed frames), with their ``component``; ``None`` without edges. The
    edges are labelled in this process (``here``) or on the cluster."""
    if here:
        (gathered,) = dask.compute(verified)
        edges = pd.concat([exact, *gathered], ignore_index=True)
        if not len(edges):
            return None
        labelled = components_here(edges["a"].to_numpy(), edges["b"].to_numpy())
        labels = [dask.delayed(piece) for piece in _by_partition(labelled, labelled["pos"].to_numpy(), starts)]
    else:
        labels = components_on_cluster([dask.delayed(exact), *verified], starts)
    meta = fingerprints._meta.assign(component=np.int64(0))
    return dd.from_delayed([dask.delayed(_in_components)(part, label) for part, label in zip(parts, labels)],
                           meta=meta, verify_meta=False)


def _decisions(fingerprints: dd.DataFrame, members: dd.DataFrame | None, decide: _Decided, meta: pd.DataFrame,
               shuffled: int, gather: bool) -> tuple[list[Any], dd.DataFrame]:
    """Step 5: the components of ``members`` decided by the core where their fingerprints are
    shuffled to: the decisions (delayed frames of ``pos`` and the cluster columns, kept on the
    cluster) and the pairs sorted by ids, with the dtypes of ``meta`` (``gather``: in one
    partition, sorted here; else sorted on the cluster, numbered across partitions)."""
    if members is None:
        return [], dd.from_pandas(meta, npartitions=1)
    grouped = members.shuffle(on="component", npartitions=shuffled).to_delayed()
    (results,) = dask.persist([dask.delayed(decide, nout=2)(part) for part in grouped])
    decided = [clusters for clusters, _ in results]
    dtypes = meta.dtypes.to_dict()
    pieces = [dask.delayed(pd.DataFrame.astype)(pairs, dtypes) for _, pairs in results]
    if not gather:
        return decided, _sorted_pairs(pieces, meta)
    (pairs,) = dask.compute(pieces)
    pairs = pd.concat(pairs, ignore_index=True).sort_values(["doc_a", "doc_b"], kind="stable")
    return decided, dd.from_pandas(pairs.reset_index(drop=True), npartitions=1)


def _sorted_pairs(pieces: list[Any], meta: pd.DataFrame) -> dd.DataFrame:
    """The pairs sorted by ids on the cluster (each pair once: no ties), with the row numbers of
    the whole table as index."""
    frame = dd.from_delayed(pieces, meta=meta, verify_meta=False).sort_values(["doc_a", "doc_b"])
    (parts,) = dask.persist(frame.to_delayed())
    (sizes,) = dask.compute([dask.delayed(len)(part) for part in parts])
    starts = np.r_[0, np.cumsum(sizes)]
    numbered = [dask.delayed(_renumbered)(part, int(start)) for part, start in zip(parts, starts)]
    return dd.from_delayed(numbered, meta=meta, verify_meta=False)


def _renumbered(part: pd.DataFrame, start: int) -> pd.DataFrame:
    return part.set_axis(pd.RangeIndex(start, start + len(part)))


def _in_components(fingerprints: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """The documents of one partition that are in a component (``labels``: their ``pos``,
    sorted, and ``component``), with its name."""
    rows = fingerprints["pos"].searchsorted(labels["pos"].to_numpy())
    return fingerprints.iloc[rows].assign(component=labels["component"].to_numpy(dtype=np.int64))


def _by_position(decided: pd.DataFrame, starts: np.ndarray) -> tuple[pd.DataFrame, ...]:
    """The decisions of a partition of components split by the partition of fingerprints holding
    their documents."""
    return _by_partition(decided, decided["pos"].to_numpy(), starts)
