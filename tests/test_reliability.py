"""Bounded resources and errors that stay in the tidings hierarchy: worker pools, huge integer
options, shared indexes, hostile index files, and one input rule for every text function."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tidings
from tidings.cleaning import PageTemplates
from tidings.errors import InputError, InputTypeError, ModelError, TidingsError, TidingsIOError

STORY = "The central bank raised its main interest rate by a quarter point on Tuesday, citing inflation. " * 4


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))


# ---------------------------------------------------------------- worker pools

@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_pools_are_bounded_whatever_the_workers_values() -> None:
    cores = os.cpu_count() or 1
    for workers in range(1, 151):
        tidings.describe(["a b c"], workers=workers, progress=False)
    tidings.describe(["a b c"], workers=5000, progress=False)
    # At most four idle pools of at most the cores' threads each, plus this process's own.
    assert _threads() <= 4 * cores + 12


def test_workers_above_the_cores_are_clamped() -> None:
    texts = [STORY, "Another story about the weather in Lisbon on Monday."]
    expected = tidings.describe(texts, workers=1)
    for workers in (5000, 2**63, 10**30):
        assert tidings.describe(texts, workers=workers).equals(expected)
        assert tidings.dedup(texts, workers=workers)["cluster"].tolist() == [0, 1]


@pytest.mark.parametrize("workers", [-(2**63) - 1, -(10**30)])
def test_huge_negative_workers_is_an_input_error(workers: int) -> None:
    with pytest.raises(InputError, match="workers"):
        tidings.describe(["a"], workers=workers)


@pytest.mark.parametrize("workers", [2.0, "2"])
def test_workers_of_another_type_is_an_input_type_error(workers: object) -> None:
    with pytest.raises(InputTypeError, match="workers"):
        tidings.describe(["a"], workers=workers)  # type: ignore[arg-type]


# ---------------------------------------------------------------- huge integers elsewhere

def test_huge_integer_options_are_tidings_errors() -> None:
    with pytest.raises(InputError, match="sample"):
        tidings.dedup([STORY], sample=10**30)
    with pytest.raises(InputError, match="sample"):
        tidings.DedupIndex(sample=10**30)
    with pytest.raises(InputError):
        tidings.repeated_paragraphs([STORY], min_docs=2**70)
    with pytest.raises(TidingsError):
        tidings.clean_many([STORY], max_title_words=2**70)


def test_ids_beyond_64_bits_work() -> None:
    result = tidings.dedup([STORY, "Other news.", STORY], ids=[2**70, 5, 2**64])
    assert result["cluster"].tolist() == [2**64, 5, 2**64]
    assert result["representative"].tolist() == [2**64, 5, 2**64]


# ---------------------------------------------------------------- shared indexes, hostile files

def test_an_index_shared_between_threads_takes_turns() -> None:
    index = tidings.DedupIndex()
    batch = [f"Story number {i} about the budget of the town council, its roads and schools. " * 8
             for i in range(400)]
    errors: list[BaseException] = []

    def add() -> None:
        try:
            for _ in range(3):
                index.add(batch, progress=False)
                index.clusters()
        except BaseException as error:  # noqa: BLE001 - any error fails the test
            errors.append(error)

    threads = [threading.Thread(target=add) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    one_thread = tidings.DedupIndex()
    for _ in range(12):
        one_thread.add(batch, progress=False)
    pd.testing.assert_frame_equal(index.clusters(), one_thread.clusters())


def test_page_templates_shared_between_threads_take_turns() -> None:
    templates = PageTemplates()
    pages = [f"Story {i} tells the town about its new budget, at some length today.\n\nShare this" for i in range(300)]
    errors: list[BaseException] = []

    def add() -> None:
        try:
            templates.add(pages, progress=False)
            tidings.clean_many(pages[:5], templates=templates, progress=False)
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=add) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_loading_an_endless_device_stops_at_its_header() -> None:
    with pytest.raises(ModelError, match="header"):
        tidings.DedupIndex.load("/dev/zero")


def test_an_index_file_larger_than_its_header_says_is_refused(tmp_path: Path) -> None:
    index = tidings.DedupIndex()
    index.add([STORY])
    path = tmp_path / "index.dedup"
    index.save(path)
    path.write_bytes(path.read_bytes() + b"\0" * 1000)
    with pytest.raises(ModelError, match="size"):
        tidings.DedupIndex.load(path)
    with pytest.raises(TidingsIOError):
        tidings.DedupIndex.load(tmp_path)


# ---------------------------------------------------------------- one input rule

MISSING = [None, float("nan"), np.float32("nan"), np.float64("nan"), pd.NA, pd.NaT]


@pytest.mark.parametrize("value", MISSING, ids=repr)
def test_clean_takes_the_missing_values_clean_many_takes(value: object) -> None:
    assert tidings.clean(value).text == ""  # type: ignore[arg-type]
    assert tidings.clean_many([value], progress=False)[0].text == ""


@pytest.mark.parametrize("make", [bytes, bytearray, memoryview], ids=lambda f: f.__name__)
def test_clean_takes_the_bytes_clean_many_takes(make: type) -> None:
    raw = make("Iran’s president spoke in Tehran on Monday about the war in Syria and its end.".encode())
    assert tidings.clean(raw).text == tidings.clean_many([raw], progress=False)[0].text != ""  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [12, 4.5, object(), ["nested"]], ids=repr)
def test_clean_refuses_what_clean_many_refuses(value: object) -> None:
    with pytest.raises(InputTypeError, match="text is a"):
        tidings.clean(value)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="row 0"):
        tidings.clean_many([value], progress=False)


@pytest.mark.parametrize("call", [tidings.clean_many, tidings.dedup, tidings.tag, tidings.describe],
                         ids=lambda f: f.__name__)
def test_a_dict_of_texts_is_refused(call) -> None:
    with pytest.raises(InputTypeError, match="dict.*values"):
        call({"first": STORY, "second": STORY})


def test_tables_are_named_as_tables() -> None:
    polars = pytest.importorskip("polars")
    pyarrow = pytest.importorskip("pyarrow")
    for table in (polars.DataFrame({"text": [STORY]}), pyarrow.table({"text": [STORY]}), pd.DataFrame({"text": [STORY]})):
        with pytest.raises(InputTypeError, match=f"got a {type(table).__name__} \\(a table\\)"):
            tidings.clean_many(table)
    # One column of them is fine.
    assert len(tidings.clean_many(polars.DataFrame({"text": [STORY]})["text"], progress=False)) == 1


# ---------------------------------------------------------------- pandas versions

def test_mentions_without_a_role_have_a_missing_role() -> None:
    """pandas 2 writes the string 'None' when an object column with missing values is cast to
    "str"; CI runs this suite on the oldest pandas tidings declares as well."""
    mentions = tidings.tag(["Iran's President Hassan Rouhani met Vladimir Putin in Moscow on Monday."], progress=False)
    roles = dict(zip(mentions["text"], mentions["role"]))
    assert roles["Hassan Rouhani"] == "President"
    assert pd.isna(roles["Vladimir Putin"]) and pd.isna(roles["Moscow"])
    assert mentions.loc[mentions["label"] != "DATE", "value"].isna().all()
    assert not mentions.isin(["None", "nan"]).any().any()


# ---------------------------------------------------------------- corpus tables

def test_a_column_of_objects_and_strings_is_written_as_text(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": [STORY, STORY + " More."], "meta": [{"page": 1}, "page 2"]})
    written = tidings.Corpus.from_pandas(frame).to_parquet(tmp_path / "out")
    assert pd.read_parquet(written[0])["meta"].tolist() == ['{"page": 1}', "page 2"]
    assert tidings.Corpus.read(tmp_path / "out").documents["meta"].tolist() == ['{"page": 1}', "page 2"]


def test_an_existing_file_is_no_folder_for_the_tables(tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    with pytest.raises(TidingsIOError, match="is a file"):
        tidings.Corpus.from_pandas(pd.DataFrame({"text": [STORY]})).to_parquet(a_file)


def test_the_text_column_may_name_its_documents() -> None:
    corpus = tidings.Corpus.from_pandas(pd.DataFrame({"text": ["one story", "another"]}), id="text")
    assert corpus.documents["doc"].tolist() == ["one story", "another"]
    assert corpus.documents["text"].tolist() == ["one story", "another"]
    renamed = tidings.Corpus.from_pandas(pd.DataFrame({"body": ["one story", "another"]}), text="body", id="body")
    assert renamed.documents[["doc", "text"]].values.tolist() == [["one story"] * 2, ["another"] * 2]
