"""tidings on Dask DataFrames: the same tables as the pandas functions, computed on a cluster.

``pip install "tidings[dask]"``. Each function takes a Dask DataFrame and returns Dask
DataFrames with the columns and dtypes of its pandas counterpart:

- :func:`clean` is :func:`tidings.clean_frame` of column ``text`` (page templates per ``source``);
- :func:`tag` is :func:`tidings.tag`, entity names joined across the whole corpus;
- :func:`dedup` is ``frame.tidings.dedup(text=..., id=...)``, clusters named by document id,
  and :func:`drop_near_duplicates` keeps the row that represents each cluster;
- :func:`describe` is :func:`tidings.describe` of column ``text``;
- :func:`stories` is :func:`tidings.stories`.

``import tidings.dask`` also registers the ``.tidings`` accessor on Dask DataFrames and Series,
with the methods of the pandas accessors.

How the work is split:

- Every task gets its options as plain values and builds its Rust state itself; the tagger's
  model and gazetteer are loaded once per worker process (the core caches them) and the Rust
  code runs with the GIL released on one thread per task, so a worker uses as many cores as it
  has threads (it runs that many tasks at once).
- Cleaning learns page templates from all the documents of a source, without moving them
  (:mod:`tidings.dask_templates`): each partition's template lines are counted by a task, the
  counts merged on the cluster in a tree and the templates learned there (per ``source``, or
  one set for the whole frame without it); only the learned templates come back, and they
  travel to the tasks that clean each partition where it is. So a task holds one partition,
  whatever the size of a source, and the result keeps the input's partitions and index labels.
- Tagging runs per partition; the mentions stay on the cluster (persisted) while each
  document's distinct names are gathered, as bytes (a few per name), to join names across the
  corpus; the renames are then applied on the cluster.
- Dedup decides the documents where they are, never gathering them: fingerprints per partition
  in Rust, sampled shingles shuffled by shingle into candidate pairs, the pairs the core would
  compare verified exactly, connected components of the verified pairs, and each component
  decided by the core's own dedup (see :mod:`tidings.dask_dedup`). The result equals the
  single-machine dedup of the whole corpus, whatever the partitioning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from . import _core
from .cleaning import PageTemplates, clean_frame
from .datasets import load_sample
from .dask_dedup import distributed_dedup
from .dask_templates import learned_templates
from .dedup import CLUSTER_COLUMNS
from .dedup import dedup as tidings_dedup
from .describe import describe as tidings_describe
from .errors import InputError, InputTypeError
from .stories import ENTITY_LABELS, StoryIndex
from .stories import stories as tidings_stories
from .tag import CorpusTagger, Renames, _user_entities

try:
    import dask
    import dask.dataframe as dd
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError('tidings.dask needs dask: pip install "tidings[dask]"') from error

__all__ = ["clean", "describe", "tag", "dedup", "dedup_tables", "drop_near_duplicates", "stories", "TASK_THREADS",
           "TidingsDaskAccessor", "TidingsDaskSeriesAccessor"]

#: Threads each task's Rust code runs on. A Dask worker runs as many tasks at once as it has
#: threads, so one thread a task keeps a worker within its thread count.
TASK_THREADS = 1


def _frame(ddf: Any, *columns: str | None) -> dd.DataFrame:
    """``ddf`` checked: a Dask DataFrame with every named column."""
    if not isinstance(ddf, dd.DataFrame):
        raise InputTypeError(f"expected a dask.dataframe.DataFrame, got {type(ddf).__name__}")
    missing = [c for c in columns if c is not None and c not in ddf.columns]
    if missing:
        raise InputError(f"the DataFrame has no column {missing[0]!r}; its columns are {list(ddf.columns)}")
    return ddf


def _as_meta(frame: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """A partition's result with the dtypes of ``meta``: pandas infers a column's dtype from its
    values (``str`` when some are strings, else ``object``), which varies between partitions."""
    return frame.astype(meta.dtypes.to_dict())


def _map(ddf: dd.DataFrame, task: Callable[..., pd.DataFrame], probe: pd.DataFrame, *args: Any) -> dd.DataFrame:
    """``task`` on every partition (and ``args``, which may be Dask objects), with the dtypes the
    task itself gives on ``probe``, a small frame of the partitions' columns, and the index of
    the empty partition."""
    meta = task(ddf._meta).astype(task(probe).dtypes.to_dict())
    return ddf.map_partitions(lambda part, *given: _as_meta(task(part, *given), meta), *args, meta=meta)


def _unconverted() -> Any:
    """Dask's setting under which the frames built here keep pandas' string dtypes (Dask turns
    them into its own by default, which would change the dtypes of the pandas counterparts)."""
    return dask.config.set({"dataframe.convert-string": False})


@dataclass(frozen=True)
class _CleanTask:
    """Cleaning one partition (picklable: column names and resolved options)."""

    text: str
    source: str | None
    options: dict[str, Any]

    def __call__(self, part: pd.DataFrame, templates: PageTemplates | None = None) -> pd.DataFrame:
        """``part`` cleaned with ``templates`` (learned over the whole frame); without them,
        with the templates of ``part`` alone."""
        sources = part[self.source] if self.source is not None else None
        return clean_frame(part[self.text], sources=sources, templates=templates, workers=TASK_THREADS,
                           progress=False, **self.options)


def clean(ddf: Any, *, text: str = "text", source: str | None = None, **options: Any) -> dd.DataFrame:
    """:func:`tidings.clean_frame` of column ``text`` (templates learned per column ``source``).

    Options are those of :func:`tidings.clean_many`. Returns a Dask DataFrame with the columns
    and dtypes of :func:`tidings.clean_frame`, one row per input row, with the input's partitions
    and index labels. The page templates are learned now, over the whole frame, on the cluster
    (which reads ``ddf`` once for them, and once more to clean it; see the module docs); each
    document is then cleaned as :func:`tidings.clean_frame` of the whole frame cleans it. A
    column pandas gives its ``str`` dtype when it holds any string is ``str`` in every partition
    (the dtypes are those of :func:`tidings.clean_frame` on the sample corpus, which has every
    field).
    """
    ddf = _frame(ddf, text, source)
    resolved = _core.resolve_options("clean", options)
    templates = learned_templates(ddf, text=text, source=source, options=resolved, threads=TASK_THREADS)
    sample = load_sample()
    probe = pd.DataFrame({text: sample["text"], **({source: sample["source"]} if source is not None else {})})
    # One node of the graph holds the templates, so they travel once to each worker, not once per task.
    given = (dask.delayed(templates),) if templates is not None else ()
    return _map(ddf, _CleanTask(text, source, resolved), probe, *given)


@dataclass(frozen=True)
class _DescribeTask:
    """The size figures of one partition's texts."""

    text: str

    def __call__(self, part: pd.DataFrame) -> pd.DataFrame:
        return tidings_describe(part[self.text], workers=TASK_THREADS, progress=False)


