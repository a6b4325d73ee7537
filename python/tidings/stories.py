"""Stories: articles that report the same event, each outlet in its own words.

How it works (the Rust core, ``src/stories``), as news aggregators group articles:

1. Each article becomes a TF-IDF vector over its terms: its words (lower-cased, without
   stopwords and numbers) and the canonical names of the people, organisations, places and
   nationalities it mentions (``PERSON:Tara Reid``, from :func:`tidings.tag`). A term weighs
   ``(1 + ln tf) · idf``, with the idf of a fixed background corpus shipped with tidings (Voice
   of America and Wikinews news, see the model card), so an article's weights never depend on
   the other articles.
2. Each article lists its ``neighbours`` nearest articles by cosine similarity. It is compared
   with the articles sharing some of its ``candidate_terms`` highest-weighted terms (enough
   that the products of their weights sum to 0.02), never with its own text or duplicate
   cluster, and, when both are dated, only with articles at most ``window`` apart; a cosine
   under ``min_similarity`` makes no neighbour.
3. Two articles are alike by the share of their neighbourhoods (each article counted among its
   own neighbours) they have in common, plus 0.01 times their cosine to break ties. Average
   linkage groups articles while the average of that similarity between two groups is at least
   ``threshold`` (with the defaults: while their articles share on average 1.75 of their 7).
   Neighbourhoods, not one absolute cosine, decide, so dense topics (many similar reports of
   two different earthquakes) split where the reports of one event hold together. Exact copies
   and articles of one duplicate cluster (``duplicates=``) always share a story.
4. A story is named after its earliest article (by date, undated last, then by a hash of its
   text; with ``ids``, the article's id). Its representative is the article closest to its
   centre (the normalised sum of its articles' vectors), and ``similarity`` is each article's
   cosine to that centre.

Every tie is settled by the articles' dates and texts and every sum runs in a fixed order, so
the same articles get the same stories and story ids whatever their order. A
:class:`StoryIndex` grows batch by batch, recomputing only the neighbour lists and stories a
batch touches, and gives the same stories as one call whatever the batches.

Articles without terms (missing, empty, only stopwords or numbers) belong to no story.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._input import TextColumn, as_text_column
from ._progress import progress_bar
from ._results import text_array
from .dedup import _as_id_array, _order, _stamps
from .errors import InputError, InputTypeError
from .store import write_bytes_atomically

__all__ = ["stories", "StoryIndex", "story_table", "with_stories", "STORY_COLUMNS", "CORPUS_STORY_COLUMNS",
           "STORY_TABLE_COLUMNS", "ENTITY_LABELS"]

#: The columns :func:`stories` gives each article, in order.
STORY_COLUMNS = ("story", "story_size", "is_representative", "similarity")
#: The same columns in a corpus's documents, where dedup has its own ``is_representative`` and
#: ``similarity``.
CORPUS_STORY_COLUMNS = ("story", "story_size", "story_representative", "story_similarity")
#: The columns of :func:`story_table`, in order.
STORY_TABLE_COLUMNS = ("story", "headline", "size", "outlets", "first_date", "last_date", "entities")
#: The entity labels whose canonical names become terms (dates are left out).
ENTITY_LABELS = ("PERSON", "ORG", "LOC", "NORP")

# The options are defined and checked in the Rust core (``src/stories/options.rs``); the
# defaults here are read from it. ``window`` is in days there.
_DEFAULTS: dict[str, Any] = _core.resolve_options("stories")
_DAY = pd.Timedelta(days=1)


def _window_days(window: Any) -> float | None:
    """``window`` (``"7D"``, a Timedelta or timedelta, a number of days, or None) in days."""
    if window is None:
        return None
    if isinstance(window, bool):
        raise InputError(f"window must be a duration such as '7D', a number of days or None, got {window!r}")
    if isinstance(window, Real):
        return float(window)
    if isinstance(window, (str, pd.Timedelta, _dt.timedelta, np.timedelta64)):
        try:
            return float(pd.Timedelta(window) / _DAY)
        except (ValueError, TypeError):
            raise InputError(f"window must be a duration such as '7D' or '36h', got {window!r}") from None
    raise InputError(f"window must be a duration such as '7D', a number of days or None, got {window!r}")


def _options(window: Any, **options: Any) -> dict[str, Any]:
    return _core.resolve_options("stories", {"window": _window_days(window), **options})


def _seconds(dates: Any, n: int) -> list[int | None] | None:
    """Publication dates as seconds since the epoch (None where missing or unreadable)."""
    if dates is None:
        return None
    stamps = _stamps(dates, n).astype("datetime64[s]")
    known = ~np.isnat(stamps)
    values = stamps.astype(np.int64)
    return [int(v) if k else None for v, k in zip(values.tolist(), known.tolist())]


def _groups(duplicates: Any, n: int) -> list[str | None] | None:
    """Duplicate-cluster labels as text (None where missing)."""
    if duplicates is None:
        return None
    values = duplicates.tolist() if hasattr(duplicates, "tolist") else list(duplicates)
    if len(values) != n:
        raise InputError(f"duplicates has {len(values)} values for {n} documents")
    return [None if _missing(v) else str(v) for v in values]


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _mention_columns(entities: Any, index: pd.Index) -> tuple[list[int], list[str], list[str]]:
    """The mentions of a table as :func:`tidings.tag` returns it (``doc`` = labels of
    ``index``), as columns of positions, labels and names."""
    if not isinstance(entities, pd.DataFrame):
        raise InputTypeError(
            f"entities must be a mention table as tidings.tag returns it, None or False; got {type(entities).__name__}"
        )
    missing = [c for c in ("doc", "label", "entity") if c not in entities.columns]
    if missing:
        raise InputError(f"the entity table has no column {', '.join(missing)}; it needs doc, label and entity")
    table = entities[entities["entity"].notna() & entities["label"].notna()]
    positions = index.get_indexer(pd.Index(table["doc"])) if index.is_unique else None
    if positions is None:
        raise InputError("entities can be matched to the texts only when the texts' index labels are unique")
    unknown = positions < 0
    if unknown.any():
        raise InputError(f"the entity table names document {table['doc'].iloc[int(np.argmax(unknown))]!r}, "
                         "which is not among the texts")
    return positions.tolist(), table["label"].astype(str).tolist(), table["entity"].astype(str).tolist()


def _mentions(entities: Any, column: TextColumn, dates: Any, workers: int | None, progress: bool) -> Any:
    """The entity columns for the core: from ``entities``, or tagged here when it is None
    (the publication ``dates`` telling people of one surname apart)."""
    if entities is False:
        return None
    if entities is None:
        from .tag import tag

        entities = tag(column.values, dates=dates, labels=list(ENTITY_LABELS), workers=workers, progress=progress)
        return _mention_columns(entities, pd.RangeIndex(len(column)))
    return _mention_columns(entities, column.index)


def _story_names(names: list[Any], ids: np.ndarray | None, index: pd.Index) -> pd.Series:
    """The ``story`` column, of a dtype that follows the ids and not which articles have a story
    (so every batch and partition agrees): text for text hashes and text ids, ``Int64`` for
    integer ids, objects for other ids; missing where an article has no story."""
    if ids is None or all(isinstance(v, str) for v in ids.tolist()):
        return pd.Series(text_array(names), index=index)
    if _as_id_array(ids).dtype == np.int64:
        return pd.Series(names, index=index, dtype="Int64")
    return pd.Series(names, index=index, dtype=object)


def _story_frame(data: dict[str, Any], ids: np.ndarray | None, index: pd.Index) -> pd.DataFrame:
    """The story columns of the core's assignments; stories named by id or by text hash."""
    story = np.asarray(data["story"], dtype=np.int64)
    has_story = story >= 0
    if ids is None:
        names = [f"{h:016x}" if s else None for h, s in zip(data["story_hash"], has_story.tolist())]
    else:
        names = [ids[s] if s >= 0 else None for s in story.tolist()]
    return pd.DataFrame({
        "story": _story_names(names, ids, index),
        "story_size": np.asarray(data["story_size"], dtype=np.int64),
        "is_representative": np.asarray(data["is_representative"], dtype=bool),
        "similarity": np.asarray(data["similarity"], dtype=np.float64),
    }, index=index)


