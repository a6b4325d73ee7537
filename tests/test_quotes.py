"""tidings.quotes and Corpus.quotes: who said what, with offsets, speakers, cues and kinds."""

from __future__ import annotations

import importlib.util
import math
import sys

import pandas as pd
import pytest

import tidings
from tidings.display import DocumentView, quotes_html
from tidings.quotes import QUOTE_COLUMNS

from conftest import REPO_ROOT

ARTICLE = (
    "Russia, Iran and Turkey agreed on Tuesday to set up a joint centre, Russian Foreign Minister "
    "Sergei Lavrov said after talks in Moscow.\n\n"
    "Lavrov told reporters the centre would be based in Aleppo. “We agreed that violations must be "
    "answered within hours,” he said. “It will work.”\n\n"
    "Turkish Foreign Minister Hakan Fidan said Ankara’s priority was to stop attacks, and an energy "
    "analyst said prices were “balanced but fragile”. Iran sent frontline “volunteer” fighters."
)


def _rows(frame: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    return [(r.quote, r.speaker, r.cue, r.kind) for r in frame.itertuples()]


def test_direct_partial_reported_and_speakers() -> None:
    found = tidings.quotes([ARTICLE], progress=False)
    assert list(found.columns) == list(QUOTE_COLUMNS)
    assert _rows(found) == [
        ("Russia, Iran and Turkey agreed on Tuesday to set up a joint centre", "Sergei Lavrov", "said", "reported"),
        ("the centre would be based in Aleppo", "Sergei Lavrov", "told", "reported"),
        ("We agreed that violations must be answered within hours,", "Sergei Lavrov", "said", "direct"),
        ("It will work.", "Sergei Lavrov", "", "direct"),
        ("Ankara’s priority was to stop attacks", "Hakan Fidan", "said", "reported"),
        ("balanced but fragile", "", "said", "partial"),
    ]
    # Offsets are Python string indices into the text given.
    for row in found.itertuples():
        assert ARTICLE[row.start:row.end] == row.quote
        if row.cue:
            assert ARTICLE[row.cue_start:row.cue_start + len(row.cue)] == row.cue
        if row.speaker_text:
            assert ARTICLE[row.speaker_start:row.speaker_start + len(row.speaker_text)] == row.speaker_text
    assert found.loc[2, "speaker_text"] == "he"
    assert found.loc[5, "speaker_text"] == "an energy analyst"
    assert pd.isna(found.loc[3, "cue_start"]) and pd.isna(found.loc[3, "speaker_start"])


def test_flattened_multi_paragraph_quote_is_one_quote() -> None:
    text = 'Mr Cutler said: "Phil did not cause it. "But I\'m not surprised they sued." A judge will set a date.'
    found = tidings.quotes([text], progress=False)
    assert _rows(found) == [
        ("Phil did not cause it. \"But I'm not surprised they sued.", "Cutler", "said", "direct"),
    ]


def test_index_dtypes_and_missing_documents() -> None:
    texts = pd.Series([ARTICLE, None, math.nan, "", "No quotes here."], index=["a", "b", "c", "d", "e"])
    found = tidings.quotes(texts, progress=False)
    assert set(found["doc"]) == {"a"}
    assert found.dtypes["start"] == "int64" and str(found.dtypes["cue_start"]) == "Int64"
    empty = tidings.quotes([], progress=False)
    assert list(empty.columns) == list(QUOTE_COLUMNS) and len(empty) == 0
    assert str(empty.dtypes["speaker_start"]) == "Int64"


def test_awkward_input_is_taken_calmly() -> None:
    junk = bytes(range(256)).decode("latin-1") * 8
    awkward = [ARTICLE, None, float("nan"), pd.NA, "", "x\ud800y “said” y", junk, "\x00\x01", b"He said \xe9t\xe9 \"fine\"."]
    found = tidings.quotes(awkward, progress=False)
    assert set(found["doc"]) <= {0, 5, 6, 8}
    with pytest.raises(tidings.InputTypeError, match="row 1"):
        tidings.quotes(["fine", 3], progress=False)
    with pytest.raises(tidings.InputTypeError, match="single str"):
        tidings.quotes("one document", progress=False)
    with pytest.raises(tidings.InputError, match="workers"):
        tidings.quotes(["text"], workers=0, progress=False)


def test_mentions_name_the_speakers() -> None:
    texts = pd.Series([ARTICLE, "Putin said the talks failed."], index=["x", "y"])
    mentions = tidings.tag(texts, progress=False)
    assert _rows(tidings.quotes(texts, mentions=mentions, progress=False)) == _rows(
        tidings.quotes(texts, progress=False)
    )
    # A renamed entity in the mention table is the speaker's name.
    renamed = mentions.assign(entity=mentions["entity"].replace({"Sergei Lavrov": "S. V. Lavrov"}))
    speakers = set(tidings.quotes(texts, mentions=renamed, progress=False)["speaker"])
    assert "S. V. Lavrov" in speakers and "Sergei Lavrov" not in speakers


def test_bad_mentions_are_input_errors() -> None:
    texts = pd.Series(["Putin said the talks failed."], index=["x"])
    mentions = tidings.tag(texts, progress=False)
    with pytest.raises(tidings.InputError, match="not among the texts"):
        tidings.quotes(texts, mentions=mentions.assign(doc="nope"), progress=False)
    with pytest.raises(tidings.InputError, match="columns"):
        tidings.quotes(texts, mentions=mentions.drop(columns=["label"]), progress=False)
    with pytest.raises(tidings.InputError, match="DataFrame"):
        tidings.quotes(texts, mentions=[("x", 0, 5)], progress=False)  # type: ignore[arg-type]
    with pytest.raises(tidings.InputError, match="past the end"):
        tidings.quotes(texts, mentions=mentions.assign(end=999), progress=False)
    with pytest.raises(tidings.InputError, match="unknown label"):
        tidings.quotes(texts, mentions=mentions.assign(label="FOOD"), progress=False)


def test_corpus_quotes_after_tag() -> None:
    corpus = tidings.Corpus.sample().clean()
    with pytest.raises(tidings.InputError, match="tag"):
        corpus.quotes(progress=False)
    tagged = corpus.tag(progress=False)
    found = tagged.quotes(progress=False)
    assert set(found["doc"]) <= set(tagged.documents["doc"])
    texts = tagged.texts.set_axis(tagged.documents["doc"])
    for row in found.itertuples():
        assert texts[row.doc][row.start:row.end] == row.quote
    lavrov = found[(found["doc"] == "s04") & (found["cue"] == "told")]
    assert lavrov["speaker"].tolist() == ["Sergei Lavrov"]


def test_quote_display() -> None:
    text = 'He said "<b>no</b>" & left.'
    quotes = pd.DataFrame({"start": [9, 0, 5], "end": [18, 99, 4], "speaker": ["A <x>", "", ""],
                           "speaker_text": ["he", "", ""], "cue": ["said", "", ""], "kind": ["partial"] * 3})
    page = quotes_html(text, quotes)
    assert "Quotes (1)" in page  # spans outside the text are skipped
    assert "&lt;b&gt;no&lt;/b&gt;" in page and "A &lt;x&gt;" in page and "<b>" not in page
    view = DocumentView(text, quotes=quotes)._repr_html_()
    assert "Quotes (1)" in view
    assert "Quotes" not in DocumentView(text)._repr_html_()
    corpus = tidings.Corpus.sample().clean().tag(progress=False)
    assert "Sergei Lavrov" in corpus.show("s04")._repr_html_()
    assert corpus.show("s04").quotes is not None and tidings.Corpus.sample().show("s04").quotes is None


def _gold_tools():
    """The gold set's loader and the scorer of ``benchmarks/``."""
    benchmarks = REPO_ROOT / "benchmarks"
    sys.path.insert(0, str(benchmarks))
    try:
        spec = importlib.util.spec_from_file_location("eval_quotes", benchmarks / "eval_quotes.py")
        assert spec is not None and spec.loader is not None
        scorer = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(scorer)
    finally:
        sys.path.remove(str(benchmarks))
    return scorer


@pytest.mark.data
def test_quote_gold_targets() -> None:
    scorer = _gold_tools()
    articles = scorer.load_gold()
    if articles is None:
        pytest.skip("the quote gold's sources (../shared) are not beside this checkout")
    predictions = scorer.tidings_system()([a.text for a in articles])
    counts = scorer.score(articles, predictions, 0.5)["all"]
    precision, recall, _ = scorer.prf(counts["matched"], counts["pred"], counts["gold"])
    assert precision >= 0.9 and recall >= 0.9
    precision, recall, _ = scorer.prf(counts["speaker_right"], counts["pred"], counts["gold"])
    assert precision >= 0.85 and recall >= 0.85
