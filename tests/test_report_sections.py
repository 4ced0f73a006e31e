"""The parts of a report an assessor signs: assumptions, not checked from a plan, the
folded input checks and the status words, the same in text, HTML and JSON."""

from __future__ import annotations

import json
import re

import pytest

from floorplan.engine import check
from floorplan.errors import ProfileError
from floorplan.findings import STATUS_WORDS, words
from floorplan.profiles import load_profile
from floorplan.reporters import get
from tests.plans import door, plan, rect

SH = {"scheme": "shared_house"}


def _house(**meta):
    """Two tenant bedrooms, a sleep-in, a bathroom and a hall: nothing declared."""
    return plan(rect("B1", "Bedroom 1", 0, 0, 3.5, 3.2), rect("B2", "Bedroom 2", 3.6, 0, 3.5, 3.2),
                rect("S", "Staff sleep-in", 7.2, 0, 3, 3.2), rect("W", "Bathroom", 0, 3.3, 2.5, 2.5),
                rect("H", "Hall", 2.6, 3.3, 7.6, 1.2),
                doors=[door("D1", 1.75, 3.25), door("D2", 5.35, 3.25), door("D3", 8.7, 3.25),
                       door("D4", 2.55, 3.9)], **meta)


# -- assumptions ------------------------------------------------------------------------
def test_inferred_scheme_and_tenants_are_assumptions_with_their_overrides():
    r = check(_house())
    got = {a.topic: a for a in r.assumptions}
    assert list(got) == ["scheme", "tenants"]
    assert "shared house" in got["scheme"].text and got["scheme"].override.startswith("--scheme")
    # 2 tenants: one per tenant bedroom, the sleep-in adds none
    assert "Tenants taken as 2" in got["tenants"].text and "Staff sleep-in" in got["tenants"].text
    assert got["tenants"].override.startswith("--tenants")


def test_declared_scheme_and_tenants_are_not_assumed():
    r = check(_house(scheme="shared_house", tenants=2))
    assert [a.topic for a in r.assumptions] == []


def test_assumptions_in_json_text_and_html():
    r = check(_house())
    d = json.loads(get("json")(r))
    assert [a["topic"] for a in d["assumptions"]] == ["scheme", "tenants"]
    assert set(d["assumptions"][0]) == {"topic", "subject", "text", "override", "rooms"}
    text = get("text")(r)
    assert "Assumptions" in text and "To state it: --tenants" in text
    html = get("html")(r, svg=False)
    assert 'id="assumptions"' in html and "--tenants, or the plan&#39;s <code>tenants</code> property" in html


def test_nothing_assumed_is_said():
    r = check(_house(scheme="shared_house", tenants=2))
    assert "  - none: everything the rules used was declared" in get("text")(r)
    assert "None: everything the rules used was declared" in get("html")(r, svg=False)


# -- not checked from a plan ------------------------------------------------------------
def test_ecc_lists_what_no_plan_shows():
    r = check(_house(**SH, tenants=2))
    reqs = [n.requirement.lower() for n in r.not_checked]
    for word in ("parking", "garden", "decorat", "fire", "tenanc", "licence", "planning permission",
                 "building regulations", "campus"):
        assert any(word in q for q in reqs), word
    refs = [n.reference for n in r.not_checked]
    assert all(ref.startswith("ECC Supported Living Accommodation Standards, row") for ref in refs)
    d = json.loads(get("json")(r))
    assert len(d["not_checked"]) == len(r.not_checked)
    assert set(d["not_checked"][0]) == {"requirement", "reference", "reason"}
    text = get("text")(r)
    assert f"Not checked from a plan ({len(r.not_checked)})" in text and "row 'Parking'" in text
    html = get("html")(r, svg=False)
    assert 'id="not-checked"' in html and html.count("row &#39;Parking&#39;") == 1


@pytest.mark.parametrize("profile", ["ndss", "m4-3"])
def test_every_profile_lists_some(profile):
    assert load_profile(profile).not_checked


