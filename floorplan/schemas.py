"""JSON Schemas for the JSON report and for a profile TOML file, built from the code.

The schemas are built from the same lists the code uses (room uses, schemes, statuses,
the rule registry and its typed options), so they cannot drift from it; the published
copies in ``docs/schemas/`` are regenerated with::

    python -m floorplan.schemas

and a test fails when they are stale, and validates every sample's report against them.
Editors that understand JSON Schema for TOML (Taplo / "Even Better TOML") check a profile
when its first line is ``#:schema ./profile.schema.json`` (or the schema's path).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://floorplan-check.invalid/schemas/"  # an id, never fetched
DOCS = Path(__file__).resolve().parent.parent / "docs" / "schemas"


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _strict(properties: dict[str, Any], required: list[str] | None = None,
            description: str | None = None) -> dict:
    out: dict[str, Any] = {"type": "object"}
    if description:
        out["description"] = description
    out["properties"] = properties
    out["required"] = list(properties) if required is None else required
    out["additionalProperties"] = False
    return out


NUMBER = {"type": "number"}
AREA = {"type": "number", "minimum": 0, "description": "square metres, to 1e-6"}
LENGTH = {"type": "number", "minimum": 0, "description": "metres, to 1e-6"}
TEXT = {"type": "string"}
IDS = {"type": "array", "items": {"type": "string"}}
COUNT = {"type": "integer", "minimum": 0}


def report_schema() -> dict:
    """The schema of ``floorplan check --format json`` (``Report.to_dict()``)."""
    from floorplan.doubts import KINDS as DOUBT_KINDS
    from floorplan.findings import ASSUMPTION_TOPICS, Status
    from floorplan.model import CONFIDENCE_LEVELS, SCHEMES, Use

    statuses = [s.value for s in Status]
    room = _strict({
        "id": TEXT, "name": TEXT, "use": {"enum": [u.value for u in Use]},
        "dwelling": _nullable(TEXT), "level": NUMBER,
        "source": {"type": "string", "description": "where the room came from: geojson, "
                   "outline, hatch, walls, walls_closed, label_seeded, hidden_outline ..."},
        "confidence": _strict({"level": {"enum": list(CONFIDENCE_LEVELS)}, "reason": TEXT}),
        "stated": {"type": "array", "description": "figures the drawing writes for the room",
                   "items": _strict({"kind": {"enum": ["area", "dimensions"]}, "text": TEXT,
                                     "area_m2": _nullable(AREA),
                                     "dimensions_m": _nullable({"type": "array", "items": LENGTH,
                                                                "minItems": 2, "maxItems": 2})})},
        "wheelchair": {"type": "boolean"},
        "gross_area_m2": AREA, "area_m2": AREA, "low_headroom_area_m2": AREA,
        "ceiling_height_m": _nullable(_strict({"min": LENGTH, "max": LENGTH})),
        "clear_circle_m": LENGTH, "doors": IDS, "opens_onto": IDS,
    })
    finding = _strict({
        "rule": {"type": "string", "pattern": "^FP[0-9]{3}$"},
        "name": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "status": {"enum": statuses}, "rooms": IDS, "dwelling": _nullable(TEXT),
        "measured": _nullable(NUMBER), "required": _nullable(NUMBER), "unit": _nullable(TEXT),
        "message": TEXT, "reference": _nullable(TEXT),
    })
    return {
        "$schema": DRAFT,
        "$id": BASE + "report.schema.json",
        "title": "floorplan report",
        "description": "The JSON report of `floorplan check --format json` (docs/cli.md). "
                       "Sections may be added in later versions; those here keep their shape.",
        "type": "object",
        "properties": {
            "floorplan_version": TEXT,
            "plan": _strict({
                "source": TEXT, "format": TEXT, "units": TEXT, "units_reason": TEXT,
                "name": _nullable(TEXT), "scheme": _nullable({"enum": list(SCHEMES)}),
                "tenants": _nullable(COUNT), "wheelchair": {"type": "boolean"},
            }),
            "profile": _strict({"id": TEXT, "title": TEXT, "version": _nullable(TEXT)}),
            "rooms": {"type": "array", "items": room},
            "doors": {"type": "array", "items": _strict({
                "id": TEXT, "connects": _nullable(IDS), "width_m": _nullable(LENGTH),
                "at": {"type": "array", "items": {"type": "number"}, "minItems": 2,
                       "maxItems": 2},
                "level": _nullable({"type": "number"}), "entrance": {"type": "boolean"},
                "unread": {"type": "boolean"},
                "from": {"enum": ["plan", "block", "arc", "leaf", "gap", "lift", "folding",
                                  "assessor"]},
                "handle": _nullable(TEXT)})},
            "dwellings": {"type": "array", "items": _strict({
                "id": TEXT, "rooms": IDS, "gross_area_m2": AREA, "area_m2": AREA,
                "storeys": COUNT})},
            "findings": {"type": "array", "items": finding},
            "warnings": {"type": "array", "items": TEXT},
            # what an assessor's corrections file changed (docs/corrections.md)
            "corrections": {"type": "array", "items": _strict({
                "file": TEXT, "line": _nullable(COUNT), "action": TEXT,
                "status": {"enum": ["applied", "unmatched", "overridden"]}, "rooms": IDS,
                "message": TEXT})},
            "assumptions": {"type": "array", "items": _strict({
                "topic": {"enum": list(ASSUMPTION_TOPICS)}, "subject": _nullable(TEXT),
                "text": TEXT, "override": TEXT, "rooms": IDS},
                description="what the check inferred rather than was told, and what states it instead")},
            "not_checked": {"type": "array", "items": _strict({
                "requirement": TEXT, "reference": _nullable(TEXT), "reason": TEXT},
                description="a requirement of the profile's standard that no drawing can show")},
            "unsure": {"type": "array", "items": _strict({
                "kind": {"enum": list(DOUBT_KINDS)}, "text": TEXT, "rooms": IDS}),
                "description": "what the reader was unsure of in its reading of the drawing"},
            "summary": _strict({
                "result": {"enum": ["pass", "warn", "fail", "cannot_assess"],
                           "description": "cannot_assess: the drawing could not be read well "
                           "enough for a verdict (the reasons in cannot_assess); exit code 1"},
                **{s: COUNT for s in statuses},
                "undecided": {**COUNT, "description": "findings the reader's doubts left "
                              "undecided (each a warn saying so)"},
                "cannot_assess": {**IDS, "description": "why no verdict can be given from "
                                  "this drawing (empty: one can)"},
                "exit_code": {"enum": [0, 1], "description": "the exit code of floorplan check "
                              "for this plan: 0 for pass and warn, 1 for fail and cannot_assess"}},
                required=["result", *statuses]),
        },
        "required": ["floorplan_version", "plan", "profile", "rooms", "doors", "dwellings",
                     "findings", "warnings", "summary"],
        "additionalProperties": True,
    }


_OPTION_TYPES: dict[type, dict] = {
    float: {"type": "number"}, int: {"type": "integer"}, str: {"type": "string"},
    bool: {"type": "boolean"}, list: {"type": "array"}, dict: {"type": "object"},
}


def profile_schema() -> dict:
    """The schema of a profile TOML file, with every rule and its typed options."""
    from floorplan.profiles import PROFILE_KEYS, SEVERITIES
    from floorplan.rules import REGISTRY
    from floorplan.rules.context import DEFAULT_PARAMS

    params = {}
    for key, value in DEFAULT_PARAMS.items():
        t = _OPTION_TYPES[float if isinstance(value, float) else type(value)]
        params[key] = {**t, "default": value}
    rules: dict[str, Any] = {}
    refs: dict[str, Any] = {}
    for code, r in REGISTRY.items():
        props: dict[str, Any] = {
            "reference": {"type": "string", "description": "the clause; the document is prefixed"},
            "severity": {"enum": list(SEVERITIES), "default": "error"},
            "enabled": {"type": "boolean", "default": True},
        }
        for o in r.options:
            props[o.name] = {**_OPTION_TYPES[o.type], **({"description": o.help} if o.help else {})}
        table = {"type": "object", "description": f"{code} {r.name}: {r.summary}",
                 "properties": props, "additionalProperties": False}
        rules[code] = table
        # a rule is named by its code or its name: [rules.FP101] or [rules.bedroom-area]
        refs[code] = refs[r.name] = {"$ref": f"#/$defs/rules/{code}"}
    return {
        "$schema": DRAFT,
        "$id": BASE + "profile.schema.json",
        "title": "floorplan rule profile",
        "description": "A profile TOML file (--profile PATH): which rules, their options, "
                       "the clause each cites; see floorplan/profiles/__init__.py.",
        "type": "object",
        "properties": {
            "profile": {"type": "object",
                        "properties": {k: {"type": "string"} for k in PROFILE_KEYS},
                        "additionalProperties": False},
            "params": {"type": "object", "properties": params, "additionalProperties": False},
            "rules": {"type": "object", "properties": refs, "additionalProperties": False},
            "not_checked": {"type": "array", "description": "requirements no drawing can show, "
                            "listed in every report", "items": {
                                "type": "object", "required": ["requirement"],
                                "properties": {"requirement": TEXT, "reference": TEXT,
                                               "reason": TEXT, "enabled": {"type": "boolean"}},
                                "additionalProperties": False}},
        },
        "additionalProperties": False,
        "$defs": {"rules": rules},
    }


SCHEMAS = {"report.schema.json": report_schema, "profile.schema.json": profile_schema}


def text(name: str) -> str:
    """The published text of schema ``name`` (``report.schema.json`` ...)."""
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schemas into ``docs/schemas/`` (or the folder given)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else DOCS
    folder.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        (folder / name).write_text(text(name), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
