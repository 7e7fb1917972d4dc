"""The knowledge graph as a networkx graph, and the parts of it worth looking at.

:func:`to_networkx` reads the patterns the README documents and returns a
:class:`networkx.MultiDiGraph` of people, organisations, places and study groups:

==========  =====================================================================
node kind   read from
==========  =====================================================================
person      ``?p a foaf:Person`` (label: ``foaf:name``)
group       ``?g a org:OrganizationalUnit`` or ``kg:StudyGroup``
organisation ``?o a org:Organization`` (label: ``skos:prefLabel``, as for the rest)
place       ``schema:AdministrativeArea``, ``kg:DevelopmentZone``, or in ``schema:containedInPlace``
==========  =====================================================================

==================  =========================  ==============================================
edge kind           direction                  label
==================  =========================  ==============================================
``post``            person → organisation      the post's title (``org:role``), one per post
``attendance``      person → group             how: 组长、发言、听取、参加, else 出席
``authored``        reporter → group           ``schema:jobTitle`` (记者), or 摄影 for photos
``suborganisation`` unit → organisation        ``org:subOrganizationOf``
``area``            organisation → place       ``schema:areaServed``
``within``          place → place              ``schema:containedInPlace``
==================  =========================  ==============================================

A reporter is the ``schema:author`` of a ``schema:NewsArticle`` that is ``schema:about`` an
event a group organised; a photographer the ``schema:creator`` of a photo in such an article.

Node attributes: ``id`` (the IRI, also the node's key), ``label`` (the ``@zh`` name),
``kind``, ``pinyin`` (the graph's ``zh-Latn-pinyin`` label, else made with pypinyin) and
``tooltip`` (plain text: posts, groups, the sentence the person was first read in, what they
said). Edge attributes: ``kind``, ``label`` and ``evidence`` (the text the post was read
from). All are strings, never None, so the graph can be written as GraphML or GEXF as it is.

The selectors :func:`around`, :func:`group_view` and :func:`place_tree` return subgraphs
(copies) and raise :class:`NodeNotFoundError` naming close matches when a name is unknown.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx
import rdflib
from pypinyin import Style, lazy_pinyin
from rdflib.namespace import FOAF, RDF, SKOS
from rdflib.term import BNode, Literal, Node, URIRef

from kg.errors import AmbiguousNameError, NodeNotFoundError
from kg.rdf.namespace import ITSRDF, KG, NIF, ORG, PROV, SCHEMA

__all__ = [
    "EDGE_KINDS",
    "NODE_KINDS",
    "AmbiguousNameError",
    "NodeNotFoundError",
    "around",
    "close_matches",
    "find_node",
    "group_members",
    "group_view",
    "place_tree",
    "search_key",
    "to_networkx",
]

NODE_KINDS = ("person", "organisation", "place", "group")
EDGE_KINDS = ("post", "attendance", "authored", "suborganisation", "area", "within")
KIND_NAMES = {"person": "人物", "organisation": "机构", "place": "地区", "group": "学习组"}

# Attendance: the sub-properties of schema:attendee, in the order their labels are joined.
ROLES = ((KG.leader, "组长"), (KG.speaker, "发言"), (KG.listener, "听取"),
         (KG.participant, "参加"))
ATTENDED = "出席"  # schema:attendee and no sub-property
WROTE = "撰稿"  # a reporter with no schema:jobTitle
PHOTOGRAPHED = "摄影"

_PINYIN_TAG = "zh-latn-pinyin"
_MAX_QUOTES = 3
_QUOTE_CHARS = 60
_MAX_HOLDERS = 12
_SENTENCE_END = re.compile(r"[。！？!?]")
_CONTEXT_CHARS = 50  # either side of a mention, when its sentence is longer




# ------------------------------------------------------------------------------ RDF → networkx


@dataclass
class _Node:
    kind: str
    label: str
    pinyin: str
    lines: list[str]


def to_networkx(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The people, organisations, places and study groups of a graph, and how they are tied.

    Args:
        graph: A graph in the shape ``kg build`` writes (see the module docstring for what
            is read; everything else is ignored).

    Returns:
        A MultiDiGraph keyed by IRI (blank nodes as ``_:id``), nodes sorted by kind, label
        and id, edges by source, target and key, so the same graph always gives the same
        order. Node and edge attributes are all strings.
    """
    reader = _Reader(graph)
    return reader.build()


