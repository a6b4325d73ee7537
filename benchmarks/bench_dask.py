"""The whole pipeline on a Dask LocalCluster of 1 and then 2 worker processes (one thread each),
beside the single-machine run (``tidings run``, 1 and 2 threads), on generated articles plus BBC
and Reuters (../shared/data).

Generated articles are drawn from the real ones' sentences (a fixed seed): sources ``gen-0`` ..
``gen-49``, one in ten a near copy of an earlier one. Every run reads the same Parquet file and
writes the same tables; the benchmark checks that the Dask runs' tables equal the single-machine
ones. It prints documents per second, the speed-up over one worker and the peak resident
memory of each worker process (of the single-machine process beside it).

    python benchmarks/bench_dask.py [--generated 200000] [--real N]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import news_frame  # noqa: E402

TABLES = ("documents", "removed", "entities", "clusters", "pairs")


def generated(real: pd.DataFrame, count: int, seed: int = 15) -> pd.DataFrame:
    """``count`` articles of 8-20 sentences drawn from the real ones; one in ten is a near copy
    (a sentence dropped) of an earlier generated article."""
    rng = random.Random(seed)
    sentences = [s.strip() + "." for text in real["text"] for s in text.split(". ") if len(s.split()) >= 6]
    texts: list[str] = []
    for i in range(count):
        if texts and i % 10 == 9:
            parts = rng.choice(texts).split("\n\n")
            texts.append("\n\n".join(p for k, p in enumerate(parts) if k != rng.randrange(len(parts))))
        else:
            texts.append("\n\n".join(rng.choice(sentences) for _ in range(rng.randint(8, 20))))
    return pd.DataFrame({"id": [f"gen/{i}" for i in range(count)], "source": [f"gen-{i % 50}" for i in range(count)],
                         "date": pd.NaT, "text": texts})


def single_machine(corpus: Path, out: Path, threads: int) -> tuple[float, int]:
    """``tidings run`` in this (child) process: seconds and peak resident memory in bytes."""
    from tidings.stream import stream_corpus

    start = time.perf_counter()
    stream_corpus(corpus, out, workers=threads, progress=False)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def on_dask(corpus: Path, out: Path, workers: int, blocksize: str) -> tuple[float, list[int]]:
    """The run on a fresh LocalCluster of ``workers`` processes: seconds and each worker's peak
    resident memory in bytes."""
    from distributed import Client, LocalCluster

    from tidings.dask_run import run_on_dask

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with Client(cluster) as client:
            start = time.perf_counter()
            run_on_dask(corpus, out, blocksize=blocksize)
            seconds = time.perf_counter() - start
            return seconds, sorted(client.run(_peak_rss).values())


def same_tables(single: Path, spread: Path) -> bool:
    def table(path: Path) -> pd.DataFrame:
        frame = pd.read_parquet(path)
        keys = [c for c in ("doc", "start", "rule", "doc_a", "doc_b") if c in frame.columns]
        return frame.sort_values(keys).reset_index(drop=True)

    return all(table(single / f"{name}.parquet").equals(table(spread / name)) for name in TABLES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generated", type=int, default=200_000, help="generated articles (default 200000)")
    parser.add_argument("--real", type=int, default=None, help="take only the first N real articles")
    parser.add_argument("--blocksize", default="16MB", help="bytes of the Parquet file per partition (default 16MB)")
    args = parser.parse_args()
    real = news_frame()
    if real is None:
        sys.exit("BBC and Reuters-21578 (../shared/data) are not beside this checkout")
    real = real.head(args.real) if args.real else real
    frame = pd.concat([real, generated(real, args.generated)], ignore_index=True)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.parquet"
        frame.to_parquet(corpus, index=False, row_group_size=2_000)
        print(f"{len(frame):,} articles ({len(real):,} BBC and Reuters, {args.generated:,} generated)")
        print(f"{'run':<28}{'seconds':>9}{'docs/s':>10}{'speed-up':>10}  peak memory per process (MB)")
        for threads in (1, 2):
            with ProcessPoolExecutor(1) as pool:
                seconds, peak = pool.submit(single_machine, corpus, Path(folder) / f"single{threads}", threads).result()
            print(f"{f'tidings run, {threads} thread(s)':<28}{seconds:>9.1f}{len(frame) / seconds:>10,.0f}"
                  f"{'':>10}  {peak / 2**20:,.0f}")
        base = None
        for workers in (1, 2):
            spread = Path(folder) / f"dask{workers}"
            seconds, peaks = on_dask(corpus, spread, workers, args.blocksize)
            base = base or seconds
            same = same_tables(Path(folder) / "single1", spread)
            print(f"{f'Dask, {workers} worker process(es)':<28}{seconds:>9.1f}{len(frame) / seconds:>10,.0f}"
                  f"{base / seconds:>9.2f}x  {', '.join(f'{p / 2**20:,.0f}' for p in peaks)}"
                  f"{'' if same else '  TABLES DIFFER'}")


if __name__ == "__main__":
    main()
