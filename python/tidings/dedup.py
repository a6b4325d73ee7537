"""Exact, near-duplicate, contained and reprinted articles, as clusters analysts can trust.

How it works (the Rust core, ``src/dedup``):

1. Each text is normalised: Unicode NFC, every run of whitespace collapsed to one space, ends
   trimmed. Two documents with the same normalised text are **exact** copies (so files that
   differ only in spaces or line breaks are exact). Case is kept in this test.
2. The lower-cased word ``ngram``-shingles of the normalised text are hashed (32 bits; two
   different shingles collide with probability 2**-32), and each document keeps its sorted set
   of distinct shingle hashes. Similarities are computed **exactly** on these sets: Jaccard
   ``|A & B| / |A | B|`` and containment of the smaller set in the larger
   ``|A & B| / min(|A|, |B|)``.
3. Documents are decided one after the other in a fixed order (below). An exact copy joins the
   first document with its text. Any other document is compared with every earlier document
   that shares a *sampled* shingle with it (a shingle whose hash is a multiple of ``sample``:
   the same shingles are sampled in every document, so two documents sharing k shingles are
   compared with probability ``1 - (1 - 1/sample)**k``, whatever their lengths: 0.9999 for
   k = 32 with the default 4). It joins the best *representative* it is a copy of: a **near**
   copy (Jaccard ≥ ``threshold``) before a **contained** copy (containment ≥ ``containment``),
   then the highest similarity, then the earliest. Otherwise it becomes a representative.
4. A document joins a representative, never another member, so clusters do not chain: every
   member is itself a near, contained or exact copy of its representative, and ``similarity`` is
   its similarity to the representative (never under the threshold it joined by).

The order: with ``ids``, by id (``keep='first'``), longest text first (``'longest'``) or
earliest date first (``'earliest'``), ties by id; without ``ids``, by the same keys, ties (and
everything, for ``'first'``) by the hash of the normalised text. So with ``ids`` the clusters,
representatives and pairs are the same whatever the input order, thread count or batch split;
without ``ids`` the partition is (cluster ids are then input positions, so they follow the input).

Documents with no words at all (missing values, empty strings, punctuation only) get kind
``'empty'``: they keep their row, form their own cluster and never join another document.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._ids import DocumentIds
from ._input import TextColumn, as_text_column
from ._progress import progress_bar
from ._results import frame, label_lists
from .errors import InputError
from .store import write_bytes_atomically

__all__ = ["dedup", "dedup_documents", "with_clusters", "CorpusDedup", "DedupIndex", "repeated_paragraphs", "KINDS",
           "CLUSTER_COLUMNS"]

#: The values of the ``kind`` column, in category order (the core's order of kind codes).
KINDS: tuple[str, ...] = tuple(_core.DEDUP_KINDS)
#: The dtype of the ``kind`` column, built (and its categories checked) once.
_KIND_DTYPE = pd.CategoricalDtype(list(KINDS))
#: The columns :func:`dedup` gives each document, in order.
CLUSTER_COLUMNS = ("cluster", "cluster_size", "kind", "is_representative", "similarity", "representative")

# The options are defined and checked in the Rust core (``src/dedup/options.rs``); the defaults
# here are read from it.
_DEFAULTS: dict[str, Any] = _core.resolve_options("dedup")
_INDEX_OPTIONS = tuple(spec["name"] for spec in _core.option_specs("dedup_index"))
_PARAGRAPH_DEFAULTS: dict[str, Any] = _core.resolve_options("repeated_paragraphs")


def _kind_column(codes: bytes) -> pd.Categorical:
    """The core returns one byte per document: the position of its kind in ``KINDS``."""
    return pd.Categorical.from_codes(np.frombuffer(codes, dtype=np.uint8).astype(np.int8), dtype=_KIND_DTYPE)


def _cleaned(values: list[Any], workers: int | None, progress: bool) -> list[Any]:
    """Cleaned texts; a document the cleaner empties entirely keeps its raw text (a short wire
    item read as chrome must not become an 'empty' document that can never match)."""
    from . import clean_many  # type: ignore[attr-defined]  # provided by the cleaner

    cleaned = clean_many(values, workers=workers, progress=progress)
    return [c.text if (c.text or "").strip() else v for v, c in zip(values, cleaned)]


def _order(ids: Any, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions sorted by id and the ids as an array."""
    values = np.asarray(list(ids), dtype=object)
    if len(values) != n:
        raise InputError(f"ids has {len(values)} values for {n} documents")
    if pd.isna(values).any() if n else False:
        raise InputError("ids must not contain missing values")
    if len(set(values.tolist())) != n:
        raise InputError("ids must be unique")
    try:
        order = np.array(sorted(range(n), key=lambda i: values[i]), dtype=np.int64)
    except TypeError as err:
        raise InputError(f"ids must be mutually sortable (all numbers or all strings): {err}") from None
    return order, values