class _Reader:
    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph
        self.nodes: dict[str, _Node] = {}
        self.terms: dict[str, Node] = {}
        # (source, target, key) -> (kind, labels, evidence)
        self.edges: dict[tuple[str, str, str], tuple[str, list[str], list[str]]] = {}

    # -- nodes and edges

    def add(self, term: Node, kind: str) -> str:
        key = _term_id(term)
        if key not in self.nodes:
            predicate = FOAF.name if kind == "person" else SKOS.prefLabel
            label = _pick_label(self.graph, term, predicate)
            self.nodes[key] = _Node(kind, label, self.pinyin(term, kind, label), [])
            self.terms[key] = term
        return key

    def pinyin(self, term: Node, kind: str, label: str) -> str:
        values = sorted(str(lit).strip() for lit in _literals(self.graph, term, SKOS.altLabel)
                        if (lit.language or "").lower() == _PINYIN_TAG)
        if values:
            return values[0]
        syllables = lazy_pinyin(label, style=Style.NORMAL, errors="ignore")
        if not syllables:
            return ""
        if kind == "person":  # 张五 → Zhang Wu (kg build writes the gazetteer's reading)
            return f"{syllables[0].capitalize()} {''.join(syllables[1:]).capitalize()}".strip()
        return " ".join(syllables)

    def edge(self, source: str, target: str, kind: str, key: str, label: str = "",
             evidence: str = "") -> None:
        if source == target:
            return
        _, labels, evidences = self.edges.setdefault((source, target, key), (kind, [], []))
        if label and label not in labels:
            labels.append(label)
        if evidence and evidence not in evidences:
            evidences.append(evidence)

    def build(self) -> nx.MultiDiGraph:
        graph = self.graph
        # Most specific type first: a study group is also an org:Organization.
        people = _sorted(graph.subjects(RDF.type, FOAF.Person))
        for person in people:
            self.add(person, "person")
        for group in _sorted([*graph.subjects(RDF.type, ORG.OrganizationalUnit),
                              *graph.subjects(RDF.type, KG.StudyGroup)]):
            self.add(group, "group")
        for org in _sorted(graph.subjects(RDF.type, ORG.Organization)):
            self.add(org, "organisation")
        for place in _sorted([*graph.subjects(RDF.type, SCHEMA.AdministrativeArea),
                              *graph.subjects(RDF.type, KG.DevelopmentZone),
                              *graph.subjects(SCHEMA.containedInPlace, None)]):
            self.add(place, "place")

        self.read_posts(people)
        for child, parent in _sorted_pairs(graph.subject_objects(ORG.subOrganizationOf)):
            self.edge(self.add(child, "organisation"), self.add(parent, "organisation"),
                      "suborganisation", "suborganisation")
        for org, place in _sorted_pairs(graph.subject_objects(SCHEMA.areaServed)):
            self.edge(self.add(org, "organisation"), self.add(place, "place"), "area", "area")
        for place, parent in _sorted_pairs(graph.subject_objects(SCHEMA.containedInPlace)):
            self.edge(self.add(place, "place"), self.add(parent, "place"), "within", "within")
        self.read_events()
        self.describe()

        out = nx.MultiDiGraph()
        order = sorted(self.nodes, key=lambda k: (NODE_KINDS.index(self.nodes[k].kind),
                                                  self.nodes[k].label, k))
        for key in order:
            node = self.nodes[key]
            out.add_node(key, id=key, label=node.label, kind=node.kind, pinyin=node.pinyin,
                         tooltip="\n".join(node.lines))
        for (source, target, key) in sorted(self.edges):
            kind, labels, evidences = self.edges[(source, target, key)]
            out.add_edge(source, target, key=key, kind=kind, label="、".join(labels),
                         evidence=" / ".join(evidences))
        return out

    def read_posts(self, people: list[Node]) -> None:
        graph = self.graph
        for person in people:
            pid = _term_id(person)
            for post in _sorted(graph.objects(person, ORG.holds)):
                titles = [t for t in (_pick_label(graph, role, SKOS.prefLabel, fallback=False)
                                      for role in _sorted(graph.objects(post, ORG.role))) if t]
                evidence = "、".join(sorted(
                    str(anchor) for phrase in graph.objects(post, PROV.wasDerivedFrom)
                    for anchor in _literals(graph, phrase, NIF.anchorOf)))
                for org in _sorted(graph.objects(post, ORG.postIn)):
                    oid = self.add(org, "organisation")
                    self.edge(pid, oid, "post", _term_id(post), "、".join(titles),
                              " ".join(evidence.split()))

    def read_events(self) -> None:
        graph = self.graph
        for event in _sorted(graph.subjects(RDF.type, SCHEMA.Event)):
            groups = [self.add(g, "group") for g in _sorted(graph.objects(event, SCHEMA.organizer))]
            if not groups:
                continue
            roles: dict[Node, list[str]] = {}
            for attendee in graph.objects(event, SCHEMA.attendee):
                roles.setdefault(attendee, [])
            for predicate, role in ROLES:
                for attendee in graph.objects(event, predicate):
                    roles.setdefault(attendee, []).append(role)
            authors: dict[Node, list[str]] = defaultdict(list)
            for article in _sorted(graph.subjects(SCHEMA.about, event)):
                for author in _sorted(graph.objects(article, SCHEMA.author)):
                    job = _pick_label(graph, author, SCHEMA.jobTitle, fallback=False)
                    authors[author].append(job or WROTE)
                for photo in _sorted(graph.subjects(SCHEMA.isPartOf, article)):
                    if (photo, RDF.type, SCHEMA.Photograph) in graph:
                        for creator in _sorted(graph.objects(photo, SCHEMA.creator)):
                            authors[creator].append(PHOTOGRAPHED)
            for gid in groups:
                for attendee in _sorted(roles):
                    how = [role for _, role in ROLES if role in roles[attendee]] or [ATTENDED]
                    aid = self.add(attendee, "person")
                    for role in how:
                        self.edge(aid, gid, "attendance", "attendance", role)
                for author in _sorted(authors):
                    aid = self.add(author, "person")
                    for label in authors[author]:
                        self.edge(aid, gid, "authored", "authored", label)

    # -- tooltips

    def describe(self) -> None:
        """Write each node's tooltip lines (plain text)."""
        out: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)  # node -> edges
        into: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
        for (source, target, _), (kind, labels, _) in sorted(self.edges.items()):
            out[source].append((kind, target, labels))
            into[target].append((kind, source, labels))
        sentences = self.first_sentences()
        for key, node in self.nodes.items():
            head = KIND_NAMES[node.kind] + (f" · {node.pinyin}" if node.pinyin else "")
            lines = [node.label, head]
            name = self.nodes.__getitem__
            if node.kind == "person":
                posts: dict[str, list[str]] = defaultdict(list)
                for kind, target, labels in out[key]:
                    if kind == "post":
                        posts[name(target).label].extend(labels)
                for org in sorted(posts):
                    lines.append(f"职务：{org}{'、'.join(sorted(set(posts[org])))}")
                for kind, target, labels in out[key]:
                    if kind in ("attendance", "authored"):
                        lines.append(f"学习组：{name(target).label}（{'、'.join(labels)}）")
                if key in sentences:
                    lines.append(f"原文：{sentences[key]}")
                lines.extend(self.quotations(self.terms[key]))
            elif node.kind == "organisation":
                for kind, target, _ in out[key]:
                    if kind in ("suborganisation", "area"):
                        prefix = "上级" if kind == "suborganisation" else "服务地区"
                        lines.append(f"{prefix}：{name(target).label}")
                held: dict[str, list[str]] = {}
                for kind, source, labels in into[key]:
                    if kind == "post":
                        held.setdefault(name(source).label, []).extend(labels)
                holders = [f"{who}（{'、'.join(sorted(set(titles)))}）" if titles else who
                           for who, titles in held.items()]
                if holders:
                    more = f" 等 {len(holders)} 人" if len(holders) > _MAX_HOLDERS else ""
                    lines.append(f"任职：{'、'.join(holders[:_MAX_HOLDERS])}{more}")
            elif node.kind == "place":
                term = self.terms[key]
                codes = sorted(str(c) for c in _literals(self.graph, term, SKOS.notation))
                if codes:
                    lines.append(f"区划代码：{'、'.join(codes)}")
                lines += [f"属于：{name(t).label}" for k, t, _ in out[key] if k == "within"]
            else:
                members = [s for k, s, _ in into[key] if k == "attendance"]
                if members:
                    lines.append(f"成员：{len(members)} 人")
                writers = [f"{name(s).label}（{'、'.join(labels)}）"
                           for k, s, labels in into[key] if k == "authored"]
                if writers:
                    lines.append(f"报道：{'、'.join(writers)}")
            lines.append(key)
            node.lines = lines

    def quotations(self, person: Node) -> list[str]:
        texts: list[str] = []
        for quote in _sorted(self.graph.subjects(SCHEMA.author, person)):
            if (quote, RDF.type, SCHEMA.Quotation) not in self.graph:
                continue
            text = " ".join(_pick_label(self.graph, quote, SCHEMA.text, fallback=False).split())
            if text:
                if len(text) > _QUOTE_CHARS:
                    text = text[: _QUOTE_CHARS - 1] + "…"
                texts.append(f"“{text}”")
        return texts[:_MAX_QUOTES]

    def first_sentences(self) -> dict[str, str]:
        """The sentence around each person's first mention (``itsrdf:taIdentRef``)."""
        graph = self.graph
        first: dict[str, tuple[int, int, Node]] = {}
        for phrase, person in graph.subject_objects(ITSRDF.taIdentRef):
            key = _term_id(person)
            if key not in self.nodes or self.nodes[key].kind != "person":
                continue
            begin, end = _integer(graph, phrase, NIF.beginIndex), _integer(graph, phrase,
                                                                          NIF.endIndex)
            context = graph.value(phrase, NIF.referenceContext)
            if begin is None or end is None or context is None:
                continue
            if key not in first or (begin, end, str(context)) < (first[key][0], first[key][1],
                                                                 str(first[key][2])):
                first[key] = (begin, end, context)
        texts: dict[Node, tuple[str, list[int]]] = {}  # context -> text, sentence ends
        out: dict[str, str] = {}
        for key, (begin, end, context) in first.items():
            if context not in texts:
                text = next((str(s) for s in _literals(graph, context, NIF.isString)), "")
                texts[context] = (text, [m.end() for m in _SENTENCE_END.finditer(text)])
            sentence = _sentence(*texts[context], begin, end)
            if sentence:
                out[key] = sentence
        return out


