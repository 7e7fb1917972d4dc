"""A graph that grows: reports added and taken out again, each in a named graph of its own
in an on-disk pyoxigraph store, with who is who resolved across all of them.

A report is known by the digest of its text: adding it again changes nothing. After every
change the resolver decides again, from what each report says of its people (kept in the
store's index), and the reports whose people it now sees otherwise are written again; the
result does not depend on the order the reports came in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.defaults import STDIN
from kg.errors import InputError
from kg.extraction import AUTO
from kg.files import replace_atomically
from kg.rdf.graph import Triple, reason_triples
from kg.rdf.io import default_size
from kg.rdf.namespace import DEFAULT_BASE
from kg.reading import read_report
from kg.resolution import (
    DEFAULT,
    Decisions,
    Identities,
    Identity,
    Merge,
    PersonRecord,
    read_decisions,
    records,
    resolve_records,
)
from kg.store.index import (
    Entry,
    drop_entry,
    load_index,
    load_report,
    manifest,
    save_entries,
)
from kg.store.layout import GRAPHS
from kg.store.terms import Lines
from kg.store.work import (
    GraphTask,
    Progress,
    ReadTask,
    graph_name,
    graph_one,
    quiet,
    read_one,
    run_all,
)


@dataclass(slots=True)
class Changes:
    """What a change to the store did."""

    added: list[str] = field(default_factory=list)  # file names
    already: list[str] = field(default_factory=list)  # file names of reports it held
    removed: list[str] = field(default_factory=list)
    rewritten: int = 0  # reports whose statements were written (again)
    warnings: list[str] = field(default_factory=list)  # "REPORT: why it may fall short"


class ReportStore:
    """The reports of a store directory, their statements and who is who across them."""

    def __init__(self, path: Path, *, base: str = DEFAULT_BASE, resolver: str = DEFAULT,
                 decisions: Decisions | None = None, jobs: int = 1,
                 progress: Progress = quiet) -> None:
        manifest(path, base)
        self.path, self.base, self.resolver = path, base, resolver
        kept = path / DECISIONS
        self.decisions = decisions if decisions is not None else \
            read_decisions(kept) if kept.is_file() else Decisions()
        self.jobs, self.progress = jobs, progress
        self.entries = load_index(path)
        try:
            self.graphs = ox.Store(str(path / GRAPHS))
        except OSError as error:  # another kg has it open, or it is damaged
            raise InputError(f"{path}: the store cannot be opened ({error})") from error
        self._reconcile()

    def add(self, paths: Sequence[Path], *, genre: str = AUTO, date: str | None = None,
            encoding: str | None = None) -> Changes:
        """Read the reports not in the store yet, and resolve who is who again."""
        tasks = [ReadTask(p, read_report(p, encoding) if str(p) == STDIN else None, genre,
                          date, encoding, self.path) for p in paths]
        changes = Changes()
        named: set[str] = set()  # the names of the people the new reports name
        for path, (entry, doubts) in zip(paths, run_all(
                read_one, tasks, jobs=self.jobs, total=len(tasks), progress=self.progress,
                label="reading", known=frozenset(self.entries)), strict=True):
            changes.warnings += (f"{path.name}: {why}" for why in doubts)
            if entry is None or entry.key in self.entries:
                changes.already.append(path.name)
            else:
                self.entries[entry.key] = entry
                changes.added.append(entry.name)
                named.update(r.name for r in entry.records)
        if changes.added:
            changes.rewritten = self._resolve(named)
        return changes

    def keep_decisions(self, file: Path) -> int:
        """Follow the user's decisions in ``file`` from now on (the store keeps a copy), and
        decide who is who again; how many reports were written again.

        Raises:
            InputError: the file cannot be read or is not a decisions file.
        """
        self.decisions = read_decisions(file)
        text = file.read_text("utf-8")
        replace_atomically(self.path / DECISIONS, lambda name: Path(name).write_text(text,
                                                                                     "utf-8"))
        return self._resolve()

    def remove(self, names: Sequence[str]) -> Changes:
        """Take out the reports of these file names or keys, and resolve again.

        Raises:
            InputError: the store holds no report of one of the names.
        """
        keys = []
        for name in names:
            found = [k for k, e in self.entries.items() if name == k or e.name == Path(name).name]
            if not found:
                raise InputError(f"{self.path}: holds no report {name!r}; "
                                 "kg reports --store DIR lists them")
            keys += found
        changes = Changes()
        named: set[str] = set()  # the names of the people they named
        for key in dict.fromkeys(keys):
            entry = self.entries.pop(key)
            changes.removed.append(entry.name)
            named.update(r.name for r in entry.records)
            self._drop(ox.NamedNode(graph_name(self.base, key)))
            drop_entry(self.path, key)
        changes.rewritten = self._resolve(named)
        return changes

    def identities(self, names: set[str] | None = None) -> Identities:
        """Who is who across the store's reports (only the people of these names, if given:
        the resolver decides each name apart)."""
        found = [r for key in sorted(self.entries) for r in self.entries[key].records
                 if names is None or r.name in names]
        return resolve_records(found, self.resolver, self.decisions)

    def records_of(self, name: str) -> list[PersonRecord]:
        """Every record of ``name`` in full (posts, mentions and sections too), from the
        reports as read."""
        return [r for entry in self if any(r.name == name for r in entry.records)
                for r in records([load_report(self.path, entry.key)]) if r.name == name]

    def people(self) -> int:
        """How many people the reports name, as the resolver last decided."""
        return len({mark.split("|", 1)[0] for e in self.entries.values()
                    for mark in e.people.values()})

    def __iter__(self) -> Iterator[Entry]:
        """The entries, by report key."""
        return iter(self.entries[key] for key in sorted(self.entries))

    def __len__(self) -> int:
        return len(self.entries)

    def statements(self) -> int:
        """How many statements the reports make together (each once)."""
        return default_size(self.graphs)

    def _resolve(self, names: set[str] | None = None) -> int:
        """Decide again who is who (for the people of ``names`` only, if given: no other
        can change), write again the reports whose people the resolver now sees otherwise,
        and save."""
        if names is not None:  # and the people of any report not written yet
            names |= {r.name for e in self.entries.values() if not e.people for r in e.records}
        identities = self.identities(names)
        merges = {(m.report, m.person): m for i in identities.people for m in i.evidence}
        tasks = []
        reasons: list[tuple[str, bytes, bytes]] = []  # reports whose reasons alone changed
        written = {g.value for g in self.graphs.named_graphs() if isinstance(g, ox.NamedNode)}
        for key in sorted(self.entries):
            entry = self.entries[key]
            if names is not None and entry.people and \
                    not any(r.name in names for r in entry.records):
                continue
            seen = _marks(entry, identities, merges)
            if seen == entry.people:
                continue
            people = _people(entry, identities, merges)
            before = _written(entry) if entry.people and \
                graph_name(self.base, key) in written else None
            if before is not None and _same_people(entry.people, seen):
                reasons.append(_reasons_changed(entry, seen, before, people, self.base))
            else:
                tasks.append(GraphTask(key, people, self.path, self.base, before))
            entry.people = seen
        changing = self.path / CHANGING
        changing.touch()
        for key, gone, new in reasons:
            self._change(ox.NamedNode(graph_name(self.base, key)), _triples(gone),
                         _triples(new))
        batch: list[bytes] = []
        for done in run_all(graph_one, tasks, jobs=self.jobs, total=len(tasks),
                            progress=self.progress, label="writing"):
            if done.whole is None:  # written before: only what changed
                self._change(ox.NamedNode(graph_name(self.base, done.key)),
                             _triples(done.gone), _triples(done.new))
                continue
            batch.append(done.whole)
            if len(batch) == _BATCH:
                self._load(batch)
        self._load(batch)
        # no flush: the changes are in the store's write-ahead log, which the next opening
        # reads (a flush waited seconds on a store of 1,000 reports)
        save_entries(self.path, (self.entries[key] for key in
                                 [*(task.key for task in tasks), *(r[0] for r in reasons)]))
        changing.unlink()
        return len(tasks) + len(reasons)

    def _load(self, batch: list[bytes]) -> None:
        """Load new reports' statements (N-Quads lines kg wrote, its IRIs each checked
        already: the loader need not check them again), and empty the batch."""
        if batch:
            self.graphs.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS, lenient=True)
            batch.clear()

    def _drop(self, graph: ox.NamedNode) -> None:
        """Take out a report's named graph, and what only it held from the default graph."""
        data = self.graphs.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        assert data is not None  # no output given: the bytes
        self._change(graph, _triples(data), [])

    def _change(self, graph: ox.NamedNode, gone: list[ox.Triple],
                new: list[ox.Triple]) -> None:
        """Take these statements out of a report's named graph and put these in, keeping
        the default graph the union of the named graphs: a statement leaves it when no
        report's graph holds it any more."""
        for t in gone:
            self.graphs.remove(_quad(t, graph))
            if not any(isinstance(q.graph_name, ox.NamedNode) for q in
                       self.graphs.quads_for_pattern(t.subject, t.predicate, t.object)):
                self.graphs.remove(_quad(t, ox.DefaultGraph()))
        self.graphs.extend(_quad(t, g) for t in new for g in (graph, ox.DefaultGraph()))

    def _reconcile(self) -> None:
        """Make the statements agree with the index after an interrupted change: graphs of
        reports it does not hold are taken out, reports with no graph written again."""
        graphs = {g.value for g in self.graphs.named_graphs() if isinstance(g, ox.NamedNode)}
        wanted = {graph_name(self.base, key): key for key in self.entries}
        for stray in graphs - wanted.keys():
            self._drop(ox.NamedNode(stray))
        for name in wanted.keys() - graphs:
            self.entries[wanted[name]].people = {}
        if (self.path / CHANGING).exists():  # the union may be part old, part new, and
            self.graphs.update(_REMAKE)     # some graphs newer than their entries say
            self._resolve()
        elif wanted.keys() - graphs:
            self._resolve()


