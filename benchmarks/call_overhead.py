"""The cost of one call on one short text, and where it goes (the per-call overhead target is 1 ms).

    python benchmarks/call_overhead.py [--calls 200] [--json PATH]

Each public function runs once to warm up (models, patterns, imports), then ``--calls`` times on
one sentence; the median is its cost. A second pass under ``cProfile`` splits that cost between
the Rust core (``tidings._core``), pandas and pyarrow (building the returned tables), tidings'
own Python and the rest, by each function's own time (profiling inflates Python's share a
little: read the split, not its sum). Needs no data set; a release build gives the figures.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import tidings

SHORT_TEXT = "Iran's President Hassan Rowhani called Vladimir Putin on Monday, the Kremlin said."

#: Where a profiled function's own time is counted, first match wins: (share, test on its file and name).
PLACES: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
    ("Rust core", lambda file, name: "tidings._core" in name or "tidings/_core" in file),
    ("pandas / pyarrow / numpy", lambda file, name: any(f"{m}/" in file or f"{m}." in name
                                                        for m in ("pandas", "pyarrow", "numpy"))),
    ("tidings Python", lambda file, name: "tidings/" in file),
)


def calls() -> dict[str, Callable[[], object]]:
    """Each public per-text function on the short text, as a user would call it."""
    texts = [SHORT_TEXT]
    mentions = tidings.tag(texts, progress=False)
    return {
        "tidings.clean": lambda: tidings.clean(SHORT_TEXT),
        "tidings.clean_many": lambda: tidings.clean_many(texts, progress=False),
        "tidings.dedup": lambda: tidings.dedup(texts, progress=False),
        "tidings.tag": lambda: tidings.tag(texts, progress=False),
        "tidings.quotes (with mentions)": lambda: tidings.quotes(texts, mentions=mentions, progress=False),
        "tidings.describe": lambda: tidings.describe(texts, progress=False),
    }


def median_seconds(call: Callable[[], object], repeat: int) -> float:
    call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def split(call: Callable[[], object], repeat: int) -> dict[str, float]:
    """Shares of the profiled own time of ``repeat`` calls, by place (``PLACES``, then "other")."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(repeat):
        call()
    profile.disable()
    shares: dict[str, float] = {place: 0.0 for place, _ in PLACES} | {"other": 0.0}
    for (file, _, name), (_, _, own, _, _) in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        place = next((place for place, test in PLACES if test(file, name)), "other")
        shares[place] += own
    total = sum(shares.values()) or 1.0
    return {place: own / total for place, own in shares.items()}


@dataclass
class CallCost:
    """One function's cost on the short text: median milliseconds and the split of its own time."""

    function: str
    milliseconds: float
    split: dict[str, float]


def measure(repeat: int) -> list[CallCost]:
    return [CallCost(name, median_seconds(call, repeat) * 1e3, split(call, repeat)) for name, call in calls().items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200, help="timed calls per function (the median is kept)")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"one call on a text of {len(SHORT_TEXT)} characters; tidings {tidings.__version__} "
          f"({tidings.build_profile}); load average {load:.1f}")
    rows = measure(args.calls)
    places = [place for place, _ in PLACES] + ["other"]
    print(f"{'function':32s} {'ms':>8s}  " + "  ".join(f"{p:>24s}" for p in places))
    for row in rows:
        print(f"{row.function:32s} {row.milliseconds:8.3f}  " + "  ".join(f"{row.split[p]:24.0%}" for p in places))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"load_average": load, "rows": [asdict(row) for row in rows]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
