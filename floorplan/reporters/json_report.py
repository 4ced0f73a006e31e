"""The JSON report (``--format json``): ``report.to_dict()`` as stable, indented JSON.

The text is exactly what ``json.dumps(value, indent=2, ensure_ascii=False)`` writes, with
non-finite floats (not JSON) as ``null``, but made faster. ``indent`` sends ``json.dumps``
to the pure-Python encoder, a generator per container and a ``yield`` per token (about
three quarters of a second at 16,000 rooms), and the non-finite floats took a second walk
over every value. Here the structure is walked once, and every container is written by
the C encoder in one call, its item separator carrying the newline and indent of its
depth: a container holding other containers is written with each of them standing in
as one mark (a string of one NUL character), and each is written at its own depth and put in
its mark's place. A string of the parent's own that the C encoder writes like the mark
would give one mark too many: the count is checked, and such a container (rare: no
plan writes NUL characters) is written item by item, as is one holding a non-finite
float, which makes the C encoder raise (``allow_nan=False``), with ``null``.
``tests/test_json_report_encoder.py`` holds the output to ``json.dumps``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from json import encoder as _json_encoder
from typing import Any

from floorplan._gc import paused_gc
from floorplan.report import DECIMALS, Report, tidy

INDENT = "  "
#: the string encoder ``json.dumps(ensure_ascii=False)`` uses (C where there is ``_json``)
_str = _json_encoder.encode_basestring
#: the C encoder's factory (None on a Python without ``_json``: then all is written here)
_make = getattr(_json_encoder, "c_make_encoder", None)
_encoders: dict[int, Callable[[Any, int], Any]] = {}


def _fail(value):
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _c_encoder(depth: int):
    """The C encoder for the items of a container at ``depth`` (None without ``_json``)."""
    enc = _encoders.get(depth)
    if enc is None and _make is not None:
        # (markers, default, encoder, indent, key_separator, item_separator, sort_keys,
        #  skipkeys, allow_nan): the C encoder ignores indent; the separator carries it
        enc = _make(None, _fail, _str, None, ": ", ",\n" + INDENT * (depth + 1),
                             False, False, False)
        _encoders[depth] = enc
    return enc


def _scalar(value) -> str:
    """One value that is not a non-empty container, as ``json.dumps`` writes it."""
    if isinstance(value, str):
        return _str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return float.__repr__(value) if math.isfinite(value) else "null"
    if isinstance(value, dict | list | tuple) and not value:
        return "{}" if isinstance(value, dict) else "[]"
    return _fail(value)


def _nested(value) -> bool:
    return isinstance(value, dict | list | tuple) and bool(value)


#: what stands in for a nested container while its parent is written by the C encoder:
#: it is written ``"\u0000"``, which the parent's text then holds once per stand-in
_MARK = "\x00"
_MARK_TEXT = '"\\u0000"'
_CONTAINERS = (dict, list, tuple)
#: the exact types of containers and of values written as they are
_CONTAINER_TYPES = frozenset(_CONTAINERS)
_PLAIN = frozenset({str, int, bool, type(None)})


def _write(value, depth: int, out: list[str], rnd: bool) -> None:
    """Append ``value`` at ``depth`` to ``out``; ``rnd``: tidied on the way
    (:func:`floorplan.report.tidy`: floats rounded, numpy scalars and subclasses plain)."""
    t = type(value)
    if t is not dict and t is not list and t is not tuple:
        if rnd:
            value = tidy(value)
            t = type(value)
        is_dict = isinstance(value, dict)
        if not (is_dict or isinstance(value, list | tuple)) or not value:
            out.append(_scalar(value))
            return
    else:
        if not value:
            out.append("{}" if t is dict else "[]")
            return
        is_dict = t is dict
    inner = "\n" + INDENT * (depth + 1)
    if not is_dict:
        # a list of strings (a room's doors, a finding's rooms: most lists in a report),
        # each string written by the C string encoder, nothing else to look at
        try:
            body = ("," + inner).join(map(_str, value))
        except TypeError:  # not all strings
            pass
        else:
            out.append("[" + inner + body + "\n" + INDENT * depth + "]")
            return
    opening, closing = ("{", "}") if is_dict else ("[", "]")
    enc = _c_encoder(depth)
    if enc is not None:
        # the container written by the C encoder in one call, each nested container
        # (written at its own depth first) standing in as the mark, then put in its place
        nested: list = []
        if is_dict:
            flat: Any = {}
            for k, v in value.items():
                tv = type(v)
                if tv is float:
                    flat[k] = round(v, DECIMALS) + 0.0 if rnd else v
                elif tv in _PLAIN:
                    flat[k] = v
                else:
                    if rnd and tv not in _CONTAINER_TYPES:
                        v = tidy(v)
                    if isinstance(v, _CONTAINERS) and v:
                        nested.append(v)
                        flat[k] = _MARK
                    else:
                        flat[k] = v
        else:
            flat = []
            for v in value:
                tv = type(v)
                if tv is float:
                    flat.append(round(v, DECIMALS) + 0.0 if rnd else v)
                elif tv in _PLAIN:
                    flat.append(v)
                else:
                    if rnd and tv not in _CONTAINER_TYPES:
                        v = tidy(v)
                    if isinstance(v, _CONTAINERS) and v:
                        nested.append(v)
                        flat.append(_MARK)
                    else:
                        flat.append(v)
        try:
            text = "".join(enc(flat, 0))
        except ValueError:  # a non-finite float: written item by item below
            pass
        else:
            pieces = text[1:-1].split(_MARK_TEXT)
            if len(pieces) == len(nested) + 1:  # else a string of the mark's own: item by item
                parts = [opening, inner, pieces[0]]
                for item, piece in zip(nested, pieces[1:], strict=True):
                    _write(item, depth + 1, parts, rnd)
                    parts.append(piece)
                parts.append("\n" + INDENT * depth + closing)
                out.append("".join(parts))
                return
    out.append(opening)
    pairs = value.items() if is_dict else ((None, item) for item in value)
    sep = inner
    for key, item in pairs:
        out.append(sep)
        sep = "," + inner
        if is_dict:
            out.append(_str(key if isinstance(key, str) else _scalar(key)) + ": ")
        if rnd:
            item = tidy(item)
        if _nested(item):
            _write(item, depth + 1, out, rnd)
        else:
            out.append(_scalar(item))
    out.append("\n" + INDENT * depth + closing)


def dumps(value, tidied: bool = False) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, non-finite floats as ``null``;
    with ``tidied``, of ``floorplan.report.tidy(value)`` (rounded as it is written, not in
    a pass of its own over every value first).

    >>> print(dumps({"a": [1, 2.5], "b": {}, "c": float("nan")}))
    {
      "a": [
        1,
        2.5
      ],
      "b": {},
      "c": null
    }
    >>> print(dumps({"a": 6.499999999999999}, tidied=True))
    {
      "a": 6.5
    }
    """
    out: list[str] = []
    _write(value, 0, out, tidied)
    return "".join(out)


def render(report: Report) -> str:
    # the report's values are hundreds of thousands of dicts, lists and floats, all
    # alive until the text is written, with no cycles among them: the collector's full
    # passes over them (and over the plan) find nothing (0.4 s at 16,000 rooms)
    with paused_gc():
        return dumps(report.to_dict(tidied=False), tidied=True) + "\n"
