"""The pipeline's steps, defined once for the in-memory :class:`~tidings.Corpus` and for ``tidings run``.

A step sees a corpus as chunks of its documents table (columns ``doc``, ``text`` and, when known,
``source`` and ``date``) in corpus order, in up to three phases:

1. ``learn(chunk)``: a first pass over every chunk, for what must be learned from the whole
   corpus before any document is processed (cleaning counts the page-template lines of each
   source). It sees the chunks as read; only the first step, cleaning, learns.
2. ``apply(chunk)``: the step on one chunk; returns the chunk's documents with the step's
   columns and the chunk's rows of the step's tables.
3. ``finish()``: what needs the whole corpus once every chunk went through ``apply``: dedup's
   clusters and pairs, and entity names joined across the corpus (a rewrite of the ``entities``
   rows already produced).

Every decision that depends on other documents is taken in ``learn`` or ``finish``, so a run's
tables do not depend on how the corpus was cut into chunks. A corpus in memory is one chunk
(:meth:`Step.run`).
"""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ._ids import DocumentIds
from .cleaning import LIST_COLUMNS, PageTemplates, clean_columns, learns_templates
from .dates import document_dates, parse_dates
from .dedup import CorpusDedup
from .errors import InputError
from .stories import StoryIndex
from .tag import CorpusTagger, article_texts, split_fields, tag

__all__ = ["STEPS", "Step", "Finished", "Clean", "Dedup", "Tag", "GroupStories", "make_steps", "text_column",
           "story_texts"]

#: The pipeline's steps, in the order they run.
STEPS = ("clean", "dedup", "tag")

def text_column(documents: pd.DataFrame) -> str:
    """The text the steps after cleaning work on: ``clean_text`` once cleaned, else ``text``."""
    return "clean_text" if "clean_text" in documents.columns else "text"


@dataclass
class Finished:
    """What a step produces once the whole corpus went through it."""

    #: New tables (dedup's ``clusters`` and ``pairs``).
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: A rewrite for each table whose rows earlier chunks produced, applied to every part of it.
    rewrites: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = field(default_factory=dict)


