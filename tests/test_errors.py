"""One tree of errors, each with a one-line docstring."""

from __future__ import annotations

import inspect

import kg.errors
from kg.errors import KGError


def test_every_error_is_a_kg_error_with_a_one_line_docstring() -> None:
    classes = [c for _, c in inspect.getmembers(kg.errors, inspect.isclass)
               if c.__module__ == "kg.errors"]
    assert len(classes) > 5
    for cls in classes:
        assert issubclass(cls, KGError)
        assert cls.__doc__ and "\n" not in cls.__doc__.strip(), cls
