"""Shared fixtures. The shared data sets live beside the project (``../shared``); tests that need
them are skipped cleanly when they are absent, as on a user's fresh clone."""

from __future__ import annotations

from pathlib import Path

import pytest

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
