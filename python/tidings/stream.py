"""Streaming a corpus larger than memory through the pipeline: what ``tidings run`` does.

Each chunk is cleaned and tagged on its own and appended to the Parquet tables; every chunk's
cleaned text also goes into one growing :class:`~tidings.DedupIndex`, whose final clusters are
written once the whole corpus has been seen (a later document can join earlier ones).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .dedup import DedupIndex
from .errors import TidingsIOError
from .io import iter_corpus
from .pipeline import STEPS, RunStats, prepare_corpus

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

    Writes ``documents.parquet`` (documents with their cleaned text and fields),
    ``removed.parquet`` and ``entities.parquet`` chunk by chunk, then ``clusters.parquet``
    (``id``, ``cluster``, ``cluster_size``, ``kind``, ``is_representative``, ``similarity``,
    ``representative``, with document ids) and ``pairs.parquet`` (``doc_a``, ``doc_b``,
    ``jaccard``, ``containment``). Memory holds one chunk and the dedup index (a few hundred
    bytes per document).

    Returns
    -------
    (RunStats, list of Path)
        The run's figures and the files written.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    writers = {name: _TableWriter(out / f"{name}.parquet") for name in ("documents", "removed", "entities")}
    index = DedupIndex(**(dedup_options or {}))
    ids: list[str] = []
    stats = RunStats()
    try:
        for chunk in iter_corpus(path, text=text, id=id, chunksize=chunksize):
            corpus = prepare_corpus(chunk, workers=workers, progress=progress)
            corpus = corpus.clean(workers=workers).tag(workers=workers)
            index.add(corpus.texts.tolist(), workers=workers)
            ids.extend(corpus.documents["id"])
            stats.add_chunk(corpus)
            writers["documents"].write(corpus.documents)
            writers["removed"].write(corpus.removed)
            writers["entities"].write(corpus.entities)
    finally:
        for writer in writers.values():
            writer.close()
    clusters = index.clusters().reset_index(drop=True)
    id_array = pd.Series(ids, dtype=object)
    for column in ("cluster", "representative"):
        clusters[column] = id_array.iloc[clusters[column].to_numpy()].to_numpy()
    clusters.insert(0, "id", id_array.to_numpy())
    pairs = index.pairs()
    for column in ("doc_a", "doc_b"):
        pairs[column] = id_array.iloc[pairs[column].to_numpy()].to_numpy()
    clusters.to_parquet(out / "clusters.parquet", index=False)
    pairs.to_parquet(out / "pairs.parquet", index=False)
    stats.steps = STEPS
    stats.add_clusters(clusters)
    written = [w.path for w in writers.values() if w.path.exists()] + [out / "clusters.parquet", out / "pairs.parquet"]
    return stats, written
