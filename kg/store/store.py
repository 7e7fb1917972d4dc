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

from kg.errors import InputError
from kg.extraction import AUTO
from kg.files import replace_atomically
from kg.rdf.namespace import DEFAULT_BASE
from kg.reading import read_report
from kg.reading.inputs import STDIN
from kg.resolution import (
    DEFAULT,
    Decisions,
    Identities,
    Identity,
    Merge,
    read_decisions,
    resolve_records,
)
from kg.store.index import (
    GRAPHS,
    Entry,
    drop_entry,
    load_index,
    manifest,
    save_entries,
)
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
        for path, entry in zip(paths, run_all(read_one, tasks, jobs=self.jobs,
                                              total=len(tasks), progress=self.progress,
                                              label="reading", known=frozenset(self.entries)),
                               strict=True):
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
            self._replace(ox.NamedNode(graph_name(self.base, key)), None)
            drop_entry(self.path, key)
        changes.rewritten = self._resolve(named)
        return changes

    def identities(self, names: set[str] | None = None) -> Identities:
        """Who is who across the store's reports (only the people of these names, if given:
        the resolver decides each name apart)."""
        found = [r for key in sorted(self.entries) for r in self.entries[key].records
                 if names is None or r.name in names]
        return resolve_records(found, self.resolver, self.decisions)

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
        """How many statements the reports make together (each once): counted in the store,
        about a second for five million."""
        answer = self.graphs.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
        assert isinstance(answer, ox.QuerySolutions)
        count = next(answer)["n"]
        assert isinstance(count, ox.Literal)
        return int(count.value)

    def _resolve(self, names: set[str] | None = None) -> int:
        """Decide again who is who (for the people of ``names`` only, if given: no other
        can change), write again the reports whose people the resolver now sees otherwise,
        and save."""
        if names is not None:  # and the people of any report not written yet
            names |= {r.name for e in self.entries.values() if not e.people for r in e.records}
        identities = self.identities(names)
        merges = {(m.report, m.person): m for i in identities.people for m in i.evidence}
        tasks = []
        for key in sorted(self.entries):
            entry = self.entries[key]
            if names is not None and entry.people and \
                    not any(r.name in names for r in entry.records):
                continue
            people = _people(entry, identities, merges)
            seen = {p: _mark(i) for (_, p), i in people.items()}
            if seen != entry.people:
                tasks.append(GraphTask(key, people, self.path, self.base))
                entry.people = seen
        graph_of = {key: ox.NamedNode(graph_name(self.base, key)) for key in self.entries}
        changing = self.path / CHANGING
        changing.touch()
        batch: list[bytes] = []
        for key, data in run_all(graph_one, tasks, jobs=self.jobs, total=len(tasks),
                                 progress=self.progress, label="writing"):
            if self.graphs.contains_named_graph(graph_of[key]):
                self._replace(graph_of[key], data)  # written before: what it alone held goes
                continue
            batch.append(data)
            if len(batch) == _BATCH:
                self.graphs.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS)
                batch.clear()
        if batch:
            self.graphs.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS)
        self.graphs.flush()
        save_entries(self.path, (self.entries[task.key] for task in tasks))
        changing.unlink()
        return len(tasks)

    def _replace(self, graph: ox.NamedNode, data: bytes | None) -> None:
        """Make a report's named graph hold these statements (none: take it out), changing
        only what differs, and keep the default graph the union of the named graphs: a
        statement leaves it when no report's graph holds it any more."""
        old = _lines(self.graphs, graph)
        new: set[bytes] = set()
        if data is not None:  # in the store's own writing (its integers, its language tags)
            written = ox.Store()
            written.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            new = _lines(written, graph)
        for t in _triples(old - new):
            self.graphs.remove(_quad(t, graph))
            if not any(isinstance(q.graph_name, ox.NamedNode) for q in
                       self.graphs.quads_for_pattern(t.subject, t.predicate, t.object)):
                self.graphs.remove(_quad(t, ox.DefaultGraph()))
        self.graphs.extend(_quad(t, g) for t in _triples(new - old)
                           for g in (graph, ox.DefaultGraph()))

    def _reconcile(self) -> None:
        """Make the statements agree with the index after an interrupted change: graphs of
        reports it does not hold are taken out, reports with no graph written again."""
        graphs = {g.value for g in self.graphs.named_graphs() if isinstance(g, ox.NamedNode)}
        wanted = {graph_name(self.base, key): key for key in self.entries}
        for stray in graphs - wanted.keys():
            self._replace(ox.NamedNode(stray), None)
        for name in wanted.keys() - graphs:
            self.entries[wanted[name]].people = {}
        if (self.path / CHANGING).exists():  # the union may be part old, part new, and
            self.graphs.update(_REMAKE)     # some graphs newer than their entries say
            self._resolve()
        elif wanted.keys() - graphs:
            self._resolve()


_REMAKE = "CLEAR DEFAULT; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
CHANGING = "changing"  # there while a change is under way
_BATCH = 32  # new reports whose statements are loaded at once
DECISIONS = "decisions.txt"  # the user's decisions the store follows


def _lines(store: ox.Store, graph: ox.NamedNode) -> set[bytes]:
    """A graph's statements as N-Triples lines (compared as bytes: far quicker than terms)."""
    written = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    assert written is not None  # no output given: the bytes
    return set(written.split(b"\n")) - {b""}


def _triples(lines: set[bytes]) -> list[ox.Triple]:
    return list(ox.parse(b"\n".join(sorted(lines)), format=ox.RdfFormat.N_TRIPLES)) \
        if lines else []


def _quad(triple: ox.Triple, graph: ox.NamedNode | ox.DefaultGraph) -> ox.Quad:
    return ox.Quad(triple.subject, triple.predicate, triple.object, graph)


def _people(entry: Entry, identities: Identities,
            merges: dict[tuple[str, str], Merge]) -> dict[tuple[str, str], Identity]:
    """The identity of each of a report's people, with only this report's records and
    evidence (what its statements need)."""
    people = {}
    for record in entry.records:
        if record.ref not in identities:  # a name the resolver was not asked about again
            key, _, reason = entry.people[record.person].partition("|")
            merge = (Merge(*record.ref, reason),) if reason else ()
            people[record.ref] = Identity(key, record.name, (record.ref,), merge)
            continue
        identity = identities[record.ref]
        merge = (merges[record.ref],) if record.ref in merges else ()
        people[record.ref] = Identity(identity.key, identity.name, (record.ref,), merge)
    return people


def _mark(identity: Identity) -> str:
    """What of an identity a report's statements show: the key, and why it was joined."""
    reasons = "; ".join(m.reason for m in identity.evidence)
    return f"{identity.key}|{reasons}" if reasons else identity.key
