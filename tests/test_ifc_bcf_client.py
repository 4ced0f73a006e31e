"""The ``.bcfzip`` that ``--format bcf`` writes, read back by bcf-client (IfcOpenShell's
BCF library, PyPI ``bcf-client``), an independent BCF reader; skipped where it is not
installed. Expected GUIDs come from the model read with IfcOpenShell; the bedroom's
camera is worked by hand, as in ``tests/test_bcf.py``.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

pytest.importorskip("ifcopenshell")
bcfxml = pytest.importorskip("bcf.bcfxml")

import ifcopenshell  # noqa: E402

from floorplan.engine import check  # noqa: E402
from floorplan.io import read_plan  # noqa: E402
from floorplan.profiles import load_profile  # noqa: E402
from floorplan.reporters import get  # noqa: E402
from tests.test_bcf import small_flat  # noqa: E402


@pytest.fixture
def written(tmp_path):
    model = small_flat(tmp_path / "flat.ifc")
    report = check(read_plan(model), load_profile(None))
    out = tmp_path / "issues.bcfzip"
    out.write_bytes(get("bcf")(report, date="2026-12-02"))
    return model, report, out


def _read(path: Path):
    found = bcfxml.load(path)
    assert found is not None, f"bcf-client could not read {path}"
    return found


def _xyz(p) -> tuple[float, float, float]:
    return (p.x, p.y, p.z)


def test_bcf_client_reads_every_topic_with_its_spaces_and_camera(written):
    model, report, out = written
    bcf = _read(out)
    assert bcf.version.version_id == "2.1"
    wanted = [f for f in report.findings if str(f.status) in ("fail", "warn")]
    assert wanted and len(bcf.topics) == len(wanted)
    assert sorted(t.topic.title.split()[0] for t in bcf.topics.values()) == sorted(f.rule for f in wanted)
    ifc = ifcopenshell.open(str(model))
    guid = {s.Name: s.GlobalId for s in ifc.by_type("IfcSpace")}
    project = ifc.by_type("IfcProject")[0].GlobalId
    for topic in bcf.topics.values():
        assert str(topic.topic.creation_date).startswith("2026-12-02T00:00:00")
        [header_file] = topic.header.file
        assert (header_file.filename, header_file.ifc_project) == ("flat.ifc", project)
        assert len(topic.viewpoints) == 1
    # the bedroom's own finding selects its IfcSpace and looks at its box (x 0..2.5,
    # y 0..2.4, z 0..2.4, centre (1.25, 1.2, 1.2)) from a sphere fitting a 60° view
    [f] = [f for f in wanted if f.rooms == ("B1",) and str(f.status) == "fail"]
    [topic] = [t for t in bcf.topics.values() if t.topic.title.startswith(f.rule + " ")]
    [view] = topic.viewpoints.values()
    assert view.get_selected_guids() == [guid["B1"]]
    cam = view.visualization_info.perspective_camera
    eye, d = _xyz(cam.camera_view_point), _xyz(cam.camera_direction)
    dist = math.sqrt(2.5**2 + 2.4**2 + 2.4**2) / 2 / math.sin(math.radians(30))
    assert [e + dist * k for e, k in zip(eye, d, strict=True)] == pytest.approx([1.25, 1.2, 1.2], abs=1e-5)
    assert cam.field_of_view == pytest.approx(60.0)
    [plane] = view.visualization_info.clipping_planes.clipping_plane
    assert _xyz(plane.location) == pytest.approx((1.25, 1.2, 2.5))
    # the dwelling's findings select both spaces
    both = [t for t in bcf.topics.values() if "(B1, H1)" in t.topic.title]
    assert both and all(sorted(next(iter(t.viewpoints.values())).get_selected_guids())
                        == sorted([guid["B1"], guid["H1"]]) for t in both)


def test_a_file_saved_again_by_bcf_client_keeps_every_topic(written, tmp_path):
    _, _, out = written
    first = _read(out)
    again = tmp_path / "again.bcfzip"
    first.save(again)
    second = _read(again)

    def summary(bcf):
        return sorted((guid, t.topic.title, tuple(t.topic.labels), t.topic.priority,
                       tuple(v.get_selected_guids() or () for v in t.viewpoints.values()),
                       tuple(_xyz(v.visualization_info.perspective_camera.camera_view_point)
                             for v in t.viewpoints.values()))
                      for guid, t in bcf.topics.items())

    assert summary(second) == summary(first)
