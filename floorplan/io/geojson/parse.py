"""A GeoJSON plan's text parsed as JSON: constants and lone surrogates refused or replaced,
every failure one :class:`~floorplan.errors.PlanReadError` naming the file."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from floorplan.errors import PlanReadError
from floorplan.io.limits import MAX_PLAN_BYTES
from floorplan.io.paths import check_input


def load(path: str | os.PathLike) -> Any:
    """The parsed JSON of the plan file at ``path``."""
    source = str(path)
    st = check_input(path, folder_ok=False)  # a FIFO would block forever
    if st.st_size > MAX_PLAN_BYTES:
        raise PlanReadError(source, f"is {st.st_size / 2**20:.0f} MiB, over the "
                            f"{MAX_PLAN_BYTES / 2**20:.0f} MiB a plan may be")
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlanReadError(source, "no such file") from None
    except UnicodeDecodeError as exc:
        raise PlanReadError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise PlanReadError(source, exc.strerror or str(exc)) from None
    return parse(text, source)


def parse(text: str, source: str) -> Any:
    """``text`` parsed as JSON (``source`` names it in errors)."""
    if not text.strip():
        raise PlanReadError(source, "the file is empty")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        raise PlanReadError(source, f"not valid JSON: {exc}") from None
    except RecursionError:
        raise PlanReadError(source, "JSON nested too deeply to read (thousands of levels; "
                            "a plan needs five)") from None
    if _SURROGATE_ESCAPE.search(text):  # "\ud800" escapes decode to lone surrogates
        data = _without_surrogates(data)
    return data


#: a JSON escape of a UTF-16 surrogate: the only way a lone surrogate gets into parsed JSON
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (keys too) replaced by U+FFFD,
    so that no output fails to encode (pairs were joined by the JSON parser already)."""
    if isinstance(value, str):
        if any("\ud800" <= c <= "\udfff" for c in value):
            return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
        return value
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")

