"""tidings on a Dask LocalCluster of 1 and then 2 worker processes (one thread each), beside the
single-machine runs, on generated articles (``generate_articles.py``: scraped pages with page
chrome, reprints and exact copies) plus BBC and Reuters (../shared/data, when present).

Two measurements, each run in a fresh process so that its peak memory is its own:

- ``dedup`` (first, as it is the shorter): :func:`tidings.dedup` of the raw texts (1 and 2
  threads, or ``--threads``) beside :func:`tidings.dask.dedup` (clusters and pairs must be equal);
- ``run``: the whole pipeline, ``tidings run`` (1 and 2 threads, or ``--threads``) beside ``tidings run --dask``
  (:func:`tidings.dask_run.run_on_dask`); the Dask runs' tables must equal ``tidings run``'s.

Every run reads the same Parquet file. Printed: seconds, documents per second, the speed-up over
one worker process, and the peak resident memory of the process that called tidings and of
each worker process.

    python benchmarks/bench_dask.py [--generated 200000] [--real N] [--only run|dedup] [--jobs 2] [--threads 1,2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import news_frame  # noqa: E402
from generate_articles import blocks  # noqa: E402
from run import own_peak_bytes  # noqa: E402

TABLES = ("documents", "removed", "entities", "clusters", "pairs")
SCHEMA = pa.schema([("id", pa.string()), ("source", pa.string()), ("date", pa.string()), ("text", pa.string())])
ROW_GROUP = 2_000


def write_corpus(path: Path, real: pd.DataFrame | None, generated: int, jobs: int) -> int:
    """The real articles, then ``generated`` generated ones, as one Parquet file; its row count."""
    rows = 0
    with pq.ParquetWriter(path, SCHEMA) as writer:
        if real is not None and len(real):
            dates = pd.to_datetime(real["date"], errors="coerce", utc=True)
            table = pd.DataFrame({"id": real["id"].astype(str), "source": real["source"].astype(str),
                                  "date": dates.dt.strftime("%Y-%m-%dT%H:%M:%SZ").where(dates.notna(), None),
                                  "text": real["text"]})
            writer.write_table(pa.Table.from_pandas(table, schema=SCHEMA, preserve_index=False), ROW_GROUP)
            rows += len(table)
        for lines in blocks(generated, 1, jobs):
            articles = [json.loads(line) for line in lines]
            writer.write_table(pa.Table.from_pylist(articles, schema=SCHEMA), ROW_GROUP)
            rows += len(articles)
    return rows


def _peak_rss() -> int:
    """This process's own peak resident memory in bytes (:func:`run.own_peak_bytes`)."""
    return own_peak_bytes() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def single_run(corpus: Path, out: Path, threads: int) -> tuple[float, int, list[int]]:
    """``tidings run`` in this (child) process: seconds, its peak memory, no workers."""
    from tidings.stream import stream_corpus

    start = time.perf_counter()
    stream_corpus(corpus, out, workers=threads, progress=False)
    return time.perf_counter() - start, _peak_rss(), []


def single_dedup(corpus: Path, out: Path, threads: int) -> tuple[float, int, list[int]]:
    """:func:`tidings.dedup` of the raw texts by id, in this (child) process; tables to ``out``."""
    import tidings

    frame = pd.read_parquet(corpus, columns=["id", "text"])
    start = time.perf_counter()
    clusters, pairs = tidings.dedup(frame["text"], ids=frame["id"], return_pairs=True, workers=threads,
                                    progress=False)
    seconds = time.perf_counter() - start
    out.mkdir(parents=True)
    clusters.insert(0, "doc", frame["id"].to_numpy())
    clusters.to_parquet(out / "clusters.parquet")
    pairs.to_parquet(out / "pairs.parquet")
    return seconds, _peak_rss(), []


def dask_run(corpus: Path, out: Path, workers: int, blocksize: str) -> tuple[float, int, list[int]]:
    """``tidings run --dask`` on a fresh LocalCluster of ``workers`` processes: seconds, this
    process's peak memory and each worker's."""
    from distributed import Client, LocalCluster

    from tidings.dask_run import run_on_dask

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with Client(cluster) as client:
            start = time.perf_counter()
            run_on_dask(corpus, out, blocksize=blocksize)
            seconds = time.perf_counter() - start
            return seconds, _peak_rss(), sorted(client.run(_peak_rss).values())


