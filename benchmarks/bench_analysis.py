"""Speed of the analyst's helpers on BBC + Reuters-21578 (about 21,000 documents), each a single call.

    python benchmarks/bench_analysis.py [--repeat 3]

The corpus is cleaned, deduplicated and tagged once; then each helper (entity_counts,
cooccurrence, cooccurrence_graph, mentioned_with, name_variants, timeline, cluster_sources,
filter and the summary card a notebook shows for the corpus) runs ``--repeat`` times and the
fastest run is printed, in wall-clock seconds and in CPU seconds of this process (wall time
suffers when other work shares the machine; CPU time much less). The target is one second
each. Needs a release build.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from _corpora import news_frame

TARGET_SECONDS = 1.0


def timed(repeat: int, work: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of the fastest of ``repeat`` runs of ``work``."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    frame = news_frame()
    if frame is None:
        sys.exit("BBC or Reuters-21578 not found in ../shared/data")
    import tidings

    if tidings.build_profile != "release":
        sys.exit("bench_analysis needs a release build of tidings (pip install . builds one)")
    start = time.perf_counter()
    corpus = tidings.Corpus.from_pandas(frame, source="source", date="date")
    corpus = corpus.clean(progress=False).dedup(progress=False).tag(progress=False)
    print(f"BBC + Reuters: {len(corpus):,} documents, {len(corpus.entities):,} mentions; "
          f"clean, dedup and tag took {time.perf_counter() - start:.1f} s")
    person = corpus.entity_counts(labels=["PERSON"])["entity"].iloc[0]
    helpers: dict[str, Callable[[], object]] = {
        "entity_counts()": corpus.entity_counts,
        "cooccurrence()": corpus.cooccurrence,
        "cooccurrence(level='sentence')": lambda: corpus.cooccurrence(level="sentence"),
        "cooccurrence_graph()": corpus.cooccurrence_graph,
        f"mentioned_with({person!r})": lambda: corpus.mentioned_with(person),
        "name_variants()": corpus.name_variants,
        "timeline()": corpus.timeline,
        "cluster_sources()": corpus.cluster_sources,
        f"filter(entity={person!r})": lambda: corpus.filter(entity=person),
        "summary card (_repr_html_)": corpus._repr_html_,
    }
    print(f"{'helper':42s} {'wall s':>8s} {'CPU s':>8s}")
    slow = []
    for name, work in helpers.items():
        wall, cpu = timed(args.repeat, work)
        print(f"{name:42s} {wall:8.3f} {cpu:8.3f}")
        if cpu > TARGET_SECONDS:
            slow.append(name)
    print(f"over {TARGET_SECONDS:.0f} s of CPU: {', '.join(slow) if slow else 'none'}")


if __name__ == "__main__":
    main()