_REMAKE = "CLEAR DEFAULT; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
CHANGING = "changing"  # there while a change is under way
_BATCH = 8  # new reports loaded at once (pyoxigraph's bulk loader holds them all in memory)
DECISIONS = "decisions.txt"  # the user's decisions the store follows


def _triples(lines: bytes) -> list[ox.Triple]:
    return list(ox.parse(lines, format=ox.RdfFormat.N_TRIPLES)) if lines else []


def _quad(triple: ox.Triple, graph: ox.NamedNode | ox.DefaultGraph) -> ox.Quad:
    return ox.Quad(triple.subject, triple.predicate, triple.object, graph)


def _people(entry: Entry, identities: Identities,
            merges: dict[tuple[str, str], Merge]) -> dict[tuple[str, str], Identity]:
    """The identity of each of a report's people, with only this report's records and
    evidence (what its statements need)."""
    people = {}
    for record in entry.records:
        if record.ref not in identities:  # a name the resolver was not asked about again
            people[record.ref] = _identity(record, entry.people[record.person])
            continue
        identity = identities[record.ref]
        merge = (merges[record.ref],) if record.ref in merges else ()
        people[record.ref] = Identity(identity.key, identity.name, (record.ref,), merge)
    return people


def _marks(entry: Entry, identities: Identities,
           merges: dict[tuple[str, str], Merge]) -> dict[str, str]:
    """The mark of each of a report's people: what of the identity :func:`_people` gives
    them its statements show, the key and why it was joined (``key|reason``, or the key
    alone), read without making the identities (most reports stay as they were written)."""
    marks = {}
    for record in entry.records:
        if record.ref not in identities:
            marks[record.person] = entry.people[record.person]
            continue
        key = identities[record.ref].key
        merge = merges.get(record.ref)
        marks[record.person] = f"{key}|{merge.reason}" if merge and merge.reason else key
    return marks


