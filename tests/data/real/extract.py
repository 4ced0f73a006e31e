"""Rebuild tests/data/real/files/ from the repository snapshots that the search tool's
``fetch`` brought to /work/.mirror/ (nothing fetched is committed; see SOURCES.md).

    python tests/data/real/extract.py            # write every drawing it can
    python tests/data/real/extract.py --check    # only say what is there and what is missing
    python tests/data/real/extract.py --expected tests/data/holdout/expected.toml \
        --into tests/data/holdout/files          # another expectation file's drawings

Each drawing's [drawing.source] in expected.toml (and each IFC model's [model.source] in
ifc.toml) names the repository, the commit and the
path; the file is taken with ``git --git-dir=MIRROR show COMMIT:PATH`` and written only when
its sha256 is the one recorded. A snapshot that is not on this machine is listed with the
``fetch`` to run first. Exit code 0 when every drawing is in place, 1 otherwise.

A source with ``convert = "solvespace"`` is a SolveSpace sketch (``.slvs``), not a DXF: its
bytes are checked against ``source_sha256``, then SolveSpace's own exporter writes the DXF
(``solvespace-cli export-view --view VIEW``, Debian's package ``solvespace``, the version in
``converter``), and that DXF is checked against ``sha256``. Without ``solvespace-cli`` on the
machine such a drawing is listed as missing, with the reason.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
MIRROR = Path(os.environ.get("FLOORPLAN_MIRROR", "/work/.mirror"))


def sources(expected: Path = HERE / "expected.toml", key: str = "drawing") -> list[tuple[str, dict]]:
    with open(expected, "rb") as fh:
        data = tomllib.load(fh)
    return [(d["file"], d["source"]) for d in data.get(key, []) if "source" in d]


def ifc_sources() -> list[tuple[str, dict]]:
    """The IFC models of ifc.toml (read by tests/test_ifc_real.py, not scored by realcheck)."""
    return sources(HERE / "ifc.toml", key="model")


def git_dir(repo: str) -> Path:
    return MIRROR / repo.replace("/", "+") / "repo"


def take(name: str, src: dict, *, write: bool, into: Path | None = None) -> str | None:
    """None when the file is in place (or was just written) in ``into`` (default: FILES);
    otherwise why not."""
    into = FILES if into is None else into
    out = into / name
    if out.is_file() and hashlib.sha256(out.read_bytes()).hexdigest() == src["sha256"]:
        return None
    gd = git_dir(src["repo"])
    if not gd.is_dir():
        return f"no snapshot of {src['repo']}: fetch github:{src['repo']} first"
    got = subprocess.run(["git", f"--git-dir={gd}", "show", f"{src['commit']}:{src['path']}"],
                         capture_output=True)
    if got.returncode != 0:
        msg = got.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        return f"{src['repo']} has no {src['path']} at {src['commit'][:10]}: {msg[0]}"
    data = got.stdout
    if src.get("convert"):
        data, why = convert(data, src)
        if why:
            return why
    digest = hashlib.sha256(data).hexdigest()
    if digest != src["sha256"]:
        if src.get("convert"):
            return (f"{src['repo']}:{src['path']} converted to sha256 {digest[:16]}…, not the "
                    f"recorded {src['sha256'][:16]}… (not {src['converter']}?)")
        return (f"{src['repo']}:{src['path']} at {src['commit'][:10]} has sha256 {digest[:16]}…, "
                f"not the recorded {src['sha256'][:16]}… (a large file the snapshot lacks?)")
    if not write:
        return "not extracted yet (its snapshot is here: run without --check)"
    into.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    return None


def convert(data: bytes, src: dict) -> tuple[bytes, str | None]:
    """The DXF that the source's own CAD program writes from ``data`` (only SolveSpace so
    far); (b"", why) when it cannot be made here."""
    where = f"{src['repo']}:{src['path']}"
    if src["convert"] != "solvespace":
        return b"", f"{where}: no converter {src['convert']!r} (extract.py knows 'solvespace')"
    digest = hashlib.sha256(data).hexdigest()
    if digest != src["source_sha256"]:
        return b"", (f"{where} at {src['commit'][:10]} has sha256 {digest[:16]}…, not the "
                     f"recorded {src['source_sha256'][:16]}…")
    cli = shutil.which("solvespace-cli")
    if cli is None:
        return b"", (f"{where} is a SolveSpace sketch: install solvespace-cli ({src['converter']}, "
                     "apt-get install solvespace) to convert it")
    with tempfile.TemporaryDirectory() as tmp:
        sketch = Path(tmp) / "sketch.slvs"
        sketch.write_bytes(data)
        try:
            run = subprocess.run([cli, "export-view", "--view", src.get("view", "top"),
                                  "--output", "%.dxf", str(sketch)],  # beside the sketch
                                 capture_output=True, timeout=300)
        except subprocess.TimeoutExpired:
            return b"", f"{where}: solvespace-cli export-view took more than 300 s"
        made = Path(tmp) / "sketch.dxf"
        if run.returncode != 0 or not made.is_file():
            msg = run.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
            return b"", f"{where}: solvespace-cli export-view failed: {msg[0]}"
        return made.read_bytes(), None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="write nothing; report only")
    ap.add_argument("--expected", type=Path, default=None,
                    help="take the drawings of this expectation file (default: the corpus's "
                         "expected.toml and ifc.toml)")
    ap.add_argument("--into", type=Path, default=None,
                    help=f"write them into this folder (default: {FILES})")
    args = ap.parse_args(argv)
    into = args.into or FILES
    todo = sources(args.expected) if args.expected else [*sources(), *ifc_sources()]
    missing = 0
    total = 0
    for name, src in todo:
        total += 1
        why = take(name, src, write=not args.check, into=into)
        if why:
            missing += 1
            print(f"missing  {name}: {why}")
    print(f"{total - missing}/{total} drawings in {into}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
