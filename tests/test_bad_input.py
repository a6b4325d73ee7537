"""Every public text function takes bad input calmly: a named tidings exception, or a documented
empty result in the row, never a panic and never a dropped row."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import tidings

JUNK = bytes(range(256)).decode("latin-1") * 8
AWKWARD = ["Fine text about Iran’s president in Tehran.", None, float("nan"), pd.NA, "", "x\ud800y", JUNK, "\x00\x01"]


def _rows(name: str, result) -> int:
    if isinstance(result, list):
        return len(result)
    if name == "tag":  # one row per mention: every mention points at an input row
        return int(result["doc"].max()) + 1 if len(result) else 0
    return len(result)


FUNCTIONS = {
    "describe": tidings.describe,
    "clean_many": tidings.clean_many,
    "clean_frame": tidings.clean_frame,
    "dedup": tidings.dedup,
    "tag": tidings.tag,
}


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_awkward_rows_keep_their_place(name: str) -> None:
    result = FUNCTIONS[name](AWKWARD)
    if name == "tag":
        assert set(result["doc"]) <= {0, 5, 6}  # mentions only where there is text
    else:
        assert _rows(name, result) == len(AWKWARD)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_index_is_kept(name: str) -> None:
    series = pd.Series(["Putin met Erdogan in Moscow on Monday.", None], index=["a", "b"])
    result = FUNCTIONS[name](series)
    if name == "clean_many":
        assert len(result) == 2
    elif name == "tag":
        assert set(result["doc"]) == {"a"}
    else:
        assert list(result.index) == ["a", "b"]


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@pytest.mark.parametrize("bad", [3, 4.5, object(), ["nested"]])
def test_wrong_item_types_name_the_row(name: str, bad) -> None:
    with pytest.raises(tidings.InputTypeError, match="row 1"):
        FUNCTIONS[name](["fine", bad])


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_a_single_string_is_not_a_corpus(name: str) -> None:
    with pytest.raises(tidings.InputTypeError, match="single str"):
        FUNCTIONS[name]("one document")


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_bad_workers(name: str) -> None:
    with pytest.raises(tidings.InputError, match="workers"):
        FUNCTIONS[name](["text"], workers=0)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_empty_input_gives_empty_result(name: str) -> None:
    assert _rows(name, FUNCTIONS[name]([])) == 0


def test_clean_single_document_bad_input() -> None:
    assert tidings.clean(None).text == ""
    assert tidings.clean(math.nan).text == ""
    with pytest.raises(tidings.InputTypeError):
        tidings.clean(12)  # type: ignore[arg-type]


def test_corpus_bad_input() -> None:
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": ["Iran’s president spoke in Tehran.", None, JUNK]})
    corpus = tidings.Corpus.from_pandas(frame).clean().dedup().tag()
    assert len(corpus.documents) == 3
    assert corpus.documents.set_index("doc").at["b", "kind"] == "empty"
