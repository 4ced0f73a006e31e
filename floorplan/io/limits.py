"""Budgets that keep one hostile or broken file from taking the machine.

Each is a named constant (``docs/performance.md`` says what each allows and why); the DXF
block budget can also be set per run. A file over a budget is refused with one line
naming it and the budget, never read half-way into a wrong answer.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata

#: a plan file (or standard input) larger than this is refused (bytes)
MAX_PLAN_BYTES = 1 << 30
#: entities that expanding a DXF's block references may make, in all (a "billion laughs"
#: of blocks nested 8 deep, 10 INSERTs each, would make 10^8)
MAX_BLOCK_ENTITIES = 2_000_000
#: an IMDF zip member larger than this, uncompressed, is refused (bytes)
MAX_ZIP_MEMBER_BYTES = 256 << 20
#: ... and one that expands more than this many times its compressed size (GeoJSON packs
#: 5-20 times; a zip bomb thousands of times)
MAX_ZIP_RATIO = 200
#: a room outline with more corners than this is simplified to :data:`SIMPLIFY_M`, and
#: refused when that is not enough (a real room has tens, a curved one a few hundred)
MAX_ROOM_VERTICES = 20_000
#: an outline that crosses itself more often than this is refused, not repaired (GEOS
#: takes minutes over one of a thousand random corners; a drawing slip crosses once or twice)
MAX_CROSSINGS = 500
#: how far simplifying a room outline may move its edges (metres)
SIMPLIFY_M = 0.001
#: a room's name is cut to this many characters
MAX_NAME_CHARS = 200


def env_int(name: str, default: int) -> int:
    """An integer budget from the environment (``FLOORPLAN_MAX_BLOCK_ENTITIES=...``)."""
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


#: characters that end or space a line: they become spaces
_SPACING = re.compile(r"[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]")
#: other control characters (an ESC would reach a terminal) and the bidirectional
#: overrides that reorder what a reader sees: they are dropped
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_text(value: object, limit: int = MAX_NAME_CHARS, *, surrogates: bool = True) -> str:
    """A name or label as every output can carry it: one line of valid Unicode.

    Lone surrogates (from a broken encoding) become U+FFFD (unless ``surrogates`` is
    false: the DXF reader re-decodes them as code-page bytes later); carriage returns,
    tabs and line breaks become spaces; other control characters (an ESC) and the
    bidirectional overrides that reorder what a reader sees are dropped; runs of spaces
    become one; the result is cut to ``limit`` characters. Every reader passes names
    through this, once, when reading.

    >>> clean_text("Bed\\r\\n 2\\x1b\\ud800")
    'Bed 2\\ufffd'
    """
    text = str(value)
    if text.isascii() and text.isprintable():
        # most names: no surrogate, control or spacing character (none is printable
        # ASCII) and nothing NFC would change, so only the runs of spaces and the limit
        # apply (a tenth of the time; a plan's reader cleans every name and id)
        text = " ".join(text.split())
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    if surrogates and any("\ud800" <= c <= "\udfff" for c in text):
        text = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    text = _CONTROL.sub("", _SPACING.sub(" ", text))
    if not any("\ud800" <= c <= "\udfff" for c in text):
        text = unicodedata.normalize("NFC", text)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def finite(value: float, bound: float = 1e15) -> bool:
    """A number a drawing coordinate can be: finite and under ``bound`` in size."""
    return math.isfinite(value) and abs(value) < bound


__all__ = ["MAX_BLOCK_ENTITIES", "MAX_CROSSINGS", "MAX_NAME_CHARS", "MAX_PLAN_BYTES", "MAX_ROOM_VERTICES",
           "MAX_ZIP_MEMBER_BYTES", "MAX_ZIP_RATIO", "SIMPLIFY_M", "clean_text", "env_int",
           "finite"]
