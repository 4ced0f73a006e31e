"""Profiles: packaged data, extends, user files, and one clear line for a bad profile."""

from __future__ import annotations

import pytest

from floorplan.errors import ProfileError
from floorplan.profiles import available, list_profiles, load_profile
from floorplan.rules import REGISTRY


def test_packaged_profiles():
    ids = {p.id for p in list_profiles()}
    assert {"ecc-supported-living", "ndss", "m4-3"} <= ids
    ecc = load_profile(None)
    assert (ecc.id, ecc.version) == ("ecc-supported-living", "2024-02")
    assert ecc.rules["FP101"].options["fail_below"] == 8.0
    assert load_profile("ndss").rules["FP103"].options["table"]["2b4p"] == [70.0, 79.0]
    assert load_profile("m4-3").rules["FP104"].options["by_bedspaces"]["8"] == 37.0


def test_every_profile_runs_the_input_rules():
    for p in list_profiles():
        assert {"FP001", "FP002", "FP003", "FP004", "FP005", "FP006"} <= set(p.rules)


def test_catalogue_codes_are_registered():
    expected = {f"FP00{i}" for i in range(1, 10)} | {"FP010", "FP011", "FP012", "FP013", "FP014"} | {f"FP10{i}" for i in range(1, 10)} \
        | {"FP201", "FP202", "FP203", "FP204", "FP205", "FP206", "FP207", "FP208"} \
        | {f"FP30{i}" for i in range(1, 7)} | {"FP307", "FP308", "FP309", "FP310", "FP311", "FP312"} \
        | {"FP401", "FP402", "FP403", "FP404"}
    assert set(REGISTRY) == expected


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extends_overrides_and_disables(tmp_path):
    path = _write(tmp_path, "mine.toml", """
[profile]
id = "my-council"
title = "My council"
extends = "ecc-supported-living"

[rules.bedroom-area]
fail_below = 9.0
severity = "warning"

[rules.FP306]
enabled = false
""")
    p = load_profile(str(path))
    assert p.id == "my-council"
    assert p.rules["FP101"].options == {**p.rules["FP101"].options, "fail_below": 9.0, "warn_below": 10.0}
    assert p.rules["FP101"].severity == "warning"
    assert "FP306" not in p.rules
    assert p.document == "ECC Supported Living Accommodation Standards"   # inherited
    # a profile extending a file next to it
    child = _write(tmp_path, "child.toml", '[profile]\nextends = "mine.toml"\n[rules.FP402]\nmax_tenancies = 6\n')
    c = load_profile(child)
    assert (c.id, c.rules["FP101"].options["fail_below"], c.rules["FP402"].options["max_tenancies"]) == \
        ("child", 9.0, 6)


@pytest.mark.parametrize("body, words", [
    ('[rules.FP101]\nfail_bellow = 9.0\n', ["FP101", "bedroom-area", "fail_bellow", "fail_below"]),
    ('[rules.FP1O1]\nfail_below = 9.0\n', ["FP1O1", "FP101"]),
    ('[rules.bedroom-aria]\nfail_below = 9.0\n', ["bedroom-aria", "bedroom-area"]),
    ('[rules.FP101]\nfail_below = "nine"\n', ["FP101", "fail_below", "number"]),
    ('[rules.FP101]\nseverity = "warn"\n', ["FP101", "severity", "warning"]),
    ('[params]\nwheelchair_use = ["bedroom"]\n', ["params", "wheelchair_use", "wheelchair_uses"]),
    ('[profile]\nextends = "ndsss"\n', ["extends", "ndss"]),
    ('[rules.FP101\n', ["not valid TOML"]),
])
def test_bad_profile_is_one_clear_line(tmp_path, body, words):
    path = _write(tmp_path, "bad.toml", body)
    with pytest.raises(ProfileError) as exc:
        load_profile(str(path))
    text = str(exc.value)
    assert "\n" not in text and str(path) in text
    for w in words:
        assert w in text


def test_unknown_profile_suggests():
    with pytest.raises(ProfileError, match="ndss"):
        load_profile("ndsss")
    with pytest.raises(ProfileError, match="not found"):
        load_profile("nowhere/mine.toml")


def test_extends_cycle(tmp_path):
    _write(tmp_path, "a.toml", '[profile]\nextends = "b.toml"\n')
    b = _write(tmp_path, "b.toml", '[profile]\nextends = "a.toml"\n')
    with pytest.raises(ProfileError, match="circle"):
        load_profile(b)


def test_packaged_files_are_package_data():
    assert {"ecc-supported-living", "ndss", "m4-3"} <= set(available())
