"""``tidings run`` leaves complete tables or none: a killed or failed run leaves the output
folder's tables as it found them; every table is written, even for an empty corpus; and the
tables do not depend on how the corpus was cut into chunks when its fields vary."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import tidings
from tidings.cli import main as cli_main
from tidings.pipeline import TABLES, run_pipeline, run_tables
from tidings.stream import stream_corpus

FILES = sorted(f"{name}.parquet" for name in TABLES)


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def _corpus_rows(copies: int) -> list[dict]:
    sample = tidings.load_sample()
    rows = []
    for k in range(copies):
        for row in sample.itertuples():
            rows.append({"id": f"{k}-{row.id}", "text": f"Edition {k}.\n\n{row.text}", "source": row.source})
    return rows


def _snapshot(folder: Path) -> dict[str, bytes]:
    """The files of ``folder`` (a killed run may leave its hidden staging folder)."""
    assert all(p.is_file() or p.name.startswith(".tidings-run-") for p in folder.iterdir())
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _run(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tidings", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# ---------------------------------------------------------------- complete or absent

@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_a_killed_run_leaves_the_previous_tables(tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", _corpus_rows(40))
    out = tmp_path / "out"
    small = _write_jsonl(tmp_path / "small.jsonl", _corpus_rows(1))
    assert cli_main(["run", str(small), "--out", str(out), "--no-progress"]) == 0
    before = _snapshot(out)
    started = time.time()
    child = _run(["run", str(corpus), "--out", str(out), "--chunksize", "60", "--no-progress"])
    try:
        deadline = time.monotonic() + 120
        # Killed once the run has begun writing tables (wherever it writes them).
        while not any(p.stat().st_mtime > started for p in out.rglob("*.parquet")):
            assert child.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        child.kill()
    assert _snapshot(out) == before  # hidden staging folders aside, nothing changed
    for name in FILES:
        pq.read_table(out / name)  # each one complete, with its footer
    assert len(tidings.Corpus.read(out)) == len(_corpus_rows(1))  # the previous run, read whole


def test_a_failed_run_leaves_the_folder_as_it_found_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    good = _write_jsonl(tmp_path / "good.jsonl", _corpus_rows(1))
    assert cli_main(["run", str(good), "--out", str(out), "--no-progress"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    lines = (_write_jsonl(tmp_path / "full.jsonl", _corpus_rows(2))).read_text(encoding="utf-8").splitlines()
    truncated = tmp_path / "truncated.jsonl"
    truncated.write_text("\n".join(lines[:-1]) + "\n" + lines[-1][: len(lines[-1]) // 2], encoding="utf-8")
    # An id repeated in the last chunk fails in the second pass, after earlier chunks were written.
    rows = _corpus_rows(2)
    repeated = _write_jsonl(tmp_path / "repeated.jsonl", [*rows, {**rows[-1], "id": rows[0]["id"]}])
    for corpus, error in ((truncated, "tidings: error"), (repeated, "appears more than once")):
        assert cli_main(["run", str(corpus), "--out", str(out), "--chunksize", "10", "--no-progress"]) == 2
        assert error in capsys.readouterr().err
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no staging folder either


def test_out_that_cannot_be_a_folder_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", _corpus_rows(1)[:3])
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    for out in (a_file, a_file / "below"):
        assert cli_main(["run", str(corpus), "--out", str(out), "--no-progress"]) == 2
        assert f"tidings: error: cannot write the tables into {out}" in capsys.readouterr().err
    with pytest.raises(tidings.TidingsIOError):
        tidings.Corpus.read(corpus).to_parquet(a_file)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_out_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", _corpus_rows(1)[:3])
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert cli_main(["run", str(corpus), "--out", str(locked / "out"), "--no-progress"]) == 2
    assert "tidings: error" in capsys.readouterr().err


def test_huge_workers_on_the_command_line(tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "corpus.jsonl", _corpus_rows(1)[:3])
    out = tmp_path / "out"
    assert cli_main(["run", str(corpus), "--out", str(out), "--workers", "99999999999999999999", "--no-progress"]) == 0
    assert sorted(p.name for p in out.iterdir()) == FILES


# ---------------------------------------------------------------- every table, one schema

def test_an_empty_corpus_writes_every_table_with_its_columns(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    out = tmp_path / "out"
    assert cli_main(["run", str(empty), "--out", str(out), "--no-progress"]) == 0
    assert sorted(p.name for p in out.iterdir()) == FILES
    whole = run_pipeline(tidings.read_corpus(empty), progress=False)
    for name, table in run_tables(whole).items():
        written = pq.read_table(out / f"{name}.parquet")
        assert written.num_rows == 0 and written.column_names == list(table.columns), name


def _varying_rows() -> list[dict]:
    story = "Vladimir Putin met Angela Merkel in Berlin on Monday to talk about gas, the ministers said. "
    rows = []
    for i in range(12):
        row: dict = {"id": f"d{i:02}", "text": f"Story {i}. {story * 3}"}
        row["count"] = i if i < 6 else i + 0.5  # an int, then a float
        if i >= 5:
            row["late"] = f"seen from row {i}"  # first seen after the first chunk
        if i < 3:
            row["early"] = i  # missing later
        row["meta"] = {"page": i} if i % 2 else f"page {i}"  # objects and strings
        rows.append(row)
    return rows


def test_fields_that_vary_between_chunks_give_one_schema(tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "varying.jsonl", _varying_rows())
    tables = {}
    for chunksize in (1, 5, 100):
        stream_corpus(corpus, tmp_path / f"out-{chunksize}", chunksize=chunksize, progress=False)
        tables[chunksize] = pq.read_table(tmp_path / f"out-{chunksize}" / "documents.parquet")
    assert tables[1].equals(tables[5]) and tables[1].equals(tables[100])
    documents = tables[1].to_pandas()
    assert documents["count"].tolist() == [i if i < 6 else i + 0.5 for i in range(12)]
    assert documents["late"].isna().tolist() == [i < 5 for i in range(12)]
    assert documents["early"].tolist()[:3] == [0, 1, 2] and documents["early"].isna().tolist()[3:] == [True] * 9
    assert documents["meta"].tolist()[:2] == ["page 0", '{"page": 1}']
    # The in-memory corpus writes the same columns.
    whole = tidings.Corpus.read(corpus)
    whole.to_parquet(tmp_path / "memory")
    in_memory = pd.read_parquet(tmp_path / "memory" / "documents.parquet")
    for column in ("count", "late", "early", "meta"):
        pd.testing.assert_series_equal(in_memory[column], documents[column], check_dtype=False)
