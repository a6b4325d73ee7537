"""The tidings exception hierarchy.

Every error tidings raises on purpose is a :class:`TidingsError`. The subclasses also derive
from the built-in exception an analyst would expect (``ValueError``, ``TypeError``,
``OSError``), so existing ``except ValueError`` code keeps working.
"""

from __future__ import annotations

__all__ = [
    "TidingsError",
    "InputError",
    "InputTypeError",
    "ModelError",
    "TidingsIOError",
    "InternalError",
]


class TidingsError(Exception):
    """Base class of every exception raised by tidings."""


class InputError(TidingsError, ValueError):
    """An input value or option is out of range or malformed."""


class InputTypeError(TidingsError, TypeError):
    """An input has a type tidings cannot read (for example a number where text belongs)."""


class ModelError(TidingsError):
    """A model, gazetteer, dictionary or saved index cannot be loaded or does not fit."""


class TidingsIOError(TidingsError, OSError):
    """A corpus or output file cannot be read or written."""


class InternalError(TidingsError):
    """A bug inside tidings (a caught Rust panic). Please report it with the input that caused it."""