def dask_dedup(corpus: Path, out: Path, workers: int, blocksize: str) -> tuple[float, int, list[int]]:
    """:func:`tidings.dask.dedup` of the raw texts by id on a fresh LocalCluster; tables to ``out``."""
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import tidings.dask

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with Client(cluster) as client:
            start = time.perf_counter()
            frame = dd.read_parquet(str(corpus), columns=["id", "text"], split_row_groups="adaptive",
                                    blocksize=blocksize)
            clusters, pairs = tidings.dask.dedup_tables(frame, text="text", id="id")
            out.mkdir(parents=True)
            clusters.compute().reset_index(drop=True).to_parquet(out / "clusters.parquet")
            pairs.compute().to_parquet(out / "pairs.parquet")
            seconds = time.perf_counter() - start
            return seconds, _peak_rss(), sorted(client.run(_peak_rss).values())


def _table(path: Path) -> pd.DataFrame:
    frame = pd.read_parquet(path)
    keys = [c for c in ("doc", "start", "rule", "doc_a", "doc_b") if c in frame.columns]
    return frame.sort_values(keys).reset_index(drop=True) if keys else frame.reset_index(drop=True)


def same_tables(single: Path, spread: Path, names: tuple[str, ...]) -> bool:
    def table(folder: Path, name: str) -> pd.DataFrame:
        return _table(folder / name if (folder / name).is_dir() else folder / f"{name}.parquet")

    return all(table(single, name).equals(table(spread, name)) for name in names)


def measure(function: Any, *args: Any) -> tuple[float, int, list[int]]:
    """``function(*args)`` in a fresh process (spawned, so that it may start a cluster's)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generated", type=int, default=200_000, help="generated articles (default 200000)")
    parser.add_argument("--real", type=int, default=None, help="take only the first N real articles (0: none)")
    parser.add_argument("--only", choices=["run", "dedup"], default=None, help="one measurement only")
    parser.add_argument("--blocksize", default="16MB", help="bytes of the Parquet file per partition (default 16MB)")
    parser.add_argument("--jobs", type=int, default=2, help="processes generating the articles (default 2)")
    parser.add_argument("--threads", default="1,2",
                        help="thread counts of the single-machine runs, comma-separated (default 1,2)")
    args = parser.parse_args()
    thread_counts = [int(value) for value in args.threads.split(",")]
    real = news_frame() if args.real != 0 else None
    if real is None and args.real != 0:
        print("BBC and Reuters-21578 (../shared/data) are not beside this checkout: generated articles only")
    if real is not None and args.real:
        real = real.head(args.real)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.parquet"
        count = write_corpus(corpus, real, args.generated, args.jobs)
        print(f"{count:,} articles ({0 if real is None else len(real):,} BBC and Reuters, {args.generated:,} generated)")
        runs = {"dedup": (single_dedup, dask_dedup, ("clusters", "pairs")), "run": (single_run, dask_run, TABLES)}
        for name, (single, spread, tables) in runs.items():
            if args.only not in (None, name):
                continue
            print(f"\n{name}: {'':<26}{'seconds':>9}{'docs/s':>10}{'speed-up':>10}  peak memory (MB): caller; workers")
            for threads in thread_counts:
                seconds, peak, _ = measure(single, corpus, Path(folder) / f"{name}-single{threads}", threads)
                print(f"{f'single machine, {threads} thread(s)':<32}{seconds:>9.1f}{count / seconds:>10,.0f}"
                      f"{'':>10}  {peak / 2**20:,.0f}")
            base = None
            for workers in (1, 2):
                out = Path(folder) / f"{name}-dask{workers}"
                seconds, peak, peaks = measure(spread, corpus, out, workers, args.blocksize)
                base = base or seconds
                same = same_tables(Path(folder) / f"{name}-single{thread_counts[0]}", out, tables)
                print(f"{f'Dask, {workers} worker process(es)':<32}{seconds:>9.1f}{count / seconds:>10,.0f}"
                      f"{base / seconds:>9.2f}x  {peak / 2**20:,.0f}; {', '.join(f'{p / 2**20:,.0f}' for p in peaks)}"
                      f"{'' if same else '  TABLES DIFFER'}")


if __name__ == "__main__":
    main()
