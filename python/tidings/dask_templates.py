"""Page templates of a whole Dask DataFrame, learned on the cluster without moving its documents.

Templates are short lines recurring across the pages of a source, so they are learned from the
whole corpus. Each partition's template lines are counted by a task where the partition is
(:meth:`tidings.PageTemplates.add`); the counts are merged on the cluster in a tree, a few
partitions' counts per task (exact in any order: :meth:`tidings.PageTemplates.merge` counts a
page copied across parts once); the templates are learned from the merged counts there, and
only they come back (a few bytes per template line, :meth:`tidings.PageTemplates.learned`).
Each partition cleaned with them is cleaned as one :func:`tidings.clean_many` call over the
whole corpus would clean it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd

from .cleaning import PageTemplates, learns_templates

__all__ = ["learned_templates"]

#: Partitions' template counts merged by one task (the counts are merged in a tree).
MERGED_AT_ONCE = 8


@dataclass(frozen=True)
class _TemplateCounter:
    """Counting the template lines of one partition (picklable: column names and options)."""

    text: str
    source: str | None
    options: dict[str, Any]
    threads: int

    def __call__(self, part: pd.DataFrame) -> PageTemplates:
        templates = PageTemplates(**self.options)
        sources = part[self.source] if self.source is not None else None
        templates.add(part[self.text], sources=sources, workers=self.threads, progress=False)
        return templates


def _merged(*parts: PageTemplates) -> PageTemplates:
    """The counts of several partitions as one (the parts, other tasks' results, stay as they are)."""
    merged = PageTemplates(**parts[0].options)
    for part in parts:
        merged.merge(part)
    return merged


def learned_templates(ddf: dd.DataFrame, *, text: str, source: str | None, options: dict[str, Any],
                      threads: int) -> PageTemplates | None:
    """The page templates of the documents of column ``text`` of the whole of ``ddf`` (per value
    of column ``source`` when given, else one set for the corpus), learned on the cluster with
    the resolved cleaning ``options``, Rust on ``threads`` threads a task; ``None`` when these
    options learn none. Computes now: reads ``ddf`` once."""
    if not learns_templates(options):
        return None
    counter = _TemplateCounter(text, source, options, threads)
    level = [dask.delayed(counter)(part) for part in ddf.to_delayed()]
    while len(level) > 1:
        level = [dask.delayed(_merged)(*level[i:i + MERGED_AT_ONCE]) for i in range(0, len(level), MERGED_AT_ONCE)]
    (learned,) = dask.compute(dask.delayed(PageTemplates.learned)(level[0]))
    return learned
