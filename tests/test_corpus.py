"""The Corpus object: construction, steps returning new corpora, tables and Parquet output."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import tidings
from tidings import Corpus


@pytest.fixture(scope="module")
def sample() -> Corpus:
    return Corpus.sample()


def test_from_pandas_roles() -> None:
    frame = pd.DataFrame({"body": ["a b", "c"], "key": [10, 11], "when": ["2026-01-02", "garbage"], "site": ["X", "Y"]})
    corpus = Corpus.from_pandas(frame, text="body", id="key", date="when", source="site")
    docs = corpus.documents
    assert list(docs[["id", "text", "source"]].itertuples(index=False, name=None)) == [("10", "a b", "X"), ("11", "c", "Y")]
    assert docs["date"].dtype == "datetime64[ns]" and pd.isna(docs["date"].iloc[1])
    assert corpus.steps == () and len(corpus) == 2


def test_from_pandas_errors() -> None:
    with pytest.raises(tidings.InputError, match="no text column 'body'"):
        Corpus.from_pandas(pd.DataFrame({"text": ["a"]}), text="body")
    with pytest.raises(tidings.InputError, match="unique"):
        Corpus.from_pandas(pd.DataFrame({"text": ["a", "b"], "id": [1, 1]}))
    with pytest.raises(tidings.InputTypeError):
        Corpus.from_pandas(["a"])  # type: ignore[arg-type]


def test_read_picks_up_date_and_source(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    tidings.load_sample().head(3).to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    corpus = Corpus.read(path)
    assert {"source", "date"} <= set(corpus.documents.columns)
    assert corpus.documents["date"].notna().all()


def test_dedup_step_returns_a_new_corpus(sample: Corpus) -> None:
    deduped = sample.dedup()
    assert sample.steps == () and "cluster" not in sample.documents.columns
    assert deduped.steps == ("dedup",)
    assert len(deduped.documents) == len(sample.documents)
    clusters = deduped.clusters
    # s02 and s10 are the same page twice; s17/s22 differ only in whitespace.
    exact = clusters[clusters["kind"] == "exact"]
    assert {"s02", "s10", "s17", "s22"} <= set(exact["id"])
    assert not deduped.pairs.empty


def test_tables_need_their_step(sample: Corpus) -> None:
    with pytest.raises(tidings.InputError, match="dedup"):
        _ = sample.clusters
    with pytest.raises(tidings.InputError, match="dedup"):
        _ = sample.pairs


def test_to_parquet_round_trip(sample: Corpus, tmp_path: Path) -> None:
    written = sample.dedup().to_parquet(tmp_path / "out")
    assert sorted(p.name for p in written) == ["documents.parquet", "pairs.parquet"]
    back = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert back["id"].tolist() == sample.documents["id"].tolist()


def test_repr_and_summary(sample: Corpus) -> None:
    assert "30 documents" in repr(sample)
    figures = sample.summary()
    assert figures["documents"] == 30 and figures["sources"] == 8


@pytest.fixture(scope="module")
def full(sample: Corpus) -> Corpus:
    return sample.clean().dedup().tag()


def test_full_pipeline_tables(full: Corpus) -> None:
    assert full.steps == ("clean", "dedup", "tag")
    docs = full.documents
    assert {"clean_text", "title", "published", "cluster", "kind"} <= set(docs.columns)
    assert docs["date"].dtype == "datetime64[ns]"  # the publication date column is not overwritten
    assert set(full.entities["doc"]) <= set(docs["id"])
    assert set(full.removed["doc"]) <= set(docs["id"])
    raw = docs.set_index("id")["text"]
    for row in full.removed.head(200).itertuples():
        assert raw[row.doc][row.start : row.end] == row.text
    by_id = docs.set_index("id")
    fields = {"body": by_id["clean_text"], "title": by_id["title"], "dateline": by_id["dateline"],
              "byline": by_id["byline"], "captions": by_id["captions"].map("\n\n".join)}
    for row in full.entities.itertuples():
        assert fields[row.field][row.doc][row.start : row.end] == row.text
    assert {"body", "title"} <= set(full.entities["field"])


def test_cluster_sources_name_the_wire_story(full: Corpus) -> None:
    stories = full.cluster_sources()
    wire = stories.iloc[0]
    assert wire["documents"] == 5
    assert len(wire["sources"]) == 5 and "Reuters" in wire["agencies"]
    assert stories["first_date"].dtype == "datetime64[ns]"


def test_views_render(full: Corpus) -> None:
    page = full.show("s14")._repr_html_()
    assert "<mark" in page and "<del" in page and "tidings-view" in page
    cluster = full.clusters["cluster"].iloc[0]
    assert "Cluster of" in full.show_cluster(cluster)._repr_html_()
    card = full._repr_html_()
    assert "Top entities" in card and "documents" in card
    with pytest.raises(tidings.InputError, match="no document"):
        full.show("nope")
    with pytest.raises(tidings.InputError, match="no cluster"):
        full.show_cluster("nope")


def test_analysis_shortcuts_and_plots(full: Corpus) -> None:
    from matplotlib.figure import Figure

    counts = full.entity_counts()
    assert not counts.duplicated(["entity", "label"]).any() and counts["entity_id"].is_unique
    assert not full.cooccurrence().empty
    assert full.cooccurrence_graph().number_of_nodes() > 5
    assert not full.name_variants().empty
    assert not full.timeline(freq="M").empty
    for figure in (full.plot_top_entities(), full.plot_cooccurrence(), full.plot_timeline(freq="M"),
                   full.plot_cluster_sizes()):
        assert isinstance(figure, Figure)
