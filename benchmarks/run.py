"""Every speed figure in one run: each stage and the whole pipeline beside their anchors.

    python benchmarks/run.py [--quick] [--repeat 3] [--spacy-docs 500] [--only clean tag ...]
                             [--json PATH] [--generated N]
    python benchmarks/run.py --table [PATH]     # the README's performance table from a JSON run

One process, one release build, real text: BBC + Reuters-21578 from ../shared/data beside the
checkout (the pipeline runs on BBC + Reuters twice over). ``--quick`` takes every tenth document,
one timed run each and 100 documents for spaCy: a few minutes, for trying a change, not for the
README. Every row names its corpus and the load average when it was measured. Printed and
written to JSON (default ``benchmarks/results/run.json``):

- ``clean``: ``tidings.clean_many`` on all cores and on one (BBC and Reuters also alone, one
  core, to compare their cost per byte) against ``ftfy.fix_text`` on the same texts;
- ``dedup``: ``tidings.dedup`` of the raw and of the cleaned texts against datasketch and rensa
  fed by Python shingling (``bench_dedup``);
- ``tag``: ``tidings.tag`` in words/s against spaCy ``en_core_web_sm`` NER on every k-th
  document (``bench_tag``'s word count, ``tidings.describe``);
- ``quotes``: ``tidings.quotes`` on the cleaned texts, given their mentions;
- ``calls``: the cost of one call on one short text (``call_overhead.py``);
- ``pipeline``: ``Corpus.read → clean → dedup → tag → to_parquet`` on a JSONL file, then
  ``tidings run`` on the same file in a child process;
- ``generated`` (with ``--generated N``): ``tidings run`` on N articles of
  ``generate_articles.py``.

Timings are the best of ``--repeat`` runs (anchors run once, they are slow); peak memory is the
resident set sampled during the call, above what it was before. Figures taken while other work
shares the cores are indicative only (the JSON records the load average).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pandas as pd  # noqa: E402

import tidings  # noqa: E402
from _corpora import bbc_articles, news_frame, reuters_articles  # noqa: E402
from bench_dedup import SETTINGS, python_shingling_then  # noqa: E402
from _shingling import datasketch_clusters, rensa_clusters  # noqa: E402

STAGES = ("clean", "dedup", "tag", "quotes", "calls", "pipeline", "generated")
QUICK_STEP = 10


def load_average() -> float | None:
    """The one-minute load average (``None`` where the platform has none)."""
    return round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None


@dataclass
class Corpus:
    """A named corpus and its size."""

    name: str
    texts: list[str]
    documents: int
    megabytes: float
    words: int

    @classmethod
    def of(cls, name: str, texts: list[str]) -> Corpus:
        megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        words = int(tidings.describe(texts, progress=False)["words"].sum())
        return cls(name, texts, len(texts), megabytes, words)

    def label(self) -> str:
        words = f", {self.words / 1e6:.2f}M words" if self.words else ""
        return f"{self.name} ({self.documents:,} docs, {self.megabytes:,.1f} MB{words})"


@dataclass
class Row:
    """One measured figure."""

    stage: str
    corpus: str
    contender: str
    seconds: float
    megabytes_per_second: float | None = None
    words_per_second: float | None = None
    peak_megabytes: float | None = None
    ratios: dict[str, float] = field(default_factory=dict)
    note: str = ""
    load_average: float | None = field(default_factory=load_average)


def resident_bytes() -> int:
    """The process's resident set size (Linux ``/proc``; psutil elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import psutil

        return int(psutil.Process().memory_info().rss)


@contextmanager
def peak_memory() -> Iterator[list[float]]:
    """Yields a one-item list that holds, on exit, the peak resident MB above the start."""
    gc.collect()
    start = resident_bytes()
    peak = [start]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.005):
            peak[0] = max(peak[0], resident_bytes())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    result = [0.0]
    try:
        yield result
    finally:
        done.set()
        sampler.join()
        result[0] = (max(peak[0], resident_bytes()) - start) / 1e6


def measure(repeat: int, work: Callable[[], object]) -> tuple[float, float]:
    """Seconds of the fastest of ``repeat`` runs of ``work`` and the peak MB of the first."""
    best = float("inf")
    peak = 0.0
    for attempt in range(repeat):
        with peak_memory() as memory:
            started = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - started)
        if attempt == 0:
            peak = memory[0]
    return best, peak


def throughput_row(stage: str, corpus: Corpus, contender: str, seconds: float, peak: float | None = None,
                   words: bool = False, note: str = "") -> Row:
    return Row(stage, corpus.label(), contender, seconds, corpus.megabytes / seconds,
               corpus.words / seconds if words and corpus.words else None, peak, note=note)


