"""Displays render escaped HTML with scoped CSS, checked without a browser."""

from __future__ import annotations

import pandas as pd

from tidings.display import ClusterView, DocumentView, SummaryCard

HOSTILE = '<script>alert("x")</script> & Rowhani'


def _scoped(page: str) -> None:
    assert page.startswith("<style>")
    css = page[len("<style>") : page.index("</style>")]
    # Every rule is scoped under the view's root class.
    for rule in [r for r in css.split("}") if "{" in r]:
        assert rule.strip().startswith(".tidings-view"), rule


def test_document_view_highlights_entities_and_escapes() -> None:
    text = "Iran’s Rowhani met Putin <b>in</b> Moscow."
    entities = pd.DataFrame({"start": [7, 19], "end": [14, 24], "label": ["PERSON", "PERSON"],
                             "entity": ["Hassan Rouhani", "Vladimir Putin"]})
    raw = "Home » News\n" + text + "\nSHARE THIS ARTICLE"
    removed = [(0, 11, "chrome.head"), (len(raw) - 18, len(raw), "chrome.tail")]
    page = DocumentView(text, entities=entities, raw=raw, removed=removed, title=HOSTILE)._repr_html_()
    _scoped(page)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;in&lt;/b&gt;" in page
    assert 'title="Hassan Rouhani">Rowhani<span class="tdg-label">PERSON</span></mark>' in page
    assert '<del title="chrome.tail">SHARE THIS ARTICLE</del>' in page
    assert "2 removed spans" in page


def test_document_view_skips_bad_spans() -> None:
    page = DocumentView("short", entities=[(3, 99, "LOC"), (2, 1, "LOC")])._repr_html_()
    assert "<mark" not in page and "short" in page


def test_cluster_view_marks_differences() -> None:
    texts = ["The talks were practical and calm.", "The talks were useful and calm. Share <this>"]
    page = ClusterView(texts, ids=["s04", "s09"], labels=["Gulf Courier", "Baltic Wire"])._repr_html_()
    _scoped(page)
    assert "<del>practical</del>" in page and "<ins>useful</ins>" in page
    assert "&lt;this&gt;" in page and "(representative)" in page


def test_summary_card() -> None:
    card = SummaryCard("Corpus <1>", {"documents": 1234, "first_date": pd.Timestamp("2026-01-02")},
                       tables={"top": pd.DataFrame({"entity": ["<A>"], "mentions": [3]})})
    page = card._repr_html_()
    _scoped(page)
    assert "1,234" in page and "2026-01-02" in page and "&lt;A&gt;" in page and "Corpus &lt;1&gt;" in page
