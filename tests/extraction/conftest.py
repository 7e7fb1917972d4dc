"""An invented study meeting's report, read once for the extraction tests."""

from __future__ import annotations

import pytest

from kg.extraction import extract
from kg.model import Extraction

REPORT = """会议标题

——全省工会干部学习会分组讨论实录

舟山、宁波学习组——

工会要有新作为

本报讯 记者林一 见习记者许二报道 昨天,舟山、宁波学习组开展讨论。\
省人大常委会副主任、省总工会主席韦三,\
省总工会经审会副主任、经审办主任欧阳四听取讨论发言。

普陀区总工会主席宋五表示,要服务职工。宁波海曙区总工会主席徐六、奉化市政协副主席,市总工会主席祁七认为,韦三的讲话很好。象山县政协副主席、总工会主席蔡八说:“我们要创新。”

临安市总工会主席汤九提出,要改革。杭州高新区人大常委会副主任、区总工会主席丁十表示,要落实。

余姚、慈溪、宁海等县市工会也参加了讨论。韦三、欧阳四听取分组讨论发言。记者邱明 摄
"""


@pytest.fixture(scope="session")
def meeting() -> Extraction:
    """The invented report, read."""
    return extract(REPORT)[1]
