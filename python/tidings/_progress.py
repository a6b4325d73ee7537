"""Progress bars fed from Rust.

The core counts finished documents in an atomic counter (``_core.ProgressCounter``) while it
works without the GIL; a Python thread polls the counter and moves a ``tqdm.auto`` bar, which
shows in notebooks and terminals alike, and only once a step has run for more than a second.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from . import _core

__all__ = ["progress_bar"]

#: Seconds a step runs before its bar appears; shorter steps stay silent.
SHOW_AFTER_SECONDS = 1.0
_POLL_SECONDS = 0.1


@contextmanager
def progress_bar(total: int, *, desc: str, enabled: bool = True) -> Iterator[_core.ProgressCounter | None]:
    """Yield a counter to pass to a ``_core`` function (``None`` when ``enabled`` is false, and
    for at most one document, whose bar could only jump from 0 to 1 at the end: a call on one
    text starts no thread)."""
    if not enabled or total <= 1:
        yield None
        return
    from tqdm.auto import tqdm

    counter = _core.ProgressCounter()
    stop = threading.Event()
    bar = tqdm(total=total, desc=desc, unit="doc", delay=SHOW_AFTER_SECONDS, leave=False)

    def follow() -> None:
        shown = 0
        while not stop.wait(_POLL_SECONDS):
            done = counter.done
            if done > shown:
                bar.update(done - shown)
                shown = done

    thread = threading.Thread(target=follow, name="tidings-progress", daemon=True)
    thread.start()
    try:
        yield counter
    finally:
        stop.set()
        thread.join()
        bar.close()
