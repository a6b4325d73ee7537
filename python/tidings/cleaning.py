"""Cleaning scraped page dumps into the article, with an audit of every change.

>>> c = tidings.clean("Top Stories\\n\\nTEHRAN (Tasnim) – The presidents of Iran and Russia "
...                   "discussed the latest developments in the region on Monday.\\n\\nShare this")
>>> c.text
'The presidents of Iran and Russia discussed the latest developments in the region on Monday.'
>>> c.dateline.place, c.dateline.agency
('TEHRAN', 'Tasnim')
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from . import _core
from ._input import TextColumn, as_sources, as_text_column, coerce_item
from ._progress import progress_bar
from ._results import arrow_columns, arrow_text_array, text_list_array
from .errors import InputError, InputTypeError

__all__ = [
    "Cleaned",
    "Dateline",
    "PageTemplates",
    "RemovedSpan",
    "RULES",
    "clean",
    "clean_many",
    "clean_frame",
    "clean_columns",
    "removed_frame",
]

#: Rule ids used in :attr:`Cleaned.removed`, with what each one does.
RULES: dict[str, str] = {
    "chars.mojibake": "UTF-8 text that had been read as cp1252/Latin-1, decoded back",
    "chars.entity": "HTML entity decoded (&amp;, &rsquo;, &#8217;...)",
    "chars.c1": "C1 control character read as the cp1252 character it stands for",
    "chars.control": "control character removed",
    "chars.invisible": "BOM, zero-width space, word joiner or soft hyphen removed",
    "chars.space": "no-break or other odd space made a plain space (or dropped at a line edge)",
    "chars.newline": "line or paragraph separator made a newline",
    "chars.nfc": "Unicode NFC composition",
    "chars.quotes": "curly quote folded to a straight one (fold_quotes=True)",
    "lines.unwrap": "hard line break inside a paragraph joined",
    "chrome.head": "page chrome before the article body",
    "chrome.body": "page chrome inside the article body",
    "chrome.tail": "page chrome after the article body",
    "chrome.template": "line recurring across documents of the same source (clean_many)",
    "repeat.paragraph": "a later copy of a long paragraph",
    "repeat.block": "a later copy of a run of paragraphs (an article printed twice)",
    "repeat.title": "a later copy of the title",
    "field.title": "moved to Cleaned.title",
    "field.dateline": "moved to Cleaned.dateline",
    "field.byline": "moved to Cleaned.byline",
    "field.date": "moved to Cleaned.date",
    "field.credit": "moved to Cleaned.credits",
    "field.caption": "moved to Cleaned.captions",
}


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """One change to the original text.

    ``start``/``end`` are Python string indices into the original, so
    ``raw[span.start:span.end] == span.text``; ``replacement`` is what the span became
    (``""`` when it was removed or moved into a field).
    """

    start: int
    end: int
    rule: str
    text: str
    replacement: str = ""


class Dateline(NamedTuple):
    """A dateline such as ``"TEHRAN (Tasnim) –"``: its text, place and agency."""

    text: str
    place: str | None
    agency: str | None


@dataclass(frozen=True, repr=False)
class Cleaned:
    """A cleaned article and the parts pulled out of it.

    Attributes
    ----------
    text : str
        The article body: one paragraph per line, paragraphs separated by a blank line.
    title, byline, date : str or None
        Pulled out of the page (``date`` as printed, e.g. ``"Monday, 28 March 2016"``).
    dateline : Dateline or None
        ``Dateline(text, place, agency)`` taken from the start of the first paragraph.
    credits : tuple of str
        Agencies credited (``"*AFP"``, ``"(With Reuters, AFP)"`` give ``("AFP", "Reuters")``;
        a wire story's closing ``"Reuter"`` line gives ``("Reuter",)``).
    captions : tuple of str
        Photo captions.
    removed : tuple of RemovedSpan
        Every removed, moved or repaired span of the original, sorted by position.
    """

    text: str = ""
    title: str | None = None
    dateline: Dateline | None = None
    byline: str | None = None
    date: str | None = None
    credits: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    removed: tuple[RemovedSpan, ...] = field(default_factory=tuple)

    def rules(self) -> Counter[str]:
        """How many spans each rule removed or changed."""
        return Counter(span.rule for span in self.removed)

    def to_dict(self) -> dict[str, Any]:
        """The fields as a plain dict (dateline split into place and agency)."""
        return {
            "text": self.text,
            "title": self.title,
            "dateline": self.dateline.text if self.dateline else None,
            "place": self.dateline.place if self.dateline else None,
            "agency": self.dateline.agency if self.dateline else None,
            "byline": self.byline,
            "date": self.date,
            "credits": list(self.credits),
            "captions": list(self.captions),
            "removed": len(self.removed),
        }

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        preview = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        parts = [f"text={preview!r} ({len(self.text):,} chars)"]
        for name in ("title", "byline", "date"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        if self.dateline is not None:
            parts.append(f"dateline={self.dateline.text!r}")
        if self.credits:
            parts.append(f"credits={list(self.credits)!r}")
        if self.captions:
            parts.append(f"captions={len(self.captions)}")
        counts = ", ".join(f"{rule} {n}" for rule, n in sorted(self.rules().items()))
        parts.append(f"removed={len(self.removed)} spans" + (f" ({counts})" if counts else ""))
        return "Cleaned(" + ", ".join(parts) + ")"


#: The core's cleaned columns: one row per document, one row per audit span, and the span
#: texts Arrow cannot hold (with surrogates) by span row.
CoreColumns = tuple[pa.StructArray, pa.StructArray, dict[int, str]]

_SPAN_COLUMNS = ("start", "end", "rule", "text", "replacement")


def _core_lists(found: CoreColumns, *, text_lists: bool = False) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """The core's document and span columns as one list each, the span texts Arrow could not
    hold put back (one reading of the core's result for every caller); with ``text_lists``,
    the list columns (:data:`LIST_COLUMNS`) as columns of ``TEXT_LIST_DTYPE`` instead."""
    fields_table, spans_table, python_texts = found
    fields = {name: text_list_array(column) if text_lists and name in LIST_COLUMNS else column.to_pylist()
              for name, column in arrow_columns(fields_table).items()}
    spans = arrow_columns(spans_table)
    span_values = {name: spans[name].to_pylist() for name in _SPAN_COLUMNS}
    for row, text in python_texts.items():
        span_values["text"][row] = text
    return fields, span_values


def _cleaned_objects(found: CoreColumns) -> list[Cleaned]:
    """:class:`Cleaned` objects read from the core's columns (one list per column, no table
    row by row)."""
    fields, span_values = _core_lists(found)
    removed = [RemovedSpan(*span) for span in zip(*(span_values[name] for name in _SPAN_COLUMNS))]
    ends = np.cumsum(fields["removed"]).tolist()
    return [
        Cleaned(
            text=text,
            title=title,
            dateline=Dateline(dateline, place, agency) if dateline is not None else None,
            byline=byline,
            date=date,
            credits=tuple(credits),
            captions=tuple(captions),
            removed=tuple(removed[end - count:end]),
        )
        for text, title, dateline, place, agency, byline, date, credits, captions, count, end in zip(
            fields["text"], fields["title"], fields["dateline"], fields["place"], fields["agency"],
            fields["byline"], fields["date"], fields["credits"], fields["captions"], fields["removed"], ends)
    ]


_EMPTY = Cleaned()


# Defaults shared by clean, clean_many, clean_frame and the accessors (documented in clean_many),
# from the core's option table.
DEFAULTS: dict[str, Any] = _core.resolve_options("clean")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small result objects are built (none of
    them forms a cycle); collection passes over young objects would otherwise cost ~10%."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def clean(text: str | None, **options: Any) -> Cleaned:
    """Clean one scraped page dump.

    Parameters
    ----------
    text : str or None
        The page text. Missing values (``None``, ``NaN``, ``pd.NA``, ``NaT``) give an empty
        :class:`Cleaned`; ``bytes`` (and ``bytearray``, ``memoryview``) are decoded (UTF-8,
        stray bytes as cp1252): the same rule as each item of :func:`clean_many`.
    **options
        Keyword-only switches and thresholds, as for :func:`clean_many` (templates need a
        corpus and are not used here).

    Returns
    -------
    Cleaned
        The article text, its fields and the audit of every change.

    Raises
    ------
    InputTypeError
        When ``text`` is not a string, bytes or a missing value, or an option is unknown.

    Examples
    --------
    >>> tidings.clean("Iranâ€™s president spoke.").text
    'Iran’s president spoke.'
    """
    if not isinstance(text, str):
        text = coerce_item(text, 0, name="text")
        if text is None:
            return _EMPTY
    resolved = _core.resolve_options("clean", options)
    resolved["use_templates"] = False
    (cleaned,) = _cleaned_objects(_core.clean_many([text], None, resolved, workers=1))
    return cleaned


def learns_templates(options: dict[str, Any]) -> bool:
    """Whether cleaning with these resolved options learns page templates."""
    return bool(options["use_templates"] and options["remove_chrome"])


class PageTemplates:
    """Page templates learned over a corpus read chunk by chunk.

    :func:`clean_many` learns templates (short lines recurring across the pages of one source)
    from the texts it is given. A corpus too large for one call is cleaned in two passes: first
    :meth:`add` every chunk, then clean each chunk with ``clean_many(chunk, templates=...)``.
    Each document is then cleaned exactly as one ``clean_many`` call over the whole corpus would
    clean it. Memory grows with the distinct short lines of each source, not with the corpus.

    Parameters
    ----------
    **options
        The cleaning options of :func:`clean_many`; cleaning with these templates uses them.

    Examples
    --------
    >>> pages = [f"Story {i} tells the town about its new budget, at some length today.\\n\\nShare this" for i in range(4)]
    >>> templates = tidings.PageTemplates()
    >>> for chunk in (pages[:2], pages[2:]):
    ...     templates.add(chunk)
    >>> [c.text for c in tidings.clean_many(pages[:1], templates=templates)] == [c.text for c in tidings.clean_many(pages)[:1]]
    True
    """

    def __init__(self, **options: Any) -> None:
        self.options: dict[str, Any] = _core.resolve_options("clean", options)
        self._core = _core.TemplateCounts(self.options)
        self._learned_only = False

    def add(self, texts: Any, *, sources: Any = None, workers: int | None = None, progress: bool = True) -> None:
        """Count the template lines of the next chunk (chunks in corpus order; ``texts`` and
        ``sources`` as for :func:`clean_many`)."""
        column = as_text_column(texts)
        source_values = as_sources(sources, len(column), arrow=True)
        with progress_bar(len(column), desc="templates", enabled=progress) as counter:
            self._core.add(column.texts, source_values, workers=workers, progress=counter)

    def finish(self) -> None:
        """Learn the templates from the chunks added and free the line counts (they grow with the
        corpus): the templates clean as before, and :meth:`add` takes no more chunks."""
        self._core.finish()
        self._learned_only = True

    def merge(self, other: PageTemplates) -> None:
        """Add the counts of another part of the corpus (counted with the same options, in
        another process, say): the counts of both parts as one, whatever the order, a page
        copied across them counted once."""
        if other.options != self.options:
            raise InputError("page templates counted with other cleaning options cannot be merged")
        self._core.add_bytes(other._core.to_bytes())

    def learned(self) -> PageTemplates:
        """Only the templates learned from these counts, which clean as these counts do: a few
        bytes per template line (what travels to the workers of a cluster), no counts (they
        take no more chunks)."""
        return self._only_learned(self._core.learned_bytes())

    def _only_learned(self, learned: bytes) -> PageTemplates:
        templates = PageTemplates.__new__(PageTemplates)
        templates.options = self.options
        templates._core = _core.TemplateCounts.from_learned(learned, self.options)
        templates._learned_only = True
        return templates

    def __getstate__(self) -> dict[str, Any]:
        saved = self._core.learned_bytes() if self._learned_only else self._core.to_bytes()
        return {"options": self.options, "learned_only": self._learned_only, "saved": saved}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.options = state["options"]
        if state["learned_only"]:
            self.__dict__.update(self._only_learned(state["saved"]).__dict__)
            return
        self._core = _core.TemplateCounts(self.options)
        self._core.add_bytes(state["saved"])
        self._learned_only = False

    def __len__(self) -> int:
        """Documents counted so far (a copy of a page counted once; none for templates that
        keep only what was learned)."""
        return len(self._core)

    def __repr__(self) -> str:
        return f"PageTemplates(documents={len(self)})"


def clean_many(
    texts: Any,
    *,
    sources: Any = None,
    templates: PageTemplates | None = None,
    workers: int | None = None,
    progress: bool = True,
    **options: Any,
) -> list[Cleaned]:
    """Clean many page dumps in parallel, learning page templates from the corpus.

    Parameters
    ----------
    texts : list of str, pandas.Series, pyarrow.Array or iterable
        The documents. Missing values (``None``, ``NaN``, ``pd.NA``) give an empty
        :class:`Cleaned`, so the result has one item per input item.
    sources : sequence of str, optional
        The source (site) of each document. Templates (short lines recurring across documents)
        are learned per source when given, else over the whole corpus.
    templates : PageTemplates, optional
        Templates learned over a larger corpus that ``texts`` belong to (a chunk of it): they
        replace the templates learned from ``texts``, and their options are used.
    workers : int, optional
        Number of threads; ``None`` or ``-1`` (or more than the cores) uses every core.
    progress : bool, default True
        Show a progress bar when the call runs for more than a second.
    repair_chars : bool, default True
        Stage 1, character repair. Its parts: ``fix_mojibake`` (True), ``fix_entities``
        (True), ``normalize_nfc`` (True), ``fold_quotes`` (False: curly quotes are kept).
    unwrap_lines : bool, default True
        Stage 2, rejoin hard-wrapped lines. Text counts as wrapped when its 90th-percentile line
        length W lies in [``min_wrap_width`` (30), ``max_wrap_width`` (130)] and at least
        ``min_wrapped_fraction`` (0.3) of the non-blank lines are near W and end mid-sentence
        (a line that stops mid-sentence and runs on in lower case counts too). Rows of figures
        are never joined, and an indented line starts a paragraph.
    remove_chrome : bool, default True
        Stage 3, page chrome. A paragraph is body text when it has at least ``good_min_words``
        (10) words, or ``good_min_words_unpunctuated`` (13) without sentence punctuation, and a
        stopword share of at least ``good_min_stopword_density`` (0.2); paragraphs of at most
        ``max_label_words`` (8) words with interface vocabulary and no punctuation are labels.
        Runs of rows of figures (a table: "Net 807,000 vs 2,858,000") are content. A document is
        never cleaned to nothing when it had prose or data: when the chrome rules and the title
        would take every paragraph, the paragraphs without interface words, links or
        separators are kept (the title stays in the text) and analysed again as they stand.
    use_templates : bool, default True
        Short paragraphs (at most ``template_max_words``, 15, words) recurring in at least
        ``template_min_docs`` (3) distinct documents of one source, and in at least
        ``template_min_fraction`` (0.0) of them, are chrome. Digits are folded ("Read 12
        times" ~ "Read 428 times") only for interface lines and lone counters; rows of a table,
        plain sentences and lines running on into the next paragraph are never templates, and
        template lines that make up most of a document are its content, not chrome.
    remove_repeats : bool, default True
        Stage 4. A repeated paragraph of at least ``min_repeat_chars`` (50) characters goes, and
        so does any paragraph repeated in step with its neighbours (a whole copy); a short
        paragraph repeated alone stays.
    extract_fields : bool, default True
        Stage 5: title (at most ``max_title_words``, 30, words), dateline, byline, date,
        credits and captions move from the text into fields.
    audit_joins : bool, default True
        List each joined line break (rule ``lines.unwrap``) in ``removed``.

    Returns
    -------
    list of Cleaned

    Examples
    --------
    >>> [c.text for c in tidings.clean_many(["Dateline-free text that is long enough to keep here.", None])]
    ['Dateline-free text that is long enough to keep here.', '']
    """
    with _gc_paused():
        return _cleaned_objects(_clean_columns(as_text_column(texts), sources, templates, workers, progress, options))


def _clean_columns(column: TextColumn, sources: Any, templates: PageTemplates | None, workers: int | None,
                   progress: bool, options: dict[str, Any]) -> CoreColumns:
    """The core's cleaned columns of ``column`` (arguments as for :func:`clean_many`)."""
    resolved = _core.resolve_options("clean", options)
    if templates is not None:
        if not isinstance(templates, PageTemplates):
            raise InputTypeError(f"templates must be a tidings.PageTemplates, got {type(templates).__name__}")
        if options and resolved != templates.options:
            changed = sorted(name for name in resolved if resolved[name] != templates.options[name])
            raise InputError(f"the templates were learned with other options ({', '.join(changed)}); "
                             "clean with the options given to PageTemplates")
    source_values = as_sources(sources, len(column), arrow=True)
    core_options = None if templates is not None else resolved
    core_templates = None if templates is None else templates._core
    with progress_bar(len(column), desc="clean", enabled=progress) as counter:
        return _core.clean_many(column.texts, source_values, core_options, templates=core_templates,
                                workers=workers, progress=counter)


#: The audit's columns (:func:`removed_frame`).
REMOVED_COLUMNS = ["doc", "start", "end", "rule", "text", "replacement"]


def clean_columns(
    texts: Any,
    *,
    ids: Any,
    sources: Any = None,
    templates: PageTemplates | None = None,
    workers: int | None = None,
    progress: bool = True,
    **options: Any,
) -> tuple[dict[str, Any], pd.DataFrame]:
    """:func:`clean_many` as columns, with no :class:`Cleaned` object per document nor
    :class:`RemovedSpan` per span (for a corpus: less time, and memory left unfragmented).

    Returns the fields of :func:`clean_frame`, one list each (``dateline`` is the dateline's
    text) but ``credits`` and ``captions``, columns of the dtype :func:`clean_frame` gives them,
    and the audit of :func:`removed_frame` with the documents named by ``ids``.
    """
    column = as_text_column(texts)
    with _gc_paused():
        return _columns(_clean_columns(column, sources, templates, workers, progress, options), list(ids))


def _columns(found: CoreColumns, ids: list[Any]) -> tuple[dict[str, Any], pd.DataFrame]:
    """The core's columns as the lists and audit table of :func:`clean_columns`."""
    fields, span_values = _core_lists(found, text_lists=True)
    if len(ids) != len(fields["text"]):
        raise InputError(f"ids has {len(ids)} items but there are {len(fields['text'])} documents")
    fields = {name: fields[name] for name in _FRAME_COLUMNS}
    doc = np.repeat(np.array(ids, dtype=object), fields["removed"]).tolist()
    columns = {"doc": doc, **span_values}
    # Without rows, columns of objects, as removed_frame gives them.
    removed = pd.DataFrame(columns, columns=REMOVED_COLUMNS) if doc else pd.DataFrame([], columns=REMOVED_COLUMNS)
    return fields, removed.astype({"start": "int64", "end": "int64"})


def clean_frame(texts: Any, *, sources: Any = None, workers: int | None = None, **options: Any) -> pd.DataFrame:
    """Clean many documents into a table aligned with the input.

    Takes the arguments of :func:`clean_many`. Returns a DataFrame with the input's index and
    columns ``text``, ``title``, ``dateline``, ``place``, ``agency``, ``byline``, ``date`` (text,
    of the dtype ``astype("str")`` gives, missing as NaN, whatever the data), ``credits`` and
    ``captions`` (lists of text, dtype ``pd.ArrowDtype(pa.list_(pa.string()))``: each value a
    list) and ``removed`` (int64, number of audit spans). The columns are built in the core, with
    no Python object per document.

    Examples
    --------
    >>> tidings.clean_frame(["Ad sales boost Time Warner profit\\n\\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn."]).title.tolist()
    ['Ad sales boost Time Warner profit']
    """
    column = as_text_column(texts)
    templates, progress = options.pop("templates", None), options.pop("progress", True)
    fields = arrow_columns(_clean_columns(column, sources, templates, workers, progress, options)[0])
    columns: dict[str, Any] = {name: arrow_text_array(fields[name]) for name in _FRAME_TEXTS}
    for name in LIST_COLUMNS:
        columns[name] = text_list_array(fields[name])
    columns["removed"] = fields["removed"].to_numpy()
    return pd.DataFrame({name: columns[name] for name in _FRAME_COLUMNS}, index=column.index.copy())


_FRAME_TEXTS = ("text", "title", "dateline", "place", "agency", "byline", "date")
#: The fields that are lists of text (of ``TEXT_LIST_DTYPE`` in every result).
LIST_COLUMNS = ("credits", "captions")
_FRAME_COLUMNS = (*_FRAME_TEXTS, *LIST_COLUMNS, "removed")


def removed_frame(cleaned: list[Cleaned], ids: Any = None) -> pd.DataFrame:
    """The audit of many cleaned documents as one table: doc, start, end, rule, text, replacement.

    ``ids`` names the documents (default: their positions).
    """
    ids = list(range(len(cleaned))) if ids is None else list(ids)
    if len(ids) != len(cleaned):
        raise InputError(f"ids has {len(ids)} items but there are {len(cleaned)} cleaned documents")
    rows = [
        (doc, s.start, s.end, s.rule, s.text, s.replacement)
        for doc, c in zip(ids, cleaned)
        for s in c.removed
    ]
    frame = pd.DataFrame(rows, columns=REMOVED_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64"})
