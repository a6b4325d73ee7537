"""The whole pipeline on a DataFrame of documents: what ``tidings demo`` runs (``tidings run`` streams the same steps).

The steps and their order are defined in :mod:`tidings.steps`; this module chains them over a
corpus in memory, names the tables a run produces and summarises them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from ._counts import NameCounts
from .corpus import Corpus
from .dedup import CLUSTER_COLUMNS
from .describe import describe
from .steps import STEPS

__all__ = ["RunStats", "STEPS", "TABLES", "prepare_corpus", "run_pipeline", "run_tables", "summarize"]

#: The tables a pipeline run produces (``tidings run`` writes one Parquet file each).
TABLES = ("documents", "removed", "entities", "clusters", "pairs")


def prepare_corpus(frame: pd.DataFrame, *, workers: int | None = None, progress: bool = True) -> Corpus:
    """A Corpus of ``frame`` (columns ``doc`` or ``id``, and ``text``; ``source`` and ``date`` when
    present) with the raw texts' sizes as ``raw_*`` columns: the start of every pipeline run."""
    corpus = Corpus.from_pandas(
        frame,
        date="date" if "date" in frame.columns else None,
        source="source" if "source" in frame.columns else None,
    )
    sizes = describe(corpus.documents["text"], workers=workers, progress=progress)
    return Corpus(documents=corpus.documents.join(sizes.add_prefix("raw_")))


def run_pipeline(frame: pd.DataFrame, *, workers: int | None = None, progress: bool = True) -> Corpus:
    """Run every step tidings has on ``frame`` (columns ``doc`` or ``id``, and ``text``, optionally
    ``source`` and ``date``) and return the resulting :class:`Corpus`."""
    corpus = prepare_corpus(frame, workers=workers, progress=progress)
    for step in STEPS:
        corpus = getattr(corpus, step)(workers=workers, progress=progress)
    return corpus


def run_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The tables of a run on ``corpus``, as ``tidings run`` writes them: ``documents`` (without
    the cluster columns), ``removed``, ``entities``, ``clusters`` (``doc`` and the cluster columns
    of each document) and ``pairs``, those its steps produced."""
    documents = corpus.documents
    tables = {"documents": documents.drop(columns=[c for c in CLUSTER_COLUMNS if c in documents.columns])}
    tables.update({name: corpus.tables[name] for name in ("removed", "entities") if name in corpus.tables})
    if "cluster" in documents.columns:
        tables["clusters"] = documents[["doc", *CLUSTER_COLUMNS]].reset_index(drop=True)
        tables["pairs"] = corpus.tables["pairs"]
    return {name: tables[name] for name in TABLES if name in tables}


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
    mentioned: NameCounts = field(default_factory=NameCounts)
    entities: NameCounts = field(default_factory=NameCounts)

    def add_documents(self, documents: pd.DataFrame) -> None:
        """Count documents (raw sizes, sources, cleaned sizes and titles when known)."""
        self.documents += len(documents)
        if "raw_words" in documents.columns:
            self.words += int(documents["raw_words"].sum())
            self.raw_chars += int(documents["raw_chars"].sum())
        if "source" in documents.columns:
            self.sources.update(s for s in documents["source"] if isinstance(s, str))
        if "clean_text" in documents.columns:
            self.clean_chars += int(documents["clean_text"].str.len().sum())
            self.titles += int(documents["title"].notna().sum())

    def add_removed(self, removed: pd.DataFrame) -> None:
        """Count the cleaning audit's spans by rule family."""
        self.removed_rules.update(removed["rule"].str.split(".").str[0])

    def add_entities(self, entities: pd.DataFrame) -> None:
        """Count mentions by label and entity (the entities in a few bytes each, however many)."""
        self.mention_labels.update(entities["label"])
        self.mentioned.update(entities.loc[entities["label"] != "DATE", "entity"])
        self.entities.update(entities["entity"])

    def add_clusters(self, clusters: pd.DataFrame) -> None:
        """Count the final dedup assignments (one row per document)."""
        shared = clusters[clusters["cluster_size"] > 1]
        self.clusters = int(shared["cluster"].nunique())
        self.clustered_documents = len(shared)
        self.kinds = Counter(str(kind) for kind in clusters["kind"])
        self.representatives = int(clusters["is_representative"].sum())

    @classmethod
    def of(cls, corpus: Corpus) -> RunStats:
        """The figures of a whole corpus in memory."""
        stats = cls(steps=corpus.steps)
        tables = run_tables(corpus)
        stats.add_documents(tables["documents"])
        counters = {"removed": stats.add_removed, "entities": stats.add_entities, "clusters": stats.add_clusters}
        for name, add in counters.items():
            if name in tables:
                add(tables[name])
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
                         f"({self.kinds.get('exact', 0):,} exact, {self.kinds.get('near', 0):,} near, "
                         f"{self.kinds.get('contained', 0):,} contained); "
                         f"{self.representatives:,} documents remain after dedup")
        if "tag" in self.steps:
            labels = ", ".join(f"{label} {n:,}" for label, n in self.mention_labels.most_common())
            lines.append(f"entities: {sum(self.mention_labels.values()):,} mentions of {len(self.entities):,} "
                         f"entities ({labels})")
            if self.mentioned:
                lines.append("most mentioned: " + ", ".join(f"{e} ({n})" for e, n in self.mentioned.most_common(6)))
        return lines


def summarize(corpus: Corpus) -> str:
    """A short readable summary of a pipeline run."""
    return "\n".join(RunStats.of(corpus).lines())
