"""IMDF venues (Apple's Indoor Mapping Data Format): units, openings and levels.

A venue is a folder or zip archive of feature collections, one per feature type; a single
unit file (of any name) may also be read with the ``opening``, ``level`` and ``venue``
files beside it. Files are found by name (``opening.geojson``) or else by the
``feature_type`` their features carry, so exports that name files otherwise are read
too.
This module finds and loads those files; :mod:`.convention` reads the features.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import zipfile
from pathlib import Path
from typing import Any

from floorplan.errors import PlanReadError
from floorplan.io import limits
from floorplan.io.paths import check_input
from floorplan.model import Use

#: IMDF unit ``category`` values that name a use
IMDF_CATEGORY_USES = {
    "restroom": Use.WC, "restroom.male": Use.WC, "restroom.female": Use.WC,
    "restroom.unisex": Use.WC, "restroom.family": Use.WC, "restroom.wheelchair": Use.WC,
    "kitchen": Use.KITCHEN, "office": Use.OFFICE, "storage": Use.STORAGE,
    "mechanical": Use.PLANT, "stairs": Use.STAIRS, "elevator": Use.OTHER,
    "shower": Use.SHOWER_ROOM, "lobby": Use.HALL, "walkway": Use.CORRIDOR,
}


#: the IMDF feature types a plan is read from
FEATURE_TYPES = ("unit", "opening", "level", "venue")
#: files beside a unit file looked into for the other feature types, at most
MAX_SIBLING_FILES = 200
_TYPE_IN_HEAD = re.compile(rb'"feature_type"\s*:\s*"([a-z_]+)"')


def load_venue(path: str | os.PathLike) -> dict[str, Any]:
    """The feature collections of an IMDF venue (a folder or zip archive), by feature type,
    found by name (``unit.geojson``) or else by the ``feature_type`` inside the files;
    ``"_sources"`` maps each type to the file it came from.

    Raises :class:`PlanReadError` naming the file when there is no unit file, when a file
    is not a FeatureCollection, or when a zip member is over the size or compression
    budget (:data:`~floorplan.io.limits.MAX_ZIP_MEMBER_BYTES`, ``MAX_ZIP_RATIO``).
    """
    p = Path(path)
    if p.is_dir():
        files = _from_folder(p, dict.fromkeys(FEATURE_TYPES))
    else:
        files = _from_zip(p)
    if "unit" not in files:
        raise PlanReadError(str(path), "no IMDF unit file found (unit.geojson, or a file of "
                            "features with \"feature_type\": \"unit\")")
    return files


def siblings(path: Path, data: Any = None) -> dict[str, Any]:
    """For an IMDF unit file of any name: the ``opening``, ``level`` and ``venue`` files
    beside it, found by name or by the feature type inside them (``{}`` for a file that
    holds no IMDF units)."""
    if data is not None and feature_type(data) != "unit":
        return {}
    if data is None and path.name.lower() != "unit.geojson":
        return {}
    wanted = {"opening": None, "level": None, "venue": None}
    return _from_folder(path.parent, wanted, skip=path)


def feature_type(data: Any) -> str | None:
    """The IMDF feature type of a FeatureCollection's features (its first typed one)."""
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        return None
    for f in data["features"][:100]:
        if isinstance(f, dict) and isinstance(f.get("feature_type"), str):
            return f["feature_type"]
    return None


def _from_folder(folder: Path, wanted: dict, skip: Path | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"_sources": {}}

    def take(kind: str, f: Path, data: Any) -> None:
        out[kind] = _collection(data, str(f))
        out["_sources"][kind] = str(f)

    skip_key = skip.resolve() if skip is not None else None
    for kind in wanted:  # by name first
        f = folder / f"{kind}.geojson"
        if f.exists() and (skip_key is None or f.resolve() != skip_key):
            take(kind, f, _load_file(f))
    missing = [k for k in wanted if k not in out]
    if missing:  # then by what the files hold
        try:
            candidates = sorted(e for e in folder.iterdir()
                                if e.suffix.lower() in (".geojson", ".json"))[:MAX_SIBLING_FILES]
        except OSError:
            candidates = []
        for f in candidates:
            if not missing:
                break
            if (skip_key is not None and f.resolve() == skip_key) or not _regular(f):
                continue
            kind = _head_type(f)
            if kind is not None and kind in missing:
                take(kind, f, _load_file(f))
                missing.remove(kind)
    return out


