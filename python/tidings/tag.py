"""Entity tagging: people, places, organisations, nationalities and dates, with canonical names."""

from __future__ import annotations

import datetime
import functools
import hashlib
import os
import warnings
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import _core
from ._ids import DocumentIds
from ._input import TextColumn, as_sources, as_text_column
from ._progress import progress_bar
from ._results import arrow_columns, arrow_text_array, frame
from .errors import InputError, InputTypeError, TidingsIOError

__all__ = ["tag", "CorpusTagger", "Renames", "entity_id", "LABELS", "LABEL_ALIASES", "MENTION_COLUMNS"]

#: Entity labels tidings reports (GPE folds into LOC). ``labels=`` and user dictionaries also
#: accept the aliases of ``LABEL_ALIASES`` (PER, GPE, PLACE, ORGANIZATION...), in any case.
LABELS: tuple[str, ...] = tuple(_core.LABELS)

#: Every name a label may be given by (the labels themselves included) and the label it means.
LABEL_ALIASES: dict[str, str] = dict(_core.LABEL_ALIASES)

# The options are defined and checked in the Rust core (``src/tag/options.rs``).
_DEFAULTS: dict[str, Any] = _core.resolve_options("tag")

#: Columns of the mention table, in order.
MENTION_COLUMNS = (
    "doc", "start", "end", "text", "label", "entity", "source", "score", "role", "sentence",
    "value", "field", "entity_id", "country", "linked_by",
)  # fmt: skip

#: The field of a text tagged as given (the cleaned document's fields are ``title``,
#: ``dateline``, ``byline``, ``body`` and ``captions``).
TEXT_FIELD = "text"


def entity_id(label: str, entity: str) -> int:
    """The stable id of an entity: a 63-bit hash of its label and canonical name, the same in
    every run and whatever the order of the documents (``"LOC"``, ``"France"`` is always the
    same number)."""
    digest = hashlib.blake2b(f"{label}\t{entity}".encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _entity_ids(labels: Any, entities: Any) -> np.ndarray:
    """:func:`entity_id` of each (label, entity) pair (Arrow arrays or sequences of ``str``),
    hashing each distinct pair once."""
    labels, entities = (values if isinstance(values, pa.Array) else pa.array(np.asarray(values, dtype=object),
                                                                             pa.large_string())
                        for values in (labels, entities))
    pairs = pc.binary_join_element_wise(labels, entities, pa.scalar("\t", labels.type)).dictionary_encode()
    ids = np.fromiter((entity_id(*pair.split("\t", 1)) for pair in pairs.dictionary.to_pylist()),
                      dtype="int64", count=len(pairs.dictionary))
    return ids[pairs.indices.to_numpy(zero_copy_only=False)]


@functools.lru_cache(maxsize=None)  # resolved once, not twice per call
def _data_path(name: str) -> str:
    return str(resources.files("tidings") / "data" / name)


def _user_entities(entities: Any) -> list[tuple[str, str, str]]:
    """Normalise the ``entities=`` option into (pattern, label, canonical) rows."""
    rows: list[tuple[str, str, str]] = []
    if isinstance(entities, (str, os.PathLike)):
        path = Path(entities)
        if not path.is_file():
            raise TidingsIOError(f"the entity table {str(path)!r} does not exist")
        sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
        entities = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)

    def add(pattern: Any, label: Any, entity: Any = None) -> None:
        if not isinstance(pattern, str) or not pattern.strip():
            raise InputError(f"entity patterns must be non-empty strings, got {pattern!r}")
        if not isinstance(label, str):  # the core checks the label itself
            raise InputError(f"the entity pattern {pattern!r} has an unknown label {label!r}; use one of {', '.join(LABELS)}")
        if entity is not None and not isinstance(entity, str):
            raise InputError(f"the canonical name of {pattern!r} must be a string, got {entity!r}")
        rows.append((pattern, label, entity or pattern))

    if isinstance(entities, pd.DataFrame):
        columns = {c.lower(): c for c in entities.columns if isinstance(c, str)}
        pattern_col = columns.get("pattern") or columns.get("text") or columns.get("surface")
        if pattern_col is None or "label" not in columns:
            raise InputError("an entity table needs columns 'pattern' and 'label' (and optionally 'entity')")
        entity_col = columns.get("entity")
        for record in entities.itertuples(index=False):
            row = dict(zip(entities.columns, record))
            entity = row.get(entity_col) if entity_col else None
            if not isinstance(entity, str) or not entity.strip():
                entity = None  # missing canonical name: the pattern names itself
            add(row[pattern_col], row[columns["label"]], entity)
    elif isinstance(entities, Mapping):
        for pattern, spec in entities.items():
            if isinstance(spec, str):
                add(pattern, spec)
            elif isinstance(spec, Mapping):
                add(pattern, spec.get("label"), spec.get("entity"))
            elif isinstance(spec, (tuple, list)) and len(spec) in (1, 2):
                add(pattern, *spec)
            else:
                raise InputError(
                    f"entities[{pattern!r}] must be a label, a (label, entity) pair or a dict with 'label' and 'entity'"
                )
    elif isinstance(entities, Iterable) and not isinstance(entities, (str, bytes)):
        for item in entities:
            if not isinstance(item, (tuple, list)) or len(item) not in (2, 3):
                raise InputError("each entity must be a (pattern, label) or (pattern, label, entity) tuple")
            add(*item)
    else:
        raise InputTypeError(
            "entities must be a dict {pattern: label or (label, entity)}, a DataFrame with columns "
            f"pattern, label, entity, or a list of tuples; got {type(entities).__name__}"
        )
    return rows