def _lengths(values: list[Any]) -> np.ndarray:
    return np.array([len(v) if isinstance(v, str) else 0 for v in values], dtype=np.int64)


def _stamps(dates: Any, n: int) -> np.ndarray:
    """Publication dates as ``datetime64[ns]``; NaT where missing or unreadable."""
    dtype = getattr(dates, "dtype", None)
    if isinstance(dates, pd.Series) and (isinstance(dtype, pd.DatetimeTZDtype)
                                         or isinstance(dtype, np.dtype) and dtype.kind == "M"):
        # Already timestamps: read as UTC as the general path reads them, without a Python
        # object per date.
        stamps = pd.to_datetime(dates, utc=True).reset_index(drop=True)
    else:
        stamps = pd.to_datetime(pd.Series(list(dates), dtype=object), errors="coerce", utc=True, format="mixed")
    if len(stamps) != n:
        raise InputError(f"dates has {len(stamps)} values for {n} documents")
    return stamps.to_numpy(dtype="datetime64[ns]", na_value=np.datetime64("NaT"))


def _decision_ranks(keep: str, lengths: np.ndarray | None, stamps: np.ndarray | None,
                    id_rank: np.ndarray | None) -> list[int] | None:
    """The rank of each document in the decision order (smaller first; the core breaks ties by
    the text): longest or earliest first (undated documents last) for ``keep``, then by id.
    ``None`` for ``keep='first'`` without ids: the order of the texts alone."""
    keys: list[np.ndarray] = []
    if keep == "longest":
        assert lengths is not None
        keys.append(-lengths)
    elif keep == "earliest":
        assert stamps is not None
        undated = np.isnat(stamps)
        keys.append(np.where(undated, np.iinfo(np.int64).max, stamps.astype(np.int64)))
    if id_rank is not None:
        keys.append(id_rank)
    if not keys:
        return None
    # Dense ranks of the keys in order: equal keys (possible without ids) share a rank.
    table = np.stack(keys, axis=1)
    _, ranks = np.unique(table, axis=0, return_inverse=True)
    return ranks.reshape(-1).astype(np.int64).tolist()


