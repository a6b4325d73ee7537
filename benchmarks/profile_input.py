"""Writes the input of ``examples/profile.rs``: BBC + Reuters-21578 (``_corpora.news_frame``) as
one UTF-8 file of texts separated by NUL bytes, and beside it (``<TEXTS>.meta``) what the
``stories`` stage reads: per text, NUL-separated, a line with its date in seconds since the
epoch (empty when unknown), then a ``LABEL<TAB>canonical name`` line per mention that
:func:`tidings.tag` finds (as ``tidings.stories`` reads a mention table; the tagger loaded is
the one on ``sys.path``).

    python benchmarks/profile_input.py news.txt [--ends 3000] [--no-meta]

``--ends N`` keeps the first N and the last N texts (BBC and Reuters both), a smaller input for
callgrind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tidings  # noqa: E402
from _corpora import news_frame  # noqa: E402


def meta_records(news) -> list[str]:
    """Each text's date line and mention lines."""
    mentions = tidings.tag(news["text"], progress=False)
    table = mentions[mentions["entity"].notna() & mentions["label"].notna()]
    lines: dict[int, list[str]] = {}
    for doc, label, name in zip(table["doc"].tolist(), table["label"].astype(str).tolist(),
                                table["entity"].astype(str).tolist()):
        lines.setdefault(doc, []).append(f"{label}\t{name}")
    stamps = news["date"].to_numpy().astype("datetime64[s]")
    dates = ["" if np.isnat(s) else str(int(s.astype(np.int64))) for s in stamps]
    return ["\n".join([date, *lines.get(doc, [])]) for doc, date in zip(news.index, dates)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", type=Path, help="the file of texts to write")
    parser.add_argument("--ends", type=int, default=None, help="keep the first and the last N texts")
    parser.add_argument("--no-meta", action="store_true", help="write the texts only (no tagging)")
    args = parser.parse_args()
    news = news_frame()
    if news is None:
        sys.exit("../shared/data/bbc-news and reuters21578 are absent")
    if args.ends is not None and 2 * args.ends < len(news):
        news = news.iloc[np.r_[0:args.ends, len(news) - args.ends:len(news)]].reset_index(drop=True)
    args.texts.write_text("\0".join(news["text"]), encoding="utf-8")
    if not args.no_meta:
        meta = args.texts.with_name(args.texts.name + ".meta")
        meta.write_text("\0".join(meta_records(news)), encoding="utf-8")


if __name__ == "__main__":
    main()
