"""The ontology with a built graph in the tools of the OWL world: the OWL API's OWL 2 DL
profile check (what Protégé checks), HermiT (Protégé's default reasoner) and an OWL RL
closure: in the profile, consistent, no class that cannot have members.

The Java tools come from Debian (libowlapi-java, a Java runtime; the test session installs
them where it may, as on CI) and owlready2 (HermiT); where they are missing the checks skip
and say why."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import owlrl
import pytest
import rdflib
from owlrl.Namespaces import ERRNS

from kg.extraction import read_text
from kg.rdf.graph import build_graph
from kg.resources import package_file

ROOT = Path(__file__).resolve().parents[2]
JARS = Path("/usr/share/java")  # where Debian puts the OWL API and what it needs
CHECK = Path(__file__).with_name("owl") / "ProfileCheck.java"


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    """The ontology (terms and titles) with the graph of the bundled report and of an
    invented dated one (the dates are of datatypes OWL's map does not have)."""
    reports = [read_text((ROOT / "data" / "transcript.txt").read_text("utf-8"), name="a.txt"),
               read_text((ROOT / "tests" / "fixtures" / "jiangsu.txt").read_text("utf-8"),
                         name="b.txt", date="2016-03")]
    graph = build_graph(reports)
    for name in ("kg.ttl", "titles.ttl"):
        graph.parse(data=package_file("ontology", name).read_text("utf-8"), format="turtle")
    return graph


@pytest.fixture(scope="module")
def document(graph: rdflib.Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("owl") / "all.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    return path


def test_it_is_in_the_owl_2_dl_profile(document: Path) -> None:
    if not shutil.which("java") or not (JARS / "owlapi-distribution.jar").exists():
        pytest.skip("needs Java and Debian's libowlapi-java")
    classpath = ":".join(str(jar) for jar in sorted(JARS.glob("*.jar")))
    done = subprocess.run(["java", "-cp", classpath, str(CHECK), str(document)],
                          capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.splitlines()[-1] == "violations: 0", done.stdout[:3000]


def test_hermit_finds_it_consistent_and_every_class_satisfiable(document: Path) -> None:
    if not shutil.which("java"):
        pytest.skip("HermiT needs Java")
    owlready2 = pytest.importorskip("owlready2")
    world = owlready2.World()
    ontology = world.get_ontology(document.as_uri()).load()
    with ontology:  # raises OwlReadyInconsistentOntologyError if inconsistent
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []


def test_an_owl_rl_closure_finds_no_inconsistency(graph: rdflib.Graph) -> None:
    closed = rdflib.Graph()
    closed += graph
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closed)
    errors = [str(m) for s in closed.subjects(rdflib.RDF.type, ERRNS.ErrorMessage)
              for m in closed.objects(s, ERRNS.error)]
    assert errors == []
    assert len(closed) > len(graph)  # it reasoned
