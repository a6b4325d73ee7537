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
   Shingles are ordered rare first, by how many documents of a sample (positions divisible by a
   stride, at most 20,000 documents) hold them, so a document's prefix skips the phrases common
   to many (page chrome, set phrases) and each prefix shingle meets few documents. Every shingle
   of every document is shuffled by shingle (one document per text: exact copies share every
   shingle); each document with a shingle in its prefix meets every document as long holding
   it in its own prefix for the pair (the two prefixes share a shingle, as in PPJoin), and the
   pairs are shuffled by pair to keep each once.
3. **Verification**: each candidate pair is joined with both documents' shingles (two shuffles
   by position) and kept when the core's index would pair it: enough shared *sampled* shingles
   to be compared (the core's rule, counted from the two sets), then a near or contained copy.
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
corpus of ten million articles with a tenth duplicated needs about 100 MB here, plus the sample's
shingle counts (under 100 MB). The shuffle by shingle carries every shingle of every document
(about 30 bytes each: 10 KB a news article); the candidates it makes grow with the documents
that share rare phrases, not with the common ones.
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
#: Documents (at most) whose shingles are counted to order shingles from rare to common.
_SAMPLED_DOCUMENTS = 20_000
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
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    shingles = np.frombuffer(b"".join(fingerprints["shingles"].tolist()), dtype="<u4").astype(np.int64)
    return shingles, np.repeat(np.arange(len(counts)), counts)


def _sampled_counts(fingerprints: pd.DataFrame, stride: int) -> pd.Series:
    """How many of the documents at positions divisible by ``stride`` hold each shingle."""
    shingles, _ = _shingles(fingerprints[fingerprints["pos"] % stride == 0])
    return pd.Series(shingles).value_counts()


@dataclass(frozen=True)
class _Probes:
    """Step 2's rows for one partition: every shingle of every document with words (``probe``),
    marked ``prefix`` when it is among the document's rarest ``count - need + 1`` shingles, where
    ``need`` is the fewest shingles it shares with a copy at least as long (the order: fewest
    holders in the sample of ``common``, then hash)."""

    options: dict[str, Any]

    def __call__(self, fingerprints: pd.DataFrame, common: pd.Series) -> pd.DataFrame:
        fingerprints = fingerprints[fingerprints["count"] > 0]
        shingles, rows = _shingles(fingerprints)
        counts = fingerprints["count"].to_numpy()
        rarity = common.reindex(shingles, fill_value=0).to_numpy()
        order = np.lexsort((shingles, rarity, rows))
        rank = np.empty(len(shingles), dtype=np.int64)
        rank[order] = np.arange(len(shingles)) - np.repeat(np.r_[0, np.cumsum(counts)][:-1], counts)
        need = np.asarray(_fingerprints(self.options).fewest_shared(counts.tolist(), counts.tolist()), dtype=np.int64)
        return pd.DataFrame({
            "shingle": shingles,
            "pos": fingerprints["pos"].to_numpy()[rows],
            "exact": fingerprints["exact"].to_numpy()[rows],
            "count": counts[rows],
            "rank": rank,
            "prefix": rank < (counts - need + 1)[rows],
        })


@dataclass(frozen=True)
class _CandidatePairs:
    """The candidate pairs of a shuffle partition of probes, as ``pair`` keys (``a`` < ``b``,
    once each): every document holding a shingle in its prefix with every document as long
    holding the shingle in its own prefix for the pair (its first ``count - need + 1`` shingles,
    ``need`` the fewest shingles the two share as copies), one document per text (exact copies
    share every shingle)."""

    options: dict[str, Any]

    def __call__(self, probes: pd.DataFrame) -> pd.DataFrame:
        return _candidate_pairs(probes, self.options)


def _candidate_pairs(probes: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    """See :class:`_CandidatePairs`."""
    rows = probes.sort_values(["shingle", "exact", "pos"]).drop_duplicates(["shingle", "exact"])
    shingle = rows["shingle"].to_numpy()
    if not len(rows):
        return pd.DataFrame({"pair": np.zeros(0, dtype=np.int64)})
    starts = np.flatnonzero(np.r_[True, shingle[1:] != shingle[:-1]])
    sizes = np.diff(np.r_[starts, len(rows)])
    group = np.repeat(np.arange(len(starts)), sizes)
    indexers = np.flatnonzero(rows["prefix"].to_numpy() & (sizes[group] > 1))
    # Each indexer against every row of its shingle's group.
    repeat = sizes[group[indexers]]
    left = np.repeat(indexers, repeat)
    right = np.repeat(starts[group[indexers]] - np.r_[0, np.cumsum(repeat)][:-1], repeat) + np.arange(repeat.sum())
    pos, count, rank = rows["pos"].to_numpy(), rows["count"].to_numpy(), rows["rank"].to_numpy()
    keep = (left != right) & (count[left] <= count[right])
    left, right = left[keep], right[keep]
    need = np.asarray(_fingerprints(options).fewest_shared(count[right].tolist(), count[left].tolist()), dtype=np.int64)
    keep = rank[right] < count[right] - need + 1
    a, b = pos[left[keep]], pos[right[keep]]
    pairs = (np.minimum(a, b) << _PAIR_SHIFT) | np.maximum(a, b)
    return pd.DataFrame({"pair": np.unique(pairs)})


def _unpaired(keys: pd.DataFrame) -> pd.DataFrame:
    """Pair keys, once each, as positions ``a`` < ``b``."""
    pairs = np.unique(keys["pair"].to_numpy())
    return pd.DataFrame({"a": pairs >> _PAIR_SHIFT, "b": pairs & ((1 << _PAIR_SHIFT) - 1)})


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
        found = fingerprints.paired(list(range(n)), list(range(n, 2 * n)))
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
    stride = max(1, int(starts[-1]) // _SAMPLED_DOCUMENTS)
    (common,) = dask.compute([dask.delayed(_sampled_counts)(part, stride) for part in parts])
    common = pd.concat(common).groupby(level=0).sum() if common else pd.Series(dtype=np.int64)
    verified = _verified_pairs(fingerprints, common[common > 1], options, shuffled)
    with_words = fingerprints[fingerprints["count"] > 0][["pos", "exact"]]
    exact = with_words.shuffle(on="exact", npartitions=shuffled).map_partitions(_exact_copies, meta=verified._meta)
    edges = pd.concat(dask.compute(verified, exact), ignore_index=True)
    decided, pairs = _decisions(fingerprints, edges, options, threads, shuffled)
    pieces = [decided[(decided["pos"] >= lo) & (decided["pos"] < hi)] for lo, hi in zip(starts[:-1], starts[1:])]
    result = [dask.delayed(_alone)(part, piece, cluster_meta) for part, piece in zip(parts, pieces)]
    return dd.from_delayed(result, meta=cluster_meta, verify_meta=False), pairs


def _verified_pairs(fingerprints: dd.DataFrame, common: pd.Series, options: dict[str, Any],
                    shuffled: int) -> dd.DataFrame:
    """Steps 2 and 3: the pairs the core's index would pair (``a`` < ``b``, positions), from
    candidates found by prefix filtering with shingles ordered by ``common``, their sample counts."""
    probes = _Probes(options)
    meta = fingerprints._meta
    candidates = fingerprints.map_partitions(probes, dask.delayed(common), meta=probes(meta, common.iloc[:0]))
    candidates = candidates.shuffle(on="shingle", npartitions=shuffled).map_partitions(
        _CandidatePairs(options), meta=pd.DataFrame({"pair": np.zeros(0, dtype=np.int64)}))
    compared = candidates.shuffle(on="pair", npartitions=shuffled).map_partitions(
        _unpaired, meta=pd.DataFrame({"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64)}))
    shingles = fingerprints[["pos", "shingles"]]
    joined = compared.merge(shingles.rename(columns={"pos": "a", "shingles": "shingles_a"}), on="a", how="inner")
    joined = joined.merge(shingles.rename(columns={"pos": "b", "shingles": "shingles_b"}), on="b", how="inner")
    return joined.map_partitions(_Verified(options), meta=compared._meta)


def _decisions(fingerprints: dd.DataFrame, edges: pd.DataFrame, options: dict[str, Any], threads: int,
               shuffled: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Steps 4 and 5: the components of ``edges`` (positions) decided by the core where their
    fingerprints are shuffled to; the decisions (``pos`` and the cluster columns, by position)
    and the pairs (sorted), gathered."""
    decide = _Decided(options, threads)
    if not len(edges):
        decided, pairs = decide(fingerprints._meta)
    else:
        component = _components(edges["a"].to_numpy(), edges["b"].to_numpy())
        members = fingerprints.map_partitions(_in_components, component,
                                              meta=fingerprints._meta.assign(component=np.int64(0)))
        grouped = members.shuffle(on="component", npartitions=shuffled).to_delayed()
        (results,) = dask.compute([dask.delayed(decide)(part) for part in grouped])
        decided = pd.concat([r[0] for r in results], ignore_index=True).sort_values("pos")
        pairs = pd.concat([r[1] for r in results], ignore_index=True)
    return decided, pairs.sort_values(["doc_a", "doc_b"], kind="stable").reset_index(drop=True)


def _in_components(fingerprints: pd.DataFrame, component: pd.Series) -> pd.DataFrame:
    """The documents of one partition that are in a component, with its name."""
    inside = fingerprints[fingerprints["pos"].isin(component.index)]
    return inside.assign(component=component.reindex(inside["pos"]).to_numpy(dtype=np.int64))
