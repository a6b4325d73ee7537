"""Story grouping speed and memory on real corpora (BBC and Reuters from ../shared/data), once
tagged.

The articles are tagged once (not timed); then ``tidings.stories`` groups the raw texts with
their publication dates (Reuters; the BBC files carry none), the mention table and the
document ids, with default options. Reported per corpus: the best of ``--repeat`` runs on all
cores and on one thread, as seconds, MB/s of text and the CPU seconds of the run (the machine
may be shared: CPU time says what the work costs), then ``StoryIndex.add`` in batches (checked
equal to the one call) and the index's memory per article beside the text's size.

    python benchmarks/bench_stories.py [--repeat 3] [--batch 2000]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import news_frame  # noqa: E402
from tidings import _core  # noqa: E402


def timed(repeat: int, work) -> tuple[float, float]:
    """Wall seconds and CPU seconds of the fastest of ``repeat`` runs."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best


def in_batches(frame: pd.DataFrame, mentions: pd.DataFrame, size: int) -> tidings.StoryIndex:
    index = tidings.StoryIndex()
    for start in range(0, len(frame), size):
        batch = frame.iloc[start:start + size]
        chunk = mentions[mentions["doc"].isin(batch.index)]
        index.add(batch["text"], dates=batch["date"], entities=chunk, progress=False)
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the fastest is kept)")
    parser.add_argument("--batch", type=int, default=2000, help="articles per StoryIndex.add batch")
    args = parser.parse_args()
    if tidings.build_profile != "release":
        sys.exit(f"tidings is a {tidings.build_profile} build: benchmark a release build (pip install .)")
    news = news_frame()
    if news is None:
        sys.exit("../shared/data/bbc-news and reuters21578 are absent")
    mentions = tidings.tag(news["text"], progress=False)
    corpora = {"BBC": news["source"] == "bbc", "Reuters": news["source"] == "reuters",
               "BBC+Reuters": news["source"].notna()}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"story grouping, raw text + dates + mention table -> stories; {os.cpu_count()} cores (load {load:.1f}); "
          f"options {_core.resolve_options('stories')}; tidings {tidings.__version__} ({tidings.build_profile})\n")
    print(f"{'corpus':12s} {'docs':>7s} {'MB':>6s} {'run':34s} {'seconds':>8s} {'MB/s':>7s} {'CPU s':>7s}")
    for name, rows in corpora.items():
        frame = news[rows]
        chunk = mentions[mentions["doc"].isin(frame.index)]
        megabytes = sum(len(t.encode()) for t in frame["text"]) / 1e6

        def group(workers: int | None = None) -> pd.DataFrame:
            return tidings.stories(frame["text"], dates=frame["date"], entities=chunk, ids=frame["id"],
                                   workers=workers, progress=False)

        runs = {"tidings.stories (all cores)": timed(args.repeat, group),
                "tidings.stories (1 thread)": timed(args.repeat, lambda: group(1)),
                f"StoryIndex.add, batches of {args.batch:,}": timed(1, lambda: in_batches(frame, chunk, args.batch))}
        for run, (seconds, cpu) in runs.items():
            print(f"{name:12s} {len(frame):7,d} {megabytes:6.1f} {run:34s} {seconds:8.2f} {megabytes / seconds:7.1f} "
                  f"{cpu:7.2f}")
        index = in_batches(frame, chunk, args.batch)
        one_call = tidings.stories(frame["text"], dates=frame["date"], entities=chunk, progress=False)
        same = index.stories()["story"].tolist() == one_call["story"].tolist()
        grouped = one_call[one_call["story_size"] > 1]
        print(f"{name:12s} batches give the one-call stories: {same}; {one_call['story'].nunique():,} stories, "
              f"{grouped['story'].nunique():,} of several articles holding {len(grouped):,}, the largest "
              f"{one_call['story_size'].max()}; index memory {index.memory_bytes() / len(frame):,.0f} bytes per "
              f"article (text {megabytes * 1e6 / len(frame):,.0f})\n")


if __name__ == "__main__":
    main()
