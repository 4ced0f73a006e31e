"""Read a corrections file: TOML, every key checked, every entry with its line.

``tomllib`` gives the values but not where they are written, and a report must say
"line 12"; so the text is also scanned for its table headers and keys (the plain TOML
that ``docs/corrections.md`` shows and the review page writes). Each ``[[action]]``
table is matched to its header line in order; the entries are then applied in the order
they are written, whatever their kind.

>>> c = parse_text('[plan]\\nunits = "mm"\\n\\n[[room]]\\nat = [1200, 800]\\nname = "Bedroom 1"\\n',
...                "plan.dxf.corrections.toml")
>>> c.units, [(e.action, e.line, e.values["name"]) for e in c.entries]
('mm', [('room', 4, 'Bedroom 1')])
"""

from __future__ import annotations

import difflib
import math
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from floorplan.errors import CorrectionsError
from floorplan.model import SCHEMES, Use
from floorplan.units import UNIT_NAMES, normalise_unit

OUTSIDE = "outside"
BEDROOM_TYPES = ("single", "double", "principal")
#: room properties a [[room]] or [[add]] table may set
ROOM_KEYS = ("name", "use", "dwelling", "level", "wheelchair", "bedroom_type", "bedspaces")
PLAN_KEYS = ("units", "scheme", "tenants", "wheelchair", "north", "name")
TOP_KEYS = ("version", "drawing")
#: widths and heights are metres; a value above these is almost surely millimetres
MAX_WIDTH_M = 5.0
MAX_HEIGHT_M = 20.0


@dataclass(frozen=True)
class Entry:
    """One correction as written: its kind, its checked values and where it is.

    Points are kept as written, in the drawing's own coordinates and units.
    """

    action: str
    values: dict[str, Any]
    file: str
    line: int | None = None
    #: the line of each key, where the scan found it
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)

    def where(self, key: str | None = None) -> int | None:
        return self.key_lines.get(key, self.line) if key else self.line


@dataclass(frozen=True)
class Corrections:
    """A whole corrections file: plan-level values and the entries in file order."""

    file: str
    plan: dict[str, Any] = field(default_factory=dict)
    entries: tuple[Entry, ...] = ()
    plan_line: int | None = None
    plan_lines: dict[str, int] = field(default_factory=dict, compare=False)
    drawing: str | None = None
    text: str = ""

    @property
    def units(self) -> str | None:
        return self.plan.get("units")

    def __bool__(self) -> bool:
        return bool(self.plan or self.entries)


# --------------------------------------------------------------------------- values


class _Bad(ValueError):
    """A value that is not what its key takes (the message says what it takes)."""


def _num(v: Any, what: str = "a number") -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
        raise _Bad(f"must be {what}, not {v!r}")
    return float(v)


def _point(v: Any) -> tuple[float, float]:
    if not isinstance(v, list) or len(v) != 2:
        raise _Bad(f"must be a point [x, y] in the drawing's own coordinates, not {v!r}")
    return _num(v[0], "a point [x, y] of numbers"), _num(v[1], "a point [x, y] of numbers")


def _points(least: int) -> Callable[[Any], tuple[tuple[float, float], ...]]:
    def check(v: Any) -> tuple[tuple[float, float], ...]:
        if not isinstance(v, list) or len(v) < least or not all(isinstance(p, list) for p in v):
            raise _Bad(f"must be a list of at least {least} points [[x, y], ...], not {v!r}")
        return tuple(_point(p) for p in v)
    return check


def _text(v: Any) -> str:
    if not isinstance(v, str):
        raise _Bad(f"must be text in quotes, not {v!r}")
    return v


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise _Bad(f"must be true or false, not {v!r}")
    return v


def _whole(least: int) -> Callable[[Any], int]:
    def check(v: Any) -> int:
        if isinstance(v, bool) or not isinstance(v, int) or v < least:
            raise _Bad(f"must be a whole number of at least {least}, not {v!r}")
        return v
    return check


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def check(v: Any) -> str:
        if not isinstance(v, str) or v not in options:
            raise _Bad(f"must be one of {', '.join(options)}, not {v!r}{near(v, options)}")
        return v
    return check


def _use(v: Any) -> str:
    return _choice(tuple(u.value for u in Use))(v)


def _units(v: Any) -> str:
    try:
        return normalise_unit(_text(v))
    except ValueError:
        raise _Bad(f"must be one of {', '.join(UNIT_NAMES)}, not {v!r}{near(v, UNIT_NAMES)}") from None


def _length(limit: float, what: str) -> Callable[[Any], float]:
    def check(v: Any) -> float:
        x = _num(v, f"a {what} in metres")
        if x <= 0:
            raise _Bad(f"must be a {what} in metres above 0, not {v!r}")
        if x > limit:
            raise _Bad(f"{v!r} m is no {what}: {what}s are in metres (0.9, not 900)")
        return x
    return check


