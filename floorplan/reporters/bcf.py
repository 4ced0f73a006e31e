"""BCF 2.1 (``.bcfzip``): the findings not met and to review, as issues on the IFC model.

Each finding whose status is ``fail`` (not met) or ``warn`` (to review) becomes one BCF
topic, so Solibri, BIMcollab, BlenderBIM (Bonsai) or any BCF reader shows it on the model
the plan was read from:

* the topic's components are the ``IfcSpace`` of each room the finding is about (all the
  rooms of its dwelling for a dwelling's finding) and the ``IfcDoor`` of each door it
  marks, by their ``GlobalId``;
* its viewpoint is a perspective camera looking down at 45° on the centre of those
  components' bounds, from far enough for the whole box to fit a 60° field of view, with
  a clipping plane just over their tops (so the floor above does not hide the room) and
  spaces shown (``SpacesVisible``);
* a finding about the whole plan has no components and looks at the whole model.

BCF-XML is written with the standard library (:mod:`xml.etree` and :mod:`zipfile`) after
the buildingSMART schemas of release 2.1 (``markup.xsd``, ``visinfo.xsd``,
``version.xsd``). Coordinates are the IFC model's own, in metres, as BCF has them (never
the map coordinates of an ``IfcMapConversion``).

Topic GUIDs are derived from the model's ``IfcProject`` GUID, the rule and what it is
about, so checking the model again gives the same topics (a BCF server updates them
rather than adding new ones). BCF requires each topic's creation date: it is ``date``
(the CLI's ``--date``), else ``SOURCE_DATE_EPOCH``, else now.

Only a plan read from IFC carries the GUIDs a BCF reader needs: any other plan is refused
with one line (exit 2).
"""

from __future__ import annotations

import io
import math
import os
import uuid
import zipfile
from datetime import UTC, datetime
from datetime import date as date_type
from xml.etree import ElementTree as ET

from floorplan.errors import OutputError
from floorplan.findings import STATUS_WORDS, Status

#: the BCF version written
VERSION = "2.1"
#: the viewpoint's field of view (degrees; BCF 2.1 allows 45 to 60)
FIELD_OF_VIEW = 60.0
#: how far over the components' tops the clipping plane lies (metres)
CLIP_ABOVE = 0.1
#: the namespace topic and viewpoint GUIDs are derived in
NAMESPACE = uuid.UUID("5b1f3c1e-2f0a-4b8e-9c61-0f1a9a1d2e16")
#: priority of a topic by the finding's status
PRIORITY = {Status.FAIL: "High", Status.WARN: "Normal"}
AUTHOR = "floorplan"


def render(report, date: str | None = None) -> bytes:
    """The ``.bcfzip`` bytes of ``report`` (see the module's docstring)."""
    plan = report.plan
    if plan.meta.format != "ifc":
        raise OutputError(f"--format bcf needs an IFC model: {plan.meta.source} is "
                          f"{plan.meta.format}, whose rooms have no IFC GUIDs for a BCF viewer "
                          "to show (use --format json, html or geojson)")
    when = _timestamp(date)
    project = next((r.properties.get("ifc_project") for r in plan.rooms
                    if r.properties.get("ifc_project")), None)
    source = os.path.basename(str(plan.meta.source))
    seen: dict[str, int] = {}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        _write(zf, "bcf.version", _version())
        index = 0
        for finding in report.findings:
            if finding.status not in PRIORITY:
                continue
            guids, boxes = _components(plan, finding)
            key = f"{project or source}/{finding.rule}/{','.join(finding.rooms)}/{finding.dwelling}"
            seen[key] = seen.get(key, 0) + 1
            topic = str(uuid.uuid5(NAMESPACE, f"{key}/{seen[key]}"))
            view = str(uuid.uuid5(NAMESPACE, f"{topic}/viewpoint"))
            index += 1
            _write(zf, f"{topic}/markup.bcf",
                   _markup(finding, topic, view, index, when, source, project))
            _write(zf, f"{topic}/viewpoint.bcfv",
                   _viewpoint(view, guids, boxes or _all_boxes(plan)))
    return buf.getvalue()


