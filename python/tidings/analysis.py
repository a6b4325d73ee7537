"""Analyst tables over the ``entities`` and ``documents`` tables of a corpus.

All functions take plain DataFrames (the shapes :func:`tidings.tag` and :class:`tidings.Corpus`
produce), so they work on any slice an analyst has filtered.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError

__all__ = [
    "entity_counts", "demonyms_as_countries", "cooccurrence", "to_networkx", "timeline", "mentioned_with",
    "name_variants",
]  # fmt: skip

_ENTITY_COLUMNS = ("doc", "label", "entity")


def _check(entities: pd.DataFrame, columns: tuple[str, ...] = _ENTITY_COLUMNS) -> None:
    missing = [c for c in columns if c not in entities.columns]
    if missing:
        raise InputError(f"the entities table lacks the columns {missing}; pass the table tidings.tag returns")


def _dominant_labels(entities: pd.DataFrame) -> pd.Series:
    """The most frequent label of each entity (ties: alphabetical), e.g. LOC for "Iran" even when
    "Iranian" (NORP) also maps to it."""
    counts = entities.groupby(["entity", "label"], observed=True).size().reset_index(name="n")
    counts = counts.sort_values(["entity", "n", "label"], ascending=[True, False, True])
    return counts.drop_duplicates("entity").set_index("entity")["label"]


def entity_counts(
    entities: pd.DataFrame, *, labels: list[str] | None = None, merge_demonyms: bool = False
) -> pd.DataFrame:
    """Mentions and documents per canonical entity, most mentioned first.

    An entity is a canonical name with its label: "France" (LOC) and the nationality "French"
    (NORP) are two rows, unless ``merge_demonyms``.

    Parameters
    ----------
    labels : list of str, optional
        Count only mentions with these labels (for example ``["PERSON", "ORG"]``), before
        merging demonyms.
    merge_demonyms : bool, default False
        Count each nationality with the country (or region) the ``country`` column links it to:
        "French" is counted as "France" (LOC).

    Returns
    -------
    pandas.DataFrame
        Columns ``entity`` (str), ``label`` (str), ``mentions`` (int64), ``documents`` (int64,
        distinct documents), ``variants`` (int64, distinct surface spellings), and
        ``entity_id`` (int64) when the table has it.
    """
    _check(entities, (*_ENTITY_COLUMNS, "text"))
    if labels is not None:
        entities = entities[entities["label"].isin(labels)]
    if merge_demonyms:
        entities = demonyms_as_countries(entities)
    grouped = entities.groupby(["entity", "label"], sort=False)
    columns = {
        "mentions": grouped.size(),
        "documents": grouped["doc"].nunique(),
        "variants": grouped["text"].nunique(),
    }
    if "entity_id" in entities.columns:
        columns["entity_id"] = grouped["entity_id"].first()
    table = pd.DataFrame(columns).reset_index()
    table = table.astype({"entity": str, "label": str, "mentions": "int64", "documents": "int64", "variants": "int64"})
    return table.sort_values(["mentions", "documents", "entity", "label"], ascending=[False, False, True, True],
                             ignore_index=True)


def demonyms_as_countries(entities: pd.DataFrame) -> pd.DataFrame:
    """``entities`` with each nationality mention (NORP with a ``country``) renamed to its
    country, labelled LOC (and its ``entity_id`` the country's)."""
    if "country" not in entities.columns:
        return entities
    demonym = ((entities["label"] == "NORP") & entities["country"].notna()).to_numpy()
    if not demonym.any():
        return entities
    from .tag import entity_id

    out = entities.copy()
    countries = out["country"].to_numpy(dtype=object)[demonym]
    for column, values in (("entity", countries), ("label", np.full(len(countries), "LOC", dtype=object))):
        merged = out[column].to_numpy(dtype=object, copy=True)
        merged[demonym] = values
        out[column] = pd.Series(merged, index=out.index, dtype=entities[column].dtype)
    if "entity_id" in out.columns:
        ids = out["entity_id"].to_numpy(copy=True)
        ids[demonym] = [entity_id("LOC", country) for country in countries]
        out["entity_id"] = ids
    return out


def cooccurrence(
    entities: pd.DataFrame,
    *,
    level: str = "document",
    labels: list[str] | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Pairs of entities mentioned together, in one document or (``level="sentence"``) one sentence.

    Sentence level needs the ``sentence`` column :func:`tidings.tag` adds (the sentence's index in
    its document).

    Returns
    -------
    pandas.DataFrame
        Columns ``entity_a``, ``entity_b`` (str, ``entity_a < entity_b``), ``label_a``,
        ``label_b`` (str) and ``count`` (int64: documents or sentences where both appear),
        strongest pairs first.
    """
    if level not in {"document", "sentence"}:
        raise InputError(f"level must be 'document' or 'sentence', got {level!r}")
    _check(entities)
    unit = ["doc"] if level == "document" else ["doc", "sentence"]
    if level == "sentence" and "sentence" not in entities.columns:
        raise InputError("sentence-level co-occurrence needs the 'sentence' column of tidings.tag's table")
    if labels is not None:
        entities = entities[entities["label"].isin(labels)]
    label_of = _dominant_labels(entities)
    counts: dict[tuple[str, str], int] = {}
    for _, group in entities.groupby(unit, sort=False):
        names = sorted(set(group["entity"]))
        for pair in combinations(names, 2):
            counts[pair] = counts.get(pair, 0) + 1
    rows = [(a, b, label_of[a], label_of[b], n) for (a, b), n in counts.items() if n >= min_count]
    table = pd.DataFrame(rows, columns=["entity_a", "entity_b", "label_a", "label_b", "count"])
    table = table.astype({"entity_a": str, "entity_b": str, "label_a": str, "label_b": str, "count": "int64"})
    return table.sort_values(["count", "entity_a", "entity_b"], ascending=[False, True, True], ignore_index=True)


def to_networkx(pairs: pd.DataFrame) -> Any:
    """A ``networkx.Graph`` of a :func:`cooccurrence` table: nodes carry ``label``, edges ``weight``."""
    import networkx as nx

    graph = nx.Graph()
    for row in pairs.itertuples(index=False):
        graph.add_node(row.entity_a, label=row.label_a)
        graph.add_node(row.entity_b, label=row.label_b)
        graph.add_edge(row.entity_a, row.entity_b, weight=int(row.count))
    return graph


def timeline(
    entities: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    freq: str = "W",
    top: int | None = 10,
    labels: list[str] | None = None,
) -> pd.DataFrame:
    """Mentions of each entity per period of publication date.

    Parameters
    ----------
    entities, documents : pandas.DataFrame
        ``documents`` needs ``id`` and ``date`` columns; ``entities["doc"]`` refers to ``id``.
    freq : str, default "W"
        A pandas period alias: ``"D"``, ``"W"``, ``"M"``, ``"Q"``, ``"Y"``.
    top : int, optional
        Keep the ``top`` most mentioned entities (all when ``None``).

    Returns
    -------
    pandas.DataFrame
        Indexed by period start (``datetime64[ns]``), one ``int64`` column per entity.
    """
    _check(entities)
    if "date" not in documents.columns or "id" not in documents.columns:
        raise InputError("the timeline needs documents with 'id' and 'date' columns")
    if labels is not None:
        entities = entities[entities["label"].isin(labels)]
    dates = documents.set_index("id")["date"]
    dated = entities.assign(date=entities["doc"].map(dates)).dropna(subset=["date"])
    if top is not None:
        keep = dated["entity"].value_counts().head(top).index
        dated = dated[dated["entity"].isin(keep)]
    if dated.empty:
        return pd.DataFrame(index=pd.DatetimeIndex([], name="period"))
    periods = pd.to_datetime(dated["date"]).dt.to_period(freq).dt.start_time.astype("datetime64[ns]")
    table = dated.assign(period=periods).pivot_table(
        index="period", columns="entity", values="doc", aggfunc="size", fill_value=0
    )
    table.columns.name = None
    return table.astype("int64")


def mentioned_with(entities: pd.DataFrame, entity: str, *, level: str = "document") -> pd.DataFrame:
    """Who and what is mentioned with ``entity`` (its canonical name), most often first.

    Returns
    -------
    pandas.DataFrame
        Columns ``entity``, ``label`` (str) and ``count`` (int64).
    """
    pairs = cooccurrence(entities, level=level)
    mine = pairs[(pairs["entity_a"] == entity) | (pairs["entity_b"] == entity)]
    other = mine["entity_b"].where(mine["entity_a"] == entity, mine["entity_a"])
    label = mine["label_b"].where(mine["entity_a"] == entity, mine["label_a"])
    table = pd.DataFrame({"entity": other.astype(str), "label": label.astype(str), "count": mine["count"]})
    return table.reset_index(drop=True)


def name_variants(entities: pd.DataFrame, *, min_variants: int = 2) -> pd.DataFrame:
    """The spellings found for each canonical entity (name and label), for entities with
    several, and the evidence that joined each spelling to the entity.

    Returns
    -------
    pandas.DataFrame
        Columns ``entity``, ``label`` (str), ``variant`` (str), ``mentions`` and ``documents``
        (int64), and ``linked_by`` (str) when the table has it: how the variant's mentions got
        the entity's name, comma-separated (``surface``: its own words; ``gazetteer``, ``user``:
        a listed alias; ``document``: a full name in the same document; ``acronym``: defined by
        its expansion in the text; ``short name``: a company's name without its legal form;
        ``spelling``: a spelling variant whose documents share other entities; ``surname``: the
        full name that the document's other entities point to).
    """
    _check(entities, (*_ENTITY_COLUMNS, "text"))
    spellings = entities.groupby(["entity", "label"])["text"].nunique()
    many = spellings[spellings >= min_variants].index
    keys = pd.MultiIndex.from_arrays([entities["entity"], entities["label"]])
    subset = entities[keys.isin(many)]
    grouped = subset.groupby(["entity", "label", "text"], sort=True)
    columns = {"mentions": grouped.size(), "documents": grouped["doc"].nunique()}
    if "linked_by" in subset.columns:
        columns["linked_by"] = grouped["linked_by"].agg(lambda links: ", ".join(sorted(set(links))))
    table = pd.DataFrame(columns).reset_index().rename(columns={"text": "variant"})
    return table.astype({"entity": str, "label": str, "variant": str, "mentions": "int64", "documents": "int64"})
