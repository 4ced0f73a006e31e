"""Reports with hand-built findings, for the renderer and reporter tests (rules are not needed)."""

from __future__ import annotations

from floorplan.findings import Finding, Mark, Status
from floorplan.measure import measure
from floorplan.report import ProfileInfo, Report
from tests.plans import door, door_line, obstacle, plan, rect, slope_y

PROFILE = ProfileInfo("test-profile", "A profile for tests", "1")


def report(p, findings=()) -> Report:
    return Report(p, measure(p), PROFILE, tuple(findings))


def three_rooms():
    """R1 fails (area), R2 passes, R3 is checked by nothing; R4 has low headroom."""
    p = plan(
        rect("R1", "Bedroom 1", 0, 0, 3, 2.5),
        rect("R2", "Bedroom 2", 0, 2.6, 4, 3),
        rect("R3", "Hall", 4.1, 0, 1.2, 5.6),
        rect("R4", "Bedroom 3", 5.4, 0, 4, 4),
        doors=[door("D1", 3.05, 1.2), door_line("D2", 4.05, 3.5, 4.05, 4.25, width=0.75)],
        obstacles=[obstacle("wardrobe", 0.1, 3.0, 0.6, 1.2, oid="O1")],
        ceilings=[slope_y(5.4, 0, 4, 4, 0.9, 2.6)],
        name="Three rooms",
    )
    m = measure(p)
    findings = [
        Finding("T101", "bedroom-area", Status.FAIL, "Bedroom 1: 7.50 m²; needs 8.0", rooms=("R1",),
                measured=7.5, required=8.0, unit="m2", reference="Test standard, clause 1",
                marks=(Mark("room", p.room("R1").polygon),)),
        Finding("T101", "bedroom-area", Status.PASS, "Bedroom 2: fine", rooms=("R2",),
                measured=12.0, required=8.0, unit="m2", marks=(Mark("room", p.room("R2").polygon),)),
        Finding("T101", "bedroom-area", Status.WARN, "Bedroom 3: low", rooms=("R4",),
                measured=m.rooms["R4"].area, required=8.0, unit="m2",
                marks=(Mark("low_headroom", m.rooms["R4"].low_geom),)),
        Finding("T200", "door-width", Status.FAIL, "D2 is 0.75 m wide", rooms=("R2", "R3"),
                measured=0.75, required=0.8, unit="m", marks=(Mark("door", p.doors[1].geometry),)),
    ]
    return p, findings


def plan_pixel(scene, x: float, y: float, dpi: float) -> tuple[int, int]:
    """The pixel of plan point (x, y) m on the one-panel sheet of ``scene`` drawn at ``dpi``."""
    panel = scene.panels[0]
    fx, fy, _, _ = panel.frame
    b = panel.bounds
    k = 1000 / scene.scale
    height = int(scene.paper[1] / 25.4 * dpi)
    return (int((fx + (x - b[0]) * k) / 25.4 * dpi),
            int(height - (fy + (y - b[1]) * k) / 25.4 * dpi))
