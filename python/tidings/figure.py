"""The figure every tidings plot returns: a matplotlib ``Figure`` that shows itself in notebooks.

A :class:`TidingsFigure` is a plain matplotlib ``Figure`` (save it, add axes, restyle it) that
also renders as a PNG (``_repr_png_``) when it is the last expression of a notebook cell, in
Jupyter, JupyterLab and VS Code, with no ``%matplotlib`` magic and whether or not pyplot was
imported. The figures are built without pyplot on purpose: pyplot keeps every figure it made
until it is closed, so plots made in a loop or a script would pile up in memory (and warn after
20); a TidingsFigure is freed like any other object once unreferenced, and scripts run headless.
This module imports matplotlib, so ``import tidings`` does not.
"""

from __future__ import annotations

import io

from matplotlib.figure import Figure

__all__ = ["TidingsFigure"]


class TidingsFigure(Figure):
    """A matplotlib ``Figure`` that renders itself as a PNG in notebooks (see the module docs)."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()