def _decide(fingerprints: _core.DedupFingerprints | _core.DedupSpill, *, ids: Any, keep: str, lengths: np.ndarray | None,
            stamps: np.ndarray | None, all_pairs: bool, workers: int | None
            ) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Decide the gathered documents and name the result: the cluster columns by position (a
    cluster is named after its member with the smallest id, or position without ``ids``) and,
    with ``all_pairs``, the pairs (``doc_a`` < ``doc_b``, sorted)."""
    n = len(fingerprints)
    positions = np.arange(n, dtype=np.int64)
    if ids is None:
        id_rank, names = None, positions
        name_rank = positions
    else:
        order, values = _order(ids, n)
        id_rank = np.empty(n, dtype=np.int64)
        id_rank[order] = positions
        names = _as_id_array(values)
        name_rank = id_rank
    data = fingerprints.decide(_decision_ranks(keep, lengths, stamps, id_rank), all_pairs=all_pairs, workers=workers)
    representative = np.asarray(data["representative"], dtype=np.int64)
    smallest = np.full(n, n, dtype=np.int64)
    np.minimum.at(smallest, representative, name_rank)
    by_rank = positions if ids is None else order
    clusters = frame(
        {
            "cluster": names[by_rank[smallest[representative]]] if n else names[:0],
            "cluster_size": np.asarray(data["cluster_size"], dtype=np.int64),
            "kind": _kind_column(data["kind"]),
            "is_representative": representative == positions,
            "similarity": np.asarray(data["similarity"], dtype=np.float64),
            "representative": names[representative] if n else names[:0],
        },
        index=pd.RangeIndex(n),
    )
    if not all_pairs:
        return clusters, None
    pairs = data["pairs"]
    a = np.asarray(pairs["doc_a"], dtype=np.int64)
    b = np.asarray(pairs["doc_b"], dtype=np.int64)
    low = np.where(name_rank[a] <= name_rank[b], a, b)
    high = np.where(name_rank[a] <= name_rank[b], b, a)
    sort = np.lexsort((name_rank[high], name_rank[low]))
    return clusters, pd.DataFrame({
        "doc_a": names[low[sort]],
        "doc_b": names[high[sort]],
        "jaccard": np.asarray(pairs["jaccard"], dtype=np.float64)[sort],
        "containment": np.asarray(pairs["containment"], dtype=np.float64)[sort],
    })


class DedupIndex:
    """A dedup index that grows batch by batch and saves to disk.

    Documents are decided in the order they are added (see :mod:`tidings.dedup`): each new
    document is compared with every earlier one and joins the best earlier representative it is
    a copy of, or becomes a representative. Documents get consecutive ids across batches (the
    first batch ``0 .. n-1``, the next ``n ..``). A document's cluster never changes once added,
    and any split of the same documents into batches gives the same clusters and pairs as one
    batch; the cost of :meth:`add` is in proportion to the batch, not to the index. A cluster's
    id is its representative's id, which is its earliest document.

    Parameters
    ----------
    threshold : float, default 0.8
        Jaccard similarity of the shingle sets at which a document is a near copy.
    containment : float or None, default 0.6
        Share of the shorter document's shingles found in the longer one at which a document is
        a contained copy, whatever the lengths; ``None`` turns it off.
    ngram : int, default 5
        Words per shingle (1 to 32).
    sample : int, default 4
        One shingle in ``sample`` (by hash) indexes a document (1 to 64; see :mod:`tidings.dedup`).
    all_pairs : bool, default True
        Index every new text, so that :meth:`pairs` holds every verified pair (members with
        members too). ``False`` indexes representatives only: the same clusters, less memory and
        work when many copies of one text arrive, and :meth:`pairs` holds the pairs with
        representatives only.

    Examples
    --------
    >>> index = tidings.DedupIndex()
    >>> index.add(["a story about rates " * 5, "something else entirely"]).cluster.tolist()
    [0, 1]
    >>> index.add(["A story about rates " * 5]).cluster.tolist()
    [0]
    """

    def __init__(self, *, threshold: float = _DEFAULTS["threshold"], containment: float | None = _DEFAULTS["containment"],
                 ngram: int = _DEFAULTS["ngram"], sample: int = _DEFAULTS["sample"], all_pairs: bool = True) -> None:
        if not isinstance(all_pairs, (bool, np.bool_)):
            raise InputError(f"all_pairs must be True or False, got {all_pairs!r}")
        self._core = _core.DedupIndex(threshold=threshold, containment=containment, ngram=ngram, sample=sample,
                                      all_pairs=bool(all_pairs))

    @classmethod
    def _wrap(cls, core: _core.DedupIndex) -> DedupIndex:
        index = cls.__new__(cls)
        index._core = core
        return index

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        return (f"DedupIndex(documents={len(self)}, threshold={self.threshold}, containment={self.containment}, "
                f"ngram={self.ngram}, sample={self.sample}, all_pairs={self.all_pairs})")

    threshold = property(lambda self: self._core.threshold, doc="Jaccard threshold.")
    containment = property(lambda self: self._core.containment, doc="Containment threshold or None.")
    ngram = property(lambda self: self._core.ngram, doc="Words per shingle.")
    sample = property(lambda self: self._core.sample, doc="One shingle in ``sample`` indexes a document.")
    all_pairs = property(lambda self: self._core.all_pairs, doc="Whether every new text is indexed.")

    def memory_bytes(self) -> int:
        """Bytes the index holds in memory (shingle sets, postings, decisions, pairs)."""
        return int(self._core.memory_bytes())

    def add(self, texts: Any, *, clean: bool = False, workers: int | None = None, progress: bool = True) -> pd.DataFrame:
        """Add a batch, decide it against everything added so far, and return its assignments.

        Returns
        -------
        pandas.DataFrame
            One row per batch row, with the batch's index: ``doc`` (int64, the id given to the
            document) and the columns of :func:`tidings.dedup`. A document keeps its cluster
            forever; later batches can only add members to it (``cluster_size`` and a lone
            representative's ``kind`` then change; :meth:`clusters` has the latest state).
        """
        column = as_text_column(texts)
        values = _cleaned(column.values, workers, progress) if clean else column.values
        with progress_bar(len(values), desc="dedup", enabled=progress) as counter:
            start = self._core.add(values, workers=workers, progress=counter)
        frame = _index_frame(self._core.clusters(start, start + len(column)), start).reset_index()
        frame.index = column.index.copy()
        return frame

    def clusters(self) -> pd.DataFrame:
        """Assignments of every document, indexed by document id (``doc``)."""
        return _index_frame(self._core.clusters(), 0)

    def pairs(self) -> pd.DataFrame:
        """The verified pairs (``doc_a < doc_b``, sorted), with exact ``jaccard`` and ``containment``.

        An exact copy is paired with the first document that has its text only (1.0, 1.0).
        """
        data = self._core.pairs()
        a = np.asarray(data["doc_a"], dtype=np.int64)
        b = np.asarray(data["doc_b"], dtype=np.int64)
        sort = np.lexsort((b, a))
        return pd.DataFrame({
            "doc_a": a[sort],
            "doc_b": b[sort],
            "jaccard": np.asarray(data["jaccard"], dtype=np.float64)[sort],
            "containment": np.asarray(data["containment"], dtype=np.float64)[sort],
        })

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path`` (a versioned binary file)."""
        write_bytes_atomically(path, self._core.to_bytes(), what="dedup index")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> DedupIndex:
        """Read an index written by :meth:`save`; raises ``ModelError`` for any other file,
        including an index saved by an older tidings (rebuild it from the texts), reading no
        further than its header when that is not an index's; ``TidingsIOError`` when the file
        cannot be read."""
        return cls._wrap(_core.DedupIndex.load(path))


def _index_frame(data: dict[str, Any], start: int) -> pd.DataFrame:
    """The cluster columns of index documents ``start ..`` (clusters named by representatives)."""
    representative = np.asarray(data["representative"], dtype=np.int64)
    docs = np.arange(start, start + len(representative), dtype=np.int64)
    return frame(
        {
            "cluster": representative,
            "cluster_size": np.asarray(data["cluster_size"], dtype=np.int64),
            "kind": _kind_column(data["kind"]),
            "is_representative": representative == docs,
            "similarity": np.asarray(data["similarity"], dtype=np.float64),
            "representative": representative.copy(),
        },
        index=pd.Index(docs, name="doc"),
    )


def dedup(
    texts: Any,
    *,
    threshold: float = _DEFAULTS["threshold"],
    containment: float | None = _DEFAULTS["containment"],
    ngram: int = _DEFAULTS["ngram"],
    sample: int = _DEFAULTS["sample"],
    keep: str = _DEFAULTS["keep"],
    dates: Any = None,
    ids: Sequence[Any] | None = None,
    clean: bool = False,
    return_pairs: bool = False,
    workers: int | None = None,
    progress: bool = True,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Find exact copies, near copies and contained copies (reprints, updates), as clusters.

    See the module docs of :mod:`tidings.dedup` for the method.

    Parameters
    ----------
    texts : list of str, pandas.Series, pyarrow.Array or iterable
        The documents. Missing values and texts without words get kind ``'empty'``.
    threshold : float, default 0.8
        Jaccard similarity (of the word ``ngram``-shingle sets) at which a document is a near
        copy of a representative.
    containment : float or None, default 0.6
        Share of the shorter document's shingles found in the longer one at which a document is
        a contained copy of a representative, whatever their lengths: a reprint with other page
        chrome or a cut tail, an update that adds paragraphs, a brief inside a longer report.
        ``None`` turns this test off.
    ngram : int, default 5
        Words per shingle (1 to 32).
    sample : int, default 4
        One shingle in ``sample`` (chosen by its hash) indexes a document; two documents sharing
        k shingles are compared with probability ``1 - (1 - 1/sample)**k``. 1 compares every
        pair sharing a shingle (slower); 1 to 64.
    keep : {'first', 'longest', 'earliest'}, default 'first'
        The order in which documents are decided, so which document represents a cluster: by
        id (the smallest id; without ``ids``, the order of the texts' hashes); the longest
        text first; or the earliest of ``dates`` first (undated documents last). Ties go to the
        smallest id.
    dates : sequence, optional
        Publication dates aligned with ``texts`` (anything :func:`pandas.to_datetime` reads);
        required for ``keep='earliest'``.
    ids : sequence, optional
        Unique, mutually sortable document ids (numbers or strings) aligned with ``texts``.
        Without them the document id is the row position ``0 .. n-1``. A cluster's id is the
        smallest document id of its members. With ``ids`` the result does not depend on the
        input order; without them the clusters do not either, but their ids are positions.
    clean : bool, default False
        Clean the texts with :func:`tidings.clean_many` first (page chrome, repeated blocks).
        A document the cleaner empties keeps its raw text.
    return_pairs : bool, default False
        Also return the pairs table: every verified pair (members with members too).
    workers : int, optional
        Number of threads; ``None`` or ``-1`` (or more than the cores) uses every core. The result
        does not depend on it.
    progress : bool, default True
        Show a progress bar when the call runs for more than a second.

    Returns
    -------
    pandas.DataFrame
        One row per input row, with the input's index, and the columns

        - ``cluster`` (int64, or the dtype of ``ids``): the smallest document id in the cluster;
        - ``cluster_size`` (int64): documents in the cluster;
        - ``kind`` (category ``unique`` | ``exact`` | ``near`` | ``contained`` | ``empty``): a
          member's relation to its representative: ``exact`` (the same normalised text),
          ``near`` (Jaccard ≥ ``threshold``) or ``contained`` (containment ≥ ``containment``);
          an exact copy of a member takes that member's relation. A representative takes the
          kind of its closest member (exact, then near, then contained), ``unique`` when alone;
        - ``is_representative`` (bool): one per cluster;
        - ``similarity`` (float64): exact similarity to the representative, by which the
          document joined: Jaccard for ``near``, containment for ``contained`` (1.0 for the
          representative and its exact copies, NaN for ``empty``);
        - ``representative`` (same dtype as ``cluster``): the representative's document id.
    pandas.DataFrame, when ``return_pairs``
        ``doc_a``, ``doc_b`` (document ids, ``doc_a < doc_b``, sorted), exact ``jaccard`` and
        ``containment`` of every verified pair: every pair of different texts that share a
        sampled shingle and are copies by the definition above, and each exact copy with the
        first document that has its text.

    Examples
    --------
    >>> story = "The bank raised its main rate by a quarter point on Tuesday. " * 3
    >>> d = tidings.dedup([story, "Other news today.", story.replace(" ", "  "), None])
    >>> d[["cluster", "kind"]].values.tolist()
    [[0, 'exact'], [1, 'unique'], [0, 'exact'], [3, 'empty']]
    """
    options = _core.resolve_options("dedup", {"threshold": threshold, "containment": containment, "ngram": ngram,
                                              "sample": sample, "keep": keep})
    keep = options["keep"]
    if keep == "earliest" and dates is None:
        raise InputError("keep='earliest' needs dates= (publication dates aligned with the texts)")
    column = as_text_column(texts)
    values = _cleaned(column.values, workers, progress) if clean else column.values
    n = len(values)
    if ids is not None:
        _order(ids, n)  # checks the ids before the work
    stamps = _stamps(dates, n) if keep == "earliest" else None
    fingerprints = _core.DedupFingerprints(**{name: options[name] for name in _INDEX_OPTIONS})
    with progress_bar(n, desc="dedup", enabled=progress) as counter:
        fingerprints.add(values, workers=workers, progress=counter)
    frame, pairs = _decide(fingerprints, ids=ids, keep=keep, lengths=_lengths(values) if keep == "longest" else None,
                           stamps=stamps, all_pairs=bool(return_pairs), workers=workers)
    frame.index = column.index.copy()
    if return_pairs:
        return frame, pairs
    return frame


class CorpusDedup:
    """Dedup of a corpus whose documents arrive in chunks, named by their ids.

    Each chunk is fingerprinted as it arrives; :meth:`tables` decides all documents at once in
    the order of :func:`dedup` with ``ids`` (by ``keep``, then id), so the result does not depend
    on where the chunks were cut: a cluster is named after the smallest id among its members and
    each pair lists the smaller id first. Memory holds each document's fingerprint (4 bytes per
    distinct shingle plus 16: about 700 bytes a document on news wires) and id (and length or
    date, for ``keep='longest'`` or ``'earliest'``).

    Parameters
    ----------
    threshold, containment, ngram, sample, keep
        As for :func:`dedup`.
    clean : bool, default False
        Clean each chunk with :func:`tidings.clean_many` first (templates learned per chunk).
    ids : DocumentIds, optional
        The corpus's ids kept by the caller, who adds each chunk's ids before :meth:`add`
        (one list of ids for every step of a run); ``ids=`` of :meth:`add` must then be those.
    spill : bool, default False
        Keep the fingerprints in a temporary file (removed as soon as it is opened, so nothing
        is left behind, even by a killed process), and decide them block by block: memory holds
        a few dozen bytes a document, the pairs, and one block of fingerprints (the same tables).
    """

    def __init__(self, *, threshold: float = _DEFAULTS["threshold"], containment: float | None = _DEFAULTS["containment"],
                 ngram: int = _DEFAULTS["ngram"], sample: int = _DEFAULTS["sample"], keep: str = _DEFAULTS["keep"],
                 clean: bool = False, ids: DocumentIds | None = None, spill: bool = False) -> None:
        options = _core.resolve_options("dedup", {"threshold": threshold, "containment": containment, "ngram": ngram,
                                                  "sample": sample, "keep": keep})
        index_options = {name: options[name] for name in _INDEX_OPTIONS}
        self._fingerprints: _core.DedupFingerprints | _core.DedupSpill = (
            _core.DedupSpill(tempfile.gettempdir(), **index_options) if spill
            else _core.DedupFingerprints(**index_options))
        self._ngram = options["ngram"]
        self._keep = options["keep"]
        self._clean = clean
        self._shared = ids is not None
        self._ids = ids if ids is not None else DocumentIds(unique=False)
        self._added = 0
        self._lengths: list[np.ndarray] = []
        self._stamps: list[np.ndarray] = []

    def add(self, texts: Any, ids: Sequence[Any] | None = None, *, dates: Any = None, workers: int | None = None,
            progress: bool = True) -> None:
        """Add the next chunk: its texts, their ids (default: positions in the corpus) and, for
        ``keep='earliest'``, their publication dates."""
        column = as_text_column(texts)
        chunk_ids, stamps = self._checked(len(column), ids, dates)
        values = _cleaned(column.values, workers, progress) if self._clean else column.values
        with progress_bar(len(column), desc="dedup", enabled=progress) as counter:
            self._fingerprints.add(values, workers=workers, progress=counter)
        self._record(chunk_ids, stamps, _lengths(values) if self._keep == "longest" else None)

    def fingerprint(self, texts: Any, *, workers: int | None = None) -> tuple[bytes, np.ndarray]:
        """The fingerprints of a chunk (bytes) and its texts' lengths, for :meth:`add_fingerprints`
        of a ``CorpusDedup`` with the same options, maybe in another process."""
        column = as_text_column(texts)
        values = _cleaned(column.values, workers, False) if self._clean else column.values
        chunk = _core.DedupFingerprints(ngram=self._ngram)
        chunk.add(values, workers=workers)
        return chunk.to_bytes(), _lengths(values)

    def add_fingerprints(self, fingerprints: bytes, lengths: np.ndarray, ids: Sequence[Any] | None = None, *,
                         dates: Any = None) -> None:
        """Add the next chunk as :meth:`fingerprint` made it (``ids`` and ``dates`` as for
        :meth:`add`): the same as adding its texts."""
        chunk_ids, stamps = self._checked(len(lengths), ids, dates)
        before = len(self._fingerprints)
        self._fingerprints.add_bytes(fingerprints)
        held = len(self._fingerprints) - before
        if held != len(lengths):
            raise InputError(f"the fingerprints hold {held} documents, the ids {len(lengths)}")
        self._record(chunk_ids, stamps, np.asarray(lengths, dtype=np.int64) if self._keep == "longest" else None)

    def _checked(self, n: int, ids: Sequence[Any] | None, dates: Any) -> tuple[list[Any], np.ndarray | None]:
        chunk_ids = list(range(self._added, self._added + n)) if ids is None else list(ids)
        if len(chunk_ids) != n:
            raise InputError(f"ids has {len(chunk_ids)} values for {n} documents")
        if self._keep == "earliest" and dates is None:
            raise InputError("keep='earliest' needs dates= (publication dates aligned with the texts)")
        return chunk_ids, _stamps(dates, n) if self._keep == "earliest" else None

    def _record(self, chunk_ids: list[Any], stamps: np.ndarray | None, lengths: np.ndarray | None) -> None:
        if not self._shared:
            self._ids.add(chunk_ids)
        self._added += len(chunk_ids)
        if stamps is not None:
            self._stamps.append(stamps)
        if lengths is not None:
            self._lengths.append(lengths)

    def tables(self, *, workers: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The clusters and the pairs of everything added.

        Returns
        -------
        (pandas.DataFrame, pandas.DataFrame)
            One row per document, in corpus order: ``doc`` (the id) and the columns of :func:`dedup`; and
            the pairs (``doc_a`` < ``doc_b``, sorted, with exact ``jaccard`` and ``containment``).
        """
        lengths = np.concatenate(self._lengths) if self._keep == "longest" and self._lengths else None
        stamps = np.concatenate(self._stamps) if self._keep == "earliest" and self._stamps else None
        if self._added == 0:
            lengths = np.zeros(0, dtype=np.int64) if self._keep == "longest" else None
            stamps = np.zeros(0, dtype="datetime64[ns]") if self._keep == "earliest" else None
        ids = self._ids.array()
        if len(ids) != self._added:
            raise InputError(f"the shared ids hold {len(ids)} documents, the fingerprints {self._added}")
        clusters, pairs = _decide(self._fingerprints, ids=ids, keep=self._keep, lengths=lengths, stamps=stamps,
                                  all_pairs=True, workers=workers)
        assert pairs is not None
        clusters.insert(0, "doc", _as_id_array(ids))
        return clusters, pairs



def dedup_documents(
    documents: pd.DataFrame, *, text: str = "text", id: str = "id", date: str = "date", keep: str = "first",
    dates: Any = None, workers: int | None = None, progress: bool = True, **options: Any
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The dedup step on a documents table (what the pipeline and ``Corpus`` run).

    Uses column ``id`` as document ids when it is complete, unique and sortable (else row
    numbers), and column ``date`` for ``keep='earliest'`` unless ``dates`` are given. Other
    options are those of :class:`CorpusDedup`; see it for how clusters and pairs are named.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        ``documents`` with the cluster columns of :func:`dedup` (replacing earlier ones), and the
        pairs table.
    """
    ids = None
    if id in documents.columns and documents[id].notna().all() and documents[id].is_unique:
        try:
            sorted(documents[id].tolist())
            ids = documents[id].tolist()
        except TypeError:  # mixed, unsortable ids: fall back to row numbers
            ids = None
    if keep == "earliest" and dates is None and date in documents.columns:
        dates = documents[date]
    run = CorpusDedup(keep=keep, **options)
    run.add(documents[text], ids, dates=dates, workers=workers, progress=progress)
    clusters, pairs = run.tables(workers=workers)
    return with_clusters(documents, clusters), pairs


def with_clusters(documents: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """``documents`` with the cluster columns of :meth:`CorpusDedup.tables` (rows aligned),
    replacing earlier ones."""
    columns = clusters.drop(columns="doc").set_axis(documents.index)
    return documents.drop(columns=[c for c in columns.columns if c in documents.columns]).join(columns)


_INT64 = np.iinfo(np.int64)


def _as_id_array(values: np.ndarray) -> np.ndarray:
    """Ids as an int64 array when they are all integers that fit, else objects (Python ints
    beyond 64 bits stay exact)."""
    items = values.tolist()
    if all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) and _INT64.min <= v <= _INT64.max
           for v in items):
        return np.asarray(items, dtype=np.int64)
    return np.asarray(items, dtype=object)


def repeated_paragraphs(
    texts: Any, *, min_docs: int = _PARAGRAPH_DEFAULTS["min_docs"], workers: int | None = None
) -> pd.DataFrame:
    """Paragraphs that occur in at least ``min_docs`` documents (boilerplate, shared wire copy).

    A paragraph is a block of lines separated by blank lines, identified by the hash of its
    normalised text (NFC, whitespace collapsed), so re-wrapped copies count together. A
    paragraph repeated inside one document counts once.

    Parameters
    ----------
    texts : list of str, pandas.Series, pyarrow.Array or iterable
        The documents; missing values have no paragraphs.
    min_docs : int, default 2
        Smallest number of documents a paragraph must appear in.
    workers : int, optional
        Number of threads; ``None`` or ``-1`` (or more than the cores) uses every core.

    Returns
    -------
    pandas.DataFrame
        One row per repeated paragraph, most widespread first: ``hash`` (str, 16 hex digits,
        stable across runs and machines), ``text`` (normalised text of its first occurrence),
        ``doc_count`` (int64), ``first_doc`` and ``docs`` (labels of the input's index; ``docs``
        holds Arrow lists of them where Arrow holds the labels' type, Python lists otherwise).

    Examples
    --------
    >>> tidings.repeated_paragraphs(["A.\\n\\nShare this", "B.\\n\\nShare  this"])[["text", "doc_count"]].values.tolist()
    [['Share this', 2]]
    """
    column: TextColumn = as_text_column(texts)
    data = _core.repeated_paragraphs(column.values, min_docs=min_docs, workers=workers)
    labels = column.index
    return pd.DataFrame({
        "hash": pd.Series([f"{h:016x}" for h in data["hash"]], dtype=object),
        "text": pd.Series(data["text"], dtype=object),
        "doc_count": np.asarray(data["doc_count"], dtype=np.int64),
        "first_doc": pd.Series([labels[d[0]] for d in data["docs"]], dtype=labels.dtype if len(data["docs"]) else object),
        "docs": label_lists(labels, data["docs"]),
    })