def describe(ddf: Any, *, text: str = "text") -> dd.DataFrame:
    """:func:`tidings.describe` of column ``text``: one row per input row, with its index and
    partitions, and the ``int64`` columns ``chars``, ``words``, ``lines`` and ``paragraphs``."""
    ddf = _frame(ddf, text)
    task = _DescribeTask(text)
    return ddf.map_partitions(task, meta=task(ddf._meta))


@dataclass(frozen=True)
class _TagTask:
    """Tagging one partition: its mentions, and their names for the corpus-wide join."""

    text: str
    id: str | None
    date: str | None
    source: str | None
    options: dict[str, Any]

    def __call__(self, part: pd.DataFrame) -> tuple[pd.DataFrame, tuple[np.ndarray, bytes]]:
        index = pd.Index(part[self.id], name=self.id) if self.id is not None else part.index
        texts = pd.Series(part[self.text].to_numpy(), index=index)
        dates = part[self.date] if self.date is not None else None
        sources = part[self.source] if self.source is not None else None
        tagger = CorpusTagger(**self.options)
        mentions = tagger.tag(texts, dates=dates, sources=sources, workers=TASK_THREADS, progress=False)
        return mentions, tagger.names()

    def mentions(self, part: pd.DataFrame) -> pd.DataFrame:
        return self(part)[0]


