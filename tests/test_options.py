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


def test_cleaning_options_come_from_the_core() -> None:
    cleaning = importlib.import_module("tidings.cleaning")
    specs = _core.option_specs("clean")
    assert cleaning.DEFAULTS == {spec["name"]: spec["default"] for spec in specs}
    assert len(specs) == 23 and all(spec["description"].endswith(".") for spec in specs)
    # clean_many documents every option with its default.
    doc = " ".join((inspect.getdoc(tidings.clean_many) or "").split())
    for spec in specs:
        name, default = spec["name"], spec["default"]
        forms = (f"{name} : bool, default {default!r}", f"``{name}`` ({default!r}", f"``{name}``, {default!r},")
        assert any(form in doc for form in forms), name
    resolved = _core.resolve_options("clean", {"min_wrapped_fraction": 1, "max_wrap_width": np.int64(90)})
    assert resolved["min_wrapped_fraction"] == 1.0 and isinstance(resolved["min_wrapped_fraction"], float)
    assert resolved["max_wrap_width"] == 90 and resolved["use_templates"] is True
    bad: list[tuple[dict[str, Any], type[Exception], str]] = [
        ({"template_min_docs": 1}, InputError, "template_min_docs must be an integer of at least 2, got 1"),
        ({"min_wrap_width": 0}, InputError, "min_wrap_width must be a positive integer, got 0"),
        ({"good_min_stopword_density": 1.5}, InputError, "good_min_stopword_density must be a number in [0, 1]"),
        ({"fold_quotes": "yes"}, InputTypeError, "fold_quotes must be True or False, got 'yes'"),
        ({"unwrap": True}, InputTypeError, "unknown cleaning option 'unwrap'"),
    ]
    for options, error, message in bad:
        with pytest.raises(error, match=re.escape(message)):
            tidings.clean("A page.", **options)
    # The one rule across options is checked by the core when cleaning.
    with pytest.raises(InputError, match="min_wrap_width must be at most max_wrap_width"):
        tidings.clean("A page.", min_wrap_width=140)
