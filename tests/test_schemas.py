"""The JSON Schemas: published fresh in docs/schemas, and true of every sample's report
and every packaged profile."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from floorplan import schemas

jsonschema = pytest.importorskip("jsonschema")
ROOT = Path(__file__).parents[1]
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".dxf", ".geojson"))
PROFILES = sorted((ROOT / "floorplan" / "profiles").glob("*.toml"))


def _validator(name: str):
    schema = json.loads((ROOT / "docs" / "schemas" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", list(schemas.SCHEMAS))
def test_published_schemas_are_up_to_date(name):
    assert (ROOT / "docs" / "schemas" / name).read_text(encoding="utf-8") == schemas.text(name), (
        f"docs/schemas/{name} is stale: run  python -m floorplan.schemas")


# every sample under the default profile; the GeoJSON ones (quick to read) under each
CASES = [(s, "ecc-supported-living") for s in SAMPLES] + [
    (s, p) for s in SAMPLES if s.suffix == ".geojson" for p in ("ndss", "m4-3")]


@pytest.mark.parametrize("sample, profile", CASES, ids=lambda v: getattr(v, "name", v))
def test_every_sample_report_is_valid(sample, profile):
    from floorplan.engine import check
    from floorplan.io import read_plan
    from floorplan.reporters import get

    d = json.loads(get("json")(check(read_plan(sample), profile)))
    errors = sorted(_validator("report.schema.json").iter_errors(d), key=str)
    assert not errors, f"{sample.name}: {errors[0].json_path}: {errors[0].message}"


def test_the_report_schema_catches_a_wrong_report():
    from floorplan.engine import check
    from floorplan.io import read_plan

    d = check(read_plan(SAMPLES[0]), None).to_dict()
    v = _validator("report.schema.json")
    d["findings"][0]["status"] = "failed"
    d["rooms"][0]["area_m2"] = "7.2"
    paths = {e.json_path for e in v.iter_errors(d)}
    assert paths == {"$.findings[0].status", "$.rooms[0].area_m2"}


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.name)
def test_packaged_profiles_are_valid(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    errors = list(_validator("profile.schema.json").iter_errors(data))
    assert not errors, f"{path.name}: {errors[0].json_path}: {errors[0].message}"


@pytest.mark.parametrize("toml, where", [
    ('[rules.FP101]\nfail_below = "eight"\n', "$.rules.FP101.fail_below"),
    ("[rules.bedroom-area]\nfail_belwo = 8.0\n", "$.rules['bedroom-area']"),
    ('[rules.FP101]\nseverity = "fatal"\n', "$.rules.FP101.severity"),
    ("[rules.FP999]\n", "$.rules"),
    ('[profile]\nid = "x"\nauthor = "me"\n', "$.profile"),
])
def test_the_profile_schema_catches_what_the_loader_refuses(toml, where, tmp_path):
    from floorplan.errors import ProfileError
    from floorplan.profiles import load_profile

    errors = list(_validator("profile.schema.json").iter_errors(tomllib.loads(toml)))
    assert [e.json_path for e in errors] == [where]
    f = tmp_path / "p.toml"
    f.write_text('[profile]\nid = "p"\ntitle = "P"\nextends = "ecc-supported-living"\n' + toml
                 if not toml.startswith("[profile]") else toml)
    with pytest.raises(ProfileError):
        load_profile(f)