def _renamed(mentions: pd.DataFrame, renames: Renames) -> pd.DataFrame:
    return CorpusTagger.rename(mentions, renames)


def tag(ddf: Any, *, text: str = "text", id: str | None = None, date: str | None = None, source: str | None = None,
        entities: Any = None, labels: Any = None, canonical: bool = True) -> dd.DataFrame:
    """:func:`tidings.tag` of column ``text``: one row per mention, names joined across the corpus.

    ``doc`` holds the values of column ``id`` (default: the index labels); ``date`` names a
    column of publication dates for relative DATE values, and with ``source`` (a column of
    outlets) for telling people of one surname apart (the ``dates`` and ``sources`` of
    :func:`tidings.tag`). ``entities``, ``labels`` and
    ``canonical`` are those of :func:`tidings.tag`. Each partition's mentions have a fresh
    ``RangeIndex``. With ``canonical=True`` the mentions are computed now and kept on the
    cluster (persisted) while names are joined.
    """
    ddf = _frame(ddf, text, id, date, source)
    user = _user_entities(entities) if entities is not None else None
    CorpusTagger(entities=user, labels=labels, canonical=canonical)  # bad options fail here, not in a task
    task = _TagTask(text, id, date, source, {"entities": user, "labels": labels, "canonical": canonical})
    meta = task.mentions(ddf._meta)
    if not canonical:
        return ddf.map_partitions(task.mentions, meta=meta)
    (tagged,) = dask.persist([dask.delayed(task)(part) for part in ddf.to_delayed()])
    (names,) = dask.compute([part[1] for part in tagged])
    joiner = CorpusTagger(labels=labels)
    for part in names:
        joiner.add_names(part)
    renames = joiner.join()
    with _unconverted():
        mentions = dd.from_delayed([part[0] for part in tagged], meta=meta, verify_meta=False)
    if not renames:
        return mentions
    # One node of the graph holds the renames, so they travel once to each worker, not once per
    # task (a value given to map_partitions is copied into every task).
    return mentions.map_partitions(_renamed, dask.delayed(renames, pure=True), meta=meta)


def _probe_ids(ddf: dd.DataFrame, id: str | None) -> list[Any]:
    """Two distinct ids like those of column ``id`` (positions without it), for finding the
    dtypes a pandas function gives such ids."""
    value = ddf._meta_nonempty[id].iloc[0] if id is not None else 1
    return [value, value + value]


