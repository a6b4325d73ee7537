"""``tidings run`` streams a corpus in chunks; its tables match the in-memory pipeline."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import tidings
from tidings._arrow import arrow_table
from tidings.cli import main as cli_main
from tidings.pipeline import TABLES, run_pipeline, run_tables
from tidings.stream import RunStats, stream_corpus


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "sample.jsonl"
    tidings.load_sample().to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    return path


def _partition(ids: pd.Series, clusters: pd.Series) -> set[frozenset[str]]:
    return {frozenset(group) for _, group in ids.groupby(clusters.to_numpy())}


@pytest.mark.parametrize("chunksize", [7, 1000])
def test_stream_matches_in_memory_pipeline(sample_file: Path, tmp_path: Path, chunksize: int) -> None:
    stats, written = stream_corpus(sample_file, tmp_path, chunksize=chunksize, progress=False)
    assert sorted(p.name for p in written) == sorted(
        ["documents.parquet", "removed.parquet", "entities.parquet", "clusters.parquet", "pairs.parquet"])
    whole = run_pipeline(tidings.read_corpus(sample_file), progress=False)

    documents = pd.read_parquet(tmp_path / "documents.parquet")
    assert documents["doc"].tolist() == whole.documents["doc"].tolist()
    assert documents["title"].tolist() == whole.documents["title"].tolist()
    if chunksize >= 30:  # one chunk: templates are learned from the same documents
        assert documents["clean_text"].tolist() == whole.documents["clean_text"].tolist()
        entities = pd.read_parquet(tmp_path / "entities.parquet")
        assert entities[["doc", "start", "end", "entity"]].values.tolist() == \
            whole.entities[["doc", "start", "end", "entity"]].values.tolist()

    clusters = pd.read_parquet(tmp_path / "clusters.parquet")
    assert clusters["doc"].tolist() == documents["doc"].tolist()
    streamed = _partition(clusters["doc"], clusters["cluster"])
    expected = _partition(whole.documents["doc"], whole.documents["cluster"])
    assert {c for c in streamed if len(c) > 1} == {c for c in expected if len(c) > 1}
    assert stats.documents == 30 and stats.clusters == 3
    assert stats.lines() == RunStats.of(whole).lines() or chunksize < 30


def test_cli_run_streams(sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["run", str(sample_file), "--out", str(tmp_path / "out"), "--chunksize", "10", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "documents: 30" in out and "duplicates: 3 clusters" in out and "wrote" in out
    pairs = pd.read_parquet(tmp_path / "out" / "pairs.parquet")
    assert {"s02", "s10"} <= set(pairs["doc_a"]) | set(pairs["doc_b"])


def test_cli_rejects_bad_chunksize(sample_file: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        cli_main(["run", str(sample_file), "--out", str(tmp_path), "--chunksize", "0"])


# --- one pipeline: the streamed tables are the in-memory tables, whatever the chunk size ---------


def _as_written(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` as tidings writes it (``Corpus.to_parquet``), read back by pandas."""
    buffer = io.BytesIO()
    pq.write_table(arrow_table(table), buffer)
    return pd.read_parquet(buffer)


def assert_same_tables(out: Path, whole: tidings.Corpus) -> None:
    """Every table ``tidings run`` wrote to ``out`` equals the table of the in-memory run."""
    for name, table in run_tables(whole).items():
        streamed, expected = pd.read_parquet(out / f"{name}.parquet"), _as_written(table)
        assert list(streamed.columns) == list(expected.columns), name
        # A column missing in every document is typed by the first chunk in the stream (string)
        # and left untyped by pandas in memory: both are all missing.
        missing = [c for c in expected.columns if expected[c].isna().all() and streamed[c].isna().all()]
        pd.testing.assert_frame_equal(streamed.drop(columns=missing), expected.drop(columns=missing), obj=name)