def _written(entry: Entry) -> dict[tuple[str, str], Identity]:
    """The identity of each of a report's people as its statements were last written."""
    return {r.ref: _identity(r, entry.people[r.person]) for r in entry.records}


def _same_people(then: dict[str, str], now: dict[str, str]) -> bool:
    """Whether two marks of a report's people name the same people (their reasons may
    differ)."""
    return then.keys() == now.keys() and all(
        then[p].partition("|")[0] == now[p].partition("|")[0] for p in then)


def _reasons_changed(entry: Entry, seen: dict[str, str],
                     before: dict[tuple[str, str], Identity],
                     now: dict[tuple[str, str], Identity], base: str) -> tuple[str, bytes, bytes]:
    """A report whose people are the same but joined for other reasons: the statements
    of the reasons it no longer gives and of those it gives now (the rest is unchanged, so
    the report need not be written again)."""
    gone: list[Triple] = []
    new: list[Triple] = []
    for record in entry.records:
        if entry.people[record.person] != seen[record.person]:
            gone += reason_triples(entry.key, record.person, before[record.ref], base=base)
            new += reason_triples(entry.key, record.person, now[record.ref], base=base)
    lines = Lines()
    return entry.key, lines.lines(gone), lines.lines(new)


def _identity(record: PersonRecord, mark: str) -> Identity:
    """A record's identity as its mark (:func:`_marks`) tells it."""
    key, _, reason = mark.partition("|")
    return Identity(key, record.name, (record.ref,),
                    (Merge(*record.ref, reason),) if reason else ())
