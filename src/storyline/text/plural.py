"""Counts in words: "1 story", "3 stories"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str = "") -> str:
    """``count`` and the noun in its number: ``plural`` when given, else the noun and "s"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
