"""Digests and slugs: stable, ASCII, the same for the same content."""

from __future__ import annotations

from kg.ids import digest, slug


def test_digest_is_stable_and_separates_parts() -> None:
    assert digest("a", "b") == digest("a", "b")
    assert digest("a", "b") != digest("ab")
    assert len(digest("x", size=12)) == 12 and digest("x").isalnum()


def test_slug() -> None:
    assert slug("Zheng Rongsheng") == "zheng-rongsheng"
    assert slug("  Lin'an Shi!! ") == "lin-an-shi"
    assert slug("王") == ""
