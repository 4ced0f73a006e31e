"""``--format bcf``: findings not met or to review as BCF 2.1 topics on the IFC model.

Expected GUIDs are read from the model with IfcOpenShell; the camera's figures are worked
by hand from the model's coordinates. The BCF-XML schemas (buildingSMART/BCF-XML, release
2.1) are read from its fetched snapshot: that test skips where the snapshot is absent.
"""

from __future__ import annotations

import io
import math
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

pytest.importorskip("ifcopenshell")

import ifcopenshell  # noqa: E402

from floorplan.cli import cli  # noqa: E402
from floorplan.engine import check  # noqa: E402
from floorplan.io import read_plan  # noqa: E402
from floorplan.profiles import load_profile  # noqa: E402
from floorplan.reporters import bcf, get  # noqa: E402
from tests import test_ifc_models as models  # noqa: E402

BCF_XML = Path("/work/.mirror/buildingSMART+BCF-XML/repo")


def small_flat(path: Path) -> Path:
    """Bedroom 2.5 x 2.4 m (6 m², too small for the standard) and hall 2.0 x 2.4 m, a 0.1 m
    wall between at x 2.5 .. 2.6 with a 0.7 m door; both 2.4 m high, on the ground floor."""
    m = models.Model()
    bed = m.space("B1", "Bedroom")
    hall = m.space("H1", "Hall")
    m.extruded(bed, [(0, 0), (2.5, 0), (2.5, 2.4), (0, 2.4)], 2.4)
    m.extruded(hall, [(2.6, 0), (4.6, 0), (4.6, 2.4), (2.6, 2.4)], 2.4)
    door = m.door("D1", (2.5, 0.8, 0.0), (0.0, 1.0, 0.0), 0.7, 0.1)
    m.boundary(bed, door)
    m.boundary(hall, door)
    return m.write(path)


@pytest.fixture
def flat(tmp_path):
    path = small_flat(tmp_path / "flat.ifc")
    report = check(read_plan(path), load_profile(None))
    return path, report, zipfile.ZipFile(io.BytesIO(get("bcf")(report, date="2026-12-02")))


def _topics(zf):
    out = {}
    for name in zf.namelist():
        if name.endswith("/markup.bcf"):
            folder = name.split("/")[0]
            out[folder] = (ET.fromstring(zf.read(name)),
                           ET.fromstring(zf.read(f"{folder}/viewpoint.bcfv")))
    return out


def test_every_finding_not_met_or_to_review_is_one_topic(flat):
    _, report, zf = flat
    wanted = [f for f in report.findings if str(f.status) in ("fail", "warn")]
    topics = _topics(zf)
    assert wanted and len(topics) == len(wanted)
    assert ET.fromstring(zf.read("bcf.version")).get("VersionId") == "2.1"
    titles = sorted(m.find("Topic/Title").text.split()[0] for m, _ in topics.values())
    assert titles == sorted(f.rule for f in wanted)
    for markup, _ in topics.values():
        assert markup.find("Topic/CreationDate").text == "2026-12-02T00:00:00Z"
        assert markup.find("Topic/Priority").text in ("High", "Normal")


def test_a_rooms_topic_selects_its_ifc_space_and_looks_at_it(flat):
    path, report, zf = flat
    guid = {s.Name: s.GlobalId for s in ifcopenshell.open(str(path)).by_type("IfcSpace")}
    [f] = [f for f in report.findings if f.rooms == ("B1",) and str(f.status) == "fail"]
    [(markup, view)] = [(m, v) for m, v in _topics(zf).values()
                        if m.find("Topic/Title").text.startswith(f.rule)]
    assert [c.get("IfcGuid") for c in view.iter("Component")] == [guid["B1"]]
    assert view.find("Components/ViewSetupHints").get("SpacesVisible") == "true"

    def xyz(tag):
        e = view.find(tag)
        return [float(e.find(k).text) for k in "XYZ"]

    # the bedroom's box: x 0..2.5, y 0..2.4, z 0..2.4; centre (1.25, 1.2, 1.2)
    eye = xyz("PerspectiveCamera/CameraViewPoint")
    d = xyz("PerspectiveCamera/CameraDirection")
    up = xyz("PerspectiveCamera/CameraUpVector")
    r = math.sqrt(2.5**2 + 2.4**2 + 2.4**2) / 2
    dist = r / math.sin(math.radians(30))  # the sphere round the box fits a 60° view
    assert [e + dist * k for e, k in zip(eye, d, strict=True)] == pytest.approx([1.25, 1.2, 1.2], abs=1e-5)
    assert math.hypot(*d) == pytest.approx(1) and sum(a * b for a, b in zip(d, up, strict=True)) == pytest.approx(0, abs=1e-6)
    assert d[2] < 0 < up[2]  # looking down, the right way up
    # a clipping plane 0.1 m over the 2.4 m ceiling hides the floor above
    assert xyz("ClippingPlanes/ClippingPlane/Location") == pytest.approx([1.25, 1.2, 2.5])
    assert xyz("ClippingPlanes/ClippingPlane/Direction") == [0.0, 0.0, 1.0]
    project = ifcopenshell.open(str(path)).by_type("IfcProject")[0].GlobalId
    assert markup.find("Header/File").get("IfcProject") == project


