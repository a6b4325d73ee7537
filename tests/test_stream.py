"""``tidings run`` streams a corpus in chunks; its tables match the in-memory pipeline."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import tidings
from tidings.cli import main as cli_main
from tidings.pipeline import run_pipeline
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
    assert documents["id"].tolist() == whole.documents["id"].tolist()
    assert documents["title"].tolist() == whole.documents["title"].tolist()
    if chunksize >= 30:  # one chunk: templates are learned from the same documents
        assert documents["clean_text"].tolist() == whole.documents["clean_text"].tolist()
        entities = pd.read_parquet(tmp_path / "entities.parquet")
        assert entities[["doc", "start", "end", "entity"]].values.tolist() == \
            whole.entities[["doc", "start", "end", "entity"]].values.tolist()

    clusters = pd.read_parquet(tmp_path / "clusters.parquet")
    assert clusters["id"].tolist() == documents["id"].tolist()
    streamed = _partition(clusters["id"], clusters["cluster"])
    expected = _partition(whole.documents["id"], whole.documents["cluster"])
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
