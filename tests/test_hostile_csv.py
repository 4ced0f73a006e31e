"""Issue 12, class 10: no CSV floorplan writes carries a live spreadsheet formula."""

from __future__ import annotations

import csv
import io

import pytest

from floorplan import batch
from floorplan.io.csvsafe import csv_text, safe_cell

ATTACKS = ["=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
           "\uff1d1+1"]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_text_is_prefixed_with_a_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Bedroom 1", "K/L/D", "", "a=b", "50%"])
def test_plain_text_is_left_alone(value):
    assert safe_cell(value) == value


def test_numbers_stay_numbers():
    assert (safe_cell(-3.5), safe_cell(0), safe_cell(None)) == (-3.5, 0, "")


def test_csv_text_round_trips_the_text_after_the_quote():
    text = csv_text(["a", "b"], [{"a": "=1+1", "b": 'say "hi", then\nleave'}], bom=False)
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row == {"a": "'=1+1", "b": 'say "hi", then\nleave'}


def test_batch_summary_csv_has_no_live_formula():
    rows = [batch.Row("=cmd|' /C calc'!A0.geojson", "p", title="=HYPERLINK(\"http://evil\")",
                      result="pass", exit_code=0, messages=("-1 fail",)),
            batch.Row("x.geojson", "x", error="@x.geojson: not valid JSON")]
    parsed = list(csv.DictReader(io.StringIO(batch.summary_csv(rows).lstrip("\ufeff"))))
    for row in parsed:
        for key, cell in row.items():
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (key, cell)
    assert parsed[0]["title"] == "'=HYPERLINK(\"http://evil\")"
    assert parsed[0]["rooms"] == "0"  # numbers are not quoted
