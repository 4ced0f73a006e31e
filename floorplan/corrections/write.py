"""Write corrections as TOML text that :func:`~floorplan.corrections.parse_text` reads back.

The standard library reads TOML but does not write it; the little written here (tables of
text, numbers, booleans and points) is plain enough to write directly, and every text is
read back by the parser before it is saved.

>>> print(entry_text("room", {"at": (1200.0, 800.0), "name": 'Bed "1"'}, "R3 as read"), end="")
[[room]]
# R3 as read
at = [1200.0, 800.0]
name = "Bed \\"1\\""
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, but DEL must be escaped too)."""
    return json.dumps(str(text), ensure_ascii=False).replace("\x7f", "\\u007f")


def value(v: Any) -> str:
    """One TOML value: text, a number, true/false, or a (nested) list of them."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if not math.isfinite(v):
            raise ValueError(f"{v!r} is not a number a corrections file can hold")
        return repr(v)
    if isinstance(v, str):
        return string(v)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(value(x) for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def comment(text: str) -> str:
    """``text`` as one comment line (control characters, newlines among them, become spaces)."""
    return "# " + _CONTROL.sub(" ", text).strip()


def entry_text(action: str, values: dict[str, Any], note: str | None = None) -> str:
    """One ``[[action]]`` table, with a comment line saying what it is about."""
    lines = [f"[[{action}]]"]
    if note:
        lines.append(comment(note))
    lines += [f"{k} = {value(v)}" for k, v in values.items()]
    return "\n".join(lines) + "\n"


def plan_text(values: dict[str, Any]) -> str:
    """The ``[plan]`` table (empty text when there is nothing in it)."""
    if not values:
        return ""
    return "[plan]\n" + "".join(f"{k} = {value(v)}\n" for k, v in values.items())
