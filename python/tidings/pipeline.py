"""The whole pipeline on a DataFrame of documents: what ``tidings demo`` and ``tidings run`` do.

Each stage adds tables; the CLI prints or writes them. New stages register here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .cleaning import Cleaned, clean_many, removed_frame
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
    documents = _clean_stage(documents, result, workers=workers)
    result.tables["documents"] = documents
    return result


def _clean_stage(documents: pd.DataFrame, result: PipelineResult, *, workers: int | None) -> pd.DataFrame:
    """Cleaned text and fields as columns of ``documents``; the audit as the ``removed`` table."""
    sources = documents["source"] if "source" in documents.columns else None
    cleaned = clean_many(documents["text"], sources=sources, workers=workers)
    fields = pd.DataFrame([c.to_dict() for c in cleaned], index=documents.index,
                          columns=list(Cleaned().to_dict()), dtype=object)
    documents = documents.copy()
    documents["clean_text"] = fields["text"]
    for name in ("title", "dateline", "place", "agency", "byline", "date", "credits", "captions"):
        documents[name] = fields[name]
    documents["removed_spans"] = fields["removed"].astype("int64")
    result.tables["removed"] = removed_frame(cleaned, ids=documents["id"].tolist())
    result.stages.append("clean")
    return documents


def summarize(result: PipelineResult) -> str:
    """A short readable summary of a pipeline run."""
    docs = result.documents
    lines = [
        f"tidings ran: {', '.join(result.stages)}",
        f"documents: {len(docs):,}   words: {int(docs['raw_words'].sum()):,}   "
        f"characters: {int(docs['raw_chars'].sum()):,}",
    ]
    if "clean_text" in docs.columns:
        kept = int(docs["clean_text"].str.len().sum())
        raw = max(int(docs["raw_chars"].sum()), 1)
        removed = result.tables.get("removed")
        top = ""
        if removed is not None and len(removed):
            counts = removed["rule"].str.split(".").str[0].value_counts()
            top = " (" + ", ".join(f"{rule} {n:,}" for rule, n in counts.items()) + ")"
        lines.append(f"cleaned: kept {kept:,} of {raw:,} characters ({kept / raw:.0%}); "
                     f"{len(removed) if removed is not None else 0:,} audit spans{top}; "
                     f"titles found: {int(docs['title'].notna().sum()):,}")
    if "source" in docs.columns:
        counts = docs["source"].value_counts()
        lines.append(f"sources: {len(counts)} ({', '.join(f'{s} {n}' for s, n in counts.head(5).items())}"
                     f"{', …' if len(counts) > 5 else ''})")
    return "\n".join(lines)
