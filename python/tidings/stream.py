"""Streaming a corpus larger than memory through the pipeline: what ``tidings run`` does.

The steps are those of :class:`~tidings.Corpus` (:mod:`tidings.steps`), run over the corpus in
two passes. The first reads every chunk to learn what needs the whole corpus before any
document is processed: the columns of the input and their types (a field may first appear, go
missing or change type in any chunk), and the page templates cleaning removes. The second runs
each chunk through every step and appends its rows to the Parquet tables. Then the steps finish,
the last first, with what needs the whole corpus: entity names joined across the corpus, which
rewrites ``entities.parquet``, and dedup's clusters and pairs (a later document can join
earlier ones).
The tables are those of the in-memory pipeline, whatever the chunk size.

The tables are written into a hidden folder inside the output folder and moved into place
together once the run has succeeded, so a failed or interrupted run leaves the output folder's
tables as it found them (a run killed outright can leave its hidden ``.tidings-run-*`` folder).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ._arrow import ChunkedSchema, arrow_table, merge_types, stable_schema
from ._ids import DocumentIds
from .errors import InputError, TidingsIOError
from .io import iter_corpus, parquet_parts
from .pipeline import TABLES, RunStats, prepare_corpus
from .steps import STEPS, Step, make_steps
from .store import RUN_STAGING

__all__ = ["CHUNK_CHARS", "RunStats", "stream_corpus"]

#: Characters of text ``tidings run`` puts through the steps at a time (the results of a part
#: take many times its text's size until they are written).
CHUNK_CHARS = 16_000_000

#: Input columns the pipeline rewrites itself (so their input types do not carry over).
_STANDARD_COLUMNS = ("id", "text", "date")


class _TableWriter:
    """Appends DataFrames with one schema to one Parquet file. The schema is the first chunk's,
    with the types in ``known`` (columns whose type over every chunk was learned beforehand)
    merged in, so later chunks fit it."""

    def __init__(self, path: Path, known: pa.Schema | None = None) -> None:
        self.path = path
        self._known = known
        self._writer: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None

    def write(self, frame: pd.DataFrame) -> None:
        if self._schema is None:
            self._schema = self._first_schema(frame)
            self._writer = pq.ParquetWriter(self.path, self._schema)
        assert self._writer is not None
        try:
            table = arrow_table(frame, self._schema)
        except TidingsIOError as error:
            raise TidingsIOError(f"a later chunk does not fit the columns of {self.path.name}: {error}") from error
        self._writer.write_table(table)

    def _first_schema(self, frame: pd.DataFrame) -> pa.Schema:
        schema = arrow_table(frame).schema
        if self._known is not None:
            known = {field.name: field.type for field in self._known}
            schema = pa.schema([field.with_type(merge_types(field.type, known[field.name]))
                                if field.name in known else field for field in schema])
        return stable_schema(schema.remove_metadata())

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None


#: Rows read at a time when a finished table is rewritten or counted.
_PART_ROWS = 65_536


def _libc() -> Any:
    """The C library (``None`` where it cannot be loaded)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


_LIBC = _libc()
#: glibc's ``mallopt`` parameter: the size from which a block gets a mapping of its own.
_M_MMAP_THRESHOLD = -3
#: glibc's default for it (128 KiB).
_MMAP_THRESHOLD = 128 * 1024


def _map_large_blocks() -> None:
    """Keeps glibc's threshold for giving a block a mapping of its own at its default. Left
    alone, glibc raises it to the largest mapped block freed so far (up to 32 MB): a part's large
    temporary arrays were then carved out of the heaps, among the long-lived per-document state,
    and the heaps kept pages that ``malloc_trim`` did not give back, a share growing with the
    corpus (about 2.4 KB an article beyond the live memory, from 10,000 to 20,000 articles).
    Mapped on their own, such blocks go back to the system as soon as they are freed."""
    mallopt = getattr(_LIBC, "mallopt", None)
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)


_MALLOC_TRIM = getattr(_LIBC, "malloc_trim", None)


