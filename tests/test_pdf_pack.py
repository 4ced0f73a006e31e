"""The PDF assessment pack: its sections in order, what each holds, A3 plan sheets at a
standard scale, and the same bytes every time (no timestamps)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import floorplan
from floorplan.cli import cli
from floorplan.findings import Status

pypdf = pytest.importorskip("pypdf")
OAK = Path(__file__).parents[1] / "samples" / "oak-house.geojson"
A4 = (595.3, 841.9)  # points
A3_LANDSCAPE = (1190.6, 841.9)


@pytest.fixture(scope="module")
def oak():
    report = floorplan.check(OAK)
    from floorplan.reporters import get

    data = get("pdf")(report, date="1 December 2026")
    return report, data, pypdf.PdfReader(io.BytesIO(data))


def _text(page) -> str:
    return re.sub(r"\s+", " ", page.extract_text() or "")


def test_sections_come_in_order(oak):
    report, _, pdf = oak
    texts = [_text(p) for p in pdf.pages]
    first = {}
    for key in ("Assessment pack", "Assumptions", "Findings not met or to review", "Room schedule",
                "Scale 1:", "Not checked from a plan"):
        first[key] = next(i for i, t in enumerate(texts) if key in t)
    order = [first[k] for k in ("Assessment pack", "Assumptions", "Findings not met or to review",
                                "Room schedule", "Scale 1:", "Not checked from a plan")]
    assert order == sorted(order) and order[0] == 0
    assert all(f"page {i} of {len(texts)}" in t for i, t in enumerate(texts, 1))


def test_cover_has_verdict_counts_and_the_given_date(oak):
    report, _, pdf = oak
    cover = _text(pdf.pages[0])
    assert "Oak House" in cover and "FAIL" in cover and "not met" in cover
    assert "Date: 1 December 2026" in cover
    c = report.counts
    for n, word in ((c["fail"], "not met"), (c["warn"], "to review"), (c["pass"], "met")):
        assert f"{n} {word}" in cover


def test_every_finding_not_met_or_to_review_has_its_own_plan_view(oak):
    report, _, pdf = oak
    wanted = [f for f in report.findings if f.status in (Status.FAIL, Status.WARN)]
    text = " ".join(_text(p) for p in pdf.pages)
    for f in wanted:
        assert f"{f.rule} {f.name}:" in text
    # one cropped view per finding, each naming its standard scale
    views = re.findall(r"\(first floor\), 1:(\d+) at A4|\(ground floor\), 1:(\d+) at A4", text)
    assert len(views) == len(wanted)
    assert all(int(a or b) in (20, 50, 100, 200, 500, 1000) for a, b in views)


def test_schedule_lists_every_room_and_sheets_are_a3_at_a_standard_scale(oak):
    report, _, pdf = oak
    text = " ".join(_text(p) for p in pdf.pages)
    for r in report.plan.rooms:
        assert r.id in text
    sheets = [p for p in pdf.pages if float(p.mediabox.width) > float(p.mediabox.height)]
    assert len(sheets) == len(report.plan.levels) == 2
    for p in sheets:
        assert (float(p.mediabox.width), float(p.mediabox.height)) == pytest.approx(A3_LANDSCAPE, abs=1)
        m = re.search(r"Scale 1:(\d+) at A3", _text(p))
        assert m and int(m.group(1)) in (20, 50, 100, 200, 500, 1000, 1250, 2500)
    others = [p for p in pdf.pages if p not in sheets]
    assert all((float(p.mediabox.width), float(p.mediabox.height)) == pytest.approx(A4, abs=1)
               for p in others)


SMALL = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"kind": "room", "id": f"B{i}", "name": f"Bedroom {i}"},
     "geometry": {"type": "Polygon", "coordinates": [[[x, 0], [x + 3.5, 0], [x + 3.5, 3.2],
                                                       [x, 3.2], [x, 0]]]}}
    for i, x in ((1, 0.0), (2, 3.6))]}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A plan that leaves its scheme and tenants to be inferred, its pack from the CLI."""
    import json

    folder = tmp_path_factory.mktemp("small")
    src, out = folder / "small.geojson", folder / "pack.pdf"
    src.write_text(json.dumps(SMALL))
    res = CliRunner().invoke(cli, ["report", str(src), "-o", str(out)], catch_exceptions=False)
    assert res.exit_code in (0, 1)
    return floorplan.check(src), out.read_bytes()


def test_not_checked_and_assumptions_come_from_the_report(oak, small):
    report, _, pdf = oak
    text = " ".join(_text(p) for p in pdf.pages)
    assert report.not_checked
    for n in report.not_checked:
        assert " ".join(n.requirement.split()[:4]) in text
    r, data = small
    assert r.assumptions
    t = " ".join(_text(q) for q in pypdf.PdfReader(io.BytesIO(data)).pages)
    for a in r.assumptions:
        assert " ".join(a.text.split()[:5]) in t


def test_the_same_plan_gives_the_same_bytes_and_no_date_unless_asked(oak, small):
    report, data, _ = oak
    from floorplan.reporters import get

    assert get("pdf")(report, date="1 December 2026") == data
    _, plain = small  # written without --date
    assert b"CreationDate" not in plain and b"ModDate" not in plain
    assert "Date:" not in _text(pypdf.PdfReader(io.BytesIO(plain)).pages[0])


def test_a_pdf_needs_a_file():
    res = CliRunner().invoke(cli, ["check", str(OAK), "--format", "pdf"])
    assert res.exit_code == 2 and "--output" in res.stderr