def test_not_checked_is_inherited_replaced_and_dropped(tmp_path):
    own = tmp_path / "mine.toml"
    own.write_text('[profile]\nid = "mine"\ntitle = "Mine"\nextends = "ecc-supported-living"\n'
                   'document = "My standard"\n'
                   '[[not_checked]]\nrequirement = "Cycle store"\nreference = "4.2"\nreason = "outside"\n'
                   '[[not_checked]]\nrequirement = "No deposits on tenancies"\nenabled = false\n',
                   encoding="utf-8")
    p = load_profile(own)
    reqs = [n.requirement for n in p.not_checked]
    base = [n.requirement for n in load_profile("ecc-supported-living").not_checked]
    assert reqs == [q for q in base if q != "No deposits on tenancies"] + ["Cycle store"]
    # an inherited entry keeps its own document; the new one takes this profile's
    assert p.not_checked[-1].reference == "My standard, 4.2"
    assert p.not_checked[0].reference.startswith("ECC Supported Living")


@pytest.mark.parametrize("body, words_", [
    ('[[not_checked]]\nreference = "x"\nreason = "y"\n', "'requirement' is missing"),
    ('[[not_checked]]\nrequirement = "x"\n', "'reason' is missing"),
    ('[[not_checked]]\nrequirement = "x"\nreason = "y"\nwhy = "z"\n', "unknown key 'why'"),
    ('not_checked = "x"\n', "must be [[not_checked]] tables"),
])
def test_bad_not_checked_is_one_line(tmp_path, body, words_):
    f = tmp_path / "bad.toml"
    f.write_text('[profile]\nid = "bad"\ntitle = "Bad"\n' + body if not body.startswith("not_") else
                 body + '[profile]\nid = "bad"\ntitle = "Bad"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=re.escape(words_)):
        load_profile(f)


# -- input checks fold into one line ------------------------------------------------------
def test_quiet_input_checks_are_one_line_in_text_and_html():
    r = check(_house(**SH, tenants=2))
    text = get("text")(r)
    quiet = sorted({f.rule for f in r.findings if f.rule.startswith("FP0")})
    assert len(quiet) >= 6
    assert text.count("input checks: nothing to report") == 1
    assert f"{quiet[0]}-{quiet[-1]} input checks: nothing to report" in text
    assert "FP002 invalid-geometry" not in text
    html = get("html")(r, svg=False)
    assert html.count(">input checks<") == 1 and "FP002</strong>" not in html
    # the JSON keeps every rule's own finding (the contract)
    d = json.loads(get("json")(r))
    assert {f["rule"] for f in d["findings"]} >= set(quiet)


def test_an_input_check_with_something_to_say_is_not_folded():
    p = _house(**SH, tenants=2)
    p = plan(*p.rooms, rect("X", "Room 7", 20, 0, 2, 2), doors=p.doors, **SH, tenants=2)
    text = get("text")(check(p))
    assert "FP004 unclassified-room" in text
    assert re.search(r"FP001, FP002, FP003, FP005, FP006.* input checks: nothing to report", text)


# -- the words -----------------------------------------------------------------------------
def test_status_words_are_the_same_everywhere():
    assert STATUS_WORDS == {"pass": "met", "warn": "to review", "fail": "not met",
                            "not_applicable": "not applicable"}
    assert words("warn") == "to review"
    p = plan(rect("B1", "Bedroom 1", 0, 0, 2.5, 3), rect("B2", "Bedroom 2", 3, 0, 3.5, 3.2),
             **SH, tenants=2)
    r = check(p)
    text, html = get("text")(r), get("html")(r, svg=False)
    assert text.startswith("test plan") and "RESULT: NOT MET:" in text
    assert re.search(r"\d+ not met, \d+ to review, \d+ met, \d+ not applicable", text)
    for w in ("Not met", "To review", "Met", "Not applicable"):
        assert f">{w}</span>" in html, w
    for old in (">Fail<", ">Warning<", ">Pass<", ">fail</li>", ">warn</li>", ">pass</li>"):
        assert old not in html.replace("<b>", "").replace("</b>", ""), old
    # JSON keeps the contract's codes
    d = json.loads(get("json")(r))
    assert {f["status"] for f in d["findings"]} <= {"pass", "fail", "warn", "not_applicable"}


def test_assumptions_from_the_plan_are_escaped_in_html():
    p = plan(rect("B1", "Bedroom 1", 0, 0, 3.5, 3.2), rect("B2", "Bedroom 2", 3.6, 0, 3.5, 3.2),
             rect("S", "<script>x</script> sleep-in", 7.2, 0, 3, 3.2))
    html = get("html")(check(p), svg=False)
    assert "&lt;script&gt;x&lt;/script&gt; sleep-in" in html and "<script" not in html.lower()