def stories(
    texts: Any,
    *,
    dates: Any = None,
    entities: Any = None,
    duplicates: Any = None,
    ids: Any = None,
    window: Any = _DEFAULTS["window"],
    neighbours: int = _DEFAULTS["neighbours"],
    threshold: float = _DEFAULTS["threshold"],
    min_similarity: float = _DEFAULTS["min_similarity"],
    candidate_terms: int = _DEFAULTS["candidate_terms"],
    max_term_articles: int = _DEFAULTS["max_term_articles"],
    workers: int | None = None,
    progress: bool = True,
) -> pd.DataFrame:
    """Group articles that report the same event into stories.

    See the module docs of :mod:`tidings.stories` for the method.

    Parameters
    ----------
    texts : list of str, pandas.Series, pyarrow.Array or iterable
        The articles (headline and body). Missing values and texts without terms belong to no
        story.
    dates : sequence, optional
        Publication dates aligned with ``texts`` (anything :func:`pandas.to_datetime` reads);
        articles further apart than ``window`` are never neighbours. Undated articles may
        neighbour any article.
    entities : DataFrame, None or False, default None
        The mentions of the articles as :func:`tidings.tag` returns them (``doc`` holds the
        index labels of ``texts``; ``label`` and ``entity`` are used, DATE rows ignored). When
        None, the articles are tagged here; ``False`` uses words only.
    duplicates : sequence, optional
        A duplicate cluster per article (e.g. ``tidings.dedup(texts)["cluster"]``): articles
        of one cluster share a story. Exact copies share one anyway.
    ids : sequence, optional
        Unique, mutually sortable article ids aligned with ``texts``: a story is then named
        after its earliest article's id.
    window : str, Timedelta, number of days or None, default 7 days
        How far apart two dated articles may be and still be neighbours; None ignores dates.
    neighbours : int, default 6
        Nearest articles each article lists (1 to 64).
    threshold : float, default 0.25
        Average share of shared neighbours (each article among its own ``neighbours + 1``) down
        to which groups merge, in (0, 1].
    min_similarity : float, default 0.2
        Cosine similarity below which two articles are never neighbours.
    candidate_terms : int, default 25
        Highest-weighted terms of each article through which it finds its candidate neighbours.
    max_term_articles : int, default 500
        Articles that may hold a term among their candidate terms before it is too common to
        find candidates (it still counts in the similarity).
    workers : int, optional
        Number of threads; ``None`` or ``-1`` uses every core. The result does not depend on it.
    progress : bool, default True
        Show a progress bar when the call runs for more than a second.

    Returns
    -------
    pandas.DataFrame
        One row per input row, with the input's index, and the columns

        - ``story`` (text, ``Int64`` for integer ``ids``, object for other ids): the story's
          id, the 16 hex digits of its earliest article's text hash, or that article's id when
          ``ids`` are given; missing for an article without terms;
        - ``story_size`` (int64): articles in the story (0 without one);
        - ``is_representative`` (bool): the article closest to the story's centre, one per
          story;
        - ``similarity`` (float64): cosine similarity to the story's centre (1.0 alone, NaN
          without a story).

    Examples
    --------
    >>> quake = "A strong earthquake struck off the coast of northern Peru on Sunday, shaking Lima."
    >>> s = tidings.stories([quake, quake.replace("struck", "hit"), "Lindsay Lohan entered rehab."],
    ...                     entities=False)
    >>> s["story_size"].tolist()
    [2, 2, 1]
    """
    options = _options(window, neighbours=neighbours, threshold=threshold, min_similarity=min_similarity,
                       candidate_terms=candidate_terms, max_term_articles=max_term_articles)
    column = as_text_column(texts)
    n = len(column)
    mentions = _mentions(entities, column, dates, workers, progress)
    dated = _seconds(dates, n)
    groups = _groups(duplicates, n)
    if ids is None:
        order, id_values = np.arange(n, dtype=np.int64), None
    else:
        order, id_values = _order(ids, n)
    # Articles enter in id order, so with ids even exact copies settle ties the same way.
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    values = [column.values[i] for i in order]
    if mentions is not None:
        mentions = (rank[np.asarray(mentions[0], dtype=np.int64)].tolist(), mentions[1], mentions[2])
    index = _core.StoryIndex(**options)
    with progress_bar(n, desc="stories", enabled=progress) as counter:
        index.add(values, dates=None if dated is None else [dated[i] for i in order],
                  groups=None if groups is None else [groups[i] for i in order],
                  entities=mentions, workers=workers, progress=counter)
    sorted_ids = None if id_values is None else id_values[order]
    frame = _story_frame(index.assignments(), sorted_ids, pd.RangeIndex(n))
    frame = frame.iloc[rank]
    frame.index = column.index.copy()
    return frame


