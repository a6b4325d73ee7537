"""Ctrl-C stops every long call within a fraction of a second: the waiting thread checks for
signals while the core works, and the core's workers stop at their next document.

A child process runs each call on a generated corpus sized (by timing a small batch) to take
many seconds, and receives SIGINT half a second in; the KeyboardInterrupt must come within
three seconds (it takes well under 0.1 s on an idle machine; the bound leaves room for a
loaded one, while a call that ignored the signal would run on for several seconds more). The
corpus repeats one document, so it costs little memory.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="needs POSIX signals")

#: Seconds a call would run on one thread without the interrupt (it runs on two).
WORK_SECONDS = 16.0
#: Seconds after the call starts when SIGINT is sent, and the most the interrupt may take.
SIGNAL_AFTER = 0.5
MAX_DELAY = 3.0

CHILD = textwrap.dedent(
    """
    import sys, time
    import tidings
    from tidings.cleaning import PageTemplates

    paragraph = ("TEHRAN (Tasnim) - Iran's President Hassan Rouhani and his Russian counterpart Vladimir "
                 "Putin met in Tehran on Monday to discuss the war in Syria, the Kremlin said in a statement.")
    doc = "Home | News | World\\n\\n" + "\\n\\n".join(f"{paragraph} Part {i}." for i in range(12)) + "\\n\\nShare this"
    index = tidings.DedupIndex()
    calls = {
        "describe": lambda texts: tidings.describe(texts, workers=2, progress=False),
        "clean_many": lambda texts: tidings.clean_many(texts, workers=2, progress=False, use_templates=False),
        "templates": lambda texts: PageTemplates().add(texts, workers=2, progress=False),
        "dedup": lambda texts: tidings.dedup(texts, workers=2, progress=False),
        "index_add": lambda texts: index.add(texts, workers=2, progress=False),
        "repeated_paragraphs": lambda texts: tidings.repeated_paragraphs(texts, workers=2),
        "tag": lambda texts: tidings.tag(texts, workers=2, progress=False),
        "quotes": lambda texts: tidings.quotes(texts, workers=2, progress=False),
    }
    for name in sys.argv[2:]:
        call = calls[name]
        call([doc])  # loads what the call needs once
        sample, took = 16, 0.0
        while took < 0.2:  # a batch long enough that fixed costs do not count
            sample *= 2
            started = time.perf_counter()
            call([doc] * sample)
            took = time.perf_counter() - started
        texts = [doc] * int(sample * float(sys.argv[1]) / took)
        before = len(index)
        print("start", name, flush=True)
        try:
            call(texts)
            print("finished", name, flush=True)
        except KeyboardInterrupt:
            print("interrupted", name, time.monotonic(), flush=True)
        if name == "index_add":  # an interrupted add leaves the index as it was, and usable
            assert len(index) == before, (len(index), before)
            assert index.add([doc], progress=False).kind.tolist() == ["exact"]
    """
)

CALLS = ["describe", "clean_many", "templates", "dedup", "index_add", "repeated_paragraphs", "tag", "quotes"]


def test_ctrl_c_interrupts_every_long_call() -> None:
    delays: dict[str, float] = {}
    finished: list[str] = []
    with subprocess.Popen([sys.executable, "-c", CHILD, str(WORK_SECONDS), *CALLS],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None and child.stderr is not None
        try:
            for line in child.stdout:
                words = line.split()
                if words[0] == "start":
                    time.sleep(SIGNAL_AFTER)
                    sent = time.monotonic()
                    child.send_signal(signal.SIGINT)
                elif words[0] == "interrupted":
                    delays[words[1]] = float(words[2]) - sent
                elif words[0] == "finished":
                    finished.append(words[1])
            assert child.wait(timeout=120) == 0, child.stderr.read()
        finally:
            child.kill()
    assert not finished, f"calls that ended before SIGINT reached them (too short to test): {finished}"
    assert sorted(delays) == sorted(CALLS)
    late = {name: delay for name, delay in delays.items() if delay > MAX_DELAY}
    assert not late, f"KeyboardInterrupt came too late (seconds after SIGINT): {late}"
