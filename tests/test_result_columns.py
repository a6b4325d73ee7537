"""The largest results (tag's mentions, clean's fields and audit) come from the core as Arrow
columns: their dtypes do not depend on the data, and every object view of them agrees."""

from __future__ import annotations

import pandas as pd
import pytest

import tidings
from tidings._results import TEXT_DTYPE, TEXT_LIST_DTYPE
from tidings.tag import MENTION_COLUMNS

NUMBERS = {"start": "int64", "end": "int64", "sentence": "int64", "score": "float64", "entity_id": "int64"}
TAG_TEXTS = ("text", "label", "entity", "source", "role", "value", "field", "country", "linked_by")
CLEAN_TEXTS = ("text", "title", "dateline", "place", "agency", "byline", "date")


@pytest.mark.parametrize("texts", [["Vladimir Putin met Angela Merkel in Berlin on 3 May 2021."], ["no names"], []])
def test_mention_columns_have_fixed_dtypes(texts: list[str]) -> None:
    mentions = tidings.tag(texts, progress=False)
    assert tuple(mentions.columns) == MENTION_COLUMNS
    for name, dtype in NUMBERS.items():
        assert mentions[name].dtype == dtype, name
    for name in TAG_TEXTS:
        assert mentions[name].dtype == TEXT_DTYPE, name


def test_mention_texts_are_the_input_spans() -> None:
    text = "LONDON (Reuters) - Barclays chief Jes Staley met Theresa May, the café owner said on Tuesday."
    mentions = tidings.tag([None, text], progress=False)
    assert len(mentions) >= 3 and set(mentions["doc"]) == {1}
    for start, end, mention in zip(mentions["start"], mentions["end"], mentions["text"]):
        assert text[start:end] == mention
    assert not (mentions["value"].notna() & (mentions["label"] != "DATE")).any()


@pytest.mark.parametrize("texts", [["Plain words without any fields at all, long enough to keep."], [None], []])
def test_clean_frame_columns_have_fixed_dtypes(texts: list[str | None]) -> None:
    frame = tidings.clean_frame(texts, progress=False)
    assert list(frame.columns) == [*CLEAN_TEXTS, "credits", "captions", "removed"]
    for name in CLEAN_TEXTS:
        assert frame[name].dtype == TEXT_DTYPE, name
    assert frame["removed"].dtype == "int64"
    for name in ("credits", "captions"):
        assert frame[name].dtype == TEXT_LIST_DTYPE and all(isinstance(v, list) for v in frame[name]), name


def test_cleaned_objects_match_the_frame() -> None:
    texts = tidings.load_sample()["text"].tolist()[:40] + [None, ""]
    frame = tidings.clean_frame(texts, progress=False)
    cleaned = tidings.clean_many(texts, progress=False)
    for row, c in zip(frame.to_dict("records"), cleaned):
        expected = {name: (None if isinstance(value, float) and pd.isna(value) else value) for name, value in row.items()}
        assert c.to_dict() == expected
    removed = tidings.removed_frame(cleaned)
    assert removed.groupby("doc").size().reindex(range(len(texts)), fill_value=0).tolist() == frame["removed"].tolist()


def test_span_texts_arrow_cannot_hold_come_back_as_given() -> None:
    raw = ("Home | News \ud800\n\nVladimir Putin met Angela Merkel in Berlin on Monday, officials said today "
           "in a statement.\n\nShare this \ud800")
    for cleaned in (tidings.clean(raw), *tidings.clean_many(["", raw], progress=False)[1:]):
        assert [span.text for span in cleaned.removed] == ["Home | News \ud800", "Share this \ud800"]
        for span in cleaned.removed:
            assert raw[span.start:span.end] == span.text


def _result_columns() -> dict[str, object]:
    """Columns of every kind the result tables are built from."""
    import numpy as np
    import pyarrow as pa

    from tidings._results import arrow_text_array

    return {
        "doc": pd.Index(["b", "a", "b"]).take([0, 0, 1]),
        "start": np.array([3, 0, 7], dtype="int64"),
        "score": pa.array([0.5, 1.0, 0.25]).to_numpy(),  # read-only, from Arrow
        "label": arrow_text_array(pa.array(["LOC", None, "ORG"], pa.large_string())),
        "ids": np.array(["x", "y", "z"], dtype=object),  # objects: pandas infers their type
        "kind": pd.Categorical.from_codes([0, 1, 0], categories=["unique", "exact"]),
        "cue_start": pd.array([1, None, 4], dtype="Int64"),
        "is_representative": np.array([True, False, True]),
        "range": pd.RangeIndex(3).take([0, 1, 2]),
    }


@pytest.mark.parametrize("index", [None, pd.Index([10, 11, 12], name="doc"), pd.Index(["p", "q", "r"])])
def test_frames_are_those_the_constructor_builds(index: pd.Index | None) -> None:
    from tidings._results import frame

    built = frame(_result_columns(), index)
    expected = pd.DataFrame(_result_columns(), index=index)
    pd.testing.assert_frame_equal(built, expected, check_exact=True)
    assert built.dtypes.equals(expected.dtypes) and built.columns.dtype == expected.columns.dtype
    built.loc[built.index[0], "score"] = 9.0  # writable, whatever the source array
    built.columns.name = "renamed"  # the column names are the frame's own
    assert frame(_result_columns(), index).columns.name is None


def test_frames_refuse_columns_of_other_lengths() -> None:
    from tidings._results import frame

    with pytest.raises(ValueError):
        frame({"a": pd.array([1, 2], dtype="Int64"), "b": pd.array([1], dtype="Int64")})
