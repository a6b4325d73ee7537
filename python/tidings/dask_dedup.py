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
2. **Candidates**: each document's *sampled* shingles (the core's sampling) are shuffled by
   shingle; documents sharing one become candidate pairs (one document per text: exact copies
   share every shingle). The pairs are shuffled by pair and their shared sampled shingles counted;
   a pair is kept when the core's rule would compare it (enough shared samples for its lengths).
3. **Verification**: each kept pair is joined with both documents' shingles (two shuffles by
   position) and compared exactly, as the core compares: near copy or contained copy, or dropped.
4. **Components**: the verified pairs and the exact copies (documents shuffled by exact hash)
   are gathered as an edge list of positions (16 bytes an edge: no texts, no shingles) and
   labelled in this process by min-label propagation with pointer jumping; a component is named
   after its smallest position. Documents in no edge are alone: unique (or empty).
5. **Decisions**: the fingerprints of the documents in components are shuffled by component, and
   each partition of components is decided by the core (:func:`tidings.dedup._decide`, the
   single-machine code) with the documents' ids and ``keep`` keys. The decisions (a row per
   duplicated document) come back to this process and are joined to every partition.

Memory: a worker holds its partitions' fingerprints and, in each shuffle, its share of the
postings or pairs (Dask's shuffle spills to disk). This process holds the edge list and the
decisions of the duplicated documents only: about 100 bytes per duplicated document, so a
corpus of ten million articles with a tenth duplicated needs about 100 MB here. A common phrase
sampled in k documents makes k(k-1)/2 candidate pairs in one shuffle partition, as it makes k
postings to count in the single-machine index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd

from . import _core
from .dedup import CLUSTER_COLUMNS, KINDS, _as_id_array, _decide, _lengths, _stamps
from .errors import InputError

__all__ = ["distributed_dedup"]

_INDEX_OPTIONS = ("threshold", "containment", "ngram", "sample")
#: Positions fit in 31 bits (the core's limit on documents), so a pair is one 62-bit key.
_PAIR_SHIFT = 31


def _fingerprints(options: dict[str, Any]) -> _core.DedupFingerprints:
    return _core.DedupFingerprints(**{name: options[name] for name in _INDEX_OPTIONS})


@dataclass(frozen=True)
class _Fingerprint:
    """Step 1 for one partition: a row per document, indexed as the input, with its position
    ``pos``, id, ``keep`` key, exact hash, shingle count, sampled-shingle count and shingles."""

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
            "sampled": np.frombuffer(columns["sampled"], dtype="<u4").astype(np.int64),
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


def _postings(fingerprints: pd.DataFrame) -> pd.DataFrame:
    """Step 2's rows: one per sampled shingle of each document (the head of its shingles)."""
    counts = fingerprints["sampled"].to_numpy()
    shingles = [np.frombuffer(blob, dtype="<u4", count=k) for blob, k in zip(fingerprints["shingles"], counts)]
    return pd.DataFrame({
        "shingle": np.concatenate(shingles).astype(np.int64) if shingles else np.zeros(0, dtype=np.int64),
        "pos": np.repeat(fingerprints["pos"].to_numpy(), counts),
        "exact": np.repeat(fingerprints["exact"].to_numpy(), counts),
        "count": np.repeat(fingerprints["count"].to_numpy(), counts),
    })


def _candidate_pairs(postings: pd.DataFrame) -> pd.DataFrame:
    """The pairs of documents sharing each shingle of a shuffle partition (``a`` < ``b``, one
    document per text), counted: ``pair`` key, ``samples`` shared here, both shingle counts."""
    rows = postings.sort_values(["shingle", "exact", "pos"]).drop_duplicates(["shingle", "exact"])
    rows = rows.sort_values(["shingle", "pos"])
    shingle = rows["shingle"].to_numpy()
    starts = np.flatnonzero(np.r_[True, shingle[1:] != shingle[:-1]]) if len(rows) else np.zeros(0, dtype=np.int64)
    sizes = np.diff(np.r_[starts, len(rows)])
    pos, count = rows["pos"].to_numpy(), rows["count"].to_numpy()
    parts = []
    for size in np.unique(sizes[sizes >= 2]):
        # Every group of this size at once: its members as a matrix, its pairs by the upper triangle.
        members = starts[sizes == size][:, None] + np.arange(size)
        i, j = np.triu_indices(size, 1)
        parts.append((members[:, i].ravel(), members[:, j].ravel()))
    left = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    right = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    pairs = pd.DataFrame({"pair": (pos[left] << _PAIR_SHIFT) | pos[right], "samples": np.ones(len(left), np.int64),
                          "count_a": count[left], "count_b": count[right]})
    return _summed(pairs)


def _summed(pairs: pd.DataFrame) -> pd.DataFrame:
    """Rows of one pair summed into one."""
    grouped = pairs.groupby("pair", sort=True)
    return pd.DataFrame({"samples": grouped["samples"].sum(), "count_a": grouped["count_a"].first(),
                         "count_b": grouped["count_b"].first()}).reset_index()


@dataclass(frozen=True)
class _Compared:
    """Step 2's end: each pair's samples summed over the corpus, the pairs the core's rule would
    compare kept, as positions ``a`` < ``b``."""

    options: dict[str, Any]

    def __call__(self, pairs: pd.DataFrame) -> pd.DataFrame:
        pairs = _summed(pairs)
        keep = _fingerprints(self.options).compared(pairs["samples"].tolist(), pairs["count_a"].tolist(),
                                                    pairs["count_b"].tolist())
        kept = pairs["pair"].to_numpy()[np.asarray(keep, dtype=bool)]
        return pd.DataFrame({"a": kept >> _PAIR_SHIFT, "b": kept & ((1 << _PAIR_SHIFT) - 1)})


@dataclass(frozen=True)
class _Verified:
    """Step 3 for one partition of pairs joined with both documents' shingles: the copies."""

    options: dict[str, Any]

    def __call__(self, pairs: pd.DataFrame) -> pd.DataFrame:
        n = len(pairs)
        fingerprints = _fingerprints(self.options)
        blobs = pairs["shingles_a"].tolist() + pairs["shingles_b"].tolist()
        lengths = np.array([len(b) // 4 for b in blobs], dtype=np.uint64)
        offsets = np.r_[np.uint64(0), np.cumsum(lengths, dtype=np.uint64)].astype("<u8")
        fingerprints.add_columns(np.zeros(2 * n, dtype="<u8").tobytes(), offsets.tobytes(), b"".join(blobs))
        found = fingerprints.compare(list(range(n)), list(range(n, 2 * n)))
        copies = ~np.isnan(np.asarray(found["jaccard"], dtype=np.float64))
        return pairs.loc[copies, ["a", "b"]].reset_index(drop=True)


def _exact_copies(fingerprints: pd.DataFrame) -> pd.DataFrame:
    """Edges from the first document (by position) of each text with words to its other copies,
    in one partition of documents shuffled by exact hash."""
    rows = fingerprints.sort_values(["exact", "pos"])
    first = rows.groupby("exact", sort=False)["pos"].transform("min")
    copies = rows["pos"] != first
    return pd.DataFrame({"a": first[copies].to_numpy(), "b": rows["pos"][copies].to_numpy()})


def _components(a: np.ndarray, b: np.ndarray) -> pd.Series:
    """Each position in an edge, mapped to the smallest position of its connected component
    (min-label propagation with pointer jumping)."""
    nodes, inverse = np.unique(np.concatenate([a, b]).astype(np.int64), return_inverse=True)
    ea, eb = inverse[: len(a)], inverse[len(a):]
    label = np.arange(len(nodes))
    while True:
        low = np.minimum(label[ea], label[eb])
        new = label.copy()
        np.minimum.at(new, ea, low)
        np.minimum.at(new, eb, low)
        new = new[new]
        if np.array_equal(new, label):
            return pd.Series(nodes[label], index=nodes)
        label = new


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


def _alone(fingerprints: pd.DataFrame, decided: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """The document ids (``doc``) and cluster columns of one partition: the decisions of its
    duplicated documents, and every other document alone (``unique``, or ``empty`` without words)."""
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
    if len(decided):
        rows = fingerprints["pos"].searchsorted(decided["pos"].to_numpy())
        for column in CLUSTER_COLUMNS:
            frame.iloc[rows, frame.columns.get_loc(column)] = decided[column].to_numpy()
    return frame


def distributed_dedup(ddf: dd.DataFrame, *, text: str, id: str | None, date: str | None, options: dict[str, Any],
                      cluster_meta: pd.DataFrame, threads: int) -> tuple[dd.DataFrame, pd.DataFrame]:
    """The document id (``doc``: column ``id``, else the position) and cluster columns of every
    row of ``ddf`` (its index, its partitions), and the pairs table (a pandas frame: the verified
    pairs only), by the steps of the module docs; ``options`` are the resolved dedup options,
    ``cluster_meta`` the empty result with its dtypes; each task's Rust code runs on ``threads``."""
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

    postings = fingerprints.map_partitions(_postings, meta=_postings(meta))
    candidates = postings.shuffle(on="shingle", npartitions=shuffled).map_partitions(
        _candidate_pairs, meta=_candidate_pairs(_postings(meta)))
    compared = candidates.shuffle(on="pair", npartitions=shuffled).map_partitions(
        _Compared(options), meta=pd.DataFrame({"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64)}))
    shingles = fingerprints[["pos", "shingles"]]
    joined = compared.merge(shingles.rename(columns={"pos": "a", "shingles": "shingles_a"}), on="a", how="inner")
    joined = joined.merge(shingles.rename(columns={"pos": "b", "shingles": "shingles_b"}), on="b", how="inner")
    verified = joined.map_partitions(_Verified(options), meta=compared._meta)
    with_words = fingerprints[fingerprints["count"] > 0][["pos", "exact"]]
    exact = with_words.shuffle(on="exact", npartitions=shuffled).map_partitions(_exact_copies, meta=compared._meta)
    edges_verified, edges_exact = dask.compute(verified, exact)
    edges = pd.concat([edges_verified, edges_exact], ignore_index=True)

    decided_meta, pairs_meta = _decided_meta(meta, options)
    if len(edges):
        component = _components(edges["a"].to_numpy(), edges["b"].to_numpy())
        members = fingerprints.map_partitions(_in_components, component, meta=meta.assign(component=np.int64(0)))
        grouped = members.shuffle(on="component", npartitions=shuffled).to_delayed()
        (results,) = dask.compute([dask.delayed(_Decided(options, threads))(part) for part in grouped])
        decided = pd.concat([r[0] for r in results], ignore_index=True).sort_values("pos")
        pairs = pd.concat([r[1] for r in results], ignore_index=True)
    else:
        decided, pairs = decided_meta, pairs_meta
    pairs = pairs.sort_values(["doc_a", "doc_b"], kind="stable").reset_index(drop=True)
    pieces = [decided[(decided["pos"] >= lo) & (decided["pos"] < hi)] for lo, hi in zip(starts[:-1], starts[1:])]
    result = [dask.delayed(_alone)(part, piece, cluster_meta) for part, piece in zip(parts, pieces)]
    return dd.from_delayed(result, meta=cluster_meta, verify_meta=False), pairs


def _in_components(fingerprints: pd.DataFrame, component: pd.Series) -> pd.DataFrame:
    """The documents of one partition that are in a component, with its name."""
    inside = fingerprints[fingerprints["pos"].isin(component.index)]
    return inside.assign(component=component.reindex(inside["pos"]).to_numpy(dtype=np.int64))


def _decided_meta(meta: pd.DataFrame, options: dict[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Empty decisions and pairs with their dtypes."""
    clusters, pairs = _Decided(options, 1)(meta)
    return clusters, pairs
