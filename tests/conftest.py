"""Shared fixtures. The shared data sets live beside the project (``../shared``); tests that need
them are skipped cleanly when they are absent, as on a user's fresh clone."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import os

import pandas as pd

import pytest
from hypothesis import settings

# The test run draws the same examples every time (a failure seen once is seen again, on any
# machine); HYPOTHESIS_PROFILE=explore draws new ones, to search for failures.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SEEDS_DIR = SHARED / "seeds"
DATA_DIR = SHARED / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir() or not any(SEEDS_DIR.glob("*.txt")):
        pytest.skip("the seed articles (../shared/seeds) are not beside this checkout")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def seeds(seeds_dir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA_DIR.is_dir():
        pytest.skip("the shared data sets (../shared/data) are not beside this checkout")
    return DATA_DIR


def _corpora() -> Any:
    """The benchmarks' loader of the shared data sets."""
    spec = importlib.util.spec_from_file_location("_corpora", REPO_ROOT / "benchmarks" / "_corpora.py")
    assert spec is not None and spec.loader is not None
    corpora = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpora)
    return corpora


@pytest.fixture(scope="session")
def news_frame() -> pd.DataFrame:
    """BBC and Reuters-21578 as one table (``id``, ``source``, ``date``, ``text``)."""
    frame = _corpora().news_frame()
    if frame is None:
        pytest.skip("BBC and Reuters-21578 (../shared/data) are not beside this checkout")
    return frame


@pytest.fixture(scope="session")
def reuters_articles() -> list[tuple[str, str, str]]:
    """``(NEWID, date, body)`` of the Reuters-21578 articles, read by the benchmarks' loader."""
    articles = _corpora().reuters_articles()
    if not articles:
        pytest.skip("../shared/data/reuters21578 is not beside this checkout")
    return articles
