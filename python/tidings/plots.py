"""matplotlib plots of corpus tables. Each returns a :class:`~tidings.figure.TidingsFigure`: a
matplotlib ``Figure`` that shows itself in notebooks without ``%matplotlib`` and is freed like
any other object (see :mod:`tidings.figure` for why the plots do not use pyplot).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .analysis import entity_counts, to_networkx

if TYPE_CHECKING:
    from .figure import TidingsFigure

__all__ = ["plot_top_entities", "plot_cooccurrence", "plot_timeline", "plot_cluster_sizes",
           "LABEL_COLORS"]

LABEL_COLORS = {
    "PERSON": "#4e79a7",
    "ORG": "#f28e2b",
    "LOC": "#59a14f",
    "NORP": "#b07aa1",
    "DATE": "#9c755f",
}
_OTHER_COLOR = "#bab0ac"


def _figure(width: float, height: float) -> tuple[TidingsFigure, Any]:
    from .figure import TidingsFigure  # matplotlib loads on the first plot, not on import tidings

    figure = TidingsFigure(figsize=(width, height), layout="constrained")
    return figure, figure.add_subplot()


def plot_top_entities(
    entities: pd.DataFrame, *, top: int = 15, labels: Iterable[str] | str | None = None
) -> TidingsFigure:
    """Horizontal bars of the ``top`` most mentioned entities, coloured by label (every label but
    ``DATE`` unless ``labels`` says otherwise)."""
    counts = entity_counts(entities, labels=labels).head(top).iloc[::-1]
    figure, axes = _figure(7, max(2.0, 0.32 * len(counts) + 1))
    axes.barh(counts["entity"], counts["mentions"], color=[LABEL_COLORS.get(l, _OTHER_COLOR) for l in counts["label"]])
    axes.set_xlabel("mentions")
    axes.set_title(f"Top {len(counts)} entities")
    for label, color in LABEL_COLORS.items():
        if label in set(counts["label"]):
            axes.bar(0, 0, color=color, label=label)
    if len(counts):
        axes.legend(loc="lower right", frameon=False)
    return figure


def _network_nodes(pairs: pd.DataFrame, counts: pd.DataFrame | None, top: int) -> list[str]:
    """The ``top`` nodes to draw: the most mentioned entities (by ``counts``) that have a
    partner, else those with the strongest ties."""
    linked = pd.concat([pairs["entity_a"], pairs["entity_b"]]).unique()
    if counts is not None:
        ranked = counts.loc[counts["entity"].isin(linked), "entity"]
    else:
        strength = pd.concat([pairs.groupby("entity_a")["count"].sum(), pairs.groupby("entity_b")["count"].sum()])
        ranked = strength.groupby(level=0).sum().sort_values(ascending=False, kind="stable").index.to_series()
    return [str(name) for name in ranked.head(top)]


def plot_cooccurrence(
    pairs: pd.DataFrame, *, top: int = 25, counts: pd.DataFrame | None = None, seed: int = 7
) -> TidingsFigure:
    """The co-occurrence network of ``top`` entities, drawn so each name can be read.

    Parameters
    ----------
    pairs : pandas.DataFrame
        A :func:`tidings.analysis.cooccurrence` table.
    top : int, default 25
        Entities drawn: the most mentioned ones of ``counts`` (an
        :func:`tidings.analysis.entity_counts` table) that have a partner, else those with the
        strongest ties. Node area follows mentions (or ties), edge width the pair's count; each
        node keeps at most its 4 strongest ties, so the network stays readable.
    seed : int, default 7
        Seed of the layout, so a plot is the same every time.
    """
    import networkx as nx
    from matplotlib import patheffects

    nodes = _network_nodes(pairs, counts, top)
    shown = pairs[pairs["entity_a"].isin(nodes) & pairs["entity_b"].isin(nodes)]
    strongest = pd.concat([shown.groupby("entity_a").head(4), shown.groupby("entity_b").head(4)])
    shown = shown.loc[sorted(set(strongest.index))]
    graph = to_networkx(shown, counts)
    figure, axes = _figure(10, 7.5)
    axes.set_axis_off()
    axes.set_title("Who is mentioned with whom")
    if graph.number_of_nodes() == 0:
        return figure
    layout = _layout(graph, seed)
    weights = np.array([graph.edges[e]["weight"] for e in graph.edges], dtype=float)
    widths = 0.6 + 4.0 * weights / weights.max() if len(weights) else []
    nx.draw_networkx_edges(graph, layout, ax=axes, width=widths, alpha=0.35, edge_color="#777777")
    sizes = np.array([graph.nodes[n].get("mentions", graph.degree(n, weight="weight")) for n in graph.nodes], dtype=float)
    nx.draw_networkx_nodes(
        graph, layout, ax=axes, node_size=120 + 900 * np.sqrt(sizes / sizes.max()), alpha=0.9,
        node_color=[LABEL_COLORS.get(graph.nodes[n].get("label"), _OTHER_COLOR) for n in graph.nodes],
    )
    texts = nx.draw_networkx_labels(graph, layout, ax=axes, font_size=10)
    for text in texts.values():
        text.set_path_effects([patheffects.withStroke(linewidth=3, foreground="white")])
    present = [label for label in LABEL_COLORS if any(graph.nodes[n].get("label") == label for n in graph.nodes)]
    for label in present:
        axes.scatter([], [], s=60, color=LABEL_COLORS[label], label=label)
    if present:
        axes.legend(loc="lower left", frameon=False, fontsize=9)
    axes.margins(0.08)
    return figure


def _stress_layout(graph: Any, nodes: list[Any], seed: int) -> np.ndarray:
    """Positions of a connected graph's ``nodes`` whose distances follow the graph's path
    lengths, by stress majorization (Gansner, Koren and North, 2004). Unlike a force layout it
    spreads a dense core evenly instead of clumping it, which keeps the names apart; a few
    dozen nodes take milliseconds."""
    import networkx as nx

    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    where = {node: i for i, node in enumerate(nodes)}
    paths = np.zeros((n, n))
    for source, lengths in nx.all_pairs_shortest_path_length(graph):
        for target, length in lengths.items():
            paths[where[source], where[target]] = length
    weights = np.zeros((n, n))
    off_diagonal = ~np.eye(n, dtype=bool)
    weights[off_diagonal] = paths[off_diagonal] ** -2.0
    laplacian = np.diag(weights.sum(axis=1)) - weights
    inverse = np.linalg.pinv(laplacian)
    angles = np.random.default_rng(seed).permutation(n) * 2 * np.pi / n
    points = np.column_stack([np.cos(angles), np.sin(angles)]) * np.sqrt(n)
    for _ in range(300):
        distances = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
        ratio = np.divide(weights * paths, distances, out=np.zeros((n, n)), where=distances > 1e-9)
        guttman = np.diag(ratio.sum(axis=1)) - ratio
        moved = inverse @ guttman @ points
        if np.abs(moved - points).max() < 1e-4:
            return moved
        points = moved
    return points


_WIDE = 1.6


def _layout(graph: Any, seed: int) -> dict[Any, np.ndarray]:
    """Node positions: each connected component laid out on its own (one layout of the whole
    graph pushes small components to the edges and crushes the big one), in a square whose side
    grows with the square root of its size; the largest on the left, the others stacked in
    columns beside it."""
    import networkx as nx

    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    height = np.sqrt(len(components[0]))
    gap = 0.6
    positions: dict[Any, np.ndarray] = {}
    x, y, column = 0.0, 0.0, 0.0
    for number, nodes in enumerate(components):
        side = np.sqrt(len(nodes))
        if number and y + side > height:
            x, y, column = x + column + gap, 0.0, 0.0
        points = _stress_layout(graph.subgraph(nodes), nodes, seed)
        points -= points.min(axis=0)
        # Names are wide: a component takes a box 1.6 times wider than high.
        points *= side / max(float(points.max()), 1e-9)
        points[:, 0] *= _WIDE
        for node, point in zip(nodes, points):
            positions[node] = point + (x, y)
        column = max(column, side * _WIDE)
        y += side + gap
        if number == 0:
            x, y, column = side * _WIDE + gap, 0.0, 0.0
    return positions


def plot_timeline(table: pd.DataFrame) -> TidingsFigure:
    """Lines of mentions per period, from :func:`tidings.analysis.timeline`."""
    figure, axes = _figure(8, 4)
    for column in table.columns:
        axes.plot(table.index, table[column], marker="o", label=str(column))
    axes.set_ylabel("mentions")
    axes.set_title("Mentions over time")
    if len(table.columns):
        axes.legend(loc="upper left", fontsize=8, frameon=False, ncols=2)
    figure.autofmt_xdate()
    return figure


def plot_cluster_sizes(clusters: pd.DataFrame) -> TidingsFigure:
    """How many duplicate clusters have each size, from a dedup table (``cluster``, ``cluster_size``)."""
    sizes = clusters.drop_duplicates("cluster")["cluster_size"].value_counts().sort_index()
    figure, axes = _figure(6, 3.5)
    axes.bar(sizes.index.astype(str), sizes.values, color=LABEL_COLORS["PERSON"])
    axes.set_xlabel("documents in the cluster")
    axes.set_ylabel("clusters")
    axes.set_title("Duplicate cluster sizes")
    return figure