def test_a_topic_about_doors_selects_the_ifc_doors(flat, tmp_path):
    from dataclasses import replace

    from floorplan.findings import Mark, Status

    path, report, _ = flat
    door = report.plan.doors[0]
    f = replace(report.findings[0], status=Status.FAIL, rooms=(),
                marks=(Mark("door", door.geometry, label=door.id),))
    zf = zipfile.ZipFile(io.BytesIO(bcf.render(replace(report, findings=(f,)), date="2026-12-02")))
    [(_, view)] = _topics(zf).values()
    guid = ifcopenshell.open(str(path)).by_type("IfcDoor")[0].GlobalId
    assert [c.get("IfcGuid") for c in view.iter("Component")] == [guid]


def test_the_same_model_gives_the_same_file(flat):
    _, report, zf = flat
    assert get("bcf")(report, date="2026-12-02") == get("bcf")(report, date="2026-12-02")


def _schemas(tmp_path: Path) -> Path:
    pytest.importorskip("xmlschema")
    if not BCF_XML.is_dir():
        pytest.skip("no snapshot of buildingSMART/BCF-XML: fetch github:buildingSMART/BCF-XML")
    out = tmp_path / "xsd"
    out.mkdir()
    for name in ("markup.xsd", "visinfo.xsd", "version.xsd"):
        got = subprocess.run(["git", f"--git-dir={BCF_XML}", "show", f"release_2_1:Schemas/{name}"],
                             capture_output=True)
        if got.returncode != 0:
            pytest.skip(f"the BCF-XML snapshot has no release_2_1 {name}")
        (out / name).write_bytes(got.stdout)
    return out


def test_every_file_validates_against_the_bcf_2_1_schemas(flat, tmp_path):
    import xmlschema

    xsd = _schemas(tmp_path)
    schema = {ext: xmlschema.XMLSchema(str(xsd / name)) for ext, name in
              ((".bcf", "markup.xsd"), (".bcfv", "visinfo.xsd"), (".version", "version.xsd"))}
    _, _, zf = flat
    for name in zf.namelist():
        schema[Path(name).suffix].validate(zf.read(name).decode("utf-8"))


def test_check_writes_a_bcfzip_and_refuses_a_plan_that_is_not_ifc(tmp_path):
    path = small_flat(tmp_path / "flat.ifc")
    out = tmp_path / "issues.bcfzip"
    res = CliRunner().invoke(cli, ["check", str(path), "--format", "bcf", "--output", str(out)])
    assert res.exit_code == 1, res.output  # the bedroom is too small
    assert zipfile.ZipFile(out).read("bcf.version")
    res = CliRunner().invoke(cli, ["check", str(path), "--output", str(tmp_path / "x.bcfzip")])
    assert res.exit_code == 1 and zipfile.is_zipfile(tmp_path / "x.bcfzip")  # by extension
    geo = Path(__file__).parent.parent / "samples" / "oak-house.geojson"
    res = CliRunner().invoke(cli, ["check", str(geo), "--format", "bcf", "--output",
                                   str(tmp_path / "oak.bcfzip")])
    assert res.exit_code == 2
    assert "needs an IFC model" in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1
    assert not (tmp_path / "oak.bcfzip").exists()
