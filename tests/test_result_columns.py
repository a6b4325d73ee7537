"""The largest results (tag's mentions, clean's fields and audit) come from the core as Arrow
columns: their dtypes do not depend on the data, and every object view of them agrees."""

from __future__ import annotations

import pandas as pd
import pytest

import tidings
from tidings._results import TEXT_DTYPE
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
    assert frame["credits"].dtype == object and all(isinstance(v, list) for v in frame["credits"])


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
