"""Where a name or a title stands: each rule on small invented examples."""

from __future__ import annotations

import pytest

from kg.extraction.names import name_at, title_at


@pytest.mark.parametrize(("text", "expected"), [
    ("王小明表示,", "王小明"),
    ("朱红认为,", "朱红"),  # 认为 is a surer boundary than 为
    ("应雄也交流了", "应雄"),  # a name does not end in 也
    ("戴英等认为", "戴英"),
    ("李四、", "李四"),
    ("欧阳春兰表示", "欧阳春兰"),  # a two-character surname
    ("周松宽在发言时", "周松宽"),
    ("蒋基发、", "蒋基发"),  # 发 may end a name
    ("郇卓均提出", "郇卓均"),
    ("王小和,", "王小和"),  # a joining character before punctuation ends the name
    ("王小和丽水市", "王小"),  # … but joins before a name
    ("陶宇向说", "陶宇向"),  # 向 needs an object; 说 is none
    ("武健向等,", "武健向"),
    ("魏向在发言中说", "魏向"),  # no shorter reading, so 向 ends the name
    ("姜主说。", "姜主"),  # 说 follows a name rather than ends one
    ("们认为", ""),  # no surname
    ("共同认为", ""),  # a word, not a name
    ("王", ""),
])
def test_name_at(text: str, expected: str) -> None:
    assert text[: name_at(text, 0)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("常务副主席", "常务副主席"),
    ("党组副书记、", "党组副书记"),
    ("副主任王", "副主任"),
    ("总工会", None),
])
def test_title_at_takes_the_longest(text: str, expected: str | None) -> None:
    assert title_at(text, 0) == expected
