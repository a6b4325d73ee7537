"""Quotes: who said what, in direct, partial and reported speech."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._input import TextColumn, as_text_column
from ._progress import progress_bar
from ._results import frame, typed_array
from .errors import InputError
from .tag import _data_path, _publications, _user_entities

__all__ = ["quotes", "QUOTE_COLUMNS", "QUOTE_KINDS"]

#: Columns of the quote table, in order.
QUOTE_COLUMNS = ("doc", "start", "end", "quote", "speaker", "speaker_text", "cue", "kind", "cue_start", "speaker_start")

#: The kinds of quote: the source's own sentences in quotation marks, a quoted fragment inside
#: the reporter's sentence, and indirect speech without quotation marks.
QUOTE_KINDS = ("direct", "partial", "reported")

_DTYPES = {
    "start": "int64",
    "end": "int64",
    "quote": "str",
    "speaker": "str",
    "speaker_text": "str",
    "cue": "str",
    "kind": "str",
    "cue_start": "Int64",
    "speaker_start": "Int64",
}


def quotes(
    texts: Any,
    *,
    mentions: pd.DataFrame | None = None,
    entities: Any = None,
    dates: Any = None,
    sources: Any = None,
    workers: int | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Find who said what: direct, partial and reported quotes, with their speakers.

    A quote is content that an article attributes to a source: the source's own sentences in
    quotation marks (``direct``: ``"We showed character," Kompany said``), a quoted fragment
    woven into the reporter's sentence (``partial``: ``Novak said the market was "balanced but
    fragile"``) or indirect speech (``reported``: ``Putin said the talks had failed``,
    ``Turnout was high, officials said``, ``according to the ministry``). Multi-paragraph quotes
    are one quote, also when scraping flattened their paragraphs into ``"A. "B."``; scare quotes,
    titles of works and displayed words are not quotes. The labelling rules it follows, and the
    benchmark that measures it, are in ``benchmarks/QUOTES_GUIDELINE.md``.

    Speakers are named through the article: "Putin said", "said Putin", "according to the
    Kremlin", a surname for the full name, "he said" for the person last spoken of, and a
    description ("the minister", "the company") for the one the article named before. A source
    the article never names ("an analyst at a London brokerage", "the Iranian navy") has an
    empty ``speaker``.

    Parameters
    ----------
    texts : list of str, pandas.Series, pyarrow.Array or iterable
        The documents (cleaned text works best). Missing values have no quotes.
    mentions : pandas.DataFrame, optional
        The mentions that name the speakers, as :func:`tidings.tag` returned them for these
        ``texts`` (columns ``doc``, ``start``, ``end``, ``label``, ``entity``; ``doc`` holds the
        texts' index labels). Without it the texts are tagged first.
    entities : dict, DataFrame, list of tuples or path, optional
        A user dictionary for that tagging, as for :func:`tidings.tag` (ignored with
        ``mentions``).
    dates, sources : sequence, optional
        The documents' publication dates and outlets, aligned with ``texts``, for that tagging:
        they tell people of one surname apart, as for :func:`tidings.tag` (ignored with
        ``mentions``).
    workers : int, optional
        Number of threads; ``None`` or ``-1`` uses every core.
    progress : bool, default True
        Show a progress bar when the call runs for more than a second.

    Returns
    -------
    pandas.DataFrame
        One row per quote, ordered by document then position: ``doc`` (the input's index
        label), ``start`` and ``end`` (Python string offsets: ``text[start:end]`` is the
        quote, without its quotation marks), ``quote``, ``speaker`` (the canonical name, empty
        when the source is never named), ``speaker_text`` (the words naming the speaker in the
        attribution: "Putin", "he", "an energy analyst"; empty when there are none),
        ``cue`` ("said", "told", "according to"; empty for a quote that continues the
        previous speaker's), ``kind`` (``direct``, ``partial`` or ``reported``), and
        ``cue_start`` and ``speaker_start`` (Int64 offsets of the cue and of the speaker's
        words, missing when there are none). With no quotes the frame is empty but keeps these
        columns and dtypes.

    Examples
    --------
    >>> q = tidings.quotes(["“We agreed,” Lavrov said. He said the centre would open in March."])
    >>> q[["quote", "speaker", "cue", "kind"]].values.tolist()
    [['We agreed,', 'Lavrov', 'said', 'direct'], ['the centre would open in March', 'Lavrov', 'said', 'reported']]
    """
    column = as_text_column(texts)
    options: dict[str, Any] = {}
    if mentions is not None:
        options["mentions"] = _mention_columns(mentions, column)
    else:
        options.update(_publications(dates, sources, len(column)))
        if entities is not None:
            options["entities"] = _user_entities(entities)
    with progress_bar(len(column), desc="quotes", enabled=progress) as counter:
        found = _core.quotes(
            column.texts,
            _data_path("tagger.bin"),
            _data_path("gazetteer.tsv"),
            **options,
            workers=workers,
            progress=counter,
        )
    return _frame(found, column)


def _mention_columns(mentions: Any, column: TextColumn) -> tuple[list[int], list[int], list[int], list[str], list[str]]:
    """The mention table as the core's columns, with documents as positions in ``column``."""
    if not isinstance(mentions, pd.DataFrame):
        raise InputError(f"mentions must be the DataFrame tidings.tag returned, got {type(mentions).__name__}")
    missing = [c for c in ("doc", "start", "end", "label", "entity") if c not in mentions.columns]
    if missing:
        raise InputError(f"mentions need the columns of tidings.tag; missing {', '.join(missing)}")
    positions = column.index.get_indexer(pd.Index(mentions["doc"]))
    if (positions < 0).any():
        unknown = mentions["doc"].iloc[int((positions < 0).argmax())]
        raise InputError(f"mentions name document {unknown!r}, which is not among the texts")
    if not column.index.is_unique:
        raise InputError("the texts' index must be unique to match mentions to documents")
    # Each column read once as a list (iterating a Series costs a lookup per value).
    return (
        positions.tolist(),
        [int(v) for v in mentions["start"].tolist()],
        [int(v) for v in mentions["end"].tolist()],
        [str(v) for v in mentions["label"].tolist()],
        [v if isinstance(v, str) else "" for v in mentions["entity"].tolist()],
    )


def _frame(found: dict[str, list[Any]], column: TextColumn) -> pd.DataFrame:
    """The quote table from the core's columns, each built once with its dtype."""
    columns: dict[str, Any] = {"doc": column.index.take(np.asarray(found["doc"], dtype=np.intp))}
    columns.update((name, typed_array(found[name], dtype)) for name, dtype in _DTYPES.items())
    return frame({name: columns[name] for name in QUOTE_COLUMNS})
