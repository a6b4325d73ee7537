"""Render the figures the README shows, from the sample corpus shipped with tidings.

Run from the repository root after installing tidings: ``python scripts/render_readme_figures.py``.
"""

from __future__ import annotations

from pathlib import Path

import tidings

OUT = Path(__file__).resolve().parents[1] / "docs"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    corpus = tidings.Corpus.sample().clean().dedup().tag()
    figure = corpus.plot_top_entities(top=15, labels=["PERSON", "ORG", "LOC", "NORP"])
    figure.savefig(OUT / "top_entities.png", dpi=110)
    figure = corpus.plot_cooccurrence(top=30, labels=["PERSON", "ORG"])
    figure.savefig(OUT / "cooccurrence.png", dpi=90)
    print(f"wrote {OUT / 'top_entities.png'} and {OUT / 'cooccurrence.png'}")


if __name__ == "__main__":
    main()
