"""Exact, near-duplicate and reprinted articles, as clusters analysts can inspect.

How it works (the Rust core, ``src/dedup``):

1. Each text is normalised: Unicode NFC, every run of whitespace collapsed to one space, ends
   trimmed. Two documents with the same normalised text are **exact** duplicates (so files that
   differ only in spaces or line breaks are exact). Case is kept in this test.
2. Near duplicates: the lower-cased word ``ngram``-shingles of the normalised text are hashed
   with xxh3, and ``num_perm`` MinHash permutations give a signature. LSH bands and rows are
   chosen so that a pair at the lowest similarity we must find becomes a candidate with
   probability ≥ 0.9 (the S-curve ``1 - (1 - s**rows)**bands``). That lowest similarity is
   ``threshold``, or lower with containment: a reprint keeping 60% of its original at the
   containment threshold. With the defaults (0.8, 0.6) it is 0.29, which gives 64 bands of 2
   rows (``DedupIndex.bands``/``rows``); with ``containment=None``, 16 bands of 8 rows.
3. Each candidate is verified: it is a near duplicate when its estimated Jaccard similarity is
   at least ``threshold``, or when the shorter document's shingles are at least ``containment``
   contained in the longer one's (the shorter having ≥ 40 shingles and ≥ half the longer's
   length, since the containment estimated from MinHash is noisy for tiny texts and short
   templated notices would join). Containment is what joins a reprint with its own header and
   footer or a cut tail. Both are estimates from the signatures (``num_perm`` sets their
   precision: about ±0.04 at 128).
4. Verified pairs are joined by union-find. A cluster's id is its smallest document id, whatever
   the input order, batch split or thread count.

Documents with no words at all (missing values, empty strings, punctuation only) get kind
``'empty'``: they keep their row, form their own cluster and never join another document.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._input import TextColumn, as_text_column
from ._progress import progress_bar
from .errors import InputError, TidingsIOError

__all__ = ["dedup", "dedup_documents", "with_clusters", "CorpusDedup", "DedupIndex", "repeated_paragraphs", "KINDS",
           "CLUSTER_COLUMNS"]

#: The values of the ``kind`` column, in category order (the core's order of kind codes).
KINDS: tuple[str, ...] = tuple(_core.DEDUP_KINDS)
#: The columns :func:`dedup` gives each document, in order.
CLUSTER_COLUMNS = ("cluster", "cluster_size", "kind", "is_representative", "similarity", "representative")

# The options are defined and checked in the Rust core (``src/dedup/options.rs``); the defaults
# here are read from it.
_DEFAULTS: dict[str, Any] = _core.resolve_options("dedup")
_INDEX_OPTIONS = tuple(spec["name"] for spec in _core.option_specs("dedup_index"))
_PARAGRAPH_DEFAULTS: dict[str, Any] = _core.resolve_options("repeated_paragraphs")


def _kind_column(codes: bytes) -> pd.Categorical:
    """The core returns one byte per document: the position of its kind in ``KINDS``."""
    return pd.Categorical.from_codes(np.frombuffer(codes, dtype=np.uint8).astype(np.int8), categories=list(KINDS))


def _cleaned(values: list[Any], workers: int | None) -> list[Any]:
    """Cleaned texts; a document the cleaner empties entirely keeps its raw text (a short wire
    item read as chrome must not become an 'empty' document that can never match)."""
    from . import clean_many  # type: ignore[attr-defined]  # provided by the cleaner

    cleaned = clean_many(values, workers=workers)
    return [c.text if (c.text or "").strip() else v for v, c in zip(values, cleaned)]


def _order(ids: Any, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions sorted by id (the internal document order) and the ids as an array."""
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
    stamps = pd.to_datetime(pd.Series(list(dates), dtype=object), errors="coerce", utc=True, format="mixed")
    if len(stamps) != n:
        raise InputError(f"dates has {len(stamps)} values for {n} documents")
    return stamps.to_numpy(dtype="datetime64[ns]", na_value=np.datetime64("NaT"))


