"""The package surface every stage builds on: input handling, errors, workers, IO and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import tidings
from tidings import _core
from tidings.cli import main as cli_main


def test_version_and_build_profile() -> None:
    assert tidings.__version__ == _core.__version__
    assert tidings.__version__.count(".") == 2
    assert tidings.build_profile in {"release", "debug"}


def test_public_names_exist() -> None:
    for name in tidings.__all__:
        assert hasattr(tidings, name), name


def test_exception_hierarchy() -> None:
    assert issubclass(tidings.InputError, tidings.TidingsError)
    assert issubclass(tidings.InputError, ValueError)
    assert issubclass(tidings.InputTypeError, TypeError)
    assert issubclass(tidings.TidingsIOError, OSError)
    assert issubclass(tidings.InternalError, tidings.TidingsError)


def test_rust_panic_becomes_internal_error() -> None:
    with pytest.raises(tidings.InternalError, match="deliberate panic"):
        _core._raise_internal_error()


TEXTS = ["Iran’s president spoke.", "Two\n\nparagraphs here", "", "naïve café"]


@pytest.mark.parametrize(
    "make",
    [
        lambda t: list(t),
        lambda t: tuple(t),
        lambda t: pd.Series(t, dtype=object),
        lambda t: pd.Series(t, dtype="string"),
        lambda t: pd.Series(t, dtype="string[pyarrow]"),
        lambda t: pa.array(t),
        lambda t: pa.chunked_array([t[:2], t[2:]]),
        lambda t: np.array(t, dtype=object),
        lambda t: iter(t),
    ],
    ids=["list", "tuple", "object", "string", "arrow", "pa.array", "pa.chunked", "numpy", "iterator"],
)
def test_every_container_gives_the_same_result(make) -> None:
    expected = tidings.describe(TEXTS)
    result = tidings.describe(make(TEXTS))
    assert result.reset_index(drop=True).equals(expected)


def test_result_keeps_caller_index() -> None:
    series = pd.Series(["a b", "c"], index=pd.Index(["x", "y"], name="doc"), name="body")
    result = series.tidings.describe()
    assert list(result.index) == ["x", "y"]
    assert result.index.name == "doc"
    assert result.words.tolist() == [2, 1]


def test_missing_values_are_empty_rows_not_dropped() -> None:
    values = ["one two", None, float("nan"), pd.NA, np.nan, pd.NaT, ""]
    result = tidings.describe(values)
    assert len(result) == len(values)
    assert result.words.tolist() == [2, 0, 0, 0, 0, 0, 0]
    assert result.dtypes.eq("int64").all()


def test_bytes_are_decoded_with_cp1252_fallback() -> None:
    result = tidings.describe([b"caf\xc3\xa9 \xa315.8m", bytearray(b"\x93quoted\x94")])
    assert result.chars.tolist() == [len("café £15.8m"), len("“quoted”")]
    assert _core.decode_bytes(b"\xa3") == "£"


def test_lone_surrogates_keep_offsets() -> None:
    text = "ab\ud800cd"
    result = tidings.describe([text])
    assert result.chars.tolist() == [len(text)]


@pytest.mark.parametrize("bad", [1, 2.5, object(), ["nested"], {"a": 1}])
def test_non_text_item_names_the_row(bad) -> None:
    with pytest.raises(tidings.InputTypeError, match="row 1"):
        tidings.describe(["fine", bad])


@pytest.mark.parametrize("bad", ["a single string", b"bytes", 42, None])
def test_non_collection_input_is_rejected(bad) -> None:
    with pytest.raises(tidings.InputTypeError):
        tidings.describe(bad)


def test_dataframe_input_points_to_accessor() -> None:
    with pytest.raises(tidings.InputTypeError, match="accessor"):
        tidings.describe(pd.DataFrame({"text": ["a"]}))


def test_dataframe_accessor_names_missing_column() -> None:
    with pytest.raises(tidings.InputError, match="no column 'body'"):
        pd.DataFrame({"text": ["a"]}).tidings.describe(text="body")


@pytest.mark.parametrize("workers", [0, -2, -100])
def test_invalid_workers(workers: int) -> None:
    with pytest.raises(tidings.InputError, match="workers"):
        tidings.describe(["a"], workers=workers)


def test_same_result_for_any_worker_count() -> None:
    texts = [f"word {i} " * (i % 17) for i in range(500)]
    assert tidings.describe(texts, workers=1).equals(tidings.describe(texts, workers=2))
    assert tidings.describe(texts, workers=3).equals(tidings.describe(texts, workers=-1))


def test_binary_junk_and_large_documents() -> None:
    junk = bytes(range(256)) * 64
    big = "Long article sentence. " * 2_300_000  # ~50 MB
    result = tidings.describe([junk, big, "\x00\x01\x02"])
    assert len(result) == 3
    assert result.words.iloc[1] == 3 * 2_300_000


def test_empty_input() -> None:
    result = tidings.describe([])
    assert len(result) == 0
    assert list(result.columns) == ["chars", "words", "lines", "paragraphs"]


def test_load_sample() -> None:
    sample = tidings.load_sample()
    assert len(sample) >= 25
    assert sample["id"].is_unique
    assert list(sample.columns[:5]) == ["id", "source", "url", "date", "text"]
    assert sample["text"].map(len).gt(200).all()


# --- reading corpora ------------------------------------------------------------------------------


@pytest.fixture
def small_corpus() -> pd.DataFrame:
    return pd.DataFrame({"id": ["a", "b"], "text": ["First article.", "Second, with “quotes”."], "source": ["X", "Y"]})


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".csv", ".tsv"])
def test_read_corpus_formats(tmp_path: Path, small_corpus: pd.DataFrame, suffix: str) -> None:
    path = tmp_path / f"corpus{suffix}"
    if suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in small_corpus.to_dict("records")),
                        encoding="utf-8")
    elif suffix == ".parquet":
        small_corpus.to_parquet(path)
    else:
        small_corpus.to_csv(path, sep="\t" if suffix == ".tsv" else ",", index=False)
    frame = tidings.read_corpus(path)
    assert frame["doc"].tolist() == ["a", "b"]
    assert frame["text"].tolist() == small_corpus["text"].tolist()


def test_read_txt_folder_with_latin1_file(tmp_path: Path) -> None:
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "199.txt").write_bytes(b"Fee of \xa315.8m agreed.")
    (tmp_path / "a.txt").write_text("Plain.", encoding="utf-8")
    frame = tidings.read_corpus(tmp_path)
    assert frame["doc"].tolist() == ["a.txt", "sport/199.txt"]
    assert frame["text"].tolist() == ["Plain.", "Fee of £15.8m agreed."]


def test_read_corpus_errors(tmp_path: Path) -> None:
    with pytest.raises(tidings.TidingsIOError, match="no such file"):
        tidings.read_corpus(tmp_path / "missing.jsonl")
    (tmp_path / "x.docx").write_text("?")
    with pytest.raises(tidings.InputError, match="cannot tell the format"):
        tidings.read_corpus(tmp_path / "x.docx")
    (tmp_path / "c.csv").write_text("body\nhello\n")
    with pytest.raises(tidings.InputError, match="no column 'text'"):
        tidings.read_corpus(tmp_path / "c.csv")
    (tmp_path / "bad.jsonl").write_text("{not json\n")
    with pytest.raises(tidings.TidingsIOError):
        tidings.read_corpus(tmp_path / "bad.jsonl")
    (tmp_path / "empty").mkdir()
    with pytest.raises(tidings.TidingsIOError, match="no .txt files"):
        tidings.read_corpus(tmp_path / "empty")


# --- command line ---------------------------------------------------------------------------------


def test_cli_demo_prints_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["demo", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    assert "sample corpus" in out
    assert f"documents: {len(tidings.load_sample())}" in out


def test_cli_run_writes_parquet(tmp_path: Path, small_corpus: pd.DataFrame, capsys) -> None:
    source = tmp_path / "in.parquet"
    small_corpus.to_parquet(source)
    out = tmp_path / "out"
    assert cli_main(["run", str(source), "--out", str(out)]) == 0
    documents = pd.read_parquet(out / "documents.parquet")
    assert documents["doc"].tolist() == ["a", "b"]
    clusters = pd.read_parquet(out / "clusters.parquet")
    assert clusters["doc"].tolist() == ["a", "b"]
    assert "wrote" in capsys.readouterr().out


def test_cli_run_reports_errors_without_traceback(tmp_path: Path, capsys) -> None:
    assert cli_main(["run", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--help"], ["demo", "--help"], ["run", "--help"]])
def test_cli_help(args: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "tidings", *args], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "usage: tidings" in proc.stdout


def test_stubs_match_the_compiled_module() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "tidings._core"],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".csv", "txt-folder"])
def test_iter_corpus_chunks_match_whole_read(tmp_path: Path, suffix: str) -> None:
    frame = pd.DataFrame({"text": [f"Article number {i}." for i in range(23)]})
    if suffix == "txt-folder":
        path = tmp_path / "docs"
        path.mkdir()
        for i, t in enumerate(frame["text"]):
            (path / f"{i:03d}.txt").write_text(t, encoding="utf-8")
    else:
        path = tmp_path / f"c{suffix}"
        if suffix == ".jsonl":
            frame.to_json(path, orient="records", lines=True, force_ascii=False)
        elif suffix == ".parquet":
            frame.to_parquet(path)
        else:
            frame.to_csv(path, index=False)
    whole = tidings.read_corpus(path)
    chunks = list(tidings.io.iter_corpus(path, chunksize=5))
    assert [len(c) for c in chunks] == [5, 5, 5, 5, 3]
    joined = pd.concat(chunks, ignore_index=True)
    assert joined["doc"].tolist() == whole["doc"].tolist()
    assert joined["text"].tolist() == whole["text"].tolist()
    with pytest.raises(tidings.InputError, match="chunksize"):
        next(tidings.io.iter_corpus(path, chunksize=0))


def test_progress_counter_counts_documents() -> None:
    counter = _core.ProgressCounter()
    _core.describe(["a", None, "b c"], progress=counter)
    assert counter.done == 3


def test_progress_bar_appears_on_slow_steps(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from tidings import _progress

    monkeypatch.setattr(_progress, "SHOW_AFTER_SECONDS", 0.0)
    tidings.describe(["word " * 1000] * 2000, progress=True)
    assert "describe" in capsys.readouterr().err
    tidings.describe(["word " * 1000] * 2000, progress=False)
    assert capsys.readouterr().err == ""
