"""Offsets are exact for every string Python can hold: lone surrogates and surrogate pairs
written as two code points included (the core reads a pair as one character, so every later
offset would shift by one without the way back to the input's indices)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import tidings

PAIR = "\ud83d\ude00"  # 😀 written as two code points
PIECES = [
    PAIR, "\ud800", "\udfff", "😀", "é", " ", "\n", "\n\n", "Vladimir Putin", " met ", "Angela Merkel", " in Berlin. ",
    "Home | News", "Share this", "TEHRAN (Tasnim) – ", "Iran’s", "&amp;", "Ã©",
]
texts = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


def test_mentions_after_a_pair_written_as_two_code_points() -> None:
    text = f"{PAIR} Vladimir Putin met Angela Merkel in Berlin on Monday. \ud800 Then Emmanuel Macron spoke."
    mentions = tidings.tag([text], progress=False)
    assert {"Vladimir Putin", "Angela Merkel", "Emmanuel Macron"} <= set(mentions["text"])
    for start, end, mention in zip(mentions["start"], mentions["end"], mentions["text"]):
        assert text[start:end] == mention
    assert tidings.describe([text], progress=False)["chars"].tolist() == [len(text)]


@settings(max_examples=150, deadline=None)
@given(st.lists(texts, min_size=1, max_size=3))
def test_tag_offsets_index_the_input(batch: list[str]) -> None:
    mentions = tidings.tag(batch, progress=False)
    for doc, start, end, mention in zip(mentions["doc"], mentions["start"], mentions["end"], mentions["text"]):
        assert batch[doc][start:end] == mention


@settings(max_examples=150, deadline=None)
@given(texts)
def test_clean_spans_index_the_input(raw: str) -> None:
    cleaned = tidings.clean(raw)
    for span in cleaned.removed:
        assert raw[span.start:span.end] == span.text, span
    for one in tidings.clean_many([raw, raw], progress=False):
        assert [(s.start, s.end, s.text) for s in one.removed] == [(s.start, s.end, s.text) for s in cleaned.removed]


@settings(max_examples=100, deadline=None)
@given(texts)
def test_describe_counts_the_input_length(raw: str) -> None:
    assert tidings.describe([raw], progress=False)["chars"].tolist() == [len(raw)]


def test_quote_offsets_after_a_pair_written_as_two_code_points() -> None:
    text = f"{PAIR} “We agreed,” Lavrov said. {PAIR} He said the centre would open in March."
    found = tidings.quotes([text], progress=False)
    assert found["quote"].tolist() == ["We agreed,", "the centre would open in March"]
    for start, end, quote, cue_start, cue in zip(found["start"], found["end"], found["quote"], found["cue_start"], found["cue"]):
        assert text[start:end] == quote
        assert text[cue_start : cue_start + len(cue)] == cue
    # a mention table in Python offsets names the same speakers
    given = tidings.quotes([text], mentions=tidings.tag([text], progress=False), progress=False)
    assert given[["start", "end", "speaker"]].values.tolist() == found[["start", "end", "speaker"]].values.tolist()