@pytest.fixture(scope="module")
def duplicated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus with exact and near copies under ids that sort before the originals'
    (so a cluster's name is not its first document), in shuffled order."""
    sample = tidings.load_sample()
    copies = sample.sample(12, random_state=3).reset_index(drop=True)
    copies["id"] = "copy-" + copies["id"]
    copies.loc[::2, "text"] = "Reprinted with permission.\n\n" + copies.loc[::2, "text"]
    copies.loc[1::2, "text"] = copies.loc[1::2, "text"].str.replace("\n\n", "\n \n", regex=False)
    frame = pd.concat([sample, copies], ignore_index=True)
    frame = frame.iloc[random.Random(5).sample(range(len(frame)), len(frame))]
    path = tmp_path_factory.mktemp("duplicated") / "duplicated.jsonl"
    frame.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    return path


@pytest.mark.parametrize("corpus", ["sample_file", "duplicated_file"])
@pytest.mark.parametrize("chunksize", [1, 7, 100])
def test_streamed_tables_are_the_in_memory_tables(corpus: str, chunksize: int, tmp_path: Path,
                                                   request: pytest.FixtureRequest) -> None:
    path = request.getfixturevalue(corpus)
    stats, written = stream_corpus(path, tmp_path, chunksize=chunksize, progress=False)
    whole = run_pipeline(tidings.read_corpus(path), progress=False)
    assert written == [tmp_path / f"{name}.parquet" for name in TABLES]
    assert_same_tables(tmp_path, whole)
    assert stats.lines() == RunStats.of(whole).lines()


@pytest.mark.parametrize("chunk_chars", [1, 5_000])
def test_chunks_go_through_the_steps_in_parts_of_bounded_text(duplicated_file: Path, chunk_chars: int,
                                                                tmp_path: Path) -> None:
    """A chunk of long documents is cut into parts by their characters; the tables stay those
    of the whole corpus in memory (a part of one document when each is longer than the bound)."""
    stats, _ = stream_corpus(duplicated_file, tmp_path, chunksize=1000, chunk_chars=chunk_chars, progress=False)
    whole = run_pipeline(tidings.read_corpus(duplicated_file), progress=False)
    assert_same_tables(tmp_path, whole)
    assert stats.lines() == RunStats.of(whole).lines()


def test_clusters_are_named_after_their_smallest_id(duplicated_file: Path, tmp_path: Path) -> None:
    stream_corpus(duplicated_file, tmp_path, chunksize=5, progress=False)
    clusters = pd.read_parquet(tmp_path / "clusters.parquet")
    shared = clusters[clusters["cluster_size"] > 1]
    assert shared["cluster"].str.startswith("copy-").any()
    assert (shared.groupby("cluster")["doc"].min() == shared.groupby("cluster")["doc"].min().index).all()
    representatives = shared[shared["is_representative"]]
    assert (representatives["doc"] == representatives["cluster"]).all()  # keep='first': the smallest id
    pairs = pd.read_parquet(tmp_path / "pairs.parquet")
    assert (pairs["doc_a"] < pairs["doc_b"]).all()
    assert pairs[["doc_a", "doc_b"]].equals(pairs[["doc_a", "doc_b"]].sort_values(["doc_a", "doc_b"]))


def test_stream_rejects_ids_repeated_across_chunks(tmp_path: Path) -> None:
    path = tmp_path / "repeated.jsonl"
    rows = [{"id": "a", "text": "One story."}, {"id": "b", "text": "Two."}, {"id": "a", "text": "Three."}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    with pytest.raises(tidings.InputError, match="'a' appears more than once"):
        stream_corpus(path, tmp_path / "out", chunksize=2, progress=False)
    with pytest.raises(tidings.InputError, match="dedup option 'clean'"):
        stream_corpus(path, tmp_path / "out", dedup_options={"clean": True}, progress=False)


@pytest.mark.data
def test_reuters_streamed_in_chunks_gives_the_in_memory_tables(
    reuters_articles: list[tuple[str, str, str]], tmp_path: Path
) -> None:
    """Real wire copy: templates, datelines, copies and names across articles; the ids are row
    numbers, whose text order ("10" < "9") is not the file order."""
    path = tmp_path / "reuters.jsonl"
    path.write_text("".join(json.dumps({"text": text}) + "\n" for _, _, text in reuters_articles[:2500]))
    whole = run_pipeline(tidings.read_corpus(path), progress=False)
    for chunksize in (2500, 600):
        out = tmp_path / f"chunks-{chunksize}"
        stats, _ = stream_corpus(path, out, chunksize=chunksize, progress=False)
        assert_same_tables(out, whole)
        # Reuters bodies hold no headline: few titles, the same in chunks as whole.
        assert stats.titles == int(whole.documents["title"].notna().sum())
        assert stats.clusters > 20


def test_name_counts_count_as_a_counter_does():
    from collections import Counter

    from tidings._counts import KEPT_NAMES, NameCounts

    names = ["Vladimir Putin", "Sergei Lavrov", "Moscow", "Kremlin", "Putin"] + [f"Analyst {i}" for i in range(400)]
    parts = [[names[(i * 7 + j * j) % len(names)] for j in range(i * 13 % 300)] for i in range(40)]
    counter, counts = Counter(), NameCounts()
    for part in parts:
        counter.update(part)
        counts.update(pd.Series(part, dtype=object))
    assert len(counts) == len(counter)
    assert counts.most_common(KEPT_NAMES) == counter.most_common(KEPT_NAMES)
    left, right = NameCounts(), NameCounts()
    left.update(parts[5])
    right.update(parts[9] + [None])
    assert (left + right).most_common(6) == (Counter(parts[5]) + Counter(parts[9])).most_common(6)
