"""Reading a report's file: its text in whatever encoding it shows, or one clear line why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.reading import read_report
from kg.reading.decode import decode

SENTENCE = "浙江省总工会召开学习会议，杭州市总工会主席张三出席。"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", " \r\n\t\u3000\n".encode(), "is empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x80", "looks binary"),
        ("latin1.txt", "杭州 ".encode() + "é".encode("latin-1"),
         "is not UTF-8 text (byte 7) and its encoding cannot be told"),
        ("noise.txt", b"\x81\x30\xff\xff\xfe", "--encoding"),
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
    assert read_report(path).text == "第一行\n第二行\n"  # universal newlines, as Path.read_text


@pytest.mark.parametrize(
    "data",
    [
        SENTENCE.encode("gb18030"),
        SENTENCE.encode("gbk"),
        SENTENCE.encode("utf-8-sig"),
        SENTENCE.encode("utf-16"),  # with its byte-order mark
        SENTENCE.encode("utf-16-be").join([b"\xfe\xff", b""]),
        SENTENCE.encode("utf-32"),
    ],
    ids=["gb18030", "gbk", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom"],
)
def test_decode_finds_the_encoding(data: bytes) -> None:
    assert decode(data, "x") == SENTENCE


def test_decode_big5_of_traditional_text() -> None:
    text = "臨安市總工會主席楊大為出席會議。"
    assert decode(text.encode("big5"), "x") == text


def test_decode_named_encoding_wins() -> None:
    data = SENTENCE.encode("gb18030")
    assert decode(data, "x", "gb18030") == SENTENCE
    with pytest.raises(InputError, match="is not utf-8 text .*--encoding"):
        decode(data, "x", "utf-8")
    with pytest.raises(InputError, match="is not no-such-codec text"):
        decode(data, "x", "no-such-codec")


def test_decode_newlines() -> None:
    text = f"{SENTENCE}\r\n{SENTENCE}\r{SENTENCE}\n"
    assert decode(text.encode("gb18030"), "x") == f"{SENTENCE}\n{SENTENCE}\n{SENTENCE}\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(encoding: str) -> None:
    text = "2015年3月2日，杭州市总工会主席张三出席。\n"
    assert decode(text.encode(encoding), "x") == text


def test_a_file_larger_than_any_report_is_refused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.reading.decode.MOST_BYTES", 2**20)
    big = tmp_path / "big.txt"
    big.write_text("杭州市副市长齐一民出席会议。" * 30_000, "utf-8")  # 1.2 MiB
    with pytest.raises(InputError, match="is larger than 1 MiB, more than any report"):
        read_report(big)
    big.write_text("杭州市副市长齐一民出席会议。" * 20_000, "utf-8")  # 0.8 MiB: read
    assert read_report(big).text.startswith("杭州市")


@pytest.mark.parametrize("noise", ["\x00", "0\x000\x000", "\x00\x00"])
def test_utf8_with_stray_nul_characters_is_read_as_utf8(noise: str) -> None:
    text = f"杭州召开推进会\n\n杭州市副市长齐一民出席会议。{noise}\n"
    assert decode(text.encode("utf-8"), "x") == text
