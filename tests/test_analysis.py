"""Analyst tables and plots over hand-made entity tables (independent of the tagger)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

import tidings
from tidings import analysis, plots

ENTITIES = pd.DataFrame(
    {
        "doc": ["a", "a", "a", "b", "b", "c", "c", "c"],
        "sentence": [0, 0, 1, 0, 0, 0, 1, 1],
        "text": ["Rowhani", "Putin", "Aleppo", "Rouhani", "Putin", "Rouhani", "Assad", "Aleppo"],
        "label": ["PERSON", "PERSON", "LOC", "PERSON", "PERSON", "PERSON", "PERSON", "LOC"],
        "entity": ["Hassan Rouhani", "Vladimir Putin", "Aleppo", "Hassan Rouhani", "Vladimir Putin",
                   "Hassan Rouhani", "Bashar al-Assad", "Aleppo"],
    }
)
DOCUMENTS = pd.DataFrame({"doc": ["a", "b", "c"], "date": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-02-10"])})


def reference_pairs(entities: pd.DataFrame, unit: list[str]) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for _, group in entities.groupby(unit):
        names = sorted(set(group["entity"]))
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def test_entity_counts_one_row_per_entity() -> None:
    from tidings.tag import entity_id

    mixed = pd.DataFrame({"doc": ["a", "a", "b", "b"], "text": ["Iran", "Iranian", "Iran", "Iranians"],
                          "label": ["LOC", "NORP", "LOC", "NORP"], "entity": ["Iran", "Iranian", "Iran", "Iranian"],
                          "country": [None, "Iran", None, "Iran"]})
    mixed["entity_id"] = [entity_id(label, name) for label, name in zip(mixed["label"], mixed["entity"])]
    counts = analysis.entity_counts(mixed)
    assert counts[["entity", "label", "mentions", "variants"]].values.tolist() == [["Iran", "LOC", 2, 1],
                                                                                  ["Iranian", "NORP", 2, 2]]
    assert counts["entity_id"].tolist() == [entity_id("LOC", "Iran"), entity_id("NORP", "Iranian")]
    merged = analysis.entity_counts(mixed, merge_demonyms=True)
    assert merged[["entity", "label", "mentions", "variants"]].values.tolist() == [["Iran", "LOC", 4, 3]]
    assert merged["entity_id"].tolist() == [entity_id("LOC", "Iran")]
    assert analysis.entity_counts(mixed, labels=["NORP"])[["label", "mentions"]].values.tolist() == [["NORP", 2]]
    # One name with two labels is two entities (the surname of a person, a firm named after them).
    named_twice = pd.DataFrame({"doc": ["a", "b"], "text": ["Ford", "Ford"], "label": ["PERSON", "ORG"],
                                "entity": ["Ford", "Ford"]})
    assert analysis.entity_counts(named_twice)["label"].tolist() == ["ORG", "PERSON"]


def test_entity_counts() -> None:
    counts = analysis.entity_counts(ENTITIES)
    top = counts.iloc[0]
    assert (top.entity, top.mentions, top.documents, top.variants) == ("Hassan Rouhani", 3, 3, 2)
    assert counts.dtypes["mentions"] == "int64"
    assert analysis.entity_counts(ENTITIES, labels=["LOC"])["entity"].tolist() == ["Aleppo"]


@pytest.mark.parametrize("level,unit", [("document", ["doc"]), ("sentence", ["doc", "sentence"])])
def test_cooccurrence_matches_reference(level: str, unit: list[str]) -> None:
    table = analysis.cooccurrence(ENTITIES, level=level)
    got = {(r.entity_a, r.entity_b): r.count for r in table.itertuples()}
    assert got == reference_pairs(ENTITIES, unit)
    assert (table["entity_a"] < table["entity_b"]).all()


def test_cooccurrence_graph() -> None:
    graph = analysis.to_networkx(analysis.cooccurrence(ENTITIES))
    assert graph.edges["Hassan Rouhani", "Vladimir Putin"]["weight"] == 2
    assert graph.nodes["Aleppo"]["label"] == "LOC"


def test_cooccurrence_bad_level() -> None:
    with pytest.raises(tidings.InputError, match="level"):
        analysis.cooccurrence(ENTITIES, level="paragraph")
    with pytest.raises(tidings.InputError, match="sentence"):
        analysis.cooccurrence(ENTITIES.drop(columns="sentence"), level="sentence")


def test_timeline() -> None:
    table = analysis.timeline(ENTITIES, DOCUMENTS, freq="M", top=None)
    assert table.loc["2026-01-01", "Hassan Rouhani"] == 2
    assert table.loc["2026-02-01", "Bashar al-Assad"] == 1
    assert table.index.dtype == "datetime64[ns]"


def test_mentioned_with_and_variants() -> None:
    people = analysis.mentioned_with(ENTITIES, "Vladimir Putin")
    assert dict(zip(people["entity"], people["count"])) == {"Hassan Rouhani": 2, "Aleppo": 1}
    variants = analysis.name_variants(ENTITIES)
    assert set(variants["variant"]) == {"Rowhani", "Rouhani"}
    linked = ENTITIES.assign(linked_by=["spelling", "surface", "surface", "surface", "surface", "document", "surface",
                                        "surface"])
    evidence = analysis.name_variants(linked).set_index("variant")["linked_by"].to_dict()
    assert evidence == {"Rowhani": "spelling", "Rouhani": "document, surface"}


def test_missing_columns_are_named() -> None:
    with pytest.raises(tidings.InputError, match="entity"):
        analysis.entity_counts(ENTITIES.drop(columns="entity"))


def test_plots_return_figures_headless() -> None:
    from matplotlib.figure import Figure

    figures = [
        plots.plot_top_entities(ENTITIES),
        plots.plot_cooccurrence(analysis.cooccurrence(ENTITIES)),
        plots.plot_timeline(analysis.timeline(ENTITIES, DOCUMENTS, freq="D")),
        plots.plot_cluster_sizes(pd.DataFrame({"cluster": [0, 0, 2], "cluster_size": [2, 2, 1]})),
        plots.plot_top_entities(ENTITIES.iloc[:0]),
        plots.plot_cooccurrence(analysis.cooccurrence(ENTITIES.iloc[:0])),
    ]
    for figure in figures:
        assert isinstance(figure, Figure)
        png = io.BytesIO()
        figure.savefig(png, format="png")  # renders with Agg: no display needed
        assert png.getvalue().startswith(b"\x89PNG")


def _random_mentions(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 3000
    names = [f"Name {i}" for i in range(60)]
    return pd.DataFrame({
        "doc": [f"d{i}" for i in rng.integers(0, 300, n)],
        "sentence": rng.integers(0, 6, n),
        "entity": [names[i] for i in rng.zipf(1.5, n) % 60],
        "label": rng.choice(["PERSON", "ORG", "LOC", "DATE"], n),
        "text": rng.choice(["a", "b", "c"], n),
    })


@pytest.mark.parametrize("seed", [1, 2])
def test_vectorised_tables_match_plain_python(seed: int) -> None:
    mentions = _random_mentions(seed)
    everything = ["PERSON", "ORG", "LOC", "DATE"]
    for level, unit in (("document", ["doc"]), ("sentence", ["doc", "sentence"])):
        table = analysis.cooccurrence(mentions, level=level, labels=everything)
        assert {(r.entity_a, r.entity_b): r.count for r in table.itertuples()} == reference_pairs(mentions, unit)
        assert table["count"].is_monotonic_decreasing
    counts = analysis.entity_counts(mentions, labels=everything)
    by_entity = counts.set_index(["entity", "label"])  # an entity is a name with its label
    grouped = mentions.groupby(["entity", "label"])
    assert by_entity["mentions"].to_dict() == grouped.size().to_dict()
    assert by_entity["documents"].to_dict() == grouped["doc"].nunique().to_dict()
    assert by_entity["variants"].to_dict() == grouped["text"].nunique().to_dict()
    name = counts["entity"].iloc[0]
    with_name = analysis.mentioned_with(mentions, name, labels=everything)
    docs = set(mentions.loc[mentions["entity"] == name, "doc"])
    together = mentions[mentions["doc"].isin(docs) & (mentions["entity"] != name)]
    assert dict(zip(with_name["entity"], with_name["count"])) == together.groupby("entity")["doc"].nunique().to_dict()
    no_dates = analysis.cooccurrence(mentions)
    assert {(r.entity_a, r.entity_b): r.count for r in no_dates.itertuples()} == \
        reference_pairs(mentions[mentions["label"] != "DATE"], ["doc"])
    top = set(analysis.entity_counts(mentions)["entity"].head(5))
    among = analysis.cooccurrence(mentions, top=5)
    assert set(among["entity_a"]) | set(among["entity_b"]) <= top
    assert {(r.entity_a, r.entity_b): r.count for r in among.itertuples()} == \
        reference_pairs(mentions[(mentions["label"] != "DATE") & mentions["entity"].isin(top)], ["doc"])


@pytest.mark.parametrize("call", [
    lambda: analysis.cooccurrence(ENTITIES, min_count="2"),
    lambda: analysis.cooccurrence(ENTITIES, top=0),
    lambda: analysis.timeline(ENTITIES, DOCUMENTS, top=2.5),
    lambda: analysis.timeline(ENTITIES, DOCUMENTS, freq="ME"),
    lambda: analysis.name_variants(ENTITIES, min_variants=None),
    lambda: analysis.entity_counts(ENTITIES, labels=[1, 2]),
    lambda: analysis.mentioned_with(ENTITIES, "putin"),
])
def test_bad_arguments_are_tidings_errors(call) -> None:
    with pytest.raises(tidings.InputError):
        call()
