"""The words the drawings put on a plan: areas, measured values, room labels and the
one-line notes of findings (shared by the scene, the PDF pack and the HTML report)."""

from __future__ import annotations

from floorplan.findings import Finding


def fmt_area(v: float) -> str:
    return f"{v:.1f} m²"


#: units that are measured, not counted: shown with two decimals
MEASURE_UNITS = {"m2": " m²", "m": " m", "mm": " mm", "%": " %", "degrees": "°"}


def fmt_value(v: float | None, unit: str | None) -> str:
    """A measured or required value for people: lengths and areas to two decimals,
    counts as whole numbers with their noun agreeing ("0 doors", "1 point").

    >>> fmt_value(7.2, "m2"), fmt_value(0.0, "points"), fmt_value(1.0, "points"), fmt_value(850, "mm")
    ('7.20 m²', '0 points', '1 point', '850 mm')
    """
    if v is None:
        return "—"
    unit = unit or ""
    if unit == "mm":
        return f"{v:.0f} mm"
    if unit in MEASURE_UNITS:
        return f"{v:.2f}{MEASURE_UNITS[unit]}"
    if unit in ("", "count") or float(v).is_integer():
        n = f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}"
        if not unit or unit == "count":
            return n
        noun = unit[:-1] if float(v) == 1 and unit.endswith("s") and not unit.endswith("ss") else unit
        return f"{n} {noun}"
    return f"{v:.2f} {unit}"


def room_label(name: str, area: float, gross: float) -> str:
    """Name and counted area; gross in brackets where it differs (by 0.05 m² or more)."""
    text = f"{name}\n{fmt_area(area)}"
    if abs(gross - area) >= 0.05:
        text += f" ({fmt_area(gross)})"
    return text


def finding_where(f: Finding, room_names: dict[str, str]) -> str:
    """What a finding is about, in a few words: the door it marks (with the rooms it
    joins), its room or rooms, its dwelling (a finding on a whole flat), or the plan."""
    rooms = ", ".join(room_names.get(r, r) for r in f.rooms)
    doors = [m.label for m in f.marks if m.role == "door" and m.label]
    if len(doors) == 1:
        return f"door {doors[0]}" + (f" ({rooms})" if rooms else "")
    if f.dwelling and (not f.rooms or len(f.rooms) > 2):
        return f"dwelling {f.dwelling}"
    return rooms or "plan"


#: counts whose figures alone say nothing ("0 rooms (needs 1 room)"): the message says
#: which rooms, storeys or points
_VAGUE_UNITS = frozenset({"rooms", "storey", "storeys", "points", "of 5"})


def finding_note(f: Finding, room_names: dict[str, str]) -> str:
    """A finding in one line for the sidebar: its figures (``7.59 m² (needs 8.00 m²)``)
    where they tell the story, else its message; figures that agree (``0 doors (needs 0
    doors)`` on a point to review) or count vague things ("rooms") give the message."""
    where = finding_where(f, room_names)
    if (f.measured is not None and f.required is not None and f.unit not in _VAGUE_UNITS
            and (f.unit in ("m", "m2") or f.measured != f.required)):
        how = f"{fmt_value(f.measured, f.unit)} (needs {fmt_value(f.required, f.unit)})"
    else:
        how = f.message
        if how.startswith(f"{where}: "):  # messages name their room first: once is enough
            how = how[len(where) + 2:]
    return f"{f.rule} {where}: {how}"
