"""``tidings.Corpus``: a corpus as pandas tables, with each pipeline step returning a new Corpus.

Every table names a document by its id in a column ``doc`` (``documents.doc``,
``entities.doc``, ``removed.doc``, ``clusters.doc``, ``pairs.doc_a``/``doc_b``): one name, so
any two tables join on it. ``title`` is always a headline; the title printed before a person's
name is the mention's ``role``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import _core, analysis, plots, selection, store
from ._results import list_items, text_list_array
from .cleaning import DEFAULTS as _CLEAN
from .dates import document_dates, parse_dates, unparsed
from .dedup import with_clusters
from .display import ClusterView, DocumentView, StoryView, SummaryCard
from .errors import InputError, InputTypeError
from .io import read_corpus, with_doc_ids
from .steps import Clean, Dedup, GroupStories, Tag, text_column
from .stories import story_table, with_stories
from .tag import TEXT_FIELD

if TYPE_CHECKING:
    import networkx

    from .figure import TidingsFigure

__all__ = ["Corpus"]

_DEDUP = _core.resolve_options("dedup")
_TAG = _core.resolve_options("tag")
_STORIES = _core.resolve_options("stories")
Labels = Iterable[str] | str | None


def _not_pandas(frame: Any, method: str) -> str:
    """Why ``frame`` is not a pandas DataFrame, and which constructor takes it."""
    module = type(frame).__module__.split(".")[0]
    if module == "polars":
        return f"{method} takes a pandas DataFrame; this is a polars {type(frame).__name__}: use Corpus.from_polars(frame)"
    if module == "pyarrow" or hasattr(frame, "__arrow_c_stream__"):
        return f"{method} takes a pandas DataFrame; this is an Arrow {type(frame).__name__}: use Corpus.from_arrow(data)"
    return f"{method} takes a pandas DataFrame, got {module}.{type(frame).__name__}"


def _listed(values: Any) -> list[Any]:
    return list(values) if isinstance(values, (list, tuple, set, pd.Index, pd.Series, np.ndarray)) else [values]


def _text_mentions(entities: pd.DataFrame) -> pd.DataFrame:
    """The mentions in :attr:`Corpus.texts` (the body, or the raw text), whose offsets index it;
    the title, dateline, byline and captions have offsets of their own."""
    if "field" not in entities.columns:
        return entities
    return entities[entities["field"].isin(["body", TEXT_FIELD])]


def _document_quotes(key: str, text: Any, entities: pd.DataFrame | None) -> pd.DataFrame | None:
    """The quotes of one tagged document, for its view (``None`` before tagging)."""
    if entities is None or not isinstance(text, str):
        return None
    from .quotes import quotes

    return quotes(pd.Series([text], index=[key]), mentions=entities, progress=False)


@dataclass(frozen=True)
class Corpus:
    """A corpus of documents and the tables tidings derived from it.

    Build one with :meth:`Corpus.read`, :meth:`from_pandas`, :meth:`from_polars` or
    :meth:`from_arrow`; each step (:meth:`clean`, :meth:`dedup`, :meth:`tag`) returns a new
    Corpus and leaves this one as it was. ``len(corpus)`` counts documents; ``corpus[mask]``,
    :meth:`head` and :meth:`filter` return a smaller Corpus with the matching rows of every table.

    Attributes
    ----------
    documents : pandas.DataFrame
        One row per document: ``doc`` (str, the document id), ``text`` (the raw text),
        ``source`` and ``date`` when known, and the columns each step adds.
    steps : tuple of str
        The steps run so far, in order.
    tables : dict of str to pandas.DataFrame
        The tables the steps produced (``removed``, ``pairs``, ``entities``), by name.
    """

    documents: pd.DataFrame
    steps: tuple[str, ...] = ()
    tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    # --- construction ----------------------------------------------------------------------------

    @classmethod
    def from_pandas(
        cls,
        frame: pd.DataFrame,
        *,
        text: str = "text",
        id: str | None = None,
        date: str | None = None,
        source: str | None = None,
        date_format: str | None = None,
    ) -> Corpus:
        """Wrap a DataFrame with one row per document.

        Parameters
        ----------
        frame : pandas.DataFrame
            The documents.
        text : str, default "text"
            The column holding each document's text.
        id : str, optional
            The column holding unique document ids. Without it, a ``doc`` or ``id`` column
            when the frame has one, else the frame's index labels. Ids become strings in
            ``documents.doc``.
        date : str, optional
            The column of publication dates (a ``date`` column is used without naming it).
            Strings are read by :func:`tidings.dates.parse_dates` (ISO 8601, "Monday, 28 March
            2016", RFC 2822...); the ``date`` column holds them as ``datetime64[ns]`` in UTC,
            ``NaT`` where unreadable.
        source : str, optional
            The column naming each document's outlet, kept as ``source``.
        date_format : str, optional
            A strptime format (``"%d/%m/%Y"``) to read the dates with instead.

        Returns
        -------
        Corpus
            Its ``documents`` hold ``doc`` first, then the frame's columns (``text``, ``date``
            and ``source`` renamed to those names).
        """
        if not isinstance(frame, pd.DataFrame):
            raise InputTypeError(_not_pandas(frame, "from_pandas"))
        roles = {"text": text, "date": date, "source": source}
        for role, column in (*roles.items(), ("id", id)):
            if column is not None and column not in frame.columns:
                raise InputError(f"no {role} column {column!r}; the columns are {list(frame.columns)}")
        renames = {column: role for role, column in roles.items() if column is not None and column != role}
        for column, role in renames.items():
            if role in frame.columns and role != id:
                raise InputError(f"{role}={column!r} but the frame has a {role!r} column too: rename or drop one")
        documents = frame.rename(columns=renames)
        id_column = renames.get(id, id) if id else None
        if id_column == "text":  # the text names its document: the column serves both roles
            if "doc" in documents.columns:
                raise InputError("the ids are in the text column but there is a 'doc' column too; tidings names "
                                 "the document id 'doc': rename or drop that column first")
            documents, id_column = documents.assign(doc=documents["text"]), "doc"
        documents = with_doc_ids(documents, id_column)
        if not documents["doc"].is_unique:
            duplicated = documents["doc"][documents["doc"].duplicated()].iloc[0]
            raise InputError(f"document ids must be unique; {duplicated!r} appears more than once")
        if "date" in documents.columns:
            documents["date"] = parse_dates(documents["date"], date_format=date_format).dt.tz_convert(None)
        return cls(documents=documents)

    @classmethod
    def from_polars(
        cls,
        frame: Any,
        *,
        text: str = "text",
        id: str | None = None,
        date: str | None = None,
        source: str | None = None,
        date_format: str | None = None,
    ) -> Corpus:
        """Wrap a polars DataFrame with one row per document.

        ``text``, ``id``, ``date``, ``source`` and ``date_format`` name its columns and read its
        dates as for :meth:`from_pandas`; without an index, ids default to a ``doc`` or ``id``
        column, else the row number.
        """
        module = type(frame).__module__.split(".")[0]
        if module != "polars" or type(frame).__name__ != "DataFrame":
            hint = ": call .collect() first" if type(frame).__name__ == "LazyFrame" else ""
            raise InputTypeError(f"from_polars takes a polars DataFrame, got {module}.{type(frame).__name__}{hint}")
        return cls.from_pandas(frame.to_pandas(), text=text, id=id, date=date, source=source, date_format=date_format)

    @classmethod
    def from_arrow(
        cls,
        data: Any,
        *,
        text: str = "text",
        id: str | None = None,
        date: str | None = None,
        source: str | None = None,
        date_format: str | None = None,
    ) -> Corpus:
        """Wrap Arrow data with one row per document: a ``pyarrow.Table``, ``RecordBatch`` or
        ``RecordBatchReader``, or anything with ``__arrow_c_stream__`` (polars, DuckDB and
        arro3 results).

        ``text``, ``id``, ``date``, ``source`` and ``date_format`` name its columns and read its
        dates as for :meth:`from_pandas`; ids default to a ``doc`` or ``id`` column, else the
        row number.
        """
        import pyarrow as pa

        if type(data).__module__.split(".")[0] == "polars" and type(data).__name__ == "DataFrame":
            # polars streams its strings as views, which pyarrow reads only from version 16 on
            return cls.from_polars(data, text=text, id=id, date=date, source=source, date_format=date_format)
        if not isinstance(data, (pa.Table, pa.RecordBatch, pa.RecordBatchReader)) and not hasattr(
            data, "__arrow_c_stream__"
        ):
            raise InputTypeError(f"from_arrow takes a pyarrow Table, RecordBatch or RecordBatchReader or an object "
                                 f"with __arrow_c_stream__, got {type(data).__name__}")
        try:
            table = pa.table(data)
        except (pa.ArrowException, TypeError, ValueError) as error:
            raise InputError(f"cannot read the Arrow data as a table: {error}") from error
        return cls.from_pandas(table.to_pandas(), text=text, id=id, date=date, source=source, date_format=date_format)

    @classmethod
    def read(
        cls,
        path: str | Path,
        *,
        text: str = "text",
        id: str | None = None,
        date: str | None = None,
        source: str | None = None,
        date_format: str | None = None,
    ) -> Corpus:
        """Read a corpus: a folder :meth:`to_parquet` or ``tidings run`` wrote, or a JSONL,
        Parquet, CSV/TSV file or a folder of ``.txt`` files (see :func:`tidings.read_corpus`).

        A folder tidings wrote comes back whole: every table and the steps run (``text``,
        ``id``, ``date``, ``source`` and ``date_format`` do not apply to it). Otherwise ``date``
        and ``source`` default to columns of those names when the file has them, and the
        arguments are those of :meth:`from_pandas`. For a corpus larger than memory, stream it with ``tidings run``
        or :func:`tidings.io.iter_corpus`.
        """
        path = Path(path)
        if store.is_corpus_folder(path):
            return cls._from_tables(*store.read_folder(path))
        frame = read_corpus(path, text=text, id=id)
        date = date or ("date" if "date" in frame.columns else None)
        source = source or ("source" if "source" in frame.columns else None)
        return cls.from_pandas(frame, date=date, source=source, date_format=date_format)

    @classmethod
    def _from_tables(cls, tables: dict[str, pd.DataFrame], steps: tuple[str, ...]) -> Corpus:
        documents = tables.pop("documents")
        clusters = tables.pop("clusters", None)
        if clusters is not None and "cluster" not in documents.columns:  # the layout of ``tidings run``
            clusters = clusters.set_index("doc").reindex(documents["doc"]).reset_index()
            documents = with_clusters(documents, clusters)
        return cls(documents=documents, steps=steps, tables=tables)

    @classmethod
    def sample(cls) -> Corpus:
        """The sample corpus shipped with tidings (see :func:`tidings.load_sample`)."""
        from .datasets import load_sample

        return cls.from_pandas(load_sample(), date="date", source="source")

    # --- tables --------------------------------------------------------------------------------------

    def _table(self, name: str, step: str) -> pd.DataFrame:
        if name not in self.tables:
            raise InputError(f"the corpus has no {name} table yet: run corpus.{step}() first")
        return self.tables[name]

    def _with(self, step: str, documents: pd.DataFrame, **tables: pd.DataFrame) -> Corpus:
        return replace(self, documents=documents, steps=(*self.steps, step), tables={**self.tables, **tables})

    @property
    def texts(self) -> pd.Series:
        """The text each step works on: the cleaned text once :meth:`clean` ran, else the raw text."""
        return self.documents[self._text_column]

    @property
    def _text_column(self) -> str:
        return text_column(self.documents)

    @property
    def dates(self) -> pd.Series:
        """Each document's publication date, ``datetime64[ns, UTC]`` aligned with
        :attr:`documents`: the ``date`` column where known, else the date printed in the page
        (``published``, once cleaned), else ``NaT``. ``filter(between=...)``, :meth:`timeline`
        and :meth:`cluster_sources` use these dates."""
        return document_dates(self.documents)

    @property
    def unparsed_dates(self) -> pd.DataFrame:
        """The dates printed in pages that tidings could not read: ``doc`` and
        ``published_text``, one row per document. Clean again with ``date_format=`` to read a
        form tidings does not know (see :mod:`tidings.dates` for the forms it reads)."""
        documents = self.documents
        if "published_text" not in documents.columns:
            raise InputError("the corpus has no printed dates yet: run corpus.clean() first")
        mask = unparsed(documents["published_text"], documents["published"])
        return documents.loc[mask, ["doc", "published_text"]].reset_index(drop=True)

    # --- subsets -------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, key: Any) -> Corpus:
        """The documents where a boolean mask is true (a Series indexed like :attr:`documents`
        or by document id, an array or a list), or a slice of them, with the matching rows of
        every table; see :meth:`filter` for conditions."""
        return self._keep(selection.as_mask(key, self.documents))

    def head(self, n: int = 5) -> Corpus:
        """The first ``n`` documents (all but the last ``-n`` when negative), with the matching
        rows of every table."""
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
            raise InputTypeError(f"head takes a number of documents, got {n!r}")
        return self[: int(n)]

    def filter(
        self,
        *,
        entity: str | Iterable[str] | None = None,
        source: str | Iterable[str] | None = None,
        between: tuple[Any, Any] | None = None,
        cluster: Any = None,
        story: Any = None,
        text_contains: str | None = None,
    ) -> Corpus:
        """The documents meeting every condition given, with the matching rows of every table.

        Rows are kept as they are, not recomputed: a duplicate cluster keeps its size and
        representative from the whole corpus.

        Parameters
        ----------
        entity : str or list of str, optional
            Documents mentioning this entity (any of these): canonical names, in any case
            (``"vladimir putin"``). A name no mention has raises an error naming close ones.
        source : str or list of str, optional
            Documents from this outlet (any of these), in any case.
        between : (start, end), optional
            Documents published from ``start`` to ``end``, both included (see :attr:`dates`).
            Each is a date, a datetime or a string; a string end covers its whole day, month or
            year, as in pandas (``("2016-03-01", "2016-03-31")`` or ``("2016-03", "2016-03")``
            is all of March); ``None`` leaves a side open. Undated documents are left out.
        cluster : cluster id or list, optional
            Documents of this duplicate cluster (needs :meth:`dedup`).
        story : story id or list, optional
            Documents of this story (needs the documents' ``story`` column, which grouping
            documents into stories adds).
        text_contains : str, optional
            Documents whose text (the cleaned text once cleaned) contains this, in any case.

        Examples
        --------
        >>> corpus = tidings.Corpus.sample().clean().tag()
        >>> len(corpus.filter(entity="Vladimir Putin", between=("2026-03-01", "2026-03-31"))) > 0
        True
        """
        documents = self.documents
        mask = np.ones(len(documents), dtype=bool)
        if entity is not None:
            names = analysis.matching_entities(self.entities, entity)
            mask &= documents["doc"].isin(selection.entity_documents(self.entities, names)).to_numpy()
        if source is not None:
            if "source" not in documents.columns:
                raise InputError("the documents have no source column; name it with Corpus.from_pandas(..., source=...)")
            mask &= selection.values_mask(documents["source"], source, role="source", casefold=True)
        if between is not None:
            mask &= selection.between_mask(self.dates, between)
        if cluster is not None:
            if "cluster" not in documents.columns:
                raise InputError("the corpus has no clusters yet: run corpus.dedup() first")
            wanted = [str(c) for c in _listed(cluster)]
            mask &= selection.values_mask(documents["cluster"].astype(str), wanted, role="cluster")
        if story is not None:
            if "story" not in documents.columns:
                raise InputError("the documents have no 'story' column: group the documents into stories first "
                                 "(corpus.group_stories())")
            mask &= selection.values_mask(documents["story"], story, role="story")
        if text_contains is not None:
            if not isinstance(text_contains, str):
                raise InputTypeError(f"text_contains takes a string, got {type(text_contains).__name__}")
            mask &= self.texts.str.contains(text_contains, case=False, regex=False, na=False).to_numpy(dtype=bool)
        return self._keep(mask)

    def _keep(self, mask: np.ndarray) -> Corpus:
        documents, tables = selection.keep_documents(self.documents, self.tables, mask)
        return replace(self, documents=documents, tables=tables)

    # --- steps ---------------------------------------------------------------------------------------

    def clean(
        self,
        *,
        repair_chars: bool = _CLEAN["repair_chars"],
        fix_mojibake: bool = _CLEAN["fix_mojibake"],
        fix_entities: bool = _CLEAN["fix_entities"],
        fold_quotes: bool = _CLEAN["fold_quotes"],
        normalize_nfc: bool = _CLEAN["normalize_nfc"],
        unwrap_lines: bool = _CLEAN["unwrap_lines"],
        min_wrap_width: int = _CLEAN["min_wrap_width"],
        max_wrap_width: int = _CLEAN["max_wrap_width"],
        min_wrapped_fraction: float = _CLEAN["min_wrapped_fraction"],
        remove_chrome: bool = _CLEAN["remove_chrome"],
        good_min_words: int = _CLEAN["good_min_words"],
        good_min_stopword_density: float = _CLEAN["good_min_stopword_density"],
        good_min_words_unpunctuated: int = _CLEAN["good_min_words_unpunctuated"],
        max_label_words: int = _CLEAN["max_label_words"],
        remove_repeats: bool = _CLEAN["remove_repeats"],
        min_repeat_chars: int = _CLEAN["min_repeat_chars"],
        extract_fields: bool = _CLEAN["extract_fields"],
        max_title_words: int = _CLEAN["max_title_words"],
        use_templates: bool = _CLEAN["use_templates"],
        template_min_docs: int = _CLEAN["template_min_docs"],
        template_min_fraction: float = _CLEAN["template_min_fraction"],
        template_max_words: int = _CLEAN["template_max_words"],
        audit_joins: bool = _CLEAN["audit_joins"],
        date_format: str | None = None,
        workers: int | None = None,
        progress: bool = True,
    ) -> Corpus:
        """Clean every document (see :func:`tidings.clean_many`); page templates are learned per source.

        Adds to :attr:`documents` the columns ``clean_text``, ``title`` (the headline),
        ``dateline`` (without its closing dash), ``place``, ``agency``, ``byline``,
        ``published`` (the date printed in the page, ``datetime64[ns, UTC]``; see
        :attr:`unparsed_dates`), ``published_text`` (that date as printed), ``credits``,
        ``captions`` (lists of text, ``pd.ArrowDtype(pa.list_(pa.string()))`` as in
        :func:`tidings.clean_frame`: each value a list) and ``removed_spans`` (int64), and a
        ``removed`` table (the audit: ``doc``, ``start``, ``end``, ``rule``, ``text``,
        ``replacement``, with offsets into the raw ``text``). Later steps work on
        ``clean_text``.

        Parameters
        ----------
        repair_chars, fix_mojibake, fix_entities, fold_quotes, normalize_nfc : bool
            Character repair (on, except ``fold_quotes``): mojibake, HTML entities, curly
            quotes folded to straight ones, Unicode NFC.
        unwrap_lines, min_wrap_width, max_wrap_width, min_wrapped_fraction
            Rejoin hard-wrapped lines (text whose typical line length lies between the widths,
            with at least that share of lines wrapped).
        remove_chrome, good_min_words, good_min_stopword_density, good_min_words_unpunctuated, max_label_words
            Remove page chrome: paragraphs too short or too poor in stopwords to be prose, and
            interface labels of at most ``max_label_words`` words.
        remove_repeats, min_repeat_chars
            Drop later copies of paragraphs of at least ``min_repeat_chars`` characters and of
            whole blocks (an article printed twice).
        extract_fields, max_title_words
            Move the title (at most ``max_title_words`` words), dateline, byline, date,
            credits and captions out of the text into their columns.
        use_templates, template_min_docs, template_min_fraction, template_max_words
            Short lines (at most ``template_max_words`` words) recurring in at least
            ``template_min_docs`` documents of one source (and that share of them) are chrome.
        audit_joins : bool
            List each joined line break in the ``removed`` table.
        date_format : str, optional
            A strptime format (``"%d/%m/%Y"``) to read the printed dates with, instead of the
            forms of :mod:`tidings.dates`.
        workers : int, optional
            Number of threads; ``None`` or ``-1`` uses every core.
        progress : bool, default True
            Show a progress bar when a pass takes more than a second.

        See :func:`tidings.clean_many` for each option in detail.
        """
        # Every parameter above but the last three is a cleaning option of the same name.
        options = {name: value for name, value in locals().items() if name in _CLEAN}
        documents, tables = Clean(date_format=date_format, workers=workers, progress=progress, **options).run(
            self.documents
        )
        return self._with("clean", documents, **tables)

    @property
    def removed(self) -> pd.DataFrame:
        """The cleaning audit: one row per removed or changed span (offsets into the raw text)."""
        return self._table("removed", "clean")

    def dedup(
        self,
        *,
        threshold: float = _DEDUP["threshold"],
        containment: float | None = _DEDUP["containment"],
        ngram: int = _DEDUP["ngram"],
        sample: int = _DEDUP["sample"],
        keep: str = _DEDUP["keep"],
        dates: Any = None,
        workers: int | None = None,
        progress: bool = True,
    ) -> Corpus:
        """Find exact duplicates, near duplicates and reprints (on the cleaned text when cleaned).

        Adds the cluster columns of :func:`tidings.dedup` to :attr:`documents` and a ``pairs``
        table (``doc_a``, ``doc_b``, ``jaccard``, ``containment``); a cluster is named after
        its smallest document id.

        Parameters
        ----------
        threshold : float, default 0.8
            Jaccard similarity of word shingles at which a document is a near copy of its
            cluster's representative.
        containment : float or None, default 0.6
            Share of the shorter text's shingles found in the other at which a document is a
            contained copy (reprints with other chrome, cut tails, updates), whatever their
            lengths; ``None`` turns it off.
        ngram : int, default 5
            Words per shingle (1 to 32).
        sample : int, default 4
            One shingle in ``sample`` (by hash) indexes a document (1 to 64; see :mod:`tidings.dedup`).
        keep : {'first', 'longest', 'earliest'}, default 'first'
            Which member represents a cluster: the smallest id, the longest text, or the
            earliest date (the ``date`` column unless ``dates`` are given).
        dates : sequence, optional
            Publication dates aligned with :attr:`documents`, for ``keep='earliest'``.
        workers : int, optional
            Number of threads; ``None`` or ``-1`` uses every core.
        progress : bool, default True
            Show a progress bar when the call runs for more than a second.
        """
        step = Dedup(threshold=threshold, containment=containment, ngram=ngram, sample=sample, keep=keep,
                     dates=dates, workers=workers, progress=progress)
        documents, tables = step.run(self.documents)
        return self._with("dedup", with_clusters(documents, tables["clusters"]), pairs=tables["pairs"])

    @property
    def clusters(self) -> pd.DataFrame:
        """Documents that have duplicates, one row each, grouped by cluster.

        Columns ``cluster``, ``doc``, ``kind``, ``is_representative``, ``similarity``,
        ``cluster_size``, and ``source``, ``date``, ``title`` when known.
        """
        if "cluster" not in self.documents.columns:
            raise InputError("the corpus has no clusters yet: run corpus.dedup() first")
        columns = ["cluster", "doc", "kind", "is_representative", "similarity", "cluster_size"]
        columns += [c for c in ("source", "date", "title") if c in self.documents.columns]
        shared = self.documents[self.documents["cluster_size"] > 1]
        # reset_index, not ignore_index: pandas 2.0.0 keeps the index of a frame already sorted.
        return shared[columns].sort_values(["cluster", "doc"]).reset_index(drop=True)

    @property
    def pairs(self) -> pd.DataFrame:
        """The evidence of dedup: ``doc_a``, ``doc_b``, ``jaccard``, ``containment`` per verified pair."""
        return self._table("pairs", "dedup")

    def tag(
        self,
        *,
        entities: Any = None,
        labels: Iterable[str] | None = _TAG["labels"],
        canonical: bool = _TAG["canonical"],
        workers: int | None = None,
        progress: bool = True,
    ) -> Corpus:
        """Tag people, places, organisations, nationalities and dates (see :func:`tidings.tag`).

        Works on the cleaned text when the corpus was cleaned. Adds an ``entities`` table: one
        row per mention, ``doc`` the document id, offsets into :attr:`texts`, ``role`` the
        title printed before a person's name. The :attr:`dates` and the ``source`` column, when
        known, tell apart people of one surname (``dates`` and ``sources`` of :func:`tidings.tag`).

        Parameters
        ----------
        entities : dict, DataFrame, list of tuples or path, optional
            A user dictionary of names that outranks the model (see :func:`tidings.tag`).
        labels : list of str, optional
            Keep only these labels (``PERSON``, ``ORG``, ``LOC``, ``NORP``, ``DATE``).
        canonical : bool, default True
            Join partial names, spelling variants and aliases into one ``entity``.
        workers : int, optional
            Number of threads; ``None`` or ``-1`` uses every core.
        progress : bool, default True
            Show a progress bar when the call runs for more than a second.
        """
        step = Tag(entities=entities, labels=labels, canonical=canonical, workers=workers, progress=progress)
        documents, tables = step.run(self.documents)
        return self._with("tag", documents, entities=tables["entities"])

    @property
    def entities(self) -> pd.DataFrame:
        """One row per entity mention (see :func:`tidings.tag`); ``doc`` is the document id."""
        return self._table("entities", "tag")

    def group_stories(
        self,
        *,
        window: Any = _STORIES["window"],
        neighbours: int = _STORIES["neighbours"],
        threshold: float = _STORIES["threshold"],
        min_similarity: float = _STORIES["min_similarity"],
        candidate_terms: int = _STORIES["candidate_terms"],
        max_term_articles: int = _STORIES["max_term_articles"],
        workers: int | None = None,
        progress: bool = True,
    ) -> Corpus:
        """Group the documents that report the same event into stories (see :func:`tidings.stories`).

        Reads the headline and cleaned text when the corpus was cleaned, the :attr:`dates`, the
        entity table when tagged (else tags here) and keeps each duplicate cluster in one story
        once dedup ran. Adds the columns ``story`` (named after its earliest document's id),
        ``story_size``, ``story_representative`` and ``story_similarity`` (the
        ``is_representative`` and ``similarity`` of :func:`tidings.stories`, renamed beside
        dedup's) to :attr:`documents`, and the :attr:`stories` table.

        Parameters
        ----------
        window : str, Timedelta, number of days or None, default 7 days
            How far apart two dated documents may be and still be neighbours; None ignores dates.
        neighbours : int, default 6
            Nearest documents each document lists (1 to 64).
        threshold : float, default 0.25
            Average share of shared neighbours (each document among its own) down to which
            groups merge, in (0, 1].
        min_similarity : float, default 0.2
            Cosine similarity below which two documents are never neighbours.
        candidate_terms : int, default 25
            Highest-weighted terms of each document through which it finds its candidates.
        max_term_articles : int, default 500
            Documents that may hold a term among their candidate terms before it is too common
            to find candidates.
        workers : int, optional
            Number of threads; ``None`` or ``-1`` uses every core. The stories do not depend on it.
        progress : bool, default True
            Show a progress bar when the call runs for more than a second.
        """
        entities = self.tables.get("entities")
        step = GroupStories(entities=entities, window=window, neighbours=neighbours, threshold=threshold,
                            min_similarity=min_similarity, candidate_terms=candidate_terms,
                            max_term_articles=max_term_articles, workers=workers, progress=progress)
        documents, tables = step.run(self.documents)
        documents = with_stories(documents, tables["story_members"])
        stories = story_table(documents, entities, text=self._text_column, dates=document_dates(documents))
        return self._with("group_stories", documents, stories=stories)

    @property
    def stories(self) -> pd.DataFrame:
        """One row per story, largest first: ``story``, ``headline``, ``size``, ``outlets``,
        ``first_date``, ``last_date`` and ``entities`` (``story_table`` of the stories module)."""
        return self._table("stories", "group_stories")

    def quotes(self, *, workers: int | None = None, progress: bool = True) -> pd.DataFrame:
        """Who said what: one row per direct, partial or reported quote (see :func:`tidings.quotes`).

        Needs :meth:`tag`: speakers are named by the :attr:`entities` table, so they carry its
        canonical names. ``doc`` is the document id; offsets index :attr:`texts`.

        Parameters
        ----------
        workers : int, optional
            Number of threads; ``None`` or ``-1`` uses every core.
        progress : bool, default True
            Show a progress bar when the call runs for more than a second.
        """
        from .quotes import quotes

        texts = pd.Series(self.texts.to_numpy(), index=pd.Index(self.documents["doc"], name="doc"))
        return quotes(texts, mentions=_text_mentions(self._table("entities", "tag")), workers=workers, progress=progress)

    # --- analysis ------------------------------------------------------------------------------------

    def entity_counts(self, *, labels: Labels = None, merge_demonyms: bool = False) -> pd.DataFrame:
        """Mentions, documents and spellings per entity, most mentioned first.

        ``labels`` keeps only those labels; by default every label but ``DATE``.
        ``merge_demonyms`` counts each nationality with its country ("French" as "France")
        (see :func:`tidings.analysis.entity_counts`).
        """
        return analysis.entity_counts(self.entities, labels=labels, merge_demonyms=merge_demonyms)

    def cooccurrence(
        self, *, level: str = "document", labels: Labels = None, min_count: int = 1, top: int | None = None
    ) -> pd.DataFrame:
        """Pairs of entities mentioned together, strongest first.

        Parameters
        ----------
        level : {"document", "sentence"}, default "document"
            Together in one document, or in one sentence.
        labels : list of str, optional
            Only entities with these labels; by default every label but ``DATE``.
        min_count : int, default 1
            Keep pairs found together at least this often.
        top : int, optional
            Pair only the ``top`` most mentioned entities.

        See :func:`tidings.analysis.cooccurrence` for the columns.
        """
        return analysis.cooccurrence(self.entities, level=level, labels=labels, min_count=min_count, top=top)

    def cooccurrence_graph(
        self, *, level: str = "document", labels: Labels = None, min_count: int = 1, top: int | None = 200
    ) -> networkx.Graph:
        """The co-occurrence network as a ``networkx.Graph``: nodes are entities (attributes
        ``label``, ``mentions``, ``documents``), edges carry ``weight`` (the pair's count).

        ``level``, ``labels`` and ``min_count`` are those of :meth:`cooccurrence`; ``top``
        keeps the 200 most mentioned entities by default (``None`` for all of them). Write it
        for Gephi with :meth:`to_gexf`.
        """
        pairs = self.cooccurrence(level=level, labels=labels, min_count=min_count, top=top)
        return analysis.to_networkx(pairs, self.entity_counts(labels=labels))

    def to_gexf(
        self,
        path: str | Path,
        *,
        level: str = "document",
        labels: Labels = None,
        min_count: int = 1,
        top: int | None = 200,
    ) -> Path:
        """Write :meth:`cooccurrence_graph` to a GEXF file at ``path`` that Gephi opens; returns
        the path. ``level``, ``labels``, ``min_count`` and ``top`` choose the graph as for
        :meth:`cooccurrence_graph`. Nodes are labelled with the entity's name and carry its
        ``type`` (PERSON, ORG...), ``mentions`` and ``documents``; edges carry ``weight``."""
        graph = self.cooccurrence_graph(level=level, labels=labels, min_count=min_count, top=top)
        return analysis.write_gexf(graph, path)

    def mentioned_with(self, entity: str, *, level: str = "document", labels: Labels = None) -> pd.DataFrame:
        """Who and what is mentioned with ``entity`` (a canonical name, in any case), most often first.

        ``level`` is ``"document"`` or ``"sentence"``; ``labels`` limits the partners counted
        (by default every label but ``DATE``). An unknown name raises an error naming close
        ones. See :func:`tidings.analysis.mentioned_with`.
        """
        return analysis.mentioned_with(self.entities, entity, level=level, labels=labels)

    def name_variants(self, *, min_variants: int = 2, labels: Labels = None) -> pd.DataFrame:
        """The spellings found for each entity that has at least ``min_variants`` of them, of
        the ``labels`` given (by default every label but ``DATE``); see
        :func:`tidings.analysis.name_variants`."""
        return analysis.name_variants(self.entities, min_variants=min_variants, labels=labels)

    def _dated(self) -> pd.DataFrame:
        return pd.DataFrame({"doc": self.documents["doc"], "date": self.dates})

    def timeline(self, *, freq: str = "W", top: int | None = 10, labels: Labels = None) -> pd.DataFrame:
        """Mentions of the ``top`` most mentioned entities per period (``freq``: ``"D"``,
        ``"W"``, ``"M"``, ``"Q"``, ``"Y"``) of publication date (:attr:`dates`), of the
        ``labels`` given (by default every label but ``DATE``). See
        :func:`tidings.analysis.timeline`."""
        return analysis.timeline(self.entities, self._dated(), freq=freq, top=top, labels=labels)

    def cluster_sources(self) -> pd.DataFrame:
        """Which outlets and agencies ran each story that appears more than once.

        Returns
        -------
        pandas.DataFrame
            One row per cluster of two or more documents, biggest first: ``cluster``,
            ``documents`` (int64), ``sources`` and ``agencies`` (sorted lists of text, of the
            dtype ``pd.ArrowDtype(pa.list_(pa.string()))``: outlets
            from the ``source`` column; agencies from datelines and credits when the corpus was
            cleaned), ``first_date`` and ``last_date`` (``datetime64[ns]`` in UTC, from
            :attr:`dates`; NaT when undated) and ``title`` (the representative's headline, else
            another member's, when cleaned).
        """
        members = self.clusters[["cluster", "doc", "is_representative"]]
        documents = self.documents.assign(_date=self.dates.dt.tz_convert(None)).set_index("doc")
        info = members.join(documents.drop(columns=[c for c in members.columns if c in documents.columns]), on="doc")
        grouped = info.groupby("cluster", sort=True)
        table = pd.DataFrame({"documents": grouped.size().astype("int64")})
        table["sources"] = _sorted_lists(info, "cluster", info["source"] if "source" in info.columns else None)
        agencies = [info["agency"]] if "agency" in info.columns else []
        if "credits" in info.columns:
            agencies.append(list_items(info["credits"]))
        table["agencies"] = _sorted_lists(info, "cluster", pd.concat(agencies) if agencies else None)
        table["first_date"] = grouped["_date"].min().astype("datetime64[ns]")
        table["last_date"] = grouped["_date"].max().astype("datetime64[ns]")
        table["title"] = None
        if "title" in info.columns:
            titled = info.dropna(subset=["title"]).sort_values(["cluster", "is_representative", "doc"],
                                                              ascending=[True, False, True])
            table["title"] = titled.groupby("cluster")["title"].first().reindex(table.index).astype(object)
        table = table.rename_axis("cluster").reset_index()
        table["title"] = table["title"].where(table["title"].notna(), None)
        return table.sort_values(["documents", "cluster"], ascending=[False, True], ignore_index=True)

    # --- displays and plots ---------------------------------------------------------------------

    def _row(self, doc: Any) -> pd.Series:
        key = str(doc)
        found = np.flatnonzero(self.documents["doc"].to_numpy() == key)
        if not len(found):
            import difflib

            close = difflib.get_close_matches(key, self.documents["doc"].tolist(), n=3)
            hint = f"; close ids: {', '.join(map(repr, close))}" if close else ""
            raise InputError(f"no document {key!r}{hint}")
        return self.documents.iloc[found[0]]

    def show(self, doc: Any) -> DocumentView:
        """A notebook view of one document: the article with its entities highlighted, its
        fields (source, dates, byline, dateline, credits), the table of its entities, and the
        raw page with the removed chrome struck through."""
        row = self._row(doc)
        key = row["doc"]
        about = {name: table[table["doc"] == key] for name, table in self.tables.items() if "doc" in table.columns}
        if "entities" in about:
            about["entities"] = _text_mentions(about["entities"])
        cleaned = "clean_text" in row.index
        fields = ("source", "date", "published", "byline", "dateline", "credits")
        meta = {name: row[name] for name in fields if name in row.index}
        title = row["title"] if cleaned and isinstance(row["title"], str) else None
        text = row["clean_text"] if cleaned else row["text"]
        return DocumentView(
            text=text,
            entities=about.get("entities"),
            raw=row["text"] if cleaned else None,
            removed=about.get("removed"),
            title=title or f"Document {key}",
            meta={"doc": key, **meta},
            sections=self._sections(about),
            quotes=_document_quotes(key, text, about.get("entities")),
        )

    @staticmethod
    def _sections(about: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
        """The tables shown under one document in :meth:`show`, from its rows of each table."""
        sections = {}
        if "entities" in about and not about["entities"].empty:
            mentions = about["entities"]
            counts = mentions.groupby(["entity", "label"], sort=False).size().rename("mentions").reset_index()
            sections["Entities"] = counts.sort_values(["mentions", "entity"], ascending=[False, True], ignore_index=True)
        return sections

    def show_cluster(self, cluster: Any) -> ClusterView:
        """A notebook view of one duplicate cluster, each member compared with the representative."""
        clusters = self.clusters
        members = clusters[clusters["cluster"].astype(str) == str(cluster)]
        if members.empty:
            raise InputError(f"no cluster {cluster!r} with two or more documents; see corpus.cluster_sources()")
        documents = self.documents.set_index("doc")
        ids = members["doc"].tolist()
        labels = [str(documents.at[i, "source"]) if "source" in documents.columns else "" for i in ids]
        return ClusterView(
            texts=[documents.at[i, self._text_column] for i in ids],
            ids=ids,
            representative=int(members["is_representative"].to_numpy().argmax()),
            labels=labels,
        )

    def show_story(self, story: Any) -> StoryView:
        """A notebook view of one story: its documents along a time axis, one row per outlet,
        each with its headline."""
        if "story" not in self.documents.columns:
            raise InputError("the corpus has no stories yet: run corpus.group_stories() first")
        members = self.documents[self.documents["story"] == story]
        if members.empty:
            raise InputError(f"no story {story!r}")
        row = self.stories[self.stories["story"] == story].iloc[0]
        return StoryView.of(members, headline=row["headline"], dates=self.dates[members.index], text=self._text_column)

    def _repr_html_(self) -> str:
        figures = {**self.summary(), "steps": " → ".join(self.steps) or "none yet"}
        tables = {}
        if "entities" in self.tables:
            tables["Top entities"] = self.entity_counts().head(8)
        if "cluster" in self.documents.columns:
            stories = self.cluster_sources().head(5)
            headlines = stories["title"].where(stories["title"].notna(), stories["cluster"].map(self._lead))
            tables["Stories printed more than once"] = stories.assign(headline=headlines)[["documents", "sources", "headline"]]
        if "stories" in self.tables:
            tables["Largest stories"] = self.stories[["size", "outlets", "headline"]].head(5)
        return SummaryCard("tidings corpus", figures, tables)._repr_html_()

    def _lead(self, doc: Any) -> str:
        """The opening words of a document, for a story without a headline."""
        text = " ".join(str(self._row(doc)[self._text_column] or "").split())
        return text if len(text) <= 80 else text[:80].rsplit(" ", 1)[0] + " …"

    def plot_top_entities(self, *, top: int = 15, labels: Labels = None) -> TidingsFigure:
        """Bars of the ``top`` most mentioned entities of the ``labels`` given (by default every
        label but ``DATE``); returns the figure, which shows itself in a notebook."""
        return plots.plot_top_entities(self.entities, top=top, labels=labels)

    def plot_cooccurrence(
        self, *, level: str = "document", top: int = 25, labels: Labels = None, min_count: int = 1
    ) -> TidingsFigure:
        """The co-occurrence network of the ``top`` most mentioned entities, sized by mentions,
        each keeping its strongest ties so every name stays readable; returns the figure.
        ``level``, ``labels`` (by default every label but ``DATE``) and ``min_count`` are
        those of :meth:`cooccurrence`."""
        pairs = self.cooccurrence(level=level, labels=labels, min_count=min_count, top=top)
        return plots.plot_cooccurrence(pairs, top=top, counts=self.entity_counts(labels=labels))

    def plot_timeline(self, *, freq: str = "W", top: int | None = 10, labels: Labels = None) -> TidingsFigure:
        """Mentions over time: ``freq``, ``top`` and ``labels`` as for :meth:`timeline`;
        returns the figure."""
        return plots.plot_timeline(self.timeline(freq=freq, top=top, labels=labels))

    def plot_cluster_sizes(self) -> TidingsFigure:
        """How many duplicate clusters have each size; returns the figure."""
        if "cluster" not in self.documents.columns:
            raise InputError("the corpus has no clusters yet: run corpus.dedup() first")
        return plots.plot_cluster_sizes(self.documents)

    def plot_stories(self, *, top: int = 15) -> TidingsFigure:
        """The ``top`` largest stories along time (each a bar from its first to its last date);
        returns the figure."""
        return plots.plot_stories(self.stories, top=top)

    # --- output --------------------------------------------------------------------------------

    def to_parquet(self, folder: str | Path) -> list[Path]:
        """Write ``documents.parquet``, one Parquet file per table and a manifest (``tidings.json``:
        the steps run and the tables) into ``folder``; :meth:`read` reads it back whole.

        The folder is written beside its final place and renamed into it at the end, so it is
        never left half written. A folder tidings wrote before is replaced; a file, or a folder
        holding other files, raises :class:`~tidings.TidingsIOError`. A column whose values fit
        no one type (objects and strings) is stored as text (see :mod:`tidings._arrow`). Returns
        the Parquet paths.
        """
        return store.write_folder(folder, {"documents": self.documents, **self.tables}, steps=self.steps)

    def __repr__(self) -> str:
        steps = " → ".join(self.steps) if self.steps else "raw"
        return f"<tidings.Corpus: {len(self):,} documents, steps: {steps}, tables: {', '.join(self.tables) or '-'}>"

    def summary(self) -> dict[str, Any]:
        """Headline figures of the corpus and its steps, as a dict."""
        documents = self.documents
        figures: dict[str, Any] = {"documents": len(documents)}
        if "source" in documents.columns:
            figures["sources"] = int(documents["source"].nunique())
        dates = self.dates
        if dates.notna().any():
            figures["first_date"] = dates.min()
            figures["last_date"] = dates.max()
        if "raw_words" in documents.columns:
            figures["words"] = int(documents["raw_words"].sum())
        if "removed_spans" in documents.columns:
            figures["removed_spans"] = int(documents["removed_spans"].sum())
            figures["titles_found"] = int(documents["title"].notna().sum())
        if "published_text" in documents.columns:
            figures["dates_unparsed"] = len(self.unparsed_dates)
        if "cluster" in documents.columns:
            figures["duplicate_clusters"] = int(documents.loc[documents["cluster_size"] > 1, "cluster"].nunique())
            figures["documents_after_dedup"] = int(documents["is_representative"].sum())
        if "stories" in self.tables:
            figures["stories_of_several_documents"] = int((self.tables["stories"]["size"] > 1).sum())
        if "entities" in self.tables:
            entities = self.tables["entities"]
            figures["mentions"] = len(entities)
            figures["entities"] = int(entities["entity"].nunique())
        return figures


def _sorted_lists(info: pd.DataFrame, by: str, values: pd.Series | None) -> pd.Series:
    """Per group of ``info[by]``, the sorted distinct strings of ``values`` (aligned with
    ``info``'s index, possibly repeated) as a list, in a column of ``TEXT_LIST_DTYPE``; an empty
    list where there are none."""
    groups = pd.Index(info[by].unique()).sort_values()
    if values is None:
        return pd.Series(text_list_array([[] for _ in groups]), index=groups)
    pairs = pd.DataFrame({by: info[by].reindex(values.index).to_numpy(), "value": values.to_numpy()})
    pairs = pairs[pairs["value"].map(lambda v: isinstance(v, str))].drop_duplicates().sort_values([by, "value"])
    lists = pairs.groupby(by, sort=True)["value"].agg(list)
    return pd.Series(text_list_array([lists.get(g, []) for g in groups]), index=groups)