class Step(ABC):
    """One step of the pipeline (see the module docs for its phases)."""

    name = ""
    #: Whether the step needs the first pass (:meth:`learn`) over every chunk.
    learns = False
    #: Whether the step keeps the corpus's ids until it finishes (and takes ``ids=``).
    keeps_ids = False

    def __init__(self, *, workers: int | None = None, progress: bool = True) -> None:
        self.workers = workers
        self.progress = progress

    def learn(self, documents: pd.DataFrame) -> None:
        """Learn from one chunk of the corpus as read (first pass)."""

    @abstractmethod
    def apply(self, documents: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        """The step on one chunk: its documents with the step's columns, and its tables' rows."""

    def finish(self) -> Finished:
        """What needs the whole corpus, once every chunk went through :meth:`apply`."""
        return Finished()

    def run(self, documents: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        """The step on a whole corpus in memory: one chunk through every phase."""
        if self.learns:
            self.learn(documents)
        documents, tables = self.apply(documents)
        done = self.finish()
        for name, rewrite in done.rewrites.items():
            tables[name] = rewrite(tables[name])
        return documents, {**tables, **done.tables}


def _sources(documents: pd.DataFrame) -> pd.Series | None:
    return documents["source"] if "source" in documents.columns else None


class Clean(Step):
    """Cleaning (:func:`tidings.clean_many`), with page templates learned over the whole corpus.

    Adds the columns ``clean_text``, ``title`` (the headline), ``dateline`` (without its
    closing dash), ``place``, ``agency``, ``byline`` (where the input already has one of these
    five columns it is kept: the extracted values fill only its gaps and are all in
    ``clean_<name>``), ``published`` (the date printed in the
    page, ``datetime64[ns, UTC]``, read by :func:`tidings.dates.parse_dates` with
    ``date_format``), ``published_text`` (that date as printed), ``credits``, ``captions``
    (lists of text, of the dtype :func:`tidings.clean_frame` gives them) and ``removed_spans``
    (int64), and the ``removed`` table (``doc`` id, ``start``, ``end``, ``rule``, ``text``,
    ``replacement``, offsets into the raw ``text``). Given
    ``templates`` (counted or learned over the whole corpus elsewhere, as on a cluster), the step
    cleans with them and learns nothing.
    """

    name = "clean"

    def __init__(self, *, date_format: str | None = None, templates: PageTemplates | None = None,
                 workers: int | None = None, progress: bool = True, **options: Any) -> None:
        super().__init__(workers=workers, progress=progress)
        self._templates = templates if templates is not None else PageTemplates(**options)
        self._date_format = date_format
        parse_dates([], date_format=date_format)  # a bad format fails before any work
        # Templates given were learned over the whole corpus already (elsewhere).
        self.learns = learns_templates(self._templates.options) and templates is None

    @property
    def templates(self) -> PageTemplates:
        """The page templates learned (counted) so far."""
        return self._templates

    def learn(self, documents: pd.DataFrame) -> None:
        self._templates.add(documents["text"], sources=_sources(documents), workers=self.workers,
                            progress=self.progress)

    def apply(self, documents: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        # The first pass is over: the templates are learned and their counts freed.
        self._templates.finish()
        return self._tables(documents, templates=self._templates)

    def run(self, documents: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        # One clean call learns the templates from these documents and cleans them: the same
        # counting as learn + apply, without preparing each text twice.
        return self._tables(documents, **self._templates.options)

    def _tables(self, documents: pd.DataFrame, **how: Any) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        """``documents`` cleaned with ``how`` (templates, or the options to learn them with)."""
        found, removed = clean_columns(documents["text"], ids=documents["doc"], sources=_sources(documents),
                                       workers=self.workers, progress=self.progress, **how)
        # The body as the core gave it (one str per document, never missing); the short fields
        # as pandas infers them.
        body = pd.Series(found.pop("text"), index=documents.index, dtype=object)
        # Lists of text of the dtype clean_frame gives them, with or without documents.
        lists = {name: pd.Series(found.pop(name), index=documents.index) for name in LIST_COLUMNS}
        # Without documents, columns of objects (pandas makes empty lists floats).
        fields = pd.DataFrame(found if len(documents) else {}, index=documents.index, columns=list(found))
        documents = documents.assign(clean_text=body)
        fields["dateline"] = fields["dateline"].map(_without_dash, na_action="ignore")
        for name in ("title", "dateline", "place", "agency", "byline"):
            _fill_analyst_column(documents, name, fields[name].astype(object))
        documents["published"] = parse_dates(fields["date"], date_format=self._date_format)
        documents["published_text"] = fields["date"].astype(object)
        documents["credits"] = lists["credits"]
        documents["captions"] = lists["captions"]
        documents["removed_spans"] = fields["removed"].astype("int64")
        return documents, {"removed": removed}


def _fill_analyst_column(documents: pd.DataFrame, name: str, extracted: pd.Series) -> None:
    """The analyst's own column stays theirs: what cleaning extracted fills only its gaps (missing
    or blank values) and is kept whole in ``clean_<name>``. Without such a column, the extracted
    values are the column."""
    if name not in documents.columns:
        documents[name] = extracted
        return
    documents[f"clean_{name}"] = extracted
    own = documents[name].astype(object)
    blank = own.isna() | own.map(lambda v: isinstance(v, str) and not v.strip())
    documents[name] = own.where(~blank, extracted)


def _without_dash(dateline: str) -> str:
    """A dateline as the analyst reads it: "TEHRAN (Tasnim) –" is "TEHRAN (Tasnim)"."""
    return dateline.rstrip().rstrip("-–—").rstrip()


class Dedup(Step):
    """Exact and near duplicates (:class:`tidings.dedup.CorpusDedup`) of the cleaned text when
    cleaned, else the raw text.

    Produces the ``clusters`` table (one row per document: ``doc`` and the columns of
    :func:`tidings.dedup`, clusters named after their smallest id) and the ``pairs`` table.
    Options are those of :func:`tidings.dedup` but ``ids`` and ``return_pairs`` (the ids are
    the ``doc`` column); ``keep='earliest'`` takes the ``date`` column unless ``dates`` (aligned
    with the whole corpus) are given.
    """

    name = "dedup"
    keeps_ids = True

    def __init__(self, *, keep: str = "first", dates: Any = None, ids: DocumentIds | None = None,
                 workers: int | None = None, progress: bool = True, **options: Any) -> None:
        super().__init__(workers=workers, progress=progress)
        self._dedup: CorpusDedup | None = CorpusDedup(keep=keep, ids=ids, spill=True, **options)
        self._keep = keep
        self._dates = None if dates is None else list(dates)
        self._seen = 0

    def apply(self, documents: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        if self._dedup is None:
            raise InputError("the dedup step has finished; it takes no more documents")
        dates = None
        if self._dates is not None:
            dates = self._dates[self._seen:self._seen + len(documents)]
        elif self._keep == "earliest" and "date" in documents.columns:
            dates = documents["date"]
        self._dedup.add(documents[text_column(documents)], documents["doc"].tolist(), dates=dates,
                        workers=self.workers, progress=self.progress)
        self._seen += len(documents)
        return documents, {}

    def finish(self) -> Finished:
        if self._dedup is None:
            raise InputError("the dedup step has finished already")
        clusters, pairs = self._dedup.tables()
        # The fingerprints (4 bytes a distinct shingle of every document) are freed before the
        # later steps finish and the tables are written.
        self._dedup = None
        return Finished(tables={"clusters": clusters, "pairs": pairs})


class Tag(Step):
    """Entity tagging (:func:`tidings.tag`) of every field of the cleaned articles when cleaned
    (title, dateline, byline, body, captions), else of the raw text.

    Produces the ``entities`` table (``doc`` is the document id, ``field`` the field a mention
    is in, and its offsets index that field's text: the ``title``, ``dateline``, ``byline``
    columns, ``clean_text`` for ``body``, and the ``captions`` joined by blank lines; ``text``
    for the raw text); entity names are joined across the whole corpus when every chunk was
    tagged, and relative DATE values count from the ``date`` column when there is one. The
    documents' dates and ``source`` column (when there is one) tell people of one surname apart.
    """

    name = "tag"
    keeps_ids = True

    def __init__(self, *, ids: DocumentIds | None = None, workers: int | None = None, progress: bool = True,
                 **options: Any) -> None:
        super().__init__(workers=workers, progress=progress)
        self._options = options
        self._tagger = CorpusTagger(ids=ids, **options)

    def apply(self, documents: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        return documents, {"entities": self._entities(documents, self._tagger.tag)}

    def run(self, documents: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        # A corpus in memory is tagged in one call, which joins the names across it in the core:
        # no names kept for a later join, no rewrite of the table.
        return documents, {"entities": self._entities(documents, functools.partial(tag, **self._options))}

    def _entities(self, documents: pd.DataFrame, tagger: Callable[..., pd.DataFrame]) -> pd.DataFrame:
        """The mention table of ``documents`` by ``tagger`` (:func:`tidings.tag`'s arguments)."""
        ids = pd.Index(documents["doc"], name="doc")
        dates = document_dates(documents)
        sources = documents["source"] if "source" in documents.columns else None
        if text_column(documents) == "text":
            texts = pd.Series(documents["text"].to_numpy(), index=ids)
            return tagger(texts, dates=dates, sources=sources, workers=self.workers,
                          progress=self.progress).reset_index(drop=True)
        combined, layout = article_texts(documents)
        # The ids are the documents' names in a corpus-wide join (chunk by chunk, on Dask).
        entities = tagger(pd.Series(combined, index=ids, dtype=object), dates=dates, sources=sources,
                          workers=self.workers, progress=self.progress)
        # Each mention's document position, without an index of one label per mention.
        positions = pd.Series(ids.get_indexer(entities["doc"].to_numpy()))
        return split_fields(entities.reset_index(drop=True), positions, layout)

    def names(self) -> tuple[np.ndarray, bytes]:
        """The mentions' names of the chunks applied so far, for a join in another process
        (:meth:`tidings.tag.CorpusTagger.names`)."""
        return self._tagger.names()

    def finish(self) -> Finished:
        renames = self._tagger.join()
        if not renames:
            return Finished()
        return Finished(rewrites={"entities": lambda entities: CorpusTagger.rename(entities, renames)})


def story_texts(documents: pd.DataFrame) -> pd.Series:
    """What stories read of each document: its headline (``title``, which cleaning takes out
    of the text) and its text, once cleaned; else the raw text."""
    texts = documents[text_column(documents)]
    if "title" not in documents.columns:
        return texts
    joined = [f"{title}\n\n{text}" if isinstance(title, str) and isinstance(text, str) else text
              for title, text in zip(documents["title"], texts)]
    return pd.Series(joined, index=documents.index, dtype=object)


class GroupStories(Step):
    """Stories (:class:`tidings.StoryIndex`) of the headline and cleaned text when cleaned, else
    the raw text: dated as :attr:`tidings.Corpus.dates` (the ``date`` column, else the date
    printed in the page), the documents of one duplicate cluster (the
    ``cluster`` column, once dedup ran) kept in one story, with the corpus's mention table
    (``entities``, ``doc`` = document id) or, without one, each chunk tagged here.

    Produces the ``story_members`` table: one row per document, ``doc`` and the columns of
    :func:`tidings.stories`, stories named after their earliest document's id. Within a chunk
    the documents enter in id order, so a corpus in memory gets the same stories whatever its
    row order. Options are those of :class:`tidings.StoryIndex`.
    """

    name = "group_stories"

    def __init__(self, *, entities: pd.DataFrame | None = None, workers: int | None = None, progress: bool = True,
                 **options: Any) -> None:
        super().__init__(workers=workers, progress=progress)
        self._index = StoryIndex(**options)
        self._entities = entities
        self._ids: list[Any] = []

    def apply(self, documents: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        chunk = documents.sort_values("doc", kind="stable")
        ids = chunk["doc"].tolist()
        texts = pd.Series(story_texts(chunk).to_numpy(), index=pd.Index(ids))
        entities = None
        if self._entities is not None:
            entities = self._entities[self._entities["doc"].isin(set(ids))]
        self._index.add(
            texts,
            dates=document_dates(chunk),
            entities=entities,
            duplicates=chunk["cluster"] if "cluster" in chunk.columns else None,
            workers=self.workers,
            progress=self.progress,
        )
        self._ids.extend(ids)
        return documents, {}

    def finish(self) -> Finished:
        members = self._index.stories(ids=self._ids).reset_index(drop=True)
        members.insert(0, "doc", self._ids)
        return Finished(tables={"story_members": members})


_STEP_CLASSES: dict[str, type[Step]] = {"clean": Clean, "dedup": Dedup, "tag": Tag}


def make_steps(*, workers: int | None = None, progress: bool = True,
               options: dict[str, dict[str, Any]] | None = None, ids: DocumentIds | None = None) -> list[Step]:
    """Every step of the pipeline, in :data:`STEPS` order; ``options`` maps a step's name to its
    options. With ``ids`` (the corpus's ids, which the caller adds chunk by chunk before the
    steps apply), the steps that keep ids until they finish read them there."""
    options = options or {}
    unknown = sorted(set(options) - set(STEPS))
    if unknown:
        raise InputError(f"no step {', '.join(unknown)}; the steps are {', '.join(STEPS)}")
    shared: dict[str, Any] = {} if ids is None else {"ids": ids}
    return [_STEP_CLASSES[name](workers=workers, progress=progress, **options.get(name, {}),
                                **(shared if _STEP_CLASSES[name].keeps_ids else {})) for name in STEPS]
