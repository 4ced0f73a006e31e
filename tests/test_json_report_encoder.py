"""The JSON report's own encoder writes exactly what ``json.dumps(indent=2)`` writes.

The reference is the standard library's encoder (``json.dumps(..., indent=2,
ensure_ascii=False)``), run on the value with non-finite floats replaced by ``None``
(JSON has no NaN), on random values and on the reports of the samples.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from floorplan.reporters.json_report import dumps, render

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def reference(value) -> str:
    def clean(v):
        if isinstance(v, float) and not math.isfinite(v):
            return None
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [clean(x) for x in v]
        return v

    return json.dumps(clean(value), indent=2, ensure_ascii=False)


scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
           | st.text())
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5)
                      | st.tuples(inner, inner)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=5), max_leaves=40)


@settings(max_examples=400, deadline=None)
@given(values)
def test_same_text_as_json_dumps(value):
    assert dumps(value) == reference(value)


@pytest.mark.parametrize("value", [
    {}, [], {"a": {}}, {"a": []}, [[]], [{}], [[[1]]], {"x": [float("inf"), -0.0, 1e300, 5e-324]},
    {"n": float("nan"), "deep": {"l": [1, {"m": float("-inf")}]}},
    {"quote\"\n\u2603": "tab\t\u00e9\ud83d\ude00", "k": "\x00\x1f"},
    [True, False, None, 0, -1, 2 ** 70],
])
def test_edges(value):
    assert dumps(value) == reference(value)


#: strings the encoder's stand-in for a nested container (``"\x00"``, written ``"\u0000"``)
#: could be mistaken for: the text must still be json.dumps's
MARKS = ["\x00", 'ab"\x00', "\x00\x00", '\x00"', "\\u0000"]


@pytest.mark.parametrize("mark", MARKS)
def test_strings_like_the_stand_in(mark):
    for value in ({"a": mark, "b": [1, 2], "c": {"d": mark}},
                  {mark: [1], "x": mark}, [mark, [mark], {"k": [mark, mark]}], [[1], mark, [2]]):
        assert dumps(value) == reference(value)


def test_container_subclasses_are_indented():
    from collections import OrderedDict, namedtuple

    point = namedtuple("point", "x y")
    value = {"a": OrderedDict(b=[1, 2], c=point(1, [3])), "d": [point(1, 2)]}
    assert dumps(value) == reference(value)


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.sampled_from(MARKS) | scalars,
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(MARKS) | st.text(max_size=3), inner,
                                      max_size=4), max_leaves=30))
def test_stand_in_strings_random(value):
    assert dumps(value) == reference(value)


def test_non_finite_inside_a_plain_container_is_null():
    # a container of plain values goes through the C encoder; a NaN in it must not
    # come out as the C encoder's NaN (not JSON) but as null
    text = dumps({"a": [1.0, float("nan"), 2.0]})
    assert json.loads(text) == {"a": [1.0, None, 2.0]}
    assert "NaN" not in text


@pytest.mark.parametrize("name", ["oak-house.geojson", "birch-court.geojson", "oak-house.dxf",
                                  "birch-court.dxf"])
def test_sample_reports(name):
    from floorplan.api import check

    report = check(SAMPLES / name)
    assert render(report) == reference(report.to_dict()) + "\n"


def reference_tidy(value):
    """``report.tidy`` as it was written before its fast path: one isinstance chain."""
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return value
        return round(value, 6) + 0.0
    if isinstance(value, dict):
        return {k: reference_tidy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [reference_tidy(v) for v in value]
    if hasattr(value, "item"):
        return reference_tidy(value.item())
    return value


def test_tidy_same_as_the_isinstance_chain():
    import enum

    import numpy as np

    from floorplan.report import tidy

    class Kind(enum.StrEnum):
        A = "a"

    value = {"f": 6.499999999999999, "neg": -1e-7, "nan": float("nan"), "inf": float("inf"),
             "np": np.float64(1.23456789), "npi": np.int64(3), "e": Kind.A, "t": (1.0000004, "x"),
             "nested": [{"a": [np.float32(0.5), None, True]}], "b": False}
    got, want = tidy(value), reference_tidy(value)
    assert json.dumps(got) == json.dumps(want)
    assert [type(v) for v in got.values()] == [type(v) for v in want.values()]
    assert got["neg"] == 0.0 and math.copysign(1, got["neg"]) == 1  # -0.0 written as 0.0


@settings(max_examples=300, deadline=None)
@given(values)
def test_tidy_random(value):
    from floorplan.report import tidy

    assert json.dumps(tidy(value)) == json.dumps(reference_tidy(value))


@settings(max_examples=400, deadline=None)
@given(values)
def test_tidied_as_written_same_as_tidied_first(value):
    # the report is written with its floats rounded as the encoder reaches them, not by a
    # pass of tidy over every value first: the same text
    from floorplan.report import tidy

    assert dumps(value, tidied=True) == reference(tidy(value))


def test_tidied_as_written_odd_types():
    import enum
    from collections import OrderedDict, namedtuple

    import numpy as np

    from floorplan.report import tidy

    class Kind(enum.StrEnum):
        A = "a"

    point = namedtuple("point", "x y")
    value = {"f": 6.499999999999999, "neg": -1e-7, "nan": float("nan"), "np": np.float64(1.23456789),
             "npi": np.int64(3), "npb": np.bool_(True), "e": Kind.A, "t": (1.0000004, "x"),
             "od": OrderedDict(b=[np.float32(0.5), 2.0000001]), "p": point(1.00000049, [np.int32(3)]),
             "nested": [{"a": [np.float32(0.5), None, True, ()]}, [], {}], "b": False}
    text = dumps(value, tidied=True)
    assert text == reference(tidy(value))
    assert '"f": 6.5' in text and '"neg": 0.0' in text and '"npb": true' in text