def _sentence(text: str, ends: list[int], begin: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[begin:end]``, layout breaks removed, cut short.

    ``ends`` are the offsets just after each sentence-ending mark of ``text``, in order.
    """
    if not 0 <= begin < end <= len(text):
        return ""
    before = bisect.bisect_right(ends, begin)
    start = ends[before - 1] if before else 0
    after = bisect.bisect_right(ends, end)
    stop = ends[after] if after < len(ends) else len(text)
    left, right = text[start:begin], text[end:stop]
    if len(left) > _CONTEXT_CHARS:
        left = "…" + left[-_CONTEXT_CHARS:]
    if len(right) > _CONTEXT_CHARS:
        right = right[:_CONTEXT_CHARS] + "…"
    joined = re.sub(r"\s*\n\s*", "", left + text[begin:end] + right)  # the layout's breaks
    return " ".join(joined.split())


# ------------------------------------------------------------------------------ RDF helpers


def _is_resource(term: object) -> bool:
    return isinstance(term, URIRef | BNode)


def _sort_key(term: Node) -> tuple[str, str]:
    return (type(term).__name__, str(term))


def _sorted(terms: Iterable[Node]) -> list[Node]:
    """Distinct IRIs and blank nodes (literals dropped), in a stable order."""
    return sorted({t for t in terms if _is_resource(t)}, key=_sort_key)


def _sorted_pairs(pairs: Iterable[tuple[Node, Node]]) -> list[tuple[Node, Node]]:
    kept = {(s, o) for s, o in pairs if _is_resource(s) and _is_resource(o)}
    return sorted(kept, key=lambda p: (_sort_key(p[0]), _sort_key(p[1])))


def _term_id(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _local_name(term: Node) -> str:
    text = str(term).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def _literals(graph: rdflib.Graph, subject: Node, predicate: URIRef) -> Iterator[Literal]:
    for obj in graph.objects(subject, predicate):
        if isinstance(obj, Literal) and str(obj).strip():
            yield obj


def _integer(graph: rdflib.Graph, subject: Node, predicate: URIRef) -> int | None:
    for lit in _literals(graph, subject, predicate):
        try:
            return int(str(lit))
        except ValueError:
            continue
    return None


def _pick_label(graph: rdflib.Graph, term: Node, predicate: URIRef, fallback: bool = True) -> str:
    """The ``@zh`` value of ``predicate`` (else zh-*, untagged, any), else the IRI's last part."""

    def rank(lit: Literal) -> int:
        lang = (lit.language or "").lower()
        if lang == "zh":
            return 0
        if lang.startswith("zh-") and "latn" not in lang:
            return 1
        return 2 if not lang else 3

    candidates = sorted(_literals(graph, term, predicate), key=lambda lit: (rank(lit), str(lit)))
    if candidates:
        return " ".join(str(candidates[0]).split())
    return _local_name(term) if fallback else ""


# ------------------------------------------------------------------------------ finding nodes


def search_key(text: str) -> str:
    """Fold a name for matching: case, diacritics, spaces and punctuation do not count.

    ``"Wáng Yī"``, ``"wang yi"`` and ``"WANGYI"`` give one key; ü, u:
    and v (pypinyin's spelling of ü) all become u. Chinese characters are kept as they are.
    The page's search box folds text the same way (see ``kg/view.py``).
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    folded = folded.replace("v", "u")
    return "".join(ch for ch in folded if ch.isalnum())


def find_node(graph: nx.MultiDiGraph, name: str, kinds: Iterable[str] = NODE_KINDS) -> str:
    """The node named ``name``: its IRI, its label or its pinyin, folded by :func:`search_key`.

    Args:
        graph: A graph from :func:`to_networkx`.
        name: What to look for, e.g. ``"王一"``, ``"wang yi"`` or an IRI.
        kinds: Which kinds of node may match.

    Returns:
        The node's key (its IRI).

    Raises:
        NodeNotFoundError: nothing matches; the message lists close matches.
        AmbiguousNameError: several nodes match; the message lists them with their IRIs.
    """
    wanted = set(kinds)
    if name in graph and graph.nodes[name].get("kind") in wanted:
        return name
    key = search_key(name)
    matches = [node for node, data in graph.nodes(data=True)
               if data.get("kind") in wanted and key
               and key in (search_key(data.get("label", "")), search_key(data.get("pinyin", "")))]
    if len(matches) == 1:
        return matches[0]
    what = _what(wanted)
    if matches:
        listed = "; ".join(f"{graph.nodes[m]['label']} ({graph.nodes[m]['kind']}, {m})"
                           for m in matches[:8])
        raise AmbiguousNameError(f"{len(matches)} nodes are named {name!r}: {listed}; "
                                 f"give one by its IRI")
    suggestions = close_matches(graph, name, wanted)
    every = sorted({d["label"] for _, d in graph.nodes(data=True) if d.get("kind") in wanted})
    if suggestions:
        hint = f"close matches: {', '.join(suggestions)}"
    elif every and len(every) <= 12:
        hint = f"the {_what(wanted, plural=True)} are: {', '.join(every)}"
    else:
        hint = "check the spelling, or list the names with kg query"
    raise NodeNotFoundError(f"no {what} named {name!r} in the graph; {hint}")


def close_matches(graph: nx.MultiDiGraph, name: str, kinds: Iterable[str] = NODE_KINDS,
                  limit: int = 6) -> list[str]:
    """Labels of the nodes whose name is like ``name`` (containing it, or a near spelling)."""
    wanted = set(kinds)
    key = search_key(name)
    labels: dict[str, str] = {}  # folded label or pinyin -> label
    for _, data in sorted(graph.nodes(data=True), key=lambda item: item[0]):
        if data.get("kind") in wanted:
            for text in (data.get("label", ""), data.get("pinyin", "")):
                if search_key(text):
                    labels.setdefault(search_key(text), data.get("label", ""))
    if not key:
        return sorted(set(labels.values()))[:limit]
    found: list[str] = []
    containing = sorted((k for k in labels if key in k or (len(k) >= 2 and k in key)),
                        key=lambda k: (abs(len(k) - len(key)), k))
    for folded in [*containing, *difflib.get_close_matches(key, list(labels), n=limit,
                                                           cutoff=0.7)]:
        if labels[folded] not in found:
            found.append(labels[folded])
    return found[:limit]


def _what(kinds: set[str], *, plural: bool = False) -> str:
    """How a message names these kinds of node: "person or organisation", "study groups"."""
    if kinds >= set(NODE_KINDS):
        return "nodes" if plural else "node"
    words = {"person": ("person", "people"), "organisation": ("organisation", "organisations"),
             "place": ("place", "places"), "group": ("study group", "study groups")}
    return " or ".join(words[k][plural] for k in NODE_KINDS if k in kinds)


# ------------------------------------------------------------------------------ subgraphs


def around(graph: nx.MultiDiGraph, name: str, depth: int = 2) -> nx.MultiDiGraph:
    """The nodes within ``depth`` edges of a person or organisation (direction ignored).

    Args:
        graph: A graph from :func:`to_networkx`.
        name: The person's or organisation's name, pinyin or IRI (see :func:`find_node`).
        depth: How many edges away to go (0: the node alone).

    Returns:
        A copy of the subgraph; ``graph["focus"]`` is the node asked for.

    Raises:
        NodeNotFoundError: no person or organisation has that name.
        AmbiguousNameError: several have.
        ValueError: ``depth`` is negative.
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    centre = find_node(graph, name, ("person", "organisation"))
    reach = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre,
                                                  cutoff=depth)
    return _subgraph(graph, reach, centre)


