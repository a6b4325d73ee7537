"""Connected components of the graph of duplicated documents, named after their smallest
position: in this process while the edge list fits it, on the cluster beyond.

Nodes are document positions (below ``2**31``), held in partitions by position
(partition ``i`` holds ``starts[i]`` to ``starts[i + 1]``). On the cluster, the graph is kept as
arcs (both directions of every edge, a 64-bit key ``node << 31 | neighbour``), each in the
partition of its node, and rewired by alternating the large-star and small-star steps of
Kiveris et al. ("Connected Components in MapReduce and Beyond", SoCC 2014) until the graph is a
forest of stars, each centred on its component's smallest node. A step reads each node's arcs in
one task and sends the arcs it makes to their nodes' partitions: a round moves each edge a few
times, and the rounds grow with the logarithm of the components' sizes (a path of a million
documents takes a few dozen), not with their diameter as plain label propagation does.
"""

from __future__ import annotations

from typing import Any

import dask
import numpy as np
import pandas as pd

__all__ = ["LOCAL_EDGES", "components_here", "components_on_cluster"]

#: Edges (verified pairs and exact copies) labelled in this process at most: 20 million edges
#: take about 1 GB here while they are labelled (16 bytes an edge, with the working arrays
#: about 50). Beyond, the cluster labels them, a few shuffles of the edges per round.
LOCAL_EDGES = 20_000_000
_SHIFT = 31
_MASK = (1 << _SHIFT) - 1


def components_here(a: np.ndarray, b: np.ndarray) -> pd.DataFrame:
    """Each position in an edge (``pos``, sorted) with the smallest position of its connected
    component (``component``), labelled in this process (min-label propagation with pointer
    jumping)."""
    nodes, inverse = np.unique(np.concatenate([a, b]).astype(np.int64), return_inverse=True)
    ea, eb = inverse[: len(a)], inverse[len(a):]
    label = np.arange(len(nodes))
    while True:
        low = np.minimum(label[ea], label[eb])
        new = label.copy()
        np.minimum.at(new, ea, low)
        np.minimum.at(new, eb, low)
        new = new[new]
        if np.array_equal(new, label):
            return pd.DataFrame({"pos": nodes, "component": nodes[label]})
        label = new


def components_on_cluster(edges: list[Any], starts: np.ndarray) -> list[Any]:
    """The labels of :func:`components_here` for the edges of ``edges`` (delayed frames of
    ``a`` and ``b``), computed on the cluster: a delayed frame per partition of positions, its
    nodes' labels sorted by ``pos``."""
    n = len(starts) - 1
    arcs = _regrouped([dask.delayed(_arcs_by_node, nout=n)(starts, piece) for piece in edges], n)
    while True:
        changed = 0
        for large in (True, False):
            steps = [dask.delayed(_star, nout=n + 1)(large, starts, *pieces) for pieces in arcs]
            (steps,) = dask.persist(steps)
            changed += sum(dask.compute([step[n] for step in steps])[0])
            arcs = _regrouped(steps, n)
        if not changed:
            return [dask.delayed(_centres)(*pieces) for pieces in arcs]


def _regrouped(split: list[Any], n: int) -> list[list[Any]]:
    """For each partition, its piece of every task's split."""
    return [[pieces[i] for pieces in split] for i in range(n)]


def _keys(nodes: np.ndarray, neighbours: np.ndarray) -> np.ndarray:
    return (nodes.astype(np.int64) << _SHIFT) | neighbours.astype(np.int64)


def _by_node(keys: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, ...]:
    """Arc keys, deduplicated and sorted, split by the partition holding their node."""
    keys = np.unique(keys)
    bounds = np.searchsorted(keys >> _SHIFT, starts)
    return tuple(keys[lo:hi] for lo, hi in zip(bounds[:-1], bounds[1:]))


def _arcs_by_node(starts: np.ndarray, edges: pd.DataFrame) -> tuple[np.ndarray, ...]:
    """Both arcs of each edge, split by the partition holding their node."""
    a, b = edges["a"].to_numpy(), edges["b"].to_numpy()
    return _by_node(np.concatenate([_keys(a, b), _keys(b, a)]), starts)


def _neighbourhoods(pieces: tuple[np.ndarray, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A partition's arcs (node, neighbour), for each arc the smallest node of its node's
    closed neighbourhood, and whether it is its node's first arc."""
    keys = np.unique(np.concatenate(pieces)) if pieces else np.zeros(0, np.int64)
    node, neighbour = keys >> _SHIFT, keys & _MASK
    # Sorted keys: each node's first arc goes to its smallest neighbour.
    first = np.r_[True, node[1:] != node[:-1]] if len(keys) else np.zeros(0, bool)
    smallest = np.minimum(node[first], neighbour[first])
    return node, neighbour, smallest[np.cumsum(first) - 1], first


def _star(large: bool, starts: np.ndarray, *pieces: np.ndarray) -> tuple[Any, ...]:
    """One large-star (``large``) or small-star step over a partition's arcs: the new edges'
    arcs split by their nodes' partitions, and the number of edges the step changed (both
    steps change none once every component is a star around its smallest node).

    Large-star joins each node's larger neighbours to the smallest node of its neighbourhood;
    small-star joins each node and its smaller neighbours to the smallest of them."""
    node, neighbour, lowest, _ = _neighbourhoods(pieces)
    if large:
        kept = neighbour > node
        changed = kept & (lowest != node)
        a, b = neighbour[kept], lowest[kept]
    else:
        smaller = neighbour < node
        changed = smaller & (neighbour != lowest)
        # Each smaller neighbour other than the smallest, and the node itself, to the smallest.
        a = np.concatenate([neighbour[changed], node[smaller]])
        b = np.concatenate([lowest[changed], lowest[smaller]])
    return (*_by_node(np.concatenate([_keys(a, b), _keys(b, a)]), starts), int(np.count_nonzero(changed)))


def _centres(*pieces: np.ndarray) -> pd.DataFrame:
    """Once the graph is stars around components' smallest nodes: each node of a partition with
    its component (a centre's neighbours are all larger; a leaf's one neighbour is its centre)."""
    node, _, lowest, first = _neighbourhoods(pieces)
    return pd.DataFrame({"pos": node[first], "component": lowest[first]})
