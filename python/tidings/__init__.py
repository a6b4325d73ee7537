"""tidings: clean, deduplicate and tag scraped news articles, with a Rust core.

>>> import tidings
>>> tidings.describe(["Iran’s president spoke on Monday."]).words.tolist()
[5]
"""

from __future__ import annotations

from . import _core
from . import accessors as _accessors  # noqa: F401  (registers the pandas accessors)
from . import analysis, display, io, plots
from .corpus import Corpus
from .cleaning import Cleaned, Dateline, PageTemplates, RemovedSpan, clean, clean_frame, clean_many, removed_frame
from .datasets import load_sample
from .dedup import DedupIndex, dedup, repeated_paragraphs
from .describe import describe
from .errors import (
    InputError,
    InputTypeError,
    InternalError,
    ModelError,
    TidingsError,
    TidingsIOError,
)
from .io import read_corpus
from .quotes import quotes
from .tag import LABELS, tag

__version__: str = _core.__version__
#: ``"release"`` or ``"debug"``: how the loaded Rust core was compiled (benchmarks need release).
build_profile: str = _core.BUILD_PROFILE

__all__ = [
    "__version__",
    "build_profile",
    "describe",
    "dedup",
    "DedupIndex",
    "repeated_paragraphs",
    "clean",
    "clean_many",
    "clean_frame",
    "removed_frame",
    "PageTemplates",
    "Cleaned",
    "Dateline",
    "RemovedSpan",
    "load_sample",
    "Corpus",
    "analysis",
    "display",
    "io",
    "plots",
    "read_corpus",
    "tag",
    "LABELS",
    "quotes",
    "TidingsError",
    "InputError",
    "InputTypeError",
    "ModelError",
    "TidingsIOError",
    "InternalError",
]