def scaling(rows: list[Row], all_cores: Row, one: Row) -> None:
    """Adds the two-worker speed-up to ``all_cores``."""
    all_cores.ratios["all cores / one worker"] = one.seconds / all_cores.seconds
    rows += [all_cores, one]


def bench_clean(news: Corpus, bbc: Corpus, reuters: Corpus, repeat: int) -> list[Row]:
    import ftfy

    rows: list[Row] = []
    tidings.clean_many(news.texts[:200], progress=False)  # compiles the patterns once
    every = throughput_row("clean", news, "tidings.clean_many, all cores",
                           *measure(repeat, lambda: tidings.clean_many(news.texts, progress=False)))
    one = throughput_row("clean", news, "tidings.clean_many, 1 worker",
                         *measure(repeat, lambda: tidings.clean_many(news.texts, workers=1, progress=False)))
    seconds, peak = measure(1, lambda: [ftfy.fix_text(t) for t in news.texts])
    anchor = throughput_row("clean", news, "ftfy.fix_text (1 thread)", seconds, peak)
    every.ratios["x ftfy"] = anchor.seconds / every.seconds
    one.ratios["x ftfy"] = anchor.seconds / one.seconds
    scaling(rows, every, one)
    rows.append(anchor)
    for alone in (bbc, reuters):
        rows.append(throughput_row("clean", alone, "tidings.clean_many, 1 worker",
                                   *measure(repeat, lambda: tidings.clean_many(alone.texts, workers=1, progress=False))))
    return rows


def bench_dedup(news: Corpus, cleaned: Corpus, repeat: int) -> list[Row]:
    rows: list[Row] = []
    for corpus, what in ((news, "raw"), (cleaned, "cleaned")):
        every = throughput_row("dedup", corpus, f"tidings.dedup ({what}), all cores",
                               *measure(repeat, lambda: tidings.dedup(corpus.texts, progress=False, **SETTINGS)))
        one = throughput_row("dedup", corpus, f"tidings.dedup ({what}), 1 worker",
                             *measure(repeat, lambda: tidings.dedup(corpus.texts, workers=1, progress=False, **SETTINGS)))
        scaling(rows, every, one)
    anchors = (("rensa + Python shingling", rensa_clusters), ("datasketch + Python shingling", datasketch_clusters))
    for name, method in anchors:
        seconds, peak = measure(1, lambda: python_shingling_then(method, news.texts))
        anchor = throughput_row("dedup", news, name, seconds, peak, note=f"settings {SETTINGS}")
        rows[0].ratios[f"x {name.split()[0]}"] = anchor.seconds / rows[0].seconds
        rows.append(anchor)
    return rows


