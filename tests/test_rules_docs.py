"""docs/rules.md is generated from the registry; this fails when it is stale."""

from __future__ import annotations

from pathlib import Path

from floorplan.rules import REGISTRY
from floorplan.rules.docs import render

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date():
    assert DOCS.read_text(encoding="utf-8") == render(), (
        "docs/rules.md is stale: run  python -m floorplan.rules.docs > docs/rules.md")


def test_every_rule_is_documented_with_examples():
    for r in REGISTRY.values():
        assert r.summary, r.code
        if r.family != "input":
            # an advisory rule never fails: its example of a plan that does not meet it warns
            assert "PASS" in r.doc and ("FAIL" in r.doc or "WARN" in r.doc), r.code
