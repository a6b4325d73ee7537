"""The sample corpus shipped inside the package."""

from __future__ import annotations

import json
from importlib import resources

import pandas as pd

__all__ = ["load_sample"]


def load_sample() -> pd.DataFrame:
    """Load the sample corpus: about 30 short fictional news articles written for tidings.

    The texts carry the damage real scraped pages have (page chrome, repeated articles and
    titles, hard wraps, mojibake, name variants, one wire story reprinted by several outlets).
    See ``SAMPLE_CORPUS.md`` in the package's ``data`` folder for what each document contains.

    Returns
    -------
    pandas.DataFrame
        Columns ``id``, ``source``, ``url``, ``date`` (``datetime64[ns]``) and ``text``.
    """
    path = resources.files("tidings").joinpath("data/sample_corpus.jsonl")
    with path.open("r", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    frame = pd.DataFrame(rows, columns=["id", "source", "url", "date", "text"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return frame
