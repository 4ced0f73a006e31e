"""How corrections are put into words, and the room fields a correction may set."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from floorplan.classify import classify
from floorplan.corrections.parse import Entry
from floorplan.model import Room, Use


def set_fields(room: Room, v: dict[str, Any]) -> tuple[Room, list[str]]:
    """``room`` with the room fields of ``v`` set, and what was said about each."""
    changes: dict[str, Any] = {}
    said: list[str] = []
    props = dict(room.properties or {})
    if "name" in v:
        changes["name"] = v["name"]
        said.append(f"named {v['name']!r}")
        if "use" not in v and (not room.use_given or room.use is Use.OTHER):
            use = classify(v["name"]) or Use.OTHER
            changes["use"], changes["use_given"] = use, False
            said.append(f"use {use.value} (from the name)")
    if "use" in v:
        changes["use"], changes["use_given"] = Use(v["use"]), True
        said.append(f"use {v['use']}")
    if "dwelling" in v:
        changes["dwelling"] = v["dwelling"]
        said.append(f"dwelling {v['dwelling']}" if v["dwelling"] else "in no dwelling")
    if "level" in v:
        changes["level"] = v["level"]
        said.append(f"level {num(v['level'])}")
    if "wheelchair" in v:
        changes["wheelchair"] = v["wheelchair"]
        said.append("for a wheelchair user" if v["wheelchair"] else "not for a wheelchair user")
    for key, text in (("bedroom_type", "bedroom type"), ("bedspaces", "bedspaces")):
        if key in v:
            props[key] = v[key]
            said.append(f"{text} {v[key]}")
    if props != (room.properties or {}):
        changes["properties"] = props
    if ("name" in v or "use" in v) and room.confidence != "high":
        # the assessor who names a room takes it as a room: the reader's doubt is answered
        changes["confidence"], changes["confidence_reason"] = "high", ""
        said.append(f"confirmed as a room (the reader had it at {room.confidence} confidence)")
    return replace(room, **changes), said


def suffix_id(base: str, k: int, taken: set[str]) -> str:
    rid = f"{base}{chr(ord('a') + k)}" if k < 26 else f"{base}-{k + 1}"
    n = 2
    while rid in taken:
        rid = f"{base}-{k + 1}-{n}"
        n += 1
    return rid


def label(room: Room) -> str:
    return f"{room.id} {room.name!r}" if room.name else f"{room.id} (unnamed)"


def num(v: float) -> str:
    return f"{v:g}"


def show(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    return num(v) if isinstance(v, float) else str(v)


def by(entry: Entry) -> str:
    where = f", line {entry.line}" if entry.line else ""
    return f"corrected by the assessor ({entry.file}{where})"
