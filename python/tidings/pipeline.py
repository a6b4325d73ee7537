"""The whole pipeline on a DataFrame of documents: what ``tidings demo`` and ``tidings run`` do.

The steps are :class:`tidings.Corpus`'s; this module only chains them and summarises the result.
"""

from __future__ import annotations

import pandas as pd

from .corpus import Corpus
from .describe import describe

__all__ = ["run_pipeline", "summarize"]

#: The steps a pipeline run executes, in order.
STEPS = ("clean", "dedup", "tag")


def run_pipeline(frame: pd.DataFrame, *, workers: int | None = None, progress: bool = True) -> Corpus:
    """Run every step tidings has on ``frame`` (columns ``id`` and ``text``, optionally
    ``source`` and ``date``) and return the resulting :class:`Corpus`."""
    corpus = Corpus.from_pandas(
        frame,
        id="id" if "id" in frame.columns else None,
        date="date" if "date" in frame.columns else None,
        source="source" if "source" in frame.columns else None,
    )
    sizes = describe(corpus.documents["text"], workers=workers, progress=progress)
    corpus = Corpus(documents=corpus.documents.join(sizes.add_prefix("raw_")))
    for step in STEPS:
        corpus = getattr(corpus, step)(workers=workers)
    return corpus


def summarize(corpus: Corpus) -> str:
    """A short readable summary of a pipeline run."""
    docs = corpus.documents
    lines = [f"tidings ran: {', '.join(corpus.steps)}", f"documents: {len(docs):,}"]
    if "raw_words" in docs.columns:
        lines[-1] += f"   words: {int(docs['raw_words'].sum()):,}   characters: {int(docs['raw_chars'].sum()):,}"
    if "source" in docs.columns:
        counts = docs["source"].value_counts()
        lines.append(f"sources: {len(counts)} ({', '.join(f'{s} {n}' for s, n in counts.head(5).items())}"
                     f"{', …' if len(counts) > 5 else ''})")
    if "clean_text" in docs.columns:
        kept = int(docs["clean_text"].str.len().sum())
        raw = max(int(docs["text"].str.len().sum()), 1)
        removed = corpus.tables.get("removed")
        top = ""
        if removed is not None and len(removed):
            counts = removed["rule"].str.split(".").str[0].value_counts()
            top = " (" + ", ".join(f"{rule} {n:,}" for rule, n in counts.items()) + ")"
        lines.append(f"cleaned: kept {kept:,} of {raw:,} characters ({kept / raw:.0%}); "
                     f"{len(removed) if removed is not None else 0:,} audit spans{top}; "
                     f"titles found: {int(docs['title'].notna().sum()):,}")
    if "cluster" in docs.columns:
        copies = docs[docs["cluster_size"] > 1]
        kinds = docs["kind"].value_counts()
        lines.append(
            f"duplicates: {copies['cluster'].nunique():,} clusters hold {len(copies):,} documents "
            f"({int(kinds.get('exact', 0)):,} exact, {int(kinds.get('near', 0)):,} near); "
            f"{int(docs['is_representative'].sum()):,} documents remain after dedup"
        )
    if "entities" in corpus.tables:
        entities = corpus.tables["entities"]
        labels = entities["label"].value_counts()
        lines.append(f"entities: {len(entities):,} mentions of {entities['entity'].nunique():,} entities "
                     f"({', '.join(f'{label} {n:,}' for label, n in labels.items())})")
        top = entities[entities["label"] != "DATE"]["entity"].value_counts().head(6)
        if len(top):
            lines.append("most mentioned: " + ", ".join(f"{name} ({n})" for name, n in top.items()))
    return "\n".join(lines)
