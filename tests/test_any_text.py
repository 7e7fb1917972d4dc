"""Whatever characters a report holds, every export reads back to the same statements, in
rdflib and in pyoxigraph, every offset's anchor is the file's text there, and the graph
conforms (invented reports with arbitrary Unicode woven into them: controls, line and
paragraph separators, astral characters, direction marks, markup)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.pipeline import build
from kg.rdf.export import EXPORTERS, NOT_XML
from kg.rdf.validate import validate

READERS = {"turtle": ("turtle", ox.RdfFormat.TURTLE), "nt": ("nt", ox.RdfFormat.N_TRIPLES),
           "nquads": ("nquads", ox.RdfFormat.N_QUADS), "trig": ("trig", ox.RdfFormat.TRIG),
           "json-ld": ("json-ld", ox.RdfFormat.JSON_LD), "xml": ("xml", ox.RdfFormat.RDF_XML)}
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# any character but lone surrogates (a file cannot hold them), with the troublesome ones
# drawn often
NOISE = st.lists(st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from("\x00\x01\x0b\x0c\x1c\x7f\x85\u2028\u2029\u200b\u200e\u202e\u2066\ufeff"
                    "\ufffe\U0001f600\U00020000<>&\"'\\{}`"),
    st.sampled_from(["<p>", "</p>", "<b>", "</script>", "&amp;", "<!--", "-->", "\r\n",
                     "\n\n"])), max_size=8).map("".join)


def report_text(noise: list[str]) -> str:
    """An invented report with ``noise`` woven into its headline, byline, a post, a name's
    surroundings and a quotation."""
    a, b, c, d, e, f = noise
    return (f"杭州召开推进会{a}\n\n本报讯 2015年3月2日 记者王五{b}报道 杭州市副市长齐一民{c}"
            f"出席会议并讲话。{d}他说：“要抓好{e}落实。”{f}\n")


Triple = tuple[str, str, str, str, str]


def _rdflib(path: Path, fmt: str) -> set[Triple]:
    dataset = rdflib.Dataset()
    dataset.parse(path, format=fmt)
    return {(str(s), str(p), str(o), (getattr(o, "language", None) or "").lower(),
             str(getattr(o, "datatype", None) or (XSD_STRING if isinstance(o, rdflib.Literal)
                                                   else "")))
            for s, p, o, _ in dataset.quads((None, None, None, None))}


def _pyoxigraph(path: Path, fmt: ox.RdfFormat) -> set[Triple]:
    found = set()
    for quad in ox.parse(path=path, format=fmt):
        o = quad.object
        literal = isinstance(o, ox.Literal)
        found.add((quad.subject.value, quad.predicate.value, o.value,
                   (o.language or "") if literal else "",  # type: ignore[union-attr]
                   o.datatype.value if literal and not o.language else ""))  # type: ignore[union-attr]
    return found


@settings(max_examples=12, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NOISE, min_size=6, max_size=6))
def test_any_text_reads_back_in_every_format_and_conforms(noise: list[str]) -> None:
    text = report_text(noise)
    fit_for_xml = not re.search(f"[{NOT_XML}]", text)
    formats = [f for f in READERS if f != "xml" or fit_for_xml]
    with tempfile.TemporaryDirectory() as folder:
        report, out = Path(folder) / "report.txt", Path(folder) / "out"
        report.write_text(text, "utf-8", newline="")
        build([report], out, formats=formats)
        reference = _rdflib(out / "graph.nt", "nt")
        for fmt in formats:
            file = out / f"graph.{EXPORTERS[fmt].extension}"
            parser, kind = READERS[fmt]
            assert _rdflib(file, parser) == reference, fmt
            assert _pyoxigraph(file, kind) == {t[:4] + (t[4] if not t[3] else "",)
                                               for t in reference}, fmt
        as_read = report.read_text("utf-8")  # line ends as Python reads them, as kg does
        graph = rdflib.Graph().parse(out / "graph.ttl")
        for phrase in graph.subjects(rdflib.RDF.type, rdflib.URIRef(NIF + "Phrase")):
            begin = int(str(graph.value(phrase, rdflib.URIRef(NIF + "beginIndex"))))
            end = int(str(graph.value(phrase, rdflib.URIRef(NIF + "endIndex"))))
            assert str(graph.value(phrase, rdflib.URIRef(NIF + "anchorOf"))) == \
                as_read[begin:end]
        assert validate(graph).conforms
