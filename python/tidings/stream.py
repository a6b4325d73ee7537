"""Streaming a corpus larger than memory through the pipeline: what ``tidings run`` does.

Each chunk is cleaned and tagged on its own and appended to the Parquet tables; every chunk's
cleaned text also goes into one growing :class:`~tidings.DedupIndex`, whose final clusters are
written once the whole corpus has been seen (a later document can join earlier ones).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .corpus import Corpus
from .dedup import DedupIndex
from .describe import describe
from .errors import TidingsIOError
from .io import iter_corpus

__all__ = ["RunStats", "stream_corpus"]


@dataclass
class RunStats:
    """Headline figures of a pipeline run, gathered chunk by chunk."""

    steps: tuple[str, ...] = ()
    documents: int = 0
    words: int = 0
    raw_chars: int = 0
    clean_chars: int = 0
    sources: Counter[str] = field(default_factory=Counter)
    removed_rules: Counter[str] = field(default_factory=Counter)
    titles: int = 0
    clusters: int = 0
    clustered_documents: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    representatives: int = 0
    mention_labels: Counter[str] = field(default_factory=Counter)
    mentioned: Counter[str] = field(default_factory=Counter)
    entities: set[str] = field(default_factory=set)

    def add_chunk(self, corpus: Corpus) -> None:
        """Count one chunk's documents, cleaning audit and mentions."""
        docs = corpus.documents
        self.steps = tuple(dict.fromkeys((*self.steps, *corpus.steps)))
        self.documents += len(docs)
        if "raw_words" in docs.columns:
            self.words += int(docs["raw_words"].sum())
            self.raw_chars += int(docs["raw_chars"].sum())
        if "source" in docs.columns:
            self.sources.update(s for s in docs["source"] if isinstance(s, str))
        if "clean_text" in docs.columns:
            self.clean_chars += int(docs["clean_text"].str.len().sum())
            self.titles += int(docs["title"].notna().sum())
            self.removed_rules.update(corpus.removed["rule"].str.split(".").str[0])
        if "entities" in corpus.tables:
            entities = corpus.entities
            self.mention_labels.update(entities["label"])
            self.mentioned.update(entities.loc[entities["label"] != "DATE", "entity"])
            self.entities.update(entities["entity"])

    def add_clusters(self, clusters: pd.DataFrame) -> None:
        """Count the final dedup assignments (one row per document)."""
        shared = clusters[clusters["cluster_size"] > 1]
        self.clusters = int(shared["cluster"].nunique())
        self.clustered_documents = len(shared)
        self.kinds = Counter(clusters["kind"].astype(str))
        self.representatives = int(clusters["is_representative"].sum())

    @classmethod
    def of(cls, corpus: Corpus) -> RunStats:
        """The figures of a whole corpus in memory."""
        stats = cls()
        stats.add_chunk(corpus)
        if "cluster" in corpus.documents.columns:
            stats.add_clusters(corpus.documents)
        return stats

    def lines(self) -> list[str]:
        """The summary as readable lines."""
        lines = [f"tidings ran: {', '.join(self.steps)}", f"documents: {self.documents:,}"]
        if self.raw_chars:
            lines[-1] += f"   words: {self.words:,}   characters: {self.raw_chars:,}"
        if self.sources:
            top = ", ".join(f"{s} {n}" for s, n in self.sources.most_common(5))
            lines.append(f"sources: {len(self.sources)} ({top}{', …' if len(self.sources) > 5 else ''})")
        if "clean" in self.steps:
            rules = ", ".join(f"{rule} {n:,}" for rule, n in self.removed_rules.most_common())
            share = self.clean_chars / max(self.raw_chars, 1)
            lines.append(f"cleaned: kept {self.clean_chars:,} of {self.raw_chars:,} characters ({share:.0%}); "
                         f"{sum(self.removed_rules.values()):,} audit spans ({rules}); titles found: {self.titles:,}")
        if "dedup" in self.steps:
            lines.append(f"duplicates: {self.clusters:,} clusters hold {self.clustered_documents:,} documents "
                         f"({self.kinds.get('exact', 0):,} exact, {self.kinds.get('near', 0):,} near); "
                         f"{self.representatives:,} documents remain after dedup")
        if "tag" in self.steps:
            labels = ", ".join(f"{label} {n:,}" for label, n in self.mention_labels.most_common())
            lines.append(f"entities: {sum(self.mention_labels.values()):,} mentions of {len(self.entities):,} "
                         f"entities ({labels})")
            if self.mentioned:
                lines.append("most mentioned: " + ", ".join(f"{e} ({n})" for e, n in self.mentioned.most_common(6)))
        return lines


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
            corpus = Corpus.from_pandas(
                chunk,
                id="id",
                date="date" if "date" in chunk.columns else None,
                source="source" if "source" in chunk.columns else None,
            )
            sizes = describe(corpus.documents["text"], workers=workers, progress=progress)
            corpus = Corpus(documents=corpus.documents.join(sizes.add_prefix("raw_")))
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
    stats.steps = ("clean", "dedup", "tag")
    stats.add_clusters(clusters)
    written = [w.path for w in writers.values() if w.path.exists()] + [out / "clusters.parquet", out / "pairs.parquet"]
    return stats, written
