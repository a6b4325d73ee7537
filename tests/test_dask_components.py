"""Connected components on the cluster (large-star and small-star rounds) against the labels
computed in one process, for any graph and any split of positions into partitions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

dask = pytest.importorskip("dask")

from tidings.dask_components import components_here, components_on_cluster  # noqa: E402
from tidings.dask_dedup import _by_partition  # noqa: E402


def _reference(a: list[int], b: list[int]) -> pd.DataFrame:
    """Each node of an edge with the smallest node reachable from it, by a plain search."""
    neighbours: dict[int, set[int]] = {}
    for x, y in zip(a, b):
        neighbours.setdefault(x, set()).add(y)
        neighbours.setdefault(y, set()).add(x)
    label: dict[int, int] = {}
    for node in sorted(neighbours):
        if node in label:
            continue
        stack, seen = [node], {node}
        while stack:
            for other in neighbours[stack.pop()] - seen:
                seen.add(other)
                stack.append(other)
        label.update({member: node for member in seen})  # sorted: the first node met is the smallest
    nodes = sorted(label)
    return pd.DataFrame({"pos": np.array(nodes, dtype=np.int64), "component": np.array([label[n] for n in nodes],
                                                                                        dtype=np.int64)})


@st.composite
def _graphs(draw: st.DrawFn) -> tuple[list[int], list[int], np.ndarray, int]:
    total = draw(st.integers(2, 200))
    edges = draw(st.lists(st.tuples(st.integers(0, total - 1), st.integers(0, total - 1)), max_size=300))
    edges = [(x, y) for x, y in edges if x != y]
    cuts = sorted(draw(st.lists(st.integers(0, total), max_size=5)))
    starts = np.array([0, *cuts, total], dtype=np.int64)
    return [x for x, _ in edges], [y for _, y in edges], starts, draw(st.integers(1, 4))


@settings(max_examples=60, deadline=None)
@given(_graphs())
def test_cluster_labels_equal_the_reference(graph: tuple[list[int], list[int], np.ndarray, int]) -> None:
    a, b, starts, pieces = graph
    expected = _reference(a, b)
    local = components_here(np.array(a, dtype=np.int64), np.array(b, dtype=np.int64))
    pd.testing.assert_frame_equal(local, expected)
    edges = pd.DataFrame({"a": np.array(a, dtype=np.int64), "b": np.array(b, dtype=np.int64)})
    with dask.config.set(scheduler="sync"):
        labels = components_on_cluster([dask.delayed(edges.iloc[i::pieces]) for i in range(pieces)], starts)
        (computed,) = dask.compute(labels)
    # Each partition holds its own positions' labels, sorted.
    for piece, expected_piece in zip(computed, _by_partition(expected, expected["pos"].to_numpy(), starts)):
        pd.testing.assert_frame_equal(piece.reset_index(drop=True), expected_piece.reset_index(drop=True))


def test_a_long_path_takes_few_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    # Label propagation needs a round per step of the diameter; the star steps a few per doubling.
    rounds = []
    persist = dask.persist

    def counted(*args: object, **kwargs: object) -> object:
        rounds.append(1)
        return persist(*args, **kwargs)

    monkeypatch.setattr("tidings.dask_components.dask.persist", counted)
    order = np.random.default_rng(1).permutation(5000)
    edges = pd.DataFrame({"a": order[:-1], "b": order[1:]})
    with dask.config.set(scheduler="sync"):
        (labels,) = dask.compute(components_on_cluster([dask.delayed(edges)], np.array([0, 2500, 5000])))
    assert (pd.concat(labels)["component"] == 0).all()
    assert len(rounds) <= 40
