"""The main job: read reports, build the graph, write Turtle, JSON-LD and the view."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError, OutputError
from kg.export import EXPORTERS, Statements, serialise
from kg.extract import extract
from kg.graph import Source, build_dataset, build_graph, union
from kg.namespace import DEFAULT_BASE
from kg.view import render_view

DEFAULT_FORMATS = ("turtle", "json-ld")
VIEW = "graph.html"


@dataclass(frozen=True, slots=True)
class Summary:
    """What a build read and wrote."""

    people: int
    posts: int
    organisations: int
    places: int
    groups: int
    quotations: int
    triples: int
    files: tuple[Path, ...]


def read_report(path: Path) -> str:
    """Read a report as UTF-8 text, refusing what cannot be one.

    Raises:
        InputError: the file is missing, a directory, empty, binary or not UTF-8.
    """
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a report")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    if b"\x00" in data:
        raise InputError(f"{path}: looks binary (it has NUL bytes); give a UTF-8 text file")
    try:
        # the same universal-newline reading as Path.read_text, so offsets agree with it
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: is not UTF-8 text (byte {error.start}); convert it first, "
                         f"e.g. iconv -f GB18030 -t UTF-8 {path.name}") from error
    if not text.strip():
        raise InputError(f"{path}: is empty")
    return text


def build(paths: Sequence[Path], out_dir: Path, *, year: int | None = None,
          base: str = DEFAULT_BASE, formats: Sequence[str] = DEFAULT_FORMATS) -> Summary:
    """Read the reports and write ``graph.<ext>`` in each format, and ``graph.html``.

    Everything is made in memory first and each file is written to a temporary name and
    renamed, so a failed run leaves no half-written output.

    Args:
        paths: the reports.
        out_dir: where to write (created if missing).
        year: the year the reports were written, instead of inferring it.
        base: the base IRI of the graph's resources.
        formats: the RDF formats to write (names from :data:`kg.export.EXPORTERS`).

    Returns:
        Counts of what was read and the files written.
    """
    sources = []
    for path in paths:
        text, extraction = extract(read_report(path), year=year)
        sources.append(Source(text, extraction, path.name))
    if any(EXPORTERS[fmt].quads for fmt in formats):
        dataset = build_dataset(sources, base=base)
        statements = Statements(union(dataset, base), dataset)
    else:
        statements = Statements(build_graph(sources, base=base))
    graph = statements.graph
    contents = {f"graph.{EXPORTERS[fmt].extension}": serialise(statements, fmt)
                for fmt in dict.fromkeys(formats)}
    contents[VIEW] = render_view(graph, title=sources[0].extraction.title if sources else "kg")
    written = write_atomically(out_dir, contents)
    return _summary(graph, sources, written)


def write_atomically(out_dir: Path, contents: dict[str, str]) -> tuple[Path, ...]:
    """Write each file under a temporary name, then rename them all into place.

    All the files are written before any is renamed. If writing or renaming fails, the
    temporary files are removed and the files already renamed are put back as they were (an
    earlier build's file restored, a new one removed), so the directory keeps what it held.
    The files get the mode a plain ``open()`` would give them (``0o666 & ~umask``).

    Raises:
        OutputError: the directory cannot be made or the files cannot be written.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot create the output directory "
                          f"({error.strerror or error})") from error
    mode = 0o666 & ~_umask()
    temporary: list[tuple[Path, Path]] = []
    backups: dict[Path, Path] = {}  # an earlier build's file -> its copy, to undo a rename
    renamed: list[Path] = []
    try:
        for name, content in contents.items():
            handle, name_tmp = tempfile.mkstemp(prefix=f".{name}.", dir=out_dir)
            temporary.append((Path(name_tmp), out_dir / name))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(content)
            os.chmod(name_tmp, mode)  # mkstemp makes 0600 files
        for _, final in temporary:
            if final.exists():
                handle, copy = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".old",
                                                dir=out_dir)
                os.close(handle)
                backups[final] = Path(copy)
                shutil.copy2(final, copy)
        for tmp, final in temporary:
            os.replace(tmp, final)
            renamed.append(final)
    except OSError as error:
        for final in renamed:
            with contextlib.suppress(OSError):
                if final in backups:
                    os.replace(backups.pop(final), final)
                else:
                    final.unlink()
        for path in [tmp for tmp, _ in temporary] + list(backups.values()):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        raise OutputError(f"{out_dir}: cannot write the output ({error.strerror or error}); "
                          f"choose another directory with -o") from error
    for backup in backups.values():
        with contextlib.suppress(OSError):
            backup.unlink()
    return tuple(final for _, final in temporary)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _summary(graph: Graph, sources: list[Source], written: tuple[Path, ...]) -> Summary:
    return Summary(
        people=sum(len(s.extraction.people) for s in sources),
        posts=sum(len(p.posts) for s in sources for p in s.extraction.people),
        organisations=sum(1 for s in sources for o in s.extraction.organisations
                          if o.kind != "study_group"),
        places=sum(len(s.extraction.places) for s in sources),
        groups=sum(1 for s in sources for g in s.extraction.groups if g.name),
        quotations=sum(len(g.quotations) for s in sources for g in s.extraction.groups),
        triples=len(graph),
        files=written,
    )
