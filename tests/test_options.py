"""Options are defined once, in the Rust core: the Python layer's defaults, choices, kind codes
and documentation agree with the core's tables, and the core checks every value."""

from __future__ import annotations

import importlib
import inspect
import re
from typing import Any

import numpy as np
import pytest

import tidings
from tidings import _core
from tidings.errors import InputError, InputTypeError

# The option tables and the public callables documenting them.
DOCUMENTED = {
    "dedup": [tidings.dedup],
    "dedup_index": [tidings.DedupIndex],
    "repeated_paragraphs": [tidings.repeated_paragraphs],
    "tag": [tidings.tag],
}


@pytest.mark.parametrize("group", sorted(DOCUMENTED))
def test_python_defaults_and_docs_come_from_the_core(group: str) -> None:
    specs = _core.option_specs(group)
    assert specs and all(spec["description"].endswith(".") for spec in specs)
    for function in DOCUMENTED[group]:
        parameters = inspect.signature(function).parameters
        doc = inspect.getdoc(function) or ""
        for spec in specs:
            name, default = spec["name"], spec["default"]
            assert parameters[name].default == default, (function, name)
            documented = "optional" if default is None else f"default {default!r}"
            assert re.search(rf"^{name} : [^\n]*{re.escape(documented)}$", doc, re.M), (function, name)


def test_specs_describe_kinds_and_ranges() -> None:
    by_name = {spec["name"]: spec for spec in _core.option_specs("dedup")}
    assert by_name["sample"]["kind"] == "int"
    assert (by_name["sample"]["minimum"], by_name["sample"]["maximum"]) == (1, 64)
    assert by_name["threshold"]["open_minimum"] and by_name["containment"]["nullable"]
    assert by_name["keep"]["choices"] == ["first", "longest", "earliest"]
    labels = {spec["name"]: spec for spec in _core.option_specs("tag")}["labels"]
    assert labels["choices"] == list(importlib.import_module("tidings.tag").LABELS) and labels["aliases"]["GPE"] == "LOC"
    with pytest.raises(InputError, match="no option table"):
        _core.option_specs("nothing")


def test_resolve_options_fills_defaults_and_checks_values() -> None:
    assert _core.resolve_options("dedup") == {
        "threshold": 0.8, "containment": 0.6, "ngram": 5, "sample": 4, "keep": "first"
    }
    resolved = _core.resolve_options("dedup", {"threshold": 1, "sample": np.int64(8), "containment": None})
    assert resolved["threshold"] == 1.0 and isinstance(resolved["threshold"], float)
    assert (resolved["sample"], resolved["containment"]) == (8, None)
    assert _core.resolve_options("tag", {"labels": "gpe"})["labels"] == ["LOC"]
    bad: list[tuple[str, dict[str, Any], type[Exception], str]] = [
        ("dedup", {"threshold": True}, InputError, "threshold must be a number in (0, 1], got True"),
        ("dedup", {"ngram": 0}, InputError, "ngram must be an integer from 1 to 32, got 0"),
        ("dedup", {"keep": "last"}, InputError, "keep: unknown choice"),
        ("dedup", {"bands": 3}, InputTypeError, "unknown option 'bands'"),
        ("tag", {"canonical": 1}, InputTypeError, "canonical must be True or False, got 1"),
        ("tag", {"labels": 7}, InputTypeError, "labels must be a list of entity labels"),
        ("repeated_paragraphs", {"min_docs": 0}, InputError, "min_docs must be a positive integer"),
    ]
    for group, options, error, message in bad:
        with pytest.raises(error, match=re.escape(message)):
            _core.resolve_options(group, options)


def test_kind_codes_come_from_the_core() -> None:
    assert importlib.import_module("tidings.dedup").KINDS == tuple(_core.DEDUP_KINDS) == (
        "unique", "exact", "near", "contained", "empty")
    with pytest.raises(InputTypeError, match="unknown option"):
        _core.DedupIndex(threshold=0.8, bands=4)
