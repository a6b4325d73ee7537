"""The shipped notebooks run top to bottom in a Jupyter kernel, and every plot shows.

Each notebook is executed with nbclient (as Jupyter and VS Code run it, with no
``%matplotlib`` magic); a cell whose last expression calls a ``plot_*`` method must have
produced an image output, and no cell may print a warning.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

import tidings

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
IMAGES = ("image/png", "image/svg+xml")


def _ends_with_plot(source: str) -> bool:
    """Whether the cell's last statement is an expression calling a ``plot_*`` method."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    if not body or not isinstance(body[-1], ast.Expr) or not isinstance(body[-1].value, ast.Call):
        return False
    function = body[-1].value.func
    return isinstance(function, ast.Attribute) and function.attr.startswith("plot_")


def test_plot_cells_are_recognised() -> None:
    assert _ends_with_plot("c = 1\ncorpus.plot_timeline(freq='W')")
    assert not _ends_with_plot("figure = corpus.plot_timeline()")
    assert not _ends_with_plot("corpus.timeline()")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_and_shows_every_plot(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The kernel imports the tidings this test process imported.
    here = str(Path(tidings.__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")])))
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=900, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    plots = [cell for cell in code if _ends_with_plot(cell.source)]
    assert plots, f"{path.name} has no plot cell"
    for cell in plots:
        kinds = {kind for output in cell.outputs for kind in output.get("data", {})}
        assert kinds & set(IMAGES), f"no image for:\n{cell.source}\noutputs: {sorted(kinds)}"
    for cell in code:
        errors = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stderr")
        assert "Warning" not in errors, f"a warning leaked from:\n{cell.source}\n{errors}"