def group_members(graph: nx.MultiDiGraph, group: str) -> set[str]:
    """A group node and what it takes to place its people.

    The group, the people who attended it or wrote its report, the organisations they hold
    posts in, the organisations those belong to, the places these serve and the places those
    are in.

    Args:
        graph: A graph from :func:`to_networkx`.
        group: The group's node key.
    """
    members = {group}
    people = [s for s, _, kind in graph.in_edges(group, data="kind")
              if kind in ("attendance", "authored")]
    members.update(people)
    orgs = {t for p in people for _, t, kind in graph.out_edges(p, data="kind") if kind == "post"}
    members |= _reach(graph, orgs, ("suborganisation",), upwards=True)
    places = {t for o in members for _, t, kind in graph.out_edges(o, data="kind")
              if kind == "area"}
    members |= _reach(graph, places, ("within",), upwards=True)
    return members


def group_view(graph: nx.MultiDiGraph, group: str) -> nx.MultiDiGraph:
    """A study group: its people, their organisations and the places these serve.

    Args:
        graph: A graph from :func:`to_networkx`.
        group: The group's name (e.g. ``"杭州、湖州学习组"``), pinyin or IRI.

    Returns:
        A copy of the subgraph of :func:`group_members`; ``graph["focus"]`` is the group.

    Raises:
        NodeNotFoundError: no study group has that name; the message names the groups.
        AmbiguousNameError: several have.
    """
    node = find_node(graph, group, ("group",))
    return _subgraph(graph, group_members(graph, node), node)


