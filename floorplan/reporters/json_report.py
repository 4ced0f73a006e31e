"""The JSON report (``--format json``): ``report.to_dict()`` as stable, indented JSON."""

from __future__ import annotations

import json
import math

from floorplan.report import Report


def _clean(value):
    """Non-finite floats are not JSON: write them as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def render(report: Report) -> str:
    return json.dumps(_clean(report.to_dict()), indent=2, ensure_ascii=False) + "\n"
