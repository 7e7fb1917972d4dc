"""Shell completion: commands, the bundled queries' names, genres and formats."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli


def completed(words: str) -> list[str]:
    """What bash is offered for the last of ``words`` (``kg …``)."""
    cword = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    result = CliRunner().invoke(cli, [], prog_name="kg", env={
        "_KG_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": cword})
    assert result.exit_code == 0, result.output
    return [line.split(",", 1)[1] for line in result.stdout.splitlines()]


@pytest.mark.parametrize(("words", "offered"), [
    ("kg que", ["query"]),
    ("kg query grou", ["group-roster"]),
    ("kg build r.txt --genre st", ["study-meeting"]),
    ("kg export g.ttl -f graph", ["graphml"]),
])
def test_the_shell_completes(words: str, offered: list[str]) -> None:
    assert completed(words) == offered
