"""Round trips: what ``to_parquet`` and ``tidings run`` write, ``Corpus.read`` reads back whole;
corpora come from polars and Arrow; the co-occurrence network goes to Gephi as GEXF."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import tidings
from tidings import Corpus
from tidings._results import TEXT_LIST_DTYPE
from tidings.cli import main as cli_main


@pytest.fixture(scope="module")
def full() -> Corpus:
    return Corpus.sample().clean(progress=False).dedup(progress=False).tag(progress=False)


def assert_same_corpus(back: Corpus, corpus: Corpus) -> None:
    assert back.steps == corpus.steps
    pd.testing.assert_frame_equal(back.documents, corpus.documents)
    assert list(back.tables) == list(corpus.tables)
    for name, table in corpus.tables.items():
        pd.testing.assert_frame_equal(back.tables[name], table, obj=name)


def test_read_gives_back_what_to_parquet_wrote(full: Corpus, tmp_path: Path) -> None:
    written = full.to_parquet(tmp_path / "corpus")
    assert [p.name for p in written] == ["documents.parquet", "removed.parquet", "pairs.parquet", "entities.parquet"]
    manifest = json.loads((tmp_path / "corpus" / "tidings.json").read_text(encoding="utf-8"))
    assert manifest["steps"] == ["clean", "dedup", "tag"]
    back = Corpus.read(tmp_path / "corpus")
    assert_same_corpus(back, full)
    assert back.cluster_sources().equals(full.cluster_sources())
    raw = Corpus.sample()
    raw.to_parquet(tmp_path / "raw")
    assert_same_corpus(Corpus.read(tmp_path / "raw"), raw)


LISTS = ("credits", "captions")


def test_lists_of_text_round_trip_as_arrow_lists(full: Corpus, tmp_path: Path) -> None:
    documents = full.documents
    assert documents["credits"].map(len).gt(0).any() and documents["captions"].map(len).gt(0).any()
    for name in LISTS:
        assert documents[name].dtype == TEXT_LIST_DTYPE and all(isinstance(v, list) for v in documents[name]), name
    sources = full.cluster_sources()
    assert sources["agencies"].map(len).gt(0).any()
    for name in ("sources", "agencies"):
        assert sources[name].dtype == TEXT_LIST_DTYPE, name
    # An analyst's own column of lists keeps its dtype (objects) beside them.
    tagged = full.documents.assign(tags=[["a", "b"] if i % 2 else [] for i in range(len(full))])
    corpus = Corpus(documents=tagged, steps=full.steps, tables=dict(full.tables))
    corpus.to_parquet(tmp_path / "corpus")
    back = Corpus.read(tmp_path / "corpus")
    assert_same_corpus(back, corpus)
    assert back.documents["tags"].dtype == object and back.documents["tags"].tolist() == tagged["tags"].tolist()
    pd.testing.assert_frame_equal(back.cluster_sources(), sources)
    # pandas reads the table itself, the lists as arrays, as it reads lists of Python objects.
    plain = pd.read_parquet(tmp_path / "corpus" / "documents.parquet")
    for name in (*LISTS, "tags"):
        assert [list(v) for v in plain[name]] == tagged[name].tolist(), name


def test_an_empty_corpus_has_lists_of_text_too() -> None:
    empty = Corpus.from_pandas(pd.DataFrame({"text": pd.Series([], dtype=object)})).clean(progress=False)
    for name in LISTS:
        assert empty.documents[name].dtype == TEXT_LIST_DTYPE, name


def test_to_parquet_replaces_its_own_folder_and_nothing_else(full: Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    full.to_parquet(folder)
    full.head(2).to_parquet(folder)  # no FileExistsError: the old tables are replaced
    assert len(Corpus.read(folder)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]  # nothing left behind
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(tidings.TidingsIOError, match="is a file"):
        full.to_parquet(tmp_path / "notes.txt")
    assert (tmp_path / "notes.txt").read_text() == "mine"
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_text("years of work")
    with pytest.raises(tidings.TidingsIOError, match="did not write"):
        full.to_parquet(tmp_path / "mine")
    assert (tmp_path / "mine" / "thesis.docx").exists()
    full.to_parquet(tmp_path / "empty")  # a new folder, parents created
    (tmp_path / "new" / "deep").mkdir(parents=True)
    full.to_parquet(tmp_path / "new" / "deep")  # an existing empty folder


def test_a_failed_write_leaves_the_old_folder(full: Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    full.to_parquet(folder)
    broken = Corpus(documents=full.documents, steps=full.steps,
                    tables={**full.tables, "bad": pd.DataFrame({"doc": ["s01"], "value": [object()]})})
    with pytest.raises(tidings.TidingsIOError, match="bad"):
        broken.to_parquet(folder)
    assert_same_corpus(Corpus.read(folder), full)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


def test_read_gives_back_what_tidings_run_wrote(tmp_path: Path) -> None:
    source = tmp_path / "sample.jsonl"
    tidings.load_sample().to_json(source, orient="records", lines=True, force_ascii=False, date_format="iso")
    assert cli_main(["run", str(source), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    back = Corpus.read(tmp_path / "out")
    whole = Corpus.read(source).clean(progress=False).dedup(progress=False).tag(progress=False)
    assert back.steps == ("clean", "dedup", "tag")
    assert back.documents["doc"].tolist() == whole.documents["doc"].tolist()
    assert back.documents["cluster"].tolist() == whole.documents["cluster"].tolist()
    assert back.entities[["doc", "start", "end", "entity"]].values.tolist() == \
        whole.entities[["doc", "start", "end", "entity"]].values.tolist()
    assert back.cluster_sources()["documents"].tolist() == whole.cluster_sources()["documents"].tolist()
    for name in LISTS:  # lists of text of one dtype, whichever way the corpus was made
        assert back.documents[name].dtype == whole.documents[name].dtype == TEXT_LIST_DTYPE, name
        assert back.documents[name].tolist() == whole.documents[name].tolist(), name
    back.to_parquet(tmp_path / "out")  # a folder tidings run wrote may be replaced
    assert (tmp_path / "out" / "tidings.json").is_file()


def test_read_rejects_a_broken_manifest(full: Corpus, tmp_path: Path) -> None:
    full.head(1).to_parquet(tmp_path / "c")
    (tmp_path / "c" / "tidings.json").write_text("{not json")
    with pytest.raises(tidings.TidingsIOError, match="manifest"):
        Corpus.read(tmp_path / "c")


FRAME = pd.DataFrame({"key": ["x1", "x2"], "body": ["Vladimir Putin spoke in Moscow.", "Rouhani arrived in Tehran."],
                      "when": ["Nov. 23, 2015", "2016-03-28"], "site": ["A", "B"]})


def test_from_polars() -> None:
    polars = pytest.importorskip("polars")
    frame = polars.from_pandas(FRAME)
    corpus = Corpus.from_polars(frame, text="body", id="key", date="when", source="site")
    expected = Corpus.from_pandas(FRAME, text="body", id="key", date="when", source="site")
    pd.testing.assert_frame_equal(corpus.documents, expected.documents, check_dtype=False)
    assert corpus.documents["date"].dtype == "datetime64[ns]"
    with pytest.raises(tidings.InputTypeError, match="collect"):
        Corpus.from_polars(frame.lazy())
    with pytest.raises(tidings.InputTypeError, match="polars DataFrame"):
        Corpus.from_polars(FRAME)
    with pytest.raises(tidings.InputTypeError, match="from_polars"):
        Corpus.from_pandas(frame)


def test_from_arrow() -> None:
    table = pa.Table.from_pandas(FRAME, preserve_index=False)
    expected = Corpus.from_pandas(FRAME, text="body", id="key", source="site").documents
    sources = {
        "table": table,
        "batch": table.to_batches()[0],
        "reader": pa.RecordBatchReader.from_batches(table.schema, table.to_batches()),
    }
    polars = pytest.importorskip("polars")
    sources["arrow stream"] = polars.from_pandas(FRAME)  # any object with __arrow_c_stream__
    for name, data in sources.items():
        documents = Corpus.from_arrow(data, text="body", id="key", source="site").documents
        pd.testing.assert_frame_equal(documents, expected, check_dtype=False, obj=name)
    with pytest.raises(tidings.InputTypeError, match="from_arrow"):
        Corpus.from_arrow(["not", "arrow"])
    with pytest.raises(tidings.InputTypeError, match="from_arrow"):
        Corpus.from_pandas(table)


def test_cooccurrence_graph_goes_to_gephi(full: Corpus, tmp_path: Path) -> None:
    import networkx as nx

    path = full.to_gexf(tmp_path / "network.gexf", labels=["PERSON", "LOC"])
    graph = nx.read_gexf(path)
    expected = full.cooccurrence_graph(labels=["PERSON", "LOC"])
    assert graph.number_of_nodes() == expected.number_of_nodes() > 10
    assert graph.number_of_edges() == expected.number_of_edges()
    node = graph.nodes["Sergei Lavrov"]
    assert node["label"] == "Sergei Lavrov" and node["type"] == "PERSON"
    assert node["mentions"] == int(full.entity_counts().set_index("entity").at["Sergei Lavrov", "mentions"])
    a, b = next(iter(expected.edges))
    assert graph.edges[a, b]["weight"] == expected.edges[a, b]["weight"]
    with pytest.raises(tidings.TidingsIOError, match="folder"):
        full.to_gexf(tmp_path)