def _heights(v: Any) -> tuple[tuple[float, float, float], ...]:
    bad = _Bad(f"must be a list of at least 2 points with their heights [[x, y, h], ...], not {v!r}")
    if not isinstance(v, list) or len(v) < 2:
        raise bad
    out = []
    for p in v:
        if not isinstance(p, list) or len(p) != 3:
            raise bad
        x, y = _point(p[:2])
        out.append((x, y, _length(MAX_HEIGHT_M, "height")(p[2])))
    return tuple(out)


def _between(v: Any) -> tuple[tuple[float, float], tuple[float, float] | str]:
    if not isinstance(v, list) or len(v) != 2:
        raise _Bad(f'must be two points, one in each room: [[x, y], [x, y]] (or [[x, y], "outside"]), not {v!r}')
    b = v[1]
    return _point(v[0]), (OUTSIDE if b == OUTSIDE else _point(b))


def _dwelling(v: Any) -> str | None:
    return _text(v).strip() or None  # "" takes the room out of every dwelling


_ROOM_FIELDS: dict[str, Callable[[Any], Any]] = {
    "name": _text, "use": _use, "dwelling": _dwelling, "level": _num, "wheelchair": _bool,
    "bedroom_type": _choice(BEDROOM_TYPES), "bedspaces": _whole(1),
}
_AT: dict[str, Callable[[Any], Any]] = {"at": _point, "at_level": _num, "note": _text}

#: action -> (its keys and their checks, keys it must have, "at least one of" keys)
SCHEMA: dict[str, tuple[dict[str, Callable[[Any], Any]], tuple[str, ...], tuple[str, ...]]] = {
    "room": ({**_AT, **_ROOM_FIELDS}, ("at",), ROOM_KEYS),
    "delete": (dict(_AT), ("at",), ()),
    "merge": ({"at": _points(2), "at_level": _num, "note": _text, "name": _text, "use": _use},
              ("at",), ()),
    "split": ({**_AT, "line": _points(2)}, ("at", "line"), ()),
    "add": ({"outline": _points(3), "id": _text, "note": _text, "ceiling_height":
             _length(MAX_HEIGHT_M, "height"), **_ROOM_FIELDS}, ("outline",), ()),
    "ceiling": ({**_AT, "height": _length(MAX_HEIGHT_M, "height"), "heights": _heights,
                 "outline": _points(3)}, ("at",), ("height", "heights")),
    "door": ({"at": _point, "at_level": _num, "between": _between,
              "width": _length(MAX_WIDTH_M, "width"), "remove": _bool, "note": _text},
             (), ("at", "between")),
}
PLAN_FIELDS: dict[str, Callable[[Any], Any]] = {
    "units": _units, "scheme": _choice(SCHEMES), "tenants": _whole(0), "wheelchair": _bool,
    "north": _num, "name": _text,
}
ACTIONS = tuple(SCHEMA)


def near(word: Any, choices) -> str:
    """"; did you mean 'x'?" for the closest of ``choices``, or nothing."""
    found = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.5)
    return f"; did you mean '{found[0]}'?" if found else ""


# --------------------------------------------------------------------------- where things are

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_-]+)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@dataclass
class _Block:
    name: str | None
    array: bool
    line: int
    keys: dict[str, int]


def scan_tables(text: str) -> list[_Block]:
    """Table headers and their keys' lines; the first block holds the top-level keys."""
    blocks = [_Block(None, False, 0, {})]
    for n, raw in enumerate(text.splitlines(), 1):
        h = _HEADER.match(raw)
        if h:
            blocks.append(_Block(h.group(2), h.group(1) == "[[", n, {}))
            continue
        k = _KEY.match(raw)
        if k:
            blocks[-1].keys.setdefault(k.group(1), n)
    return blocks


def _key_near(text: str, line: int | None, problem: str) -> tuple[str, int] | None:
    """The key a TOML syntax error is about, and its line: the key on the reported line,
    or for something left open ("Unclosed array"), the key before it, where it was opened."""
    if line is None:
        return None
    lines = text.splitlines()
    start = line - 1 if problem.lower().startswith("unclosed") else line
    for n in range(min(start, len(lines)), 0, -1):
        k = _KEY.match(lines[n - 1])
        if k:
            return k.group(1), n
        if n < start or _HEADER.match(lines[n - 1]):
            break
    return None


# --------------------------------------------------------------------------- the file