def _ranks(keep: str, lengths: np.ndarray | None, stamps: np.ndarray | None, tiebreak: np.ndarray) -> list[int]:
    """Rank of each document of an index for choosing representatives; smaller wins.

    ``lengths`` (for ``keep='longest'``) and ``stamps`` (``'earliest'``) are aligned with the
    index's documents; ``tiebreak`` is each one's rank in id order, which settles ``'first'``.
    """
    if keep == "first":
        keys = np.argsort(tiebreak, kind="stable")
    elif keep == "longest":
        assert lengths is not None
        keys = np.lexsort((tiebreak, -lengths))
    else:
        assert stamps is not None
        keys = np.lexsort((tiebreak, stamps.astype(np.int64), np.isnat(stamps)))  # undated documents come last
    ranks = np.empty(len(tiebreak), dtype=np.int64)
    ranks[keys] = np.arange(len(tiebreak))
    return ranks.tolist()


class DedupIndex:
    """A near-duplicate index that grows batch by batch and saves to disk.

    Each :meth:`add` compares the new batch with itself and with every earlier batch and returns
    the batch's assignments. Documents get consecutive ids across batches (the first batch
    ``0 .. n-1``, the next ``n ..``); a cluster's id is its smallest document id, i.e. the
    earliest added document, which is also its representative.

    Parameters
    ----------
    threshold : float, default 0.8
        Estimated Jaccard similarity of word shingles at which two documents are near duplicates.
    containment : float or None, default 0.6
        Share of the shorter document's shingles found in the longer one at which they are near
        duplicates too (reprints with other chrome or a cut tail); ``None`` turns it off.
    num_perm : int, default 128
        MinHash permutations (4 to 1024). More is more accurate, slower and bigger.
    ngram : int, default 5
        Words per shingle (1 to 32).

    Examples
    --------
    >>> index = tidings.DedupIndex()
    >>> index.add(["a story about rates " * 5, "something else entirely"]).cluster.tolist()
    [0, 1]
    >>> index.add(["A story about rates " * 5]).cluster.tolist()
    [0]
    """

    def __init__(self, *, threshold: float = _DEFAULTS["threshold"], containment: float | None = _DEFAULTS["containment"],
                 num_perm: int = _DEFAULTS["num_perm"], ngram: int = _DEFAULTS["ngram"]) -> None:
        self._core = _core.DedupIndex(threshold=threshold, containment=containment, num_perm=num_perm, ngram=ngram)

    @classmethod
    def _wrap(cls, core: _core.DedupIndex) -> DedupIndex:
        index = cls.__new__(cls)
        index._core = core
        return index

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        return (f"DedupIndex(documents={len(self)}, threshold={self.threshold}, containment={self.containment}, "
                f"num_perm={self.num_perm}, ngram={self.ngram}, bands={self.bands}, rows={self.rows})")

    threshold = property(lambda self: self._core.threshold, doc="Jaccard threshold.")
    containment = property(lambda self: self._core.containment, doc="Containment threshold or None.")
    num_perm = property(lambda self: self._core.num_perm, doc="MinHash permutations.")
    ngram = property(lambda self: self._core.ngram, doc="Words per shingle.")
    bands = property(lambda self: self._core.bands, doc="LSH bands (see the module docs).")
    rows = property(lambda self: self._core.rows, doc="LSH rows per band.")

    def memory_bytes(self) -> int:
        """Bytes the index holds in memory (signatures, hashes, clusters, pairs)."""
        return int(self._core.memory_bytes())

    def add(self, texts: Any, *, clean: bool = False, workers: int | None = None, progress: bool = True) -> pd.DataFrame:
        """Add a batch and return its assignments against everything added so far.

        Returns
        -------
        pandas.DataFrame
            One row per batch row, with the batch's index: ``doc`` (int64, the id given to the
            document) and the columns of :func:`tidings.dedup`, as of now (a later batch can
            still join these documents to new ones; :meth:`clusters` has the latest state).
        """
        column = as_text_column(texts)
        values = _cleaned(column.values, workers) if clean else column.values
        with progress_bar(len(values), desc="dedup", enabled=progress) as counter:
            start = self._core.add(values, workers=workers, progress=counter)
        frame = self.clusters().iloc[start:start + len(column)]
        frame = frame.reset_index()
        frame.index = column.index.copy()
        return frame

    def clusters(self) -> pd.DataFrame:
        """Assignments of every document, indexed by document id (``doc``)."""
        data = self._core.clusters(None)
        return _cluster_frame(data, pd.RangeIndex(len(self), name="doc"), ids=None)

    def pairs(self) -> pd.DataFrame:
        """The verified pairs (``doc_a < doc_b``), with estimated ``jaccard`` and ``containment``.

        Exact copies appear paired with the first document that has their text (1.0, 1.0).
        """
        return _pairs_frame(self._core.pairs(), ids=None)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path`` (a small versioned binary file)."""
        target = Path(path)
        temporary = target.with_name(target.name + ".tmp")
        try:
            temporary.write_bytes(self._core.to_bytes())
            os.replace(temporary, target)
        except OSError as err:
            raise TidingsIOError(f"cannot write the dedup index to {target}: {err}") from err

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> DedupIndex:
        """Read an index written by :meth:`save`; raises ``ModelError`` for any other file."""
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise TidingsIOError(f"cannot read the dedup index {path}: {err}") from err
        return cls._wrap(_core.DedupIndex.from_bytes(data))


def _ids_at(ids: np.ndarray | None, positions: np.ndarray) -> Any:
    """Document ids at internal positions: the positions themselves without ``ids``."""
    return positions if ids is None else ids[positions]


def _cluster_frame(data: dict[str, Any], index: pd.Index, ids: np.ndarray | None) -> pd.DataFrame:
    cluster = np.asarray(data["cluster"], dtype=np.int64)
    representative = np.asarray(data["representative"], dtype=np.int64)
    return pd.DataFrame(
        {
            "cluster": _ids_at(ids, cluster),
            "cluster_size": np.asarray(data["cluster_size"], dtype=np.int64),
            "kind": _kind_column(data["kind"]),
            "is_representative": representative == np.arange(len(cluster)),
            "similarity": np.asarray(data["similarity"], dtype=np.float64),
            "representative": _ids_at(ids, representative),
        },
        index=index,
    )


def _pairs_frame(data: dict[str, Any], ids: np.ndarray | None) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_a": _ids_at(ids, np.asarray(data["doc_a"], dtype=np.int64)),
        "doc_b": _ids_at(ids, np.asarray(data["doc_b"], dtype=np.int64)),
        "jaccard": np.asarray(data["jaccard"], dtype=np.float64),
        "containment": np.asarray(data["containment"], dtype=np.float64),
    })


def dedup(
    texts: Any,
    *,
    threshold: float = _DEFAULTS["threshold"],
    containment: float | None = _DEFAULTS["containment"],
    num_perm: int = _DEFAULTS["num_perm"],
    ngram: int = _DEFAULTS["ngram"],
    keep: str = _DEFAULTS["keep"],
    dates: Any = None,
    ids: Sequence[Any] | None = None,
    clean: bool = False,
    return_pairs: bool = False,
    workers: int | None = None,
    progress: bool = True,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Find exact duplicates, near duplicates and reprints, and group them into clusters.

    See the module docs of :mod:`tidings.dedup` for the method.

    Parameters
    ----------
    texts : list of str, pandas.Series, pyarrow.Array or iterable
        The documents. Missing values and texts without words get kind ``'empty'``.
    threshold : float, default 0.8
        Estimated Jaccard similarity (of word ``ngram``-shingles) at which two documents are
        near duplicates.
    containment : float or None, default 0.6
        Share of the shorter document's shingles contained in the longer one at which two
        documents are near duplicates as well: it joins reprints with other page chrome or a
        cut tail. ``None`` turns this test off.
    num_perm : int, default 128
        MinHash permutations (4 to 1024).
    ngram : int, default 5
        Words per shingle (1 to 32).
    keep : {'first', 'longest', 'earliest'}, default 'first'
        Which member represents a cluster: the smallest document id; the longest text; or the
        earliest of ``dates`` (undated documents last). Ties go to the smallest id.
    dates : sequence, optional
        Publication dates aligned with ``texts`` (anything :func:`pandas.to_datetime` reads);
        required for ``keep='earliest'``.
    ids : sequence, optional
        Unique, mutually sortable document ids (numbers or strings) aligned with ``texts``.
        Without them the document id is the row position ``0 .. n-1``. A cluster's id is the
        smallest document id of its members in sort order, so with ``ids`` the result does not
        depend on the input order.
    clean : bool, default False
        Clean the texts with :func:`tidings.clean_many` first, so page chrome does not hide a
        reprint. A document the cleaner empties keeps its raw text.
    return_pairs : bool, default False
        Also return the pairs table (the evidence).
    workers : int, optional
        Number of threads; ``None`` or ``-1`` uses every core. The result does not depend on it.
    progress : bool, default True
        Show a progress bar when the call runs for more than a second.

    Returns
    -------
    pandas.DataFrame
        One row per input row, with the input's index, and the columns

        - ``cluster`` (int64, or the dtype of ``ids``): the smallest document id in the cluster;
        - ``cluster_size`` (int64): documents in the cluster;
        - ``kind`` (category ``unique`` | ``exact`` | ``near`` | ``empty``): ``unique`` when
          alone, ``exact`` when its normalised text equals the representative's (the
          representative too, when it has an exact copy), ``near`` otherwise;
        - ``is_representative`` (bool): one per cluster;
        - ``similarity`` (float64): estimated Jaccard similarity to the representative (1.0 for
          the representative and exact copies, NaN for ``empty``);
        - ``representative`` (same dtype as ``cluster``): the representative's document id.
    pandas.DataFrame, when ``return_pairs``
        ``doc_a``, ``doc_b`` (document ids, ``doc_a < doc_b``), ``jaccard`` and ``containment``
        (estimated) of every verified pair.

    Examples
    --------
    >>> story = "The bank raised its main rate by a quarter point on Tuesday. " * 3
    >>> d = tidings.dedup([story, "Other news today.", story.replace(" ", "  "), None])
    >>> d[["cluster", "kind"]].values.tolist()
    [[0, 'exact'], [1, 'unique'], [0, 'exact'], [3, 'empty']]
    """
    options = _core.resolve_options(
        "dedup", {"threshold": threshold, "containment": containment, "num_perm": num_perm, "ngram": ngram, "keep": keep}
    )
    keep = options["keep"]
    if keep == "earliest" and dates is None:
        raise InputError("keep='earliest' needs dates= (publication dates aligned with the texts)")
    column = as_text_column(texts)
    values = _cleaned(column.values, workers) if clean else column.values
    n = len(values)
    if ids is None:
        order = np.arange(n, dtype=np.int64)
        id_values = None
    else:
        order, id_values = _order(ids, n)
    sorted_values = [values[i] for i in order] if ids is not None else values
    index = _core.DedupIndex(**{name: options[name] for name in _INDEX_OPTIONS})
    with progress_bar(n, desc="dedup", enabled=progress) as counter:
        index.add(sorted_values, workers=workers, progress=counter)
    ranks = None  # 'first': the index's own order, which is id order here
    if keep != "first":
        lengths = _lengths(sorted_values) if keep == "longest" else None
        stamps = _stamps(dates, n)[order] if keep == "earliest" else None
        ranks = _ranks(keep, lengths, stamps, np.arange(n))
    data = index.clusters(ranks)
    sorted_ids = None if id_values is None else _as_id_array(id_values[order])
    frame = _cluster_frame(data, pd.RangeIndex(n), ids=sorted_ids)
    inverse = np.empty(n, dtype=np.int64)
    inverse[order] = np.arange(n)
    frame = frame.iloc[inverse]
    frame.index = column.index.copy()
    if return_pairs:
        return frame, _pairs_frame(index.pairs(), ids=sorted_ids)
    return frame


