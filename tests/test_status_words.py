"""The status words are the same in every output a person reads (issue 11): met / to
review / not met / not applicable, in the image's title block, legend and side notes,
the DXF mark-up's table, the render and batch summaries, the batch index and the
GeoJSON report (whose ``status`` codes stay: they are the contract)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import floorplan
from floorplan.findings import STATUS_WORDS, Finding, Status, tally
from floorplan.render.scene import build
from floorplan.render.style import STYLE

SAMPLES = Path(__file__).parents[1] / "samples"
#: the old words: a status code or its verb, as a whole word ("fail", "FAILS", "passes"...)
OLD = re.compile(r"\b(fail|fails|failing|failures?|FAIL|pass|passes|passing|PASS|warn|warns|"
                 r"warnings?|WARN)\b")


@pytest.fixture(scope="module")
def oak():
    return floorplan.check(SAMPLES / "oak-house.geojson")


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_image_title_block_legend_and_notes(oak):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from floorplan.render import mpl

    assert oak.result == "fail"  # oak house fails FP101 etc.: the title must say so in words
    scene = build(oak)
    fig = Figure(figsize=(16, 11))
    FigureCanvasAgg(fig)
    mpl._sheet(fig, scene, list(scene.panels), STYLE)
    texts = _texts(fig)
    assert "Result: not met" in texts
    c = oak.counts
    assert f"{c['fail']} not met · {c['warn']} to review · {c['pass']} met · " \
           f"{c['not_applicable']} not applicable" in texts
    assert f"Not met ({c['fail']})" in texts and f"To review ({c['warn']})" in texts
    # no title, count, heading or legend entry uses the old words (finding notes quote
    # rule messages, which are not status words, so only the chrome is looked at)
    chrome = [t for t in texts if t.startswith(("Result", "Not met", "To review"))
              or t in {text for _, text in scene.legend} or " · " in t]
    assert chrome and not [t for t in chrome if OLD.search(t)], chrome


def test_every_legend_label_uses_the_words():
    labels = [lk.label for lk in STYLE.looks.values() if lk.label]
    assert labels
    assert not [x for x in labels if OLD.search(x)], [x for x in labels if OLD.search(x)]


def test_dxf_markup_table_says_the_words(oak, tmp_path):
    pytest.importorskip("ezdxf")
    import ezdxf

    from floorplan.render import render_to_file

    out = tmp_path / "oak.dxf"
    render_to_file(oak, out)
    doc = ezdxf.readfile(out)
    texts = [e.dxf.text for e in doc.modelspace().query("TEXT")]
    c = oak.counts
    head = f"Result: not met - {tally(c)}"
    assert head in texts, [t for t in texts if t.startswith("Result")]
    statuses = {t for t in texts if t in STATUS_WORDS.values()}
    assert {"not met", "to review", "met"} <= statuses
    assert not [t for t in texts if t in ("FAIL", "WARN", "PASS")]


def test_tally():
    assert tally({"fail": 0, "warn": 2, "pass": 5}) == "0 not met, 2 to review, 5 met, 0 not applicable"
    assert tally({"fail": 1, "warn": 0, "pass": 3}, empty=False) == "1 not met, 0 to review, 3 met"


def test_render_command_summary(tmp_path):
    from click.testing import CliRunner

    from floorplan.cli import cli

    out = tmp_path / "oak.png"
    r = CliRunner().invoke(cli, ["render", str(SAMPLES / "oak-house.geojson"), "-o", str(out)])
    assert r.exit_code == 1, r.output
    line = r.output.strip().splitlines()[-1]
    assert re.fullmatch(rf"{re.escape(str(out))}: not met \(\d+ not met, \d+ to review, \d+ met(, \d+ not applicable)?\)", line), line


def _finding(status, rule="FP101", msg="Bedroom 1: 7.00 m²"):
    return Finding(rule, "bedroom-area", Status(status), msg)


def test_batch_messages_use_the_words():
    from floorplan.batch import REVIEW_PREFIX, _messages

    fails = [_finding("fail") for _ in range(12)]
    warns = [_finding("warn", "FP309", "Bedroom 2: no en-suite"), _finding("warn", "FP309", "x")]
    out = _messages(fails, warns)
    assert any(m.startswith("... and ") and m.endswith("more not met (see the report)") for m in out), out
    review = [m for m in out if m.startswith(REVIEW_PREFIX)]
    assert review == ["to review: FP309 bedroom-area (2 to review; the first): Bedroom 2: no en-suite"]
    assert not [m for m in out if OLD.search(m.split(": ", 1)[0])]


def test_batch_index_says_the_words(tmp_path):
    from floorplan import batch

    rows = batch.run(batch.make_jobs([str(SAMPLES / "oak-house.geojson")], str(tmp_path),
                                     batch.Options(images=False)), 1)
    html = batch.summary_html(rows)
    assert "1 not met</span>" in html and "0 to review</span>" in html and "0 met</span>" in html
    assert '<span class="badge r-fail">not met</span>' in html
    assert ">Not met</th>" in html and ">To review</th>" in html and ">Met</th>" in html
    assert 'class="w">to review: ' in html
    assert not re.search(r">\s*(fail|warn|pass)\s*<", html)


def test_geojson_report_words_beside_the_codes(oak):
    from floorplan.reporters import get

    doc = json.loads(get("geojson")(oak))
    summary = doc["floorplan_report"]["summary"]
    assert summary["result"] == "fail" and summary["result_words"] == "not met"
    rooms = [f["properties"] for f in doc["features"] if f["properties"].get("kind") == "room"]
    seen = {(p["status"], p["status_words"]) for p in rooms}
    assert ("fail", "not met") in seen and ("pass", "met") in seen
    assert all(w == ("not checked" if s == "unchecked" else STATUS_WORDS[s]) for s, w in seen)
