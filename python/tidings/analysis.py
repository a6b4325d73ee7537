"""Analyst tables over the ``entities`` and ``documents`` tables of a corpus.

All functions take plain DataFrames (the shapes :func:`tidings.tag` and :class:`tidings.Corpus`
produce), so they work on any slice an analyst has filtered. They count with integer codes and
numpy (no Python loop over documents or pairs), so each runs in well under a second on tens of
thousands of documents.

Dates ("Monday", "last year") are mentions too, but they drown the people, places and
organisations in every top list: ``labels=None`` means every label but ``DATE``. Pass
``labels=["DATE"]`` to see the dates, or ``labels=tidings.LABELS`` for everything.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError, TidingsIOError

__all__ = [
    "entity_counts",
    "demonyms_as_countries",
    "cooccurrence",
    "to_networkx",
    "write_gexf",
    "timeline",
    "mentioned_with",
    "name_variants",
    "close_names",
    "matching_entities",
    "with_labels",
    "EXCLUDED_BY_DEFAULT",
]

_ENTITY_COLUMNS = ("doc", "label", "entity")

#: Labels left out when ``labels=None``.
EXCLUDED_BY_DEFAULT = ("DATE",)


def _check(entities: pd.DataFrame, columns: tuple[str, ...] = _ENTITY_COLUMNS) -> None:
    if not isinstance(entities, pd.DataFrame):
        raise InputError(f"expected the entities table (a DataFrame), got {type(entities).__name__}")
    missing = [c for c in columns if c not in entities.columns]
    if missing:
        raise InputError(f"the entities table lacks the columns {missing}; pass the table tidings.tag returns")


def with_labels(entities: pd.DataFrame, labels: Iterable[str] | str | None) -> pd.DataFrame:
    """The mentions with one of ``labels``; ``None`` keeps every label but those of
    :data:`EXCLUDED_BY_DEFAULT` (dates)."""
    if labels is None:
        return entities[~entities["label"].isin(EXCLUDED_BY_DEFAULT)]
    wanted = [labels] if isinstance(labels, str) else list(labels)
    if not all(isinstance(label, str) for label in wanted):
        raise InputError(f"labels must be label names such as ['PERSON', 'ORG'], got {labels!r}")
    return entities[entities["label"].isin([label.upper() for label in wanted])]


def _dominant_labels(entities: pd.DataFrame) -> pd.Series:
    """The most frequent label of each entity (ties: alphabetical), e.g. LOC for "Iran" even when
    "Iranian" (NORP) also maps to it."""
    entity, names = pd.factorize(entities["entity"])
    return pd.Series(_dominant(entity, len(names), entities["label"]), index=pd.Index(names, name="entity"),
                     name="label")


def _dominant(entity: np.ndarray, n: int, labels: pd.Series) -> np.ndarray:
    """The most frequent of ``labels`` for each entity code ``0 .. n-1`` (ties: alphabetical)."""
    codes, names = pd.factorize(labels, sort=True)
    counts = np.bincount(entity * max(len(names), 1) + codes, minlength=n * max(len(names), 1))
    return np.asarray(names, dtype=object)[counts.reshape(n, -1).argmax(axis=1)] if len(names) else np.array([], dtype=object)


def _distinct(entity: np.ndarray, n: int, values: pd.Series) -> np.ndarray:
    """How many distinct ``values`` each entity code ``0 .. n-1`` has."""
    codes, uniques = pd.factorize(values)
    present = pd.unique(entity.astype(np.int64) * max(len(uniques), 1) + codes)
    return np.bincount(present // max(len(uniques), 1), minlength=n)


def _sorted_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``keys``, sorted, and how often each occurs (``np.unique`` by a plain sort,
    several times faster than its hashing path on integer keys)."""
    ordered = np.sort(keys)
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else np.zeros(0, dtype=np.int64)
    return ordered[starts], np.diff(np.r_[starts, len(ordered)])