def _release_freed_memory() -> None:
    """Hands the pages the C heap and Arrow's pool hold free back to the system. Each part's
    results and the join's working tables are freed between steps, but scattered among the
    long-lived per-document state, so the heap kept their pages: a run's resident memory grew
    with the corpus (about 8 KB an article) however little of it was live."""
    pa.default_memory_pool().release_unused()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def _parts(path: Path) -> Iterator[pd.DataFrame]:
    """A Parquet file as DataFrames of at most ``_PART_ROWS`` rows."""
    return parquet_parts(path, _PART_ROWS)


def _input_schema(chunks: Iterator[pd.DataFrame], steps: list[Step]) -> pa.Schema | None:
    """The first pass: every chunk's input columns merged into one schema (``None`` for an
    empty corpus), while the steps that learn from the whole corpus learn."""
    learning = [step for step in steps if step.learns]
    schema = ChunkedSchema()
    for chunk in chunks:
        schema.add(arrow_table(chunk))
        for step in learning:
            step.learn(chunk)
    return schema.schema()


def _conformed(chunks: Iterator[pd.DataFrame], schema: pa.Schema | None) -> Iterator[pd.DataFrame]:
    """The chunks of the second pass with every input column, in first-seen order (a column a
    chunk lacks is missing in its rows); an empty corpus is one empty chunk, so every table is
    written, with its columns."""
    if schema is None:
        yield pd.DataFrame({"id": pd.Series(dtype=object), "text": pd.Series(dtype=object)})
        return
    for chunk in chunks:
        yield chunk.reindex(columns=schema.names)


def _parts_of(chunk: pd.DataFrame, chars: int) -> Iterator[pd.DataFrame]:
    """``chunk`` cut into runs of rows holding about ``chars`` characters of text each (a row
    longer than that alone), so a run's memory follows the text's size, not its document count."""
    lengths = [len(text) if isinstance(text, str) else 0 for text in chunk["text"]]
    start, held = 0, 0
    for row, length in enumerate(lengths):
        if held and held + length > chars:
            yield chunk.iloc[start:row]
            start, held = row, 0
        held += length
    if start < len(chunk) or not len(chunk):
        yield chunk.iloc[start:]


