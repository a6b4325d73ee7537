"""tidings on Dask DataFrames: the same tables as the pandas functions, computed on a cluster.

``pip install "tidings[dask]"``. Each function takes a Dask DataFrame and returns Dask
DataFrames with the columns and dtypes of its pandas counterpart:

- :func:`clean` is :func:`tidings.clean_frame` of column ``text`` (page templates per ``source``);
- :func:`tag` is :func:`tidings.tag`, entity names joined across the whole corpus;
- :func:`dedup` is ``frame.tidings.dedup(text=..., id=...)``, clusters named by document id.

How the work is split:

- Every task gets its options as plain values and builds its Rust state itself; the tagger's
  model and gazetteer are loaded once per worker process (the core caches them) and the Rust
  code runs with the GIL released on one thread per task, so a worker uses as many cores as it
  has threads (it runs that many tasks at once).
- Cleaning learns page templates from all the documents of a source, so the documents are
  shuffled by ``source`` first and each source is cleaned in one task (without ``source``, and
  with templates on, the whole corpus is one source and one task; ``use_templates=False`` cleans
  every partition on its own). The result is partitioned by source; its index labels are the
  input's.
- Tagging runs per partition; the mentions stay on the cluster (persisted) while each
  mention's label and name (no text) are gathered to join names across the corpus; the
  renames are then applied on the cluster.
- Dedup, in this first version, fingerprints every document in Rust inside the tasks (its
  exact-text hash and its sorted distinct shingle hashes: 4 bytes a distinct shingle plus 16,
  about 700 bytes a news article) and gathers the fingerprints, the ids and the lengths or
  dates, never the texts, to the calling process, which decides the clusters there with the
  core's dedup (exact verification, representatives, no chaining). That process holds every
  fingerprint: about 7 GB for ten million news articles. The result equals the single-machine
  dedup of the whole corpus, whatever the partitioning (the core decides in id order).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from . import _core
from .cleaning import clean_frame
from .datasets import load_sample
from .dedup import CLUSTER_COLUMNS, CorpusDedup
from .errors import InputError, InputTypeError
from .tag import CorpusTagger, _user_entities

try:
    import dask
    import dask.dataframe as dd
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError('tidings.dask needs dask: pip install "tidings[dask]"') from error

__all__ = ["clean", "tag", "dedup", "TASK_THREADS", "TidingsDaskAccessor"]

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


def _map(ddf: dd.DataFrame, task: Callable[[pd.DataFrame], pd.DataFrame], probe: pd.DataFrame) -> dd.DataFrame:
    """``task`` on every partition, with the dtypes the task itself gives on ``probe``, a small
    frame of the partitions' columns, and the index of the empty partition."""
    meta = task(ddf._meta).astype(task(probe).dtypes.to_dict())
    return ddf.map_partitions(lambda part: _as_meta(task(part), meta), meta=meta)


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

    def __call__(self, part: pd.DataFrame) -> pd.DataFrame:
        sources = part[self.source] if self.source is not None else None
        return clean_frame(part[self.text], sources=sources, workers=TASK_THREADS, progress=False, **self.options)


def clean(ddf: Any, *, text: str = "text", source: str | None = None, **options: Any) -> dd.DataFrame:
    """:func:`tidings.clean_frame` of column ``text`` (templates learned per column ``source``).

    Options are those of :func:`tidings.clean_many`. Returns a Dask DataFrame with the columns
    and dtypes of :func:`tidings.clean_frame`, one row per input row with its index label; when
    templates are learned, the rows are partitioned by source (see the module docs). A column
    pandas gives its ``str`` dtype when it holds any string is ``str`` in every partition (the
    dtypes are those of :func:`tidings.clean_frame` on the sample corpus, which has every field).
    """
    ddf = _frame(ddf, text, source)
    resolved = _core.resolve_options("clean", options)
    if resolved["use_templates"] and resolved["remove_chrome"]:
        ddf = ddf.repartition(npartitions=1) if source is None else ddf.shuffle(on=source)
    sample = load_sample()
    probe = pd.DataFrame({text: sample["text"], **({source: sample["source"]} if source is not None else {})})
    return _map(ddf, _CleanTask(text, source, resolved), probe)