def place_tree(graph: nx.MultiDiGraph, place: str) -> nx.MultiDiGraph:
    """The organisation tree of a place: its places, their organisations, units and people.

    The place, every place within it (at any depth), the organisations serving any of
    them, the units of those organisations (at any depth) and the people holding posts in
    them.

    Args:
        graph: A graph from :func:`to_networkx`.
        place: The place's name (``"杭州市"``), pinyin (``"Hangzhou Shi"``) or IRI.

    Returns:
        A copy of the subgraph; ``graph["focus"]`` is the place.

    Raises:
        NodeNotFoundError: no place has that name; the message lists close matches.
        AmbiguousNameError: several have.
    """
    node = find_node(graph, place, ("place",))
    places = _reach(graph, {node}, ("within",), upwards=False)
    served = {s for p in places for s, _, kind in graph.in_edges(p, data="kind")
              if kind == "area"}
    orgs = _reach(graph, served, ("suborganisation",), upwards=False)
    people = {s for o in orgs for s, _, kind in graph.in_edges(o, data="kind") if kind == "post"}
    return _subgraph(graph, places | orgs | people, node)


def _reach(graph: nx.MultiDiGraph, start: set[str], kinds: tuple[str, ...], *,
           upwards: bool) -> set[str]:
    """Nodes reached from ``start`` along edges of these kinds: out-edges going up (to the
    containing place or organisation), in-edges going down."""
    seen, todo = set(start), list(start)
    while todo:
        node = todo.pop()
        edges = graph.out_edges(node, data="kind") if upwards else graph.in_edges(node,
                                                                                  data="kind")
        for source, target, kind in edges:
            other = target if upwards else source
            if kind in kinds and other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _subgraph(graph: nx.MultiDiGraph, nodes: Iterable[str], focus: str) -> nx.MultiDiGraph:
    keep = set(nodes)
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    out.graph["focus"] = focus
    out.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in keep)
    out.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                       if u in keep and v in keep)
    return out
