"""The ``tidings`` command line: ``tidings demo`` and ``tidings run INPUT --out DIR``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .datasets import load_sample
from .errors import InputError, TidingsError
from .stream import stream_corpus
from .pipeline import run_pipeline, summarize


def _workers(value: str) -> int:
    number = int(value)
    if number == 0 or number < -1:
        raise argparse.ArgumentTypeError("workers must be a positive number or -1 for all cores")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be a positive number")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tidings",
        description="Clean, deduplicate and tag scraped news articles.",
    )
    parser.add_argument("--version", action="version", version=f"tidings {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser(
        "demo",
        help="run the whole pipeline on the sample corpus shipped with tidings and print a summary",
        description="Run the whole pipeline on the sample corpus shipped with tidings and print a summary.",
    )
    demo.add_argument("--workers", type=_workers, default=None, help="threads to use (default: all cores)")

    run = commands.add_parser(
        "run",
        help="run the pipeline on a corpus and write Parquet tables",
        description=(
            "Run the pipeline on INPUT (a .jsonl, .parquet, .csv or .tsv file, or a folder of .txt "
            "files) and write one Parquet file per table into --out."
        ),
    )
    run.add_argument("input", type=Path, metavar="INPUT", help="corpus file or folder of .txt files")
    run.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the Parquet tables")
    run.add_argument("--text", default="text", metavar="COLUMN", help="text column (default: text)")
    run.add_argument("--id", default=None, metavar="COLUMN",
                     help="column of document ids, written as doc (default: a doc or id column, else the row number)")
    run.add_argument("--chunksize", type=_positive, default=20_000, metavar="N",
                     help="documents read at a time, so any corpus fits in memory; they go through the steps "
                          "in parts of at most 16 million characters of text (default: 20000)")
    run.add_argument("--workers", type=_workers, default=None, help="threads to use (default: all cores)")
    run.add_argument("--no-progress", action="store_true", help="do not show progress bars")
    cluster = run.add_mutually_exclusive_group()
    cluster.add_argument("--dask", choices=["local"], default=None,
                         help="run on a Dask LocalCluster (--workers worker processes, one thread each) and "
                              "write partitioned Parquet (needs tidings[dask])")
    cluster.add_argument("--scheduler", default=None, metavar="ADDRESS",
                         help="run on the Dask cluster whose scheduler is at ADDRESS and write partitioned Parquet")
    run.add_argument("--blocksize", default="64MB", metavar="SIZE",
                     help="with --dask or --scheduler: bytes of a JSONL file per partition (default: 64MB)")
    return parser


def _demo(args: argparse.Namespace) -> int:
    corpus = run_pipeline(load_sample(), workers=args.workers)
    print("tidings demo: the sample corpus shipped with the package")
    print(summarize(corpus))
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.dask or args.scheduler:
        return _run_on_dask(args)
    start = time.perf_counter()
    stats, written = stream_corpus(args.input, args.out, text=args.text, id=args.id, chunksize=args.chunksize,
                                   workers=args.workers, progress=not args.no_progress)
    seconds = max(time.perf_counter() - start, 1e-9)
    print("\n".join(stats.lines()))
    print(f"took {seconds:,.1f} s: {stats.documents / seconds:,.0f} documents/s, "
          f"{stats.raw_chars / seconds / 1e6:,.2f} million characters/s")
    print(f"wrote {', '.join(p.name for p in written)} to {args.out}")
    return 0


def _run_on_dask(args: argparse.Namespace) -> int:
    try:
        from distributed import Client, LocalCluster

        from .dask_run import run_on_dask
    except ImportError as error:
        raise InputError(f'a run on Dask needs dask and distributed: pip install "tidings[dask]" ({error})') from None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        workers = args.workers if args.workers and args.workers > 0 else None
        client = Client(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"))
    with client:
        print(f"Dask dashboard: {client.dashboard_link}", flush=True)
        stats, written = run_on_dask(args.input, args.out, text=args.text, id=args.id, blocksize=args.blocksize)
        if not args.scheduler:
            client.cluster.close()
    print("\n".join(stats.lines()))
    print(f"wrote {', '.join(p.name for p in written)} (partitioned Parquet) to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _demo(args) if args.command == "demo" else _run(args)
    except TidingsError as error:
        print(f"tidings: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
