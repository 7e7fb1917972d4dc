"""Stores: reports kept in an on-disk pyoxigraph store, each its own named graph, that grows
as reports are added and resolves who is who across all of them (:class:`ReportStore`)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.store.store import Changes, ReportStore
    from kg.store.work import Bar, Progress, jobs_default

__all__ = ["Bar", "Changes", "Progress", "ReportStore", "jobs_default"]

#: Where each name this package offers is defined: imported when first asked for, so that
#: reading a store (kg.store.read: a query, an export) does not load what writes one.
_HOMES = {"Changes": "store", "ReportStore": "store", "Bar": "work", "Progress": "work",
          "jobs_default": "work"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