def _dedup_meta(ddf: dd.DataFrame, id: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Empty clusters and pairs tables with the dtypes :func:`tidings.dedup` itself gives ids
    like those of column ``id`` (positions without it)."""
    texts = pd.Series(["a probe text of words"] * 2)
    clusters, pairs = tidings_dedup(texts, ids=_probe_ids(ddf, id), return_pairs=True, progress=False)
    clusters.insert(0, "doc", clusters["cluster"])
    return clusters.iloc[:0].set_axis(ddf._meta.index), pairs.iloc[:0]


def _id_kinds(ids: pd.Series) -> pd.Series:
    """The kinds of the ids of one partition (number, string or a type's name), once each."""
    kinds = {"number" if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)
             else "string" if isinstance(v, str) else type(v).__name__ for v in ids.dropna().tolist()}
    return pd.Series(sorted(kinds), dtype=object)


def _check_ids(ddf: dd.DataFrame, id: str) -> None:
    """The ids of column ``id``: complete, unique and mutually sortable, as :func:`tidings.dedup`
    requires (counted on the cluster)."""
    ids = ddf[id]
    kinds = ids.map_partitions(_id_kinds, meta=pd.Series([], dtype=object)).drop_duplicates()
    missing, repeated, kinds = dask.compute(ids.isna().any(),
                                            (ids.value_counts(split_out=max(ddf.npartitions, 1)) > 1).any(), kinds)
    if missing:
        raise InputError("ids must not contain missing values")
    if repeated:
        raise InputError("ids must be unique")
    if len(kinds) > 1:
        raise InputError(f"ids must be mutually sortable (all numbers or all strings): {sorted(kinds)}")


def dedup(ddf: Any, *, text: str = "text", id: str | None = None, date: str | None = None,
          return_pairs: bool = False, **options: Any) -> dd.DataFrame | tuple[dd.DataFrame, dd.DataFrame]:
    """``frame.tidings.dedup(text=..., id=..., date=...)`` on a Dask DataFrame.

    Returns the cluster columns of :func:`tidings.dedup` (``cluster`` and ``representative``
    hold ids of column ``id``, default the row's position in the whole frame) with the input's
    index and partitions; with ``return_pairs``, also the pairs table (sorted by ids: one
    partition, or several for a corpus whose duplicates are labelled on the cluster). ``date``
    names a column of publication dates and makes ``keep='earliest'`` the default. Options are
    those of :func:`tidings.dedup` but ``clean`` (clean first with :func:`clean`). The documents
    are decided on the cluster, never gathered (see :mod:`tidings.dask_dedup`); the result is
    that of :func:`tidings.dedup` of the whole frame, whatever its partitioning.
    """
    clusters, pairs = dedup_tables(ddf, text=text, id=id, date=date, **options)
    clusters = clusters[list(CLUSTER_COLUMNS)]
    with _unconverted():
        return (clusters, pairs) if return_pairs else clusters


def drop_near_duplicates(ddf: Any, *, text: str = "text", id: str | None = None, date: str | None = None,
                         **options: Any) -> dd.DataFrame:
    """``frame.tidings.drop_near_duplicates(text=..., id=..., date=...)`` on a Dask DataFrame:
    the rows that represent their cluster (rows without words kept), with their index and
    partitions. Options as for :func:`dedup`."""
    options.pop("return_pairs", None)
    ddf = _frame(ddf, text, id, date)
    clusters, _ = dedup_tables(ddf, text=text, id=id, date=date, **options)
    # The clusters come one partition per partition of ddf, rows in the same order.
    parts, decided = ddf.to_delayed(), clusters.to_delayed()
    if len(parts) != len(decided):  # pragma: no cover - Dask keeps the partitions of to_delayed
        raise InputError("the Dask DataFrame changed its partitions while it was deduplicated")
    kept = [dask.delayed(_kept_rows)(part, cluster) for part, cluster in zip(parts, decided)]
    with _unconverted():
        return dd.from_delayed(kept, meta=ddf._meta, verify_meta=False)


def _kept_rows(part: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """The rows of one partition that represent their cluster (``clusters``: its rows' clusters)."""
    if len(part) != len(clusters):  # pragma: no cover - as above
        raise InputError("a partition and its clusters differ in length")
    return part[clusters["is_representative"].to_numpy(dtype=bool)]


def dedup_tables(ddf: Any, *, text: str = "text", id: str | None = None, date: str | None = None,
                 **options: Any) -> tuple[dd.DataFrame, dd.DataFrame]:
    """The tables of :meth:`tidings.CorpusDedup.tables` from a Dask DataFrame: the clusters
    (a Dask DataFrame with the input's index and partitions, the document id ``doc`` first) and
    the pairs (a Dask DataFrame of the verified pairs only, as :func:`dedup` returns them).
    Arguments as for :func:`dedup`."""
    ddf = _frame(ddf, text, id, date)
    if "clean" in options:
        raise InputError("tidings.dask.dedup does not clean; run tidings.dask.clean first")
    if date is not None:
        options.setdefault("keep", "earliest")
    resolved = _core.resolve_options("dedup", options)  # bad options fail here, not in a task
    if resolved["keep"] == "earliest" and date is None:
        raise InputError("keep='earliest' needs date= (a column of publication dates)")
    if id is not None:
        _check_ids(ddf, id)
    meta, pairs_meta = _dedup_meta(ddf, id)
    with _unconverted():
        clusters, pairs = distributed_dedup(ddf, text=text, id=id, date=date, options=resolved, cluster_meta=meta,
                                            pairs_meta=pairs_meta, threads=TASK_THREADS)
    return clusters, pairs


def _positions(ddf: dd.DataFrame) -> dd.DataFrame:
    """``ddf`` with column ``_pos``: each row's position in the whole frame (counted first, on the
    very partitions numbered: Dask may fuse partitions anew each time it optimises a graph)."""
    parts = ddf.to_delayed()
    (sizes,) = dask.compute([dask.delayed(len)(part) for part in parts])
    starts = np.r_[0, np.cumsum(sizes)].astype(np.int64)
    numbered = [dask.delayed(_numbered)(part, int(start)) for part, start in zip(parts, starts)]
    return dd.from_delayed(numbered, meta=_numbered(ddf._meta, 0), verify_meta=False)


def _numbered(part: pd.DataFrame, start: int) -> pd.DataFrame:
    return part.assign(_pos=np.arange(start, start + len(part), dtype=np.int64))


def stories(ddf: Any, *, text: str = "text", id: str | None = None, date: str | None = None,
            duplicates: str | None = None, entities: bool | None = None, **options: Any) -> dd.DataFrame:
    """:func:`tidings.stories` of column ``text``: the story columns of every row, with the
    input's index and partitions.

    ``id``, ``date`` and ``duplicates`` name columns of the article ids, publication dates and
    duplicate clusters (e.g. the ``cluster`` column of :func:`dedup` joined to the frame);
    ``entities=None`` tags the articles on the cluster (names joined across the corpus, as
    :func:`tidings.stories` tags them), ``False`` groups by words only. Other options are those
    of :func:`tidings.stories`. The articles are tagged on the cluster; the story index, which
    links every article with its neighbours across the corpus, is built in this process from
    one partition at a time (in id order with ``id``), so it holds each article's term vector
    (about 2 KB) but never more than one partition's texts. The result equals
    :func:`tidings.stories` of the whole frame, whatever the partitioning.
    """
    ddf = _frame(ddf, text, id, date, duplicates)
    if entities is not None and entities is not False:
        raise InputError("tidings.dask.stories takes entities=None (tag on the cluster) or False (words only)")
    if id is not None:
        _check_ids(ddf, id)
    index = StoryIndex(**options)  # bad options fail here, not in a task
    numbered = _positions(ddf)
    ordered = numbered.sort_values(id) if id is not None else numbered
    mentions = None
    if entities is None:
        (mentions,) = dask.persist(tag(ordered, text=text, id="_pos", date=date, labels=list(ENTITY_LABELS)))
    doc_ids: list[Any] = []
    positions: list[np.ndarray] = []
    parts = ordered.to_delayed()
    found = mentions.to_delayed() if mentions is not None else [None] * len(parts)
    for part, tagged in zip(parts, found):
        batch, batch_mentions = dask.compute(part, tagged)
        texts = pd.Series(batch[text].to_numpy(), index=batch["_pos"].to_numpy())
        index.add(texts, dates=batch[date] if date is not None else None,
                  duplicates=batch[duplicates] if duplicates is not None else None,
                  entities=False if batch_mentions is None else batch_mentions, progress=False)
        positions.append(batch["_pos"].to_numpy())
        doc_ids.extend(batch[id].tolist() if id is not None else [])
    found_stories = index.stories(ids=doc_ids if id is not None else None)
    by_position = found_stories.set_axis(np.concatenate(positions) if positions else np.zeros(0, np.int64))
    meta = _stories_meta(ddf, id)
    pieces = [dask.delayed(_stories_of)(part, by_position) for part in numbered.to_delayed()]
    with _unconverted():
        return dd.from_delayed(pieces, meta=meta, verify_meta=False)


def _stories_meta(ddf: dd.DataFrame, id: str | None) -> pd.DataFrame:
    """The empty story columns with the dtypes :func:`tidings.stories` gives ids like those of
    column ``id`` (text hashes without it)."""
    texts = pd.Series(["a probe text of words"] * 2)
    found = tidings_stories(texts, ids=_probe_ids(ddf, id) if id is not None else None, entities=False,
                            progress=False)
    return found.iloc[:0].set_axis(ddf._meta.index)


def _stories_of(part: pd.DataFrame, by_position: pd.DataFrame) -> pd.DataFrame:
    """The story columns of one partition's rows, from those of every position."""
    return by_position.loc[part["_pos"].to_numpy()].set_axis(part.index)


@dd.extensions.register_dataframe_accessor("tidings")
class TidingsDaskAccessor:
    """``ddf.tidings.<method>(text=...)`` on a Dask DataFrame, as on a pandas one (registered by
    ``import tidings.dask``)."""

    def __init__(self, ddf: dd.DataFrame) -> None:
        self._ddf = ddf

    def clean(self, *, text: str = "text", **options: Any) -> dd.DataFrame:
        """See :func:`tidings.dask.clean`."""
        return clean(self._ddf, text=text, **options)

    def tag(self, *, text: str = "text", **options: Any) -> dd.DataFrame:
        """See :func:`tidings.dask.tag`."""
        return tag(self._ddf, text=text, **options)

    def dedup(self, *, text: str = "text", id: str | None = None, date: str | None = None,
              **options: Any) -> dd.DataFrame | tuple[dd.DataFrame, dd.DataFrame]:
        """See :func:`tidings.dask.dedup`."""
        return dedup(self._ddf, text=text, id=id, date=date, **options)

    def stories(self, *, text: str = "text", **options: Any) -> dd.DataFrame:
        """See :func:`tidings.dask.stories`."""
        return stories(self._ddf, text=text, **options)

    def describe(self, *, text: str = "text") -> dd.DataFrame:
        """See :func:`tidings.dask.describe`."""
        return describe(self._ddf, text=text)

    def drop_near_duplicates(self, *, text: str = "text", id: str | None = None, date: str | None = None,
                             **options: Any) -> dd.DataFrame:
        """See :func:`tidings.dask.drop_near_duplicates`."""
        return drop_near_duplicates(self._ddf, text=text, id=id, date=date, **options)


@dd.extensions.register_series_accessor("tidings")
class TidingsDaskSeriesAccessor:
    """``series.tidings.<method>()`` on a Dask Series of texts, as on a pandas one: each method
    is that of :class:`TidingsDaskAccessor` on the Series as a one-column frame."""

    def __init__(self, series: dd.Series) -> None:
        self._series = series

    def _as_frame(self) -> tuple[dd.DataFrame, str]:
        name = self._series.name if isinstance(self._series.name, str) else "text"
        return self._series.to_frame(name=name), name

    def describe(self) -> dd.DataFrame:
        """See :func:`tidings.dask.describe`."""
        frame, name = self._as_frame()
        return describe(frame, text=name)

    def clean(self, **options: Any) -> dd.Series:
        """The cleaned article text of each document, with its index label, partition and the
        Series' name."""
        frame, name = self._as_frame()
        with _unconverted():
            return clean(frame, text=name, **options)["text"].astype(object).rename(self._series.name)

    def clean_frame(self, **options: Any) -> dd.DataFrame:
        """See :func:`tidings.dask.clean`."""
        frame, name = self._as_frame()
        return clean(frame, text=name, **options)

    def tag(self, **options: Any) -> dd.DataFrame:
        """Entity mentions, ``doc`` holding this Series' index labels; see :func:`tidings.dask.tag`."""
        frame, name = self._as_frame()
        return tag(frame, text=name, **options)

    def dedup(self, **options: Any) -> dd.DataFrame | tuple[dd.DataFrame, dd.DataFrame]:
        """Duplicate clusters of the texts; see :func:`tidings.dask.dedup`."""
        frame, name = self._as_frame()
        return dedup(frame, text=name, **options)
