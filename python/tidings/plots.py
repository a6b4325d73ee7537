"""matplotlib plots of corpus tables. Each returns the ``Figure`` and needs no display."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .analysis import entity_counts, to_networkx

__all__ = ["plot_top_entities", "plot_cooccurrence", "plot_timeline", "plot_cluster_sizes", "plot_stories"]

LABEL_COLORS = {
    "PERSON": "#4e79a7",
    "ORG": "#f28e2b",
    "LOC": "#59a14f",
    "NORP": "#b07aa1",
    "DATE": "#9c755f",
}
_OTHER_COLOR = "#bab0ac"


def _figure(width: float, height: float) -> tuple[Any, Any]:
    # The object-oriented API draws without pyplot's global state, so plots work headless.
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.add_subplot()


def plot_top_entities(entities: pd.DataFrame, *, top: int = 15, labels: list[str] | None = None) -> Any:
    """Horizontal bars of the ``top`` most mentioned entities, coloured by label."""
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


def plot_cooccurrence(pairs: pd.DataFrame, *, top: int = 40, seed: int = 7) -> Any:
    """The co-occurrence network of the ``top`` strongest pairs (edge width = count)."""
    import networkx as nx

    graph = to_networkx(pairs.head(top))
    figure, axes = _figure(8, 6)
    axes.set_axis_off()
    axes.set_title("Who is mentioned with whom")
    if graph.number_of_nodes() == 0:
        return figure
    layout = nx.spring_layout(graph, seed=seed, weight="weight")
    weights = [graph.edges[e]["weight"] for e in graph.edges]
    biggest = max(weights)
    nx.draw_networkx_edges(graph, layout, ax=axes, width=[0.5 + 3.5 * w / biggest for w in weights], alpha=0.5)
    nx.draw_networkx_nodes(
        graph, layout, ax=axes, node_size=300,
        node_color=[LABEL_COLORS.get(graph.nodes[n].get("label"), _OTHER_COLOR) for n in graph.nodes],
    )
    nx.draw_networkx_labels(graph, layout, ax=axes, font_size=8)
    return figure


def plot_timeline(table: pd.DataFrame) -> Any:
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


def plot_cluster_sizes(clusters: pd.DataFrame) -> Any:
    """How many duplicate clusters have each size, from a dedup table (``cluster``, ``cluster_size``)."""
    sizes = clusters.drop_duplicates("cluster")["cluster_size"].value_counts().sort_index()
    figure, axes = _figure(6, 3.5)
    axes.bar(sizes.index.astype(str), sizes.values, color=LABEL_COLORS["PERSON"])
    axes.set_xlabel("documents in the cluster")
    axes.set_ylabel("clusters")
    axes.set_title("Duplicate cluster sizes")
    return figure


def plot_stories(stories: pd.DataFrame, *, top: int = 15) -> Any:
    """The ``top`` largest stories of a story table (``story``, ``headline``, ``size``,
    ``first_date``, ``last_date``): each a bar from its first to its last date, labelled with
    its headline and size; bars of sizes when the stories are undated."""
    shown = stories.head(top).iloc[::-1]
    labels = [f"{str(h)[:60]} ({n})" if isinstance(h, str) else f"{s} ({n})"
              for h, s, n in zip(shown["headline"], shown["story"], shown["size"])]
    figure, axes = _figure(9, max(2.0, 0.32 * len(shown) + 1))
    dated = shown["first_date"].notna()
    if dated.any():
        first = pd.to_datetime(shown["first_date"])
        span = (pd.to_datetime(shown["last_date"]) - first).fillna(pd.Timedelta(0)) + pd.Timedelta(hours=6)
        axes.barh(labels, span.where(dated, pd.Timedelta(0)), left=first.where(dated, first.min()),
                  color=LABEL_COLORS["PERSON"])
        axes.set_xlabel("publication dates")
        figure.autofmt_xdate()
    else:
        axes.barh(labels, shown["size"], color=LABEL_COLORS["PERSON"])
        axes.set_xlabel("articles")
    axes.set_title(f"The {len(shown)} largest stories")
    return figure
