"""kg.view.exports: the network as GraphML and GEXF, for Gephi and Cytoscape."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[2]
REPORTS = [ROOT / "data" / "transcript.txt", ROOT / "tests" / "fixtures" / "jiangsu.txt"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built")
    result = CliRunner().invoke(cli, ["build", *map(str, REPORTS), "-o", str(out),
                                      "-f", "graphml", "-f", "gexf"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_formats_for_gephi_and_cytoscape(built: Path, fmt: str) -> None:
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    network = read(built / f"graph.{fmt}")
    labels = {data.get("label") for _, data in network.nodes(data=True)}
    assert {"句容市总工会", "南京、镇江学习组"} <= labels
    assert network.number_of_edges() > 300


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_every_edge_is_labelled_and_the_iri_is_no_id(built: Path, fmt: str) -> None:
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    network = read(built / f"graph.{fmt}")
    by_kind = {data["kind"]: data["label"] for _, _, data in network.edges(data=True)}
    assert all(by_kind.values())
    assert (by_kind["area"], by_kind["within"]) == ("服务地区", "属于")
    assert all("id" not in data and data["iri"].startswith("https://")
               for _, data in network.nodes(data=True))
