"""The HTML report: self-contained, escaped, complete; and opened in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

import pytest

from floorplan.findings import Finding, Status
from floorplan.reporters import get
from floorplan.reporters.html import render
from tests.plans import plan, rect
from tests.render_helpers import report, three_rooms

EVIL_ROOM = "<script>alert(1)</script>"
EVIL_PLAN = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
EVIL_SCRIPT = "<script>document.body.setAttribute('data-pwned','1')</script>"


@pytest.fixture(scope="module")
def three_html():
    p, findings = three_rooms()
    return render(report(p, findings))


def evil_report():
    p = plan(rect("R1", EVIL_ROOM, 0, 0, 4, 3, use="bedroom"),
             rect("R2", EVIL_SCRIPT, 4.1, 0, 3, 3, use="bedroom"), name=EVIL_PLAN)
    f = Finding("T1", "bedroom-area", Status.FAIL, f"{EVIL_ROOM}: too small", rooms=("R1",),
                measured=7.0, required=8.0, unit="m2", reference="<b>ref</b>")
    return report(p, [f])


def test_registered_as_the_html_format():
    assert get("html").__wrapped__ is render  # behind the UTF-8 guard


def test_everything_from_the_plan_is_escaped():
    html = render(evil_report())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;b&gt;ref&lt;/b&gt;" in html


def test_self_contained_no_network(three_html):
    # namespaces in the inline SVG are names, not fetches; nothing else may point out
    for m in re.finditer(r'(?:src|href)\s*=\s*"([^"]*)"', three_html):
        assert not m.group(1).startswith(("http:", "https:", "//")), m.group(0)
    assert "<link" not in three_html and "@import" not in three_html
    assert "<svg" in three_html and "</svg>" in three_html


def test_summary_findings_table_and_rooms(three_html):
    assert "NOT MET</span>" in three_html and ">Not met</span>" in three_html
    rows = re.findall(r'<tr class="(fail|warn|pass|not_applicable)" data-status', three_html)
    assert rows == ["fail", "fail", "warn", "pass"]  # failures first
    for col in ("Rule", "Room", "Measured", "Required", "Status", "Reference"):
        assert f"<th>{col}</th>" in three_html
    assert "7.50 m²" in three_html and "8.00 m²" in three_html
    assert "Test standard, clause 1" in three_html
    for rid in ("R1", "R2", "R3", "R4"):
        assert f'id="room-{rid}"' in three_html
    assert 'id="show-fail"' in three_html and "#show-fail:checked" in three_html
    assert "@media print" in three_html


def test_same_report_same_html(three_html):
    p, findings = three_rooms()
    assert render(report(p, findings)) == three_html


def test_no_timestamp(three_html):
    assert not re.search(r"\b20\d\d-\d\d-\d\d[T ]\d\d:\d\d", three_html)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _run_chromium(args: list[str]) -> subprocess.CompletedProcess:
    profile = tempfile.mkdtemp(prefix="fp-chromium-")
    try:
        return subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed (.ci/run installs it)")
def test_chromium_shows_the_script_as_text_and_runs_nothing(tmp_path):
    page = tmp_path / "evil.html"
    page.write_text(render(evil_report()), encoding="utf-8")
    dom = _run_chromium(["--virtual-time-budget=3000", "--dump-dom", page.as_uri()]).stdout
    assert "</html>" in dom
    # the names are there as text ...
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=" in dom
    # ... and nothing ran: no element a script or handler would have made or changed
    assert "<script" not in dom.lower()
    assert 'data-pwned="1"' not in dom
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert title.startswith("&lt;img src=x")

    shot = tmp_path / "evil.png"
    _run_chromium([f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()])
    assert shot.exists() and shot.stat().st_size > 10_000
    Image = pytest.importorskip("PIL.Image")
    with Image.open(shot) as im:
        assert im.size == (1280, 2000)
        colours = im.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is None or len(colours) > 50  # a page was drawn, not a blank


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed (.ci/run installs it)")
def test_chromium_screenshots_the_report_with_its_plan(tmp_path, three_html):
    page = tmp_path / "r.html"
    page.write_text(three_html, encoding="utf-8")
    shot = tmp_path / "r.png"
    _run_chromium([f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()])
    Image = pytest.importorskip("PIL.Image")
    import numpy as np

    with Image.open(shot) as im:
        px = np.asarray(im.convert("RGB"), dtype=int)
    # the FAIL badge and the failing room are vermillion (213, 94, 0) somewhere on the page
    vermillion = (np.abs(px - np.array([213, 94, 0])).max(axis=2) <= 8).sum()
    assert vermillion > 500
    assert os.environ.get("FLOORPLAN_KEEP_SCREENSHOTS") is None or shutil.copy(shot, "html-report.png")


def test_the_plan_has_a_legend_of_what_it_shows(three_html):
    legend = re.search(r'<ul class="legend">(.*?)</ul>', three_html, re.S).group(1)
    assert "room: a rule not met" in legend and "floor under 1.5 m headroom" in legend
    assert "turning circle" not in legend  # nothing of the kind is drawn


def test_the_samples_report_their_failures():
    from pathlib import Path

    from floorplan.engine import check
    from floorplan.io import read_plan

    sample = Path(__file__).resolve().parent.parent / "samples" / "oak-house.geojson"
    rep = check(read_plan(sample))
    html = render(rep)
    fails = [f for f in rep.findings if f.status is Status.FAIL]
    rows = re.findall(r'<tr class="fail" data-status="fail">\s*<td><strong>(\w+)</strong>', html)
    assert sorted(rows) == sorted(f.rule for f in fails)


def test_the_not_met_list_names_the_rooms_of_each_finding():
    # three offices each "an office inside the home" read alike in the summary's list
    # unless each line says which room it is about, as the text report's [R1] does
    offices = [rect(f"R{k}", "Office", 3.1 * k, 0, 3, 3) for k in (1, 2)]
    fs = [Finding("FP304", "no-office", Status.FAIL, "Office is an office inside the home",
                  rooms=(f"R{k}",)) for k in (1, 2)]
    many = Finding("FP999", "x", Status.FAIL, "four rooms", rooms=("R1", "R2", "R3", "R4"))
    html = render(report(plan(*offices), [*fs, many]))
    notes = html[html.index("<strong>Not met:</strong>"):]
    notes = notes[:notes.index("</ul>")]
    assert '<strong>FP304</strong> <span class="ids">[R1]</span> Office is an office' in notes
    assert '<span class="ids">[R2]</span>' in notes
    assert '<span class="ids">[R1, R2, R3 and 1 more]</span> four rooms' in notes


def test_the_count_of_labels_too_small_to_read_is_shown_as_on_the_image():
    # as the image's key does (test_render_scene): at 1:200 the 0.3 m cupboard's number
    # would be 2.7 pt, 5.5 px at 150 dpi, under the 9 px a digit needs; the 0.6 m one's
    # (5.3 pt) is drawn and keyed as 1. The page's plan is drawn at the same scale.
    p = plan(rect("R1", "Bedroom 1", 0, 0, 60, 40), rect("R2", "Airing cupboard", 60.1, 0, 0.3, 0.3),
             rect("R3", "Linen cupboard", 60.1, 1, 0.6, 0.6))
    html = render(report(p))
    assert "1:200" in html  # the scale bar's words
    assert re.search(r"<p class=\"too-small\">1 label too small to read at this scale left off the plan", html)
    assert re.search(r"<b>1</b> Linen cupboard", html)
    # every label readable: no such line
    assert 'class="too-small"' not in render(report(plan(rect("R1", "Bedroom 1", 0, 0, 3.5, 3.2))))