def _staging_folder(out: Path) -> Path:
    """A new hidden folder inside ``out`` (created when needed) for this run's tables."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=RUN_STAGING, dir=out))
    except OSError as error:
        raise TidingsIOError(f"cannot write the tables into {out}: {error.strerror or error}") from error


def _publish(staging: Path, out: Path, names: list[str]) -> list[Path]:
    """Moves the tables written in ``staging`` into ``out`` (each an atomic rename on the same
    file system) and removes the tables of an earlier run that this run did not write."""
    try:
        for name in names:
            os.replace(staging / f"{name}.parquet", out / f"{name}.parquet")
        for name in TABLES:
            if name not in names:
                (out / f"{name}.parquet").unlink(missing_ok=True)
    except OSError as error:
        raise TidingsIOError(f"cannot move the tables into {out}: {error.strerror or error}") from error
    return [out / f"{name}.parquet" for name in names]


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
    chunk_chars: int = CHUNK_CHARS,
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
    tables of the pipeline run in memory, whatever ``chunksize`` (documents read at a time) and
    ``chunk_chars`` (characters of text processed at a time: a chunk of long documents goes
    through the steps in parts of about that size): a field that first appears in
    a later chunk is a column of every row, missing where absent, and a field whose values fit
    no one type (objects and strings) is stored as text (see :mod:`tidings._arrow`). The file is
    read twice (the first pass learns the input's columns and page templates). The tables
    replace those of an earlier run in ``out`` only once all of them are written: a run that
    fails leaves ``out`` as it was. Memory holds one chunk and the results of one part of it,
    each document's id once (:class:`tidings._ids.DocumentIds`: about 32 bytes a short id), the
    template-line counts during the first pass (one
    entry per distinct short line of each source; the second pass keeps only the templates learned), a few dozen bytes per document for dedup and
    its pairs (the fingerprints, 4 bytes per distinct shingle of each document, wait in a
    temporary file and are decided block by block, a block holding a few hundred MB) and, for the join of names across the corpus, each document's distinct names as
    ids into one table of the corpus's names (a few bytes per name of a document), never its
    mentions. A JSONL file is read ``chunk_chars`` characters at a time at most.
    ``dedup_options`` are those of :meth:`tidings.Corpus.dedup`.

    Returns
    -------
    (RunStats, list of Path)
        The run's figures and the files written.
    """
    if dedup_options and "clean" in dedup_options:
        raise InputError("the pipeline dedups the cleaned text already; drop the dedup option 'clean'")
    _map_large_blocks()
    ids = DocumentIds()
    steps = make_steps(workers=workers, progress=progress, options={"dedup": dict(dedup_options or {})}, ids=ids)
    out = Path(out)
    staging = _staging_folder(out)
    try:
        stats, names = _run(path, staging, steps, ids, text=text, id=id, chunksize=chunksize,
                            chunk_chars=chunk_chars, workers=workers, progress=progress)
        return stats, _publish(staging, out, names)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _run(path: str | Path, out: Path, steps: list[Step], ids: DocumentIds, *, text: str, id: str | None,
         chunksize: int, chunk_chars: int, workers: int | None, progress: bool) -> tuple[RunStats, list[str]]:
    """Both passes of :func:`stream_corpus`, writing the tables into ``out``; returns the run's
    figures and the names of the tables written. ``ids`` gathers the documents' ids, which the
    steps read."""
    def read() -> Iterator[pd.DataFrame]:
        return iter_corpus(path, text=text, id=id, chunksize=chunksize, chunk_chars=chunk_chars)

    schema = _input_schema(read(), steps)
    known = None if schema is None else pa.schema([f for f in schema if f.name not in _STANDARD_COLUMNS])
    stats = RunStats(steps=STEPS)
    chunks = (part for chunk in _conformed(read(), schema)
              for part in _parts_of(chunk, chunk_chars))
    paths = _apply_chunks(steps, chunks, out, stats, known, ids, workers=workers, progress=progress)
    # Last step first: each step's finish needs only its own state, and the names the tag step
    # keeps for its join (the largest state kept, a few hundred bytes an article) are freed by
    # its join, so they are no longer held while dedup decides its block of fingerprints.
    for step in reversed(steps):
        _release_freed_memory()
        done = step.finish()
        _release_freed_memory()
        for name, rewrite in done.rewrites.items():
            _rewrite(paths[name], rewrite)
        for name, table in done.tables.items():
            paths[name] = out / f"{name}.parquet"
            pq.write_table(arrow_table(table), paths[name])
        if "clusters" in done.tables:
            stats.add_clusters(done.tables["clusters"])
        # Applied or written, so not held while the next step finishes: the join's renames,
        # dedup's tables (a row and an id per document).
        del done
    if "entities" in paths:
        for part in _parts(paths["entities"]):
            stats.add_entities(part)
    return stats, [name for name in TABLES if name in paths]


def _apply_chunks(steps: list[Step], chunks: Iterator[pd.DataFrame], out: Path, stats: RunStats,
                  known: pa.Schema | None, ids: DocumentIds, *, workers: int | None,
                  progress: bool) -> dict[str, Path]:
    """The second pass: each chunk's ids added to ``ids`` (an id seen before is an error), the
    chunk through every step, its rows appended to the tables in ``out``. Returns the path of
    each table written."""
    writers: dict[str, _TableWriter] = {}
    try:
        for chunk in chunks:
            documents = prepare_corpus(chunk, workers=workers, progress=progress).documents
            ids.add(documents["doc"])
            tables: dict[str, pd.DataFrame] = {}
            for step in steps:
                documents, produced = step.apply(documents)
                tables.update(produced)
            stats.add_documents(documents)
            if "removed" in tables:
                stats.add_removed(tables["removed"])
            for name, table in {"documents": documents, **tables}.items():
                if name not in writers:
                    writers[name] = _TableWriter(out / f"{name}.parquet", known if name == "documents" else None)
                writers[name].write(table)
            del documents, tables
            _release_freed_memory()
    finally:
        for writer in writers.values():
            writer.close()
    return {name: writer.path for name, writer in writers.items()}