def bench_tag(news: Corpus, repeat: int, spacy_docs: int) -> list[Row]:
    rows: list[Row] = []
    tidings.tag(news.texts[:5], progress=False)  # loads the model once
    every = throughput_row("tag", news, "tidings.tag, all cores",
                           *measure(repeat, lambda: tidings.tag(news.texts, progress=False)), words=True)
    one = throughput_row("tag", news, "tidings.tag, 1 worker",
                         *measure(repeat, lambda: tidings.tag(news.texts, workers=1, progress=False)), words=True)
    scaling(rows, every, one)
    if spacy_docs:
        from _spacy import load_spacy_ner

        nlp = load_spacy_ner()
        step = max(1, len(news.texts) // spacy_docs)
        subset = Corpus.of(f"{news.name}, one document in {step}", news.texts[::step][:spacy_docs])
        list(nlp.pipe(subset.texts[:5]))
        seconds, peak = measure(1, lambda: sum(len(doc.ents) for doc in nlp.pipe(subset.texts, batch_size=64)))
        anchor = throughput_row("tag", subset, "spaCy en_core_web_sm, NER only", seconds, peak, words=True)
        for row in (every, one):
            row.ratios["x spaCy"] = row.words_per_second / anchor.words_per_second  # type: ignore[operator]
        rows.append(anchor)
    return rows


def bench_quotes(cleaned: Corpus, repeat: int) -> list[Row]:
    """``tidings.quotes`` on the cleaned texts given their mentions (tagging is timed under ``tag``)."""
    mentions = tidings.tag(cleaned.texts, progress=False)
    seconds, peak = measure(repeat, lambda: tidings.quotes(cleaned.texts, mentions=mentions, progress=False))
    return [throughput_row("quotes", cleaned, "tidings.quotes, all cores, given the mentions", seconds, peak,
                           words=True)]


def bench_calls() -> list[Row]:
    """Milliseconds of one call on one short text (``call_overhead.py``: median of 50 calls)."""
    from call_overhead import SHORT_TEXT, measure as call_costs

    return [Row("calls", f"one text of {len(SHORT_TEXT)} characters", cost.function, cost.milliseconds / 1e3,
                note="median of 50 calls; own time " + ", ".join(f"{place} {share:.0%}"
                                                                for place, share in cost.split.items()))
            for cost in call_costs(50)]


def doubled_frame(step: int) -> pd.DataFrame:
    """BBC + Reuters (every ``step``-th document) twice over, the copies' ids ending in ``/2``:
    the pipeline's corpus."""
    frame = news_frame()
    if frame is None:
        raise SystemExit("BBC and Reuters are needed in ../shared/data")
    frame = frame.iloc[::step].reset_index(drop=True)
    copy = frame.assign(id=frame["id"] + "/2")
    return pd.concat([frame, copy], ignore_index=True)


def bench_pipeline(folder: Path, step: int) -> list[Row]:
    """The whole pipeline once (it takes long enough to need no repeat), then ``tidings run``."""
    frame = doubled_frame(step)
    corpus = Corpus.of(f"BBC + Reuters{sampled(step)} x2, JSONL", frame["text"].tolist())
    path = folder / "news_x2.jsonl"
    frame.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
    del frame
    steps: dict[str, float] = {}

    def run() -> None:
        started = time.perf_counter()
        state: Any = tidings.Corpus.read(path)
        steps["read"] = time.perf_counter() - started
        for step in ("clean", "dedup", "tag"):
            started = time.perf_counter()
            state = getattr(state, step)(progress=False)
            steps[step] = time.perf_counter() - started
        started = time.perf_counter()
        state.to_parquet(folder / "tables")
        steps["to_parquet"] = time.perf_counter() - started

    seconds, peak = measure(1, run)
    rows = [throughput_row("pipeline", corpus, "Corpus.read → clean → dedup → tag → to_parquet", seconds, peak,
                           words=True, note="last run's steps: " + ", ".join(f"{k} {v:.2f} s" for k, v in steps.items()))]
    rows[0].ratios["peak memory / text bytes"] = peak / corpus.megabytes
    rows.append(tidings_run(path, folder / "run", corpus))
    return rows


def own_peak_bytes() -> int | None:
    """This process's own peak resident memory in bytes (``VmHWM``), or ``None`` where Linux's
    ``/proc`` is missing. ``ru_maxrss`` (and ``RUSAGE_CHILDREN``) would not do for a child: Linux
    keeps the forking parent's peak across ``exec``, so a child of a big process reports its size."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:")), None)
    except OSError:
        return None


#: Runs ``python -m tidings`` with the arguments after ``--`` and writes the process's own peak
#: resident memory in bytes (:func:`own_peak_bytes`) to the file named first.
_PEAK_WRAPPER = f"""
import runpy, sys
sys.path.insert(0, {str(HERE)!r})
peak_file, sys.argv = sys.argv[1], ["tidings", *sys.argv[3:]]
try:
    runpy.run_module("tidings", run_name="__main__")
finally:
    from run import own_peak_bytes
    with open(peak_file, "w") as out:
        out.write(str(own_peak_bytes() or 0))
"""


def tidings_run(path: Path, out: Path, corpus: Corpus) -> Row:
    """``tidings run`` in a child process: wall time and the child's peak resident set."""
    peak_file = out.with_name(out.name + ".peak")
    arguments = ["run", str(path), "--out", str(out), "--no-progress"]
    linux = Path("/proc/self/status").exists()
    command = ([sys.executable, "-c", _PEAK_WRAPPER, str(peak_file), "--", *arguments] if linux
               else [sys.executable, "-m", "tidings", *arguments])
    started = time.perf_counter()
    before = _children_peak()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    note = "peak: the child's whole resident set (interpreter and imports included)"
    if linux:
        peak = int(peak_file.read_text() or 0) / 2**20
    else:
        peak = _children_peak()
        if peak <= before:
            note += "; not larger than an earlier child's, so only an upper bound"
    row = throughput_row("pipeline", corpus, "tidings run (child process)", seconds, peak, words=True, note=note)
    row.ratios["peak memory / text bytes"] = peak / corpus.megabytes
    return row


def _children_peak() -> float:
    """Peak resident MB of the largest child process waited for so far."""
    import resource

    kilobytes = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return kilobytes / 1024 if sys.platform != "darwin" else kilobytes / 1e6


def bench_generated(folder: Path, articles: int) -> list[Row]:
    from generate_articles import write_corpus

    path = folder / "generated.jsonl"
    written = write_corpus(path, articles=articles, seed=1)
    corpus = Corpus(f"generate_articles.py --articles {articles} --seed 1, JSONL", [], articles, written / 1e6, 0)
    return [tidings_run(path, folder / "generated_run", corpus)]


def target_checks(rows: list[Row]) -> dict[str, dict[str, Any]]:
    """The issue's targets beside what this run measured (those the run has figures for)."""

    def find(stage: str, contender: str) -> Row | None:
        return next((r for r in rows if r.stage == stage and r.contender.startswith(contender)), None)

    tag, clean = find("tag", "tidings.tag, all cores"), find("clean", "tidings.clean_many, all cores")
    pipeline = [r for r in rows if r.stage == "pipeline" and r.contender != "tidings run (child process)"]
    scaled = [r.ratios["all cores / one worker"] for r in rows if "all cores / one worker" in r.ratios]
    calls = [r.seconds * 1e3 for r in rows if r.stage == "calls"]
    measured: dict[str, tuple[float | None, float, bool]] = {
        "tag, words/s on all cores": (tag.words_per_second if tag else None, 4e6, True),
        "tag, times spaCy": (tag.ratios.get("x spaCy") if tag else None, 500, True),
        "clean, MB/s on all cores": (clean.megabytes_per_second if clean else None, 60, True),
        "clean, times ftfy": (clean.ratios.get("x ftfy") if clean else None, 10, True),
        "all cores / one worker, worst stage": (min(scaled) if scaled else None, 1.8, True),
        "pipeline, MB/s": (pipeline[0].megabytes_per_second if pipeline else None, 15, True),
        "pipeline, peak memory / text bytes": (pipeline[0].ratios["peak memory / text bytes"] if pipeline else None,
                                               6, False),
        "one call on a short text, ms (slowest function)": (max(calls) if calls else None, 1, False),
    }
    return {name: {"measured": value, "target": target, "met": value >= target if at_least else value <= target}
            for name, (value, target, at_least) in measured.items() if value is not None}


def print_rows(rows: list[Row]) -> None:
    stage = None
    for row in rows:
        if row.stage != stage:
            stage = row.stage
            print(f"\n== {stage}")
        figures = [f"{row.seconds * 1e3:8.3f} ms" if row.stage == "calls" else f"{row.seconds:8.3f} s"]
        if row.megabytes_per_second is not None:
            figures.append(f"{row.megabytes_per_second:8.1f} MB/s")
        if row.words_per_second is not None:
            figures.append(f"{row.words_per_second / 1e6:7.3f}M words/s")
        if row.peak_megabytes is not None:
            figures.append(f"peak {row.peak_megabytes:7.0f} MB")
        figures += [f"{name} {value:,.2f}" for name, value in row.ratios.items()]
        print(f"  {row.contender:50s} {'  '.join(figures)}")
        print(f"  {'':50s} on {row.corpus}, load {row.load_average}" + (f"; {row.note}" if row.note else ""))


def readme_table(report: dict[str, Any]) -> str:
    """The README's performance table (Markdown) from a run's JSON: one line per tidings figure on
    all cores, its anchors beside it, and the corpus and load average behind it."""
    rows = [Row(**row) for row in report["rows"]]
    anchors = {"clean": ("ftfy",), "dedup": ("rensa", "datasketch"), "tag": ("spaCy",)}

    def figure(row: Row) -> str:
        if row.stage == "calls":
            return f"{row.seconds * 1e3:.2f} ms"
        parts = [f"{row.megabytes_per_second:.{1 if row.megabytes_per_second >= 1 else 2}f} MB/s"] \
            if row.megabytes_per_second else []
        if row.words_per_second:
            words = row.words_per_second
            parts.append(f"{words / 1e6:.2f}M words/s" if words >= 1e5 else f"{words / 1e3:.1f}k words/s")
        if row.peak_megabytes is not None and row.stage in ("pipeline", "generated"):
            parts.append(f"peak memory {row.peak_megabytes:,.0f} MB")
        return ", ".join(parts)

    lines = ["| task | tidings | anchor, same run | corpus (load average) |", "| --- | --- | --- | --- |"]
    for row in rows:
        if any(row.contender.startswith(a) for a in anchors.get(row.stage, ())) or "1 worker" in row.contender:
            continue
        # spaCy runs on a subset of the corpus; the other anchors on the same texts as tidings.
        beside = [(a, name) for a in rows for name in anchors.get(row.stage, ()) if a.contender.startswith(name)
                  and (a.corpus == row.corpus or row.stage == "tag")]
        anchor = "; ".join(f"{a.contender} {figure(a)} (tidings {row.ratios[f'x {name}']:,.1f}×)"
                           for a, name in beside if f"x {name}" in row.ratios)
        one = next((r for r in rows if r.stage == row.stage and r.corpus == row.corpus and "1 worker" in r.contender
                    and r.contender.split(",")[0] == row.contender.split(",")[0]), None)
        tidings_figure = figure(row) + (f" ({figure(one)} on 1 worker)" if one else "")
        if "peak memory / text bytes" in row.ratios:
            tidings_figure += f" ({row.ratios['peak memory / text bytes']:.1f}× the text)"
        lines.append(f"| {row.stage}: `{row.contender}` | {tidings_figure} | {anchor} | "
                     f"{row.corpus} ({row.load_average}) |")
    return "\n".join(lines)


def sampled(step: int) -> str:
    return f", one document in {step}" if step > 1 else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help=f"every {QUICK_STEP}th document, one timed run, 100 documents for spaCy")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each tidings call (best is kept)")
    parser.add_argument("--spacy-docs", type=int, default=500, help="documents spaCy tags (0: skip spaCy)")
    parser.add_argument("--only", nargs="+", choices=STAGES, help="run only these stages")
    parser.add_argument("--generated", type=int, default=0, metavar="N",
                        help="also time `tidings run` on N generated articles (1,000,000 is about 5 GB)")
    parser.add_argument("--json", type=Path, default=HERE / "results" / "run.json", help="where to write the figures")
    parser.add_argument("--table", type=Path, nargs="?", const=HERE / "results" / "run.json", metavar="JSON",
                        help="print the README's performance table from a run's JSON and stop")
    args = parser.parse_args()
    if args.table:
        print(readme_table(json.loads(args.table.read_text())))
        return 0
    if tidings.build_profile != "release":
        print(f"tidings is a {tidings.build_profile} build: benchmark a release build", file=sys.stderr)
        return 2
    bbc_rows, reuters_rows = bbc_articles(), reuters_articles()
    if bbc_rows is None or reuters_rows is None:
        print("BBC and Reuters are needed in ../shared/data beside the checkout", file=sys.stderr)
        return 2
    step = QUICK_STEP if args.quick else 1
    repeat, spacy_docs = (1, min(args.spacy_docs, 100)) if args.quick else (args.repeat, args.spacy_docs)
    stages = set(args.only or [s for s in STAGES if s != "generated"])
    if args.generated:
        stages.add("generated")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"tidings {tidings.__version__} ({tidings.build_profile}), {os.cpu_count()} cores, load average {load}")
    bbc = Corpus.of(f"BBC{sampled(step)}", [text for _, text in bbc_rows][::step])
    reuters = Corpus.of(f"Reuters-21578{sampled(step)}", [text for *_, text in reuters_rows][::step])
    news = Corpus.of(f"BBC + Reuters{sampled(step)}", bbc.texts + reuters.texts)
    rows: list[Row] = []
    if "clean" in stages:
        rows += bench_clean(news, bbc, reuters, repeat)
    if stages & {"dedup", "quotes"}:
        cleaned = Corpus.of(f"BBC + Reuters{sampled(step)}, cleaned",
                            [c.text for c in tidings.clean_many(news.texts, progress=False)])
    if "dedup" in stages:
        rows += bench_dedup(news, cleaned, repeat)
    if "tag" in stages:
        rows += bench_tag(news, repeat, spacy_docs)
    if "quotes" in stages:
        rows += bench_quotes(cleaned, repeat)
    if "calls" in stages:
        rows += bench_calls()
    with tempfile.TemporaryDirectory() as folder:
        if "pipeline" in stages:
            rows += bench_pipeline(Path(folder), step)
        if "generated" in stages:
            rows += bench_generated(Path(folder), args.generated)
    print_rows(rows)
    checks = target_checks(rows)
    print("\n== targets")
    for name, check in checks.items():
        print(f"  {name:50s} {check['measured']:14,.2f}  target {check['target']:,}  "
              f"{'met' if check['met'] else 'NOT met'}")
    report = {
        "tidings": tidings.__version__,
        "build": tidings.build_profile,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "quick": args.quick,
        "load_average": {"start": load, "end": os.getloadavg() if load else None},
        "targets": checks,
        "rows": [asdict(row) for row in rows],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"\nwrote {args.json}\n\n== README table\n{readme_table(report)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
