"""The tooltips of the view's nodes and edges: plain text, one fact a line.

A person's tooltip gives their posts, their groups, their career (each post with the dates
of the first and last reports it was read in), the sentence they were first read in and what
they said; an organisation's its parent, the places it serves and who holds posts in it;
a place's its division code and the place it is in; a group's its number of members and its
reporters. Each starts with the label and the kind (with pinyin) and ends with the IRI.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping

import rdflib
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from kg.chinese import FULL_STOPS, any_width
from kg.rdf.namespace import DCTERMS, ITSRDF, NIF, ORG, PROV, SCHEMA
from kg.view.kinds import Entity, Tie, node_names
from kg.view.terms import integer, literals, pick_label, sorted_terms, term_id

__all__ = ["edge_tooltip", "node_tooltips"]

_MAX_QUOTES = 3
_QUOTE_CHARS = 60
_MAX_HOLDERS = 12
_SENTENCE_END = re.compile(f"[{re.escape(any_width(FULL_STOPS))}]")
_CONTEXT_CHARS = 50  # either side of a mention, when its sentence is longer

_Ends = list[tuple[str, str, list[str]]]  # (edge kind, the node at the other end, labels)


def node_tooltips(graph: rdflib.Graph, nodes: Mapping[str, Entity],
                  edges: Mapping[tuple[str, str, str], Tie],
                  group_kind: str = "") -> dict[str, str]:
    """Each node's tooltip.

    Args:
        graph: The RDF graph the nodes were read from (for sentences, quotations, codes).
        nodes: The nodes by key.
        edges: The edges by (source, target, key).
        group_kind: What a group is called (学习组); blank for the neutral name.

    Returns:
        The tooltip of each node, lines joined with ``\\n``.
    """
    out: dict[str, _Ends] = defaultdict(list)
    into: dict[str, _Ends] = defaultdict(list)
    for (source, target, _), tie in sorted(edges.items()):
        out[source].append((tie.kind, target, tie.labels))
        into[target].append((tie.kind, source, tie.labels))
    names = node_names(group_kind)
    sentences = _first_sentences(graph, nodes)
    tips = {}
    for key, node in nodes.items():
        lines = [node.label, names[node.kind] + (f" · {node.pinyin}" if node.pinyin else "")]
        label = {k: nodes[k].label for _, k, _ in out[key] + into[key]}
        if node.kind == "person":
            lines += _person(out[key], label, names["group"])
            lines += _timeline(graph, node.term)
            if key in sentences:
                lines.append(f"原文：{sentences[key]}")
            lines += _quotations(graph, node.term)
        elif node.kind == "organisation":
            lines += _organisation(out[key], into[key], label)
        elif node.kind == "place":
            codes = sorted(str(c) for c in literals(graph, node.term, SKOS.notation))
            if codes:
                lines.append(f"区划代码：{'、'.join(codes)}")
            lines += [f"属于：{label[t]}" for k, t, _ in out[key] if k == "within"]
        else:
            lines += _group(into[key], label)
        lines.append(key)
        tips[key] = "\n".join(lines)
    return tips


def edge_tooltip(source: str, target: str, name: str, label: str, evidence: list[str]) -> str:
    """An edge's tooltip: its ends' labels, its kind's name and label, the text it was read from.

    Args:
        source: The label of the node the edge starts from.
        target: The label of the node it goes to.
        name: The name of the edge's kind (任职).
        label: The edge's label (the title), or blank.
        evidence: The texts it was read from.
    """
    lines = [f"{source} → {target}", name + (f"：{label}" if label else "")]
    lines += [f"原文：{text}" for text in sorted(set(evidence))]
    return "\n".join(lines)


def _person(out: _Ends, label: Mapping[str, str], group: str) -> list[str]:
    posts: dict[str, list[str]] = defaultdict(list)
    for kind, target, labels in out:
        if kind == "post":
            posts[label[target]].extend(labels)
    lines = [f"职务：{org}{'、'.join(sorted(set(posts[org])))}" for org in sorted(posts)]
    lines += [f"{group}：{label[target]}（{'、'.join(labels)}）"
              for kind, target, labels in out if kind in ("attendance", "authored")]
    return lines


def _timeline(graph: rdflib.Graph, person: Node) -> list[str]:
    """A career: each post with the dates of the first and last reports it was read in
    (posts read in no dated report are left out; none at all, no line)."""
    rows = []
    for post in graph.objects(person, ORG.holds):
        days = sorted(str(day) for phrase in graph.objects(post, PROV.wasDerivedFrom)
                      for context in graph.objects(phrase, NIF.referenceContext)
                      for report in graph.subjects(PROV.wasDerivedFrom, context)
                      for day in graph.objects(report, DCTERMS.date))
        if days:
            when = days[0] if days[0] == days[-1] else f"{days[0]} – {days[-1]}"
            rows.append((days[0], days[-1], when, pick_label(graph, post, SKOS.prefLabel)))
    return [f"履历：{when} {post}" for _, _, when, post in sorted(rows)]


def _organisation(out: _Ends, into: _Ends, label: Mapping[str, str]) -> list[str]:
    lines = []
    for kind, target, _ in out:
        if kind in ("suborganisation", "area"):
            prefix = "上级" if kind == "suborganisation" else "服务地区"
            lines.append(f"{prefix}：{label[target]}")
    held: dict[str, list[str]] = {}
    for kind, source, labels in into:
        if kind == "post":
            held.setdefault(label[source], []).extend(labels)
    holders = [f"{who}（{'、'.join(sorted(set(titles)))}）" if titles else who
               for who, titles in held.items()]
    if holders:
        more = f" 等 {len(holders)} 人" if len(holders) > _MAX_HOLDERS else ""
        lines.append(f"任职：{'、'.join(holders[:_MAX_HOLDERS])}{more}")
    return lines


def _group(into: _Ends, label: Mapping[str, str]) -> list[str]:
    lines = []
    members = [s for k, s, _ in into if k == "attendance"]
    if members:
        lines.append(f"成员：{len(members)} 人")
    writers = [f"{label[s]}（{'、'.join(labels)}）" for k, s, labels in into if k == "authored"]
    if writers:
        lines.append(f"报道：{'、'.join(writers)}")
    return lines


def _quotations(graph: rdflib.Graph, person: Node) -> list[str]:
    texts: list[str] = []
    for quote in sorted_terms(graph.subjects(SCHEMA.author, person)):
        if (quote, RDF.type, SCHEMA.Quotation) not in graph:
            continue
        text = " ".join(pick_label(graph, quote, SCHEMA.text, fallback=False).split())
        if text:
            if len(text) > _QUOTE_CHARS:
                text = text[: _QUOTE_CHARS - 1] + "…"
            texts.append(f"“{text}”")
    return texts[:_MAX_QUOTES]


def _first_sentences(graph: rdflib.Graph, nodes: Mapping[str, Entity]) -> dict[str, str]:
    """The sentence around each person's first mention (``itsrdf:taIdentRef``)."""
    first: dict[str, tuple[int, int, Node]] = {}
    for phrase, person in graph.subject_objects(ITSRDF.taIdentRef):
        key = term_id(person)
        if key not in nodes or nodes[key].kind != "person":
            continue
        begin = integer(graph, phrase, NIF.beginIndex)
        end = integer(graph, phrase, NIF.endIndex)
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
            text = next((str(s) for s in literals(graph, context, NIF.isString)), "")
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
