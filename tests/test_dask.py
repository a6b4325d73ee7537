"""tidings.dask on a real LocalCluster (two worker processes, one thread each): the same tables as
the pandas functions on the same data, on the sample corpus and on real articles."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import tidings  # noqa: E402
import tidings.dask as td  # noqa: E402
from tidings.cli import main  # noqa: E402
from tidings.errors import InputError, InputTypeError  # noqa: E402


def _local_cluster(scratch: Path) -> distributed.LocalCluster:
    """Two worker processes, one thread each, writing their scratch data in a directory of their
    own (a shared one is first purged of other processes' leftovers, which can take long enough
    for distributed to warn)."""
    return distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                    local_directory=str(scratch))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[distributed.Client]:
    with _local_cluster(tmp_path_factory.mktemp("dask-scratch")) as cluster:
        with distributed.Client(cluster) as client:
            yield client


@pytest.fixture(scope="module")
def sample() -> tuple[dd.DataFrame, pd.DataFrame]:
    """The sample corpus in three partitions, and the same data as pandas holds it."""
    ddf = dd.from_pandas(tidings.load_sample(), npartitions=3)
    return ddf, ddf.compute()


def _by_id(texts: pd.DataFrame) -> pd.Series:
    return pd.Series(texts["text"].to_numpy(), index=pd.Index(texts["id"], name="id"))


def test_clean_equals_clean_frame(client: distributed.Client, sample: tuple[dd.DataFrame, pd.DataFrame]) -> None:
    ddf, df = sample
    cleaned = td.clean(ddf, text="text", source="source")
    expected = tidings.clean_frame(df["text"], sources=df["source"])
    assert cleaned.dtypes.to_dict() == expected.dtypes.to_dict()
    pd.testing.assert_frame_equal(cleaned.compute(), expected, check_index_type=False)


def _templated_corpus() -> pd.DataFrame:
    """Generated articles, of sources "a" and "b" in turn, with a line recurring in three articles
    of "a" ten rows apart (a template of "a", learned only from rows of several partitions), and
    a line in two articles of "b" and one of "a" (a template only when sources are not told
    apart); the index labels are not positions."""
    import random

    rng = random.Random(11)
    words = ("the council said on monday that it would spend more money on roads and schools in the town "
             "after a long debate with residents about the budget for next year").split()
    inserted = {row: "Harbour Gazette Regional Edition" for row in (0, 10, 20)}
    inserted |= {row: "Photographs by Anna Smith and John Lee" for row in (1, 11, 12)}
    rows = []
    for row in range(30):
        paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(18, 30))).capitalize() + "."
                      for _ in range(3)]
        if row in inserted:
            paragraphs.insert(1, inserted[row])
        rows.append({"id": f"d{row}", "source": "ab"[row % 2], "text": "\n\n".join(paragraphs)})
    return pd.DataFrame(rows, index=pd.Index(range(100, 130)))


@pytest.mark.parametrize("npartitions", [1, 3, 7])
@pytest.mark.parametrize("source", ["source", None])
def test_clean_learns_templates_over_all_partitions_and_keeps_them(client: distributed.Client, npartitions: int,
                                                                   source: str | None) -> None:
    frame = _templated_corpus()
    expected = tidings.clean_frame(frame["text"], sources=frame[source] if source else None, progress=False)
    ddf = dd.from_pandas(frame, npartitions=npartitions)
    cleaned = td.clean(ddf, text="text", source=source)
    # The input's partitions, each with its rows in order: nothing shuffled or gathered.
    assert cleaned.npartitions == ddf.npartitions
    inputs, outputs = dask.compute(ddf.to_delayed(), cleaned.to_delayed())
    assert [part.index.tolist() for part in outputs] == [part.index.tolist() for part in inputs]
    pd.testing.assert_frame_equal(pd.concat(outputs), expected)
    if npartitions > 1:  # the templates are those of the whole frame, not of each partition
        alone = pd.concat([tidings.clean_frame(part["text"], sources=part[source] if source else None, progress=False)
                           for part in inputs])
        assert (alone["text"] != expected["text"]).sum() >= 3


def test_templated_corpus_tells_sources_apart() -> None:
    # The corpus above has templates that depend on the sources (else the tests could not fail).
    frame = _templated_corpus()
    by_source = tidings.clean_frame(frame["text"], sources=frame["source"], progress=False)
    together = tidings.clean_frame(frame["text"], progress=False)
    unlearned = tidings.clean_frame(frame["text"], use_templates=False, progress=False)
    assert (by_source["text"] != unlearned["text"]).sum() == 3
    assert (together["text"] != unlearned["text"]).sum() == 6


def test_clean_without_sources_or_templates(client: distributed.Client,
                                            sample: tuple[dd.DataFrame, pd.DataFrame]) -> None:
    ddf, df = sample
    whole = td.clean(ddf, text="text")
    assert whole.npartitions == ddf.npartitions
    pd.testing.assert_frame_equal(whole.compute(), tidings.clean_frame(df["text"]), check_index_type=False)
    parts = td.clean(ddf, text="text", use_templates=False)
    assert parts.npartitions == ddf.npartitions
    expected = tidings.clean_frame(df["text"], use_templates=False)
    pd.testing.assert_frame_equal(parts.compute(), expected, check_index_type=False)


def test_tag_joins_names_across_partitions(client: distributed.Client,
                                           sample: tuple[dd.DataFrame, pd.DataFrame]) -> None:
    ddf, df = sample
    mentions = td.tag(ddf, text="text", id="id", date="date", source="source")
    expected = tidings.tag(_by_id(df), dates=df["date"], sources=df["source"])
    assert mentions.dtypes.to_dict() == expected.dtypes.to_dict()
    pd.testing.assert_frame_equal(mentions.compute().reset_index(drop=True), expected)
    unjoined = td.tag(ddf, text="text", id="id", canonical=False).compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(unjoined, tidings.tag(_by_id(df), canonical=False))


@pytest.mark.parametrize("keep", ["first", "longest", "earliest"])
def test_dedup_equals_pandas(client: distributed.Client, sample: tuple[dd.DataFrame, pd.DataFrame], keep: str) -> None:
    ddf, df = sample
    date = "date" if keep == "earliest" else None
    clusters, pairs = td.dedup(ddf, text="text", id="id", date=date, keep=keep, return_pairs=True)
    expected, expected_pairs = df.tidings.dedup(text="text", id="id", date=date, keep=keep, return_pairs=True)
    assert (expected["kind"] != "unique").any()
    pd.testing.assert_frame_equal(clusters.compute(), expected)
    pd.testing.assert_frame_equal(pairs.compute(), expected_pairs)


@pytest.mark.parametrize("npartitions", [1, 2, 5])
def test_dedup_is_the_same_for_any_partitioning(client: distributed.Client, npartitions: int) -> None:
    frame = _copies_corpus()
    ddf = dd.from_pandas(frame, npartitions=npartitions)
    clusters, pairs = td.dedup(ddf, text="text", id="id", return_pairs=True)
    expected, expected_pairs = tidings.dedup(frame["text"], ids=frame["id"], return_pairs=True, progress=False)
    assert {"exact", "near", "contained", "empty"} <= set(expected["kind"])
    assert clusters.npartitions == ddf.npartitions
    pd.testing.assert_frame_equal(clusters.compute(), expected)
    pd.testing.assert_frame_equal(pairs.compute(), expected_pairs)


@pytest.mark.parametrize("options", [{"sample": 1, "containment": None}, {"sample": 16, "threshold": 0.6},
                                     {"ngram": 3, "containment": 0.6}])
def test_dedup_options_find_the_same_candidates(client: distributed.Client, options: dict[str, object]) -> None:
    # The cluster finds candidates by the sampled shingles and the count the options ask for.
    frame = _copies_corpus(originals=60, seed=7)
    clusters, pairs = td.dedup(dd.from_pandas(frame, npartitions=3), text="text", id="id", return_pairs=True,
                               **options)
    expected, expected_pairs = tidings.dedup(frame["text"], ids=frame["id"], return_pairs=True, progress=False,
                                             **options)
    assert (expected["kind"] == "near").any()
    pd.testing.assert_frame_equal(clusters.compute(), expected)
    pd.testing.assert_frame_equal(pairs.compute(), expected_pairs)


@pytest.mark.parametrize("npartitions", [1, 4])
def test_dedup_labels_components_on_the_cluster_beyond_the_local_edges(
        client: distributed.Client, npartitions: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Past LOCAL_EDGES the components are labelled on the cluster, with the same results.
    import tidings.dask_dedup as dask_dedup

    monkeypatch.setattr(dask_dedup, "LOCAL_EDGES", 0)
    frame = _copies_corpus(seed=4)
    clusters, pairs = td.dedup(dd.from_pandas(frame, npartitions=npartitions), text="text", id="id",
                               return_pairs=True)
    expected, expected_pairs = tidings.dedup(frame["text"], ids=frame["id"], return_pairs=True, progress=False)
    assert (expected["cluster_size"] > 2).any()
    pd.testing.assert_frame_equal(clusters.compute(), expected)
    pd.testing.assert_frame_equal(pairs.compute(), expected_pairs)


def _copies_corpus(originals: int = 120, seed: int = 15) -> pd.DataFrame:
    """Generated articles with exact copies, near copies (a word changed), cut copies (contained),
    copies of copies (which must not chain) and empty texts, shuffled, with string ids."""
    import random

    rng = random.Random(seed)
    words = [f"w{i}" for i in range(3000)]
    texts: list[str | None] = []
    for _ in range(originals):
        base = [rng.choice(words) for _ in range(rng.randint(40, 200))]
        texts.append(" ".join(base))
        drift = list(base)
        for step in range(rng.randint(0, 4)):  # each a near copy of the one before, drifting away
            drift[rng.randrange(len(drift))] = f"changed{step}"
            drift[rng.randrange(len(drift))] = f"edit{step}"
            texts.append(" ".join(drift))
        if rng.random() < 0.3:
            texts.append("\n".join(base))  # the same text re-wrapped: an exact copy
        if rng.random() < 0.3:
            texts.append(" ".join(base[: len(base) * 2 // 3]))
    texts += [None, "", " ... "]
    rng.shuffle(texts)
    return pd.DataFrame({"id": [f"doc-{rng.getrandbits(40):011x}" for _ in texts], "text": texts})


def test_dedup_without_ids_counts_positions(client: distributed.Client,
                                            sample: tuple[dd.DataFrame, pd.DataFrame]) -> None:
    ddf, df = sample
    # Without an id column the ids are the rows' positions in the whole frame, assigned up front.
    positions = list(range(len(df)))
    pd.testing.assert_frame_equal(td.dedup(ddf, text="text").compute(), tidings.dedup(df["text"], ids=positions))


def test_a_worker_killed_mid_run_changes_nothing(tmp_path: Path) -> None:
    frame = _copies_corpus()
    expected, expected_pairs = tidings.dedup(frame["text"], ids=frame["id"], return_pairs=True, progress=False)

    def slowly(part: pd.DataFrame) -> pd.DataFrame:  # keeps both workers busy while one is killed
        import time

        time.sleep(0.3)
        return part

    ddf = dd.from_pandas(frame, npartitions=8).map_partitions(slowly)
    with _local_cluster(tmp_path) as cluster, distributed.Client(cluster) as client:
        victim = sorted(client.run(os.getpid).values())[0]
        finished = threading.Event()
        killed_while_running: list[bool] = []

        def kill() -> None:
            time.sleep(1.0)
            os.kill(victim, signal.SIGKILL)
            killed_while_running.append(not finished.is_set())

        killer = threading.Thread(target=kill)
        killer.start()
        clusters, pairs = td.dedup(ddf, text="text", id="id", return_pairs=True)
        found, found_pairs = clusters.compute(), pairs.compute()
        finished.set()
        killer.join()
        assert killed_while_running == [True]
        assert victim not in client.run(os.getpid).values()  # the nanny started a new worker
    pd.testing.assert_frame_equal(found, expected)
    pd.testing.assert_frame_equal(found_pairs, expected_pairs)


@pytest.mark.parametrize("npartitions", [1, 3])
def test_stories_equal_pandas(client: distributed.Client, sample: tuple[dd.DataFrame, pd.DataFrame],
                              npartitions: int) -> None:
    _, df = sample
    ddf = dd.from_pandas(df, npartitions=npartitions)
    found = td.stories(ddf, text="text", date="date").compute()
    expected = tidings.stories(df["text"], dates=df["date"], progress=False)
    assert (expected["story_size"] > 1).any()
    pd.testing.assert_frame_equal(found, expected)
    by_id = ddf.tidings.stories(text="text", id="id", date="date", entities=False).compute()
    pd.testing.assert_frame_equal(by_id, tidings.stories(df["text"], dates=df["date"], ids=df["id"],
                                                         entities=False, progress=False))


def _read_back(result: dd.DataFrame, path: Path) -> pd.DataFrame:
    """``result`` written with a plain ``to_parquet`` (the schema Dask infers from its meta) and
    read back with the dtypes it was written with. pandas cannot yet read its own Arrow list
    dtype back from the Parquet metadata (pandas-dev/pandas#57411): a types mapper names it."""
    result.to_parquet(str(path))
    lists = pd.ArrowDtype(pa.list_(pa.string()))
    assert len(list(path.glob("*.parquet"))) < 10  # read back in partition order
    return pq.read_table(path).to_pandas(types_mapper=lambda kind: lists if kind == lists.pyarrow_dtype else None)


def test_results_write_to_parquet_and_read_back_equal(client: distributed.Client, tmp_path: Path,
                                                      sample: tuple[dd.DataFrame, pd.DataFrame]) -> None:
    ddf, df = sample
    numbered = df.assign(number=range(10, 10 + len(df)))
    clusters, pairs = td.dedup(ddf, text="text", id="id", return_pairs=True)
    expected_clusters, expected_pairs = df.tidings.dedup(text="text", id="id", return_pairs=True)
    results = {
        "clean": (td.clean(ddf, text="text"), tidings.clean_frame(df["text"], progress=False)),
        "clusters": (clusters, expected_clusters),
        "pairs": (pairs, expected_pairs),
        "tag": (td.tag(ddf, text="text", id="id"), tidings.tag(_by_id(df), progress=False)),
        "stories": (td.stories(ddf, text="text"), tidings.stories(df["text"], progress=False)),
        "numbered stories": (td.stories(dd.from_pandas(numbered, npartitions=3), text="text", id="number",
                                        entities=False),
                             tidings.stories(df["text"], ids=numbered["number"], entities=False, progress=False)),
    }
    assert (expected_clusters["kind"] != "unique").any() and len(expected_pairs)
    assert tidings.clean_frame(df["text"], progress=False)["credits"].map(len).gt(0).any()
    for name, (result, expected) in results.items():
        assert result.dtypes.to_dict() == expected.dtypes.to_dict(), name
        found = _read_back(result, tmp_path / name.replace(" ", "-"))
        pd.testing.assert_frame_equal(found.reset_index(drop=True), expected.reset_index(drop=True), obj=name)


def _assert_same_dtypes(result: dd.DataFrame, expected: pd.DataFrame, name: str) -> None:
    """The columns of ``result`` (its meta and every computed partition) are those of
    ``expected``, in order, each of the same dtype."""
    partitions = dask.compute(*result.to_delayed())
    for frame, what in ((result._meta, "meta"), *((part, f"partition {i}") for i, part in enumerate(partitions))):
        assert list(frame.columns) == list(expected.columns), (name, what)
        for column in expected.columns:
            assert frame[column].dtype == expected[column].dtype, (name, what, column, frame[column].dtype)


def test_results_have_the_columns_and_dtypes_of_pandas(client: distributed.Client,
                                                        sample: tuple[dd.DataFrame, pd.DataFrame]) -> None:
    ddf, df = sample
    clusters, pairs = td.dedup(ddf, text="text", id="id", return_pairs=True)
    expected_clusters, expected_pairs = df.tidings.dedup(text="text", id="id", return_pairs=True)
    expected_clean = tidings.clean_frame(df["text"], sources=df["source"], progress=False)
    results = {
        "clean": (td.clean(ddf, text="text", source="source"), expected_clean),
        "clusters": (clusters, expected_clusters),
        "pairs": (pairs, expected_pairs),
        "tag": (td.tag(ddf, text="text", id="id"), tidings.tag(_by_id(df), progress=False)),
        "stories": (td.stories(ddf, text="text"), tidings.stories(df["text"], progress=False)),
    }
    lists = pd.ArrowDtype(pa.list_(pa.string()))
    assert all(expected_clean[name].dtype == lists for name in ("credits", "captions"))
    assert expected_clean["credits"].map(len).gt(0).any() and expected_clean["captions"].map(len).gt(0).any()
    for name, (result, expected) in results.items():
        _assert_same_dtypes(result, expected, name)


def test_accessor_on_dask_frames(client: distributed.Client, sample: tuple[dd.DataFrame, pd.DataFrame]) -> None:
    ddf, df = sample
    pd.testing.assert_frame_equal(ddf.tidings.dedup(text="text", id="id").compute(),
                                  df.tidings.dedup(text="text", id="id"))
    assert len(ddf.tidings.tag(text="text").compute()) == len(df.tidings.tag(text="text"))
    pd.testing.assert_frame_equal(ddf.tidings.clean(text="text", source="source").compute(),
                                  tidings.clean_frame(df["text"], sources=df["source"]), check_index_type=False)


def test_describe_and_drop_near_duplicates_equal_pandas(client: distributed.Client) -> None:
    texts = tidings.load_sample()
    copies = texts.iloc[:4].assign(id=texts["id"].iloc[:4] + "-copy")
    ddf = dd.from_pandas(pd.concat([texts, copies], ignore_index=True), npartitions=3)
    df = ddf.compute()
    pd.testing.assert_frame_equal(ddf.tidings.describe(text="text").compute(), df.tidings.describe(text="text"))
    kept = ddf.tidings.drop_near_duplicates(text="text", id="id").compute()
    pd.testing.assert_frame_equal(kept, df.tidings.drop_near_duplicates(text="text", id="id"))
    assert len(kept) < len(df) and not kept["id"].str.endswith("-copy").any()


def test_accessor_on_dask_series(client: distributed.Client, sample: tuple[dd.DataFrame, pd.DataFrame]) -> None:
    ddf, df = sample
    series, texts = ddf["text"], df["text"]
    pd.testing.assert_frame_equal(series.tidings.describe().compute(), texts.tidings.describe())
    positions = list(range(len(df)))  # a Dask frame without ids counts positions
    pd.testing.assert_frame_equal(series.tidings.dedup().compute(), tidings.dedup(texts, ids=positions, progress=False))
    pd.testing.assert_series_equal(series.tidings.clean().compute(), texts.tidings.clean(progress=False),
                                   check_index_type=False)
    mentions = series.tidings.tag().compute()
    pd.testing.assert_frame_equal(mentions.reset_index(drop=True), texts.tidings.tag(progress=False))


def test_bad_input_is_a_tidings_error(sample: tuple[dd.DataFrame, pd.DataFrame]) -> None:
    ddf, df = sample
    with pytest.raises(InputTypeError):
        td.clean(df, text="text")
    with pytest.raises(InputError, match="no column 'body'"):
        td.tag(ddf, text="body")
    with pytest.raises(InputError, match="earliest"):
        td.dedup(ddf, text="text", keep="earliest")
    with pytest.raises(tidings.TidingsError):
        td.dedup(ddf, text="text", threshold=3.0)
    repeated = dd.from_pandas(pd.DataFrame({"text": ["one two three"] * 2, "id": ["a", "a"]}), npartitions=2)
    with pytest.raises(InputError, match="unique"):
        td.dedup(repeated, text="text", id="id")
    with pytest.raises(InputError, match="entities"):
        td.stories(ddf, text="text", entities=df)


@pytest.mark.data
def test_real_articles_equal_single_machine(client: distributed.Client, news_frame: pd.DataFrame) -> None:
    news = news_frame
    # A few thousand articles of both sources, interleaved so that every partition holds both.
    frame = pd.concat([news[news.source == "bbc"].head(1000), news[news.source == "reuters"].head(1500)])
    ddf = dd.from_pandas(frame.sample(frac=1.0, random_state=7).reset_index(drop=True), npartitions=4)
    df = ddf.compute()
    cleaned = td.clean(ddf, text="text", source="source").compute()
    expected = tidings.clean_frame(df["text"], sources=df["source"])
    # A field no document has keeps the text dtype Dask declares (the columns come from Arrow).
    pd.testing.assert_frame_equal(cleaned, expected, check_index_type=False)
    pd.testing.assert_frame_equal(td.dedup(ddf, text="text", id="id").compute(),
                                  df.tidings.dedup(text="text", id="id"))
    mentions = td.tag(ddf, text="text", id="id").compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(mentions, tidings.tag(_by_id(df)))


@pytest.mark.data
def test_real_duplicates_equal_single_machine(client: distributed.Client, news_frame: pd.DataFrame) -> None:
    # Every BBC article (with its real duplicates) and a block of Reuters wire copy.
    news = news_frame
    frame = pd.concat([news[news.source == "bbc"], news[news.source == "reuters"].head(4000)])
    frame = frame.sample(frac=1.0, random_state=3).reset_index(drop=True)
    expected, expected_pairs = frame.tidings.dedup(text="text", id="id", return_pairs=True)
    assert (expected["kind"] == "contained").any() and (expected["kind"] == "exact").any()
    for npartitions in (3, 8):
        clusters, pairs = td.dedup(dd.from_pandas(frame, npartitions=npartitions), text="text", id="id",
                                   return_pairs=True)
        pd.testing.assert_frame_equal(clusters.compute(), expected)
        pd.testing.assert_frame_equal(pairs.compute(), expected_pairs)


def _table(folder: Path) -> pd.DataFrame:
    frame = pd.read_parquet(folder) if folder.is_dir() else pd.read_parquet(folder)
    keys = [c for c in ("doc", "start", "rule", "doc_a", "doc_b") if c in frame.columns]
    return frame.sort_values(keys).reset_index(drop=True)


@pytest.mark.parametrize("labels_on_cluster", [False, True])
def test_cli_run_on_a_local_cluster_writes_the_tables_of_a_run(tmp_path: Path, labels_on_cluster: bool,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if labels_on_cluster:  # the duplicates' components labelled on the cluster, the pairs sorted there
        monkeypatch.setattr("tidings.dask_dedup.LOCAL_EDGES", 0)
    corpus = tmp_path / "corpus.jsonl"
    tidings.load_sample().to_json(corpus, orient="records", lines=True, date_format="iso")
    single, spread = tmp_path / "single", tmp_path / "spread"
    assert main(["run", str(corpus), "--out", str(single), "--no-progress"]) == 0
    assert main(["run", str(corpus), "--out", str(spread), "--dask", "local", "--workers", "2",
                 "--blocksize", "8KB"]) == 0
    parts = sorted((spread / "documents").glob("part-*.parquet"))
    assert len(parts) > 1
    for name in ("documents", "removed", "entities", "clusters", "pairs"):
        expected = _table(single / f"{name}.parquet")
        found = _table(spread / name)
        pd.testing.assert_frame_equal(found, expected, obj=name)
    # The partitions are those read (no shuffle by source): a source's pages lie in several
    # parts, and the templates learned over all of them are removed in each.
    sources = [set(pd.read_parquet(part, columns=["source"])["source"]) for part in parts]
    assert any(sum(source in part for part in sources) > 1 for source in set().union(*sources))
    removed = pd.read_parquet(spread / "removed")
    assert (removed["rule"] == "chrome.template").any()
    assert not (spread / ".tidings-partial").exists()
