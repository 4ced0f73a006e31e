"""Rule profiles: TOML data that picks rules, sets their options, and can ``extends``.

A profile file::

    [profile]
    id = "my-council"
    title = "My council's supported living standard"
    version = "2025-01"
    extends = "ecc-supported-living"      # a profile id or a path (relative to this file)
    document = "My Council Supported Living Standard"

    [params]                              # plan-level parameters
    wheelchair_uses = ["bedroom", "wet_room"]

    [rules.FP101]                         # or [rules.bedroom-area]
    fail_below = 9.0
    reference = "Section 4.2"             # clause; the document is prefixed
    severity = "warning"                  # "error" (default) or "warning": fails become warns
    # enabled = false                     # drop a rule the parent profile has

    [[not_checked]]                       # a requirement no drawing can show
    requirement = "Parking for staff and visitors"
    reference = "Parking"                 # clause; the document is prefixed
    reason = "parking is outside the plan of the home"

Every ``[[not_checked]]`` entry is listed in every report's *Not checked from a plan*
section, so an assessor sees what is left for them. A profile that ``extends`` another
inherits its entries and adds its own; an entry with the same ``requirement`` as an
inherited one replaces it, and one with ``enabled = false`` drops it.

Every rule a profile lists is reported for every plan. The input rules (FP001-FP006) are
always run. A bad profile raises :class:`~floorplan.errors.ProfileError` with one line
naming the file, the rule and the option, and the nearest valid name.

>>> p = load_profile("ndss")
>>> p.rules["FP101"].options["single"]
7.5
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from floorplan.errors import ProfileError
from floorplan.findings import NotChecked

HERE = Path(__file__).parent
DEFAULT = "ecc-supported-living"
SEVERITIES = ("error", "warning")
INPUT_REFERENCE = "floorplan input checks (docs/rules.md)"
#: keys of a [rules.X] table that are not rule options
META_KEYS = ("reference", "severity", "enabled")
PROFILE_KEYS = ("id", "title", "version", "extends", "document", "description")
SECTIONS = ("profile", "params", "rules", "not_checked")
NOT_CHECKED_KEYS = ("requirement", "reference", "reason", "enabled")


@dataclass(frozen=True)
class RuleConfig:
    code: str
    name: str
    options: dict[str, Any]
    severity: str = "error"
    reference: str | None = None


@dataclass(frozen=True)
class Profile:
    id: str
    title: str
    version: str | None = None
    document: str | None = None
    description: str | None = None
    extends: str | None = None
    source: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    rules: dict[str, RuleConfig] = field(default_factory=dict)
    #: requirements of the standard no drawing can show, listed in every report
    not_checked: tuple[NotChecked, ...] = ()

    def reference(self, code: str, clause: str | None = None) -> str | None:
        """"document, clause" for a rule (input rules cite floorplan's own checks)."""
        rc = self.rules.get(code)
        text = clause or (rc.reference if rc else None)
        if code.startswith("FP0"):
            return text or INPUT_REFERENCE
        if self.document and text:
            return f"{self.document}, {text}"
        return text or self.document


def available() -> dict[str, Path]:
    """Profile id -> packaged file (``_``-prefixed files are building blocks, still loadable)."""
    return {p.stem: p for p in sorted(HERE.glob("*.toml"))}


def _near(word: str, choices) -> str:
    word = str(word)
    found = difflib.get_close_matches(word, list(choices), n=5, cutoff=0.5)
    if not found:
        return ""
    # of equally close names, the one with more letters in the same places ("FP1O1" is
    # FP101 mistyped, not FP311)
    best = max(found, key=lambda c: (round(difflib.SequenceMatcher(None, word, c).ratio(), 9),
                                     sum(a == b for a, b in zip(word, c, strict=False))))
    return f"; did you mean '{best}'?"


def _resolve(spec: str | Path, base: Path | None = None) -> Path:
    text = str(spec)
    packaged = available()
    if text in packaged:
        return packaged[text]
    path = Path(text)
    if base is not None and not path.is_absolute():
        path = base / path
    if path.suffix == ".toml" or path.exists() or "/" in text or "\\" in text:
        if not path.is_file():
            raise ProfileError(f"{text}: profile file not found")
        return path
    raise ProfileError(f"unknown profile '{text}'{_near(text, packaged)} "
                       f"(profiles: {', '.join(k for k in packaged if not k.startswith('_'))})")


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ProfileError(f"{path}: cannot be read: {exc.strerror}") from None


def _validate(path: Path, data: dict) -> None:
    """Check one file against the registry, so the error names the file it is in."""
    from floorplan.rules import REGISTRY, lookup
    from floorplan.rules.context import DEFAULT_PARAMS

    for key in data:
        if key not in SECTIONS:
            raise ProfileError(f"{path}: unknown section [{key}]{_near(key, SECTIONS)}")
    entries = data.get("not_checked", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ProfileError(f"{path}: 'not_checked' must be [[not_checked]] tables")
    for i, e in enumerate(entries, 1):
        where = f"{path}: [[not_checked]] entry {i}"
        for k, v in e.items():
            if k not in NOT_CHECKED_KEYS:
                raise ProfileError(f"{where}: unknown key '{k}'{_near(k, NOT_CHECKED_KEYS)}")
            if k == "enabled":
                if not isinstance(v, bool):
                    raise ProfileError(f"{where}: 'enabled' must be true or false")
            elif not isinstance(v, str) or not v.strip():
                raise ProfileError(f"{where}: '{k}' must be text")
        for k in ("requirement", "reason"):
            if k not in e and e.get("enabled", True):
                raise ProfileError(f"{where}: '{k}' is missing")
        if "requirement" not in e:
            raise ProfileError(f"{where}: 'requirement' is missing")
    for key in data.get("profile", {}):
        if key not in PROFILE_KEYS:
            raise ProfileError(f"{path}: [profile]: unknown key '{key}'{_near(key, PROFILE_KEYS)}")
    for key, value in data.get("params", {}).items():
        if key not in DEFAULT_PARAMS:
            raise ProfileError(f"{path}: [params]: unknown parameter '{key}'{_near(key, DEFAULT_PARAMS)}")
        if not isinstance(value, type(DEFAULT_PARAMS[key])) and not (
                isinstance(DEFAULT_PARAMS[key], float) and isinstance(value, int)):
            raise ProfileError(f"{path}: [params]: '{key}' must be like {DEFAULT_PARAMS[key]!r}")
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ProfileError(f"{path}: 'rules' must be a table of [rules.CODE] sections")
    names = list(REGISTRY) + [r.name for r in REGISTRY.values()]
    for key, table in rules.items():
        r = lookup(key)
        if r is None:
            raise ProfileError(f"{path}: unknown rule '{key}'{_near(key, names)}")
        if not isinstance(table, dict):
            raise ProfileError(f"{path}: rule {r.code} ({r.name}): expected a table of options")
        valid = [o.name for o in r.options] + list(META_KEYS)
        for opt, value in table.items():
            where = f"{path}: rule {r.code} ({r.name}): option '{opt}'"
            if opt == "severity":
                if value not in SEVERITIES:
                    raise ProfileError(f"{where}: must be one of {', '.join(SEVERITIES)}"
                                       f"{_near(value, SEVERITIES)}")
                continue
            if opt == "enabled":
                if not isinstance(value, bool):
                    raise ProfileError(f"{where}: must be true or false")
                continue
            if opt == "reference":
                if not isinstance(value, str):
                    raise ProfileError(f"{where}: must be text")
                continue
            o = r.option(opt)
            if o is None:
                raise ProfileError(f"{path}: rule {r.code} ({r.name}): unknown option '{opt}'"
                                   f"{_near(opt, valid)}")
            try:
                o.check(value)
            except TypeError as exc:
                raise ProfileError(f"{where}: {exc}") from None


def _load_raw(path: Path, seen: tuple[Path, ...]) -> tuple[dict, dict, dict[str, dict], dict[str, NotChecked]]:
    """(profile table, params, rules by code, not-checked entries) with ``extends`` merged in."""
    from floorplan.rules import lookup

    real = path.resolve()
    if real in seen:
        raise ProfileError(f"{path}: 'extends' goes round in a circle")
    data = _read(path)
    _validate(path, data)
    meta = dict(data.get("profile", {}))
    params: dict = {}
    rules: dict[str, dict] = {}
    unchecked: dict[str, NotChecked] = {}
    parent = meta.get("extends")
    if parent:
        try:
            ppath = _resolve(parent, base=path.parent)
        except ProfileError as exc:
            raise ProfileError(f"{path}: extends: {exc}") from None
        pmeta, params, rules, unchecked = _load_raw(ppath, seen + (real,))
        unchecked = dict(unchecked)
        for key in ("document",):
            meta.setdefault(key, pmeta.get(key))
        rules = {c: dict(t) for c, t in rules.items()}
        params = dict(params)
    params.update(data.get("params", {}))
    for key, table in data.get("rules", {}).items():
        found = lookup(key)
        assert found is not None  # validated above
        code = found.code
        if table.get("enabled") is False:
            rules.pop(code, None)
            continue
        merged = rules.get(code, {})
        merged.update({k: v for k, v in table.items() if k != "enabled"})
        rules[code] = merged
    document = meta.get("document")
    for e in data.get("not_checked", []):
        req = e["requirement"].strip()
        if e.get("enabled") is False:
            unchecked.pop(req, None)
            continue
        clause = e.get("reference")
        ref = f"{document}, {clause}" if document and clause else (clause or document)
        unchecked[req] = NotChecked(req, ref, e["reason"].strip())
    meta.setdefault("id", path.stem)
    return meta, params, rules, unchecked


def load_profile(spec: str | Path | Profile | None = None) -> Profile:
    """A profile by packaged id, or from a TOML file path; ``None`` is the default."""
    if isinstance(spec, Profile):
        return spec
    path = _resolve(spec or DEFAULT)
    if path.parent == HERE:  # packaged profiles do not change while we run: read once
        if path not in _CACHE:
            _CACHE[path] = _build(path)
        return _CACHE[path]
    return _build(path)


_CACHE: dict[Path, Profile] = {}


def _build(path: Path) -> Profile:
    from floorplan.rules import INPUT_CODES, REGISTRY

    meta, params, raw_rules, unchecked = _load_raw(path, ())
    for code in INPUT_CODES:
        raw_rules.setdefault(code, {})
    rules: dict[str, RuleConfig] = {}
    for code in sorted(raw_rules):
        r = REGISTRY[code]
        table = raw_rules[code]
        opts = r.defaults
        for k, v in table.items():
            if k not in META_KEYS:
                option = r.option(k)
                assert option is not None  # validated when read
                opts[k] = option.check(v)
        rules[code] = RuleConfig(code, r.name, opts, table.get("severity", "error"),
                                 table.get("reference"))
    return Profile(
        id=str(meta.get("id")), title=str(meta.get("title") or meta.get("id")),
        version=None if meta.get("version") is None else str(meta["version"]),
        document=meta.get("document"), description=meta.get("description"),
        extends=meta.get("extends"), source=str(path), params=params, rules=rules,
        not_checked=tuple(unchecked.values()),
    )


def list_profiles() -> list[Profile]:
    """Every packaged profile (building blocks whose name starts with ``_`` left out)."""
    return [load_profile(p) for name, p in available().items() if not name.startswith("_")]


__all__ = ["Profile", "RuleConfig", "load_profile", "list_profiles", "available", "DEFAULT"]