class CorpusDedup:
    """Dedup of a corpus whose documents arrive in chunks, named by their ids.

    The documents enter one dedup index in corpus order, chunk by chunk, and :meth:`tables`
    names the result with document ids so that it does not depend on where the chunks were
    cut: a cluster is named after the smallest id among its members, its representative is
    chosen by ``keep`` among all of them (ties go to the smallest id), and each pair lists the
    smaller id first. Memory holds the index (under 300 bytes a document) and each document's id
    (and length or date, for ``keep='longest'`` or ``'earliest'``).

    Parameters
    ----------
    threshold, containment, num_perm, ngram, keep
        As for :func:`dedup`.
    clean : bool, default False
        Clean each chunk with :func:`tidings.clean_many` first (templates learned per chunk).
    """

    def __init__(self, *, threshold: float = _DEFAULTS["threshold"], containment: float | None = _DEFAULTS["containment"],
                 num_perm: int = _DEFAULTS["num_perm"], ngram: int = _DEFAULTS["ngram"], keep: str = _DEFAULTS["keep"],
                 clean: bool = False) -> None:
        keep = _core.resolve_options("dedup", {"keep": keep})["keep"]
        self._index = DedupIndex(threshold=threshold, containment=containment, num_perm=num_perm, ngram=ngram)._core
        self._keep = keep
        self._clean = clean
        self._ids: list[Any] = []
        self._lengths: list[np.ndarray] = []
        self._stamps: list[np.ndarray] = []

    def add(self, texts: Any, ids: Sequence[Any] | None = None, *, dates: Any = None, workers: int | None = None,
            progress: bool = True) -> None:
        """Add the next chunk: its texts, their ids (default: positions in the corpus) and, for
        ``keep='earliest'``, their publication dates."""
        column = as_text_column(texts)
        n = len(column)
        chunk_ids = list(range(len(self._ids), len(self._ids) + n)) if ids is None else list(ids)
        if len(chunk_ids) != n:
            raise InputError(f"ids has {len(chunk_ids)} values for {n} documents")
        if self._keep == "earliest" and dates is None:
            raise InputError("keep='earliest' needs dates= (publication dates aligned with the texts)")
        stamps = _stamps(dates, n) if self._keep == "earliest" else None
        values = _cleaned(column.values, workers) if self._clean else column.values
        with progress_bar(n, desc="dedup", enabled=progress) as counter:
            self._index.add(values, workers=workers, progress=counter)
        self._ids.extend(chunk_ids)
        if stamps is not None:
            self._stamps.append(stamps)
        if self._keep == "longest":
            self._lengths.append(_lengths(values))

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The clusters and the pairs of everything added.

        Returns
        -------
        (pandas.DataFrame, pandas.DataFrame)
            One row per document, in corpus order: ``doc`` (the id) and the columns of :func:`dedup`; and
            the pairs (``doc_a`` < ``doc_b``, sorted, with ``jaccard`` and ``containment``).
        """
        n = len(self._ids)
        order, values = _order(self._ids, n)
        ids = _as_id_array(values)
        sorted_ids = ids[order]
        id_rank = np.empty(n, dtype=np.int64)
        id_rank[order] = np.arange(n)
        lengths = np.concatenate(self._lengths) if self._keep == "longest" else None
        stamps = np.concatenate(self._stamps) if self._keep == "earliest" else None
        data = self._index.clusters(_ranks(self._keep, lengths, stamps, id_rank))
        clusters = _cluster_frame(data, pd.RangeIndex(n), ids=ids)
        roots = np.asarray(data["cluster"], dtype=np.int64)
        smallest = np.full(n, n, dtype=np.int64)
        np.minimum.at(smallest, roots, id_rank)
        clusters["cluster"] = sorted_ids[smallest[roots]]
        clusters.insert(0, "doc", ids)
        pairs = self._index.pairs()
        rank_a = id_rank[np.asarray(pairs["doc_a"], dtype=np.int64)]
        rank_b = id_rank[np.asarray(pairs["doc_b"], dtype=np.int64)]
        low, high = np.minimum(rank_a, rank_b), np.maximum(rank_a, rank_b)
        by_ids = np.lexsort((high, low))
        return clusters, pd.DataFrame({
            "doc_a": sorted_ids[low[by_ids]],
            "doc_b": sorted_ids[high[by_ids]],
            "jaccard": np.asarray(pairs["jaccard"], dtype=np.float64)[by_ids],
            "containment": np.asarray(pairs["containment"], dtype=np.float64)[by_ids],
        })


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
    clusters, pairs = run.tables()
    return with_clusters(documents, clusters), pairs


def with_clusters(documents: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """``documents`` with the cluster columns of :meth:`CorpusDedup.tables` (rows aligned),
    replacing earlier ones."""
    columns = clusters.drop(columns="doc").set_axis(documents.index)
    return documents.drop(columns=[c for c in columns.columns if c in documents.columns]).join(columns)


def _as_id_array(values: np.ndarray) -> np.ndarray:
    """Ids as a typed numpy array when they are all integers, else objects."""
    items = values.tolist()
    if all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in items):
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
        Number of threads; ``None`` or ``-1`` uses every core.

    Returns
    -------
    pandas.DataFrame
        One row per repeated paragraph, most widespread first: ``hash`` (str, 16 hex digits,
        stable across runs and machines), ``text`` (normalised text of its first occurrence),
        ``doc_count`` (int64), ``first_doc`` and ``docs`` (labels of the input's index).

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
        "docs": pd.Series([labels[d].tolist() for d in data["docs"]], dtype=object),
    })