def _mention_frame(found: tuple[pa.StructArray, dict[int, str]], index: pd.Index) -> pd.DataFrame:
    """The mention table from the core's Arrow columns, each shown to pandas with its final
    dtype without a Python object per mention (``doc`` the input's index labels, text columns
    missing where the core has no value)."""
    table, python_texts = found
    core = arrow_columns(table)
    columns: dict[str, Any] = {"doc": index.take(core["doc"].to_numpy().astype(np.intp, copy=False))}
    for name in ("start", "end", "sentence", "score"):
        columns[name] = core[name].to_numpy()
    # The core calls a person's title "title"; tidings keeps that word for headlines.
    core["role"] = core.pop("title")
    core["field"] = pa.repeat(pa.scalar(TEXT_FIELD, pa.large_string()), len(table))
    for name in _TEXT_COLUMNS:
        columns[name] = arrow_text_array(core[name], python_texts if name == "text" else None)
    columns["entity_id"] = _entity_ids(core["label"], core["entity"])
    return frame({name: columns[name] for name in MENTION_COLUMNS})


_TEXT_COLUMNS = ("text", "label", "entity", "source", "role", "value", "field", "country", "linked_by")


def tag(
    texts: Any,
    *,
    entities: Any = None,
    labels: Iterable[str] | None = _DEFAULTS["labels"],
    canonical: bool = _DEFAULTS["canonical"],
    dates: Any = None,
    sources: Any = None,
    workers: int | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Find the people, organisations, places, nationalities and dates in documents.

    A statistical tagger (an averaged perceptron trained on the GMB news corpus, shipped in the
    package) finds PERSON, ORG, LOC and NORP mentions; a gazetteer of countries, cities,
    demonyms, international organisations, news agencies, newspapers, banks, exchanges, parties,
    armed groups and sports clubs adds names the model missed and gives canonical names (a club
    named like its town, "Milan", "Surrey", is an organisation only in a sports report); rules
    find dates. Mentions of one entity share one ``entity`` value and one ``entity_id``: within
    a document a surname links to the full name mentioned there and an acronym to the name it
    is defined by ("Securities and Exchange Commission (SEC)"); across the corpus spelling
    variants ("Rowhani"/"Rouhani"), aliases ("ISIL"/"Daesh"), acronyms defined elsewhere and
    surnames whose documents point to one full name join. A surname that several full names
    end with ("Bush": George Bush, Jeb Bush) joins the one its document's other entities point
    to, else the one the documents published within 30 days of it name (with ``dates``), else
    the one the documents of its outlet name (with ``sources``), else the one the whole corpus
    names far more often; where the first of these that names any of them names several, it
    stays apart. A country is a place (LOC); a
    nationality ("French") is an entity of its own (NORP), linked to its country by
    ``country``.

    Parameters
    ----------
    texts : list of str, pandas.Series, pyarrow.Array or iterable
        The documents. Missing values (``None``, ``NaN``) have no mentions.
    entities : dict, DataFrame, list of tuples or path, optional
        A user dictionary that outranks the model: ``{"pattern": "LABEL"}``,
        ``{"pattern": ("LABEL", "Canonical name")}``, a DataFrame with columns ``pattern``,
        ``label`` and optionally ``entity``, the path of a CSV/TSV file with those columns, or
        ``[(pattern, label[, entity]), ...]``. Patterns
        match whole tokens, case-sensitively (an all-capitals word also matches).
    labels : iterable of str, optional
        Keep only these labels (of ``PERSON``, ``ORG``, ``LOC``, ``NORP``, ``DATE``, or their
        aliases in ``tidings.tag.LABEL_ALIASES`` such as ``GPE`` or ``PLACE``).
    canonical : bool, default True
        Link partial names and spelling variants; when False, ``entity`` is the mention's own
        name (or its gazetteer/user canonical name).
    dates : sequence, optional
        The documents' publication dates, aligned with ``texts`` (datetimes, or anything
        :func:`pandas.to_datetime` reads; missing or unreadable ones count as unknown). Relative
        DATE mentions ("on Sunday", "last week", "December 19") get their ``value`` from them;
        without them only absolute dates do. They also tell people of one surname apart (see
        above).
    sources : sequence of str, optional
        The documents' outlets (site, newspaper or agency), aligned with ``texts``, compared
        without case; missing ones count as unknown. They tell people of one surname apart
        where the documents near in time do not.
    workers : int, optional
        Number of threads; ``None`` or ``-1`` (or more than the cores) uses every core.
    progress : bool, default True
        Show a progress bar when the call runs for more than a second.

    Returns
    -------
    pandas.DataFrame
        One row per mention, ordered by document then position, with columns ``doc`` (the
        input's index label), ``start`` and ``end`` (Python string offsets:
        ``text[start:end]`` is the mention), ``text``, ``label``, ``entity`` (canonical name),
        ``source`` (``model``, ``gazetteer``, ``user``, or ``rule`` for dates and patterns
        such as results tables), ``score`` (confidence in 0..1), ``role`` (the title printed
        before a person's name, such as "Deputy Foreign Minister", else missing) and ``sentence`` (int64: the 0-based
        index, within its document, of the sentence holding the mention; sentences end at
        final punctuation, at blank lines and at line breaks after headlines or chrome
        lines), ``value`` (for DATE mentions, the ISO date or period they denote: a day
        ``2016-03-28``, a month ``2016-03``, a year ``2016`` or an ISO week ``2016-W12``, relative
        ones resolved against ``dates`` as news style reads them, "on Sunday" being the latest
        Sunday on or before the publication day; missing when unresolvable and for other
        labels), ``field`` (the part of the document the mention is in: ``text`` for the text
        as given; :meth:`Corpus.tag <tidings.Corpus.tag>` tags each field of a cleaned article),
        ``entity_id`` (int64, :func:`entity_id` of ``label`` and ``entity``: stable across runs
        and document orders), ``country`` (a nationality's country, else missing) and
        ``linked_by`` (how ``entity`` was found, the evidence of a join: ``surface``,
        ``gazetteer``, ``user``, ``document``, ``acronym``, ``short name``, ``spelling``,
        ``nearby dates``, ``same outlet`` or ``surname``; see
        :func:`tidings.analysis.name_variants`). With no mentions the frame is
        empty but keeps these columns and dtypes.

    Examples
    --------
    >>> m = tidings.tag(["Iran’s President Hassan Rowhani called Vladimir Putin. Putin agreed."])
    >>> m[m.label == "PERSON"].entity.tolist()
    ['Hassan Rowhani', 'Vladimir Putin', 'Vladimir Putin']
    """
    column = as_text_column(texts)
    options = {**_core_options(entities, labels, canonical), **_publications(dates, sources, len(column))}
    return _mentions(column, options, None, workers, progress)


def _core_options(entities: Any, labels: Iterable[str] | None, canonical: bool) -> dict[str, Any]:
    """The checked options of :func:`tag` as keyword arguments of ``_core.tag``."""
    user = _user_entities(entities) if entities is not None else None
    # labels and canonical are checked by the core (``src/tag/options.rs``).
    return {"entities": user, "labels": labels, "canonical": canonical}


def _publications(dates: Any, sources: Any, n: int) -> dict[str, list[str | None] | None]:
    """``dates`` and ``sources`` as keyword arguments of ``_core.tag``."""
    return {"dates": publication_days(dates, n), "sources": as_sources(sources, n)}


def publication_days(dates: Any, n: int) -> list[str | None] | None:
    """Publication dates as ISO days (``YYYY-MM-DD``, the date as printed, in its own time zone),
    ``None`` where missing or unreadable; ``None`` for no dates at all."""
    if dates is None:
        return None
    if isinstance(dates, (str, bytes)):
        raise InputTypeError("dates must be a sequence of dates aligned with the texts, not a single string")
    values = list(dates)
    if len(values) != n:
        raise InputError(f"dates has {len(values)} values for {n} documents")
    days: dict[Any, str | None] = {}
    out: list[str | None] = []
    for value in values:
        key = value if _hashable(value) else repr(value)
        if key not in days:
            days[key] = _day(value)
        out.append(days[key])
    return out


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _day(value: Any) -> str | None:
    """One publication date as an ISO day, ``None`` when missing or unreadable."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            stamp = pd.to_datetime(value, errors="coerce")
        except (TypeError, ValueError, OverflowError):
            return None
    if not isinstance(stamp, pd.Timestamp) or pd.isna(stamp):
        return None
    return stamp.date().isoformat()


def _mentions(column: TextColumn, options: dict[str, Any], corpus: _core.EntityJoin | None,
              workers: int | None, progress: bool) -> pd.DataFrame:
    with progress_bar(len(column), desc="tag", enabled=progress) as counter:
        found = _core.tag(
            column.texts,
            _data_path("tagger.bin"),
            _data_path("gazetteer.tsv"),
            **options,
            corpus=corpus,
            workers=workers,
            progress=counter,
        )
    return _mention_frame(found, column.index)


class Renames:
    """The names the corpus join changed (:meth:`CorpusTagger.join`): for each document with a
    change, each name it changes there, its joined name and the link that joined them. Held in
    the core and found there mention by mention, so that :meth:`CorpusTagger.rename` costs in
    proportion to the mentions it rewrites; picklable (for a rewrite in other processes)."""

    def __init__(self, documents: Any = (), lookup: _core.EntityRenames | None = None) -> None:
        self._documents = pd.Index(documents)
        self._lookup = lookup
        self._joined: dict[str, np.ndarray] | None = None

    def __len__(self) -> int:
        return 0 if self._lookup is None else len(self._lookup)

    def __getstate__(self) -> dict[str, Any]:
        return {"documents": self._documents, "lookup": None if self._lookup is None else self._lookup.to_bytes()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        lookup = state["lookup"]
        self._documents = state["documents"]
        self._lookup = None if lookup is None else _core.EntityRenames.from_bytes(lookup)
        self._joined = None

    def find(self, mentions: pd.DataFrame) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """The rows of ``mentions`` whose name changes, and their joined ``label``, ``entity``
        and ``linked_by`` values."""
        codes = self._documents.get_indexer(mentions["doc"])
        rows = np.flatnonzero(codes >= 0)
        if self._lookup is None or not len(rows):
            return rows[:0], {}
        found = np.frombuffer(self._lookup.find(
            codes[rows].astype("<i8").tobytes(),
            *(pa.array(mentions[column], from_pandas=True).take(pa.array(rows)) for column in ("label", "entity")),
        ), dtype="<i8")
        hit = found >= 0
        joined = self._joined_names()
        return rows[hit], {column: values[found[hit]] for column, values in joined.items()}

    def _joined_names(self) -> dict[str, np.ndarray]:
        """Each rename's joined values (computed once)."""
        if self._joined is None:
            assert self._lookup is not None
            table = arrow_columns(self._lookup.joined())
            self._joined = {column: table[source].to_numpy(zero_copy_only=False).astype(object)
                            for column, source in (("label", "label"), ("entity", "entity"), ("linked_by", "link"))}
        return self._joined


class CorpusTagger:
    """Tags a corpus chunk by chunk, with entity names joined across the whole corpus.

    :func:`tag` joins spelling variants, acronyms and lone surnames across the documents of one
    call. For a corpus tagged in chunks, :meth:`tag` each chunk (its mentions' names are joined
    within each document only), then :meth:`join` once and :meth:`rename` every chunk's
    mentions: the result is what one :func:`tag` call over the whole corpus gives. The tagger
    keeps each document's distinct names (as ids into one table of the corpus's names, in the
    core) until :meth:`join`. Documents are told apart by their
    index labels, which must be unique across the chunks.

    Parameters
    ----------
    entities, labels, canonical
        As for :func:`tag`; with ``canonical=False`` there is nothing to join.
    ids : DocumentIds, optional
        The corpus's ids kept by the caller, who adds each chunk's ids, in the order tagged
        (one list of ids for every step of a run).
    """

    def __init__(self, *, entities: Any = None, labels: Iterable[str] | None = None, canonical: bool = True,
                 ids: DocumentIds | None = None) -> None:
        self._options = _core_options(entities, labels, canonical)
        self._corpus = _core.EntityJoin() if canonical else None
        self._shared = ids is not None
        self._documents = ids if ids is not None else DocumentIds(unique=False)

    def tag(self, texts: Any, *, dates: Any = None, sources: Any = None, workers: int | None = None,
            progress: bool = True) -> pd.DataFrame:
        """The mentions of the next chunk, as :func:`tag` returns them but with names not yet
        joined across documents; ``dates`` and ``sources`` as for :func:`tag`."""
        column = as_text_column(texts)
        options = {**self._options, **_publications(dates, sources, len(column))}
        if self._corpus is not None and not self._shared:
            self._documents.add(column.index)
        return _mentions(column, options, self._corpus, workers, progress)

    def names(self) -> tuple[np.ndarray, bytes]:
        """What :meth:`join` needs of the documents tagged so far, as plain values: their ids (an
        array), and as bytes each document's publication day and outlet and its distinct names
        (label, name, whether the name is fixed, link, acronym), a few bytes per distinct name
        of a document. A tagger in another process takes them with :meth:`add_names`."""
        if self._corpus is None:
            return np.empty(0, dtype=object), b""
        return self._documents.array(), self._corpus.names()

    def add_names(self, names: tuple[Any, bytes]) -> None:
        """Add documents tagged elsewhere, as :meth:`names` gave them, to the next :meth:`join`."""
        if self._corpus is not None:
            documents, saved = names
            self._corpus.add_names(saved)
            self._documents.add(documents)

    def join(self) -> Renames:
        """Join the names across every chunk tagged so far: each name that changes in a
        document, with its joined label, entity and link (:class:`Renames`). Call it once, after
        the last chunk."""
        if self._corpus is None:
            return Renames()
        lookup = self._corpus.join()
        positions = np.frombuffer(lookup.documents(), dtype="<u4")
        return Renames(self._documents.take(positions), lookup)

    @staticmethod
    def rename(mentions: pd.DataFrame, renames: Renames) -> pd.DataFrame:
        """``mentions`` with the joined names of :meth:`join`."""
        if not renames or mentions.empty:
            return mentions
        rows, joined = renames.find(mentions)
        if not len(rows):
            return mentions
        out = mentions.copy()
        for column, values in joined.items():
            replaced = out[column].to_numpy(dtype=object, copy=True)
            replaced[rows] = values
            out[column] = pd.Series(replaced, index=out.index, dtype=mentions[column].dtype)
        out["entity_id"] = _entity_ids(out["label"], out["entity"])
        return out


#: The fields of a cleaned article, in the order they are tagged.
ARTICLE_FIELDS = ("title", "dateline", "byline", "body", "captions")
#: What separates the fields (and the captions) in the text tagged: a blank line, which ends a
#: sentence.
_FIELD_BREAK = "\n\n"


def article_texts(documents: pd.DataFrame) -> tuple[list[str | None], pd.DataFrame]:
    """Each cleaned article's fields as one text to tag (so that a surname in a caption links to
    the full name in the body), and where each field lies in it.

    ``documents`` has the cleaner's columns ``title``, ``dateline``, ``byline``, ``clean_text``
    (the body) and ``captions`` (lists). Returns the texts (None for a document without any
    field) and the layout: one row per field present, ``position`` (of the document), ``field``,
    ``offset`` and ``length`` in the text.
    """
    texts: list[str | None] = []
    rows: list[tuple[int, str, int, int]] = []
    columns = {
        "title": documents["title"].tolist(),
        "dateline": documents["dateline"].tolist(),
        "byline": documents["byline"].tolist(),
        "body": documents["clean_text"].tolist(),
        "captions": documents["captions"].tolist(),
    }
    for position in range(len(documents)):
        parts: list[str] = []
        offset = 0
        for field in ARTICLE_FIELDS:
            value = columns[field][position]
            if field == "captions":
                value = _FIELD_BREAK.join(c for c in value if isinstance(c, str)) if isinstance(value, (list, tuple, np.ndarray)) else None
            if not isinstance(value, str) or not value:
                continue
            if parts:
                parts.append(_FIELD_BREAK)
                offset += len(_FIELD_BREAK)
            rows.append((position, field, offset, len(value)))
            parts.append(value)
            offset += len(value)
        texts.append("".join(parts) if parts else None)
    layout = pd.DataFrame(rows, columns=["position", "field", "offset", "length"])
    return texts, layout


def split_fields(mentions: pd.DataFrame, positions: pd.Series, layout: pd.DataFrame) -> pd.DataFrame:
    """Mentions of :func:`article_texts`' texts with their ``field`` and offsets into that field.

    ``positions`` gives each mention's document position (aligned with ``mentions``).
    """
    if mentions.empty:
        return mentions
    span = int(max(layout["offset"].max() + layout["length"].max(), mentions["end"].max())) + 1
    field_keys = layout["position"].to_numpy(dtype="int64") * span + layout["offset"].to_numpy(dtype="int64")
    mention_keys = positions.to_numpy(dtype="int64") * span + mentions["start"].to_numpy(dtype="int64")
    row = np.searchsorted(field_keys, mention_keys, side="right") - 1
    offset = layout["offset"].to_numpy()[row]
    inside = (layout["position"].to_numpy()[row] == positions.to_numpy()) & (
        mentions["end"].to_numpy() <= offset + layout["length"].to_numpy()[row]
    )
    out = mentions.assign(
        start=mentions["start"] - offset,
        end=mentions["end"] - offset,
        field=layout["field"].to_numpy()[row],
    )
    return out[inside].reset_index(drop=True)
