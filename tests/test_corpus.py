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
    assert list(docs[["doc", "text", "source"]].itertuples(index=False, name=None)) == [("10", "a b", "X"), ("11", "c", "Y")]
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
    assert {"s02", "s10", "s17", "s22"} <= set(exact["doc"])
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
    assert back["doc"].tolist() == sample.documents["doc"].tolist()


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
    assert set(full.entities["doc"]) <= set(docs["doc"])
    assert set(full.removed["doc"]) <= set(docs["doc"])
    raw = docs.set_index("doc")["text"]
    for row in full.removed.head(200).itertuples():
        assert raw[row.doc][row.start : row.end] == row.text
    by_doc = docs.set_index("doc")
    fields = {"body": by_doc["clean_text"], "title": by_doc["title"], "dateline": by_doc["dateline"],
              "byline": by_doc["byline"], "captions": by_doc["captions"].map("\n\n".join)}
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


# --- conventions ----------------------------------------------------------------------------------


def test_every_corpus_method_shows_its_keywords() -> None:
    """No ``**options``: Shift-Tab in a notebook shows every argument, each documented."""
    import inspect

    for name, member in inspect.getmembers(Corpus):
        if name.startswith("_") or not callable(member):
            continue
        signature = inspect.signature(member)
        kinds = {p.kind for p in signature.parameters.values()}
        assert inspect.Parameter.VAR_KEYWORD not in kinds and inspect.Parameter.VAR_POSITIONAL not in kinds, name
        assert member.__doc__, name
        for parameter in list(signature.parameters)[1:]:
            if parameter not in ("self", "cls"):
                assert parameter in member.__doc__, (name, parameter)


def test_clean_names_every_cleaning_option() -> None:
    import inspect

    from tidings.cleaning import DEFAULTS

    parameters = inspect.signature(Corpus.clean).parameters
    assert {name: parameters[name].default for name in DEFAULTS} == DEFAULTS


def test_one_name_for_the_document_id(full: Corpus) -> None:
    tables = {"documents": full.documents, "clusters": full.clusters, **full.tables}
    for name, table in tables.items():
        assert "id" not in table.columns, name
        assert "doc" in table.columns or {"doc_a", "doc_b"} <= set(table.columns), name
    # A headline is a title; the title printed before a person's name is the mention's role.
    assert "title" in full.documents.columns
    assert "role" in full.entities.columns and "title" not in full.entities.columns


def test_from_pandas_keeps_the_index_as_id() -> None:
    frame = pd.DataFrame({"text": ["a", "b"]}, index=pd.Index(["https://x.example/1", "https://x.example/2"], name="url"))
    assert Corpus.from_pandas(frame).documents["doc"].tolist() == ["https://x.example/1", "https://x.example/2"]
    numbered = pd.DataFrame({"text": ["a", "b"]}, index=[1001, 1002])
    corpus = Corpus.from_pandas(numbered)
    assert corpus.documents["doc"].tolist() == ["1001", "1002"]
    assert corpus.show(1001).meta["doc"] == "1001"
    with pytest.raises(tidings.InputError, match="unique"):
        Corpus.from_pandas(pd.DataFrame({"text": ["a", "b"]}, index=[7, 7]))


def test_datelines_lose_their_closing_dash(full: Corpus) -> None:
    datelines = full.documents.set_index("doc")["dateline"]
    assert datelines["s14"] == "MOSCOW (Reuters)" and datelines["s06"] == "TEHRAN (Tasnim)"
    assert not datelines.dropna().str.contains(r"[-–—]\s*$").any()


def test_show_prints_no_missing_values_or_midnight_times(full: Corpus) -> None:
    for doc in full.documents["doc"]:
        page = full.show(doc)._repr_html_()
        meta = page[page.index('<div class="tdg-meta">'):].split("</div>", 1)[0]
        for junk in ("nan", "NaT", "None", "00:00:00", "[]"):
            assert junk not in meta, (doc, junk, meta)
    page = full.show("s04")._repr_html_()
    assert "date: 2026-03-10" in page and "published: 2026-03-10 18:47 UTC" in page
    assert "Entities (" in page  # the document's entities, as a table


def test_errors_are_tidings_errors_with_hints(full: Corpus) -> None:
    with pytest.raises(tidings.InputError, match="'M'"):
        full.timeline(freq="ME")
    with pytest.raises(tidings.InputError, match="close names: 'Sergei Lavrov'"):
        full.mentioned_with("lavrof")
    with pytest.raises(tidings.InputError, match="'Vladimir Putin'"):
        full.mentioned_with("putin")
    assert full.mentioned_with("sergei lavrov")["count"].iloc[0] >= 3  # any case
    with pytest.raises(tidings.InputTypeError, match="from_polars"):
        Corpus.from_pandas(pytest.importorskip("polars").DataFrame({"text": ["a"]}))
    with pytest.raises(tidings.InputError, match="close ids: .*'s14'"):
        full.show("s14 ")


# --- defaults for analysts ------------------------------------------------------------------------


def test_dates_stay_out_of_top_lists_unless_asked(full: Corpus) -> None:
    assert "DATE" in set(full.entities["label"])
    assert "DATE" not in set(full.entity_counts()["label"])
    assert set(full.entity_counts(labels=["DATE"])["label"]) == {"DATE"}
    assert set(full.entity_counts(labels=tidings.LABELS)["label"]) == set(full.entities["label"])
    pairs = full.cooccurrence()
    assert "DATE" not in set(pairs["label_a"]) | set(pairs["label_b"])
    assert "DATE" not in set(full.mentioned_with("Sergei Lavrov")["label"])
    assert "DATE" not in set(full.name_variants()["label"])
    dates = set(full.entities.loc[full.entities["label"] == "DATE", "entity"])
    assert not dates & set(full.timeline(top=None).columns)
    bars = full.plot_top_entities(top=40).axes[0].get_yticklabels()
    assert not dates & {t.get_text() for t in bars}


def test_the_card_shows_headlines_and_outlets_as_text(full: Corpus) -> None:
    card = full._repr_html_()
    stories = card[card.index("Stories printed more than once"):]
    assert "Baltic Wire Daily, Caspian Observer, Gulf Courier" in stories
    assert "[" not in stories and "nan" not in stories and "None" not in stories
    assert "Russia, Iran, Turkey agree joint ceasefire monitoring centre for northern Syria" in stories
    # Without headlines, a story shows its opening words.
    wire = "Shares of Acme Corp rose 5 pct after the company said first-quarter profit would beat forecasts. " * 3
    untitled = Corpus.from_pandas(pd.DataFrame({"text": [wire, wire, "Something else entirely."],
                                                "source": ["A", "B", "C"]})).dedup(progress=False)
    stories = untitled._repr_html_()
    stories = stories[stories.index("Stories printed"):]
    assert "Shares of Acme Corp rose 5 pct" in stories and "nan" not in stories and "None" not in stories