def _timestamp(date: str | None) -> str:
    if date:
        try:
            when = datetime.fromisoformat(date)
        except ValueError:
            try:
                d = date_type.fromisoformat(date)
            except ValueError:
                raise OutputError(f"--date {date!r}: a BCF date is YYYY-MM-DD or an ISO 8601 "
                                  "date and time") from None
            when = datetime(d.year, d.month, d.day)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
    elif os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        when = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC)
    else:
        when = datetime.now(UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# -- what a topic is about -----------------------------------------------------------

def _components(plan, finding) -> tuple[list[str], list[tuple[float, ...]]]:
    """The IFC GUIDs a finding is about (spaces, then doors) and their world boxes."""
    rooms = list(finding.rooms)
    if not rooms and finding.dwelling:
        rooms = [r.id for r in plan.rooms if r.dwelling == finding.dwelling]
    guids: list[str] = []
    boxes: list[tuple[float, ...]] = []
    by_id = {r.id: r for r in plan.rooms}
    doors = {d.id: d for d in plan.doors}
    things = [by_id[rid] for rid in rooms if rid in by_id]
    things += [doors[m.label] for m in finding.marks if m.role == "door" and m.label in doors]
    for thing in things:
        guid = thing.properties.get("ifc_guid")
        if guid and guid not in guids:
            guids.append(str(guid))
            if thing.properties.get("ifc_bounds"):
                boxes.append(tuple(thing.properties["ifc_bounds"]))
    return guids, boxes


def _all_boxes(plan) -> list[tuple[float, ...]]:
    return [tuple(r.properties["ifc_bounds"]) for r in plan.rooms if r.properties.get("ifc_bounds")]


def camera(boxes: list[tuple[float, ...]]) -> dict[str, tuple[float, float, float]]:
    """A perspective camera looking at 45° down from the south-west onto the centre of
    ``boxes`` (each ``(xmin, ymin, zmin, xmax, ymax, zmax)``), far enough for a sphere
    round them to fit the field of view; and where its clipping plane lies.

    >>> cam = camera([(0, 0, 0, 4, 3, 2.4)])
    >>> cam["target"], cam["clip"]
    ((2.0, 1.5, 1.2), (2.0, 1.5, 2.5))
    """
    if not boxes:
        boxes = [(0.0, 0.0, 0.0, 1.0, 1.0, 1.0)]
    lo = [min(b[k] for b in boxes) for k in range(3)]
    hi = [max(b[k + 3] for b in boxes) for k in range(3)]
    target = tuple((a + b) / 2 for a, b in zip(lo, hi, strict=True))
    radius = max(0.5, math.dist(lo, hi) / 2)
    distance = radius / math.sin(math.radians(FIELD_OF_VIEW / 2))
    s = 1 / math.sqrt(2)
    direction = (s * s, s * s, -s)  # towards north-east and 45° down
    up = (s * s, s * s, s)  # perpendicular to it, in the vertical plane of the view
    eye = tuple(t - distance * d for t, d in zip(target, direction, strict=True))
    return {"eye": _r(eye), "direction": _r(direction), "up": _r(up), "target": _r(target),
            "clip": _r((target[0], target[1], hi[2] + CLIP_ABOVE))}


def _r(v) -> tuple[float, float, float]:
    return tuple(round(float(x), 6) + 0.0 for x in v)  # type: ignore[return-value]


# -- the XML ---------------------------------------------------------------------------

def _version() -> ET.Element:
    root = ET.Element("Version", VersionId=VERSION)
    ET.SubElement(root, "DetailedVersion").text = VERSION
    return root


def _markup(finding, topic: str, view: str, index: int, when: str, source: str,
            project: str | None) -> ET.Element:
    root = ET.Element("Markup")
    header = ET.SubElement(root, "Header")
    file_attrs = {"isExternal": "true"}
    if project and len(project) == 22:
        file_attrs["IfcProject"] = project
    f = ET.SubElement(header, "File", file_attrs)
    ET.SubElement(f, "Filename").text = source
    t = ET.SubElement(root, "Topic", Guid=topic, TopicType="Issue", TopicStatus="Open")
    words = STATUS_WORDS[str(finding.status)]
    ET.SubElement(t, "Title").text = f"{finding.rule} {finding.name}: {words}" + (
        f" ({', '.join(finding.rooms)})" if finding.rooms else
        f" ({finding.dwelling})" if finding.dwelling else "")
    ET.SubElement(t, "Priority").text = PRIORITY[finding.status]
    ET.SubElement(t, "Index").text = str(index)
    for label in (finding.rule, words):
        ET.SubElement(t, "Labels").text = label
    ET.SubElement(t, "CreationDate").text = when
    ET.SubElement(t, "CreationAuthor").text = AUTHOR
    ET.SubElement(t, "Description").text = _description(finding)
    vp = ET.SubElement(root, "Viewpoints", Guid=view)
    ET.SubElement(vp, "Viewpoint").text = "viewpoint.bcfv"
    return root


def _description(finding) -> str:
    lines = [finding.message]
    if finding.measured is not None or finding.required is not None:
        unit = f" {finding.unit}" if finding.unit else ""
        lines.append(f"measured {_num(finding.measured)}{unit}; required {_num(finding.required)}{unit}")
    if finding.reference:
        lines.append(f"reference: {finding.reference}")
    return "\n".join(lines)


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}".rstrip("0").rstrip(".")


def _viewpoint(view: str, guids: list[str], boxes: list[tuple[float, ...]]) -> ET.Element:
    root = ET.Element("VisualizationInfo", Guid=view)
    comps = ET.SubElement(root, "Components")
    ET.SubElement(comps, "ViewSetupHints", SpacesVisible="true", SpaceBoundariesVisible="false",
                  OpeningsVisible="false")
    if guids:
        sel = ET.SubElement(comps, "Selection")
        for g in guids:
            ET.SubElement(sel, "Component", IfcGuid=g)
    ET.SubElement(comps, "Visibility", DefaultVisibility="true")
    cam = camera(boxes)
    pc = ET.SubElement(root, "PerspectiveCamera")
    _xyz(pc, "CameraViewPoint", cam["eye"])
    _xyz(pc, "CameraDirection", cam["direction"])
    _xyz(pc, "CameraUpVector", cam["up"])
    ET.SubElement(pc, "FieldOfView").text = f"{FIELD_OF_VIEW:g}"
    planes = ET.SubElement(root, "ClippingPlanes")
    cp = ET.SubElement(planes, "ClippingPlane")
    _xyz(cp, "Location", cam["clip"])
    _xyz(cp, "Direction", (0.0, 0.0, 1.0))  # BCF: the plane's direction points at what is hidden
    return root


def _xyz(parent: ET.Element, tag: str, v) -> None:
    e = ET.SubElement(parent, tag)
    for name, x in zip("XYZ", v, strict=True):
        ET.SubElement(e, name).text = repr(float(x))


def _write(zf: zipfile.ZipFile, name: str, root: ET.Element) -> None:
    ET.indent(root)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # the same bytes each time
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)
