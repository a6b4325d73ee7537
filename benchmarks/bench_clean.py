"""Throughput of ``tidings.clean_many`` on the BBC corpus, against ``ftfy.fix_text`` in the same run.

Run on a release build: ``python benchmarks/bench_clean.py [--repeat N]``. The BBC articles are read
from ``../shared/data/bbc-news`` (relative to the repo root); the script exits when they are absent.

ftfy only repairs characters (stage 1); tidings runs every stage (repair, unwrapping, chrome,
repeats, fields, corpus templates). ftfy is pure Python and single-threaded; tidings is timed on
all cores (the figure the issue asks for) and on one thread (per-core comparison).
"""

from __future__ import annotations

import argparse
import os
import sys
import tidings
from _corpora import bbc_articles, best_of

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per contender (best is kept)")
    parser.add_argument("--copies", type=int, default=4, help="corpus copies (a bigger, steadier workload)")
    args = parser.parse_args()
    if tidings.build_profile != "release":
        print(f"tidings is a {tidings.build_profile} build; install a release build first", file=sys.stderr)
        return 2
    articles = bbc_articles()
    if articles is None:
        print("no BBC corpus in ../shared/data; nothing to measure", file=sys.stderr)
        return 0
    import ftfy

    docs = [text for _, text in articles]
    # Copies get a distinct first line so that template learning sees a realistic corpus.
    texts = [f"{doc}" if k == 0 else f"{doc}\n\nCopy {k}." for k in range(args.copies) for doc in docs]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    cores = os.cpu_count() or 1
    print(f"corpus: {len(texts):,} BBC articles ({args.copies} copies), {megabytes:.1f} MB UTF-8; "
          f"{cores} cores; tidings {tidings.__version__} ({tidings.build_profile})")

    tidings.clean_many(texts[:200])  # warm the pool
    t_all = best_of(args.repeat, lambda: tidings.clean_many(texts, progress=False))
    t_one = best_of(args.repeat, lambda: tidings.clean_many(texts, workers=1, progress=False))
    ftfy_docs = texts[: len(docs)]
    ftfy_mb = sum(len(t.encode("utf-8")) for t in ftfy_docs) / 1e6
    t_ftfy = best_of(max(1, args.repeat // 2), lambda: [ftfy.fix_text(t) for t in ftfy_docs])

    rate_all, rate_one, rate_ftfy = megabytes / t_all, megabytes / t_one, ftfy_mb / t_ftfy
    print(f"tidings.clean_many, all cores : {rate_all:8.1f} MB/s  ({t_all:.3f} s)")
    print(f"tidings.clean_many, 1 thread  : {rate_one:8.1f} MB/s  ({t_one:.3f} s)")
    print(f"ftfy.fix_text (1 thread)      : {rate_ftfy:8.1f} MB/s  ({t_ftfy:.3f} s for {ftfy_mb:.1f} MB)")
    print(f"ratio to ftfy: {rate_all / rate_ftfy:.1f}x (all cores), {rate_one / rate_ftfy:.1f}x (1 thread)")
    print(f"targets: >= 50 MB/s {'met' if rate_all >= 50 else 'NOT met'}; "
          f">= 10x ftfy {'met' if rate_all / rate_ftfy >= 10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
