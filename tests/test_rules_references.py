"""References are paragraph-precise, and the ECC ones quote the standard's own words.

The ECC standard's text is in ../shared/sources/ (the test skips where a clone has no
../shared): every row a reference names and every phrase it quotes must be in it. The
NDSS and Approved Document M clauses are the paragraph letters of the standards
(docs/rules.md), written out here by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from floorplan.engine import check
from floorplan.profiles import load_profile
from tests.plans import door, plan, rect

ECC_TEXT = Path(__file__).resolve().parents[2] / "shared" / "sources" / "004_8e8ac6058198e163.txt"


def _flat(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", text.replace("’", "'")).lower()


@pytest.mark.skipif(not ECC_TEXT.exists(), reason="../shared/sources is not here")
def test_ecc_references_name_real_rows_and_quote_real_words():
    source = _flat(ECC_TEXT.read_text(encoding="utf-8"))
    prof = load_profile("ecc-supported-living")
    refs = [rc.reference for code, rc in prof.rules.items() if not code.startswith("FP0")]
    refs += [n.reference.split(", ", 1)[1] for n in prof.not_checked]
    assert all(refs)
    for ref in refs:
        assert ref.startswith(("row '", "rows '")), ref
        for quoted in re.findall(r"'([^']+)'", ref):
            assert _flat(quoted) in source, (ref, quoted)


@pytest.mark.parametrize("profile, code, expect", [
    ("ndss", "FP101", "paragraph 10(c)-(d)"),
    ("ndss", "FP106", "paragraph 10(i)"),
    ("ndss", "FP107", "paragraph 10(c) and 10(e)"),     # 10(f) is the headroom rule
    ("m4-3", "FP202", "paragraph 3.24(d)"),
    ("m4-3", "FP203", "paragraph 3.24(a)"),
    ("m4-3", "FP204", "paragraph 3.35(b)"),
])
def test_profile_reference(profile, code, expect):
    assert load_profile(profile).rules[code].reference == expect


NDSS = "Technical housing standards - nationally described space standard"
ADM = "Approved Document M volume 1, M4(3)"


def _refs(report, code):
    return {f.rooms[0]: f.reference for f in report.findings if f.rule == code and f.rooms}


def test_ndss_bedroom_findings_cite_their_own_letter():
    # a 12 m² double (3 x 4) and a 7.5 m² single (2.5 x 3) in one flat
    p = plan(rect("D", "Bedroom 1", 0, 0, 3, 4), rect("S", "Bedroom 2", 3.1, 0, 2.5, 3), scheme="flat")
    r = check(p, "ndss")
    assert _refs(r, "FP101") == {"D": f"{NDSS}, paragraph 10(d)", "S": f"{NDSS}, paragraph 10(c)"}
    assert _refs(r, "FP107") == {"D": f"{NDSS}, paragraph 10(e)", "S": f"{NDSS}, paragraph 10(c)"}


def test_ndss_table_1_row_and_column():
    # 1 bedroom of 12 m² (two bedspaces), one storey: Table 1 row 1b2p, 1-storey column
    p = plan(rect("B", "Bedroom", 0, 0, 3, 4), rect("L", "Living", 3.1, 0, 6, 6), scheme="flat")
    f = [f for f in check(p, "ndss").findings if f.rule == "FP103"][0]
    assert f.reference.startswith(f"{NDSS}, paragraph 10(a), Table 1 row 1b2p, 1-storey column")


def test_m43_bedroom_findings_cite_their_own_letter():
    # principal 14 m² (3.5 x 4), another double 12.6 m² (3 x 4.2), a single 9 m² (3 x 3)
    p = plan(rect("P", "Bedroom 1", 0, 0, 3.5, 4), rect("D", "Bedroom 2", 3.6, 0, 3, 4.2),
             rect("S", "Bedroom 3", 6.7, 0, 3, 3), scheme="flat")
    r = check(p, "m4-3")
    assert _refs(r, "FP101") == {"P": f"{ADM}, paragraph 3.35(d)", "D": f"{ADM}, paragraph 3.35(f)",
                                 "S": f"{ADM}, paragraph 3.35(i)"}
    # Table 3.2 row by bedspaces: 2 + 2 + 1 = 5
    f = [f for f in r.findings if f.rule == "FP104"][0]
    assert f.reference == f"{ADM}, Table 3.2, 5 bedspaces row"


def test_m43_one_bedspace_is_held_to_the_two_bedspace_row():
    p = plan(rect("S", "Bedroom", 0, 0, 3, 3), rect("L", "Living", 3.1, 0, 5, 5),
             doors=[door("D1", 3.05, 1)], scheme="flat")
    f = [f for f in check(p, "m4-3").findings if f.rule == "FP104"][0]
    assert f.reference == f"{ADM}, Table 3.2, 2 bedspaces row" and f.required == 25.0
    assert "held to the 2-bedspace row" in f.message
