#!/bin/sh
# Regenerate the pictures docs/outputs.md shows (needs chromium and pdftoppm).
# Run from the repository root: sh docs/images/make.sh
set -e
BIN=${BIN:-.venv/bin}
IMG=docs/images
TMP=$(mktemp -d)
for s in oak-house birch-court; do
  $BIN/floorplan render samples/$s.geojson -o $TMP/$s.png || true
  $BIN/floorplan render samples/$s.geojson -o $TMP/$s.pdf || true
  # the DXF mark-up is shown over the sample's own drawing where there is one
  src=samples/$s.dxf; [ -f "$src" ] || src=samples/$s.geojson
  $BIN/floorplan render "$src" -o $TMP/$s.dxf || true
  $BIN/floorplan check samples/$s.geojson --format html -o $TMP/$s.html || true
  pdftoppm -r 80 -png $TMP/$s.pdf $TMP/$s-pdf
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir=$TMP/chrome --screenshot=$TMP/$s-html.png --window-size=1280,2400 \
    file://$(realpath $TMP/$s.html) 2>/dev/null
  $BIN/python - "$TMP" "$s" "$IMG" <<'PY'
import sys
import ezdxf
import ezdxf.recover
from ezdxf.addons.drawing import matplotlib as dm
from PIL import Image

tmp, s, img = sys.argv[1:]
dm.qsave(ezdxf.recover.readfile(f"{tmp}/{s}.dxf")[0].modelspace(), f"{tmp}/{s}-dxf.png", bg="#FFFFFF", dpi=100,
         size_inches=(16, 9))
for src, dst, width in ((f"{s}.png", f"{s}.png", 1600), (f"{s}-html.png", f"{s}-html.png", 1000),
                        (f"{s}-pdf-1.png", f"{s}-pdf-page1.png", 1100), (f"{s}-dxf.png", f"{s}-dxf.png", 1400)):
    with Image.open(f"{tmp}/{src}") as im:
        im = im.convert("RGB")
        if src.endswith("-html.png"):
            im = im.crop((0, 0, im.width, min(im.height, 1700)))
        if im.width > width:
            im = im.resize((width, round(im.height * width / im.width)), Image.LANCZOS)
        if dst != f"{s}.png":  # the plan itself keeps every colour; the rest are palette images
            im = im.quantize(colors=256)
        im.save(f"{img}/{dst}", optimize=True)
PY
done
rm -rf "$TMP"
