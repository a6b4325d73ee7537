"""``tidings run INPUT --out DIR --dask local`` (or ``--scheduler ADDRESS``): the pipeline on a Dask cluster.

The tables are those of ``tidings run`` (:func:`tidings.pipeline.run_tables`), written as
partitioned Parquet: one folder per table in ``DIR`` with a ``part-N.parquet`` file per
partition (``pairs``: one part, or several sorted parts for a corpus whose duplicates are
labelled on the cluster). The run goes in three stages:

1. The page templates are learned as ``tidings run``'s first pass learns them: each partition's
   template lines are counted by a task, the counts merged on the cluster and the templates of
   each source learned there (:mod:`tidings.dask_templates`). Then each partition is cleaned
   with them and its entities tagged by a task, which writes its ``documents``, ``removed``
   and (names not yet joined) ``entities`` parts and returns its documents' names in a few
   bytes per distinct name of a document (:meth:`tidings.tag.CorpusTagger.names`).
2. Dedup runs on the cluster over the written documents' ids and texts (:mod:`tidings.dask_dedup`:
   nothing gathered but the edge list of the duplicated documents) and writes ``clusters`` (a part
   per part of ``documents``) and ``pairs``; this process joins entity names across the corpus.
3. Tasks rewrite the ``entities`` parts with the joined names.

Everything is written into a hidden folder in ``DIR`` and moved into place at the end, so an
interrupted run leaves the tables of the previous run. Workers must be able to write to ``DIR``
(a local cluster, or storage every worker shares).
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd

from .cleaning import PageTemplates
from .dask import TASK_THREADS, dedup_tables
from .dask_templates import learned_templates
from .errors import InputError
from .io import _format_of, _standardize
from .pipeline import TABLES, RunStats, prepare_corpus
from .steps import STEPS, Clean, Tag, text_column
from .stream import _TableWriter
from .tag import CorpusTagger, Renames

__all__ = ["read_dask_corpus", "run_on_dask"]


def read_dask_corpus(path: str | Path, *, text: str = "text", id: str | None = None,
                     blocksize: str = "64MB") -> dd.DataFrame:
    """A JSONL or Parquet corpus as a Dask DataFrame shaped as :func:`tidings.read_corpus` reads
    it (``doc`` ids first; rows numbered across the whole file when there is no id column)."""
    path = Path(path)
    kind = _format_of(path)
    if kind == "jsonl":
        raw = dd.read_json(str(path), lines=True, blocksize=blocksize, dtype=False)
    elif kind == "parquet":
        raw = dd.read_parquet(str(path), split_row_groups="adaptive", blocksize=blocksize)
    else:
        raise InputError(f"a run on Dask reads .jsonl or .parquet files, not {kind}")
    # The sizes of the very partitions numbered (Dask may fuse partitions anew for each graph).
    raw_parts = raw.to_delayed()
    (sizes,) = dask.compute([dask.delayed(len)(part) for part in raw_parts])
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    meta = _numbered(raw._meta, path, text, id, 0)
    parts = [dask.delayed(_numbered)(part, path, text, id, start) for part, start in zip(raw_parts, starts)]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _numbered(part: pd.DataFrame, path: Path, text: str, id: str | None, start: int) -> pd.DataFrame:
    """A partition as :func:`tidings.read_corpus` reads it, indexed by its rows' numbers in the
    file (which a shuffle keeps)."""
    frame = _standardize(part, path, text, id, start)
    return frame.set_axis(pd.RangeIndex(start, start + len(frame)))


@dataclass(frozen=True)
class _Stage1:
    """Clean and tag one partition, write its parts; return what the whole corpus needs."""

    folder: Path

    def __call__(self, part: pd.DataFrame, number: int, templates: PageTemplates | None) -> dict[str, Any]:
        documents = prepare_corpus(part, workers=TASK_THREADS, progress=False).documents
        documents, tables = Clean(templates=templates, workers=TASK_THREADS, progress=False).apply(documents)
        tagger = Tag(workers=TASK_THREADS, progress=False)
        _, tagged = tagger.apply(documents)
        stats = RunStats()
        stats.add_documents(documents)
        stats.add_removed(tables["removed"])
        for name, frame in (("documents", documents), ("removed", tables["removed"]), ("entities", tagged["entities"])):
            _write(self.folder / name / f"part-{number}.parquet", frame)
        return {"stats": stats, "names": tagger.names(), "text": text_column(documents)}


def _dedup(partial: Path, text: str) -> RunStats:
    """Stage 2's dedup, on the cluster (:func:`tidings.dask.dedup_tables`) from the written
    documents' ids and texts: writes ``clusters`` (a part per part of ``documents``) and
    ``pairs``; the figures of the clusters."""
    documents = dd.read_parquet(str(partial / "documents"), columns=["doc", text])
    clusters, pairs = dedup_tables(documents, text=text, id="doc")
    clusters = clusters.reset_index(drop=True).persist()
    dask.compute([dask.delayed(_write)(partial / "pairs" / f"part-{number}.parquet", part)
                  for number, part in enumerate(pairs.to_delayed())])
    dask.compute([dask.delayed(_write)(partial / "clusters" / f"part-{number}.parquet", part)
                  for number, part in enumerate(clusters.to_delayed())])
    shared = clusters[clusters["cluster_size"] > 1]
    groups, members, kinds, representatives = dask.compute(
        shared["cluster"].nunique(), shared.shape[0], clusters["kind"].astype(str).value_counts(),
        clusters["is_representative"].sum())
    stats = RunStats()
    # The figures of RunStats.add_clusters, counted on the cluster.
    stats.clusters, stats.clustered_documents = int(groups), int(members)
    stats.kinds = Counter({str(kind): int(count) for kind, count in kinds.items()})
    stats.representatives = int(representatives)
    return stats


def _write(path: Path, frame: pd.DataFrame) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = _TableWriter(path)
    try:
        writer.write(frame)
    finally:
        writer.close()


def _rename_part(path: Path, renames: Renames) -> RunStats:
    """Rewrite one ``entities`` part with the joined names; its figures."""
    entities = CorpusTagger.rename(pd.read_parquet(path), renames)
    _write(path, entities)
    stats = RunStats()
    stats.add_entities(entities)
    return stats


def _merged(parts: list[RunStats]) -> RunStats:
    """The figures of the whole run from those of its parts (sums and counters)."""
    total = RunStats(steps=STEPS)
    for part in parts:
        for item in fields(RunStats):
            if item.name != "steps":
                value = getattr(total, item.name)
                added = getattr(part, item.name)
                setattr(total, item.name, value + added)
    return total


def run_on_dask(path: str | Path, out: str | Path, *, text: str = "text", id: str | None = None,
                blocksize: str = "64MB") -> tuple[RunStats, list[Path]]:
    """Run clean, dedup and tag over a JSONL/Parquet corpus on the current Dask scheduler and
    write the tables as partitioned Parquet into ``out`` (see the module docs)."""
    out = Path(out).resolve()  # the workers' working folder may be another
    out.mkdir(parents=True, exist_ok=True)
    partial = out / ".tidings-partial"
    shutil.rmtree(partial, ignore_errors=True)
    documents = read_dask_corpus(path, text=text, id=id, blocksize=blocksize)
    source = "source" if "source" in documents.columns else None
    learned = learned_templates(documents, text="text", source=source, options=Clean().templates.options,
                                threads=TASK_THREADS)
    # A node of the graph, so that the templates travel once to each worker, not once per task.
    templates = dask.delayed(learned)
    stage = _Stage1(partial)
    tasks = [dask.delayed(stage)(part, number, templates) for number, part in enumerate(documents.to_delayed())]
    (parts,) = dask.compute(tasks)
    joiner = CorpusTagger()
    for part in parts:
        joiner.add_names(part.pop("names"))
    cluster_stats = _dedup(partial, parts[0]["text"] if parts else "text")
    # One node of the graph holds the renames, so they travel once, not once per task.
    renames = dask.delayed(joiner.join(), pure=True)
    entity_parts = sorted((partial / "entities").glob("part-*.parquet"))
    (entity_stats,) = dask.compute([dask.delayed(_rename_part)(p, renames) for p in entity_parts])
    stats = _merged([part["stats"] for part in parts] + list(entity_stats) + [cluster_stats])
    return stats, _move_into_place(partial, out)


def _move_into_place(partial: Path, out: Path) -> list[Path]:
    """Replace the tables of ``out`` by those written into ``partial``."""
    written = []
    for name in TABLES:
        if (partial / name).is_dir():
            target = out / name
            shutil.rmtree(target, ignore_errors=True)
            (partial / name).rename(target)
            written.append(target)
    shutil.rmtree(partial, ignore_errors=True)
    return written
