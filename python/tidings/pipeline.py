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
    from .stream import RunStats

    return "\n".join(RunStats.of(corpus).lines())