class StoryIndex:
    """A story index that grows batch by batch and saves to disk.

    Each :meth:`add` puts a batch beside everything added before and regroups only what it
    touches; the stories of the whole index are those :func:`stories` gives all its articles
    at once (with the same entity table), whatever the batches. Articles get consecutive
    positions across batches (``doc``); stories are named by the text hash of their earliest
    article, as :func:`stories` names them without ``ids``.

    Parameters
    ----------
    window, neighbours, threshold, min_similarity, candidate_terms, max_term_articles
        As for :func:`stories`.

    Examples
    --------
    >>> index = tidings.StoryIndex()
    >>> quake = "A strong earthquake struck off the coast of northern Peru on Sunday, shaking Lima."
    >>> _ = index.add([quake], entities=False)
    >>> index.add([quake.replace("struck", "hit")], entities=False)["story_size"].tolist()
    [2]
    """

    def __init__(self, *, window: Any = _DEFAULTS["window"], neighbours: int = _DEFAULTS["neighbours"],
                 threshold: float = _DEFAULTS["threshold"], min_similarity: float = _DEFAULTS["min_similarity"],
                 candidate_terms: int = _DEFAULTS["candidate_terms"],
                 max_term_articles: int = _DEFAULTS["max_term_articles"]) -> None:
        self._core = _core.StoryIndex(**_options(
            window, neighbours=neighbours, threshold=threshold, min_similarity=min_similarity,
            candidate_terms=candidate_terms, max_term_articles=max_term_articles))

    @classmethod
    def _wrap(cls, core: _core.StoryIndex) -> StoryIndex:
        index = cls.__new__(cls)
        index._core = core
        return index

    def __len__(self) -> int:
        return len(self._core)

    def __repr__(self) -> str:
        return (f"StoryIndex(articles={len(self)}, window={self.window}, neighbours={self.neighbours}, "
                f"threshold={self.threshold}, min_similarity={self.min_similarity}, "
                f"candidate_terms={self.candidate_terms}, max_term_articles={self.max_term_articles})")

    window = property(lambda self: None if self._core.window is None else pd.Timedelta(days=self._core.window),
                      doc="The time window (a Timedelta) or None.")
    neighbours = property(lambda self: self._core.neighbours, doc="Nearest articles listed per article.")
    threshold = property(lambda self: self._core.threshold, doc="Average shared-neighbour share to merge.")
    min_similarity = property(lambda self: self._core.min_similarity, doc="Cosine below which no neighbours.")
    candidate_terms = property(lambda self: self._core.candidate_terms, doc="Top terms that find candidates.")
    max_term_articles = property(lambda self: self._core.max_term_articles,
                                 doc="Articles a candidate term may point to.")

    def memory_bytes(self) -> int:
        """Bytes the index holds in memory (vectors, neighbour lists, candidate index)."""
        return int(self._core.memory_bytes())

    def add(self, texts: Any, *, dates: Any = None, entities: Any = None, duplicates: Any = None,
            workers: int | None = None, progress: bool = True) -> pd.DataFrame:
        """Add a batch and return its articles' stories as of now.

        ``dates``, ``entities`` (index labels of this batch; tagged here when None) and
        ``duplicates`` are as for :func:`stories`, aligned with the batch.

        Returns
        -------
        pandas.DataFrame
            One row per batch row, with the batch's index: ``doc`` (int64, the article's
            position in the index) and the columns of :func:`stories` (a later batch can still
            change them; :meth:`stories` has the latest state).
        """
        column = as_text_column(texts)
        n = len(column)
        mentions = _mentions(entities, column, dates, workers, progress)
        with progress_bar(n, desc="stories", enabled=progress) as counter:
            start = self._core.add(column.values, dates=_seconds(dates, n), groups=_groups(duplicates, n),
                                   entities=mentions, workers=workers, progress=counter)
        frame = self.stories().iloc[start:start + n].reset_index()
        frame.index = column.index.copy()
        return frame

    def stories(self, ids: Any = None) -> pd.DataFrame:
        """The stories of every article, indexed by position (``doc``).

        ``ids`` (the id of every article, in index order) names each story after its earliest
        article's id instead of its text hash.
        """
        if ids is not None:
            ids = np.asarray(list(ids), dtype=object)
            if len(ids) != len(self):
                raise InputError(f"ids has {len(ids)} values for {len(self)} articles")
        return _story_frame(self._core.assignments(), ids, pd.RangeIndex(len(self), name="doc"))

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path`` (a versioned binary file)."""
        write_bytes_atomically(path, self._core.to_bytes(), what="story index")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> StoryIndex:
        """Read an index written by :meth:`save`; raises ``ModelError`` for any other file,
        reading no further than its header when that is not a story index's, and
        ``TidingsIOError`` when the path cannot be read or is not a regular file (a device or
        a pipe)."""
        return cls._wrap(_core.StoryIndex.load(path))


def with_stories(documents: pd.DataFrame, assigned: pd.DataFrame) -> pd.DataFrame:
    """``documents`` with the story columns of ``assigned`` (a ``doc`` column besides the
    columns of :func:`stories`; rows matched by document id) as :data:`CORPUS_STORY_COLUMNS`,
    replacing earlier ones."""
    columns = (assigned.set_index("doc")[list(STORY_COLUMNS)]
               .set_axis(list(CORPUS_STORY_COLUMNS), axis=1)
               .reindex(documents["doc"]).set_axis(documents.index))
    return documents.drop(columns=[c for c in CORPUS_STORY_COLUMNS if c in documents.columns]).join(columns)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_HEADLINE_CHARS = 160


def first_sentence(text: Any) -> str | None:
    """The first sentence of a text's first non-blank line (cut at 160 characters)."""
    if not isinstance(text, str):
        return None
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(sentence) > _HEADLINE_CHARS:
        sentence = sentence[:_HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"
    return sentence or None


def story_table(documents: pd.DataFrame, entities: pd.DataFrame | None = None, *, text: str = "text",
                dates: pd.Series | None = None, top_entities: int = 5) -> pd.DataFrame:
    """One row per story of a corpus's documents table with :data:`CORPUS_STORY_COLUMNS` (and
    ``doc``, and ``title`` and ``source`` when known); ``dates`` aligned with it (by default
    its ``date`` column).

    Returns
    -------
    pandas.DataFrame
        Largest stories first (then earliest, then by id): ``story``; ``headline`` (the
        representative's ``title`` when known, else the first sentence of its ``text``);
        ``size`` (int64, articles); ``outlets`` (the distinct sources, sorted, as text);
        ``first_date`` and ``last_date`` (NaT when undated); ``entities`` (the ``top_entities``
        people, organisations, places and nationalities named in most of its articles, as text;
        empty without an entity table, whose ``doc`` holds document ids).
    """
    members = documents[documents["story"].notna()]
    grouped = members.groupby("story", sort=True)
    table = pd.DataFrame({"size": grouped.size().astype("int64")})
    representatives = members[members["story_representative"].astype(bool)].set_index("story")
    titles = representatives["title"] if "title" in representatives.columns else pd.Series(dtype=object)
    headlines = [
        title if isinstance(title, str) and title.strip() else first_sentence(body)
        for title, body in zip(titles.reindex(representatives.index), representatives[text])
    ]
    table["headline"] = pd.Series(headlines, index=representatives.index, dtype=object)
    if "source" in members.columns:
        table["outlets"] = grouped["source"].agg(lambda s: ", ".join(sorted({str(v) for v in s if isinstance(v, str)})))
    else:
        table["outlets"] = ""
    if dates is None:
        dates = documents["date"] if "date" in documents.columns else pd.Series(pd.NaT, index=documents.index)
    dated = pd.to_datetime(dates[members.index])
    if isinstance(dated.dtype, pd.DatetimeTZDtype):
        dated = dated.dt.tz_convert(None)
    by_story = dated.astype("datetime64[ns]").groupby(members["story"])
    table["first_date"] = by_story.min()
    table["last_date"] = by_story.max()
    table["entities"] = _top_entities(members, entities, top_entities).reindex(table.index).fillna("")
    table = table.reset_index()
    table = table.sort_values(["size", "first_date", "story"], ascending=[False, True, True], ignore_index=True,
                              key=lambda c: c.astype(str) if c.name == "story" else c)
    return table[list(STORY_TABLE_COLUMNS)]


def _top_entities(members: pd.DataFrame, entities: pd.DataFrame | None, top: int) -> pd.Series:
    """Per story, its ``top`` entities (not dates) by the number of its articles naming them."""
    if entities is None or entities.empty:
        return pd.Series(dtype=object)
    named = entities.loc[entities["label"].isin(ENTITY_LABELS), ["doc", "entity"]].drop_duplicates()
    story_of = pd.Series(members["story"].to_numpy(), index=members["doc"].to_numpy())
    named = named.assign(story=named["doc"].map(story_of)).dropna(subset=["story"])
    counts = named.groupby(["story", "entity"], sort=False).size().rename("articles").reset_index()
    counts = counts.sort_values(["story", "articles", "entity"], ascending=[True, False, True])
    return counts.groupby("story", sort=False)["entity"].agg(lambda e: ", ".join(e.head(top)))
