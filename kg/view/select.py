"""Finding nodes by name or pinyin, and the parts of the network worth drawing alone.

:func:`find_node` looks a node up by its IRI, its label or its pinyin, folded by
:func:`search_key`. The selectors :func:`around`, :func:`group_view` and :func:`place_tree`
return subgraphs (copies, ``graph["focus"]`` the node asked for) and raise
:class:`~kg.errors.NodeNotFoundError` naming close matches when a name is unknown.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

import networkx as nx

from kg.errors import AmbiguousNameError, NodeNotFoundError
from kg.view.kinds import NODE_KINDS

__all__ = ["around", "close_matches", "find_node", "group_members", "group_view", "place_tree",
           "search_key"]


def search_key(text: str) -> str:
    """Fold a name for matching: case, diacritics, spaces and punctuation do not count.

    ``"Wáng Yī"``, ``"wang yi"`` and ``"WANGYI"`` give one key; ü, u:
    and v (pypinyin's spelling of ü) all become u. Chinese characters are kept as they are.
    The page's search box folds text the same way (``fold`` in ``templates/view.js``).
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    folded = folded.replace("v", "u")
    return "".join(ch for ch in folded if ch.isalnum())


def find_node(graph: nx.MultiDiGraph, name: str, kinds: Iterable[str] = NODE_KINDS) -> str:
    """The node named ``name``: its IRI, its label or its pinyin, folded by :func:`search_key`.

    Args:
        graph: A graph from :func:`kg.view.network.to_networkx`.
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
    """How a message names these kinds of node: "person or organisation", "groups"."""
    if kinds >= set(NODE_KINDS):
        return "nodes" if plural else "node"
    words = {"person": ("person", "people"), "organisation": ("organisation", "organisations"),
             "place": ("place", "places"), "group": ("group", "groups")}
    return " or ".join(words[k][plural] for k in NODE_KINDS if k in kinds)


# ------------------------------------------------------------------------------ subgraphs


def around(graph: nx.MultiDiGraph, name: str, depth: int = 2) -> nx.MultiDiGraph:
    """The nodes within ``depth`` edges of a person or organisation (direction ignored).

    Args:
        graph: A graph from :func:`kg.view.network.to_networkx`.
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
        graph: A graph from :func:`kg.view.network.to_networkx`.
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
    """A group (a study group, …): its people, their organisations and the places they serve.

    Args:
        graph: A graph from :func:`kg.view.network.to_networkx`.
        group: The group's name (e.g. ``"杭州、湖州学习组"``), pinyin or IRI.

    Returns:
        A copy of the subgraph of :func:`group_members`; ``graph["focus"]`` is the group.

    Raises:
        NodeNotFoundError: no group has that name; the message names the groups.
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
        graph: A graph from :func:`kg.view.network.to_networkx`.
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
