"""What a resolver is given: each report's evidence on each of its people."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.extraction import read_text
from kg.resolution import records, resolve

RAW = ("标题\n\n温州学习组——\n\n大标题\n\n本报讯 记者张三一报道 昨天开展讨论。"
       "龙湾区总工会主席王小虎表示,要干实事。王小虎说,很好。\n")


def test_records_carry_the_evidence() -> None:
    report = read_text(RAW, name="a.txt")
    found = {r.name: r for r in records([report])}
    wang = found["王小虎"]
    assert (wang.report, wang.person) == (report.key, "p1")
    assert wang.year is None
    assert wang.sections == ("温州学习组",)
    assert wang.organisations == ("温州市龙湾区总工会",)
    assert wang.places == ("330303",)
    assert [(p.org, p.title) for p in wang.posts] == [("温州市龙湾区总工会", "主席")]
    assert len(wang.mentions) == 2
    assert found["张三一"].posts == ()
    # where the report is: its posts' places and the places they lie in, for every record
    assert found["张三一"].around == wang.around == ("330000", "330300", "330303")


def test_resolve_by_a_named_resolver() -> None:
    report = read_text(RAW)
    identities = resolve([report, report])
    assert len(identities.people) == 2
    with pytest.raises(KGError, match="no resolver named 'nope'; the resolvers are: by-name"):
        resolve([report], "nope")