def load(path: str | os.PathLike) -> Corrections:
    """Read and check the corrections file at ``path``."""
    name = str(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        raise CorrectionsError(name, "no such corrections file") from None
    except OSError as exc:
        raise CorrectionsError(name, f"cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CorrectionsError(name, "not UTF-8 text", line) from None
    return parse_text(text, name)


def parse_text(text: str, file: str) -> Corrections:
    """Check a corrections file's text; raise :class:`CorrectionsError` naming the line and key."""
    text = text.removeprefix("\ufeff")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", msg)
        line = int(m.group(1)) if m else None
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg) if m else msg
        found = _key_near(text, line, problem)
        if found is not None:
            line = found[1]
        near_key = f" at '{found[0]}'" if found else ""
        raise CorrectionsError(file, f"not valid TOML{near_key}: {problem}", line,
                               found[0] if found else None) from None
    blocks = scan_tables(text)
    top = blocks[0].keys
    for key in data:
        if key in ACTIONS or key in TOP_KEYS or key == "plan":
            continue
        where = top.get(key) or next((b.line for b in blocks if b.name == key), None)
        raise CorrectionsError(file, f"unknown {'key' if key in top else 'table'} '{key}'"
                               f"{near(key, ACTIONS + TOP_KEYS + ('plan',))}", where, key)
    if "version" in data and data["version"] != 1:
        raise CorrectionsError(file, f"version {data['version']!r}: this floorplan reads version 1",
                               top.get("version"), "version")
    drawing = data.get("drawing")
    if drawing is not None and not isinstance(drawing, str):
        raise CorrectionsError(file, "must be the drawing's file name in quotes",
                               top.get("drawing"), "drawing")
    plan, plan_line, plan_lines = _plan(file, data.get("plan"), blocks)
    entries: list[Entry] = []
    for action in ACTIONS:
        if action not in data:
            continue
        tables = data[action]
        mine = [b for b in blocks if b.name == action and b.array]
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            where = next((b.line for b in blocks if b.name == action), top.get(action))
            raise CorrectionsError(file, f"write each {action} correction as its own [[{action}]] table",
                                   where, action)
        if len(mine) != len(tables):  # written in a way the scan cannot follow: no lines
            mine = [_Block(action, True, 0, {}) for _ in tables]
        for table, block in zip(tables, mine, strict=True):
            entries.append(_entry(file, action, table, block))
    entries.sort(key=lambda e: (e.line is None, e.line or 0))
    return Corrections(file, plan, tuple(entries), plan_line, plan_lines, drawing, text)


def _plan(file: str, table: Any, blocks: list[_Block]) -> tuple[dict, int | None, dict[str, int]]:
    if table is None:
        return {}, None, {}
    block = next((b for b in blocks if b.name == "plan" and not b.array), None)
    line = block.line if block else None
    lines = block.keys if block else {}
    if not isinstance(table, dict):
        raise CorrectionsError(file, "write the plan's values in one [plan] table", line, "plan")
    out = {}
    for key, value in table.items():
        where = lines.get(key, line)
        check = PLAN_FIELDS.get(key)
        if check is None:
            raise CorrectionsError(file, f"[plan]: unknown key '{key}'{near(key, PLAN_FIELDS)}",
                                   where, key)
        try:
            out[key] = check(value)
        except _Bad as exc:
            raise CorrectionsError(file, f"[plan]: '{key}' {exc}", where, key) from None
    return out, line, dict(lines)


def _entry(file: str, action: str, table: dict, block: _Block) -> Entry:
    fields, required, one_of = SCHEMA[action]
    line = block.line or None
    values: dict[str, Any] = {}
    for key, value in table.items():
        where = block.keys.get(key, line)
        check = fields.get(key)
        if check is None:
            raise CorrectionsError(file, f"[[{action}]]: unknown key '{key}'{near(key, fields)}",
                                   where, key)
        try:
            values[key] = check(value)
        except _Bad as exc:
            raise CorrectionsError(file, f"[[{action}]]: '{key}' {exc}", where, key) from None
    for key in required:
        if key not in values:
            raise CorrectionsError(file, f"[[{action}]]: '{key}' is missing{_HINT.get((action, key), '')}",
                                   line, key)
    if one_of and not any(k in values for k in one_of):
        raise CorrectionsError(file, f"[[{action}]]: says nothing to change: give "
                               + " or ".join(f"'{k}'" for k in one_of), line)
    if action == "ceiling" and "height" in values and "heights" in values:
        raise CorrectionsError(file, "[[ceiling]]: give 'height' (flat) or 'heights' (sloped), "
                               "not both", block.keys.get("heights", line), "heights")
    if action == "door":
        b = values.get("between")
        if not values.get("remove") and b is not None and b[1] == OUTSIDE and "at" not in values:
            raise CorrectionsError(file, "[[door]]: a door to outside needs 'at', a point in "
                                   "the opening", line, "at")
        if values.get("remove") and "width" in values:
            raise CorrectionsError(file, "[[door]]: a door being removed takes no 'width'",
                                   block.keys.get("width", line), "width")
    return Entry(action, values, file, line, dict(block.keys))


_HINT = {
    ("room", "at"): " (a point inside the room, in the drawing's own coordinates)",
    ("delete", "at"): " (a point inside the room that is not a room)",
    ("merge", "at"): " (a point inside each room to merge: [[x, y], [x, y]])",
    ("split", "at"): " (a point inside the room to split)",
    ("split", "line"): " (the line to split along: [[x, y], [x, y]])",
    ("add", "outline"): " (the room's corners: [[x, y], [x, y], [x, y], ...])",
    ("ceiling", "at"): " (a point inside the room)",
}