def entity_counts(
    entities: pd.DataFrame, *, labels: Iterable[str] | str | None = None, merge_demonyms: bool = False
) -> pd.DataFrame:
    """Mentions and documents per canonical entity, most mentioned first.

    An entity is a canonical name with its label: "France" (LOC) and the nationality "French"
    (NORP) are two rows, unless ``merge_demonyms``.

    Parameters
    ----------
    labels : list of str, optional
        Count only mentions with these labels (for example ``["PERSON", "ORG"]``), before
        merging demonyms; by default every label but ``DATE``.
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
    entities = with_labels(entities, labels)
    if merge_demonyms:
        entities = demonyms_as_countries(entities)
    return _counts(entities)


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


def _counts(entities: pd.DataFrame) -> pd.DataFrame:
    """One row per entity (canonical name and label), most mentioned first."""
    # Names and labels factorized apart, then their code pairs: much faster than tuples.
    name_codes, names = pd.factorize(entities["entity"], use_na_sentinel=False)
    label_codes, labels = pd.factorize(entities["label"], use_na_sentinel=False)
    entity, pairs = pd.factorize(name_codes.astype(np.int64) * max(len(labels), 1) + label_codes)
    n = len(pairs)
    first = np.zeros(n, dtype=np.int64)
    first[entity[::-1]] = np.arange(len(entity))[::-1]  # each entity's first mention
    columns: dict[str, Any] = {
        "entity": pd.array(np.asarray(names, dtype=object)[name_codes[first]], dtype=str),
        "label": pd.array(np.asarray(labels, dtype=object)[label_codes[first]], dtype=str),
        "mentions": np.bincount(entity, minlength=n).astype("int64"),
        "documents": _distinct(entity, n, entities["doc"]).astype("int64"),
        "variants": _distinct(entity, n, entities["text"]).astype("int64"),
    }
    if "entity_id" in entities.columns:
        columns["entity_id"] = entities["entity_id"].to_numpy(dtype="int64")[first]
    table = pd.DataFrame(columns)
    return table.sort_values(["mentions", "documents", "entity", "label"], ascending=[False, False, True, True],
                             ignore_index=True)


def _units(entities: pd.DataFrame, level: str) -> np.ndarray:
    """A code per co-occurrence unit (document, or sentence of a document) of each mention."""
    if level not in {"document", "sentence"}:
        raise InputError(f"level must be 'document' or 'sentence', got {level!r}")
    if level == "document":
        return pd.factorize(entities["doc"])[0].astype(np.int64)
    if "sentence" not in entities.columns:
        raise InputError("sentence-level co-occurrence needs the 'sentence' column of tidings.tag's table")
    documents = pd.factorize(entities["doc"])[0].astype(np.int64)
    sentences = entities["sentence"].to_numpy(dtype=np.int64)
    return pd.factorize(documents * (int(sentences.max(initial=0)) + 1) + sentences)[0].astype(np.int64)


def _pair_counts(units: np.ndarray, codes: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each pair of entity codes ``a < b`` found together in a unit, and in how many units."""
    present = _sorted_counts(units * n + codes)[0]  # one row per (unit, entity), sorted by unit then entity
    unit, code = present // n, present % n
    starts = np.flatnonzero(np.r_[True, unit[1:] != unit[:-1]])
    sizes = np.diff(np.r_[starts, len(unit)])
    # Each entity pairs with the entities after it in its unit: ``later`` of them.
    later = np.repeat(sizes, sizes) - 1 - (np.arange(len(unit)) - np.repeat(starts, sizes))
    first = np.repeat(np.arange(len(unit)), later)
    second = first + np.arange(len(first)) - np.repeat(np.cumsum(later) - later, later) + 1
    pairs, counts = _sorted_counts(code[first] * n + code[second])
    return pairs // n, pairs % n, counts


def _check_count(name: str, value: Any, *, optional: bool = False) -> None:
    """``value`` is a positive whole number (or ``None`` when ``optional``)."""
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise InputError(f"{name} must be a positive whole number{' or None' if optional else ''}, got {value!r}")