@dataclass(frozen=True)
class _TagTask:
    """Tagging one partition: its mentions, and their names for the corpus-wide join."""

    text: str
    id: str | None
    date: str | None
    options: dict[str, Any]

    def __call__(self, part: pd.DataFrame) -> tuple[pd.DataFrame, list[list[tuple[str, str, bool]]]]:
        index = pd.Index(part[self.id], name=self.id) if self.id is not None else part.index
        texts = pd.Series(part[self.text].to_numpy(), index=index)
        dates = part[self.date] if self.date is not None else None
        tagger = CorpusTagger(**self.options)
        mentions = tagger.tag(texts, dates=dates, workers=TASK_THREADS, progress=False)
        return mentions, tagger.names()

    def mentions(self, part: pd.DataFrame) -> pd.DataFrame:
        return self(part)[0]


def _renamed(mentions: pd.DataFrame, renames: dict[tuple[str, str], str]) -> pd.DataFrame:
    return CorpusTagger.rename(mentions, renames)


def tag(ddf: Any, *, text: str = "text", id: str | None = None, date: str | None = None, entities: Any = None,
        labels: Any = None, canonical: bool = True) -> dd.DataFrame:
    """:func:`tidings.tag` of column ``text``: one row per mention, names joined across the corpus.

    ``doc`` holds the values of column ``id`` (default: the index labels); ``date`` names a
    column of publication dates for relative DATE values. ``entities``, ``labels`` and
    ``canonical`` are those of :func:`tidings.tag`. Each partition's mentions have a fresh
    ``RangeIndex``. With ``canonical=True`` the mentions are computed now and kept on the
    cluster (persisted) while names are joined.
    """
    ddf = _frame(ddf, text, id, date)
    user = _user_entities(entities) if entities is not None else None
    CorpusTagger(entities=user, labels=labels, canonical=canonical)  # bad options fail here, not in a task
    task = _TagTask(text, id, date, {"entities": user, "labels": labels, "canonical": canonical})
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
    return mentions.map_partitions(_renamed, renames, meta=meta) if renames else mentions


@dataclass(frozen=True)
class _FingerprintTask:
    """Dedup fingerprints of one partition, with what the clustering needs besides the texts."""

    text: str
    id: str | None
    date: str | None
    options: dict[str, Any]

    def __call__(self, part: pd.DataFrame) -> dict[str, Any]:
        fingerprints, lengths = CorpusDedup(**self.options).fingerprint(part[self.text], workers=TASK_THREADS)
        return {
            "fingerprints": fingerprints,
            "lengths": lengths,
            "ids": part[self.id].tolist() if self.id is not None else None,
            "dates": part[self.date].tolist() if self.date is not None else None,
            "index": part.index,
        }


def dedup(ddf: Any, *, text: str = "text", id: str | None = None, date: str | None = None,
          return_pairs: bool = False, **options: Any) -> dd.DataFrame | tuple[dd.DataFrame, dd.DataFrame]:
    """``frame.tidings.dedup(text=..., id=..., date=...)`` on a Dask DataFrame.

    Returns the cluster columns of :func:`tidings.dedup` (``cluster`` and ``representative``
    hold ids of column ``id``, default the row's position in the whole frame) with the input's
    index, in its order; with ``return_pairs``, also the pairs table. ``date`` names a column
    of publication dates and makes ``keep='earliest'`` the default. Options are those of
    :func:`tidings.dedup` but ``clean`` (clean first with :func:`clean`). The fingerprints are
    gathered to this process (see the module docs for the memory it takes).
    """
    ddf = _frame(ddf, text, id, date)
    if "clean" in options:
        raise InputError("tidings.dask.dedup does not clean; run tidings.dask.clean first")
    if date is not None:
        options.setdefault("keep", "earliest")
    run = CorpusDedup(**options)  # bad options fail here, not in a task
    if _core.resolve_options("dedup", {"keep": options.get("keep", "first")})["keep"] == "earliest" and date is None:
        raise InputError("keep='earliest' needs date= (a column of publication dates)")
    task = _FingerprintTask(text, id, date, options)
    (parts,) = dask.compute([dask.delayed(task)(part) for part in ddf.to_delayed()])
    for part in parts:
        run.add_fingerprints(part["fingerprints"], part["lengths"], part["ids"], dates=part["dates"])
    clusters, pairs = run.tables()
    index = parts[0]["index"].append([part["index"] for part in parts[1:]]) if parts else ddf._meta.index
    frame = clusters.drop(columns="doc").set_axis(index)[list(CLUSTER_COLUMNS)]
    with _unconverted():
        result = dd.from_pandas(frame, npartitions=max(ddf.npartitions, 1), sort=False)
        return (result, dd.from_pandas(pairs, npartitions=1)) if return_pairs else result



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
