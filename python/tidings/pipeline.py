"""The whole pipeline on a DataFrame of documents: what ``tidings demo`` and ``tidings run`` do.

Each stage adds tables; the CLI prints or writes them. New stages register here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .dedup import dedup_documents
from .describe import describe

__all__ = ["PipelineResult", "run_pipeline"]


@dataclass
class PipelineResult:
    """The tables a pipeline run produced, by name (``documents`` always; others per stage)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)

    @property
    def documents(self) -> pd.DataFrame:
        return self.tables["documents"]


def run_pipeline(frame: pd.DataFrame, *, workers: int | None = None) -> PipelineResult:
    """Run every stage tidings has on ``frame`` (columns ``id`` and ``text`` at least)."""
    documents = frame.copy()
    result = PipelineResult()
    stats = describe(documents["text"], workers=workers)
    documents = documents.join(stats.add_prefix("raw_"))
    result.stages.append("describe")
    documents = _dedup_stage(documents, result, workers)
    result.tables["documents"] = documents
    return result


def _dedup_stage(documents: pd.DataFrame, result: PipelineResult, workers: int | None) -> pd.DataFrame:
    """Cluster columns on the documents table, and a ``pairs`` table (ids from ``id`` when usable)."""
    documents, pairs = dedup_documents(documents, workers=workers)
    result.tables["pairs"] = pairs
    result.stages.append("dedup")
    return documents


def summarize(result: PipelineResult) -> str:
    """A short readable summary of a pipeline run."""
    docs = result.documents
    lines = [
        f"tidings ran: {', '.join(result.stages)}",
        f"documents: {len(docs):,}   words: {int(docs['raw_words'].sum()):,}   "
        f"characters: {int(docs['raw_chars'].sum()):,}",
    ]
    if "cluster" in docs.columns:
        copies = docs[docs["cluster_size"] > 1]
        kinds = docs["kind"].value_counts()
        lines.append(
            f"duplicates: {copies['cluster'].nunique():,} clusters hold {len(copies):,} documents "
            f"({int(kinds.get('exact', 0)):,} exact, {int(kinds.get('near', 0)):,} near); "
            f"{int(docs['is_representative'].sum()):,} documents remain after dedup"
        )
    if "source" in docs.columns:
        counts = docs["source"].value_counts()
        lines.append(f"sources: {len(counts)} ({', '.join(f'{s} {n}' for s, n in counts.head(5).items())}"
                     f"{', …' if len(counts) > 5 else ''})")
    return "\n".join(lines)
