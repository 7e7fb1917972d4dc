"""From a file's bytes to its text: a byte-order mark, UTF-8, or the encoding the bytes show.

Chinese reports come as UTF-8, GB18030 (GBK, GB2312), Big5 or UTF-16 (with a byte-order
mark or without). UTF-8 is tried first; other bytes are decoded in the encoding
charset-normalizer finds, or the one the user names. Line ends are read as Python reads
text files (universal newlines), so offsets agree with ``Path.read_text``.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from kg.errors import InputError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
#: The encodings tried for bytes that are not UTF-8 (those of Chinese text).
_CHINESE = ("gb18030", "big5", "utf_16", "utf_32")


def read_bytes(path: Path) -> bytes:
    """The bytes of a file that may be a report.

    Raises:
        InputError: the file is missing, a directory or unreadable.
    """
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a report")
    try:
        with path.open("rb") as stream:  # opened once: a named pipe is read as it comes
            data = stream.read(MOST_BYTES + 1)
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from error
    if len(data) > MOST_BYTES:
        raise InputError(f"{path}: is larger than {MOST_BYTES // 2**20} MiB, more than any "
                         "report; split it into its reports")
    return data


#: The largest report kg reads (a year of a daily paper's text is about 30 MiB).
MOST_BYTES = 64 * 2**20


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """The text of a file's bytes, line ends as universal newlines.

    Args:
        data: the bytes.
        name: the file's name, for messages.
        encoding: the encoding to use (default: the byte-order mark's, UTF-8, or the one the
            bytes show).

    Raises:
        InputError: the bytes are not text in that encoding, or in any that fits.
    """
    if encoding is None:
        encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            return _newlines(data.decode(encoding))
        except (UnicodeDecodeError, LookupError) as error:
            raise InputError(f"{name}: is not {encoding} text ({error}); name another with "
                             f"--encoding") from error
    if b"\x00" in data:
        if (text := _utf8_with_nul(data) or _utf16(data)) is not None:
            return _newlines(text)
        raise InputError(f"{name}: looks binary (it has NUL bytes and no byte-order mark); "
                         f"give a text file, or its encoding with --encoding")
    try:
        return _newlines(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        guessed = _guess(data)
        if guessed is None:
            raise InputError(f"{name}: is not UTF-8 text (byte {error.start}) and its "
                             f"encoding cannot be told; give it with --encoding, "
                             f"e.g. --encoding gb18030") from error
        return _newlines(data.decode(guessed))


def _utf8_with_nul(data: bytes) -> str | None:
    """UTF-8 text with stray NUL characters in it (a page scraped badly): it decodes as
    UTF-8, and a quarter of its bytes or fewer are NULs (UTF-16 seldom decodes as UTF-8, and
    is half NULs where it does: ASCII)."""
    if data.count(0) * 4 > len(data):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf16(data: bytes) -> str | None:
    """The text of UTF-16 bytes without a byte-order mark (Windows tools write them): the
    zero bytes of its ASCII characters (line ends, digits) stand on one side of each pair,
    and the bytes decode whole, little- or big-endian, to text with no control in it but
    line ends and tabs."""
    low, high = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 or min(low, high) * 10 > max(low, high):
        return None
    try:
        text = data.decode("utf-16-le" if high > low else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return None if any(ord(c) < 32 and c not in "\n\r\t\f" for c in text) else text


def _guess(data: bytes) -> str | None:
    """The Chinese encoding the bytes are text in, as charset-normalizer judges."""
    from charset_normalizer import from_bytes  # here: only files that are not UTF-8 need it

    best = from_bytes(data, cp_isolation=list(_CHINESE)).best()
    return best.encoding if best is not None else None


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
