#!/bin/sh
# Build the wheel, install it into a fresh venv outside the source tree, and check a
# sample copied elsewhere: what a user who runs `pip install floorplan-check` gets.
set -eu
PY=${1:-python3}
SRC=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/floorplan-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
"$PY" -m build --wheel --outdir "$WORK/dist" "$SRC" >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; exit 1; }
WHEEL=$(ls "$WORK"/dist/*.whl)
echo "wheel-check: built $(basename "$WHEEL")"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet "$WHEEL"
mkdir "$WORK/plans"
cp "$SRC/samples/oak-house.dxf" "$SRC/samples/birch-court.geojson" "$WORK/plans/"
cd "$WORK/plans"
# from here the checkout is nowhere on the path: the installed package must stand alone
set +e
"$WORK/venv/bin/floorplan" check oak-house.dxf --format json --output oak.json --image oak.png
rc1=$?
"$WORK/venv/bin/floorplan" check birch-court.geojson >birch.txt
rc2=$?
set -e
[ "$rc1" -le 1 ] && [ "$rc2" -le 1 ] || { echo "wheel-check: floorplan check exited $rc1/$rc2"; exit 1; }
"$WORK/venv/bin/python" - <<'PY'
import json, pathlib, floorplan
here = pathlib.Path(floorplan.__file__).resolve()
assert "site-packages" in str(here), f"floorplan imported from {here}, not the installed wheel"
d = json.loads(pathlib.Path("oak.json").read_text())
assert d["rooms"] and d["summary"]["result"] in ("pass", "warn", "fail"), d["summary"]
assert pathlib.Path("oak.png").stat().st_size > 10_000
assert pathlib.Path("birch.txt").read_text().startswith("Birch Court")
assert (here.parent / "py.typed").exists() and (here.parent / "profiles").is_dir()
print(f"wheel-check: ok ({len(d['rooms'])} rooms, result {d['summary']['result']})")
PY
