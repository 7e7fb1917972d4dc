"""Reading a report's file: UTF-8 text, or one clear line saying why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.reading import read_report


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", " \r\n\t\u3000\n".encode(), "is empty"),
        ("nul.txt", "杭州\x00".encode(), "looks binary"),
        ("gbk.txt", "杭州市总工会主席".encode("gb18030"), "is not UTF-8 text (byte 0)"),
        ("latin1.txt", "杭州 ".encode() + "é".encode("latin-1"),
         "is not UTF-8 text (byte 7)"),
    ],
)
def test_read_report_refuses(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_report(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_read_report_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_report(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_report(tmp_path)


def test_read_report_text(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\n第二行\r\n".encode())
    assert read_report(path) == "第一行\n第二行\n"  # universal newlines, as Path.read_text
