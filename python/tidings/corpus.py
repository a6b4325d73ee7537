"""``tidings.Corpus``: a corpus as pandas tables, with each pipeline step returning a new Corpus."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from . import analysis, plots
from .dedup import with_clusters
from .display import ClusterView, DocumentView, StoryView, SummaryCard
from .errors import InputError, InputTypeError
from .io import read_corpus
from .steps import Clean, Dedup, GroupStories, Tag, text_column
from .stories import story_table, with_stories

__all__ = ["Corpus"]


@dataclass(frozen=True)
class Corpus:
    """A corpus of documents and the tables tidings derived from it.

    Build one with :meth:`Corpus.read` or :meth:`Corpus.from_pandas`; each step
    (:meth:`clean`, :meth:`dedup`, :meth:`tag`) returns a new Corpus and leaves this one as it was.

    Attributes
    ----------
    documents : pandas.DataFrame
        One row per document: ``id`` (str), ``text`` (the raw text), ``source`` and ``date`` when
        known, and the columns each step adds.
    steps : tuple of str
        The steps run so far, in order.
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
    ) -> Corpus:
        """Wrap a DataFrame: name its text column, and optionally its id, date and source columns.

        Ids default to the ``id`` column when there is one, else to the row number. Dates are
        parsed with :func:`pandas.to_datetime` (unparseable dates become ``NaT``).
        """
        if not isinstance(frame, pd.DataFrame):
            raise InputTypeError(f"from_pandas takes a pandas DataFrame, got {type(frame).__name__}")
        for role, column in (("text", text), ("id", id), ("date", date), ("source", source)):
            if column is not None and column not in frame.columns:
                raise InputError(f"no {role} column {column!r}; the columns are {list(frame.columns)}")
        documents = frame.rename(columns={text: "text"}).reset_index(drop=True)
        id_column = id or ("id" if "id" in frame.columns else None)
        if id_column is None:
            documents.insert(0, "id", [str(i) for i in range(len(documents))])
        else:
            documents = documents.rename(columns={id_column: "id"})
            documents["id"] = documents["id"].astype(str)
        if not documents["id"].is_unique:
            duplicated = documents["id"][documents["id"].duplicated()].iloc[0]
            raise InputError(f"document ids must be unique; {duplicated!r} appears more than once")
        for role, column in (("date", date), ("source", source)):
            if column is not None and column != role:
                documents = documents.rename(columns={column: role})
        if "date" in documents.columns:
            documents["date"] = pd.to_datetime(documents["date"], errors="coerce").astype("datetime64[ns]")
        return cls(documents=documents)

    @classmethod
    def read(
        cls,
        path: str | Path,
        *,
        text: str = "text",
        id: str | None = None,
        date: str | None = None,
        source: str | None = None,
    ) -> Corpus:
        """Read a JSONL, Parquet, CSV/TSV file or a folder of ``.txt`` files (see :func:`tidings.read_corpus`).

        ``date`` and ``source`` default to columns of those names when the file has them. For a
        corpus larger than memory, stream it with ``tidings run`` or :func:`tidings.io.iter_corpus`.
        """
        frame = read_corpus(path, text=text, id=id)
        date = date or ("date" if "date" in frame.columns else None)
        source = source or ("source" if "source" in frame.columns else None)
        return cls.from_pandas(frame, id="id", date=date, source=source)

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

    # --- steps ---------------------------------------------------------------------------------------

    def clean(self, **options: Any) -> Corpus:
        """Clean every document (see :func:`tidings.clean_many`); page templates are learned per source.

        Adds to :attr:`documents` the columns ``clean_text``, ``title``, ``dateline``, ``place``,
        ``agency``, ``byline``, ``published`` (the date printed in the page, as text),
        ``credits``, ``captions`` (lists) and ``removed_spans`` (int64), and a ``removed`` table
        (the audit: ``doc`` id, ``start``, ``end``, ``rule``, ``text``, ``replacement``, with
        offsets into the raw ``text``). Later steps work on ``clean_text``.
        """
        documents, tables = Clean(**options).run(self.documents)
        return self._with("clean", documents, **tables)

    @property
    def removed(self) -> pd.DataFrame:
        """The cleaning audit: one row per removed or changed span (offsets into the raw text)."""
        return self._table("removed", "clean")

    def dedup(self, **options: Any) -> Corpus:
        """Find exact duplicates, near duplicates and reprints (on the cleaned text when cleaned).

        Adds the cluster columns of :func:`tidings.dedup` to :attr:`documents` and a ``pairs``
        table; document ids are the ``id`` column, and a cluster is named after its smallest id.
        Options are those of :func:`tidings.dedup` but ``ids`` and ``return_pairs``;
        ``keep='earliest'`` takes the ``date`` column unless ``dates`` are given.
        """
        documents, tables = Dedup(**options).run(self.documents)
        return self._with("dedup", with_clusters(documents, tables["clusters"]), pairs=tables["pairs"])

    @property
    def clusters(self) -> pd.DataFrame:
        """Documents that have duplicates, one row each, grouped by cluster.

        Columns ``cluster``, ``id``, ``kind``, ``is_representative``, ``similarity``,
        ``cluster_size``, and ``source``, ``date``, ``title`` when known.
        """
        if "cluster" not in self.documents.columns:
            raise InputError("the corpus has no clusters yet: run corpus.dedup() first")
        columns = ["cluster", "id", "kind", "is_representative", "similarity", "cluster_size"]
        columns += [c for c in ("source", "date", "title") if c in self.documents.columns]
        shared = self.documents[self.documents["cluster_size"] > 1]
        return shared[columns].sort_values(["cluster", "id"], ignore_index=True)

    @property
    def pairs(self) -> pd.DataFrame:
        """The evidence of dedup: ``doc_a``, ``doc_b``, ``jaccard``, ``containment`` per verified pair."""
        return self._table("pairs", "dedup")

    def tag(self, **options: Any) -> Corpus:
        """Tag people, places, organisations, nationalities and dates (see :func:`tidings.tag`).

        Works on the cleaned text when the corpus was cleaned. Adds an ``entities`` table whose
        ``doc`` column holds document ids and whose offsets index :attr:`texts`.
        """
        documents, tables = Tag(**options).run(self.documents)
        return self._with("tag", documents, entities=tables["entities"])

    @property
    def entities(self) -> pd.DataFrame:
        """One row per entity mention (see :func:`tidings.tag`); ``doc`` is the document id."""
        return self._table("entities", "tag")

    def group_stories(self, **options: Any) -> Corpus:
        """Group the documents that report the same event into stories (see :func:`tidings.stories`).

        Reads the headline and cleaned text when the corpus was cleaned, the ``date`` column,
        the entity table when tagged (else tags here) and keeps each duplicate cluster in one
        story once dedup ran. Adds the columns ``story`` (named after its earliest document's
        id), ``story_size``, ``is_representative`` and ``similarity`` to :attr:`documents`, and
        the :attr:`stories` table. Options are those of :class:`tidings.StoryIndex`, plus
        ``workers`` and ``progress``.
        """
        entities = self.tables.get("entities")
        documents, tables = GroupStories(entities=entities, **options).run(self.documents)
        documents = with_stories(documents, tables["story_members"])
        stories = story_table(documents, entities, text=self._text_column)
        return self._with("group_stories", documents, stories=stories)

    @property
    def stories(self) -> pd.DataFrame:
        """One row per story, largest first: ``story``, ``headline``, ``size``, ``outlets``,
        ``first_date``, ``last_date`` and ``entities`` (``story_table`` of the stories module)."""
        return self._table("stories", "group_stories")

    # --- analysis ------------------------------------------------------------------------------------

    def entity_counts(self, **options: Any) -> pd.DataFrame:
        """Mentions and documents per entity; see :func:`tidings.analysis.entity_counts`."""
        return analysis.entity_counts(self.entities, **options)

    def cooccurrence(self, **options: Any) -> pd.DataFrame:
        """Entities mentioned together; see :func:`tidings.analysis.cooccurrence`."""
        return analysis.cooccurrence(self.entities, **options)

    def cooccurrence_graph(self, **options: Any) -> Any:
        """The co-occurrence table as a ``networkx.Graph``."""
        return analysis.to_networkx(self.cooccurrence(**options))

    def mentioned_with(self, entity: str, **options: Any) -> pd.DataFrame:
        """Who and what is mentioned with ``entity``; see :func:`tidings.analysis.mentioned_with`."""
        return analysis.mentioned_with(self.entities, entity, **options)

    def name_variants(self, **options: Any) -> pd.DataFrame:
        """Spellings per canonical entity; see :func:`tidings.analysis.name_variants`."""
        return analysis.name_variants(self.entities, **options)

    def timeline(self, **options: Any) -> pd.DataFrame:
        """Mentions per period of publication date; see :func:`tidings.analysis.timeline`."""
        return analysis.timeline(self.entities, self.documents, **options)

    def cluster_sources(self) -> pd.DataFrame:
        """Which outlets and agencies ran each story that appears more than once.

        Returns
        -------
        pandas.DataFrame
            One row per cluster of two or more documents: ``cluster``, ``documents`` (int64),
            ``sources`` and ``agencies`` (sorted lists of str: outlets from the ``source``
            column; agencies from datelines and credits when the corpus was cleaned),
            ``first_date`` and ``last_date`` (``datetime64[ns]``, NaT when undated) and
            ``title`` (the representative's, when cleaned).
        """
        members = self.clusters
        documents = self.documents.set_index("id")
        rows = []
        for cluster, group in members.groupby("cluster", sort=True):
            docs = documents.loc[group["id"]]
            agencies: set[str] = set()
            if "agency" in docs.columns:
                agencies.update(a for a in docs["agency"] if isinstance(a, str))
            if "credits" in docs.columns:
                agencies.update(c for credits in docs["credits"] if credits is not None for c in credits)
            representative = group.loc[group["is_representative"], "id"]
            title = None
            if "title" in docs.columns and len(representative):
                title = documents.at[representative.iloc[0], "title"]
            dates = docs["date"] if "date" in docs.columns else pd.Series(dtype="datetime64[ns]")
            rows.append({
                "cluster": cluster,
                "documents": len(group),
                "sources": sorted({s for s in docs.get("source", pd.Series(dtype=object)) if isinstance(s, str)}),
                "agencies": sorted(agencies),
                "first_date": dates.min(),
                "last_date": dates.max(),
                "title": title,
            })
        columns = ["cluster", "documents", "sources", "agencies", "first_date", "last_date", "title"]
        table = pd.DataFrame(rows, columns=columns)
        table["documents"] = table["documents"].astype("int64")
        for column in ("first_date", "last_date"):
            table[column] = pd.to_datetime(table[column]).astype("datetime64[ns]")
        return table.sort_values(["documents", "cluster"], ascending=[False, True], ignore_index=True)

    # --- displays and plots ---------------------------------------------------------------------

    def show(self, id: Any) -> DocumentView:
        """A notebook view of one document: the article with its entities highlighted, and the raw
        page with the removed chrome struck through."""
        documents = self.documents.set_index("id")
        key = str(id)
        if key not in documents.index:
            raise InputError(f"no document with id {key!r}")
        row = documents.loc[key]
        cleaned = "clean_text" in documents.columns
        entities = self.tables["entities"] if "entities" in self.tables else None
        if entities is not None:
            entities = entities[entities["doc"] == key]
        removed = self.tables["removed"] if "removed" in self.tables else None
        if removed is not None:
            removed = removed[removed["doc"] == key]
        meta = {k: row[k] for k in ("source", "date", "byline", "dateline") if k in documents.columns}
        return DocumentView(
            text=row["clean_text"] if cleaned else row["text"],
            entities=entities,
            raw=row["text"] if cleaned else None,
            removed=removed,
            title=(row["title"] if cleaned and isinstance(row["title"], str) else None) or f"Document {key}",
            meta={"id": key, **meta},
        )

    def show_cluster(self, cluster: Any) -> ClusterView:
        """A notebook view of one duplicate cluster, each member compared with the representative."""
        members = self.clusters[self.clusters["cluster"] == cluster]
        if members.empty:
            raise InputError(f"no cluster {cluster!r} with two or more documents")
        documents = self.documents.set_index("id")
        ids = members["id"].tolist()
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
        return StoryView.of(members, headline=row["headline"], text=self._text_column)

    def _repr_html_(self) -> str:
        figures = {**self.summary(), "steps": " → ".join(self.steps) or "none yet"}
        tables = {}
        if "entities" in self.tables:
            tables["Top entities"] = self.entity_counts().head(8)
        if "cluster" in self.documents.columns:
            tables["Stories printed more than once"] = self.cluster_sources()[["documents", "sources", "title"]].head(5)
        if "stories" in self.tables:
            tables["Largest stories"] = self.stories[["size", "outlets", "headline"]].head(5)
        return SummaryCard("tidings corpus", figures, tables)._repr_html_()

    def plot_top_entities(self, **options: Any) -> Any:
        """Bars of the most mentioned entities; returns the matplotlib Figure."""
        return plots.plot_top_entities(self.entities, **options)

    def plot_cooccurrence(
        self, *, level: str = "document", top: int = 40, labels: list[str] | None = None
    ) -> Any:
        """The co-occurrence network of people, organisations, places and nationalities (or
        ``labels``); returns the matplotlib Figure."""
        labels = labels if labels is not None else ["PERSON", "ORG", "LOC", "NORP"]
        return plots.plot_cooccurrence(self.cooccurrence(level=level, labels=labels), top=top)

    def plot_timeline(self, **options: Any) -> Any:
        """Mentions over time; returns the matplotlib Figure."""
        return plots.plot_timeline(self.timeline(**options))

    def plot_cluster_sizes(self) -> Any:
        """How many duplicate clusters have each size; returns the matplotlib Figure."""
        return plots.plot_cluster_sizes(self.documents)

    def plot_stories(self, **options: Any) -> Any:
        """The largest stories along time; returns the matplotlib Figure."""
        return plots.plot_stories(self.stories, **options)

    def __len__(self) -> int:
        return len(self.documents)

    def to_parquet(self, folder: str | Path) -> list[Path]:
        """Write ``documents.parquet`` and every derived table into ``folder``; returns the paths."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, table in {"documents": self.documents, **self.tables}.items():
            path = folder / f"{name}.parquet"
            table.to_parquet(path, index=False)
            written.append(path)
        return written

    def __repr__(self) -> str:
        steps = " → ".join(self.steps) if self.steps else "raw"
        return f"<tidings.Corpus: {len(self):,} documents, steps: {steps}, tables: {', '.join(self.tables) or '-'}>"

    def summary(self) -> dict[str, Any]:
        """Headline figures of the corpus and its steps, as a dict."""
        documents = self.documents
        figures: dict[str, Any] = {"documents": len(documents)}
        if "source" in documents.columns:
            figures["sources"] = int(documents["source"].nunique())
        if "date" in documents.columns and documents["date"].notna().any():
            figures["first_date"] = documents["date"].min()
            figures["last_date"] = documents["date"].max()
        if "raw_words" in documents.columns:
            figures["words"] = int(documents["raw_words"].sum())
        if "removed_spans" in documents.columns:
            figures["removed_spans"] = int(documents["removed_spans"].sum())
            figures["titles_found"] = int(documents["title"].notna().sum())
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
