"""The whole pipeline on a DataFrame of documents: what ``tidings demo`` runs (``tidings run`` streams the same steps).

The steps are :class:`tidings.Corpus`'s; this module only chains them and summarises the result.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .corpus import Corpus
from .describe import describe

__all__ = ["RunStats", "prepare_corpus", "run_pipeline", "summarize"]

#: The steps a pipeline run executes, in order.
STEPS = ("clean", "dedup", "tag")


def prepare_corpus(frame: pd.DataFrame, *, workers: int | None = None, progress: bool = True) -> Corpus:
    """A Corpus of ``frame`` (columns ``id`` and ``text``; ``source`` and ``date`` when present) with
    the raw texts' sizes as ``raw_*`` columns: the start of every pipeline run."""
    corpus = Corpus.from_pandas(
        frame,
        id="id" if "id" in frame.columns else None,
        date="date" if "date" in frame.columns else None,
        source="source" if "source" in frame.columns else None,
    )
    sizes = describe(corpus.documents["text"], workers=workers, progress=progress)
    return Corpus(documents=corpus.documents.join(sizes.add_prefix("raw_")))


def run_pipeline(frame: pd.DataFrame, *, workers: int | None = None, progress: bool = True) -> Corpus:
    """Run every step tidings has on ``frame`` (columns ``id`` and ``text``, optionally
    ``source`` and ``date``) and return the resulting :class:`Corpus`."""
    corpus = prepare_corpus(frame, workers=workers, progress=progress)
    for step in STEPS:
        corpus = getattr(corpus, step)(workers=workers)
    return corpus


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


def summarize(corpus: Corpus) -> str:
    """A short readable summary of a pipeline run."""
    return "\n".join(RunStats.of(corpus).lines())