def _top_entities(entities: pd.DataFrame, top: int | None) -> pd.DataFrame:
    """The mentions of the ``top`` most mentioned entities (the first rows of :func:`entity_counts`)."""
    _check_count("top", top, optional=True)
    if top is None:
        return entities
    return entities[entities["entity"].isin(_counts(entities)["entity"].head(int(top)))]


def cooccurrence(
    entities: pd.DataFrame,
    *,
    level: str = "document",
    labels: Iterable[str] | str | None = None,
    min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """Pairs of entities mentioned together, in one document or (``level="sentence"``) one sentence.

    Parameters
    ----------
    level : {"document", "sentence"}, default "document"
        The unit two mentions must share. Sentence level needs the ``sentence`` column
        :func:`tidings.tag` adds (the sentence's index in its document).
    labels : list of str, optional
        Pair only entities with these labels; by default every label but ``DATE``.
    min_count : int, default 1
        Keep pairs found together in at least this many units.
    top : int, optional
        Pair only the ``top`` most mentioned entities (see :func:`entity_counts`).

    Returns
    -------
    pandas.DataFrame
        Columns ``entity_a``, ``entity_b`` (str, ``entity_a < entity_b``), ``label_a``,
        ``label_b`` (str) and ``count`` (int64: documents or sentences where both appear),
        strongest pairs first.
    """
    _check(entities)
    _check_count("min_count", min_count)
    units = _units(entities, level)
    columns = ["doc", "label", "entity"] + (["text"] if "text" in entities.columns else [])
    entities = entities[columns].assign(_unit=units)
    entities = _top_entities(with_labels(entities, labels), top)
    codes, names = pd.factorize(entities["entity"], sort=True)
    label_of = _dominant(codes, len(names), entities["label"])
    first, second, counts = _pair_counts(entities["_unit"].to_numpy(), codes.astype(np.int64), max(len(names), 1))
    keep = counts >= min_count
    first, second, counts = first[keep], second[keep], counts[keep]
    order = np.lexsort((second, first, -counts))
    first, second, counts = first[order], second[order], counts[order]
    # Strings are built once per entity and taken by code: no string per pair is created in Python.
    name_array = pd.array(np.asarray(names, dtype=object), dtype=str)
    label_array = pd.array(label_of, dtype=str)
    return pd.DataFrame(
        {
            "entity_a": name_array.take(first),
            "entity_b": name_array.take(second),
            "label_a": label_array.take(first),
            "label_b": label_array.take(second),
            "count": counts.astype(np.int64),
        }
    )


def to_networkx(pairs: pd.DataFrame, counts: pd.DataFrame | None = None) -> Any:
    """A ``networkx.Graph`` of a :func:`cooccurrence` table: nodes carry ``label``, edges ``weight``.

    With ``counts`` (an :func:`entity_counts` table), nodes also carry ``mentions`` and
    ``documents``.
    """
    import networkx as nx

    graph = nx.Graph()
    nodes = pd.concat(
        [pairs[["entity_a", "label_a"]].set_axis(["entity", "label"], axis=1),
         pairs[["entity_b", "label_b"]].set_axis(["entity", "label"], axis=1)]
    ).drop_duplicates("entity")
    attributes: dict[str, dict[str, Any]] = {name: {"label": label} for name, label in zip(nodes["entity"], nodes["label"])}
    if counts is not None:
        for row in counts[counts["entity"].isin(attributes)].itertuples(index=False):
            attributes[row.entity].update(mentions=int(row.mentions), documents=int(row.documents))
    graph.add_nodes_from(attributes.items())
    graph.add_weighted_edges_from(zip(pairs["entity_a"], pairs["entity_b"], pairs["count"].astype(int).tolist()))
    return graph


def write_gexf(graph: Any, path: str | Path) -> Path:
    """Write a co-occurrence graph to a GEXF file for Gephi.

    Each node's GEXF label is the entity's name; its tidings ``label`` (PERSON, ORG...) becomes
    the attribute ``type`` (GEXF reserves ``label`` for the name Gephi displays). Edge weights
    and the other node attributes are kept. The file is written whole or not at all.
    """
    import networkx as nx

    target = Path(path)
    if target.is_dir():
        raise TidingsIOError(f"{target} is a folder; write_gexf writes a file such as {target / 'graph.gexf'}")
    export = nx.Graph()
    for node, data in graph.nodes(data=True):
        attributes = {("type" if key == "label" else key): value for key, value in data.items()}
        export.add_node(node, label=str(node), **attributes)
    export.add_edges_from(graph.edges(data=True))
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        nx.write_gexf(export, temporary)
        temporary.replace(target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise TidingsIOError(f"cannot write {target}: {error}") from error
    return target


_FREQ_HINT = ("use a period alias such as 'D' (day), 'W' (week), 'M' (month), 'Q' (quarter) or 'Y' (year); "
              "period aliases differ from the resample aliases 'ME' and 'YE'")


def timeline(
    entities: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    freq: str = "W",
    top: int | None = 10,
    labels: Iterable[str] | str | None = None,
) -> pd.DataFrame:
    """Mentions of each entity per period of publication date.

    Parameters
    ----------
    entities, documents : pandas.DataFrame
        ``documents`` needs ``doc`` and ``date`` columns; ``entities["doc"]`` refers to ``doc``.
        Timezone-aware dates are counted in UTC.
    freq : str, default "W"
        A pandas period alias: ``"D"``, ``"W"``, ``"M"``, ``"Q"``, ``"Y"``.
    top : int, optional
        Keep the ``top`` most mentioned entities (all when ``None``).
    labels : list of str, optional
        Count only these labels; by default every label but ``DATE``.

    Returns
    -------
    pandas.DataFrame
        Indexed by period start (``datetime64[ns]``), one ``int64`` column per entity.
    """
    _check(entities)
    if "date" not in documents.columns or "doc" not in documents.columns:
        raise InputError("the timeline needs documents with 'doc' and 'date' columns")
    try:
        pd.Period("2000-01-01", freq=freq)
    except (ValueError, TypeError) as error:
        raise InputError(f"freq={freq!r} is not a period: {_FREQ_HINT}") from error
    _check_count("top", top, optional=True)
    entities = with_labels(entities, labels)
    dates = documents["date"]
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_convert(None)
    dated = entities.assign(date=entities["doc"].map(pd.Series(dates.to_numpy(), index=documents["doc"])))
    dated = dated.dropna(subset=["date"])
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


def close_names(name: str, entities: pd.DataFrame, *, limit: int = 5) -> list[str]:
    """Canonical names close to ``name``, most mentioned first: those containing it or its last
    word as a word ("Putin" → "Vladimir Putin", "Ronald Reagan" → "Reagan"), then similar
    spellings ("Reagen" → "Ronald Reagan")."""
    counts = entities["entity"].value_counts()
    names = counts.index.astype(str)
    lowered = names.str.lower()
    query = name.strip().lower()
    words: list[str] = []
    for part in dict.fromkeys([query, query.rsplit(" ", 1)[-1]]) if query else []:  # "ronald reagan" → "Reagan"
        words += names[lowered.str.contains(rf"\b{re.escape(part)}\b", regex=True)].tolist()
    pool = dict(zip(lowered, names))
    similar = [pool[n] for n in difflib.get_close_matches(query, list(pool), n=limit, cutoff=0.75)]
    surnames = _surnames(pool)
    spelled = [surnames[n] for n in difflib.get_close_matches(query, list(surnames), n=limit, cutoff=0.8)]
    close = list(dict.fromkeys([*words, *similar, *spelled]))
    return close[:limit]


def _surnames(names: dict[str, str]) -> dict[str, str]:
    """The last word of each lowered name, for a misspelled surname ("reagen")."""
    return {lowered.rsplit(" ", 1)[-1]: name for lowered, name in names.items()}


def _hint(name: str, entities: pd.DataFrame) -> str:
    close = close_names(name, entities)
    if close:
        return "; close names: " + ", ".join(repr(c) for c in close)
    return "; names are canonical (see corpus.entity_counts() or corpus.name_variants())"


def matching_entities(entities: pd.DataFrame, names: Iterable[str] | str) -> list[str]:
    """The canonical names in ``entities`` equal to ``names`` ignoring case; raises
    :class:`~tidings.InputError` naming close names when one matches none."""
    wanted = [names] if isinstance(names, str) else list(names)
    known = pd.Series(entities["entity"].unique()).astype(str)
    lowered = known.str.lower()
    found: list[str] = []
    for name in wanted:
        if not isinstance(name, str):
            raise InputError(f"entity names must be strings, got {name!r}")
        matches = known[lowered == name.strip().lower()].tolist()
        if not matches:
            raise InputError(f"no entity named {name!r}{_hint(name, entities)}")
        found.extend(matches)
    return found


def mentioned_with(
    entities: pd.DataFrame,
    entity: str,
    *,
    level: str = "document",
    labels: Iterable[str] | str | None = None,
) -> pd.DataFrame:
    """Who and what is mentioned with ``entity`` (its canonical name, any case), most often first.

    Raises :class:`~tidings.InputError` naming close names when no entity has that name.

    Parameters
    ----------
    level : {"document", "sentence"}, default "document"
        Mentioned in the same document, or in the same sentence.
    labels : list of str, optional
        Labels of the entities counted with it; by default every label but ``DATE``.

    Returns
    -------
    pandas.DataFrame
        Columns ``entity``, ``label`` (str) and ``count`` (int64: documents or sentences
        mentioning both).
    """
    _check(entities)
    names = matching_entities(entities, entity)
    units = _units(entities, level)
    near = np.isin(units, pd.unique(units[entities["entity"].isin(names).to_numpy()]))
    together = entities[near].assign(_unit=units[near])
    together = with_labels(together[~together["entity"].isin(names)], labels)
    counts = together.drop_duplicates(["_unit", "entity"]).groupby("entity", sort=False).size()
    table = pd.DataFrame({"label": _dominant_labels(together), "count": counts}).rename_axis("entity").reset_index()
    table = table.astype({"entity": str, "label": str, "count": "int64"})
    return table.sort_values(["count", "entity"], ascending=[False, True], ignore_index=True)


def name_variants(
    entities: pd.DataFrame, *, min_variants: int = 2, labels: Iterable[str] | str | None = None
) -> pd.DataFrame:
    """The spellings found for each canonical entity (name and label), for entities with
    several, and the evidence that joined each spelling to the entity.

    Parameters
    ----------
    min_variants : int, default 2
        Keep entities with at least this many distinct spellings.
    labels : list of str, optional
        Only entities with these labels; by default every label but ``DATE``.

    Returns
    -------
    pandas.DataFrame
        Columns ``entity``, ``label`` (str), ``variant`` (str), ``mentions`` and ``documents``
        (int64), and ``linked_by`` (str) when the table has it: how the variant's mentions got
        the entity's name, comma-separated (``surface``: its own words; ``gazetteer``, ``user``:
        a listed alias; ``document``: a full name in the same document; ``acronym``: defined by
        its expansion in the text; ``short name``: a company's name without its legal form;
        ``spelling``: a spelling variant whose documents share other entities; ``surname``: the
        full name that the document's other entities point to, or the one person the corpus
        uses the surname for; ``nearby dates``, ``same outlet``: the one person of that
        surname the documents published within 30 days, or of the same outlet, name).
    """
    _check(entities, (*_ENTITY_COLUMNS, "text"))
    _check_count("min_variants", min_variants)
    entities = with_labels(entities, labels)
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
