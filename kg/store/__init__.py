"""Stores: reports kept in an on-disk pyoxigraph store, each its own named graph, that grows
as reports are added and resolves who is who across all of them (:class:`ReportStore`)."""

from __future__ import annotations

from kg.store.store import Changes, ReportStore
from kg.store.work import Bar, Progress, jobs_default

__all__ = ["Bar", "Changes", "Progress", "ReportStore", "jobs_default"]