def _from_zip(p: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"_sources": {}}
    source = str(p)
    try:
        with zipfile.ZipFile(p) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()
                     and i.filename.lower().endswith((".geojson", ".json"))]
            def stem(i: zipfile.ZipInfo) -> str:
                return Path(i.filename).name.lower().removesuffix(".geojson")

            by_name: dict[str, zipfile.ZipInfo] = {}
            for i in infos:
                by_name.setdefault(stem(i), i)
            rest = [i for i in infos if stem(i) not in FEATURE_TYPES]
            for kind in FEATURE_TYPES:
                info = by_name.get(kind)
                if info is not None:
                    where = f"{source}: {info.filename}"
                    out[kind] = _collection(_parse(_member(zf, info, source), where), where)
                    out["_sources"][kind] = where
            for info in rest[:MAX_SIBLING_FILES]:
                missing = [k for k in FEATURE_TYPES if k not in out]
                if not missing:
                    break
                where = f"{source}: {info.filename}"
                raw = _member(zf, info, source)
                m = _TYPE_IN_HEAD.search(raw[:65536])
                kind = m.group(1).decode() if m else ""
                if kind in missing:
                    out[kind] = _collection(_parse(raw, where), where)
                    out["_sources"][kind] = where
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise PlanReadError(source, f"cannot read the IMDF archive: {exc}") from None
    except (NotImplementedError, RuntimeError) as exc:  # encrypted, unknown compression
        raise PlanReadError(source, f"cannot read the IMDF archive ({exc})") from None
    return out


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """A zip member's bytes, within the size and compression-ratio budget (a member's
    declared size may lie: what is read is counted too)."""
    where = f"{source}: {info.filename}"
    cap = limits.MAX_ZIP_MEMBER_BYTES

    def ratio_ok(size: int) -> bool:
        return size <= max(info.compress_size, 1) * limits.MAX_ZIP_RATIO or size < 1 << 20

    if info.file_size > cap:
        raise PlanReadError(where, f"{info.file_size / 2**20:,.0f} MiB unpacked, over the "
                            f"{cap / 2**20:.0f} MiB an IMDF file may be")
    if not ratio_ok(info.file_size):
        raise PlanReadError(where, f"unpacks to {info.file_size // max(info.compress_size, 1):,} "
                            f"times its packed size (a zip bomb?); at most {limits.MAX_ZIP_RATIO}")
    with zf.open(info) as fh:
        data = fh.read(min(cap, max(info.compress_size, 1) * limits.MAX_ZIP_RATIO + (1 << 20)) + 1)
    if len(data) > cap or not ratio_ok(len(data)):
        raise PlanReadError(where, "unpacks to more than its header says, over the budget "
                            "(a zip bomb?)")
    return data


def _regular(f: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(f).st_mode)
    except OSError:
        return False


def _head_type(f: Path) -> str | None:
    try:
        with open(f, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return None
    m = _TYPE_IN_HEAD.search(head)
    return m.group(1).decode() if m else None


def _load_file(f: Path) -> Any:
    check_input(f, folder_ok=False)
    size = f.stat().st_size
    if size > limits.MAX_PLAN_BYTES:
        raise PlanReadError(str(f), f"is {size / 2**20:.0f} MiB, over the "
                            f"{limits.MAX_PLAN_BYTES / 2**20:.0f} MiB an IMDF file may be")
    try:
        raw = f.read_bytes()
    except OSError as exc:
        raise PlanReadError(str(f), f"cannot read: {exc.strerror or exc}") from None
    return _parse(raw, str(f))


def _parse(raw: bytes, where: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PlanReadError(where, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except ValueError as exc:
        raise PlanReadError(where, f"not valid JSON: {exc}") from None
    except RecursionError:
        raise PlanReadError(where, "JSON nested too deeply to read") from None


def _collection(data: Any, where: str) -> dict:
    """``data`` when it is a FeatureCollection of objects; one line naming the file else."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        found = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise PlanReadError(where, f"not a GeoJSON FeatureCollection (found {found!r:.40})")
    feats = data.get("features")
    if not isinstance(feats, list):
        raise PlanReadError(where, "'features' is not a list")
    for i, f in enumerate(feats):
        if not isinstance(f, dict) or f.get("type") != "Feature":
            raise PlanReadError(where, "not a GeoJSON Feature", f"feature {i}")
        if f.get("properties") is not None and not isinstance(f["properties"], dict):
            raise PlanReadError(where, "'properties' is not an object", f"feature {i}")
    return data


def levels(level_fc: Any) -> dict[str, float]:
    """Level id -> ordinal (storey number) from an IMDF level collection."""
    out: dict[str, float] = {}
    feats = level_fc.get("features") if isinstance(level_fc, dict) else None
    for f in feats if isinstance(feats, list) else []:
        if isinstance(f, dict):
            props = f.get("properties")
            ordinal = props.get("ordinal") if isinstance(props, dict) else None
            if isinstance(f.get("id"), str | int) and ordinal is not None and _is_num(ordinal) \
                    and abs(ordinal) <= 1000:
                out[str(f["id"])] = float(ordinal)
    return out


def _is_num(v: Any) -> bool:
    if not isinstance(v, int | float) or isinstance(v, bool):
        return False
    try:
        return math.isfinite(v)
    except OverflowError:
        return False
