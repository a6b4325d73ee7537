"""Plots show themselves in notebooks, are freed like any object, and keep names legible."""

from __future__ import annotations

import gc
import itertools
import sys
import weakref
from typing import Any

import pandas as pd
import pytest

import tidings
from tidings import Corpus


@pytest.fixture(scope="module")
def tagged() -> Corpus:
    return Corpus.sample().clean(progress=False).dedup(progress=False).tag(progress=False)


def test_a_figure_renders_as_png_through_ipython_display(tagged: Corpus) -> None:
    """What Jupyter and VS Code do with the last expression of a cell, without %matplotlib."""
    formatters = pytest.importorskip("IPython.core.formatters")
    for figure in (tagged.plot_top_entities(), tagged.plot_cooccurrence(), tagged.plot_timeline(freq="M"),
                   tagged.plot_cluster_sizes()):
        data, _ = formatters.DisplayFormatter().format(figure)
        assert data["image/png"].startswith(b"\x89PNG"), type(figure)


def test_plots_in_a_loop_leave_nothing_behind(tagged: Corpus) -> None:
    made = []
    for number in range(22):  # pyplot would warn "more than 20 figures" here
        figure = tagged.plot_top_entities(top=5)
        if number % 7 == 0:
            figure._repr_png_()
        made.append(weakref.ref(figure))
    del figure
    gc.collect()
    assert all(ref() is None for ref in made)
    if "matplotlib.pyplot" in sys.modules:
        assert sys.modules["matplotlib.pyplot"].get_fignums() == []


def _label_overlaps(figure: object) -> tuple[int, int, list[float]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    texts = figure.axes[0].texts  # type: ignore[attr-defined]
    boxes = [t.get_window_extent(canvas.get_renderer()) for t in texts]
    return len(texts), sum(_overlap(a, b) for a, b in itertools.combinations(boxes, 2)), [t.get_fontsize() for t in texts]


def _overlap(a: Any, b: Any) -> bool:
    """Two names cover each other by more than a pixel each way (boxes that merely touch, with
    the white outline of each name between them, read fine)."""
    from matplotlib.transforms import Bbox

    shared = Bbox.intersection(a, b)
    return shared is not None and shared.width > 1 and shared.height > 1


def test_the_network_keeps_its_names_legible(tagged: Corpus) -> None:
    names, overlapping, sizes = _label_overlaps(tagged.plot_cooccurrence())
    assert names == 25 and overlapping == 0 and min(sizes) >= 10
    names, overlapping, _ = _label_overlaps(tagged.plot_cooccurrence(top=10, labels=["PERSON", "ORG"]))
    assert names == 10 and overlapping == 0


@pytest.mark.data
def test_the_network_of_a_big_corpus_stays_legible(reuters_articles: list[tuple[str, str, str]]) -> None:
    texts = pd.DataFrame({"text": [text for _, _, text in reuters_articles[:3000]]})
    corpus = Corpus.from_pandas(texts).tag(progress=False)
    for labels in (None, ["PERSON"]):
        names, overlapping, _ = _label_overlaps(corpus.plot_cooccurrence(labels=labels))
        assert 15 <= names <= 25 and overlapping <= 1, labels


def test_plots_need_their_tables() -> None:
    with pytest.raises(tidings.InputError, match="dedup"):
        Corpus.sample().plot_cluster_sizes()
    with pytest.raises(tidings.InputError, match="tag"):
        Corpus.sample().plot_top_entities()
