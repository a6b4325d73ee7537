"""Where the whole pipeline spends its CPU time and memory, step by step, for a machine that
other work shares (CPU time of a one-worker run is the repeatable figure there).

    python benchmarks/pipeline_steps.py [--quick] [--workers 1] [--profile OUT.prof]

Writes BBC + Reuters-21578 twice over (``run.py``'s pipeline corpus; ``--quick`` takes every
tenth document) to a JSONL file, then times ``Corpus.read → clean → dedup → tag → to_parquet``
step by step: CPU seconds (``time.process_time``, every thread of the process), the resident
set's peak during the step (above its start, sampled every 5 ms) and what the process holds
after it (above the run's start), and
the size of each table the Corpus holds (``memory_usage(deep=True)``). ``--profile`` writes a
cProfile of the run, in CPU time, for ``python -m pstats``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from run import QUICK_STEP, doubled_frame, peak_memory, resident_bytes  # noqa: E402

STEPS = ("read", "clean", "dedup", "tag", "to_parquet")


def run_step(step: str, state: Any, path: Path, folder: Path, workers: int) -> Any:
    if step == "read":
        return tidings.Corpus.read(path)
    if step == "to_parquet":
        state.to_parquet(folder / "tables")
        return state
    return getattr(state, step)(workers=workers, progress=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"every {QUICK_STEP}th document")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--profile", type=Path, default=None, metavar="OUT", help="write a cProfile (CPU time)")
    args = parser.parse_args()
    frame = doubled_frame(QUICK_STEP if args.quick else 1)
    megabytes = sum(len(t.encode("utf-8")) for t in frame["text"]) / 1e6
    print(f"BBC + Reuters x2{', one document in 10' if args.quick else ''}: {len(frame):,} documents, "
          f"{megabytes:.1f} MB; workers={args.workers}; tidings {tidings.build_profile}")
    profile = cProfile.Profile(time.process_time) if args.profile else None
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "news_x2.jsonl"
        frame.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
        del frame
        gc.collect()
        start = resident_bytes()
        state: Any = None
        total = 0.0
        for step in STEPS:
            with peak_memory() as peak:
                began = time.process_time()
                if profile:
                    profile.enable()
                state = run_step(step, state, path, folder, args.workers)
                if profile:
                    profile.disable()
                seconds = time.process_time() - began
            total += seconds
            gc.collect()
            held = {"documents": state.documents, **state.tables}
            sizes = ", ".join(f"{name} {table.memory_usage(deep=True).sum() / 1e6:.0f}" for name, table in held.items())
            held_after = (resident_bytes() - start) / 1e6
            print(f"{step:10s} CPU {seconds:6.2f} s   peak +{peak[0]:5.0f} MB above the step's start, "
                  f"{held_after:5.0f} MB above the run's start after it   tables MB: {sizes}")
    print(f"total CPU {total:.2f} s: {megabytes / total:.2f} MB/s per core")
    if profile:
        profile.dump_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
