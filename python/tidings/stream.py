"""Streaming a corpus larger than memory through the pipeline: what ``tidings run`` does.

The steps are those of :class:`~tidings.Corpus` (:mod:`tidings.steps`), run over the corpus in
two passes. The first reads every chunk so that cleaning learns page templates over the whole
corpus; the second runs each chunk through every step and appends its rows to the Parquet
tables. Then the steps finish with what needs the whole corpus: dedup's clusters and pairs
(a later document can join earlier ones), and entity names joined across the corpus, which
rewrites ``entities.parquet``. The tables are those of the in-memory pipeline, whatever the
chunk size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError, TidingsIOError
from .io import iter_corpus
from .pipeline import TABLES, RunStats, prepare_corpus
from .steps import STEPS, Step, make_steps

__all__ = ["RunStats", "stream_corpus"]


def _stable_schema(table: pa.Table) -> pa.Schema:
    """The table's schema with all-null columns typed as strings, so later chunks fit it."""
    fields = []
    for item in table.schema:
        if pa.types.is_null(item.type):
            item = item.with_type(pa.string())
        elif pa.types.is_list(item.type) and pa.types.is_null(item.type.value_type):
            item = item.with_type(pa.list_(pa.string()))
        fields.append(item)
    return pa.schema(fields)


class _TableWriter:
    """Appends DataFrames with one schema (fixed by the first chunk) to one Parquet file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None

    def write(self, frame: pd.DataFrame) -> None:
        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self._writer is None:
            self._schema = _stable_schema(table)
            self._writer = pq.ParquetWriter(self.path, self._schema)
        assert self._schema is not None
        try:
            table = table.select(self._schema.names).cast(self._schema)
        except (KeyError, pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:
            raise TidingsIOError(f"a later chunk does not fit the columns of {self.path.name}: {error}") from error
        self._writer.write_table(table)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None


#: Rows read at a time when a finished table is rewritten or counted.
_PART_ROWS = 65_536


def _parts(path: Path) -> Iterator[pd.DataFrame]:
    """A Parquet file as DataFrames of at most ``_PART_ROWS`` rows."""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=_PART_ROWS):
        yield batch.to_pandas()


def _rewrite(path: Path, rewrite: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
    """Rewrite a Parquet file part by part (a file without rows stays as it is)."""
    temporary = path.with_name(path.name + ".tmp")
    writer = _TableWriter(temporary)
    try:
        for part in _parts(path):
            writer.write(rewrite(part))
    finally:
        writer.close()
    if temporary.exists():
        temporary.replace(path)


def stream_corpus(
    path: str | Path,
    out: str | Path,
    *,
    text: str = "text",
    id: str | None = None,
    chunksize: int = 20_000,
    workers: int | None = None,
    progress: bool = True,
    dedup_options: dict[str, Any] | None = None,
) -> tuple[RunStats, list[Path]]:
    """Run clean, dedup and tag over a corpus file chunk by chunk and write Parquet tables.

    Writes the tables of :func:`tidings.pipeline.run_tables`: ``documents.parquet`` (documents
    with their cleaned text and fields), ``removed.parquet`` and ``entities.parquet`` chunk by
    chunk, then ``clusters.parquet`` (``doc``, ``cluster``, ``cluster_size``, ``kind``,
    ``is_representative``, ``similarity``, ``representative``, with document ids) and
    ``pairs.parquet`` (``doc_a``, ``doc_b``, ``jaccard``, ``containment``). They equal the
    tables of the pipeline run in memory, whatever ``chunksize``. The file is read twice (the
    first pass learns page templates). Memory holds one chunk, the template-line counts (one
    entry per distinct short line of each source), the dedup index (a few hundred bytes per
    document) and the label and name of every mention, for the join of names across the corpus.
    ``dedup_options`` are those of :meth:`tidings.Corpus.dedup`.

    Returns
    -------
    (RunStats, list of Path)
        The run's figures and the files written.
    """
    if dedup_options and "clean" in dedup_options:
        raise InputError("the pipeline dedups the cleaned text already; drop the dedup option 'clean'")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    steps = make_steps(workers=workers, progress=progress, options={"dedup": dict(dedup_options or {})})
    learning = [step for step in steps if step.learns]
    if learning:
        for chunk in iter_corpus(path, text=text, id=id, chunksize=chunksize):
            for step in learning:
                step.learn(chunk)
    stats = RunStats(steps=STEPS)
    chunks = iter_corpus(path, text=text, id=id, chunksize=chunksize)
    paths = _apply_chunks(steps, chunks, out, stats, workers=workers, progress=progress)
    for step in steps:
        done = step.finish()
        for name, rewrite in done.rewrites.items():
            _rewrite(paths[name], rewrite)
        for name, table in done.tables.items():
            paths[name] = out / f"{name}.parquet"
            table.to_parquet(paths[name], index=False)
        if "clusters" in done.tables:
            stats.add_clusters(done.tables["clusters"])
    if "entities" in paths:
        for part in _parts(paths["entities"]):
            stats.add_entities(part)
    return stats, [paths[name] for name in TABLES if name in paths]


def _apply_chunks(steps: list[Step], chunks: Iterator[pd.DataFrame], out: Path, stats: RunStats, *,
                  workers: int | None, progress: bool) -> dict[str, Path]:
    """The second pass: each chunk through every step, its rows appended to the tables in
    ``out``. Returns the path of each table written."""
    writers: dict[str, _TableWriter] = {}
    seen: set[str] = set()
    try:
        for chunk in chunks:
            documents = prepare_corpus(chunk, workers=workers, progress=progress).documents
            repeated = next((i for i in documents["doc"] if i in seen), None)
            if repeated is not None:
                raise InputError(f"document ids must be unique; {repeated!r} appears more than once")
            seen.update(documents["doc"])
            tables: dict[str, pd.DataFrame] = {}
            for step in steps:
                documents, produced = step.apply(documents)
                tables.update(produced)
            stats.add_documents(documents)
            if "removed" in tables:
                stats.add_removed(tables["removed"])
            for name, table in {"documents": documents, **tables}.items():
                writers.setdefault(name, _TableWriter(out / f"{name}.parquet")).write(table)
    finally:
        for writer in writers.values():
            writer.close()
    return {name: writer.path for name, writer in writers.items()}
